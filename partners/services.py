"""Writes on action plans: each a named step that validates, writes atomically and says why."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from trust import clock
from trust.services import record_delete, record_save

from .attendance import counts_for
from .models import (
    Action,
    ActionPlan,
    ActionStatus,
    Attendance,
    DueDateChange,
    Membership,
    Person,
    ProgressUpdate,
)

ACTION_ADDED = "Action added"


@transaction.atomic
def action_plan_for(carrier, *, by) -> ActionPlan:
    """The carrier's action plan, created (and linked, in the carrier's history) if missing."""
    if carrier.action_plan_id is None:
        carrier.action_plan = record_save(ActionPlan(), by=by, reason="Action plan started")
        record_save(carrier, by=by, reason="Action plan started")
    return carrier.action_plan


@transaction.atomic
def action_create(
    *,
    carrier,
    description: str,
    owner,
    timescale: str,
    due_date: datetime.date | None,
    by,
    reason: str = "",
) -> Action:
    """Add an action to the carrier's plan; its original and current due dates start equal.

    ``reason`` is what the person adding it typed; without one the history says it was added.
    """
    plan = action_plan_for(carrier, by=by)
    number = (plan.actions.aggregate(n=Max("number"))["n"] or 0) + 1
    action = Action(
        plan=plan,
        number=number,
        description=description,
        owner=owner,
        timescale=timescale,
        original_due_date=due_date,
        due_date=due_date,
    )
    return record_save(action, by=by, reason=reason or ACTION_ADDED)


@transaction.atomic
def action_slip(
    action: Action, *, new_date: datetime.date, reason: str, agreed_by, by, expected_version=None
) -> Action:
    """Move an action's due date, keeping the original and recording who agreed and why."""
    change = DueDateChange(
        action=action,
        previous_date=action.due_date,
        new_date=new_date,
        reason=reason,
        agreed_by=agreed_by,
        changed_at=clock.now(),  # the field's default is the real clock, not the demo's
    )
    record_save(change, by=by, reason=reason)
    action.due_date = new_date
    if action.original_due_date is None:  # an ongoing action given its first date
        action.original_due_date = new_date
    return record_save(
        action, by=by, reason=f"Due date moved: {reason}", expected_version=expected_version
    )


@transaction.atomic
def action_set_status(
    action: Action,
    *,
    status: str,
    reason: str,
    by,
    completed_on: datetime.date | None = None,
    expected_version=None,
) -> Action:
    """Change an action's status; reopening clears its completion date.

    Completing it keeps the day it was done (``completed_on``, e.g. a progress update's date;
    today if not given) beside the moment recorded, which the history keeps.
    """
    action.status = status
    if status == ActionStatus.COMPLETE:
        action.completed_on = completed_on or clock.today()
    else:
        action.completed_on = None
    return record_save(action, by=by, reason=reason, expected_version=expected_version)


@transaction.atomic
def progress_update_add(
    action: Action, *, date: datetime.date, note: str, rag: str, author, by
) -> ProgressUpdate:
    """Record dated progress on an action; an update on a not-started action starts it."""
    update = record_save(
        ProgressUpdate(action=action, date=date, note=note, rag=rag, author=author),
        by=by,
        reason="Progress reported",
    )
    if action.status == ActionStatus.NOT_STARTED:
        action.status = ActionStatus.IN_PROGRESS
        record_save(action, by=by, reason="Progress reported")
    return update


def progress_update_report(
    action: Action, *, date: datetime.date, note: str, rag: str, complete: bool, by
) -> ProgressUpdate:
    """Progress reported by ``by`` (its author, if they are a person in the directory); with
    ``complete`` the action is marked complete on the update's date too."""
    update = progress_update_add(
        action, date=date, note=note, rag=rag, author=getattr(by, "person", None), by=by
    )
    if complete and action.status != ActionStatus.COMPLETE:
        action.refresh_from_db()
        action_set_status(
            action,
            status=ActionStatus.COMPLETE,
            reason="Reported complete with a progress update",
            by=by,
            completed_on=date,
        )
    return update


# --- Sign-ins -----------------------------------------------------------------------------

NOT_YOURS_TO_GRANT = "You cannot give a sign-in the role “{role}”: an administrator does that."
NOT_YOURS_TO_CHANGE = (
    "The sign-in “{username}” has the role “{role}”: only an administrator can change it."
)
PARTNER_ROLE_NEEDS_PARTNER = (
    "{person} belongs to no partner organisation: give the sign-in the DCS role, or record "
    "their organisation first."
)
ALREADY_LINKED = "The sign-in “{username}” already belongs to {person}."
SIGN_IN_LINKED = "Sign-in {username} linked with the role {role}"


@transaction.atomic
def person_sign_in(person, *, username: str, email: str, role: str, by):
    """Create or link the sign-in of ``person`` and give it ``role``, as ``by`` may.

    Who may give which role is ``trust.permissions.may_grant``: DCS staff the partner and
    DCS roles, never auditor or administrator. A partner sign-in's organisation is the
    person's (``User.partner_id``). An existing sign-in of that username is linked, if it
    belongs to nobody else and ``by`` may change a sign-in of its role. The account and the
    person each get a history row saying so.
    """
    from django.contrib.auth import get_user_model

    from trust.permissions import Role, may_change_sign_in, may_grant, role_needs_partner

    User = get_user_model()
    role_label = Role(role).label if role in Role.values else role
    if not may_grant(by, role):
        raise ValidationError({"role": NOT_YOURS_TO_GRANT.format(role=role_label)})
    if role_needs_partner(role) and person.partner_id is None:
        raise ValidationError({"role": PARTNER_ROLE_NEEDS_PARTNER.format(person=person)})
    user = person.user or User.objects.filter(username__iexact=username).first()
    if user is not None:
        other = Person.objects.filter(user=user).exclude(pk=person.pk).first()
        if other is not None:
            raise ValidationError(
                {"username": ALREADY_LINKED.format(username=user.username, person=other)}
            )
        if not may_change_sign_in(by, user):
            label = "Administrator" if user.is_superuser else user.get_role_display()
            raise ValidationError(NOT_YOURS_TO_CHANGE.format(username=user.username, role=label))
    else:
        user = User(username=username)
        user.set_unusable_password()
    user.username, user.email, user.role = username, email, role
    user.full_clean(exclude=["password"])
    reason = SIGN_IN_LINKED.format(username=username, role=role_label.lower())
    user._history_user, user._change_reason = by, f"{reason} to {person}"
    user.save()
    if person.user_id != user.pk:
        person.user = user
        record_save(person, by=by, reason=reason)
    return user


@transaction.atomic
def membership_end(
    membership: Membership, *, ended: datetime.date, reason: str, by, expected_version=None
) -> Membership:
    """End a seat on the day given; the seat stays, with its history and the reason."""
    if membership.ended is not None:
        raise ValidationError({"ended": "This membership has already ended"})
    membership.ended = ended
    return record_save(
        membership, by=by, reason=f"Membership ended: {reason}", expected_version=expected_version
    )


LINKED = "Linked to the memorandum section “{section}”"
UNLINKED = "No longer linked to the memorandum section “{section}”"


@transaction.atomic
def section_save(section, *, risks, visible, by, reason="", expected_version=None):
    """Save a memorandum section and the risks it mitigates, among ``visible`` (the risks the
    user may see; links to others stay). The link is the risk's own field, so each risk
    linked or unlinked is saved through the write path: the change is in its history."""
    record_save(section, by=by, reason=reason, expected_version=expected_version)
    chosen = {risk.pk for risk in risks}
    linked = set(visible.filter(memorandum_sections=section).values_list("pk", flat=True))
    for risk in visible.filter(pk__in=chosen ^ linked):
        keep = set(risk.memorandum_sections.values_list("pk", flat=True))
        adding = risk.pk in chosen
        keep = keep | {section.pk} if adding else keep - {section.pk}
        why = (LINKED if adding else UNLINKED).format(section=section)
        record_save(
            risk,
            by=by,
            reason=f"{why}: {reason}" if reason else why,
            m2m={"memorandum_sections": sorted(keep)},
        )
    return section


# --- Meetings -------------------------------------------------------------------------------

WEEKLY, MONTHLY = "weekly", "monthly"
# The most meetings one series enters: a slip of the finger should not make hundreds.
SERIES_LIMIT = 60
ORDINALS = ("first", "second", "third", "fourth", "fifth")
SERIES_REASON = "Scheduled as part of a series: {title}, {rule}"


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> datetime.date | None:
    """The ``nth`` (1–5) ``weekday`` (Monday 0) of the month; None if the month has none."""
    first = datetime.date(year, month, 1)
    day = first + datetime.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    return day if day.month == month else None


def series_rule(first: datetime.date, repeat: str, every: int | None = None) -> str:
    """The series in words: "every 6 weeks", "monthly on the first Tuesday"."""
    if repeat == WEEKLY:
        return "every week" if every == 1 else f"every {every} weeks"
    nth = ORDINALS[(first.day - 1) // 7]
    return f"monthly on the {nth} {first.strftime('%A')}"


def series_dates(first, repeat, *, every=None, until=None, count=None):
    """The dates of a series, in order, and the months a monthly series misses ((year,
    month) with no such weekday, e.g. no fifth Tuesday), up to ``until`` or ``count`` dates
    and never more than ``SERIES_LIMIT``."""
    limit = min(count or SERIES_LIMIT, SERIES_LIMIT)
    dates, missed = [], []
    if repeat == WEEKLY:
        day = first
        while len(dates) < limit and (until is None or day <= until):
            dates.append(day)
            day += datetime.timedelta(weeks=every)
        return dates, missed
    nth, weekday = (first.day - 1) // 7 + 1, first.weekday()
    year, month = first.year, first.month
    for _ in range(limit * 3 + 3):  # a fifth weekday: in some months only, never 4 in a row
        if len(dates) >= limit:
            break
        day = nth_weekday(year, month, weekday, nth)
        if until is not None and datetime.date(year, month, 1) > until:
            break
        if day is None:
            missed.append((year, month))
        elif until is None or day <= until:
            dates.append(day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return dates, missed


@transaction.atomic
def meeting_series_create(
    component,
    *,
    title: str,
    first,
    repeat: str,
    every=None,
    until=None,
    count=None,
    start_time=None,
    venue: str = "",
    mode: str = "in_person",
    by,
):
    """Schedule a series of meetings of ``component``: each one created as scheduled, with
    its own history row saying which series; dates that already have a meeting with that
    title are skipped. Returns (meetings created, dates skipped, months missed)."""
    from .meetings import Meeting

    dates, missed = series_dates(first, repeat, every=every, until=until, count=count)
    taken = set(
        Meeting.objects.filter(component=component, title=title, date__in=dates).values_list(
            "date", flat=True
        )
    )
    reason = SERIES_REASON.format(title=title, rule=series_rule(first, repeat, every))
    chair = next(iter(current_chairs(component)), None)
    created = [
        record_save(
            Meeting(
                component=component,
                date=day,
                start_time=start_time,
                title=title,
                venue=venue,
                mode=mode,
                status=Meeting.Status.SCHEDULED,
                chair=chair,
            ),
            by=by,
            reason=reason,
        )
        for day in dates
        if day not in taken
    ]
    return created, sorted(taken), missed


def series_report(created, skipped, missed) -> list[str]:
    """What a series entered, in sentences: how many meetings, the dates skipped because a
    meeting of that title was there already, and the months with no such weekday."""
    from django.utils.formats import date_format

    def dates(days):
        return ", ".join(date_format(d, "j F Y") for d in days)

    lines = [f"{len(created)} meeting{'' if len(created) == 1 else 's'} scheduled."]
    if created:
        lines[0] = lines[0][:-1] + f": {dates(m.date for m in created)}."
    if skipped:
        lines.append(f"Skipped, as a meeting of that title was already there: {dates(skipped)}.")
    if missed:
        months = ", ".join(date_format(datetime.date(y, m, 1), "F Y") for y, m in missed)
        lines.append(f"No meeting in {months}: the month has no such weekday.")
    return lines


def current_chairs(component):
    """The people who chair ``component`` now (co-chairs: each), from its open seats."""
    seats = Membership.objects.filter(
        component=component, ended__isnull=True, role__is_chair=True, person__isnull=False
    ).select_related("person")
    return [seat.person for seat in seats]


AGENDA_LINKED = "Discussed at {item} ({meeting})"
AGENDA_UNLINKED = "No longer linked to {item} ({meeting})"


@transaction.atomic
def agenda_item_save(form, *, by, links=("recommendations", "risks")):
    """Save an agenda item from its form, then the links to it that records of the layers
    above hold (``links``: its reverse relations): each record added or taken off gets a
    history row of its own. Only the records the form offered (those ``by`` may see) are
    touched; links to any others stay as they are."""
    item = form.save_tracked(by=by)
    for name in links:
        field = form.fields[name]
        chosen = {r.pk for r in form.cleaned_data.get(name) or ()}
        already = set(getattr(item, name).values_list("pk", flat=True))
        for record in field.queryset.filter(pk__in=chosen ^ already):
            current = list(record.agenda_items.all())
            if record.pk in chosen:
                keep, template = [*current, item], AGENDA_LINKED
            else:
                keep, template = [i for i in current if i.pk != item.pk], AGENDA_UNLINKED
            reason = template.format(item=item, meeting=item.meeting)
            record_save(record, by=by, reason=reason, m2m={"agenda_items": keep})
    return item


ATTENDANCE_RECORDED = "Attendance recorded"


@transaction.atomic
def attendance_record(meeting, entries, *, by, reason: str = ATTENDANCE_RECORDED, rows=None):
    """Record ``meeting``'s attendance from ``entries``: (person, status, substitute, note),
    one per person; an empty status clears that person's row. Only rows that change are
    written, each counting for the partner its person represents there (``counts_for``).
    ``rows``: the attendance rows the caller may change (default: all of the meeting's);
    a person whose row is outside them is refused."""
    rows = meeting.attendance.all() if rows is None else rows.filter(meeting=meeting)
    stored = {row.person_id: row for row in meeting.attendance.filter(person__isnull=False)}
    editable = set(rows.values_list("pk", flat=True))
    changed = 0
    for person, status, substitute, note in entries:
        row = stored.get(person.pk)
        if row is not None and row.pk not in editable:
            raise ValidationError(f"You cannot change {person}'s attendance.")
        if not status:
            if row is not None:
                record_delete(row, by=by, reason=reason)
                changed += 1
            continue
        row = row or Attendance(meeting=meeting, person=person)
        values = (status, substitute.pk if substitute else None, note)
        if row.pk and (row.status, row.substitute_id, row.note) == values:
            continue
        row.status, row.substitute, row.note = status, substitute, note
        row.partner_id = counts_for(meeting, person)
        record_save(row, by=by, reason=reason)
        changed += 1
    return changed
