"""Forms in GOV.UK Frontend markup, and the base form every edit page uses.

``TrackedModelForm`` carries the record's ``version`` back in a hidden field, asks for the
reason for the change (required where ``reason_required``), limits every choice of a related
record to what the user may see (``restrict``), and saves through ``trust.services``.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting

from .permissions import RestrictedQuerySet
from .services import record_save

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
        except ValueError:
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


class GovukFormMixin:
    """Restricts related-record choices to what ``user`` may see; GOV.UK markup via the renderer."""

    default_renderer = GovukFormRenderer()

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            queryset = getattr(field, "queryset", None)
            if isinstance(queryset, RestrictedQuerySet):
                field.queryset = queryset.restrict(user)


class GovukForm(GovukFormMixin, forms.Form):
    pass


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
