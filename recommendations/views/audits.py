from django.db.models import Prefetch

from partners.carriers import ActionPlan, CarrierMixin, ProgressUpdates
from partners.models import Person
from partners.sections import discussed_at
from partners.views import ActionCreateView
from trust import clock
from trust.generic import (
    ObjectAddUnderView,
    ObjectDeleteView,
    ObjectDetailView,
    ObjectEditView,
    ObjectHistoryView,
    ObjectListView,
    ObjectStatusView,
)
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
from ..tables import AuditTable, RecommendationTable

NO_PLAN = "There is no action plan yet."

# A recommendation names its officers with their organisation, wherever it is shown.
OFFICERS = Prefetch("responsible_officers", queryset=Person.objects.select_related("partner"))


class AuditListView(ObjectListView):
    model = Audit
    filterset_class = AuditFilterSet
    table_class = AuditTable

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
    table_class = RecommendationTable

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


# A recommendation's page (declared here: the list is longer than a view should be).
RECOMMENDATION_SECTIONS = [
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
    discussed_at("recommendation"),
    RecentHistory(full_link="Full history of recommendation {object.number}"),
]


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
    sections = RECOMMENDATION_SECTIONS

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if context["can_change"]:  # drawn from every action: for those who see them all
            context["implied_status"] = RecommendationStatus(self.object.implied_status())
        return context


class RecommendationCreateView(RecommendationMixin, ObjectAddUnderView):
    form_class = RecommendationForm
    parent_model = Audit
    parent_kwarg = "audit_pk"
    parent_field = "audit"


class RecommendationUpdateView(RecommendationMixin, ObjectEditView):
    form_class = RecommendationForm


class RecommendationStatusView(RecommendationMixin, ObjectStatusView):
    form_class = RecommendationStatusForm
    status_service = staticmethod(services.recommendation_set_status)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "action_statuses": self.object.action_statuses()}


class RecommendationDeleteView(RecommendationMixin, ObjectDeleteView):
    pass


class RecommendationHistoryView(RecommendationMixin, ObjectHistoryView):
    pass


class RecommendationActionCreateView(ActionCreateView):
    parent_model = Recommendation
