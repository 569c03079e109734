"""The records that describe how the partnership is arranged beyond its components: the
vocabularies DCS staff keep (partners' sectors, members' roles, the functions a component
serves), the bodies outside the partnership that components report to, and the reporting
lines themselves.

Imported by ``trust.models`` (so Django registers them with the trust app); they point at
``trust.Component`` by name.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse

from .history import TrackedHistory
from .models import TrackedModel
from .permissions import SharedQuerySet


class Sector(TrackedModel):
    """A sector the partnership's organisations belong to (local authority, health, police,
    schools, the voluntary sector...): each partnership keeps its own list."""

    name = models.CharField(max_length=100, unique=True)
    description = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(
        default=0, help_text="Lists show sectors in this order."
    )

    objects = SharedQuerySet.as_manager()
    history = TrackedHistory()

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("trust:sector_detail", args=[self.pk])


class MembershipRole(TrackedModel):
    """A role a member holds on a component (chair, co-chair, member, adviser, secretary...):
    each partnership keeps its own list. ``is_chair``: its holders chair the meeting (a
    component whose terms of reference say so has more than one: co-chairs)."""

    name = models.CharField(max_length=100, unique=True)
    description = models.TextField(blank=True)
    is_chair = models.BooleanField(
        "chairs the meeting",
        default=False,
        help_text="Members in this role chair the component's meetings.",
    )
    order = models.PositiveSmallIntegerField(
        default=0, help_text="Members are listed by role in this order."
    )

    objects = SharedQuerySet.as_manager()
    history = TrackedHistory()

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("trust:membershiprole_detail", args=[self.pk])


class Function(TrackedModel):
    """What a component does in the partnership (leading, commissioning, safeguarding...):
    each partnership keeps its own list."""

    name = models.CharField(max_length=100, unique=True)
    description = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(
        default=0, help_text="Lists show functions in this order."
    )

    objects = SharedQuerySet.as_manager()
    history = TrackedHistory()

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("trust:function_detail", args=[self.pk])


class ExternalBody(TrackedModel):
    """A body outside the partnership that its components report to: the council's
    executive board, its area committees, the local strategic partnership."""

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(
        max_length=100,
        blank=True,
        help_text="What sort of body it is, for example area committee or executive board.",
    )
    notes = models.TextField(blank=True)

    objects = SharedQuerySet.as_manager()
    history = TrackedHistory()

    class Meta:
        ordering = ["name"]
        verbose_name = "external body"
        verbose_name_plural = "external bodies"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("trust:externalbody_detail", args=[self.pk])


class ReportingLine(TrackedModel):
    """A component reports to another component or to a body outside the partnership
    (exactly one of them), and what it reports."""

    from_component = models.ForeignKey(
        "trust.Component",
        on_delete=models.CASCADE,
        related_name="reporting_lines",
        verbose_name="component reporting",
    )
    to_component = models.ForeignKey(
        "trust.Component",
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="reports_received",
        verbose_name="reports to component",
        help_text="A component of the partnership, or leave empty and choose a body outside it.",
    )
    to_body = models.ForeignKey(
        ExternalBody,
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="reports_received",
        verbose_name="reports to body outside the partnership",
    )
    note = models.TextField(
        "what is reported", blank=True, help_text="For example: minutes and key messages."
    )

    history_label_fields = ("from_component",)

    objects = SharedQuerySet.as_manager()
    history = TrackedHistory(parent="from_component")

    class Meta:
        ordering = ["from_component", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(to_component__isnull=False, to_body__isnull=True)
                    | Q(to_component__isnull=True, to_body__isnull=False)
                ),
                name="trust_reporting_line_one_recipient",
            ),
            models.CheckConstraint(
                condition=~Q(to_component=models.F("from_component")),
                name="trust_reporting_line_not_to_itself",
            ),
        ]

    def __str__(self):
        return f"{self.from_component} reports to {self.recipient}"

    @property
    def note_clause(self):
        """The note as part of a sentence that supplies its own full stop."""
        return self.note.strip().rstrip(".")

    @property
    def recipient(self):
        return self.to_component or self.to_body

    def get_absolute_url(self):
        return reverse("trust:reportingline_detail", args=[self.pk])

    def clean(self):
        if bool(self.to_component_id) == bool(self.to_body_id):
            raise ValidationError(
                "Choose either a component or a body outside the partnership it reports to, "
                "not both."
            )
        if self.to_component_id and self.to_component_id == self.from_component_id:
            raise ValidationError({"to_component": "A component cannot report to itself."})


def chairs(component) -> list[str]:
    """Who chairs it, as ``seat_label``s: each current member whose role chairs the meeting
    (co-chairs, when its terms of reference have them). Needs ``current_memberships``
    (``ComponentQuerySet.with_current_members``)."""
    return [seat_label(m) for m in component.current_memberships if m.role.is_chair]


def chair(component) -> str:
    """Its chairs in one line, "; " between co-chairs; "No chair recorded" if none."""
    return "; ".join(chairs(component)) or "No chair recorded"


def seat_label(membership) -> str:
    """A seat as "organisation (person)": the partner it represents, else the person's own
    organisation; an independent member of no organisation by name alone."""
    person, partner = membership.person, membership.represents
    organisation = partner or (person.partner if person else None)
    if person is None:
        return organisation.name
    return f"{organisation.name} ({person.name})" if organisation else person.name


def structure_tree(components) -> list[dict]:
    """The components as a tree: ``[{"component": c, "children": [...]}]``, top-level
    components first in their order; a component whose parent is not among ``components``
    stands at the top."""
    components = list(components)
    ids = {c.pk for c in components}
    under: dict[int | None, list] = {}
    for c in components:
        under.setdefault(c.parent_id if c.parent_id in ids else None, []).append(c)

    def branch(parent_id, seen):
        return [
            {"component": c, "children": branch(c.pk, seen | {c.pk})}
            for c in under.get(parent_id, [])
            if c.pk not in seen
        ]

    return branch(None, frozenset())
