"""Writes on audits and recommendations."""

from django.db import transaction

from trust.services import record_save

from .models import Recommendation


@transaction.atomic
def recommendation_set_status(
    recommendation: Recommendation, *, status: str, reason: str, by, expected_version=None
) -> Recommendation:
    """Change a recommendation's status; the reason goes into its history."""
    recommendation.status = status
    return record_save(recommendation, by=by, reason=reason, expected_version=expected_version)
