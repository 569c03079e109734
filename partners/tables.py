"""The partner layer's tables, declared once (``trust.tables``): partners, hosted priorities
and actions, for their list pages, the pages that embed them and their exports."""

import django_tables2 as tables
from django.template.defaultfilters import date as date_filter
from django.template.defaultfilters import pluralize, truncatewords
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from trust.tables import (
    DATE_FORMAT,
    DateColumn,
    GovukTable,
    NameColumn,
    NumericColumn,
    PersonColumn,
    link,
)
from trust.templatetags.govuk import status_tag

from .models import Action, HostedPriority, Meeting, Partner

SIGNED = '{% include "partners/partner_signed_date.html" with date=value only %}'


class PartnerTable(GovukTable):
    caption = "Partner organisations"
    name = NameColumn(verbose_name="Partner")
    sector = tables.Column(verbose_name="Sector", order_by=("sector__order", "sector__name"))
    duty_to_cooperate = tables.Column(verbose_name="Duty to co-operate", default="Not known")
    agreement_signed = tables.TemplateColumn(
        SIGNED, verbose_name="Partnership agreement signed", attrs={"td": {"class": "app-nowrap"}}
    )
    isp_signed = tables.TemplateColumn(
        SIGNED,
        verbose_name="Information sharing protocol signed",
        attrs={"td": {"class": "app-nowrap"}},
    )
    component_count = NumericColumn(verbose_name="Components")

    class Meta(GovukTable.Meta):
        model = Partner
        fields = ()

    def render_duty_to_cooperate(self, record):
        return record.duty_display

    def value_duty_to_cooperate(self, record):
        return record.duty_display

    def value_agreement_signed(self, value):
        return value or "Not signed"

    def value_isp_signed(self, value):
        return value or "Not signed"


class HostedPriorityTable(GovukTable):
    caption = "Hosted priorities"
    title = NameColumn(verbose_name="Improvement area")
    priority = tables.Column(verbose_name="Priority", order_by=("priority__number",))
    host = tables.Column(verbose_name="Host", order_by=("host__name",))
    kind = tables.Column(verbose_name="Kind")
    monitoring_component = tables.Column(
        verbose_name="Monitoring board",
        order_by=("monitoring_component__name",),
        default=mark_safe('<strong class="govuk-tag govuk-tag--orange">Not set</strong>'),
    )

    class Meta(GovukTable.Meta):
        model = HostedPriority
        fields = ()

    def render_priority(self, value):
        return link(value.get_absolute_url(), f"{value.number}. {value.title}")

    def render_host(self, value):
        return link(value.get_absolute_url(), value.name)

    def render_monitoring_component(self, value):
        return link(value.get_absolute_url(), value.name)

    def value_monitoring_component(self, value):
        return value.name if value else "Not set"


class ActionTable(GovukTable):
    """Actions annotated by ``with_schedule()``, carriers joined (``ACTION_CARRIERS``)."""

    caption = "Actions"
    description = tables.Column(
        verbose_name="Action",
        order_by=("number",),
        attrs={"th": {"class": "app-table__wide"}, "td": {"class": "govuk-body-s"}},
    )
    carrier = tables.Column(
        verbose_name="For",
        accessor="plan",
        orderable=False,
        attrs={"td": {"class": "govuk-body-s"}},
    )
    owner = PersonColumn(
        verbose_name="Owner", orderable=False, attrs={"td": {"class": "govuk-body-s"}}
    )
    due_date = tables.Column(
        verbose_name="Due", default="Ongoing", attrs={"td": {"class": "govuk-body-s"}}
    )
    status = tables.Column(verbose_name="Status", attrs={"td": {"class": "govuk-body-s"}})
    last_update_rag = tables.Column(verbose_name="Latest RAG", default="—")

    class Meta(GovukTable.Meta):
        model = Action
        fields = ()

    def __init__(self, data, *, show_carrier=True, hide_owner=False, exclude=(), **kwargs):
        hidden = set(exclude or ())
        if not show_carrier:
            hidden.add("carrier")
        if hide_owner:
            hidden.add("owner")
        super().__init__(data, exclude=hidden, **kwargs)

    def render_description(self, record):
        text = f"{record.number}. {truncatewords(record.description, 20)}"
        return link(record.get_absolute_url(), text)

    def value_description(self, record):
        return f"{record.number}. {record.description}"

    def render_carrier(self, value, record):
        carrier = value.carrier
        return link(carrier.get_absolute_url(), record.carrier_name) if carrier else "—"

    def value_carrier(self, value, record):
        return record.carrier_name if value.carrier else ""

    def render_due_date(self, value, record):
        due = format_html('<span class="app-nowrap">{}</span>', date_filter(value, DATE_FORMAT))
        if record.is_revised:
            original = date_filter(record.original_due_date, DATE_FORMAT) or "ongoing"
            due = format_html(
                '{}<br>{}<br>originally <span class="app-nowrap">{}</span>',
                due,
                status_tag("grey", "Revised"),
                original,
            )
        if record.slip_count:
            due = format_html(
                "{}<br>slipped {} time{}", due, record.slip_count, pluralize(record.slip_count)
            )
        return due

    def value_due_date(self, value):
        return value

    def render_status(self, record):
        tag = status_tag(record.status, record.get_status_display())
        days = record.days_overdue
        if days:
            return format_html(
                "{}<br>{}<br>by {} day{}", tag, status_tag("red", "Overdue"), days, pluralize(days)
            )
        return tag

    def value_status(self, record):
        days = record.days_overdue
        return record.get_status_display() + (f", overdue by {days} days" if days else "")

    def render_last_update_rag(self, value):
        return status_tag(value, value.capitalize())


class MeetingTable(GovukTable):
    """Meetings annotated with ``expected_partners`` and ``attended_partners`` (the roll-up
    rule, ``partners/attendance.py``)."""

    date = DateColumn(verbose_name="Date")
    title = NameColumn(verbose_name="Meeting")
    expected_partners = tables.Column(
        verbose_name="Partners attending", default="No partner expected"
    )

    class Meta(GovukTable.Meta):
        model = Meeting
        fields = ()

    def render_expected_partners(self, value, record):
        return f"{record.attended_partners} of {value}" if value else "No partner expected"


def percent(share):
    return "" if share is None else f"{round(share * 100)}%"


class AttendanceRateTable(GovukTable):
    """Partners (``partners.attendance.partner_rows``) with the meetings they were expected
    at, attended, their rate and whether they are flagged."""

    caption = "Attendance by partner"
    partner = NameColumn(accessor="name", verbose_name="Partner")
    expected_meetings = NumericColumn(verbose_name="Expected at")
    attended_meetings = NumericColumn(verbose_name="Attended")
    rate = NumericColumn(verbose_name="Rate")
    flagged = tables.Column(verbose_name="Flagged")

    class Meta(GovukTable.Meta):
        model = Partner
        fields = ()

    def export_name(self):
        return "attendance"

    def render_rate(self, value):
        return percent(value)

    def value_rate(self, value):
        return percent(value)

    def render_flagged(self, value):
        if value:
            return mark_safe(
                '<strong class="govuk-tag govuk-tag--red">Below the alert share</strong>'
            )
        return "No"

    def value_flagged(self, value):
        return "Below the alert share" if value else "No"
