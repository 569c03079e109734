"""Pages of the partner directory, people and hosted priorities (read-only for now).

Recommendations belong to the layer above; they are read here only through the reverse
relation it declares (``person.recommendations``), narrowed by the same ``restrict``.
"""

from django.urls import reverse
from django.utils.safestring import mark_safe

from trust import clock
from trust.generic import ObjectDetailView, ObjectHistoryView, ObjectListView
from trust.permissions import ADD, grantable_roles, sees_contacts, user_can
from trust.sections import EDIT, Field, RecentHistory, RecommendationsOf, Related, Summary, Text

from ..attendance import partner_summary
from ..carriers import ActionPlan, CarrierMixin, ProgressUpdates
from ..filters import HostedPriorityFilterSet, PartnerFilterSet, PersonFilterSet
from ..models import HostedPriority, Partner, Person
from ..querysets import ACTION_CARRIERS
from ..tables import HostedPriorityTable, PartnerTable, PersonTable

__all__ = [
    "HostedPriorityDetailView",
    "HostedPriorityHistoryView",
    "HostedPriorityListView",
    "PartnerDetailView",
    "PartnerHistoryView",
    "PartnerListView",
    "PersonDetailView",
    "PersonHistoryView",
    "PersonListView",
]


NOT_SET = mark_safe('<strong class="govuk-tag govuk-tag--red">Not set</strong>')


PLAN_IN_PLACE = "partners/action_plan_in_place.html"
INDICATORS = "partners/hostedpriority_indicators.html"
NO_INDICATORS = "The priority has no indicators yet."
HOSTED_RISKS = "partners/hostedpriority_risks.html"
NO_RISKS = (
    "No risks are linked to this priority{scope}. Hosts record the risks of the priorities "
    "they host in their own register."
)


def signed(label, path):
    return Field(label, path, include="partners/partner_signed_date.html", as_="date")


def done(label, path):
    return Field(label, path, include="partners/hostedpriority_check.html", as_="done")


# --- Partners -----------------------------------------------------------------------------


class PartnerListView(ObjectListView):
    model = Partner
    filterset_class = PartnerFilterSet
    table_class = PartnerTable
    related_lists = ("partners.Person", "trust.Sector")

    def optimise(self, queryset):
        return queryset.select_related("sector").with_component_count(clock.today())

    def get_context_data(self, **kwargs):
        # People of no partner organisation (an independent chair) are added from here.
        context = super().get_context_data(**kwargs)
        if user_can(self.request.user, ADD, Person):
            context["person_add_url"] = reverse("partners:person_create")
        return context


SEATS = "partners/partner_memberships.html"
NO_SEATS = "This partner does not sit on any component."
ATTENDANCE = "partners/partner_attendance.html"
HOSTED = "partners/partner_hosted.html"
NO_HOSTED = "This partner hosts or contributes to no priority{scope}."


def no_people(view, context):
    if context["can_see_contacts"]:
        return "No people have been recorded for this partner."
    return "None of this partner's people is named on a record shared with you."


PARTNER_SUMMARY = Summary(
    Field("short_name", hide_empty=True),
    "sector",
    Field("Under the duty to co-operate", "duty_display"),
    signed("Partnership agreement signed", "agreement_signed"),
    Field("Signed by", "agreement_signed_by", hide_empty=True, when="can_see_contacts"),
    signed("Information sharing protocol signed", "isp_signed"),
    Field("Signed by", "isp_signed_by", hide_empty=True, when="can_see_contacts"),
    Field("Lead contact", "lead_contact", empty="Not chosen", when="can_see_contacts"),
    Field("Host authority", "is_host_authority"),
)


class PartnerDetailView(ObjectDetailView):
    model = Partner
    page_title = "{object} – Partners"
    select_related = ("sector", "agreement_signed_by", "isp_signed_by", "lead_contact")
    actions = (EDIT, ("Add a person", "partners:partner_person_create", "can_change"))
    visible_related = {"people": ()}
    sections = [
        PARTNER_SUMMARY,
        Text("Notes", "notes", narrow=True),
        Related(
            "People",
            "partners/partner_people.html",
            "visible_people",
            empty=no_people,
            can_see_contacts=lambda view, context: context["can_see_contacts"],
        ),
        Related("Attendance", ATTENDANCE, "attendance_summary", as_="summary"),
        Related("Components it sits on", SEATS, "current_memberships", empty=NO_SEATS),
        Related("Hosted priorities", HOSTED, "hosted_priorities", empty=NO_HOSTED),
    ]

    def optimise(self, queryset):
        return queryset.with_current_seats(clock.today())

    def get_context_data(self, **kwargs):
        partner, user = self.object, self.request.user
        return super().get_context_data(
            hosted_priorities=HostedPriority.objects.restrict(user).of_partner(partner),
            can_see_contacts=sees_contacts(user, partner.pk),
            attendance_summary=partner_summary(partner),
            **kwargs,
        )


class PartnerHistoryView(ObjectHistoryView):
    model = Partner


# --- People -------------------------------------------------------------------------------


class PersonListView(ObjectListView):
    """Everyone the user may see (their own organisation's people and anyone a record they
    may open names: ``PersonQuerySet``), with their organisation."""

    model = Person
    filterset_class = PersonFilterSet
    table_class = PersonTable

    def optimise(self, queryset):
        return queryset.select_related("partner")


def sign_in(person):
    user = person.user
    return f"{user.username} ({user.get_role_display()})" if user else None


def person_title(person):
    return f"{person} – {person.partner}" if person.partner_id else str(person)


PERSON_SUMMARY = Summary(
    Field("job_title"),
    Field("Partner", "partner", empty="No partner organisation"),
    Field("Email", "email", include="partners/email.html", when="can_see_contacts"),
    Field("Telephone", "phone", hide_empty=True, when="can_see_contacts"),
    Field("Line manager", "line_manager", hide_empty=True, when="can_see_contacts"),
    Field("Can sign in", lambda p: p.user_id is not None, when="can_see_contacts"),
    Field("Sign-in", sign_in, hide_empty=True, when="can_grant"),
)


class PersonDetailView(ObjectDetailView):
    model = Person
    page_title = staticmethod(person_title)
    select_related = ("partner", "line_manager__partner", "user")
    actions = (EDIT, ("Sign-in", "partners:person_sign_in", "can_grant"))
    sections = [
        PERSON_SUMMARY,
        Related(
            "Actions they own",
            "partners/action_rows.html",
            "actions",
            when="can_see_contacts",
            show_carrier=True,
            caption="Actions they own, overdue first",
            empty="{object} owns no actions{scope}.",
        ),
        RecommendationsOf(
            "Audit recommendations they are responsible for",
            when="can_see_contacts",
            caption="Audit recommendations {object} is a responsible officer for",
            empty="{object} is not a responsible officer for any audit recommendation{scope}.",
        ),
    ]

    def get_context_data(self, **kwargs):
        person, user = self.object, self.request.user
        actions = person.actions.restrict(user).select_related("owner__partner", *ACTION_CARRIERS)
        context = super().get_context_data(
            actions=actions.with_schedule().overdue_first(clock.today()),
            recommendations=person.recommendations.restrict(user).select_related("audit"),
            can_see_contacts=sees_contacts(user, person.partner_id),
            **kwargs,
        )
        # Setting up a sign-in: for those who may change people and give some role.
        context["can_grant"] = context["can_change"] and bool(grantable_roles(user))
        return context


class PersonHistoryView(ObjectHistoryView):
    model = Person


# --- Hosted priorities --------------------------------------------------------------------


class HostedPriorityListView(ObjectListView):
    model = HostedPriority
    filterset_class = HostedPriorityFilterSet
    table_class = HostedPriorityTable

    def optimise(self, queryset):
        return queryset.select_related("priority", "host", "monitoring_component")


class HostedPriorityDetailView(CarrierMixin, ObjectDetailView):
    model = HostedPriority
    page_title = "{object} – Hosted priorities"
    updates_limit = 20
    select_related = ("priority__outcome", "priority__plan", "host", "monitoring_component")
    select_related += ("action_plan",)
    prefetch_related = ("contributors",)
    # Risks linked to the priority; the host's register is where they belong.
    visible_related = {"risks": ("register", "owner")}
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
            Field("Action plan in place", key="actions", include=PLAN_IN_PLACE, as_="actions"),
            Field("Monitoring board", "monitoring_component", empty=NOT_SET),
            heading="Hosting checklist",
        ),
        Related("Indicators", INDICATORS, "indicators", empty=NO_INDICATORS),
        ActionPlan(show_summary=True),
        ProgressUpdates(),
        Related("Linked risks", HOSTED_RISKS, "visible_risks", empty=NO_RISKS),
        RecentHistory(show_record=False, full_link="Full history of {object.title}"),
    ]

    def get_context_data(self, **kwargs):
        indicators = self.object.priority.indicators.restrict(self.request.user)
        return super().get_context_data(indicators=indicators.with_latest_value(), **kwargs)


class HostedPriorityHistoryView(ObjectHistoryView):
    model = HostedPriority
