"""The partners' fixed vocabularies: code choices, each checked by a database constraint
(``trust.models.choice_constraint``) on the model that uses it."""

from django.db import models


class AttendanceStatus(models.TextChoices):
    """A person's attendance at a meeting: a fixed set (the roll-up rule in
    ``partners/attendance.py`` reads these values)."""

    PRESENT = "present", "Present"
    APOLOGIES = "apologies", "Sent apologies"
    ABSENT = "absent", "Absent"
    SUBSTITUTE = "substitute", "Sent a substitute"
    IN_ATTENDANCE = "attending", "In attendance"


class HostingKind(models.TextChoices):
    CORE = "core", "Core (clearly one partner's)"
    HOSTED = "hosted", "Hosted (one partner representing several)"


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETE = "complete", "Complete"
    CANCELLED = "cancelled", "Cancelled"


class Rag(models.TextChoices):
    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"


# Whether a partner is under the duty to co-operate: yes, no, or not known (empty).
DUTY_CHOICES = [(True, "Yes"), (False, "No"), (None, "Not known")]
