"""Reminder e-mails: each owner's overdue and soon-due actions, at most one digest a day.

``due_reminders`` reads what is due (a fixed number of queries, whatever the number of people
and actions); ``send_reminders`` e-mails it and records each digest sent, so a second run on
the same day sends nothing. The command ``manage.py send_reminders`` is a thin wrapper.
"""

import datetime
import logging
from dataclasses import dataclass, field
from itertools import groupby

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.template.loader import render_to_string

from trust.services import record_save

from .models import Action, Person, ReminderDigest
from .querysets import ACTION_CARRIERS, days_overdue, overdue_q

logger = logging.getLogger(__name__)

REASON = "Reminder e-mail sent"


@dataclass(frozen=True)
class DigestItem:
    """One action as a reminder shows it: what carries it, how late it is, where to see it."""

    action: Action
    carrier: str
    url: str
    days_overdue: int = 0


@dataclass
class Digest:
    """What one person is reminded of; ``already_sent`` if today's digest was recorded."""

    person: Person
    overdue: list[DigestItem] = field(default_factory=list)
    due_soon: list[DigestItem] = field(default_factory=list)
    already_sent: bool = False

    @property
    def action_count(self) -> int:
        return len(self.overdue) + len(self.due_soon)


@dataclass
class SendResult:
    """What a run did (or, on a dry run, would do), person by person."""

    sent: list[Digest] = field(default_factory=list)
    already_sent: list[Digest] = field(default_factory=list)
    no_email: list[Digest] = field(default_factory=list)
    failed: list[tuple[Digest, str]] = field(default_factory=list)
    dry_run: bool = False

    def summary(self) -> str:
        sent = len(self.sent)
        verb = "Would send" if self.dry_run else "Sent"
        parts = [
            f"{verb} {sent} reminder{'' if sent == 1 else 's'}",
            f"{len(self.already_sent)} already sent today",
            f"{_people(len(self.no_email))} no e-mail address",
        ]
        if self.failed:
            parts.append(f"{len(self.failed)} failed")
        return "; ".join(parts) + "."


def _people(n: int) -> str:
    return "1 person has" if n == 1 else f"{n} people have"


def carrier_label(plan) -> str:
    """How a reminder names the record an action plan answers.

    ``plan`` must have been read with its carriers select_related (as ``due_reminders``
    does), or each call costs up to three queries. The carriers live in higher layers, so
    they are reached by their reverse names rather than imported.
    """
    recommendation = getattr(plan, "recommendation", None)
    if recommendation is not None:
        return f"{recommendation} – {recommendation.audit.title}"
    carrier = plan.carrier  # a hosted priority (its title) or a risk ("R-01: title")
    return str(carrier) if carrier is not None else str(plan)


def reminder_window_end(today: datetime.date) -> datetime.date:
    return today + datetime.timedelta(days=settings.TRUST["REMINDER_DAYS"])


def due_reminders(today: datetime.date) -> list[Digest]:
    """Everyone with an open, dated action overdue or due within the window, by name.

    Two queries whatever the number of people and actions: one for the actions (owners,
    plans and carriers joined in), one for the digests already recorded for ``today``.
    Ongoing actions (no due date) and complete or cancelled ones are never included.
    """
    is_overdue = overdue_q(today)
    due_soon = Q(due_date__gte=today, due_date__lte=reminder_window_end(today))
    actions = (
        Action.objects.open()
        .filter(due_date__isnull=False)
        .filter(is_overdue | due_soon)
        .overdue_first(today)
        .select_related("owner__partner", *ACTION_CARRIERS)
        .order_by("owner__name", "owner_id", "is_overdue", "due_date", "pk")
    )
    sent_today = set(
        ReminderDigest.objects.filter(sent_on=today).values_list("person_id", flat=True)
    )

    digests = []
    for _owner_id, owned in groupby(actions, key=lambda action: action.owner_id):
        owned = list(owned)
        person = owned[0].owner
        digest = Digest(person=person, already_sent=person.pk in sent_today)
        for action in owned:
            late = action.is_overdue == 0  # overdue_first()'s sort key: 0 for overdue
            item = DigestItem(
                action=action,
                carrier=carrier_label(action.plan),
                url=settings.SITE_URL + action.get_absolute_url(),
                # Counted from ``today`` (the run's date), not the clock, so --date agrees.
                days_overdue=days_overdue(action, today),
            )
            (digest.overdue if late else digest.due_soon).append(item)
        digests.append(digest)
    return digests


def digest_subject(digest: Digest) -> str:
    parts = []
    if digest.overdue:
        parts.append(f"{len(digest.overdue)} overdue")
    if digest.due_soon:
        days = settings.TRUST["REMINDER_DAYS"]
        parts.append(f"{len(digest.due_soon)} due in the next {days} days")
    return "Your actions: " + ", ".join(parts)


def digest_message(digest: Digest, today: datetime.date) -> EmailMultiAlternatives:
    """The e-mail for ``digest``; the person must have an e-mail address."""
    subject = digest_subject(digest)
    context = {
        "subject": subject,
        "digest": digest,
        "person": digest.person,
        "overdue": digest.overdue,
        "due_soon": digest.due_soon,
        "today": today,
        "reminder_days": settings.TRUST["REMINDER_DAYS"],
        "service_name": settings.SERVICE_NAME,
        "site_url": settings.SITE_URL,
    }
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("email/reminder_digest.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[digest.person.email.strip()],
    )
    message.attach_alternative(render_to_string("email/reminder_digest.html", context), "text/html")
    return message


def send_reminders(today: datetime.date, *, dry_run: bool = False) -> SendResult:
    """E-mail each person their digest for ``today`` and record it; never twice a day.

    People without an e-mail address, and people already sent today's digest, are counted
    and skipped. A failure for one person (sending or recording) is reported in the result
    and does not stop the others; a digest is recorded only after its e-mail went. On a dry
    run nothing is sent or recorded and ``sent`` lists who would have been e-mailed.
    Overlapping runs are not locked against each other: schedule one at a time.
    """
    result = SendResult(dry_run=dry_run)
    for digest in due_reminders(today):
        if not digest.person.email.strip():
            result.no_email.append(digest)
            continue
        if digest.already_sent:
            result.already_sent.append(digest)
            continue
        if dry_run:
            result.sent.append(digest)
            continue
        try:
            digest_message(digest, today).send()
        except Exception as error:  # any backend's failure: report it, carry on with the rest
            logger.exception("Reminder to person %s failed", digest.person.pk)
            result.failed.append((digest, f"not sent: {error}"))
            continue
        try:
            record_save(
                ReminderDigest(
                    person=digest.person, sent_on=today, action_count=digest.action_count
                ),
                reason=REASON,
            )
        except Exception as error:
            # The e-mail went but is not recorded, so a rerun today would send it again.
            logger.exception("Reminder to person %s sent but not recorded", digest.person.pk)
            result.failed.append((digest, f"sent, but not recorded: {error}"))
            continue
        result.sent.append(digest)
    return result
