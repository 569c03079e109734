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


class GoverningDocument(models.TextChoices):
    """What a component's governing document is: a fixed pair (terms of reference, or a
    constitution for a board constituted in law)."""

    TERMS_OF_REFERENCE = "terms_of_reference", "Terms of reference"
    CONSTITUTION = "constitution", "Constitution"


class MeetingStatus(models.TextChoices):
    """A meeting's state: planned, then held or called off (a fixed state machine)."""

    SCHEDULED = "scheduled", "Scheduled"
    HELD = "held", "Held"
    CANCELLED = "cancelled", "Cancelled"


class MeetingMode(models.TextChoices):
    """Where a meeting takes place: in a room, online, or both (a closed set of three)."""

    IN_PERSON = "in_person", "In person"
    VIRTUAL = "virtual", "Virtual"
    HYBRID = "hybrid", "Hybrid"
