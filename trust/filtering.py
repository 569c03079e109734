"""django-filter sets in GOV.UK markup whose choices go through the one access mechanism."""

import django_filters
from django import forms
from django.db.models import Q

from .forms import GovukFormRenderer, name_the_field
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


class RestrictedFilterSet(django_filters.FilterSet):
    """Filters kept in the URL (GET), so a filtered list can be bookmarked."""

    search_fields: tuple[str, ...] = ()

    q = django_filters.CharFilter(label="Search", method="search")

    class Meta:
        form = FilterForm

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
