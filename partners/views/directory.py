"""Pages of the partner directory, people and hosted priorities (read-only for now).

Recommendations belong to the layer above; they are read here only through the reverse
relation it declares (``person.recommendations``), narrowed by the same ``restrict``.
"""

from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils.safestring import mark_safe

from trust import clock
from trust.generic import ObjectDetailView, ObjectHistoryView, ObjectListView
from trust.permissions import sees_contacts
from trust.sections import Field, RecentHistory, Related, Summary, Text

from ..carriers import ActionPlan, CarrierMixin, ProgressUpdates
from ..filters import HostedPriorityFilterSet, PartnerFilterSet
from ..models import HostedPriority, Membership, Partner, Person
from ..querysets import ACTION_CARRIERS

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


def partner_crumbs(partner):
    return [
        ("Partners", reverse("partners:partner_list")),
        (str(partner), partner.get_absolute_url()),
    ]


# --- Partners -----------------------------------------------------------------------------


class PartnerListView(ObjectListView):
    model = Partner
    filterset_class = PartnerFilterSet

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


class PersonMixin:
    model = Person

    def parent_crumbs(self, obj=None):
        return partner_crumbs(obj.partner) if obj else []


class PersonDetailView(PersonMixin, ObjectDetailView):
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


class PersonHistoryView(PersonMixin, ObjectHistoryView):
    pass


# --- Hosted priorities --------------------------------------------------------------------


class HostedPriorityListView(ObjectListView):
    model = HostedPriority
    filterset_class = HostedPriorityFilterSet

    def optimise(self, queryset):
        return queryset.select_related("priority", "host", "monitoring_component")


NOT_SET = mark_safe('<strong class="govuk-tag govuk-tag--red">Not set</strong>')


def signed(label, path):
    return Field(label, path, include="partners/partner_signed_date.html", as_="date")


def done(label, path):
    return Field(label, path, include="partners/hostedpriority_check.html", as_="done")


class HostedPriorityDetailView(CarrierMixin, ObjectDetailView):
    model = HostedPriority
    page_title = "{object} – Hosted priorities"
    updates_limit = 20
    sections = [
        Summary(
            Field("Priority", "priority", text="{0.number}. {0.title}"),
            Field("Outcome", "priority.outcome", link=False, empty="Not linked to an outcome"),
            Field("Host", "host"),
            "kind",
            Field("contributors", empty="No other partner contributes"),
        ),
        Text(None, "description", narrow=True),
        Summary(
            signed("Agreement signed by the director", "director_signed"),
            signed("Agreement signed by the host", "host_signed"),
            done("Risk assessment done", "risk_assessment_done"),
            done("Appended to the host's strategy", "appended_to_strategy"),
            Field(
                "Action plan in place",
                key="actions",
                as_="actions",
                include="partners/action_plan_in_place.html",
            ),
            Field("Monitoring board", "monitoring_component", empty=NOT_SET),
            heading="Hosting checklist",
        ),
        Related(
            "Indicators",
            "partners/hostedpriority_indicators.html",
            "indicators",
            empty="The priority has no indicators yet.",
        ),
        ActionPlan(show_summary=True),
        ProgressUpdates(),
        Related(
            "Linked risks",
            "partners/hostedpriority_risks.html",
            "risks",
            hosted=lambda view, context: view.object,
            empty="No risks are linked to this priority{scope}. Hosts record the risks of the "
            "priorities they host in their own register.",
        ),
        RecentHistory(show_record=False, full_link="Full history of {object.title}"),
    ]

    def optimise(self, queryset):
        return queryset.select_related(
            "priority__outcome", "priority__plan", "host", "monitoring_component", "action_plan"
        ).prefetch_related("contributors")

    def get_context_data(self, **kwargs):
        hosted, user = self.object, self.request.user
        return super().get_context_data(
            indicators=hosted.priority.indicators.restrict(user).with_latest_value(),
            # Risks linked to the priority; the host's register is where they belong.
            risks=hosted.risks.restrict(user).select_related("register", "owner"),
            **kwargs,
        )


class HostedPriorityHistoryView(ObjectHistoryView):
    model = HostedPriority
