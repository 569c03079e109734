"""An audit's recommendations and their action plans, as plain data: now, or as at a date.

The status table, the exports (XLSX, CSV, PDF) and the "as at" pages all render an
``AuditSnapshot``, so what an auditor sees on screen and what they download agree.
Everything in it is restricted to what the user may see.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone

from partners.models import Action, ActionStatus, ProgressUpdate
from partners.querysets import days_overdue, is_open, next_due
from trust import clock
from trust.permissions import sees_all

from .models import Audit, Recommendation, Verification


@dataclass
class ActionState:
    number: int
    description: str
    owner: str
    owner_partner: str
    timescale: str
    original_due_date: datetime.date | None
    due_date: datetime.date | None
    status: str
    status_label: str
    completed_on: datetime.date | None = None
    slip_count: int = 0
    latest_rag: str = ""
    latest_update_on: datetime.date | None = None
    latest_note: str = ""
    days_overdue: int = 0

    @property
    def is_open(self):
        return is_open(self.status)

    @property
    def is_revised(self):
        return self.due_date != self.original_due_date


@dataclass
class VerificationState:
    outcome: str
    outcome_label: str
    verified_on: datetime.date
    comment: str
    auditor: str


@dataclass
class RecommendationState:
    pk: int
    number: str
    section: str
    text: str
    priority_rank: int
    priority_symbol: str
    priority_label: str
    management_response: str
    responsibility: str
    timescale: str
    status: str
    status_label: str
    officers: list[str] = field(default_factory=list)
    actions: list[ActionState] = field(default_factory=list)
    verification: VerificationState | None = None

    @property
    def live_actions(self):
        return [a for a in self.actions if a.status != ActionStatus.CANCELLED]

    @property
    def actions_done(self):
        return sum(1 for a in self.live_actions if a.status == ActionStatus.COMPLETE)

    @property
    def actions_total(self):
        return len(self.live_actions)

    @property
    def next_due(self):
        return next_due(self.actions)

    @property
    def overdue_actions(self):
        return [a for a in self.actions if a.days_overdue]

    @property
    def slipped_actions(self):
        return [a for a in self.actions if a.is_revised or a.slip_count]

    @property
    def latest_update(self) -> ActionState | None:
        """The action with the most recent progress update (of those shown), if any."""
        reported = [a for a in self.actions if a.latest_update_on]
        return max(reported, key=lambda a: (a.latest_update_on, a.number), default=None)

    @property
    def rag(self) -> str:
        """The RAG of the latest progress update on any of its actions, as the lists show it."""
        latest = self.latest_update
        return latest.latest_rag if latest else ""


@dataclass
class AuditSnapshot:
    audit: Audit
    on: datetime.date
    moment: datetime.datetime | None
    recommendations: list[RecommendationState]

    @property
    def is_current(self):
        return self.moment is None

    def counts(self):
        """{(priority rank, status): n} and the labels to show them by."""
        table = {}
        for rec in self.recommendations:
            key = (rec.priority_rank, rec.status)
            table[key] = table.get(key, 0) + 1
        return table


def _latest_note():
    """The note of an action's latest update, in ``with_schedule``'s order (date, then pk)."""
    latest = ProgressUpdate.objects.filter(action=OuterRef("pk")).order_by("-date", "-pk")
    return Subquery(latest.values("note")[:1])


def current_snapshot(audit: Audit, user) -> AuditSnapshot:
    """The audit as it stands now, in a fixed number of queries."""
    on = clock.today()
    recs = list(
        Recommendation.objects.restrict(user)
        .filter(audit=audit)
        .select_related("priority")
        .prefetch_related("responsible_officers")
    )
    actions = (
        Action.objects.restrict(user)
        .filter(plan__in=[r.action_plan_id for r in recs if r.action_plan_id])
        .select_related("owner__partner")
        .with_schedule()
        .annotate(last_update_note=_latest_note())
        .order_by("number")
    )
    by_plan = {}
    for action in actions:
        state = ActionState(
            number=action.number,
            description=action.description,
            owner=action.owner.name,
            owner_partner=str(action.owner.partner or ""),
            timescale=action.timescale,
            original_due_date=action.original_due_date,
            due_date=action.due_date,
            status=action.status,
            status_label=action.get_status_display(),
            completed_on=action.completed_on,
            slip_count=action.slip_count,
            latest_rag=action.last_update_rag or "",
            latest_update_on=action.last_update_date,
            latest_note=action.last_update_note or "",
        )
        state.days_overdue = days_overdue(state, on)
        by_plan.setdefault(action.plan_id, []).append(state)
    verifications = {}
    for v in (
        Verification.objects.restrict(user)
        .filter(recommendation__in=recs)
        .select_related("auditor")
        .order_by("recommendation", "verified_on", "pk")
    ):
        verifications[v.recommendation_id] = VerificationState(
            v.outcome, v.get_outcome_display(), v.verified_on, v.comment, str(v.auditor)
        )
    states = [
        RecommendationState(
            pk=r.pk,
            number=r.number,
            section=r.section,
            text=r.text,
            priority_rank=r.priority.rank,
            priority_symbol=r.priority.symbol,
            priority_label=r.priority.label,
            management_response=r.management_response,
            responsibility=r.responsibility,
            timescale=r.timescale,
            status=r.status,
            status_label=r.get_status_display(),
            officers=[p.name for p in r.responsible_officers.all()],
            actions=by_plan.get(r.action_plan_id, []),
            verification=verifications.get(r.pk),
        )
        for r in recs
    ]
    return AuditSnapshot(audit=audit, on=on, moment=None, recommendations=states)


REC_FIELDS = (
    "history_id",
    "id",
    "number",
    "section",
    "text",
    "priority_id",
    "management_response",
    "responsibility",
    "timescale",
    "status",
    "action_plan_id",
)
ACTION_FIELDS = (
    "id",
    "plan_id",
    "number",
    "description",
    "owner_id",
    "timescale",
    "original_due_date",
    "due_date",
    "status",
    "completed_on",
)


class _Row:
    """Attribute access over a ``values()`` row."""

    __slots__ = ("__dict__",)

    def __init__(self, values):
        self.__dict__.update(values)


def as_at(history, moment):
    """Historical rows that were current at ``moment``: one per record that existed then."""
    return (
        history.filter(history_date__lte=moment)
        .filter(Q(valid_to__gt=moment) | Q(valid_to__isnull=True))
        .exclude(history_type="-")
    )


def _m2m_as_at(history_model, field_name, rows):
    """{history_id: [target ids]} of a tracked many-to-many field for the given rows."""
    through = history_model.__dict__[field_name].model
    target = history_model.instance_type._meta.get_field(field_name).m2m_reverse_field_name()
    result = {}
    for history_id, target_id in through.objects.filter(
        history__in=[r.history_id for r in rows]
    ).values_list("history", target):
        result.setdefault(history_id, []).append(target_id)
    return result


def snapshot_as_at(audit: Audit, moment: datetime.datetime, user) -> AuditSnapshot:
    """The audit's recommendations and actions as they stood at ``moment``, from the history.

    Reads the historical tables only (a fixed number of queries, each on the as-at indexes).
    Records the user may not see now are left out; names of people, priority levels and
    verifying auditors are today's names.
    """
    from partners.models import DueDateChange, Person

    from .models import PriorityLevel

    on = timezone.localtime(moment).date()
    recs = as_at(Recommendation.history, moment).filter(audit_id=audit.pk)
    if not sees_all(user, Recommendation):
        recs = recs.filter(id__in=Recommendation.objects.restrict(user).values("pk"))
    # Plain rows, not model instances: a large audit has thousands of them.
    recs = [_Row(r) for r in recs.values(*REC_FIELDS)]
    officers = _m2m_as_at(Recommendation.history.model, "responsible_officers", recs)
    plan_ids = [r.action_plan_id for r in recs if r.action_plan_id]
    actions = as_at(Action.history, moment).filter(plan_id__in=plan_ids)
    if not sees_all(user, Action):  # partner staff: only the actions they may see
        actions = actions.filter(id__in=Action.objects.restrict(user).values("pk"))
    actions = [_Row(a) for a in actions.order_by("number").values(*ACTION_FIELDS)]
    action_ids = [a.id for a in actions]
    slips = {}
    for change in as_at(DueDateChange.history, moment).filter(action_id__in=action_ids):
        slips[change.action_id] = slips.get(change.action_id, 0) + 1
    latest = {}
    for update in (
        as_at(ProgressUpdate.history, moment)
        .filter(action_id__in=action_ids)
        .order_by("date", "id")
    ):
        latest[update.action_id] = update
    verifications = {}
    for v in (
        as_at(Verification.history, moment)
        .filter(recommendation_id__in=[r.id for r in recs])
        .order_by("verified_on", "id")
    ):
        verifications[v.recommendation_id] = v
    person_ids = {a.owner_id for a in actions} | {p for ids in officers.values() for p in ids}
    people = {p.pk: p for p in Person.objects.filter(pk__in=person_ids).select_related("partner")}
    levels = {
        level.pk: level
        for level in PriorityLevel.objects.filter(pk__in={r.priority_id for r in recs})
    }
    auditors = {
        u.pk: str(u)
        for u in _user_model().objects.filter(pk__in={v.auditor_id for v in verifications.values()})
    }
    rec_statuses = dict(Recommendation.Status.choices)
    action_statuses = dict(ActionStatus.choices)

    by_plan = {}
    for row in actions:
        owner = people.get(row.owner_id)
        update = latest.get(row.id)
        state = ActionState(
            number=row.number,
            description=row.description,
            owner=owner.name if owner else "",
            owner_partner=str(owner.partner or "") if owner else "",
            timescale=row.timescale,
            original_due_date=row.original_due_date,
            due_date=row.due_date,
            status=row.status,
            status_label=action_statuses.get(row.status, row.status),
            completed_on=row.completed_on,
            slip_count=slips.get(row.id, 0),
            latest_rag=update.rag if update else "",
            latest_update_on=update.date if update else None,
            latest_note=update.note if update else "",
        )
        state.days_overdue = days_overdue(state, on)
        by_plan.setdefault(row.plan_id, []).append(state)
    states = []
    for row in recs:
        level = levels[row.priority_id]
        v = verifications.get(row.id)
        states.append(
            RecommendationState(
                pk=row.id,
                number=row.number,
                section=row.section,
                text=row.text,
                priority_rank=level.rank,
                priority_symbol=level.symbol,
                priority_label=level.label,
                management_response=row.management_response,
                responsibility=row.responsibility,
                timescale=row.timescale,
                status=row.status,
                status_label=rec_statuses.get(row.status, row.status),
                officers=sorted(
                    people[p].name for p in officers.get(row.history_id, []) if p in people
                ),
                actions=by_plan.get(row.action_plan_id, []),
                verification=VerificationState(
                    v.outcome,
                    dict(Verification.Outcome.choices)[v.outcome],
                    v.verified_on,
                    v.comment,
                    auditors.get(v.auditor_id, ""),
                )
                if v
                else None,
            )
        )
    states.sort(key=lambda r: (len(r.number), r.number))
    return AuditSnapshot(audit=audit, on=on, moment=moment, recommendations=states)


def _user_model():
    from django.contrib.auth import get_user_model

    return get_user_model()


def end_of_day(day: datetime.date) -> datetime.datetime:
    """The last instant of ``day`` in the service's time zone."""
    start = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min)
    return timezone.make_aware(start) - datetime.timedelta(microseconds=1)


__all__ = [
    "ActionState",
    "AuditSnapshot",
    "ProgressUpdate",
    "RecommendationState",
    "current_snapshot",
    "end_of_day",
]
