import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse

from partners.models import ActionPlan, HostedPriority, MemorandumSection, Partner, Person
from trust.history import TrackedHistory
from trust.models import AttachmentKind, Attachments, Component, TrackedModel, choice_constraint
from trust.text import shorten

from . import querysets

SCORE_FIELDS = [
    f"{stage}_{axis}"
    for stage in ("inherent", "residual", "target")
    for axis in ("likelihood", "impact")
]


def add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def score_band(score: int) -> str:
    """The configured band (e.g. "High") of a likelihood x impact score."""
    label = ""
    for lowest, name in settings.TRUST["RISK_BANDS"]:
        if score >= lowest:
            label = name
    return label


@dataclass(frozen=True)
class Score:
    """A likelihood x impact pair, shown as "12 (High)"."""

    likelihood: int
    impact: int

    @property
    def value(self) -> int:
        return self.likelihood * self.impact

    @property
    def band(self) -> str:
        return score_band(self.value)

    def __str__(self):
        return f"{self.value} ({self.band})" if self.band else str(self.value)


class RegisterKind(models.TextChoices):
    TRUST = "trust", "Trust-wide"
    COMPONENT = "component", "Component"
    PARTNER = "partner", "Partner"
    PROJECT = "project", "Project"


class RiskRegister(TrackedModel):
    """A register of risks: the trust's, a component's, a partner's or a project's."""

    Kind = RegisterKind

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=10, choices=RegisterKind.choices)
    component = models.OneToOneField(
        Component, on_delete=models.PROTECT, null=True, blank=True, related_name="risk_register"
    )
    partner = models.OneToOneField(
        Partner, on_delete=models.PROTECT, null=True, blank=True, related_name="risk_register"
    )
    owner = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="risk_registers"
    )
    description = models.TextField(blank=True)
    review_interval_months = models.PositiveSmallIntegerField(
        default=6, validators=[MinValueValidator(1), MaxValueValidator(36)]
    )
    last_reviewed = models.DateField(null=True, blank=True)

    names_people = ("owner",)

    objects = querysets.RiskRegisterQuerySet.as_manager()
    attachments = Attachments(
        AttachmentKind.RISK_ASSESSMENT,
        AttachmentKind.REPORT,
        AttachmentKind.OTHER,
    )
    history = TrackedHistory()

    class Meta:
        ordering = ["kind", "name"]
        constraints = [
            choice_constraint("kind", RegisterKind, "risks_register_kind_valid"),
            models.CheckConstraint(
                condition=Q(kind="component", component__isnull=False, partner__isnull=True)
                | Q(kind="partner", partner__isnull=False, component__isnull=True)
                | Q(kind__in=["trust", "project"], component__isnull=True, partner__isnull=True),
                name="risks_register_kind_matches_owner",
                violation_error_message="A component register names its component, a partner "
                "register its partner, and a trust-wide or project register neither.",
            ),
            models.UniqueConstraint(
                fields=["kind"],
                condition=Q(kind="trust"),
                name="risks_one_trust_register",
                violation_error_message="The trust already has a trust-wide register.",
            ),
            models.CheckConstraint(
                condition=Q(review_interval_months__gte=1, review_interval_months__lte=36),
                name="risks_register_review_interval_range",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("risks:riskregister_detail", args=[self.pk])

    @property
    def next_review_date(self) -> datetime.date | None:
        if self.last_reviewed is None:
            return None
        return add_months(self.last_reviewed, self.review_interval_months)

    @property
    def review_overdue(self) -> bool:
        """Its next review date has passed."""
        from trust import clock

        return self.next_review_date is not None and self.next_review_date < clock.today()


class RiskStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


def _score_field(label):
    return models.PositiveSmallIntegerField(
        label, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )


class Risk(TrackedModel):
    Status = RiskStatus

    register = models.ForeignKey(RiskRegister, on_delete=models.PROTECT, related_name="risks")
    reference = models.CharField(max_length=20)
    title = models.CharField(max_length=300)
    cause = models.TextField(blank=True)
    consequence = models.TextField(blank=True)
    inherent_likelihood = _score_field("inherent likelihood")
    inherent_impact = _score_field("inherent impact")
    residual_likelihood = _score_field("residual likelihood")
    residual_impact = _score_field("residual impact")
    target_likelihood = _score_field("target likelihood")
    target_impact = _score_field("target impact")
    owner = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="risks")
    review_date = models.DateField(null=True, blank=True)
    contingency_plan = models.TextField(blank=True)
    status = models.CharField(max_length=6, choices=RiskStatus.choices, default=RiskStatus.OPEN)
    action_plan = models.OneToOneField(
        ActionPlan, on_delete=models.PROTECT, null=True, blank=True, related_name="risk"
    )
    hosted_priorities = models.ManyToManyField(
        HostedPriority, blank=True, related_name="risks", verbose_name="linked hosted priorities"
    )
    memorandum_sections = models.ManyToManyField(
        MemorandumSection,
        blank=True,
        related_name="risks",
        verbose_name="memorandum sections that mitigate it",
    )
    # The meetings' agenda items that discussed it: edited from the agenda item's page.
    agenda_items = models.ManyToManyField(
        "partners.AgendaItem",
        blank=True,
        related_name="risks",
        verbose_name="discussed at (agenda items)",
    )

    history_children = ("controls", "action_plan__actions")

    names_people = ("owner",)

    objects = querysets.RiskQuerySet.as_manager()
    attachments = Attachments(
        AttachmentKind.RISK_ASSESSMENT,
        AttachmentKind.EVIDENCE,
        AttachmentKind.OTHER,
    )
    history = TrackedHistory(
        parent="register", m2m_fields=[hosted_priorities, memorandum_sections, agenda_items]
    )

    class Meta:
        ordering = ["register", "reference"]
        constraints = [
            choice_constraint("status", RiskStatus, "risks_risk_status_valid"),
            models.UniqueConstraint(
                fields=["register", "reference"], name="risks_risk_reference_unique"
            ),
            *[
                models.CheckConstraint(
                    condition=Q(**{f"{field}__gte": 1, f"{field}__lte": 5}),
                    name=f"risks_risk_{field}_1_to_5",
                )
                for field in SCORE_FIELDS
            ],
        ]

    def __str__(self):
        return f"{self.reference}: {self.title}"

    @property
    def display_name(self) -> str:
        """Its name wherever it stands apart from its register (an action's carrier)."""
        return f"Risk {self.reference} in {self.register}"

    def get_absolute_url(self):
        return reverse("risks:risk_detail", args=[self.pk])

    @property
    def inherent_score(self) -> int:
        return self.inherent_likelihood * self.inherent_impact

    @property
    def residual_score(self) -> int:
        return self.residual_likelihood * self.residual_impact

    @property
    def target_score(self) -> int:
        return self.target_likelihood * self.target_impact

    @property
    def inherent(self) -> Score:
        return Score(self.inherent_likelihood, self.inherent_impact)

    @property
    def residual(self) -> Score:
        return Score(self.residual_likelihood, self.residual_impact)

    @property
    def target(self) -> Score:
        return Score(self.target_likelihood, self.target_impact)

    @property
    def stages(self) -> list[tuple[str, Score]]:
        """The three scores in order: before controls, with them, and the aim."""
        return [("Inherent", self.inherent), ("Residual", self.residual), ("Target", self.target)]


class RiskControl(TrackedModel):
    """An existing control that reduces a risk."""

    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="controls")
    description = models.TextField()
    order = models.PositiveSmallIntegerField(default=0)

    objects = querysets.RiskControlQuerySet.as_manager()
    history = TrackedHistory(parent="risk")

    class Meta:
        ordering = ["risk", "order", "pk"]

    def __str__(self):
        return shorten(self.description, 80)

    def get_absolute_url(self):
        return self.risk.get_absolute_url()
