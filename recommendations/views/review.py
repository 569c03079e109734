"""The auditor's review: the status as at a date, the comparison of two dates, verification."""

from django import forms
from django.core.exceptions import ValidationError
from django.views.generic import TemplateView

from trust import clock
from trust.forms import GovukForm, TrackedModelForm
from trust.generic import ObjectAddUnderView, ObjectMixin
from trust.permissions import VIEW

from ..compare import compare
from ..models import Audit, Recommendation, RecommendationStatus, Verification
from ..snapshot import current_snapshot, end_of_day, snapshot_as_at

NOT_BEFORE_REPORT = "The date must be on or after the date of the report ({date})"
NOT_IN_FUTURE = "The date cannot be in the future"
ACTIONS_NOT_COMPLETE = (
    "A recommendation can be verified implemented once all its actions are complete"
)


def check_day(day, audit):
    if day is None:
        return
    if day > clock.today():
        raise ValidationError(NOT_IN_FUTURE)
    if day < audit.report_date:
        raise ValidationError(NOT_BEFORE_REPORT.format(date=f"{audit.report_date:%-d %B %Y}"))


class AsAtForm(GovukForm):
    date = forms.DateField(
        label="Status at the end of",
        required=False,
        widget=forms.DateInput(
            attrs={"type": "date", "class": "govuk-input govuk-input--width-10"}
        ),
    )

    def __init__(self, *args, audit, **kwargs):
        super().__init__(*args, **kwargs)
        self.audit = audit

    def clean_date(self):
        day = self.cleaned_data["date"]
        check_day(day, self.audit)
        return day

    @property
    def day(self):
        """The day asked for, once the form is valid; None for today."""
        return self.cleaned_data.get("date") if self.is_valid() else None

    def snapshot(self, user):
        """The audit as ``user`` may see it at the end of the day asked for, else now."""
        if self.day:
            return snapshot_as_at(self.audit, end_of_day(self.day), user)
        return current_snapshot(self.audit, user)


class CompareForm(GovukForm):
    since = forms.DateField(
        label="From the end of",
        widget=forms.DateInput(
            attrs={"type": "date", "class": "govuk-input govuk-input--width-10"}
        ),
    )
    until = forms.DateField(
        label="To the end of",
        widget=forms.DateInput(
            attrs={"type": "date", "class": "govuk-input govuk-input--width-10"}
        ),
    )

    def __init__(self, *args, audit, **kwargs):
        super().__init__(*args, **kwargs)
        self.audit = audit

    def clean_since(self):
        check_day(self.cleaned_data["since"], self.audit)
        return self.cleaned_data["since"]

    def clean_until(self):
        check_day(self.cleaned_data["until"], self.audit)
        return self.cleaned_data["until"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("since") and cleaned.get("until") and cleaned["since"] >= cleaned["until"]:
            self.add_error("until", "The second date must be after the first")
        return cleaned

    def differences(self, user):
        """What changed, as ``user`` may see it, between the end of the two days chosen."""
        since, until = (end_of_day(self.cleaned_data[name]) for name in ("since", "until"))
        return compare(
            snapshot_as_at(self.audit, since, user), snapshot_as_at(self.audit, until, user)
        )


class AuditReviewMixin(ObjectMixin):
    """A page about an audit as it stood: as at a day, or between two."""

    model = Audit

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(object=self.object, **kwargs)


class AuditAsAtView(AuditReviewMixin, TemplateView):
    template_name = "recommendations/audit_as_at.html"

    def get_context_data(self, **kwargs):
        form = AsAtForm(self.request.GET or None, audit=self.object)
        snapshot = form.snapshot(self.request.user)
        return super().get_context_data(form=form, snapshot=snapshot, day=form.day, **kwargs)


class AuditCompareView(AuditReviewMixin, TemplateView):
    template_name = "recommendations/audit_compare.html"

    def get_context_data(self, **kwargs):
        form = CompareForm(self.request.GET or None, audit=self.object)
        differences = form.differences(self.request.user) if form.is_valid() else None
        return super().get_context_data(form=form, differences=differences, **kwargs)


class VerificationForm(TrackedModelForm):
    class Meta:
        model = Verification
        fields = ["outcome", "verified_on", "comment"]
        widgets = {"outcome": forms.RadioSelect, "comment": forms.Textarea(attrs={"rows": 4})}
        labels = {"comment": "What you saw"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        outcome = self.fields["outcome"]
        outcome.choices = Verification.Outcome.choices
        outcome.label = "Your finding"
        if self.instance.recommendation.implied_status() != RecommendationStatus.IMPLEMENTED:
            # Only "implemented" waits for the actions: partly or not is a finding at any time.
            outcome.choices = [
                c for c in outcome.choices if c[0] != Verification.Outcome.IMPLEMENTED
            ]
            outcome.help_text = ACTIONS_NOT_COMPLETE
            outcome.error_messages["invalid_choice"] = ACTIONS_NOT_COMPLETE
        self.initial.setdefault("verified_on", clock.today())
        del self.fields["change_reason"]

    def clean_verified_on(self):
        day = self.cleaned_data["verified_on"]
        if day and day > clock.today():
            raise ValidationError(NOT_IN_FUTURE)
        return day


class VerificationCreateView(ObjectAddUnderView):
    """An auditor records their own finding on a recommendation ("implemented" once done)."""

    model = Verification
    form_class = VerificationForm
    parent_model = Recommendation
    parent_kwarg = "rec_pk"
    parent_action = VIEW
    parent_related = ("audit", "action_plan")
    title = "Verify recommendation {parent.number}"

    def new_object(self):
        return Verification(recommendation=self.get_parent(), auditor=self.request.user)

    success_message = "Verification of recommendation {object.recommendation.number} recorded."
