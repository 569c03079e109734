"""Audits and recommendations: their tables, declared once (``trust.tables``)."""

import django_tables2 as tables
from django.template.defaultfilters import date as date_filter
from django.template.defaultfilters import truncatewords
from django.utils.html import format_html, format_html_join

from trust import clock
from trust.tables import (
    DATE_FORMAT,
    DateColumn,
    GovukTable,
    NameColumn,
    NumericColumn,
    StatusColumn,
)
from trust.templatetags.govuk import person_named, priority_symbol, status_tag

from .models import Audit, Recommendation


class AuditTable(GovukTable):
    caption = "Audits, newest first"
    title = NameColumn(verbose_name="Audit")
    auditor = tables.Column(verbose_name="Auditor")
    report_date = DateColumn(verbose_name="Report date")
    recommendation_count = NumericColumn(verbose_name="Recommendations")
    implemented_count = NumericColumn(verbose_name="Implemented")

    class Meta(GovukTable.Meta):
        model = Audit
        fields = ()


class RecommendationTable(GovukTable):
    """Recommendations annotated by ``with_progress(user)``, officers prefetched."""

    caption = "Recommendations"
    number = tables.Column(verbose_name="No.", linkify=False)
    text = tables.Column(verbose_name="Recommendation", attrs={"td": {"class": "govuk-body-s"}})
    audit = tables.Column(
        verbose_name="Audit", order_by=("audit__title",), attrs={"td": {"class": "govuk-body-s"}}
    )
    priority = tables.Column(
        verbose_name="Priority", order_by=("priority__rank",), attrs={"td": {"class": "app-nowrap"}}
    )
    status = StatusColumn(verbose_name="Status")
    responsible_officers = tables.Column(
        verbose_name="Owners", orderable=False, attrs={"td": {"class": "govuk-body-s"}}
    )
    next_due = DateColumn(verbose_name="Next due", default="—", attrs={"td": {}})
    progress = tables.Column(
        verbose_name="Progress",
        accessor="actions_done",
        orderable=False,
        attrs={"td": {"class": "app-nowrap"}},
    )

    class Meta(GovukTable.Meta):
        model = Recommendation
        fields = ()

    def __init__(self, data, *, show_audit=True, exclude=(), **kwargs):
        hidden = set(exclude or ()) | (set() if show_audit else {"audit"})
        super().__init__(data, exclude=hidden, **kwargs)

    def render_number(self, value, record):
        return format_html(
            '<a class="govuk-link" href="{}"><span class="govuk-visually-hidden">'
            "Recommendation </span>{}</a>",
            record.get_absolute_url(),
            value,
        )

    def value_number(self, value):
        return value

    def render_text(self, value):
        return truncatewords(value, 18)

    def value_text(self, value):
        return value

    def render_audit(self, value):
        return value.title

    def render_priority(self, value):
        return priority_symbol(value)

    def value_priority(self, value):
        return f"{value.symbol} {value.label}".strip()

    def render_responsible_officers(self, value):
        people = [person_named(person, link=False) for person in value.all()]
        return format_html_join(", ", "{}", ((p,) for p in people)) if people else "—"

    def render_next_due(self, value):
        due = format_html('<span class="app-nowrap">{}</span>', date_filter(value, DATE_FORMAT))
        if value < clock.today():
            return format_html("{} {}", due, status_tag("red", "Overdue"))
        return due

    def render_progress(self, record):
        return format_html(
            '{} of {}<span class="govuk-visually-hidden"> actions done</span>',
            record.actions_done,
            record.actions_total,
        )

    def value_progress(self, record):
        return f"{record.actions_done} of {record.actions_total}"
