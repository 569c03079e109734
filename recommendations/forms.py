from django import forms
from django.core.exceptions import ValidationError

from partners.forms import StatusForm
from partners.models import ActionStatus
from trust import clock
from trust.forms import TrackedModelForm

from .models import Audit, Recommendation, RecommendationStatus, status_from_actions
from .services import STATUS_REASON_REQUIRED

FUTURE_REPORT = "The date of the report cannot be in the future"


class AuditForm(TrackedModelForm):
    class Meta:
        model = Audit
        fields = [
            "title",
            "auditor",
            "audited_body",
            "report_date",
            "reference",
            "priority_scale",
            "summary",
        ]
        labels = {"priority_scale": "How the auditor grades recommendations"}
        widgets = {"summary": forms.Textarea(attrs={"rows": 4})}

    def clean_report_date(self):
        date = self.cleaned_data["report_date"]
        if date and date > clock.today():
            raise ValidationError(FUTURE_REPORT)
        return date


class RecommendationForm(TrackedModelForm):
    class Meta:
        model = Recommendation
        fields = [
            "number",
            "section",
            "text",
            "priority",
            "management_response",
            "responsibility",
            "timescale",
            "responsible_officers",
            "components",
            "related",
            "risks",
        ]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 5}),
            "management_response": forms.Textarea(attrs={"rows": 5}),
            "responsibility": forms.Textarea(attrs={"rows": 2}),
            "responsible_officers": forms.CheckboxSelectMultiple,
            "components": forms.CheckboxSelectMultiple,
            "related": forms.CheckboxSelectMultiple,
            "risks": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, audit=None, **kwargs):
        """``audit``: the one it is in; by default its own (``instance.audit``)."""
        super().__init__(*args, **kwargs)
        audit = audit or self.instance.audit
        self.instance.audit = audit
        self.fields["priority"].queryset = self.fields["priority"].queryset.filter(
            scale=audit.priority_scale_id
        )
        self.fields["priority"].empty_label = "Choose a priority"
        self.fields["related"].queryset = (
            self.fields["related"].queryset.filter(audit=audit).exclude(pk=self.instance.pk)
        )
        self.fields["responsible_officers"].queryset = self.fields[
            "responsible_officers"
        ].queryset.select_related("partner")
        self.fields["responsible_officers"].label_from_instance = lambda p: p.named
        self.fields["risks"].queryset = self.fields["risks"].queryset.select_related("register")


class RecommendationStatusForm(StatusForm):
    """A recommendation's status, with the one its actions imply offered first.

    ``action_statuses``: its actions' statuses (``Recommendation.action_statuses()``).
    """

    def __init__(self, *args, action_statuses, **kwargs):
        super().__init__(*args, **kwargs)
        self.implied = status_from_actions(action_statuses)
        done = action_statuses.count(ActionStatus.COMPLETE)
        counted = len(action_statuses) - action_statuses.count(ActionStatus.CANCELLED)
        label = RecommendationStatus(self.implied).label
        self.initial["status"] = self.implied
        self.fields[
            "status"
        ].help_text = f"Suggested from its actions: {label} ({done} of {counted} actions complete)"
        self.fields["reason"].required = False
        self.fields[
            "reason"
        ].help_text = "Needed if you choose a status other than the suggested one."

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        if status and status != self.implied and not cleaned.get("reason", "").strip():
            suggested = RecommendationStatus(self.implied).label.lower()
            self.add_error("reason", STATUS_REASON_REQUIRED.format(suggested=suggested))
        return cleaned
