import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.urls import reverse
from django.utils.formats import date_format

from partners.models import Action, ActionPlan, ActionStatus, Person
from partners.querysets import CLOSED
from risks.models import Risk
from trust.history import TrackedHistory
from trust.models import AttachmentKind, Attachments, Component, TrackedModel, choice_constraint
from trust.permissions import ADD, CHANGE
from trust.timescales import derive_due_dates

from . import querysets


class PriorityScale(TrackedModel):
    """How an auditor grades recommendations: ***/**/*, High/Medium/Low, Priority 1-3 ..."""

    name = models.CharField(max_length=100, unique=True)
    description = models.TextField(blank=True)

    objects = querysets.PriorityScaleQuerySet.as_manager()
    history = TrackedHistory()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class PriorityLevel(TrackedModel):
    """One grade of a scale; rank 1 is the most serious."""

    scale = models.ForeignKey(PriorityScale, on_delete=models.CASCADE, related_name="levels")
    rank = models.PositiveSmallIntegerField(help_text="1 is the most serious.")
    label = models.CharField(max_length=60, help_text='In words, e.g. "Significant residual risk".')
    symbol = models.CharField(max_length=10, blank=True, help_text='As printed, e.g. "***".')

    objects = querysets.PriorityScaleQuerySet.as_manager()
    history = TrackedHistory(parent="scale")

    class Meta:
        ordering = ["scale", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["scale", "rank"], name="recs_level_rank_unique"),
            models.UniqueConstraint(fields=["scale", "label"], name="recs_level_label_unique"),
            models.CheckConstraint(condition=Q(rank__gte=1), name="recs_level_rank_positive"),
        ]

    def __str__(self):
        return f"{self.symbol} {self.label}".strip()


class Audit(TrackedModel):
    """An audit report addressed to the trust, with its numbered recommendations."""

    title = models.CharField(max_length=300)
    auditor = models.CharField(max_length=200, help_text="The firm or body that audited.")
    audited_body = models.CharField(max_length=200)
    report_date = models.DateField()
    reference = models.CharField(max_length=100, blank=True)
    priority_scale = models.ForeignKey(
        PriorityScale, on_delete=models.PROTECT, related_name="audits"
    )
    summary = models.TextField(blank=True)

    objects = querysets.AuditQuerySet.as_manager()
    history = TrackedHistory()

    class Meta:
        ordering = ["-report_date", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["title", "report_date"], name="recs_audit_unique_title_date"
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.report_date:%B %Y})"

    def get_absolute_url(self):
        return reverse("recommendations:audit_detail", args=[self.pk])


class RecommendationStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    IMPLEMENTED = "implemented", "Implemented"
    SUPERSEDED = "superseded", "Superseded"


def status_from_actions(action_statuses) -> str:
    """The recommendation status its actions' statuses imply.

    No action started: not started. All done or cancelled, at least one done: implemented.
    Otherwise (some started or done): in progress. "Superseded" is never implied: only a
    person can say so, with a reason.
    """
    statuses = set(action_statuses)
    if ActionStatus.COMPLETE in statuses and statuses <= set(CLOSED):
        return RecommendationStatus.IMPLEMENTED
    if statuses & {ActionStatus.COMPLETE, ActionStatus.IN_PROGRESS}:
        return RecommendationStatus.IN_PROGRESS
    return RecommendationStatus.NOT_STARTED


class Recommendation(TrackedModel):
    Status = RecommendationStatus

    audit = models.ForeignKey(Audit, on_delete=models.PROTECT, related_name="recommendations")
    number = models.CharField(max_length=20, help_text='As printed: "3", "3a", "KR1.1".')
    section = models.CharField(max_length=20, blank=True, help_text='Report section, e.g. "3.3".')
    text = models.TextField("recommendation")
    priority = models.ForeignKey(PriorityLevel, on_delete=models.PROTECT, related_name="+")
    management_response = models.TextField(blank=True)
    responsibility = models.TextField("responsibility and timescale as written", blank=True)
    timescale = models.CharField(max_length=300, blank=True, help_text="As written in the report.")
    responsible_officers = models.ManyToManyField(
        Person, blank=True, related_name="recommendations"
    )
    status = models.CharField(
        max_length=12,
        choices=RecommendationStatus.choices,
        default=RecommendationStatus.NOT_STARTED,
    )
    related = models.ManyToManyField("self", blank=True, verbose_name="related recommendations")
    risks = models.ManyToManyField(Risk, blank=True, related_name="recommendations")
    components = models.ManyToManyField(Component, blank=True, related_name="recommendations")
    # The meetings' agenda items that discussed it: edited from the agenda item's page.
    agenda_items = models.ManyToManyField(
        "partners.AgendaItem",
        blank=True,
        related_name="recommendations",
        verbose_name="discussed at (agenda items)",
    )
    action_plan = models.OneToOneField(
        ActionPlan, on_delete=models.PROTECT, null=True, blank=True, related_name="recommendation"
    )

    # Its history shows its verifications and its actions (with their updates) too.
    history_children = ("verifications", "action_plan__actions")
    names_people = ("responsible_officers",)

    objects = querysets.RecommendationQuerySet.as_manager()
    attachments = Attachments(AttachmentKind.EVIDENCE, AttachmentKind.REPORT, AttachmentKind.OTHER)
    history = TrackedHistory(
        parent="audit",
        m2m_fields=[responsible_officers, related, risks, components, agenda_items],
    )

    class Meta:
        # "2" before "10": numbers are text ("3a", "KR1.1"), so shorter sorts first.
        ordering = ["audit", Length("number"), "number"]
        constraints = [
            choice_constraint("status", RecommendationStatus, "recs_recommendation_status_valid"),
            models.UniqueConstraint(
                fields=["audit", "number"],
                name="recs_recommendation_number_unique_in_audit",
                violation_error_message="This audit already has a recommendation with this number.",
            ),
            models.CheckConstraint(
                condition=~Q(number=""), name="recs_recommendation_number_not_blank"
            ),
        ]

    def __str__(self):
        return f"Recommendation {self.number}"

    @property
    def display_name(self) -> str:
        """Its name wherever it stands apart from its audit (an action's carrier, a title)."""
        return f"Recommendation {self.number} of {self.audit.title}"

    def get_absolute_url(self):
        return reverse("recommendations:recommendation_detail", args=[self.pk])

    def clean(self):
        if (
            self.audit_id
            and self.priority_id
            and self.priority.scale_id != self.audit.priority_scale_id
        ):
            raise ValidationError({"priority": "Choose a priority from this audit's scale."})

    def action_statuses(self) -> list[str]:
        """The statuses of all its actions, whoever asks: the implied status is the same for
        everyone, as the recommendation's own status is."""
        if self.action_plan_id is None:
            return []
        return list(
            Action.objects.filter(plan_id=self.action_plan_id).values_list("status", flat=True)
        )

    def implied_status(self) -> str:
        """The status its actions imply (see ``status_from_actions``)."""
        return status_from_actions(self.action_statuses())

    @property
    def due_dates(self) -> list[datetime.date]:
        """The dates the written timescale means, in the order written (none for "Ongoing")."""
        return derive_due_dates(self.timescale)


class VerificationOutcome(models.TextChoices):
    IMPLEMENTED = "implemented", "Verified implemented"
    PARTLY = "partly", "Partly implemented"
    NOT_IMPLEMENTED = "not_implemented", "Not implemented"


class Verification(TrackedModel):
    """An auditor's own finding on whether a recommendation was implemented."""

    Outcome = VerificationOutcome

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="verifications"
    )
    outcome = models.CharField(max_length=16, choices=VerificationOutcome.choices)
    verified_on = models.DateField("date of verification")
    comment = models.TextField()
    auditor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="verifications"
    )

    auditor_actions = frozenset({ADD, CHANGE})
    auditor_only_actions = frozenset({ADD, CHANGE})

    objects = querysets.VerificationQuerySet.as_manager()
    history = TrackedHistory(parent="recommendation")

    class Meta:
        ordering = ["recommendation", "-verified_on", "-pk"]
        constraints = [
            choice_constraint("outcome", VerificationOutcome, "recs_verification_outcome_valid"),
            models.CheckConstraint(condition=~Q(comment=""), name="recs_verification_has_comment"),
        ]

    def __str__(self):
        return f"{self.get_outcome_display()} on {date_format(self.verified_on)}"

    def get_absolute_url(self):
        return self.recommendation.get_absolute_url()
