from django.contrib.auth.models import AbstractUser, UserManager
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from . import clock
from .files import clean_filename, file_type, size_label, storage_name
from .history import TrackedHistory
from .permissions import ADD, DELETE, RestrictedQuerySet, Role, SharedQuerySet
from .querysets import AttachmentQuerySet, ComponentQuerySet, IndicatorQuerySet


def choice_constraint(field: str, choices: type[models.Choices], name: str):
    """A database check that ``field`` holds one of ``choices``: forms are not the only writers."""
    return models.CheckConstraint(condition=Q(**{f"{field}__in": choices.values}), name=name)


class AttachmentKind(models.TextChoices):
    EVIDENCE = "evidence", "Evidence"
    TERMS_OF_REFERENCE = "terms_of_reference", "Terms of reference"
    AGREEMENT = "agreement", "Agreement"
    STRATEGY = "strategy", "Strategy"
    RISK_ASSESSMENT = "risk_assessment", "Risk assessment"
    MINUTES = "minutes", "Minutes or papers"
    REPORT = "report", "Report"
    OTHER = "other", "Other"


class Attachments(GenericRelation):
    """Declares that a kind of record accepts attached files (``attachments =
    Attachments(AttachmentKind.EVIDENCE, ...)``): the kinds offered, all if none is named.

    Deleting the record deletes its attachments with it, each with a history row; their
    files stay in storage. No column, so no migration for the record's table.
    """

    def __init__(self, *kinds, **kwargs):
        self.kinds = tuple(kinds) or tuple(AttachmentKind)
        super().__init__("trust.Attachment", **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        # What GenericRelation sets itself: passed back, it would be given twice.
        for set_by_init in ("to", "from_fields", "to_fields", "on_delete", "serialize"):
            kwargs.pop(set_by_init, None)
        for flag in ("blank", "null", "editable"):  # GenericRelation's own defaults
            kwargs.pop(flag, None)
        return name, path, [*self.kinds, *args], kwargs


def attachment_kinds(model) -> tuple:
    """The kinds of file ``model``'s records accept; empty if they accept none."""
    for field in model._meta.private_fields:
        if isinstance(field, Attachments):
            return field.kinds
    return ()


class TrackedModel(models.Model):
    """An editable record: a version number for safe concurrent edits, access hooks.

    ``partner_actions`` and ``auditor_actions`` list the writes (add, change, delete) that
    partner staff and auditors may make on this model (``auditor_only_actions`` those that
    only auditors may make); the scope of records comes from the
    model's queryset (``trust.permissions``).
    """

    version = models.PositiveIntegerField(default=1, editable=False)

    partner_actions: frozenset[str] = frozenset()
    auditor_actions: frozenset[str] = frozenset()
    # Writes only an auditor may make, whatever other roles may do elsewhere.
    auditor_only_actions: frozenset[str] = frozenset()

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        abstract = True


class TrustUserManager(UserManager.from_queryset(RestrictedQuerySet)):
    pass


class User(AbstractUser):
    role = models.CharField(
        max_length=16,
        choices=Role.choices,
        default=Role.PARTNER,
        help_text="DCS Unit staff keep the records; partner staff see their organisation's; "
        "auditors read everything and record verifications.",
    )

    # The history excludes the password hash, so a historical row cannot rebuild a User.
    history_label_fields = ("username",)

    objects = TrustUserManager()
    history = TrackedHistory(excluded_fields=["password", "last_login"])

    class Meta:
        ordering = ["last_name", "first_name", "username"]
        constraints = [
            choice_constraint("role", Role, "trust_user_role_valid"),
        ]

    def __str__(self):
        return self.get_full_name() or self.username

    def save(self, *args, **kwargs):
        if set(kwargs.get("update_fields") or ()) == {"last_login"}:
            # Signing in is not a change to the account: no history row for it.
            self.skip_history_when_saving = True
            try:
                return super().save(*args, **kwargs)
            finally:
                del self.skip_history_when_saving
        return super().save(*args, **kwargs)

    @property
    def partner_id(self) -> int | None:
        """The partner organisation of the named officer this login belongs to, if any."""
        person = getattr(self, "person", None)  # reverse one-to-one from partners.Person
        return person.partner_id if person else None


class GoverningDocument(models.TextChoices):
    TERMS_OF_REFERENCE = "terms_of_reference", "Terms of reference"
    CONSTITUTION = "constitution", "Constitution"


class Component(TrackedModel):
    """A part of the trust's structure: a board, a forum, locality working, the DCS Unit."""

    GoverningDocument = GoverningDocument

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=30, blank=True)
    function = models.ForeignKey(
        "trust.Function", on_delete=models.RESTRICT, related_name="components"
    )
    purpose = models.TextField(blank=True)
    statutory_basis = models.TextField(
        blank=True, help_text="The law or guidance it is set up under, if any."
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name="sits under",
        help_text="The component it is part of: a sub-board or a task-and-finish group.",
    )
    description = models.TextField(blank=True)
    governing_document = models.CharField(
        max_length=20,
        choices=GoverningDocument.choices,
        default=GoverningDocument.TERMS_OF_REFERENCE,
    )
    governing_document_text = models.TextField("terms of reference or constitution", blank=True)
    governing_document_agreed = models.DateField(null=True, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    objects = ComponentQuerySet.as_manager()
    attachments = Attachments(
        AttachmentKind.TERMS_OF_REFERENCE,
        AttachmentKind.AGREEMENT,
        AttachmentKind.STRATEGY,
        AttachmentKind.REPORT,
        AttachmentKind.OTHER,
    )
    history = TrackedHistory()
    # A sub-board's pages sit under the component it is part of.
    breadcrumb_parent = "parent"

    class Meta:
        ordering = ["order", "name"]
        constraints = [
            choice_constraint(
                "governing_document", GoverningDocument, "trust_component_document_valid"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("trust:component_detail", args=[self.pk])

    def clean(self):
        if self.parent_id and self.pk and self.parent_id in self.descendant_ids() | {self.pk}:
            raise ValidationError(
                {"parent": "A component cannot sit under itself or a component that sits under it."}
            )

    def descendant_ids(self) -> set[int]:
        """The ids of the components under this one, at any depth (one query a level)."""
        found, level = set(), {self.pk}
        while level:
            level = (
                set(Component._base_manager.filter(parent__in=level).values_list("pk", flat=True))
                - found
            )
            found |= level
        return found


class Plan(TrackedModel):
    """The Children and Young People's Plan."""

    title = models.CharField(max_length=300, unique=True)
    start_year = models.PositiveSmallIntegerField()
    end_year = models.PositiveSmallIntegerField()

    objects = SharedQuerySet.as_manager()
    attachments = Attachments(AttachmentKind.STRATEGY, AttachmentKind.REPORT, AttachmentKind.OTHER)
    history = TrackedHistory()
    # The plan has no list of its own: it is found from the list of its priorities.
    breadcrumb_list = "trust.Priority"

    class Meta:
        ordering = ["-start_year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_year__gte=F("start_year")), name="trust_plan_years_ordered"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("trust:plan_detail", args=[self.pk])


class Outcome(TrackedModel):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="outcomes")
    name = models.CharField(max_length=200)
    order = models.PositiveSmallIntegerField(default=0)

    objects = SharedQuerySet.as_manager()
    history = TrackedHistory(parent="plan")

    class Meta:
        ordering = ["plan", "order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "name"], name="trust_outcome_unique_in_plan"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("trust:plan_detail", args=[self.plan_id])


class Priority(TrackedModel):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="priorities")
    outcome = models.ForeignKey(
        Outcome, on_delete=models.RESTRICT, null=True, blank=True, related_name="priorities"
    )
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)

    objects = SharedQuerySet.as_manager()
    history = TrackedHistory(parent="plan")

    class Meta:
        ordering = ["plan", "number"]
        verbose_name_plural = "priorities"
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "number"], name="trust_priority_number_unique_in_plan"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("trust:priority_detail", args=[self.pk])

    def clean(self):
        if self.outcome_id and self.plan_id and self.outcome.plan_id != self.plan_id:
            raise ValidationError({"outcome": "Choose an outcome of the same plan."})


class Indicator(TrackedModel):
    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(max_length=300)
    unit = models.CharField(max_length=30, blank=True)
    baseline = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    baseline_period = models.CharField(max_length=30, blank=True)
    target = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    target_period = models.CharField(max_length=30, blank=True)
    higher_is_better = models.BooleanField(default=True)

    objects = IndicatorQuerySet.as_manager()
    history = TrackedHistory(parent="priority")

    class Meta:
        ordering = ["priority", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["priority", "name"], name="trust_indicator_unique_per_priority"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("trust:priority_detail", args=[self.priority_id])


class IndicatorValue(TrackedModel):
    """A measured value of an indicator for one period."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    period = models.CharField(max_length=30, help_text="As reported, e.g. 2007/08 or Q2 2008.")
    period_end = models.DateField()
    value = models.DecimalField(max_digits=12, decimal_places=2)

    history_label_fields = ("indicator", "period")

    objects = SharedQuerySet.as_manager()
    history = TrackedHistory(parent="indicator")

    class Meta:
        ordering = ["indicator", "period_end"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period_end"], name="trust_indicator_value_one_per_period"
            ),
        ]

    def __str__(self):
        return f"{self.indicator}: {self.value} ({self.period})"

    def get_absolute_url(self):
        return self.indicator.get_absolute_url()


class Attachment(TrackedModel):
    """A file attached to a record of any kind that declares ``Attachments``.

    The file is stored under a random name (``trust.files.storage_name``) by the default
    storage (``STORAGES["default"]``: ``MEDIA_ROOT`` on disk, or object storage by setting);
    ``original_filename`` is the cleaned name it came with, shown and offered on download.
    Who may see or change it follows the record (``AttachmentQuerySet``). Removing it keeps
    the file in storage, so a restore from the history brings it back whole.
    """

    Kind = AttachmentKind

    content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, related_name="+", verbose_name="kind of record"
    )
    object_id = models.PositiveBigIntegerField("record")
    record = GenericForeignKey("content_type", "object_id")
    file = models.FileField(upload_to=storage_name, max_length=200)
    original_filename = models.CharField("file name", max_length=200)
    title = models.CharField(max_length=200)
    kind = models.CharField("what the file is", max_length=20, choices=AttachmentKind.choices)
    description = models.TextField(blank=True)
    mime_type = models.CharField("type", max_length=100)
    size = models.PositiveBigIntegerField("size in bytes")
    attached_by = models.ForeignKey(
        "trust.User", on_delete=models.PROTECT, related_name="attachments_added"
    )
    attached_at = models.DateTimeField(default=clock.now)

    partner_actions = frozenset({ADD, DELETE})
    # Its pages sit under the record it is attached to (a generic relation, not a field).
    breadcrumb_parent = "record"
    # The history page names none of the bookkeeping: the record is the page it is on.
    history_hidden_fields = ("content_type", "object_id", "file")

    objects = AttachmentQuerySet.as_manager()
    history = TrackedHistory()

    class Meta:
        ordering = ["-attached_at", "-pk"]
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="trust_attachment_record"),
        ]
        constraints = [
            choice_constraint("kind", AttachmentKind, "trust_attachment_kind_valid"),
        ]

    def __str__(self):
        return self.title or self.original_filename

    def get_absolute_url(self):
        return f"{self.record.get_absolute_url()}#attachments"

    def clean(self):
        self.original_filename = clean_filename(self.original_filename)

    @property
    def size_label(self) -> str:
        return size_label(self.size)

    @property
    def type_label(self) -> str:
        kind = file_type(self.original_filename)
        return kind.label if kind else self.mime_type


class SentForm(models.Model):
    """A form that was saved, by its fingerprint: the guard against saving it twice
    (``trust.once``). Bookkeeping, not a record of the trust: no history, no version.
    """

    fingerprint = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey("trust.User", on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)
    saved_url = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = "sent form"

    def __str__(self):
        return f"Form sent by {self.user} at {self.sent_at:%Y-%m-%d %H:%M}"


# The structure's other records, in their own module to keep this one readable.
from .structure import (  # noqa: E402, F401
    ExternalBody,
    Function,
    MembershipRole,
    ReportingLine,
    Sector,
)
