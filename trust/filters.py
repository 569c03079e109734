"""django-filter sets in GOV.UK markup whose choices go through the one access mechanism.

Every filter form looks alike: each date is one native date field (``DateInput``) and each
yes/no question a plain choice of Any, Yes or No (``AnyYesNo``), whatever widget a filter
declares, so no list shows django-filter's "Unknown".
"""

import django_filters
from django import forms
from django.db.models import Q

from .forms import GovukFormRenderer, name_the_field
from .models import (
    Component,
    ExternalBody,
    Function,
    MembershipRole,
    Outcome,
    Plan,
    Priority,
    Sector,
)
from .permissions import RestrictedQuerySet

# Longer than any search a person types; SQLite refuses LIKE patterns over 50,000 bytes.
FILTER_TEXT_MAX_LENGTH = 500


class FilterForm(forms.Form):
    """Every filter's messages name it, and free text is bounded before it reaches a query."""

    default_renderer = GovukFormRenderer()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            name_the_field(field, name, text_limit=FILTER_TEXT_MAX_LENGTH)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(
            attrs={"class": "govuk-input govuk-input--width-10", **(attrs or {})}, format="%Y-%m-%d"
        )


class AnyYesNo(forms.Select):
    """A yes/no filter: "Any" (no filtering), "Yes" or "No"."""

    def __init__(self, attrs=None):
        super().__init__(
            {"class": "govuk-select", **(attrs or {})},
            choices=[("", "Any"), ("true", "Yes"), ("false", "No")],
        )


# The one widget of each kind of filter, in every filter form.
FILTER_WIDGETS = (
    (django_filters.BooleanFilter, AnyYesNo),
    (django_filters.DateFilter, DateInput),
)


class RestrictedFilterSet(django_filters.FilterSet):
    """Filters kept in the URL (GET), so a filtered list can be bookmarked."""

    search_fields: tuple[str, ...] = ()

    q = django_filters.CharFilter(label="Search", method="search")

    class Meta:
        form = FilterForm

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for filter_ in self.filters.values():  # this instance's copies
            for kind, widget in FILTER_WIDGETS:
                if isinstance(filter_, kind):
                    filter_.extra["widget"] = widget()
                    filter_.__dict__.pop("_field", None)  # built again with the widget

    def search(self, queryset, name, value):
        value = value.strip()
        if not value or not self.search_fields:
            return queryset
        condition = Q()
        for field in self.search_fields:
            condition |= Q(**{f"{field}__icontains": value})
        # A subquery keeps one row per record when a search field crosses a to-many relation.
        return queryset.filter(pk__in=queryset.model._base_manager.filter(condition).values("pk"))

    @property
    def form(self):
        form = super().form
        user = getattr(self.request, "user", None)
        for field in form.fields.values():
            queryset = getattr(field, "queryset", None)
            if isinstance(queryset, RestrictedQuerySet) and not getattr(
                field, "_restricted", False
            ):
                field.queryset = queryset.restrict(user)
                field._restricted = True
        return form


# --- The trust's own lists ------------------------------------------------------------
class ComponentFilterSet(RestrictedFilterSet):
    search_fields = ("name", "short_name", "description")
    function = django_filters.ModelChoiceFilter(
        queryset=Function.objects.all(), empty_label="Any function"
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
        fields = ["q", "function", "has_register"]


class PriorityFilterSet(RestrictedFilterSet):
    search_fields = ("title", "indicators__name")
    plan = django_filters.ModelChoiceFilter(queryset=Plan.objects.all(), empty_label="Any plan")
    outcome = django_filters.ModelChoiceFilter(
        queryset=Outcome.objects.select_related("plan"), empty_label="Any outcome"
    )

    class Meta(RestrictedFilterSet.Meta):
        model = Priority
        fields = ["q", "plan", "outcome"]


class SectorFilterSet(RestrictedFilterSet):
    search_fields = ("name", "description")

    class Meta(RestrictedFilterSet.Meta):
        model = Sector
        fields = ["q"]


class MembershipRoleFilterSet(RestrictedFilterSet):
    search_fields = ("name", "description")

    class Meta(RestrictedFilterSet.Meta):
        model = MembershipRole
        fields = ["q", "is_chair"]


class FunctionFilterSet(RestrictedFilterSet):
    search_fields = ("name", "description")

    class Meta(RestrictedFilterSet.Meta):
        model = Function
        fields = ["q"]


class ExternalBodyFilterSet(RestrictedFilterSet):
    search_fields = ("name", "kind", "notes")

    class Meta(RestrictedFilterSet.Meta):
        model = ExternalBody
        fields = ["q"]
