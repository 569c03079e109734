"""Pages of the risk registers and their risks (read-only for now).

Recommendations belong to the layer above; they are read here only through the reverse
relation it declares (``risk.recommendations``), narrowed by the same ``restrict``.
"""

from django.db.models import Prefetch

from partners.models import Action, HostedPriority, Partner, Person
from trust.generic import ObjectDetailView, ObjectHistoryView, ObjectListView
from trust.models import Component

from .filters import RiskRegisterFilterSet
from .models import Risk, RiskControl, RiskRegister
from .querysets import components_without_register, hosts_without_register
from .tables import RiskRegisterTable


def owner_named(name="owner"):
    """The owner with their organisation: a record the user may open names its owner."""
    return Prefetch(name, queryset=Person.objects.select_related("partner"))


class RiskRegisterListView(ObjectListView):
    model = RiskRegister
    filterset_class = RiskRegisterFilterSet
    table_class = RiskRegisterTable

    def optimise(self, queryset):
        user = self.request.user
        return (
            queryset.select_related("component", "partner")
            .prefetch_related(owner_named())
            .with_open_risks(Risk.objects.restrict(user))
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["components_without_register"] = components_without_register(
            Component.objects.restrict(user)
        )
        context["hosts_without_register"] = hosts_without_register(
            Partner.objects.restrict(user), HostedPriority.objects.restrict(user)
        )
        return context


class RiskRegisterDetailView(ObjectDetailView):
    model = RiskRegister

    def optimise(self, queryset):
        return queryset.select_related("component", "partner").prefetch_related(owner_named())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["risks"] = self.object.risks.restrict(user).prefetch_related(owner_named())
        return context


class RiskRegisterHistoryView(ObjectHistoryView):
    model = RiskRegister


class RiskMixin:
    model = Risk


class RiskDetailView(RiskMixin, ObjectDetailView):
    def optimise(self, queryset):
        user = self.request.user
        recommendations = Risk._meta.get_field("recommendations").related_model
        return queryset.select_related("register", "action_plan").prefetch_related(
            owner_named(),
            Prefetch(
                "controls", queryset=RiskControl.objects.restrict(user), to_attr="visible_controls"
            ),
            Prefetch(
                "hosted_priorities",
                queryset=HostedPriority.objects.restrict(user).select_related("host", "priority"),
                to_attr="visible_hosted_priorities",
            ),
            Prefetch(
                "recommendations",
                queryset=recommendations.objects.restrict(user).select_related("audit"),
                to_attr="visible_recommendations",
            ),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        risk = self.object
        context["actions"] = (
            Action.objects.restrict(user)
            .filter(plan=risk.action_plan_id)
            .select_related("owner__partner")
            .with_schedule()
            .order_by("number")
            if risk.action_plan_id
            else Action.objects.none()
        )
        return context


class RiskHistoryView(RiskMixin, ObjectHistoryView):
    pass
