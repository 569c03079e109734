"""Writes on audits and recommendations."""

from django.core.exceptions import ValidationError
from django.db import transaction

from trust.services import record_save

from .models import Recommendation, RecommendationStatus

STATUS_REASON_REQUIRED = (
    "Enter the reason for a status other than the one its actions suggest ({suggested})"
)
FOLLOWS_ACTIONS = "Status follows its actions"


@transaction.atomic
def recommendation_set_status(
    recommendation: Recommendation, *, status: str, reason: str, by, expected_version=None
) -> Recommendation:
    """Change a recommendation's status; the reason goes into its history.

    The status its actions imply may be set without a reason (the history says it follows
    them); any other needs one, else ``ValidationError`` and nothing is written.
    """
    reason = (reason or "").strip()
    if not reason:
        implied = recommendation.implied_status()
        if status != implied:
            raise ValidationError(
                STATUS_REASON_REQUIRED.format(
                    suggested=RecommendationStatus(implied).label.lower()
                ),
                code="reason",
            )
        reason = FOLLOWS_ACTIONS
    recommendation.status = status
    return record_save(recommendation, by=by, reason=reason, expected_version=expected_version)
