import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import date_format

from trust import clock
from trust.forms import RELOAD, GovukDateField, GovukForm, TrackedModelForm
from trust.generic import DeleteForm
from trust.permissions import role_needs_partner
from trust.timescales import TimescaleError, parse_timescale

from .models import (
    Action,
    ActionStatus,
    KeyRole,
    Membership,
    Memorandum,
    MemorandumSection,
    Partner,
    Person,
    ProgressUpdate,
    Rag,
    TermsOfReference,
)

DUE_BEFORE_START = "The due date must be on or after {what} ({date})"
NEED_DATE_OR_TIMESCALE = "Enter a due date, or a timescale such as “December 2007” or “Ongoing”"
SAME_DATE = "The new due date is the same as the current one"
FUTURE_UPDATE = "The date of the update cannot be in the future"
REASON_REQUIRED = "Enter the reason"
TIMESCALE_KEEPS_DATE = (
    'As written, e.g. "October 2007" or "Ongoing". Changing it does not move the due date: '
    "use “Change the due date” for that, which records why and who agreed."
)
DUE_DATE_KEPT = (
    "Its due date is still {date}, although the new timescale {means}. To move the due date, "
    "use “Change the due date”, which records why and who agreed."
)


def _check_not_before(date, not_before):
    if date and not_before and date < not_before[1]:
        raise ValidationError(
            DUE_BEFORE_START.format(
                what=not_before[0], date=date_format(not_before[1], "DATE_FORMAT")
            )
        )


class ActionForm(TrackedModelForm):
    """Add or edit an action. On add the due date is typed or read from the timescale."""

    due_date = GovukDateField(
        label="Due date",
        required=False,
        help_text="For example, 31 12 2007. Leave empty to take it from the timescale.",
    )

    class Meta:
        model = Action
        fields = ["description", "owner", "timescale"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, not_before=None, **kwargs):
        """``not_before``: (what, date) the due date may not precede, e.g. the audit's date."""
        super().__init__(*args, **kwargs)
        self.not_before = not_before
        self.fields["owner"].queryset = self.fields["owner"].queryset.select_related("partner")
        self.fields["owner"].label_from_instance = lambda p: p.named
        if self.instance.pk:
            # A change of due date goes through "Change due date", which records why.
            del self.fields["due_date"]
            self.fields["timescale"].help_text = TIMESCALE_KEEPS_DATE

    def saved_note(self) -> str:
        """After an edit: what to say when the new timescale means another date than the one
        agreed (the due date moves only through "Change the due date"); else ""."""
        action = self.instance
        if "timescale" not in self.changed_data or action.due_date is None:
            return ""
        try:
            meant = parse_timescale(action.timescale)
        except TimescaleError:
            return ""
        if meant == action.due_date:
            return ""
        means = f"means {date_format(meant, 'DATE_FORMAT')}" if meant else "gives no date"
        return DUE_DATE_KEPT.format(date=date_format(action.due_date, "DATE_FORMAT"), means=means)

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk or self.errors:
            return cleaned
        due = cleaned.get("due_date")
        timescale = cleaned.get("timescale", "")
        if due is None and timescale:
            try:
                due = parse_timescale(timescale)
            except TimescaleError as error:
                self.add_error("timescale", str(error))
                return cleaned
        elif due is None:
            self.add_error("due_date", NEED_DATE_OR_TIMESCALE)
            return cleaned
        try:
            _check_not_before(due, self.not_before)
        except ValidationError as error:
            self.add_error("due_date" if cleaned.get("due_date") else "timescale", error)
        cleaned["due_date"] = due
        return cleaned


class ActionSlipForm(GovukForm):
    new_date = GovukDateField(label="New due date", help_text="For example, 31 3 2008")
    reason = forms.CharField(
        label="Why is the date changing?",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        error_messages={"required": REASON_REQUIRED},
    )
    agreed_by = forms.ModelChoiceField(
        queryset=Person.objects.select_related("partner"),
        label="Who agreed the new date?",
        empty_label="Choose a person",
        error_messages={"required": "Choose who agreed the new date"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, error_messages={"required": RELOAD})

    def __init__(self, *args, action, not_before=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        self.not_before = not_before
        self.initial.setdefault("version", action.version)

    def clean_new_date(self):
        date = self.cleaned_data["new_date"]
        if date == self.action.due_date:
            raise ValidationError(SAME_DATE)
        _check_not_before(date, self.not_before)
        return date


class StatusForm(GovukForm):
    """A status change with its reason, which the history keeps."""

    status = forms.ChoiceField(widget=forms.RadioSelect)
    reason = forms.CharField(
        label="Reason for the change",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        error_messages={"required": REASON_REQUIRED},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, error_messages={"required": RELOAD})

    def __init__(self, *args, choices, current, version, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = choices
        self.initial.setdefault("status", current)
        self.initial.setdefault("version", version)
        self.current = current

    def clean_status(self):
        status = self.cleaned_data["status"]
        if status == self.current:
            raise ValidationError("Choose a different status from the current one")
        return status


class ProgressUpdateForm(TrackedModelForm):
    """Report progress, or (editing one) correct an update entered by mistake, saying why."""

    date = GovukDateField(label="Date of the update", help_text="For example, 15 11 2007")
    mark_complete = forms.BooleanField(label="This action is now complete", required=False)

    class Meta:
        model = ProgressUpdate
        fields = ["date", "note", "rag"]
        labels = {"note": "What has happened", "rag": "RAG rating"}
        widgets = {"note": forms.Textarea(attrs={"rows": 4}), "rag": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rag"].choices = Rag.choices
        self.fields["rag"].help_text = "Red: off track. Amber: at risk. Green: on track."
        if not self.initial.get("date"):  # a new update is dated today unless changed
            self.initial["date"] = clock.today()
        if self.instance.pk:
            del self.fields["mark_complete"]
            reason = self.fields["change_reason"]
            reason.required = True
            reason.label = "Why are you correcting it?"
            reason.error_messages["required"] = REASON_REQUIRED
        else:
            del self.fields["change_reason"]

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date and date > clock.today():
            raise ValidationError(FUTURE_UPDATE)
        return date


class WithdrawForm(DeleteForm):
    reason = forms.CharField(
        label="Why are you withdrawing it?",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Recorded in the action's history with your name.",
        error_messages={"required": REASON_REQUIRED},
    )


# --- Partners and people ------------------------------------------------------------------

DUTY_LABEL = "Is it under the duty to co-operate?"
PARTNER_SIGN_IN_NEEDS_PARTNER = (
    "They sign in as partner staff, who see their own organisation's records: choose their "
    "organisation, or change their sign-in's role first"
)
NO_PARTNER = "No partner organisation (an independent chair, scrutineer or adviser)"


def _people(field, queryset=None):
    """A choice of people, each named with their organisation."""
    field.queryset = (queryset if queryset is not None else Person.objects).select_related(
        "partner"
    )
    field.label_from_instance = lambda p: p.named


class PartnerForm(TrackedModelForm):
    """Add or edit a partner organisation: its sector (the partnership's list, as it stands),
    the duty to co-operate (yes, no, not known), what it signed and who signed, its lead
    contact (one of its people, once it has some)."""

    duty_to_cooperate = forms.TypedChoiceField(
        label=DUTY_LABEL,
        choices=[("True", "Yes"), ("False", "No"), ("", "Not known")],
        coerce=lambda value: value == "True",
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        help_text="A relevant partner under section 10 of the Children Act 2004.",
    )

    class Meta:
        model = Partner
        fields = [
            "name",
            "short_name",
            "sector",
            "duty_to_cooperate",
            "is_host_authority",
            "agreement_signed",
            "agreement_signed_by",
            "isp_signed",
            "isp_signed_by",
            "lead_contact",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].empty_label = "Choose a sector"
        for name in ("agreement_signed_by", "isp_signed_by"):
            _people(self.fields[name])
            self.fields[name].empty_label = "Not recorded"
        if self.instance.pk:
            _people(self.fields["lead_contact"], Person.objects.filter(partner=self.instance))
            self.fields["lead_contact"].empty_label = "Not chosen"
        else:  # a new partner has no people yet
            del self.fields["lead_contact"]


class PersonForm(TrackedModelForm):
    """Add or edit a person: a partner's officer, or a person of no partner organisation."""

    class Meta:
        model = Person
        fields = ["name", "job_title", "partner", "email", "phone", "line_manager"]
        labels = {"partner": "Partner organisation", "phone": "Telephone"}
        widgets = {"phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "off"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].empty_label = NO_PARTNER
        others = Person.objects.exclude(pk=self.instance.pk) if self.instance.pk else None
        _people(self.fields["line_manager"], others)
        self.fields["line_manager"].empty_label = "Not recorded"

    def clean_partner(self):
        partner, user = self.cleaned_data["partner"], self.instance.user
        if partner is None and user is not None and role_needs_partner(user.role):
            raise ValidationError(PARTNER_SIGN_IN_NEEDS_PARTNER)
        return partner


class PersonSignInForm(GovukForm):
    """The sign-in of a person: its username, e-mail and role, among those the user may give."""

    username = forms.CharField(
        max_length=150,
        help_text="What they type to sign in. An existing sign-in of this name is linked.",
    )
    email = forms.EmailField(label="Email address for the sign-in")
    role = forms.ChoiceField(widget=forms.RadioSelect)

    def __init__(self, *args, person, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = roles
        user = person.user
        self.initial.setdefault("username", user.username if user else "")
        self.initial.setdefault("email", (user.email if user else "") or person.email)
        if user and user.role in dict(roles):
            self.initial.setdefault("role", user.role)


ACTION_STATUS_CHOICES = ActionStatus.choices
__all__ = [
    "ACTION_STATUS_CHOICES",
    "ActionForm",
    "ActionSlipForm",
    "PartnerForm",
    "PersonForm",
    "PersonSignInForm",
    "ProgressUpdateForm",
    "StatusForm",
    "WithdrawForm",
    "datetime",
]


# --- Memberships ------------------------------------------------------------------------------

INDEPENDENT = "Leave empty for an independent member, who represents no partner organisation."


class MembershipForm(TrackedModelForm):
    """Add or edit a seat: the person, their role, the partner they represent (none for an
    independent member), from when, and whether they are expected at meetings. A seat is
    ended on its own page ("End the membership"), which records why."""

    class Meta:
        model = Membership
        fields = ["person", "role", "represents", "expected_to_attend", "started"]
        labels = {"started": "Member since", "expected_to_attend": "Expected to attend meetings"}
        help_texts = {"represents": INDEPENDENT, "started": "For example, 1 4 2007"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        person = self.fields["person"]
        person.required = True  # only seats recorded before memberships named people lack one
        person.queryset = person.queryset.select_related("partner")
        person.label_from_instance = lambda p: f"{p.name} ({p.partner})" if p.partner else p.name
        person.empty_label = "Choose a person"
        self.fields["role"].empty_label = "Choose a role"
        self.fields["represents"].empty_label = "No partner: an independent member"


class MembershipEndForm(GovukForm):
    """The day a seat ends and why: the history keeps the reason."""

    ended = GovukDateField(label="Last day of the membership", help_text="For example, 31 3 2008")
    reason = forms.CharField(
        label="Why is the membership ending?",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        error_messages={"required": REASON_REQUIRED},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, error_messages={"required": RELOAD})

    def __init__(self, *args, membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.membership = membership
        self.initial.setdefault("version", membership.version)

    def clean_ended(self):
        ended, started = self.cleaned_data["ended"], self.membership.started
        if started and ended < started:
            raise ValidationError(
                f"The last day must be on or after the day it started "
                f"({date_format(started, 'DATE_FORMAT')})"
            )
        return ended


# --- Governance: terms of reference, the memorandum and its sections, key roles ------------

VERSION_FIELDS = ["number", "agreed", "in_force_from", "review_date"]
DATE_HINT = "For example, 14 3 2007"


class TermsOfReferenceForm(TrackedModelForm):
    """A version of a component's terms of reference or constitution and its quorum rule."""

    class Meta:
        model = TermsOfReference
        fields = [
            "kind",
            *VERSION_FIELDS,
            "text",
            "quorum_min_members",
            "quorum_min_partners",
            "substitutes_count",
            "chairs_allowed",
        ]
        widgets = {"kind": forms.RadioSelect}
        help_texts = {"agreed": DATE_HINT, "review_date": DATE_HINT}


class MemorandumForm(TrackedModelForm):
    class Meta:
        model = Memorandum
        fields = ["title", *VERSION_FIELDS, "notes"]
        help_texts = {"agreed": DATE_HINT, "review_date": DATE_HINT}


class MemorandumSectionForm(TrackedModelForm):
    """A section of the memorandum and the risks it mitigates: the link is declared on the
    risk (a higher layer), edited here through its reverse relation, among the risks the
    user may see (links to others are kept)."""

    risks = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Risks it mitigates",
    )

    class Meta:
        model = MemorandumSection
        fields = ["order", "heading", "text"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        risk = MemorandumSection._meta.get_field("risks").related_model
        risks = self.fields["risks"]
        risks.queryset = risk.objects.restrict(self.user).select_related("register")
        if self.instance.pk:
            self.initial["risks"] = list(risks.queryset.filter(memorandum_sections=self.instance))

    def save_tracked(self, *, by):
        from .services import section_save

        return section_save(
            self.save(commit=False),
            risks=self.cleaned_data["risks"],
            visible=self.fields["risks"].queryset,
            by=by,
            reason=self.cleaned_data.get("change_reason", ""),
            expected_version=self.cleaned_data.get("version"),
        )


class KeyRoleForm(TrackedModelForm):
    class Meta:
        model = KeyRole
        fields = ["title", "person", "responsibilities", "started", "ended"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        person = self.fields["person"]
        person.queryset = person.queryset.select_related("partner")
        person.label_from_instance = lambda p: f"{p.name} ({p.partner})" if p.partner else p.name
        person.empty_label = "Choose a person"
