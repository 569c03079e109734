import django_filters

from trust import clock
from trust.filters import RestrictedFilterSet
from trust.models import Component, Priority, Sector

from .choices import GoverningDocument
from .models import (
    Action,
    ActionPlan,
    ActionStatus,
    Decision,
    HostedPriority,
    HostingKind,
    KeyRole,
    Meeting,
    MeetingStatus,
    Memorandum,
    Partner,
    Person,
    TermsOfReference,
)
from .querysets import overdue_q

# The duty filter's choices: yes, no and not known (an empty duty).
DUTY_FILTER_VALUES = {"true": True, "false": False, "unknown": None}
DUTY_FILTER_CHOICES = [("true", "Yes"), ("false", "No"), ("unknown", "Not known")]


def audits(request):
    """Every audit, for the audit filter (restricted by the filter set). Audits sit in the
    layer above: they are reached through the relation that layer declares on action plans."""
    recommendation = ActionPlan._meta.get_field("recommendation").related_model
    return recommendation._meta.get_field("audit").related_model.objects.all()


class ActionFilterSet(RestrictedFilterSet):
    search_fields = ("description", "timescale", "owner__name")
    status = django_filters.ChoiceFilter(choices=ActionStatus.choices, empty_label="Any status")
    owner = django_filters.ModelChoiceFilter(queryset=Person.objects.all(), empty_label="Anyone")
    partner = django_filters.ModelChoiceFilter(
        queryset=Partner.objects.all(),
        field_name="owner__partner",
        label="Owner's organisation",
        empty_label="Any partner",
    )
    audit = django_filters.ModelChoiceFilter(
        queryset=audits,
        field_name="plan__recommendation__audit",
        label="Audit",
        empty_label="Any audit",
    )
    meeting = django_filters.ModelChoiceFilter(
        queryset=Meeting.objects.select_related("component"),
        field_name="plan__meeting",
        label="Arising from the meeting",
        empty_label="Any meeting or none",
    )
    overdue = django_filters.BooleanFilter(method="filter_overdue", label="Overdue")
    due_after = django_filters.DateFilter(
        field_name="due_date", lookup_expr="gte", label="Due on or after"
    )
    due_before = django_filters.DateFilter(
        field_name="due_date", lookup_expr="lte", label="Due on or before"
    )

    class Meta(RestrictedFilterSet.Meta):
        model = Action
        fields = [
            "q",
            "status",
            "owner",
            "partner",
            "audit",
            "meeting",
            "overdue",
            "due_after",
            "due_before",
        ]

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        condition = overdue_q(clock.today())
        return queryset.filter(condition) if value else queryset.exclude(condition)


# The status filter of My actions: open actions unless another choice is made.
ANY_STATUS = "any"


class MyActionFilterSet(ActionFilterSet):
    """A person's own actions: no owner or partner to choose, and finished ones (complete or
    cancelled) left out unless a status is chosen."""

    status = django_filters.ChoiceFilter(
        choices=[*ActionStatus.choices, (ANY_STATUS, "Any status")],
        empty_label="Open actions",
        method="filter_status",
    )
    # Not asked here: the owner is the user, and a handful of actions need no search.
    q = owner = partner = meeting = None

    class Meta(ActionFilterSet.Meta):
        fields = ["status", "audit", "overdue", "due_after", "due_before"]

    def filter_status(self, queryset, name, value):
        return queryset if value == ANY_STATUS else queryset.filter(status=value)

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        # An empty choice skips the filter's method, so the default is applied here.
        if not self.form.cleaned_data.get("status"):
            queryset = queryset.open()
        return queryset


class PartnerFilterSet(RestrictedFilterSet):
    search_fields = ("name", "short_name", "notes")
    # The partnership's sectors as they stand at each request: a sector just added is offered.
    sector = django_filters.ModelChoiceFilter(
        queryset=Sector.objects.all(), empty_label="Any sector"
    )
    duty_to_cooperate = django_filters.ChoiceFilter(
        label="Under the duty to co-operate",
        choices=DUTY_FILTER_CHOICES,
        empty_label="Any",
        method="filter_duty",
    )
    not_signed = django_filters.BooleanFilter(
        method="filter_not_signed",
        label="Agreement or protocol not signed",
    )

    class Meta(RestrictedFilterSet.Meta):
        model = Partner
        fields = ["q", "sector", "duty_to_cooperate", "not_signed"]

    def filter_duty(self, queryset, name, value):
        return queryset.filter(duty_to_cooperate=DUTY_FILTER_VALUES[value])

    def filter_not_signed(self, queryset, name, value):
        if value is None:
            return queryset
        missing = Partner.objects.not_signed().values("pk")
        return queryset.filter(pk__in=missing) if value else queryset.exclude(pk__in=missing)


class PersonFilterSet(RestrictedFilterSet):
    search_fields = ("name", "job_title", "partner__name", "partner__short_name")
    partner = django_filters.ModelChoiceFilter(
        queryset=Partner.objects.all(), label="Partner organisation", empty_label="Any partner"
    )
    no_partner = django_filters.BooleanFilter(
        field_name="partner",
        lookup_expr="isnull",
        label="Of no partner organisation",
    )

    class Meta(RestrictedFilterSet.Meta):
        model = Person
        fields = ["q", "partner", "no_partner"]


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


class TermsOfReferenceFilterSet(RestrictedFilterSet):
    search_fields = ("text", "component__name")
    component = django_filters.ModelChoiceFilter(
        queryset=Component.objects.all(), empty_label="Any component"
    )
    kind = django_filters.ChoiceFilter(
        choices=GoverningDocument.choices, label="Kind", empty_label="Either"
    )

    class Meta(RestrictedFilterSet.Meta):
        model = TermsOfReference
        fields = ["q", "component", "kind"]


class MemorandumFilterSet(RestrictedFilterSet):
    search_fields = ("title", "notes", "sections__heading", "sections__text")

    class Meta(RestrictedFilterSet.Meta):
        model = Memorandum
        fields = ["q"]


class KeyRoleFilterSet(RestrictedFilterSet):
    search_fields = ("title", "responsibilities", "person__name")

    class Meta(RestrictedFilterSet.Meta):
        model = KeyRole
        fields = ["q"]


class MeetingFilterSet(RestrictedFilterSet):
    search_fields = ("title", "venue")
    component = django_filters.ModelChoiceFilter(
        queryset=Component.objects.all(), empty_label="Any component"
    )
    status = django_filters.ChoiceFilter(choices=MeetingStatus.choices, empty_label="Any status")
    date_from = django_filters.DateFilter(field_name="date", lookup_expr="gte", label="From")
    date_to = django_filters.DateFilter(field_name="date", lookup_expr="lte", label="To")

    class Meta(RestrictedFilterSet.Meta):
        model = Meeting
        fields = ["q", "component", "status", "date_from", "date_to"]


class DecisionFilterSet(RestrictedFilterSet):
    search_fields = ("reference", "wording", "decided_by")
    component = django_filters.ModelChoiceFilter(
        queryset=Component.objects.all(),
        field_name="meeting__component",
        label="Component",
        empty_label="Any component",
    )
    date_from = django_filters.DateFilter(
        field_name="meeting__date", lookup_expr="gte", label="Taken on or after"
    )
    date_to = django_filters.DateFilter(
        field_name="meeting__date", lookup_expr="lte", label="Taken on or before"
    )

    class Meta(RestrictedFilterSet.Meta):
        model = Decision
        fields = ["q", "component", "date_from", "date_to"]
