from django import forms
from django.core.exceptions import ValidationError

from trust import clock
from trust.forms import TrackedModelForm

from .models import Audit, Recommendation

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

    def __init__(self, *args, audit, **kwargs):
        super().__init__(*args, **kwargs)
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
        self.fields["responsible_officers"].label_from_instance = lambda p: (
            f"{p.name} ({p.partner})"
        )
        self.fields["risks"].queryset = self.fields["risks"].queryset.select_related("register")
