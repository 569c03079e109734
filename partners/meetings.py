"""Meetings of the partnership's components as the partnership records them: when and where,
who chaired, the agenda and what each item discussed, the decisions taken, the actions
arising (a meeting carries an action plan) and the key messages relayed to other bodies.

Moved down from ``trust`` so that a meeting can name its chair, its attendance, its
decisions and the people who agreed them. Every record here is shared with every partner,
like the structure the meetings belong to; DCS staff keep them.
"""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.formats import date_format

from trust.history import TrackedHistory
from trust.models import (
    AttachmentKind,
    Attachments,
    Component,
    Priority,
    TrackedModel,
    choice_constraint,
)
from trust.permissions import SharedQuerySet
from trust.structure import ExternalBody
from trust.text import shorten

from . import querysets
from .choices import MeetingMode, MeetingStatus


class Meeting(TrackedModel):
    Status = MeetingStatus
    Mode = MeetingMode

    component = models.ForeignKey(Component, on_delete=models.PROTECT, related_name="meetings")
    date = models.DateField()
    start_time = models.TimeField(
        null=True, blank=True, help_text="For example, 14:00. Leave empty if not known."
    )
    title = models.CharField(max_length=200)
    venue = models.CharField(max_length=200, blank=True)
    mode = models.CharField(
        max_length=10, choices=MeetingMode.choices, default=MeetingMode.IN_PERSON
    )
    status = models.CharField(
        max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED
    )
    chair = models.ForeignKey(
        "partners.Person",
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="chaired_meetings",
        help_text="Who chaired it (or will): by default the component's chair.",
    )
    notes = models.TextField(
        "notes or minutes", blank=True, help_text="Attach the minutes and papers as files."
    )
    action_plan = models.OneToOneField(
        "partners.ActionPlan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meeting",
    )

    names_people = ("chair",)
    # Its history shows its agenda, decisions, key messages and actions arising too.
    history_children = ("agenda_items", "decisions", "key_messages", "action_plan__actions")

    objects = querysets.MeetingQuerySet.as_manager()
    attachments = Attachments(AttachmentKind.MINUTES, AttachmentKind.REPORT, AttachmentKind.OTHER)
    history = TrackedHistory(parent="component")

    class Meta:
        ordering = ["-date", "component__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["component", "date", "title"],
                name="trust_meeting_unique_per_day",
                violation_error_message="This component already has a meeting with this title "
                "on this day.",
            ),
            choice_constraint("status", MeetingStatus, "partners_meeting_status_valid"),
            choice_constraint("mode", MeetingMode, "partners_meeting_mode_valid"),
        ]

    def __str__(self):
        cancelled = " (cancelled)" if self.status == MeetingStatus.CANCELLED else ""
        return f"{self.title}, {date_format(self.date)}{cancelled}"

    @property
    def display_name(self) -> str:
        """Its name as an action's carrier, beside recommendations and risks."""
        return f"Meeting: {self}"

    @property
    def is_cancelled(self) -> bool:
        return self.status == MeetingStatus.CANCELLED

    def get_absolute_url(self):
        return reverse("partners:meeting_detail", args=[self.pk])


class AgendaItem(TrackedModel):
    """An item on a meeting's agenda, linked to what it discussed: plan priorities (here),
    recommendations and risks (declared on them, in the layers above: ``recommendations``
    and ``risks`` are this item's reverse relations)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveSmallIntegerField(help_text="Its number on the agenda.")
    title = models.CharField(max_length=300)
    notes = models.TextField(blank=True)
    presenter = models.ForeignKey(
        "partners.Person",
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="agenda_items_presented",
    )
    priorities = models.ManyToManyField(
        Priority, blank=True, related_name="agenda_items", verbose_name="plan priorities discussed"
    )

    names_people = ("presenter",)

    objects = SharedQuerySet.as_manager()
    history = TrackedHistory(parent="meeting", m2m_fields=[priorities])

    class Meta:
        ordering = ["meeting", "order", "pk"]
        verbose_name = "agenda item"
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "order"],
                name="partners_agenda_item_order_unique",
                violation_error_message="This meeting already has an item with this number.",
            ),
        ]

    def __str__(self):
        return f"{self.order}. {self.title}"

    def get_absolute_url(self):
        return reverse("partners:agendaitem_detail", args=[self.pk])


class Decision(TrackedModel):
    """A decision taken at a meeting, as a record of its own: later records (an extension's
    approval, young people's views) name the decision they rest on."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="decisions")
    agenda_item = models.ForeignKey(
        AgendaItem,
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="decisions",
        help_text="The item it was taken under, if any.",
    )
    reference = models.CharField(
        max_length=50, help_text="As the minutes number it, for example PB/2025/12."
    )
    wording = models.TextField(help_text="The decision as minuted.")
    decided_by = models.TextField(
        "decided by whom and how",
        blank=True,
        help_text="For example, “Agreed unanimously by the members present”.",
    )

    objects = querysets.DecisionQuerySet.as_manager()
    history = TrackedHistory(parent="meeting")

    class Meta:
        ordering = ["-meeting__date", "reference"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "reference"],
                name="partners_decision_reference_unique",
                violation_error_message="This meeting already has a decision with this reference.",
            ),
            models.CheckConstraint(
                condition=~Q(reference=""), name="partners_decision_reference_not_blank"
            ),
        ]

    def __str__(self):
        return f"Decision {self.reference}"

    def clean(self):
        from django.core.exceptions import ValidationError

        item = self.agenda_item if self.agenda_item_id else None
        if item is not None and item.meeting_id != self.meeting_id:
            raise ValidationError({"agenda_item": "Choose an item of this meeting's agenda."})

    def get_absolute_url(self):
        return reverse("partners:decision_detail", args=[self.pk])

    @property
    def summary(self) -> str:
        return shorten(self.wording, 80)


class KeyMessage(TrackedModel):
    """A key message from a meeting relayed to another component or to a body outside the
    partnership (recommendation 5: the link to the wider partnership made real)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="key_messages")
    message = models.TextField()
    to_component = models.ForeignKey(
        Component,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="key_messages_received",
        verbose_name="sent to a component",
    )
    to_body = models.ForeignKey(
        ExternalBody,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="key_messages_received",
        verbose_name="sent to an external body",
    )
    sent_on = models.DateField("date sent", null=True, blank=True)
    sent_by = models.ForeignKey(
        "partners.Person",
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="key_messages_sent",
    )

    names_people = ("sent_by",)

    objects = SharedQuerySet.as_manager()
    history = TrackedHistory(parent="meeting")

    class Meta:
        ordering = ["meeting", "sent_on", "pk"]
        verbose_name = "key message"
        constraints = [
            models.CheckConstraint(
                condition=Q(to_component__isnull=False, to_body__isnull=True)
                | Q(to_component__isnull=True, to_body__isnull=False),
                name="partners_key_message_one_recipient",
                violation_error_message="Choose a component or an external body to send it to, "
                "not both.",
            ),
        ]

    def __str__(self):
        return f"Key message to {self.recipient}"

    @property
    def recipient(self):
        return self.to_component if self.to_component_id else self.to_body

    @property
    def summary(self) -> str:
        return shorten(self.message, 80)

    def get_absolute_url(self):
        return reverse("partners:keymessage_detail", args=[self.pk])
