"""The one source of "today" and "now", so tests (and the demo) can move time.

With ``TRUST_CLOCK_START`` set (the demo only; production refuses it) the clock runs from
that moment: ``now()`` is the start plus the real time elapsed since the process first read
the clock. So overdue counts, due-soon windows, reminders, "as at" defaults and the dates of
new history rows all read as on the demo's day, and move on as they would have then.
"""

import datetime

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils import timezone

# start setting -> (where the demo clock starts, the real moment it started)
_origins: dict[str, tuple[datetime.datetime, datetime.datetime]] = {}


def now() -> datetime.datetime:
    start = getattr(settings, "TRUST_CLOCK_START", None)
    if not start:
        return timezone.now()
    if start not in _origins:
        _origins[start] = (_demo_origin(parse_start(start)), timezone.now())
    origin, started = _origins[start]
    return origin + (timezone.now() - started)


def today() -> datetime.date:
    return timezone.localdate(now())


def is_moved() -> bool:
    """True when the clock is not the real one (the demo)."""
    return bool(getattr(settings, "TRUST_CLOCK_START", None))


def parse_start(value: str) -> datetime.datetime:
    """``2008-09-02T09:00`` (local time unless an offset is given) as an aware moment."""
    moment = datetime.datetime.fromisoformat(value)
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


# Changes dated this long after the start were made in earlier demo sessions; anything later
# was made on the real clock (a developer's `createsuperuser`) and must not move the demo.
SESSIONS_SPAN = datetime.timedelta(days=30)


def _demo_origin(start: datetime.datetime) -> datetime.datetime:
    """``start``, or just after the latest change an earlier demo session recorded.

    A restarted demo must not date a new change before one made in an earlier session: the
    history would run backwards (a row valid until before it began).
    """
    from .changes import tracked_models

    window = {"history_date__gte": start, "history_date__lt": start + SESSIONS_SPAN}
    latest = [
        model.history.model._base_manager.filter(**window)
        .order_by("-history_date")
        .values_list("history_date", flat=True)
        .first()
        for model in tracked_models()
    ]
    latest = max((moment for moment in latest if moment), default=None)
    return start if latest is None else latest + datetime.timedelta(minutes=1)


@receiver(setting_changed)
def _restart_on_setting_change(setting, **kwargs):
    if setting == "TRUST_CLOCK_START":
        _origins.clear()
