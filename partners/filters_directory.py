import django_filters

from trust.filtering import RestrictedFilterSet
from trust.models import Priority

from .models import HostedPriority, HostingKind, Partner, Sector


class PartnerFilterSet(RestrictedFilterSet):
    search_fields = ("name", "short_name", "notes")
    sector = django_filters.ChoiceFilter(choices=Sector.choices, empty_label="Any sector")
    duty_to_cooperate = django_filters.BooleanFilter(label="Under the duty to co-operate")
    not_signed = django_filters.BooleanFilter(
        method="filter_not_signed",
        label="Agreement or protocol not signed",
    )

    class Meta(RestrictedFilterSet.Meta):
        model = Partner
        fields = ["q", "sector", "duty_to_cooperate", "not_signed"]

    def filter_not_signed(self, queryset, name, value):
        if value is None:
            return queryset
        missing = Partner.objects.not_signed().values("pk")
        return queryset.filter(pk__in=missing) if value else queryset.exclude(pk__in=missing)


class HostedPriorityFilterSet(RestrictedFilterSet):
    search_fields = ("title", "description", "priority__title", "host__name")
    host = django_filters.ModelChoiceFilter(queryset=Partner.objects.all(), empty_label="Any host")
    kind = django_filters.ChoiceFilter(choices=HostingKind.choices, empty_label="Either kind")
    priority = django_filters.ModelChoiceFilter(
        queryset=Priority.objects.select_related("plan"), empty_label="Any priority"
    )

    class Meta(RestrictedFilterSet.Meta):
        model = HostedPriority
        fields = ["q", "host", "kind", "priority"]
