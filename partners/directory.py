"""The partner directory's records: partner organisations and their people (and people of
no partner organisation, such as an independent chair). Registered through ``models``."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from trust.history import TrackedHistory
from trust.models import Sector, TrackedModel

from . import querysets
from .choices import DUTY_CHOICES


class Partner(TrackedModel):
    """An organisation in the partnership."""

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=30, blank=True)
    sector = models.ForeignKey(Sector, on_delete=models.PROTECT, related_name="partners")
    duty_to_cooperate = models.BooleanField(
        "under the duty to co-operate",
        null=True,
        blank=True,
        choices=DUTY_CHOICES,
        help_text="A relevant partner under section 10 of the Children Act 2004.",
    )
    agreement_signed = models.DateField("partnership agreement signed", null=True, blank=True)
    agreement_signed_by = models.ForeignKey(
        "Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="partnership agreement signed by",
    )
    isp_signed = models.DateField("information sharing protocol signed", null=True, blank=True)
    isp_signed_by = models.ForeignKey(
        "Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="information sharing protocol signed by",
    )
    is_host_authority = models.BooleanField(
        "host authority",
        default=False,
        help_text="The council hosting the partnership (at most one partner): quorum rules "
        "count the partners present other than it.",
    )
    notes = models.TextField(blank=True)
    lead_contact = models.ForeignKey(
        "Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="One of this partner's people: the follow-up escalates to them.",
    )

    objects = querysets.PartnerQuerySet.as_manager()
    history = TrackedHistory()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_host_authority"],
                condition=models.Q(is_host_authority=True),
                name="partners_partner_one_host_authority",
                violation_error_message="Another partner is already the host authority.",
            ),
        ]

    def clean(self):
        if self.lead_contact_id and self.lead_contact.partner_id != self.pk:
            raise ValidationError({"lead_contact": "Choose one of this partner's people."})

    @property
    def duty_display(self) -> str:
        return dict(DUTY_CHOICES)[self.duty_to_cooperate]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("partners:partner_detail", args=[self.pk])


class Person(TrackedModel):
    """A named officer of a partner organisation, with or without a login."""

    partner = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
        help_text="Leave empty for a person of no partner organisation (an independent chair).",
    )
    name = models.CharField(max_length=200)
    job_title = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    line_manager = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="reports"
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="person",
        help_text="The login of this person, if they have one.",
    )

    # Linking a login is account administration: the dashboard's changes leave it out.
    history_account_fields = ("user",)

    objects = querysets.PersonQuerySet.as_manager()
    history = TrackedHistory(parent="partner")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.name

    @property
    def organisation(self) -> str:
        """The short name of their partner organisation; "" for a person of none."""
        partner = self.partner
        return (partner.short_name or partner.name) if partner else ""

    @property
    def named(self) -> str:
        """Their name with their organisation, "Ann Smith (Moorside Council)"; a person of
        no partner organisation by their name alone."""
        return f"{self.name} ({self.partner})" if self.partner_id else self.name

    def clean(self):
        if self.line_manager_id and self.line_manager_id == self.pk:
            raise ValidationError({"line_manager": "A person cannot be their own line manager."})

    def get_absolute_url(self):
        return reverse("partners:person_detail", args=[self.pk])
