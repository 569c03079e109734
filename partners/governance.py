"""How the partnership governs itself, as records: each component's terms of reference or
constitution (versioned, with its quorum rule), the memorandum of understanding of the whole
partnership (versioned, in sections that risks declare they are mitigated by) and the key
roles (the Director of Children's Services, the Lead Member). Registered through ``models``.

A version is "in force" on a date when it took effect on or before it (``in_force_from``,
else the date it was agreed; a version with neither counts from the start): of those, the
highest version number. Its review is overdue ("past review") when its review date is
before today (``trust.clock``).
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.urls import reverse

from trust import clock
from trust.history import TrackedHistory
from trust.models import AttachmentKind, Attachments, Component, TrackedModel, choice_constraint
from trust.permissions import SharedQuerySet

from .choices import GoverningDocument
from .directory import Person


class VersionedQuerySet(SharedQuerySet):
    """Versions of a document: shared with every partner, like the structure they govern."""

    def in_force_on(self, day: datetime.date):
        """The versions that had taken effect by ``day``, newest version first."""
        started = Coalesce("in_force_from", "agreed")
        return (
            self.annotate(started=started)
            .filter(Q(started__isnull=True) | Q(started__lte=day))
            .order_by("-number")
        )

    def past_review(self, today: datetime.date | None = None):
        return self.filter(review_date__lt=today or clock.today())


class Versioned(TrackedModel):
    """What every versioned document has: its number, dates and review."""

    number = models.PositiveSmallIntegerField(
        "version", help_text="Versions are numbered 1, 2, 3… in the order they were agreed."
    )
    agreed = models.DateField("date agreed", null=True, blank=True)
    in_force_from = models.DateField(
        null=True, blank=True, help_text="Leave empty if it took effect on the day it was agreed."
    )
    review_date = models.DateField(null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def past_review(self) -> bool:
        return self.review_date is not None and self.review_date < clock.today()

    @property
    def starts(self):
        return self.in_force_from or self.agreed


def dates_ordered(prefix):
    return models.CheckConstraint(
        condition=Q(review_date__isnull=True)
        | Q(agreed__isnull=True)
        | Q(review_date__gte=models.F("agreed")),
        name=f"{prefix}_review_after_agreed",
        violation_error_message="The review date cannot be before the date it was agreed.",
    )


class TermsOfReference(Versioned):
    """One version of a component's terms of reference or constitution, with its quorum."""

    Kind = GoverningDocument

    component = models.ForeignKey(
        Component, on_delete=models.CASCADE, related_name="terms_of_reference"
    )
    kind = models.CharField(
        max_length=20,
        choices=GoverningDocument.choices,
        default=GoverningDocument.TERMS_OF_REFERENCE,
    )
    text = models.TextField(blank=True, help_text="The text, or attach the document.")
    quorum_min_members = models.PositiveSmallIntegerField(
        "quorum: members present",
        null=True,
        blank=True,
        help_text="The fewest members who must be present. Leave empty for no such rule.",
    )
    quorum_min_partners = models.PositiveSmallIntegerField(
        "quorum: partner organisations present",
        null=True,
        blank=True,
        help_text="The fewest partner organisations other than the host authority that must "
        "be present. Leave empty for no such rule.",
    )
    substitutes_count = models.BooleanField(
        "substitutes count towards the quorum",
        default=True,
        help_text="Whether a substitute sent in a member's place counts as that member.",
    )
    chairs_allowed = models.PositiveSmallIntegerField(
        "members who may chair at once",
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(9)],
        help_text="1 for a single chair; 2 or more where the component is co-chaired.",
    )

    objects = VersionedQuerySet.as_manager()
    attachments = Attachments(AttachmentKind.TERMS_OF_REFERENCE, AttachmentKind.OTHER)
    history = TrackedHistory(parent="component")

    class Meta:
        ordering = ["component", "-number"]
        verbose_name = "terms of reference"
        verbose_name_plural = "terms of reference"
        constraints = [
            choice_constraint("kind", GoverningDocument, "partners_terms_kind_valid"),
            models.UniqueConstraint(
                fields=["component", "number"],
                name="partners_terms_version_unique",
                violation_error_message="This component already has a version with this number.",
            ),
            dates_ordered("partners_terms"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} of {self.component}, version {self.number}"

    def get_absolute_url(self):
        return reverse("partners:termsofreference_detail", args=[self.pk])

    @property
    def quorum(self) -> str:
        """The quorum rule in words."""
        parts = []
        if self.quorum_min_members:
            parts.append(f"{self.quorum_min_members} members present")
        if self.quorum_min_partners:
            parts.append(
                f"{self.quorum_min_partners} partner organisations other than the host authority"
            )
        if not parts:
            return "No quorum rule recorded"
        counted = "substitutes count" if self.substitutes_count else "substitutes do not count"
        return f"{' and '.join(parts)}; {counted}"


def quorum_rule(component, on_date: datetime.date):
    """The version of ``component``'s terms of reference in force on ``on_date`` (its
    ``quorum_min_members``, ``quorum_min_partners`` and ``substitutes_count``), or None."""
    return TermsOfReference.objects.filter(component=component).in_force_on(on_date).first()


class Memorandum(Versioned):
    """One version of the memorandum of understanding of the whole partnership."""

    title = models.CharField(max_length=300)
    notes = models.TextField(blank=True)

    objects = VersionedQuerySet.as_manager()
    attachments = Attachments(AttachmentKind.AGREEMENT, AttachmentKind.OTHER)
    history = TrackedHistory()

    class Meta:
        ordering = ["-number"]
        verbose_name = "memorandum of understanding"
        verbose_name_plural = "memorandum of understanding"
        constraints = [
            models.UniqueConstraint(
                fields=["number"],
                name="partners_memorandum_version_unique",
                violation_error_message="There is already a version with this number.",
            ),
            dates_ordered("partners_memorandum"),
        ]

    def __str__(self):
        return f"{self.title}, version {self.number}"

    def get_absolute_url(self):
        return reverse("partners:memorandum_detail", args=[self.pk])

    @classmethod
    def in_force_on(cls, user, day: datetime.date):
        return cls.objects.restrict(user).in_force_on(day).first()


class MemorandumSection(TrackedModel):
    """A section of the memorandum (roles and responsibilities, conflict resolution, the
    exit strategy...). Risks name the sections that mitigate them (``risks``)."""

    memorandum = models.ForeignKey(Memorandum, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveSmallIntegerField(default=0)
    heading = models.CharField(max_length=200)
    text = models.TextField(blank=True)

    history_label_fields = ("heading", "memorandum")

    objects = SharedQuerySet.as_manager()
    history = TrackedHistory(parent="memorandum")

    class Meta:
        ordering = ["memorandum", "order", "heading"]
        verbose_name = "memorandum section"
        constraints = [
            models.UniqueConstraint(
                fields=["memorandum", "heading"],
                name="partners_memorandum_section_unique",
                violation_error_message="This memorandum already has a section with this heading.",
            ),
        ]

    def __str__(self):
        return self.heading

    def get_absolute_url(self):
        return reverse("partners:memorandumsection_detail", args=[self.pk])


class KeyRoleQuerySet(SharedQuerySet):
    def current(self, today: datetime.date):
        return self.filter(
            Q(started__isnull=True) | Q(started__lte=today),
            Q(ended__isnull=True) | Q(ended__gte=today),
        )


class KeyRole(TrackedModel):
    """A role the partnership depends on (the Director of Children's Services, the Lead
    Member): who holds it, from when to when, and its responsibilities."""

    title = models.CharField(
        max_length=200, help_text='For example "Director of Children\'s Services".'
    )
    person = models.ForeignKey(
        Person, on_delete=models.RESTRICT, related_name="key_roles", verbose_name="held by"
    )
    responsibilities = models.TextField(blank=True)
    started = models.DateField("from", null=True, blank=True)
    ended = models.DateField("to", null=True, blank=True)

    names_people = ("person",)

    objects = KeyRoleQuerySet.as_manager()
    attachments = Attachments(AttachmentKind.AGREEMENT, AttachmentKind.OTHER)
    history = TrackedHistory()

    class Meta:
        ordering = ["title", "-started"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended__isnull=True)
                | Q(started__isnull=True)
                | Q(ended__gte=models.F("started")),
                name="partners_key_role_dates_ordered",
                violation_error_message="A role cannot end before it starts.",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("partners:keyrole_detail", args=[self.pk])


def check_chairs(seat):
    """A seat that chairs, open today, is refused when the component already has as
    many chairs as its terms of reference in force allow (one without terms)."""
    today = clock.today()
    if not (seat.role_id and seat.role.is_chair) or (seat.ended and seat.ended < today):
        return
    if seat.pk and type(seat).objects.filter(pk=seat.pk, role__is_chair=True).exists():
        return  # a chair already: editing it adds none (older data may have more)
    terms = TermsOfReference.objects.filter(component_id=seat.component_id)
    terms = terms.in_force_on(today).first()
    allowed = terms.chairs_allowed if terms else 1
    others = (
        type(seat)
        .objects.filter(
            Q(ended__isnull=True) | Q(ended__gte=today),
            component_id=seat.component_id,
            role__is_chair=True,
        )
        .exclude(pk=seat.pk)
    )
    chairs = [
        str(other.person or other.represents)
        for other in others.select_related("person", "represents")
    ]
    if len(chairs) >= allowed:
        held = f"{len(chairs)} chair{'s' if len(chairs) != 1 else ''} ({', '.join(chairs)})"
        rule = (
            f"its terms of reference in force allow {allowed}"
            if terms
            else "no terms of reference that allow co-chairs"
        )
        raise ValidationError(
            {
                "role": f"This component already has {held}, and {rule}. End a chair's "
                "seat first, or record terms of reference that allow co-chairs."
            }
        )
