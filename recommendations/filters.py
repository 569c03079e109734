import django_filters
from django.db.models import Q

from partners.models import Action, Partner, Person
from trust import clock
from trust.filters import RestrictedFilterSet
from trust.models import Component

from .models import Audit, PriorityLevel, Recommendation, RecommendationStatus


class AuditFilterSet(RestrictedFilterSet):
    search_fields = ("title", "auditor", "audited_body", "reference")
    year = django_filters.NumberFilter(
        field_name="report_date__year", label="Year of report", min_value=1900, max_value=2100
    )

    class Meta(RestrictedFilterSet.Meta):
        model = Audit
        fields = ["q", "year"]


class RecommendationFilterSet(RestrictedFilterSet):
    search_fields = ("number", "section", "text", "management_response", "responsibility")
    audit = django_filters.ModelChoiceFilter(queryset=Audit.objects.all(), empty_label="Any audit")
    status = django_filters.ChoiceFilter(
        choices=RecommendationStatus.choices, empty_label="Any status"
    )
    priority = django_filters.ModelChoiceFilter(
        queryset=PriorityLevel.objects.select_related("scale"), empty_label="Any priority"
    )
    owner = django_filters.ModelChoiceFilter(
        queryset=Person.objects.all(), method="filter_owner", label="Owner", empty_label="Anyone"
    )
    partner = django_filters.ModelChoiceFilter(
        queryset=Partner.objects.all(),
        method="filter_partner",
        label="Partner",
        empty_label="Any partner",
    )
    component = django_filters.ModelChoiceFilter(
        queryset=Component.objects.all(), field_name="components", empty_label="Any component"
    )
    overdue = django_filters.BooleanFilter(
        method="filter_overdue",
        label="Has overdue actions",
    )
    due_after = django_filters.DateFilter(
        method="filter_due_after", label="Actions due on or after"
    )
    due_before = django_filters.DateFilter(
        method="filter_due_before", label="Actions due on or before"
    )

    class Meta(RestrictedFilterSet.Meta):
        model = Recommendation
        fields = ["q", "audit", "status", "priority", "owner", "partner", "component", "overdue"]

    def _actions(self):
        # Filters match on the actions the user may see: a hidden one is never a probe.
        return Action.objects.restrict(getattr(self.request, "user", None))

    def _by_actions(self, queryset, condition):
        plans = self._actions().filter(condition).values("plan")
        return queryset.filter(action_plan__in=plans)

    def filter_owner(self, queryset, name, person):
        by_action = self._actions().filter(owner=person).values("plan")
        return queryset.filter(
            Q(responsible_officers=person) | Q(action_plan__in=by_action)
        ).distinct()

    def filter_partner(self, queryset, name, partner):
        by_action = self._actions().filter(owner__partner=partner).values("plan")
        return queryset.filter(
            Q(responsible_officers__partner=partner) | Q(action_plan__in=by_action)
        ).distinct()

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = queryset.with_overdue(clock.today(), getattr(self.request, "user", None))
        return overdue.filter(has_overdue=value)

    def filter_due_after(self, queryset, name, value):
        return self._by_actions(queryset, Q(due_date__gte=value))

    def filter_due_before(self, queryset, name, value):
        return self._by_actions(queryset, Q(due_date__lte=value))
