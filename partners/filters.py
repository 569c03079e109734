import django_filters

from trust import clock
from trust.filtering import DateInput, RestrictedFilterSet

from .models import Action, ActionStatus, Partner, Person
from .querysets import overdue_against_original, overdue_q


class ActionFilterSet(RestrictedFilterSet):
    search_fields = ("description", "timescale", "owner__name")
    status = django_filters.ChoiceFilter(choices=ActionStatus.choices, empty_label="Any status")
    owner = django_filters.ModelChoiceFilter(queryset=Person.objects.all(), empty_label="Anyone")
    partner = django_filters.ModelChoiceFilter(
        queryset=Partner.objects.all(), field_name="owner__partner", empty_label="Any partner"
    )
    overdue = django_filters.BooleanFilter(
        method="filter_overdue", label="Overdue", widget=django_filters.widgets.BooleanWidget()
    )
    due_after = django_filters.DateFilter(
        field_name="due_date", lookup_expr="gte", label="Due on or after", widget=DateInput()
    )
    due_before = django_filters.DateFilter(
        field_name="due_date", lookup_expr="lte", label="Due on or before", widget=DateInput()
    )

    class Meta(RestrictedFilterSet.Meta):
        model = Action
        fields = ["q", "status", "owner", "partner", "overdue", "due_after", "due_before"]

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        condition = overdue_q(clock.today(), against_original=overdue_against_original())
        return queryset.filter(condition) if value else queryset.exclude(condition)
