from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
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
from trust.permissions import ADD, CHANGE, DELETE, REPORT
from trust.text import shorten

from . import querysets
from .choices import (  # noqa: F401 (the meeting vocabularies, importable from here)
    ActionStatus,
    AttendanceStatus,
    HostingKind,
    MeetingMode,
    MeetingStatus,
    Rag,
)
from .directory import Partner, Person
from .governance import (  # noqa: F401
    KeyRole,
    Memorandum,
    MemorandumSection,
    TermsOfReference,
    check_chairs,
)
from .meetings import AgendaItem, Decision, KeyMessage, Meeting  # noqa: F401

# An action is named by its text, cut at a word boundary to this many characters.
ACTION_NAME_LENGTH = 80


class Membership(TrackedModel):
    """A person's seat on a component: their role (data), the partner they represent (none
    for an independent member), from and to, and whether they are expected at meetings.
    ``person`` is empty only on vacant seats recorded before seats named people (the partner
    still sits on the component); pages require a person for every seat they add or edit."""

    component = models.ForeignKey(Component, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(
        Person, on_delete=models.RESTRICT, null=True, blank=True, related_name="memberships"
    )
    represents = models.ForeignKey(
        Partner,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
        help_text="The partner organisation this member represents; none for an "
        "independent member.",
    )
    role = models.ForeignKey(
        "trust.MembershipRole", on_delete=models.PROTECT, related_name="memberships"
    )
    expected_to_attend = models.BooleanField(
        default=True, help_text="Whether this member is expected at the component's meetings."
    )
    started = models.DateField(null=True, blank=True)
    ended = models.DateField(null=True, blank=True)

    history_label_fields = ("person", "component")
    names_people = ("person",)

    objects = querysets.MembershipQuerySet.as_manager()
    history = TrackedHistory(parent="component")

    class Meta:
        ordering = ["component", "role__order", "role__name", "person__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["component", "person"],
                condition=Q(ended__isnull=True),
                name="partners_membership_one_open_seat",
                violation_error_message="This person already has an open seat on this component.",
            ),
            models.CheckConstraint(
                condition=Q(person__isnull=False) | Q(represents__isnull=False),
                name="partners_membership_names_someone",
                violation_error_message="A seat names a person or the partner it belongs to.",
            ),
            models.CheckConstraint(
                condition=Q(ended__isnull=True)
                | Q(started__isnull=True)
                | Q(ended__gte=models.F("started")),
                name="partners_membership_dates_ordered",
            ),
        ]

    def __str__(self):
        who = self.person or self.represents
        return f"{who} on {self.component} ({self.role})"

    def clean(self):
        person = self.person if self.person_id else None
        if person and self.represents_id and person.partner_id != self.represents_id:
            raise ValidationError(
                {"represents": "A member represents their own organisation, or none."}
            )
        check_chairs(self)  # no more chairs than the terms of reference allow

    def get_absolute_url(self):
        return reverse("partners:membership_detail", args=[self.pk])


class Attendance(TrackedModel):
    """One person's attendance at a meeting: present, apologies, absent, a substitute sent
    (naming who came instead) or in attendance (an officer who is not a member), with a note.

    ``partner`` is the organisation the row counts for: the partner the person's seat on the
    component represents, else the person's own partner; empty for a person of no partner.
    Rows recorded before attendance was per person may name the partner alone (no person):
    the roll-up rule still counts them (``partners/attendance.py``).
    """

    Status = AttendanceStatus

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(
        Person, on_delete=models.RESTRICT, null=True, blank=True, related_name="attendance"
    )
    partner = models.ForeignKey(
        Partner,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="attendance",
        help_text="The organisation this attendance counts for; none for a person of none.",
    )
    status = models.CharField(max_length=10, choices=AttendanceStatus.choices)
    substitute = models.ForeignKey(
        Person,
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="substituted_for",
        help_text="Who came instead.",
    )
    note = models.CharField(max_length=300, blank=True)

    # Partner staff send their own people's apologies, or name a substitute, for a meeting
    # to come, and withdraw them: see the queryset's write scope.
    partner_actions = frozenset({ADD, CHANGE, DELETE})
    history_label_fields = ("person", "partner", "meeting")
    names_people = ("person", "substitute")

    objects = querysets.AttendanceQuerySet.as_manager()
    history = TrackedHistory(parent="meeting")

    class Meta:
        ordering = ["meeting", "partner__name", "person__name"]
        verbose_name_plural = "attendance"
        constraints = [
            choice_constraint("status", AttendanceStatus, "partners_attendance_status_valid"),
            models.UniqueConstraint(
                fields=["meeting", "person"],
                name="partners_attendance_once_per_person",
                violation_error_message="This person's attendance is already recorded.",
            ),
            models.CheckConstraint(
                condition=Q(person__isnull=False) | Q(partner__isnull=False),
                name="partners_attendance_names_someone",
                violation_error_message="Attendance names a person.",
            ),
            models.CheckConstraint(
                condition=Q(status=AttendanceStatus.SUBSTITUTE, substitute__isnull=False)
                | (~Q(status=AttendanceStatus.SUBSTITUTE) & Q(substitute__isnull=True)),
                name="partners_attendance_substitute_named",
                violation_error_message="Name who came instead (only for a substitute).",
            ),
        ]

    def __str__(self):
        who = self.person or self.partner
        return f"{who} at {self.meeting}: {self.get_status_display()}"

    def clean(self):
        if self.status == AttendanceStatus.SUBSTITUTE and not self.substitute_id:
            raise ValidationError({"substitute": "Choose who came instead."})
        if self.status != AttendanceStatus.SUBSTITUTE and self.substitute_id:
            raise ValidationError({"substitute": "Only a substitute names who came instead."})
        if self.substitute_id and self.substitute_id == self.person_id:
            raise ValidationError({"substitute": "A person cannot substitute for themselves."})

    def get_absolute_url(self):
        return self.meeting.get_absolute_url()


class ActionPlan(TrackedModel):
    """The concrete steps towards a recommendation, a hosted priority or a risk's treatment.

    Each carrier points at its own plan (one-to-one), so a plan serves exactly one of them and
    every action belongs to exactly one plan.
    """

    summary = models.TextField(blank=True)

    # Created with its carrier and linked to it: the link is bookkeeping, not news.
    history_internal = True

    objects = querysets.ActionPlanQuerySet.as_manager()
    history = TrackedHistory()

    def __str__(self):
        carrier = self.carrier
        return f"Action plan of {carrier}" if carrier else f"Action plan {self.pk}"

    @property
    def carrier(self):
        """The recommendation, hosted priority, risk or meeting this plan belongs to."""
        for name in querysets.CARRIERS:
            carrier = getattr(self, name, None)
            if carrier is not None:
                return carrier
        return None

    def get_absolute_url(self):
        carrier = self.carrier
        return carrier.get_absolute_url() if carrier else reverse("home")


class HostedPriority(TrackedModel):
    """A partner's formal commitment to lead a plan priority, under a signed agreement."""

    Kind = HostingKind

    priority = models.ForeignKey(Priority, on_delete=models.PROTECT, related_name="hosted")
    title = models.CharField(max_length=300, help_text="The improvement area, as agreed.")
    description = models.TextField(blank=True)
    host = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="hosted_priorities")
    kind = models.CharField(max_length=10, choices=HostingKind.choices)
    contributors = models.ManyToManyField(
        Partner,
        blank=True,
        related_name="contributed_priorities",
        verbose_name="contributing partners",
    )
    director_signed = models.DateField("agreement signed by the director", null=True, blank=True)
    host_signed = models.DateField("agreement signed by the host", null=True, blank=True)
    risk_assessment_done = models.BooleanField(default=False)
    appended_to_strategy = models.BooleanField("appended to the host's strategy", default=False)
    monitoring_component = models.ForeignKey(
        Component,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="monitored_priorities",
        verbose_name="monitoring board",
    )
    action_plan = models.OneToOneField(
        ActionPlan, on_delete=models.PROTECT, null=True, blank=True, related_name="hosted_priority"
    )

    # Its history shows its actions (with their updates) too.
    history_children = ("action_plan__actions",)

    objects = querysets.HostedPriorityQuerySet.as_manager()
    attachments = Attachments(
        AttachmentKind.AGREEMENT,
        AttachmentKind.RISK_ASSESSMENT,
        AttachmentKind.STRATEGY,
        AttachmentKind.EVIDENCE,
        AttachmentKind.OTHER,
    )
    history = TrackedHistory(parent="host", m2m_fields=[contributors])
    # Found from the list of hosted priorities, not under its host partner.
    breadcrumb_parent = None

    class Meta:
        ordering = ["priority__number", "title"]
        verbose_name_plural = "hosted priorities"
        constraints = [
            choice_constraint("kind", HostingKind, "partners_hosted_priority_kind_valid"),
            models.UniqueConstraint(
                fields=["priority", "host", "title"], name="partners_hosted_priority_unique"
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def display_name(self) -> str:
        """Its name as an action's carrier, beside recommendations and risks."""
        return f"Hosted priority: {self.title}"

    def get_absolute_url(self):
        return reverse("partners:hostedpriority_detail", args=[self.pk])

    def checklist(self, has_actions: bool):
        """The hosting agreement's conditions as (label, done, detail) rows, in order.

        ``has_actions``: whether the plan has actions (callers know it from an annotation).
        """
        return [
            ("Agreement signed by the director", bool(self.director_signed), self.director_signed),
            ("Agreement signed by the host", bool(self.host_signed), self.host_signed),
            ("Risk assessment done", self.risk_assessment_done, None),
            ("Appended to the host's strategy", self.appended_to_strategy, None),
            ("Action plan in place", has_actions, None),
            ("Monitoring board", self.monitoring_component_id is not None, None),
        ]

    def missing(self, has_actions: bool) -> list[str]:
        return [label for label, done, _ in self.checklist(has_actions) if not done]


class Action(TrackedModel):
    """One step of an action plan, owned by a named person, with its due date kept honest.

    ``original_due_date`` never changes once set; ``due_date`` is the date currently agreed.
    Both are empty for an ongoing action.
    """

    Status = ActionStatus

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="actions")
    number = models.PositiveSmallIntegerField()
    description = models.TextField()
    owner = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="actions")
    timescale = models.CharField(
        max_length=100, blank=True, help_text='As written, e.g. "October 2007" or "Ongoing".'
    )
    original_due_date = models.DateField(null=True, blank=True)
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=12, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED
    )
    completed_on = models.DateField(null=True, blank=True)

    partner_actions = frozenset({REPORT})
    names_people = ("owner",)
    # Its history page shows these records' changes too.
    history_children = ("updates", "date_changes")

    objects = querysets.ActionQuerySet.as_manager()
    attachments = Attachments(AttachmentKind.EVIDENCE, AttachmentKind.REPORT, AttachmentKind.OTHER)
    history = TrackedHistory(parent="plan")
    # Its pages sit under its plan's carrier (the plan has no page of its own).
    breadcrumb_parent = "carrier"

    class Meta:
        ordering = ["plan", "number"]
        constraints = [
            choice_constraint("status", ActionStatus, "partners_action_status_valid"),
            models.UniqueConstraint(
                fields=["plan", "number"], name="partners_action_number_unique"
            ),
            models.CheckConstraint(
                condition=Q(status="complete", completed_on__isnull=False)
                | (~Q(status="complete") & Q(completed_on__isnull=True)),
                name="partners_action_completed_on_iff_complete",
                violation_error_message="A complete action has a completion date; "
                "others have none.",
            ),
            models.CheckConstraint(
                condition=Q(original_due_date__isnull=True, due_date__isnull=True)
                | Q(original_due_date__isnull=False, due_date__isnull=False),
                name="partners_action_due_dates_together",
                violation_error_message="An action has both an original and a current due date, "
                "or neither (ongoing).",
            ),
        ]

    def __str__(self):
        return shorten(self.description, ACTION_NAME_LENGTH)

    def get_absolute_url(self):
        return reverse("partners:action_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return querysets.is_open(self.status)

    @property
    def is_revised(self) -> bool:
        return self.due_date != self.original_due_date

    @property
    def days_overdue(self) -> int:
        """Whole days past the due date while open; 0 when on time, done or ongoing."""
        from trust import clock

        return querysets.days_overdue(self, clock.today())

    @property
    def carrier(self):
        return self.plan.carrier

    @property
    def carrier_name(self) -> str:
        """The carrier with what it belongs to: "Recommendation 2 of <audit title>"."""
        carrier = self.plan.carrier
        return carrier.display_name if carrier is not None else ""


class ProgressUpdate(TrackedModel):
    """A dated note on an action's progress with a red/amber/green rating."""

    Rag = Rag

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField()
    note = models.TextField()
    rag = models.CharField("RAG rating", max_length=5, choices=Rag.choices)
    author = models.ForeignKey(
        Person, on_delete=models.RESTRICT, null=True, blank=True, related_name="progress_updates"
    )

    # Change and delete (correct and withdraw) only their own: see the queryset's write scope.
    partner_actions = frozenset({ADD, CHANGE, DELETE})
    names_people = ("author",)

    objects = querysets.ProgressUpdateQuerySet.as_manager()
    history = TrackedHistory(parent="action")

    class Meta:
        ordering = ["action", "-date", "-pk"]
        constraints = [choice_constraint("rag", Rag, "partners_progress_rag_valid")]

    def __str__(self):
        return f"{date_format(self.date)}: {self.get_rag_display()}"

    def get_absolute_url(self):
        return self.action.get_absolute_url()


class DueDateChange(TrackedModel):
    """A revision of an action's due date: when it moved, to what, why, and who agreed it."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="date_changes")
    previous_date = models.DateField(null=True, blank=True)
    new_date = models.DateField()
    reason = models.TextField()
    agreed_by = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="agreed_date_changes"
    )
    changed_at = models.DateTimeField(default=timezone.now, editable=False)

    names_people = ("agreed_by",)

    objects = querysets.DueDateChangeQuerySet.as_manager()
    history = TrackedHistory(parent="action")

    class Meta:
        ordering = ["action", "changed_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(reason=""), name="partners_date_change_has_reason"),
        ]

    def __str__(self):
        return f"Due date moved to {date_format(self.new_date)}"

    def get_absolute_url(self):
        return self.action.get_absolute_url()


class ReminderDigest(TrackedModel):
    """One reminder e-mail sent to a person on a day: the guard against sending two."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="reminders")
    sent_on = models.DateField()
    action_count = models.PositiveIntegerField()

    history_label_fields = ("person", "sent_on")

    objects = querysets.PersonScopedQuerySet.as_manager()
    history = TrackedHistory(parent="person")

    class Meta:
        ordering = ["-sent_on", "person"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "sent_on"], name="partners_one_reminder_a_day"
            ),
        ]

    def __str__(self):
        return f"Reminder to {self.person} on {date_format(self.sent_on)}"

    def get_absolute_url(self):
        return self.person.get_absolute_url()
