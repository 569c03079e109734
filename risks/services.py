"""Writes to risk registers, each through the tracked write path (``trust.services``): one
transaction, the acting user and the reason in the history."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.formats import date_format

from trust import clock
from trust.services import record_save

from .models import RiskRegister

REVIEW_IN_FUTURE = "The review date must be today or in the past"
REVIEW_BEFORE_LAST = "The review date must be on or after the last review, {last}"


@transaction.atomic
def register_reviewed(
    register: RiskRegister,
    *,
    on: datetime.date,
    reason: str,
    by,
    expected_version: int | None = None,
) -> RiskRegister:
    """Record that ``register`` was reviewed on ``on``: its next review falls due from then."""
    if on > clock.today():
        raise ValidationError({"reviewed_on": REVIEW_IN_FUTURE})
    if register.last_reviewed and on < register.last_reviewed:
        last = date_format(register.last_reviewed, "j F Y")
        raise ValidationError({"reviewed_on": REVIEW_BEFORE_LAST.format(last=last)})
    register.last_reviewed = on
    return record_save(
        register, by=by, reason=f"Reviewed: {reason}", expected_version=expected_version
    )
