"""Forms in GOV.UK Frontend markup, and the base form every edit page uses.

``TrackedModelForm`` carries the record's ``version`` back in a hidden field, asks for the
reason for the change (required where ``reason_required``), limits every choice of a related
record to what the user may see (``restrict``), and saves through ``trust.services``.
"""

import datetime

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.forms.renderers import TemplatesSetting

from .files import ACCEPT, FILE_EMPTY, FILE_REQUIRED, check_upload, max_bytes, size_label
from .permissions import RestrictedQuerySet
from .services import record_save

# Longer than any text a person writes on purpose (the longest recommendation in the seeds is
# under 1,000 characters), short enough that a paste of a whole file is refused.
TEXT_MAX_LENGTH = 10_000
# The integers the databases store (PostgreSQL's integer); a bigger one is a typing slip.
INTEGER_RANGE = (-(2**31), 2**31 - 1)

ENTER = "Enter {what}"
SELECT = "Select {what}"
TOO_LONG = "{label} must be {limit} characters or fewer"
NO_NUL = "{label} must not contain a null character: type or paste it again"
NUMBER_RANGE = "{label} must be a whole number between {low} and {high}"
ENTER_REAL_DATE = "{label} must be a real date"
ENTER_DATE = "Enter {label_lower}"
DATE_INCOMPLETE = "{label} must include a day, month and year"
RELOAD = "This page is out of date: open it again and make your change once more"


class GovukFormRenderer(TemplatesSetting):
    form_template_name = "forms/govuk_form.html"
    field_template_name = "forms/govuk_field.html"


class GovukDateWidget(forms.MultiWidget):
    """The GOV.UK date input: day, month and year boxes in a fieldset."""

    template_name = "forms/widgets/govuk_date.html"

    def __init__(self, attrs=None):
        part = {"inputmode": "numeric", "class": "govuk-input govuk-date-input__input"}
        super().__init__(
            [
                forms.TextInput({**part, "class": part["class"] + " govuk-input--width-2"}),
                forms.TextInput({**part, "class": part["class"] + " govuk-input--width-2"}),
                forms.TextInput({**part, "class": part["class"] + " govuk-input--width-4"}),
            ],
            attrs,
        )

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class GovukDateField(forms.MultiValueField):
    widget = GovukDateWidget

    def __init__(self, **kwargs):
        kwargs.setdefault("require_all_fields", False)
        part = forms.CharField(required=False)
        super().__init__(fields=[part, part, part], **kwargs)

    def clean(self, value):
        label = str(self.label or "Date")
        parts = [str(p or "").strip() for p in (value or [])] + ["", "", ""]
        day, month, year = parts[:3]
        if not any((day, month, year)):
            if self.required:
                raise ValidationError(ENTER_DATE.format(label_lower=label.lower()), code="required")
            return None
        if not all((day, month, year)):
            raise ValidationError(DATE_INCOMPLETE.format(label=label), code="incomplete")
        try:
            result = datetime.date(int(year), int(month), int(day))
        except (ValueError, OverflowError):  # a 20-digit year overflows rather than fails
            raise ValidationError(ENTER_REAL_DATE.format(label=label), code="invalid") from None
        if result.year < 1900:
            raise ValidationError(ENTER_REAL_DATE.format(label=label), code="invalid")
        self.run_validators(result)
        return result

    def compress(self, data_list):  # clean() does the work; required by MultiValueField
        return data_list


def _date_formfield(field, **kwargs):
    return GovukDateField(
        label=field.verbose_name[:1].upper() + field.verbose_name[1:],
        required=not field.blank,
        help_text=field.help_text or "For example, 27 3 2008",
        **kwargs,
    )


def _lower_first(label: str) -> str:
    # "RAG rating" keeps its capitals; "Title" becomes "title".
    return label if label[1:2].isupper() else label[:1].lower() + label[1:]


# Labels that read on after "Enter"/"Select" as they are: "Enter what you saw".
_READS_ON = ("what ", "who ", "why ", "when ", "how ", "which ", "your ", "the ", "a ", "an ")


def _what(label: str, owner: str | None) -> str:
    """The thing a required message asks for: "the audit's title", "what has happened"."""
    text = _lower_first(label)
    if text.lower().startswith(_READS_ON):
        return text
    if owner and text.lower() == owner.lower():
        return f"the {text}"
    return f"the {owner}'s {text}" if owner else f"the {text}"


def _is_choice(field) -> bool:
    return isinstance(
        field, forms.ChoiceField | forms.ModelChoiceField | forms.FileField | forms.BooleanField
    )


def name_the_field(field, name: str, owner: str | None = None, text_limit=TEXT_MAX_LENGTH):
    """Messages that say which field is wrong and how, instead of Django's bare defaults;
    ``text_limit`` bounds a text field that has no limit of its own."""
    label = str(field.label or name.replace("_", " ").capitalize())
    # The length and range messages are %-formatted with the validator's numbers.
    escaped = label.replace("%", "%%")
    default_required = forms.Field.default_error_messages["required"]
    if str(field.error_messages.get("required")) == str(default_required):
        verb = SELECT if _is_choice(field) else ENTER
        field.error_messages["required"] = verb.format(what=_what(label, owner))
    if isinstance(field, forms.CharField) and not isinstance(field, forms.MultiValueField):
        if field.max_length is None:
            # Unbounded model text (TextField): a limit nobody reaches by accident.
            field.max_length = text_limit
            field.validators.append(MaxLengthValidator(text_limit))
        field.error_messages["max_length"] = TOO_LONG.format(
            label=escaped, limit=f"{field.max_length:,}"
        )
        field.error_messages["null_characters_not_allowed"] = NO_NUL.format(label=label)
    if type(field) is forms.ModelMultipleChoiceField:
        field.__class__ = RecordsField  # same field, with the id range checked first
    if isinstance(field, forms.IntegerField):
        low, high = INTEGER_RANGE
        message = NUMBER_RANGE.format(label=escaped, low=f"{low:,}", high=f"{high:,}")
        if field.min_value is None:
            field.validators.append(MinValueValidator(low, message=message))
        if field.max_value is None:
            field.validators.append(MaxValueValidator(high, message=message))


class RecordsField(forms.ModelMultipleChoiceField):
    """Several records by id; an id no database could hold is an invalid choice, refused
    before the query (SQLite cannot even pass it to ``IN``)."""

    def _check_values(self, value):
        low, high = INTEGER_RANGE
        if self.to_field_name is None and self.queryset.model._meta.pk.get_internal_type() in (
            "AutoField",
            "BigAutoField",
            "IntegerField",
            "BigIntegerField",
        ):
            for pk in value:
                text = str(pk).strip()
                if text.lstrip("-").isdigit() and not low <= int(text) <= high:
                    raise ValidationError(
                        self.error_messages["invalid_choice"],
                        code="invalid_choice",
                        params={"value": text},
                    )
        return super()._check_values(value)


class GovukFormMixin:
    """Restricts related-record choices to what ``user`` may see; GOV.UK markup via the renderer.

    Every field's messages name it ("Enter the audit's title"), every text has a length
    limit and refuses null characters, and every whole number stays in the database's range.
    """

    default_renderer = GovukFormRenderer()

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            queryset = getattr(field, "queryset", None)
            if isinstance(queryset, RestrictedQuerySet):
                field.queryset = queryset.restrict(user)
            name_the_field(field, name, self._owner_of(name))

    def _owner_of(self, name):
        """The record a model field belongs to ("audit"), for "Enter the audit's title"."""
        meta = getattr(self, "_meta", None)
        if getattr(meta, "model", None) is None or name not in (meta.fields or ()):
            return None
        return str(meta.model._meta.verbose_name)


class GovukForm(GovukFormMixin, forms.Form):
    pass


class SignInForm(GovukFormMixin, AuthenticationForm):
    """Django's sign-in, with messages that name the missing box."""


class TrackedModelForm(GovukFormMixin, forms.ModelForm):
    """Edit form for a tracked record: optimistic version check, change reason, history."""

    reason_required = False
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    change_reason = forms.CharField(
        label="Reason for the change",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Recorded in the history with your name.",
    )

    formfield_callback = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, model_field in self._date_fields():
            self.fields[name] = _date_formfield(model_field)
            if self.instance.pk:
                self.initial[name] = getattr(self.instance, name)
        self.fields["change_reason"].required = self.reason_required
        if self.instance.pk:
            self.initial["version"] = self.instance.version
            # Without it a stale edit could not be detected: refuse rather than overwrite.
            self.fields["version"].required = True
            self.fields["version"].error_messages["required"] = RELOAD
        else:
            del self.fields["version"]
        # The reason comes last on the page.
        self.order_fields([n for n in self.fields if n != "change_reason"] + ["change_reason"])

    def _date_fields(self):
        for name in list(self.fields):
            try:
                model_field = self._meta.model._meta.get_field(name)
            except Exception:  # a form-only field
                continue
            if model_field.get_internal_type() == "DateField":
                yield name, model_field

    def save_tracked(self, *, by):
        """Save through the tracked write path; raises ``StaleEditError`` on a stale version."""
        obj = self.save(commit=False)
        m2m = {
            name: self.cleaned_data[name]
            for name, field in self.fields.items()
            if isinstance(field, forms.ModelMultipleChoiceField) and name in self._meta.fields
        }
        return record_save(
            obj,
            by=by,
            reason=self.cleaned_data.get("change_reason", ""),
            expected_version=self.cleaned_data.get("version"),
            m2m=m2m,
        )

    def _post_clean(self):
        # Validation of the instance (constraints included) runs again in record_save inside
        # the transaction; here it gives field-level messages before anything is written.
        super()._post_clean()


class AttachmentForm(GovukForm):
    """A file to attach to a record: checked by ``trust.files.check_upload`` (size, type by
    name and by content) before anything is stored; the kinds offered are the record's."""

    file = forms.FileField(
        label="File",
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
        error_messages={
            "required": FILE_REQUIRED,
            "missing": FILE_REQUIRED,
            "invalid": FILE_REQUIRED,
            "empty": FILE_EMPTY,
        },
    )
    kind = forms.ChoiceField(label="What the file is", widget=forms.RadioSelect)
    title = forms.CharField(
        label="Title",
        max_length=200,
        required=False,
        help_text="Shown instead of the file name, for example “Terms of reference, agreed "
        "May 2008”. Leave empty to show the file name.",
    )
    description = forms.CharField(
        label="Description", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    change_reason = forms.CharField(
        label="Reason for attaching it",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Recorded in the history with your name.",
    )

    def __init__(self, *args, instance=None, **kwargs):
        from .models import AttachmentKind, attachment_kinds

        super().__init__(*args, **kwargs)
        self.instance = instance
        kinds = attachment_kinds(type(instance.record)) if instance is not None else ()
        self.fields["kind"].choices = [(k, AttachmentKind(k).label) for k in kinds]
        self.fields["file"].help_text = (
            "A PDF, Word, Excel, OpenDocument, CSV, text, PNG or JPEG file, "
            f"up to {size_label(max_bytes())}."
        )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        check_upload(upload)
        return upload


# --- Showing on a form what the write path said ---------------------------------------------


def add_refusal(form, error: ValidationError):
    """Show on the form what the write path refused after the form itself was valid (a rule
    only the whole record can check, or a clash with a row saved meanwhile); nothing was saved.
    """
    errors = error.message_dict if hasattr(error, "error_dict") else {NON_FIELD_ERRORS: error}
    for name, messages_ in errors.items():
        form.add_error(name if name in form.fields else None, messages_)


def current_values(obj, names):
    """(label, value as shown) of ``obj``'s fields ``names``: what is stored now."""
    rows = []
    for name in names:
        field = obj._meta.get_field(name)
        display = getattr(obj, f"get_{name}_display", None)
        label = str(field.verbose_name)
        rows.append((label[:1].upper() + label[1:], display() if display else getattr(obj, name)))
    return rows


def stale_changes(form, current):
    """Fields the other person changed since this form was loaded: (label, theirs)."""
    seen = current.history.filter(id=current.pk, version=form.cleaned_data.get("version")).first()
    rows = []
    for name, field in form.fields.items():
        if name in ("version", "change_reason") or not hasattr(current, name):
            continue
        now = getattr(current, name)
        if hasattr(now, "all"):
            continue
        before = getattr(seen, name, None) if seen else None
        if seen is None or before != now:
            rows.append((field.label or name, now))
    return rows
