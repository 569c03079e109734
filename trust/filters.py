import django_filters

from .filtering import RestrictedFilterSet
from .models import Component, ComponentFunction, GoverningDocument, Outcome, Plan, Priority


class ComponentFilterSet(RestrictedFilterSet):
    search_fields = ("name", "short_name", "description")
    function = django_filters.ChoiceFilter(
        choices=ComponentFunction.choices, empty_label="Any function"
    )
    governing_document = django_filters.ChoiceFilter(
        choices=GoverningDocument.choices, label="Governed by", empty_label="Either"
    )
    has_register = django_filters.BooleanFilter(
        # The register is declared by a higher layer; read here by its relation name only.
        field_name="risk_register",
        lookup_expr="isnull",
        exclude=True,
        label="Has a risk register",
    )

    class Meta(RestrictedFilterSet.Meta):
        model = Component
        fields = ["q", "function", "governing_document", "has_register"]


class PriorityFilterSet(RestrictedFilterSet):
    search_fields = ("title", "indicators__name")
    plan = django_filters.ModelChoiceFilter(queryset=Plan.objects.all(), empty_label="Any plan")
    outcome = django_filters.ModelChoiceFilter(
        queryset=Outcome.objects.select_related("plan"), empty_label="Any outcome"
    )

    class Meta(RestrictedFilterSet.Meta):
        model = Priority
        fields = ["q", "plan", "outcome"]
