"""Pages of the partner directory, people and hosted priorities (read-only for now).

Recommendations belong to the layer above; they are read here only through the reverse
relation it declares (``person.recommendations``), narrowed by the same ``restrict``.
"""

from django.db.models import Prefetch, Q

from trust import clock
from trust.changes import history_for
from trust.generic import ObjectDetailView, ObjectHistoryView, ObjectListView
from trust.permissions import ADD, sees_contacts, user_can

from ..filters import HostedPriorityFilterSet, PartnerFilterSet
from ..models import Action, HostedPriority, Membership, Partner, Person, ProgressUpdate
from ..querysets import ACTION_CARRIERS
from ..tables import HostedPriorityTable, PartnerTable

__all__ = [
    "HostedPriorityDetailView",
    "HostedPriorityHistoryView",
    "HostedPriorityListView",
    "PartnerDetailView",
    "PartnerHistoryView",
    "PartnerListView",
    "PersonDetailView",
    "PersonHistoryView",
]


# --- Partners -----------------------------------------------------------------------------


class PartnerListView(ObjectListView):
    model = Partner
    filterset_class = PartnerFilterSet
    table_class = PartnerTable

    def optimise(self, queryset):
        return queryset.with_component_count()


class PartnerDetailView(ObjectDetailView):
    model = Partner

    def optimise(self, queryset):
        user = self.request.user
        return queryset.with_attendance(clock.today()).prefetch_related(
            Prefetch("people", queryset=Person.objects.restrict(user), to_attr="visible_people"),
            Prefetch(
                "memberships",
                queryset=Membership.objects.filter(ended__isnull=True)
                .select_related("component", "representative")
                .order_by("component__order", "component__name"),
                to_attr="current_memberships",
            ),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        partner = self.object
        context["hosted_priorities"] = (
            HostedPriority.objects.restrict(self.request.user)
            .filter(Q(host=partner) | Q(contributors=partner))
            .distinct()
            .select_related("priority", "host", "monitoring_component")
        )
        context["can_see_contacts"] = sees_contacts(self.request.user, partner.pk)
        return context


class PartnerHistoryView(ObjectHistoryView):
    model = Partner


# --- People -------------------------------------------------------------------------------


class PersonDetailView(ObjectDetailView):
    model = Person

    def optimise(self, queryset):
        return queryset.select_related("partner")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        person = self.object
        context["actions"] = (
            person.actions.restrict(user)
            .select_related("owner__partner", *ACTION_CARRIERS)
            .with_schedule()
            .overdue_first(clock.today())
        )
        context["recommendations"] = person.recommendations.restrict(user).select_related("audit")
        context["can_see_contacts"] = sees_contacts(user, person.partner_id)
        return context


class PersonHistoryView(ObjectHistoryView):
    model = Person


# --- Hosted priorities --------------------------------------------------------------------


class HostedPriorityListView(ObjectListView):
    model = HostedPriority
    filterset_class = HostedPriorityFilterSet
    table_class = HostedPriorityTable

    def optimise(self, queryset):
        return queryset.select_related("priority", "host", "monitoring_component")


class HostedPriorityDetailView(ObjectDetailView):
    model = HostedPriority

    def optimise(self, queryset):
        return queryset.select_related(
            "priority__outcome", "priority__plan", "host", "monitoring_component", "action_plan"
        ).prefetch_related("contributors")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        hosted = self.object
        context["actions"] = (
            Action.objects.restrict(user)
            .filter(plan=hosted.action_plan_id)
            .select_related("owner__partner")
            .with_schedule()
            .order_by("number")
            if hosted.action_plan_id
            else Action.objects.none()
        )
        context["updates"] = (
            ProgressUpdate.objects.restrict(user)
            .filter(action__plan=hosted.action_plan_id)
            .select_related("action", "author__partner")
            .order_by("-date", "-pk")[:20]
            if hosted.action_plan_id
            else []
        )
        context["indicators"] = hosted.priority.indicators.restrict(user).with_latest_value()
        # Risks linked to the priority; the host's register is where they belong.
        context["risks"] = hosted.risks.restrict(user).select_related("register", "owner")
        context["can_add_action"] = user_can(user, ADD, Action) and context["can_change"]
        context["entries"] = history_for(hosted, user)[:5]
        return context


class HostedPriorityHistoryView(ObjectHistoryView):
    model = HostedPriority
