from django.db.models import Prefetch

from partners.models import Action, Person, ProgressUpdate
from partners.views import ActionCreateView
from risks.models import Risk
from trust.changes import history_for
from trust.generic import (
    ObjectAddUnderView,
    ObjectDeleteView,
    ObjectDetailView,
    ObjectEditView,
    ObjectHistoryView,
    ObjectListView,
    ObjectStatusView,
)
from trust.permissions import ADD, user_can

from .. import services
from ..exports import DEFAULT_COMMITTEE
from ..filters import AuditFilterSet, RecommendationFilterSet
from ..forms import AuditForm, RecommendationForm, RecommendationStatusForm
from ..models import Audit, Recommendation, RecommendationStatus, Verification
from ..tables import AuditTable, RecommendationTable

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

    def optimise(self, queryset):
        return queryset.select_related("priority_scale")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["download"] = self.download or {"format": "xlsx", "committee": DEFAULT_COMMITTEE}
        user = self.request.user
        context["recommendations"] = (
            Recommendation.objects.restrict(user)
            .filter(audit=self.object)
            .select_related("priority")
            .prefetch_related(OFFICERS)
            .with_progress(user)
        )
        context["can_add_recommendation"] = (
            user_can(user, ADD, Recommendation) and context["can_change"]
        )
        return context


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


class RecommendationDetailView(RecommendationMixin, ObjectDetailView):
    def optimise(self, queryset):
        user = self.request.user
        return (
            super()
            .optimise(queryset)
            .prefetch_related(
                "components",
                # Its officers are named with their organisation, as on every page that shows
                # it; linked records only as far as the user may see them.
                Prefetch(
                    "responsible_officers",
                    queryset=Person.objects.select_related("partner"),
                    to_attr="officers",
                ),
                Prefetch(
                    "related",
                    queryset=Recommendation.objects.restrict(user).select_related("audit"),
                    to_attr="visible_related",
                ),
                Prefetch(
                    "risks",
                    queryset=Risk.objects.restrict(user).select_related("register"),
                    to_attr="visible_risks",
                ),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        rec = self.object
        context["actions"] = (
            Action.objects.restrict(user)
            .filter(plan=rec.action_plan_id)
            .select_related("owner__partner")
            .with_schedule()
            .order_by("number")
            if rec.action_plan_id
            else Action.objects.none()
        )
        context["updates"] = (
            ProgressUpdate.objects.restrict(user)
            .filter(action__plan=rec.action_plan_id)
            .select_related("action", "author__partner")
            .order_by("-date", "-pk")
            if rec.action_plan_id
            else []
        )
        context["can_add_action"] = user_can(user, ADD, Action) and context["can_change"]
        context["verifications"] = (
            Verification.objects.restrict(user).filter(recommendation=rec).select_related("auditor")
        )
        context["can_verify"] = user_can(user, ADD, Verification)
        if context["can_change"]:  # drawn from every action: for those who see them all
            context["implied_status"] = RecommendationStatus(rec.implied_status())
        context["entries"] = history_for(rec, user)[:5]
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
