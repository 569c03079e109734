import django_filters

from partners.models import Partner
from trust.filters import RestrictedFilterSet
from trust.models import Component

from .models import RegisterKind, RiskRegister


class RiskRegisterFilterSet(RestrictedFilterSet):
    search_fields = ("name", "description")
    kind = django_filters.ChoiceFilter(choices=RegisterKind.choices, empty_label="Any kind")
    component = django_filters.ModelChoiceFilter(
        queryset=Component.objects.all(), empty_label="Any component"
    )
    partner = django_filters.ModelChoiceFilter(
        queryset=Partner.objects.all(), empty_label="Any partner"
    )

    class Meta(RestrictedFilterSet.Meta):
        model = RiskRegister
        fields = ["q", "kind", "component", "partner"]
