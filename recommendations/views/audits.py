from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse

from partners.carriers import ActionPlan, CarrierMixin, ProgressUpdates
from partners.models import Person
from partners.views import ActionCreateView, ActionFormMixin
from trust import clock
from trust.generic import (
    ObjectDeleteView,
    ObjectDetailView,
    ObjectEditView,
    ObjectHistoryView,
    ObjectListView,
)
from trust.permissions import CHANGE, VIEW
from trust.sections import (
    EDIT,
    Block,
    Field,
    RecentHistory,
    Related,
    Summary,
    Text,
    add_button,
    may_add,
)

from .. import services
from ..exports import DEFAULT_COMMITTEE
from ..filters import AuditFilterSet, RecommendationFilterSet
from ..forms import AuditForm, RecommendationForm, RecommendationStatusForm
from ..models import Audit, Recommendation, RecommendationStatus, Verification

NO_PLAN = "There is no action plan yet."

# A recommendation names its officers with their organisation, wherever it is shown.
OFFICERS = Prefetch("responsible_officers", queryset=Person.objects.select_related("partner"))


def audit_crumbs(audit):
    return [
        ("Audits", reverse("recommendations:audit_list")),
        (str(audit), audit.get_absolute_url()),
    ]


class AuditListView(ObjectListView):
    model = Audit
    filterset_class = AuditFilterSet

    def optimise(self, queryset):
        return queryset.select_related("priority_scale").with_counts(self.request.user)


class AuditDetailView(ObjectDetailView):
    model = Audit
    # What the download form shows: set to what was sent when a download is refused, so the
    # corrected form downloads the file asked for, not the defaults.
    download = None
    select_related = ("priority_scale",)
    sections = [
        Summary(
            "auditor",
            "audited_body",
            "report_date",
            Field("reference", hide_empty=True),
            Field("Priority scale", "priority_scale", link=False),
            narrow=False,
        ),
        Text(None, "summary"),
        Block("recommendations/audit_tools.html"),
        Related(
            "Recommendations",
            "recommendations/recommendation_rows.html",
            "recommendations",
            empty="This audit has no recommendations yet.",
            show_audit=False,
            today=lambda view, context: clock.today(),
            button=add_button(
                "Add a recommendation", "recommendations:recommendation_create", Recommendation
            ),
        ),
    ]

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            download=self.download or {"format": "xlsx", "committee": DEFAULT_COMMITTEE},
            recommendations=Recommendation.objects.restrict(user)
            .filter(audit=self.object)
            .select_related("priority")
            .prefetch_related(OFFICERS)
            .with_progress(user),
            **kwargs,
        )


class AuditEditView(ObjectEditView):
    model = Audit
    form_class = AuditForm


class AuditDeleteView(ObjectDeleteView):
    model = Audit


class AuditHistoryView(ObjectHistoryView):
    model = Audit


class RecommendationListView(ObjectListView):
    model = Recommendation
    filterset_class = RecommendationFilterSet

    def optimise(self, queryset):
        return (
            queryset.select_related("audit", "priority")
            .prefetch_related(OFFICERS)
            .with_progress(self.request.user)
        )


class RecommendationMixin:
    model = Recommendation

    def optimise(self, queryset):
        return queryset.select_related("audit__priority_scale", "priority", "action_plan")

    def parent_crumbs(self, obj=None):
        return audit_crumbs(obj.audit) if obj else []


class RecommendationDetailView(RecommendationMixin, CarrierMixin, ObjectDetailView):
    page_title = "{object.display_name}"
    caption = "{object.audit}"
    heading = "Recommendation {object.number}"
    actions = (
        EDIT,
        ("Change status", "recommendations:recommendation_status", "can_change"),
        ("Record a verification", "recommendations:verification_create", may_add(Verification)),
    )
    # Its officers are named with their organisation, as on every page that shows it;
    # linked records only as far as the user may see them.
    prefetch_related = ("components", OFFICERS)
    visible_related = {"related": ("audit",), "risks": ("register",), "verifications": ("auditor",)}
    sections = [
        Block("recommendations/recommendation_status.html"),
        Summary(
            "audit",
            Field("Report section", "section"),
            Field("Recommendation", "text"),
            Field("Management response", "management_response"),
            Field("Responsibility and timescale (as written)", "responsibility"),
            Field("Timescale (as written)", "timescale"),
            Field("Dates it means", "due_dates", sep="; ", empty="No date (ongoing)"),
            Field("Responsible officers", "responsible_officers", empty="None named"),
            Field("Components", "components", link=False),
            Field("Linked recommendations", include="recommendations/linked_recommendations.html"),
            Field("Auditor's verification", include="recommendations/verifications.html"),
            Field("Linked risks", include="recommendations/linked_risks.html"),
            empty="—",
            narrow=False,
        ),
        ActionPlan(empty=NO_PLAN, no_plan=NO_PLAN),
        ProgressUpdates(),
        RecentHistory(full_link="Full history of recommendation {object.number}"),
    ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if context["can_change"]:  # drawn from every action: for those who see them all
            context["implied_status"] = RecommendationStatus(self.object.implied_status())
        return context


class RecommendationCreateView(RecommendationMixin, ObjectEditView):
    form_class = RecommendationForm

    def get_audit(self):
        if not hasattr(self, "_audit"):
            user = self.request.user
            audit = get_object_or_404(
                Audit.objects.restrict(user, VIEW), pk=self.kwargs["audit_pk"]
            )
            if not Audit.objects.restrict(user, CHANGE).filter(pk=audit.pk).exists():
                raise PermissionDenied
            self._audit = audit
        return self._audit

    def new_object(self):
        return Recommendation(audit=self.get_audit())

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "audit": self.get_audit()}

    def parent_crumbs(self, obj=None):
        return audit_crumbs(self.get_audit())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = self.get_audit().get_absolute_url()
        return context


class RecommendationUpdateView(RecommendationMixin, ObjectEditView):
    form_class = RecommendationForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "audit": self.object.audit}


class RecommendationStatusView(RecommendationMixin, ActionFormMixin):
    action = CHANGE
    form_class = RecommendationStatusForm
    title = "Change the status"
    stale_fields = ("status",)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "choices": RecommendationStatus.choices,
            "current": self.object.status,
            "version": self.object.version,
            "action_statuses": self.object.action_statuses(),
        }

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:  # its actions moved on since the form was shown
            form.add_error("reason", error)
            return self.form_invalid(form)

    def apply(self, form):
        data = form.cleaned_data
        services.recommendation_set_status(
            self.object,
            status=data["status"],
            reason=data["reason"],
            by=self.request.user,
            expected_version=data.get("version"),
        )
        messages.success(
            self.request, f"Status changed to {RecommendationStatus(data['status']).label.lower()}."
        )


class RecommendationDeleteView(RecommendationMixin, ObjectDeleteView):
    def get_success_url(self):
        return self.object.audit.get_absolute_url()


class RecommendationHistoryView(RecommendationMixin, ObjectHistoryView):
    pass


class RecommendationActionCreateView(ActionCreateView):
    carrier_model = Recommendation
