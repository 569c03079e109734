import datetime

from django.apps import apps
from django.conf import settings
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.functions import RowNumber

from trust import clock
from trust.permissions import (
    CHANGE,
    DELETE,
    RestrictedQuerySet,
    SharedQuerySet,
    scope_via,
    visible_q,
)
from trust.querysets import current_seat_q

# --- The action-plan vocabulary: defined once, here, for every page, export and reminder ----

# The records that carry an action plan, by their one-to-one relation from the plan, each
# with what naming it needs joined: a recommendation its audit and priority, a risk its
# register, a meeting (its actions arising) its component.
CARRIERS = {
    "recommendation": ("audit", "priority"),
    "hosted_priority": (),
    "risk": ("register",),
    "meeting": ("component",),
}

# What an action list joins to name each action's carrier without a query per row.
ACTION_CARRIERS = tuple(
    f"plan__{name}__{join}" if join else f"plan__{name}"
    for name, joins in CARRIERS.items()
    for join in joins or ("",)
)

# An action is open until it is complete or cancelled (``ActionStatus`` in models.py).
DONE = "complete"
CANCELLED = "cancelled"
CLOSED = (DONE, CANCELLED)


def is_open(status: str) -> bool:
    return status not in CLOSED


def open_q(prefix: str = ""):
    """Open actions; ``prefix`` reaches them through a relation (``"action_plan__actions__"``)."""
    return ~Q(**{f"{prefix}status__in": CLOSED})


def overdue_against_original() -> bool:
    """Whether lateness counts from an action's original due date (else its current one)."""
    return settings.TRUST["OVERDUE_AGAINST"] == "original"


def overdue_field() -> str:
    """The date lateness is counted from: the current due date, or the original if so set."""
    return "original_due_date" if overdue_against_original() else "due_date"


def overdue_q(today, *, prefix: str = ""):
    """Open actions past the date lateness is counted from (``overdue_field``)."""
    return Q(**{f"{prefix}{overdue_field()}__lt": today}) & open_q(prefix)


def days_overdue(action, on: datetime.date) -> int:
    """Whole days ``action`` (anything with ``status`` and its due dates) is overdue on ``on``:
    0 when on time, done or ongoing (no date)."""
    day = getattr(action, overdue_field())
    if not is_open(action.status) or day is None:
        return 0
    return max((on - day).days, 0)


def next_due(actions):
    """The earliest due date of the open, dated ``actions``; None if there is none."""
    return min((a.due_date for a in actions if is_open(a.status) and a.due_date), default=None)


def plan_progress(seen, prefix: str = "action_plan__actions"):
    """Annotations of a carrier's plan, over the actions ``seen`` selects: ``actions_total``
    (cancelled ones left out) and ``actions_done``."""
    return {
        "actions_total": Count(
            prefix, filter=seen & ~Q(**{f"{prefix}__status": CANCELLED}), distinct=True
        ),
        "actions_done": Count(
            prefix, filter=seen & Q(**{f"{prefix}__status": DONE}), distinct=True
        ),
    }


class PartnerQuerySet(SharedQuerySet):
    def with_attendance(self, period):
        """Annotated with ``expected_meetings`` and ``attended_meetings`` over the meetings
        that count in ``period`` (``partners.attendance.Period``), by the roll-up rule."""
        from .attendance import partner_counts

        return self.annotate(**partner_counts(period.meetings()))

    def with_component_count(self, today):
        """Annotated with ``component_count``: the components it sits on on ``today``."""
        return self.annotate(
            component_count=Count(
                "memberships__component",
                filter=current_seat_q(today, "memberships__"),
                distinct=True,
            )
        )

    def with_current_seats(self, today):
        """With ``current_memberships``: the components it sits on on ``today``, in their
        order."""
        memberships = self.model._meta.get_field("memberships").related_model
        return self.prefetch_related(
            Prefetch(
                "memberships",
                queryset=memberships.objects.filter(current_seat_q(today))
                .select_related("component", "role", "person")
                .order_by("component__order", "component__name", "role__order", "role__name"),
                to_attr="current_memberships",
            )
        )

    def not_signed(self):
        """Partners yet to sign the partnership agreement or the information sharing protocol."""
        return self.filter(Q(agreement_signed__isnull=True) | Q(isp_signed__isnull=True))


class MembershipQuerySet(SharedQuerySet):
    """Seats on components: shared with every partner (the structure names its members)."""

    def current(self, today):
        """The seats current on ``today`` (``trust.querysets.current_seat_q``)."""
        return self.filter(current_seat_q(today))

    def named(self):
        """With what their pages and labels name: the role, the person (with their
        organisation), the partner represented and the component."""
        return self.select_related("role", "person__partner", "represents", "component")


def models_naming(person_model):
    """(model, field name) for every record that names a person: its ``names_people``.

    Declared on the naming model (a higher app's record names people of this one), found
    through the app registry, so this layer never imports the layers above it.
    """
    for model in apps.get_models():
        for name in getattr(model, "names_people", ()):
            if model._meta.get_field(name).related_model is person_model:
                yield model, name


class PersonQuerySet(RestrictedQuerySet):
    def partner_scope(self, partner_id):
        # Their own organisation's people, and anyone a record they may open names
        # (DESIGN.md, "Who sees whose name"): a name is never hidden on a page that shows
        # its record, and never shown where no such record is.
        q = Q(partner_id=partner_id)
        for model, name in models_naming(self.model):
            scope = model.objects.all().partner_scope(partner_id)
            if scope is None:
                continue
            naming = model._base_manager.filter(scope, **{f"{name}__isnull": False})
            q |= Q(pk__in=naming.values(name))
        return q

    def partner_write_scope(self, partner_id):
        return None


class HostedPriorityQuerySet(RestrictedQuerySet):
    def partner_scope(self, partner_id):
        # Hosts and contributors see it; so does a partner owning one of its actions.
        return (
            Q(host_id=partner_id)
            | Q(contributors=partner_id)
            | Q(action_plan__actions__owner__partner_id=partner_id)
        )

    def partner_write_scope(self, partner_id):
        return None

    def of_partner(self, partner):
        """The hosted priorities ``partner`` hosts or contributes to."""
        return (
            self.filter(Q(host=partner) | Q(contributors=partner))
            .distinct()
            .select_related("priority", "host", "monitoring_component")
        )

    def with_plan_progress(self, today, user):
        """Annotated with its plan's actions that ``user`` may see: done / total, overdue
        count and the latest RAG of their progress updates."""
        seen = visible_q(user, apps.get_model("partners", "Action"), "action_plan__actions")
        latest = (
            apps.get_model("partners", "ProgressUpdate")
            .objects.restrict(user)
            .filter(action__plan=OuterRef("action_plan"))
            .order_by("-date", "-pk")
        )
        return self.annotate(
            **plan_progress(seen),
            overdue_count=Count(
                "action_plan__actions",
                filter=seen & overdue_q(today, prefix="action_plan__actions__"),
                distinct=True,
            ),
            latest_rag=Subquery(latest.values("rag")[:1]),
        )

    def needing_attention(self, actions, today):
        """Those whose plan has none of ``actions`` (a queryset), or one of them overdue."""
        plan = OuterRef("action_plan")
        return self.annotate(
            has_actions=Exists(actions.filter(plan=plan)),
            is_late=Exists(actions.filter(overdue_q(today), plan=plan)),
        ).filter(Q(has_actions=False) | Q(is_late=True))


class ActionPlanQuerySet(RestrictedQuerySet):
    def partner_scope(self, partner_id):
        return (
            Q(hosted_priority__host_id=partner_id)
            | Q(hosted_priority__contributors=partner_id)
            | Q(actions__owner__partner_id=partner_id)
        )

    def partner_write_scope(self, partner_id):
        return None


class ActionQuerySet(RestrictedQuerySet):
    def partner_scope(self, partner_id):
        return (
            Q(owner__partner_id=partner_id)
            | Q(plan__hosted_priority__host_id=partner_id)
            | Q(plan__hosted_priority__contributors=partner_id)
        )

    def partner_write_scope(self, partner_id):
        # An organisation reports on the actions its own officers own (issue 5), even in a
        # plan it hosts: another partner's action is theirs to report on.
        return Q(owner__partner_id=partner_id)

    def open(self):
        return self.filter(open_q())

    def overdue(self, today):
        return self.filter(overdue_q(today))

    def due_soon(self, today, days):
        """Open and not overdue, due between ``today`` and ``days`` ahead."""
        ahead = today + datetime.timedelta(days=days)
        return (
            self.open().exclude(overdue_q(today)).filter(due_date__gte=today, due_date__lte=ahead)
        )

    def of_partner(self, partner):
        """Those its officers own and those of the plans it hosts."""
        ours = Q(owner__partner=partner) | Q(plan__hosted_priority__host=partner)
        return self.filter(pk__in=self.model.objects.filter(ours).values("pk"))

    def with_schedule(self):
        """Annotated with ``slip_count`` and the latest update's RAG and date: no query per row."""
        updates = self.model._meta.get_field("updates").related_model
        latest = updates.objects.filter(action=OuterRef("pk")).order_by("-date", "-pk")
        return self.annotate(
            slip_count=Count("date_changes", distinct=True),
            last_update_rag=Subquery(latest.values("rag")[:1]),
            last_update_date=Subquery(latest.values("date")[:1]),
        )

    def overdue_first(self, today):
        """Overdue first, then by current due date; ongoing actions (no date) last."""
        return self.annotate(
            is_overdue=Case(
                When(overdue_q(today), then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        ).order_by("is_overdue", F("due_date").asc(nulls_last=True), "pk")


class ProgressUpdateQuerySet(RestrictedQuerySet):
    def partner_scope(self, partner_id):
        from .models import Action

        return scope_via("action", Action, partner_id)

    def partner_write_scope(self, partner_id):
        from .models import Action

        return scope_via("action", Action, partner_id, write=True)

    def partner_user_write_scope(self, user, action):
        scope = super().partner_user_write_scope(user, action)
        if scope is not None and action in (CHANGE, DELETE):
            # An update entered by mistake is corrected or withdrawn by its author (or DCS
            # staff), while their organisation still reports on the action.
            return scope & Q(author__user_id=user.pk)
        return scope

    def for_action_page(self, user):
        """An action's updates as its page shows them: those ``user`` may see, naming their
        authors, and which of them ``user`` may correct or withdraw."""
        return {
            "updates": self.restrict(user).select_related("author__partner"),
            "correctable_updates": set(self.restrict(user, CHANGE).values_list("pk", flat=True)),
            "withdrawable_updates": set(self.restrict(user, DELETE).values_list("pk", flat=True)),
        }


class DueDateChangeQuerySet(RestrictedQuerySet):
    def partner_scope(self, partner_id):
        from .models import Action

        return scope_via("action", Action, partner_id)

    def partner_write_scope(self, partner_id):
        return None


class AttendanceQuerySet(RestrictedQuerySet):
    """Partners see their own organisation's attendance rows (every partner's rate is shown
    to all, as figures: ``partners/attendance.py``); they send apologies or name a substitute
    for their own people for a meeting to come."""

    def partner_scope(self, partner_id):
        return Q(partner_id=partner_id) | Q(person__partner_id=partner_id)

    def partner_write_scope(self, partner_id):
        meetings = apps.get_model("partners", "Meeting").objects.coming()
        return Q(person__partner_id=partner_id, meeting__in=meetings.values("pk"))


class PersonScopedQuerySet(RestrictedQuerySet):
    def partner_scope(self, partner_id):
        return Q(person__partner_id=partner_id)

    def partner_write_scope(self, partner_id):
        return None


def our_status(statuses, choices) -> str:
    """A partner's attendance at a meeting in words, from its people's ``statuses``: how it
    attended (present before a substitute), else what was recorded, else "Not recorded"."""
    labels = dict(choices.choices)
    order = [choices.PRESENT, choices.SUBSTITUTE, choices.APOLOGIES, choices.ABSENT]
    recorded = [status for status in order if status in statuses]
    if not recorded:
        return "Not recorded"
    attended = [s for s in recorded if s in (choices.PRESENT, choices.SUBSTITUTE)]
    return labels[attended[0]] if attended else ", ".join(labels[s] for s in recorded)


def partner_boards(partner, today):
    """The components ``partner`` sits on, each with its seats, the last three meetings held
    (with the partner's attendance at each) and the next three to come, nearest first."""
    membership, attendance = (apps.get_model("partners", m) for m in ("Membership", "Attendance"))
    seats = (
        membership.objects.filter(current_seat_q(today), represents=partner)
        .select_related("component", "role", "person")
        .order_by("component__order", "component__name", "role__order", "role__name")
    )
    components = {}
    for seat in seats:
        components.setdefault(seat.component, []).append(seat)
    meetings = apps.get_model("partners", "Meeting").objects.filter(component__in=list(components))
    nth = RowNumber()
    recent = list(
        meetings.filter(date__lt=today)
        .annotate(n=Window(nth, partition_by=F("component"), order_by=F("date").desc()))
        .filter(n__lte=3)
        .order_by("-date")
    )
    upcoming = list(
        meetings.filter(date__gte=today)
        .annotate(n=Window(nth, partition_by=F("component"), order_by=F("date").asc()))
        .filter(n__lte=3)
        .order_by("date")
    )
    statuses = {}
    rows = attendance.objects.filter(partner=partner, meeting__in=[m.pk for m in recent])
    for meeting_id, status in rows.order_by("status").values_list("meeting", "status"):
        statuses.setdefault(meeting_id, []).append(status)
    for meeting in recent:
        meeting.our_status = our_status(statuses.get(meeting.pk, []), attendance.Status)
    return [
        {
            "component": component,
            "seats": component_seats,
            "recent": [m for m in recent if m.component_id == component.pk],
            "upcoming": [m for m in upcoming if m.component_id == component.pk],
        }
        for component, component_seats in components.items()
    ]


class MeetingQuerySet(SharedQuerySet):
    def that_count(self, today=None):
        """The meetings attendance is counted over: those that took place (held, and dated
        on or before today). The one place that says so (``partners/attendance.py``)."""
        return self.filter(status="held", date__lte=today or clock.today())

    def coming(self, today=None):
        """Meetings to come (not cancelled): apologies and substitutes may still be sent."""
        return self.filter(date__gt=today or clock.today()).exclude(status="cancelled")

    def with_attendance_counts(self):
        """Annotated with ``expected_partners`` and ``attended_partners`` (the roll-up rule)."""
        from .attendance import meeting_counts

        return self.annotate(**meeting_counts())

    def attendance_summary(self, period_key=None):
        """The attendance figures over these meetings for a period (``partners.attendance.
        summary``; default: this attendance year): for a lower layer's page (a component's)."""
        from . import attendance

        return attendance.summary(attendance.period_named(period_key), meetings=self)

    def with_attendance(self, user):
        """With ``rows``: the attendance rows ``user`` may see, by organisation and name,
        naming the person, their organisation and any substitute."""
        attendance = apps.get_model("partners", "Attendance")
        rows = attendance.objects.restrict(user).select_related(
            "partner", "person__partner", "substitute__partner"
        )
        return self.prefetch_related(
            Prefetch(
                "attendance",
                queryset=rows.order_by(F("partner__name").asc(nulls_last=True), "person__name"),
                to_attr="rows",
            )
        )

    def timeline(self, today, recent):
        """Its count, the upcoming meetings (soonest first) and the ``recent`` latest past."""
        return {
            "count": self.count(),
            "upcoming": self.filter(date__gte=today).order_by("date"),
            "recent": self.filter(date__lt=today).order_by("-date")[:recent],
            "recent_limit": recent,
        }


class DecisionQuerySet(SharedQuerySet):
    """Decisions taken at meetings: shared with every partner, like the meetings."""

    def named(self):
        return self.select_related("meeting__component", "agenda_item")
