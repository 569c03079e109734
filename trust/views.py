"""Pages of the trust's structure and plan: components, meetings, plans, priorities.

Memberships, attendance, hosted priorities, risk registers and recommendations belong to the
layers above; this layer reads them only through the reverse relations those layers declare
(by name), and narrows them with the same ``restrict`` every page uses.
"""

from django.db.models import (
    BooleanField,
    Count,
    ExpressionWrapper,
    Prefetch,
    Q,
)
from django.urls import reverse
from django.utils.formats import date_format

from . import clock
from .filters import ComponentFilterSet, PriorityFilterSet
from .generic import ObjectDetailView, ObjectHistoryView, ObjectListView
from .models import Component, Indicator, Meeting, Plan, Priority
from .sections import Block, Field, RecommendationsOf, Related, Summary, Text

RECENT_MEETINGS = 10
PRESENT = Q(attendance__status="present")


def related_model(model, name):
    """The model at the other end of ``model.<name>``, a relation a higher layer declares."""
    return model._meta.get_field(name).related_model


HAS_REGISTER = ExpressionWrapper(Q(risk_register__isnull=False), output_field=BooleanField())


def component_crumbs(component):
    return [
        ("Components", reverse("trust:component_list")),
        (str(component), component.get_absolute_url()),
    ]


def plan_crumbs(plan=None):
    crumbs = [("Priorities", reverse("trust:priority_list"))]
    return crumbs + ([(str(plan), plan.get_absolute_url())] if plan else [])


# --- Components ---------------------------------------------------------------------------


class ComponentListView(ObjectListView):
    model = Component
    filterset_class = ComponentFilterSet

    def optimise(self, queryset):
        return queryset.annotate(
            member_count=Count(
                "memberships__partner", filter=Q(memberships__ended__isnull=True), distinct=True
            ),
            has_register=HAS_REGISTER,
        )


NO_MEMBERS = "This component has no member partners recorded."
NO_ATTENDANCE = "No attendance has been recorded for this meeting."


def chair(component):
    """Its chair's organisation and representative: the first current member, if chair."""
    first = (component.current_memberships or [None])[0]
    if first is None or first.role != "chair":
        return "No chair recorded"
    who = first.representative
    return f"{first.partner.name} ({who.name})" if who else first.partner.name


class ComponentDetailView(ObjectDetailView):
    model = Component
    visible_related = {"risk_register": (), "recommendations": ("audit",)}
    page_title = "{object} – Components"
    sections = [
        Summary(
            Field("short_name", hide_empty=True),
            "function",
            Field("Governed by", include="trust/governed_by.html", as_="component"),
            Field("Chair", chair),
            Field("Risk register", include="trust/component_register.html", as_="component"),
        ),
        Block("trust/component_no_register.html", narrow=True),
        Text("Description", "description", empty="No description has been recorded.", narrow=True),
        Block("trust/component_document.html", narrow=True),
        Related("Members", "trust/component_members.html", "current_memberships", empty=NO_MEMBERS),
        Block("trust/component_meetings.html", "Meetings"),
        RecommendationsOf(
            "Audit recommendations about this component",
            key="visible_recommendations",
            caption="Audit recommendations that concern {object}",
            empty="No audit recommendations concern this component{scope}.",
        ),
    ]

    def optimise(self, queryset):
        return queryset.with_register().with_current_members()

    def get_context_data(self, **kwargs):
        meetings = Meeting.objects.restrict(self.request.user).filter(component=self.object)
        meetings = meetings.with_attendance_counts().timeline(clock.today(), RECENT_MEETINGS)
        return super().get_context_data(meetings=meetings, **kwargs)


class ComponentHistoryView(ObjectHistoryView):
    model = Component


# --- Meetings -----------------------------------------------------------------------------


class MeetingMixin:
    model = Meeting

    def parent_crumbs(self, obj=None):
        return component_crumbs(obj.component) if obj else []


class MeetingDetailView(MeetingMixin, ObjectDetailView):
    heading = "{object.title}"
    select_related = ("component",)
    sections = [
        Summary(Field("Component", "component"), Field("Date", "date"), Field("location")),
        Text("Notes", "notes", narrow=True),
        Related("Attendance", "trust/meeting_attendance.html", "rows", empty=NO_ATTENDANCE),
    ]

    def page_title(self, meeting):
        return f"{meeting.title}, {date_format(meeting.date, 'j F Y')} – {meeting.component}"

    def optimise(self, queryset):
        return queryset.with_attendance()


class MeetingHistoryView(MeetingMixin, ObjectHistoryView):
    pass


# --- The plan, its outcomes and priorities ------------------------------------------------


class PlanDetailView(ObjectDetailView):
    model = Plan
    prefetch_related = (
        Prefetch("outcomes__priorities", queryset=Priority.objects.order_by("number")),
        Prefetch(
            "priorities",
            queryset=Priority.objects.filter(outcome__isnull=True).order_by("number"),
            to_attr="without_outcome",
        ),
    )
    page_title = "{object} – Plans"
    sections = [
        Summary(
            Field("Years", lambda plan: f"{plan.start_year} to {plan.end_year}"),
            Field("Outcomes", lambda plan: len(plan.outcomes.all())),
            narrow=False,
        ),
        Block("trust/plan_outcomes.html"),
    ]

    def parent_crumbs(self, obj=None):
        return plan_crumbs()


class PlanHistoryView(ObjectHistoryView):
    model = Plan

    def parent_crumbs(self, obj=None):
        return plan_crumbs()


def hosted_model():
    return related_model(Priority, "hosted")


class PriorityListView(ObjectListView):
    model = Priority
    filterset_class = PriorityFilterSet

    def optimise(self, queryset):
        visible = hosted_model().objects.restrict(self.request.user).values("pk")
        return queryset.select_related("plan", "outcome").annotate(
            hosted_count=Count("hosted", filter=Q(hosted__in=visible), distinct=True)
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["plans"] = Plan.objects.restrict(self.request.user)
        return context


class PriorityMixin:
    model = Priority

    def parent_crumbs(self, obj=None):
        return plan_crumbs(obj.plan if obj else None)


class PriorityDetailView(PriorityMixin, ObjectDetailView):
    select_related = ("plan", "outcome")
    prefetch_related = (Prefetch("indicators", queryset=Indicator.objects.with_latest_value()),)
    page_title = "Priority {object.number}: {object} – Priorities"
    sections = [
        Summary(
            Field("Number", "number"),
            Field("Plan", "plan"),
            Field("Outcome", "outcome", link=False, empty="Not linked to an outcome"),
            narrow=False,
        ),
        Related(
            "Indicators",
            "trust/priority_indicators.html",
            "indicators",
            empty="This priority has no indicators recorded.",
        ),
        Related(
            "Hosted priorities",
            "trust/priority_hosted.html",
            "hosted_priorities",
            empty="No partner hosts this priority{scope}.",
        ),
    ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["hosted_priorities"] = (
            self.object.hosted.restrict(self.request.user)
            .select_related("host", "monitoring_component")
            .order_by("title")
        )
        return context


class PriorityHistoryView(PriorityMixin, ObjectHistoryView):
    pass
