"""Meetings of the partnership's components: moved down from ``trust`` so that a meeting can
name its chair, its attendance, its decisions and the people who agreed them."""

from django.db import models
from django.urls import reverse
from django.utils.formats import date_format

from trust.history import TrackedHistory
from trust.models import AttachmentKind, Attachments, Component, TrackedModel

from . import querysets


class Meeting(TrackedModel):
    component = models.ForeignKey(Component, on_delete=models.PROTECT, related_name="meetings")
    date = models.DateField()
    title = models.CharField(max_length=200)
    location = models.CharField(max_length=200, blank=True)
    notes = models.TextField(blank=True)

    objects = querysets.MeetingQuerySet.as_manager()
    attachments = Attachments(AttachmentKind.MINUTES, AttachmentKind.REPORT, AttachmentKind.OTHER)
    history = TrackedHistory(parent="component")

    class Meta:
        ordering = ["-date", "component__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["component", "date", "title"], name="trust_meeting_unique_per_day"
            ),
        ]

    def __str__(self):
        return f"{self.title}, {date_format(self.date)}"

    def get_absolute_url(self):
        return reverse("partners:meeting_detail", args=[self.pk])
