"""The partner layer's tables, declared once (``trust.tables``): partners, hosted priorities
and actions, for their list pages, the pages that embed them and their exports."""

import django_tables2 as tables
from django.template.defaultfilters import date as date_filter
from django.template.defaultfilters import pluralize, truncatewords
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from trust.permissions import sees_contacts
from trust.tables import (
    DATE_FORMAT,
    DateColumn,
    GovukTable,
    NameColumn,
    NumericColumn,
    PersonColumn,
    StatusColumn,
    link,
)
from trust.templatetags.govuk import status_tag

from .models import (
    Action,
    Decision,
    HostedPriority,
    KeyRole,
    Meeting,
    Memorandum,
    Partner,
    Person,
    TermsOfReference,
)

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


NO_PARTNER = "No partner organisation"


class PersonTable(GovukTable):
    """The people the user may see, each with their organisation; an e-mail address only
    where the user may read that organisation's contacts (``sees_contacts``)."""

    caption = "People"
    name = NameColumn(verbose_name="Name")
    job_title = tables.Column(verbose_name="Job title", default="Not recorded")
    partner = tables.Column(
        verbose_name="Organisation", order_by=("partner__name", "name"), default=NO_PARTNER
    )
    email = tables.Column(verbose_name="Email", orderable=False, empty_values=())

    class Meta(GovukTable.Meta):
        model = Person
        fields = ()

    def __init__(self, data, *, user=None, **kwargs):
        self.user = user
        super().__init__(data, user=user, **kwargs)

    def contact(self, record):
        if record.email and sees_contacts(self.user, record.partner_id):
            return record.email
        return ""

    def render_partner(self, value):
        return link(value.get_absolute_url(), value.name)

    def value_partner(self, value):
        return value.name if value else NO_PARTNER

    def render_email(self, record):
        email = self.contact(record)
        return link(f"mailto:{email}", email) if email else "—"

    def value_email(self, record):
        return self.contact(record)


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
    rule, ``partners/attendance.py``), their chairs joined."""

    date = DateColumn(verbose_name="Date")
    title = NameColumn(verbose_name="Meeting")
    status = StatusColumn(verbose_name="Status")
    chair = PersonColumn(verbose_name="Chair", default="Not recorded", orderable=False)
    expected_partners = tables.Column(
        verbose_name="Partners attending", default="No partner expected"
    )

    class Meta(GovukTable.Meta):
        model = Meeting
        fields = ()

    def render_expected_partners(self, value, record):
        if record.status != record.Status.HELD:
            # Nobody has attended a meeting that has not taken place: no "0 of 5".
            return "Cancelled" if record.status == record.Status.CANCELLED else "Not held yet"
        return f"{record.attended_partners} of {value}" if value else "No partner expected"


REVIEW = '{% include "partners/review_date.html" with document=record only %}'


class TermsOfReferenceTable(GovukTable):
    caption = "Terms of reference and constitutions, every version"
    component = tables.Column(
        verbose_name="Component",
        linkify=lambda record: record.component.get_absolute_url(),
        order_by=("component__order", "component__name"),
    )
    name = tables.Column(
        accessor="number", verbose_name="Version", linkify=lambda record: record.get_absolute_url()
    )
    kind = tables.Column(verbose_name="Kind")
    agreed = DateColumn(verbose_name="Agreed", default="Not recorded")
    in_force_from = DateColumn(verbose_name="In force from", default="When agreed")
    review_date = tables.TemplateColumn(REVIEW, verbose_name="Review date")

    class Meta(GovukTable.Meta):
        model = TermsOfReference
        fields = ()

    def value_review_date(self, record):
        return record.review_date


class MemorandumTable(GovukTable):
    caption = "Versions of the memorandum of understanding"
    name = tables.Column(
        accessor="number", verbose_name="Version", linkify=lambda record: record.get_absolute_url()
    )
    title = tables.Column(verbose_name="Title")
    agreed = DateColumn(verbose_name="Agreed", default="Not recorded")
    in_force_from = DateColumn(verbose_name="In force from", default="When agreed")
    review_date = tables.TemplateColumn(REVIEW, verbose_name="Review date")
    section_count = NumericColumn(verbose_name="Sections")

    class Meta(GovukTable.Meta):
        model = Memorandum
        fields = ()

    def value_review_date(self, record):
        return record.review_date


class KeyRoleTable(GovukTable):
    caption = "Key roles in the partnership"
    title = NameColumn(verbose_name="Role")
    person = PersonColumn(verbose_name="Held by")
    started = DateColumn(verbose_name="From", default="Not recorded")
    ended = DateColumn(verbose_name="To", default="Now")

    class Meta(GovukTable.Meta):
        model = KeyRole
        fields = ()


class MeetingListTable(GovukTable):
    """Every meeting of the partnership, with its component and chair joined."""

    caption = "Meetings"
    date = DateColumn(verbose_name="Date")
    start_time = tables.TimeColumn(verbose_name="Time", format="H:i", default="—")
    title = NameColumn(verbose_name="Meeting")
    component = tables.Column(verbose_name="Component", order_by=("component__name",))
    status = StatusColumn(verbose_name="Status")
    mode = tables.Column(verbose_name="Mode")
    venue = tables.Column(verbose_name="Venue", default="Not recorded")
    chair = PersonColumn(verbose_name="Chair", default="Not recorded", orderable=False)

    class Meta(GovukTable.Meta):
        model = Meeting
        fields = ()

    def render_component(self, value):
        return link(value.get_absolute_url(), value.name)

    def value_component(self, value):
        return value.name

    def value_chair(self, value):
        return value.named if value else ""


class DecisionTable(GovukTable):
    """Decisions with their meetings (and components) joined."""

    caption = "Decisions"
    reference = NameColumn(verbose_name="Reference")
    wording = tables.Column(verbose_name="Decision", attrs={"td": {"class": "govuk-body-s"}})
    meeting = tables.Column(verbose_name="Meeting", order_by=("meeting__date",))
    component = tables.Column(
        verbose_name="Component", accessor="meeting__component", order_by=("meeting__component",)
    )

    class Meta(GovukTable.Meta):
        model = Decision
        fields = ()

    def render_wording(self, value):
        return truncatewords(value, 25)

    def render_meeting(self, value):
        return link(value.get_absolute_url(), str(value))

    def value_meeting(self, value):
        return str(value)

    def render_component(self, value):
        return link(value.get_absolute_url(), value.name)

    def value_component(self, value):
        return value.name


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
