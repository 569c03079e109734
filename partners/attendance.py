"""Attendance: the one place its rules live.

**Attendance is per person.** A row says how one person stood at one meeting: present, sent
apologies, absent, sent a substitute (naming who came instead) or in attendance (an officer
who is not a member). The row counts for ``partner``: the partner the person's seat on the
component represents, else the person's own partner; empty for a person of no partner.
Rows recorded before attendance was per person may name a partner and no person; they still
count, as that partner's attendance.

**The roll-up rule.** A *partner is expected* at a meeting when any of its people is an
*expected member* of the meeting's component on the meeting's date: a seat on that component
with ``expected_to_attend``, started on or before the date (or undated) and not ended before
it. A seat counts for the partner it represents, else for its person's partner; a vacant seat
recorded before seats named people counts for the partner it represents. An expected
*partner attended* when any such person (or, for a row of no person, the partner itself)
was present or sent a substitute. People "in attendance" and people of no partner are left
out. Only *meetings that count* are counted: those that took place (``MeetingQuerySet.
that_count``: dated on or before today).

**Rates.** A partner's rate over a period is the meetings it attended of those it was
expected at; a component's and the partnership's are the sums of their partners'. A partner
is *flagged* when its rate is below ``TRUST_ATTENDANCE_ALERT_BELOW`` (exactly at it is not
below) over at least ``TRUST_ATTENDANCE_MINIMUM_MEETINGS`` expected meetings; its missed
meetings are listed. Every figure is counted in the database (a fixed number of queries
whatever the number of meetings). Every partner's rate is shown to every user, partners
included (the audit reported the police's openly): it is the one figure computed over rows
a partner may not open.

**Quorum.** ``quorum(meeting, rule)``: the members present (a person with a seat on the
component on the date, present; a substitute too when the rule says substitutes count) and
the partners they count for other than the host authority (``Partner.is_host_authority``),
against the rule's minimums. The rule comes from the component's terms of reference
(``meeting_quorum`` is the one call site).
"""

import calendar
import datetime
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.formats import date_format

from trust import clock

from .choices import AttendanceStatus

# The statuses by which an expected person makes their partner "attended".
ATTENDED = (AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE)
# What partner staff may say for their own people before a meeting.
SENT_AHEAD = (AttendanceStatus.APOLOGIES, AttendanceStatus.SUBSTITUTE)


def _model(name):
    return apps.get_model("partners", name)


# --- The rule, as database expressions ------------------------------------------------------


def seat_partner():
    """The partner a seat counts for: the one it represents, else its person's partner."""
    return Coalesce("represents", "person__partner")


def seats_on(component, on_date):
    """Expected members' seats on ``component`` open on ``on_date`` (values or references)."""
    return _model("Membership").objects.filter(
        Q(started__isnull=True) | Q(started__lte=on_date),
        Q(ended__isnull=True) | Q(ended__gte=on_date),
        component=component,
        expected_to_attend=True,
    )


def expected(partner, component, on_date):
    """Whether ``partner`` is expected at a meeting of ``component`` on ``on_date``."""
    seats = seats_on(component, on_date).annotate(counts_for=seat_partner())
    return Exists(seats.filter(counts_for=partner))


def attended(partner, meeting, component, on_date):
    """Whether an expected person of ``partner`` (or a row of the partner and no person) was
    present or sent a substitute at ``meeting``; the caller also asks ``expected``."""
    expected_people = seats_on(OuterRef(component), OuterRef(on_date)).values("person")
    rows = _model("Attendance").objects.filter(
        Q(person__isnull=True) | Q(person__in=expected_people),
        meeting=meeting,
        partner=partner,
        status__in=ATTENDED,
    )
    return Exists(rows)


def _count(queryset):
    """A subquery counting ``queryset``'s rows (one value, 0 when there are none)."""
    counted = queryset.order_by().annotate(one=Value(1)).values("one")
    counted = counted.annotate(n=Count("*")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def partner_counts(meetings):
    """Annotations of a partner queryset: ``expected_meetings`` and ``attended_meetings``,
    over ``meetings`` (a queryset of meetings that count)."""
    partner = OuterRef(OuterRef("pk"))
    here = meetings.filter(expected(partner, OuterRef("component"), OuterRef("date")))
    went = here.filter(attended(partner, OuterRef("pk"), OuterRef("component"), OuterRef("date")))
    return {"expected_meetings": _count(here), "attended_meetings": _count(went)}


def meeting_counts():
    """Annotations of a meeting queryset: ``expected_partners`` and ``attended_partners``."""
    partners = _model("Partner").objects.all()
    component, on_date = OuterRef(OuterRef("component")), OuterRef(OuterRef("date"))
    here = partners.filter(expected(OuterRef("pk"), component, on_date))
    went = here.filter(attended(OuterRef("pk"), OuterRef(OuterRef("pk")), component, on_date))
    return {"expected_partners": _count(here), "attended_partners": _count(went)}


# --- Periods --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    key: str
    label: str
    start: datetime.date | None = None  # None: from the first meeting
    end: datetime.date | None = None  # None: to today

    def meetings(self, queryset=None):
        """The meetings that count within the period."""
        meetings = (queryset if queryset is not None else _model("Meeting").objects).that_count()
        if self.start:
            meetings = meetings.filter(date__gte=self.start)
        if self.end:
            meetings = meetings.filter(date__lte=self.end)
        return meetings


def year_start_month() -> int:
    return settings.TRUST["ATTENDANCE_YEAR_STARTS"]


def year_of(day: datetime.date) -> int:
    """The calendar year the attendance year holding ``day`` starts in."""
    return day.year if day.month >= year_start_month() else day.year - 1


def year_period(year: int) -> Period:
    month = year_start_month()
    start = datetime.date(year, month, 1)
    end_year, end_month = (year, 12) if month == 1 else (year + 1, month - 1)
    end = datetime.date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
    label = f"{date_format(start, 'F Y')} to {date_format(end, 'F Y')}"
    return Period(f"year-{year}", label, start, end)


LAST_12_MONTHS = "last-12-months"
ALL_TIME = "all-time"


def periods(first_year=None):
    """The periods to choose from: the last 12 months, each attendance year from
    ``first_year`` (the earliest meeting's) to this one, newest first, and all time."""
    today = clock.today()
    this_year = year_of(today)
    first = this_year if first_year is None else min(first_year, this_year)
    start = today.replace(day=1) if today.month == 2 and today.day == 29 else today
    last_12 = Period(
        LAST_12_MONTHS, "The last 12 months", start.replace(year=start.year - 1), today
    )
    years = [year_period(year) for year in range(this_year, first - 1, -1)]
    return [last_12, *years, Period(ALL_TIME, "All time")]


def first_year():
    """The attendance year of the earliest meeting that counts; None with no meetings."""
    first = _model("Meeting").objects.that_count().order_by("date").values("date").first()
    return year_of(first["date"]) if first else None


def period_named(key, choices=None) -> Period:
    """The period ``key`` names among ``choices``, else the current attendance year."""
    choices = choices or periods()
    by_key = {period.key: period for period in choices}
    return by_key.get(key) or by_key.get(f"year-{year_of(clock.today())}") or choices[0]


# --- Rates and the flag ---------------------------------------------------------------------


def rate(attended_count, expected_count):
    """The share attended, None when the partner was expected nowhere."""
    return attended_count / expected_count if expected_count else None


def is_flagged(attended_count, expected_count) -> bool:
    """Below the alert share (not at it) over at least the minimum of expected meetings."""
    if expected_count < settings.TRUST["ATTENDANCE_MINIMUM_MEETINGS"]:
        return False
    return attended_count / expected_count < settings.TRUST["ATTENDANCE_ALERT_BELOW"]


@dataclass
class Figures:
    expected: int
    attended: int

    @property
    def rate(self):
        return rate(self.attended, self.expected)

    @property
    def flagged(self) -> bool:
        return is_flagged(self.attended, self.expected)


def partner_rows(period: Period, meetings=None, partners=None):
    """Every partner (of ``partners``) expected at a meeting of the period (among
    ``meetings``), with ``expected_meetings``, ``attended_meetings``, ``rate``, ``flagged``
    and ``missed`` (the meetings missed, listed for flagged partners): three queries."""
    partners = partners if partners is not None else _model("Partner").objects.all()
    rows = list(
        partners.annotate(**partner_counts(period.meetings(meetings)))
        .filter(expected_meetings__gt=0)
        .order_by("name")
    )
    for row in rows:
        row.figures = Figures(row.expected_meetings, row.attended_meetings)
        row.rate, row.flagged, row.missed = row.figures.rate, row.figures.flagged, []
    flagged = {row.pk: row for row in rows if row.flagged}
    for meeting in missed_meetings(period.meetings(meetings), flagged):
        flagged[meeting.missed_by].missed.append(meeting)
    return rows


def totals(rows) -> Figures:
    """The sum of partner rows: a component's or the partnership's figures."""
    return Figures(
        sum(row.expected_meetings for row in rows), sum(row.attended_meetings for row in rows)
    )


def missed_meetings(meetings, partner_ids):
    """The ``meetings`` each of ``partner_ids`` was expected at and did not attend: one
    query, a meeting per (meeting, partner) with ``missed_by`` (the partner's id), oldest
    first."""
    # No partner id at all still asks the database: a page's query count stays the same
    # whether anyone is flagged or not (no partner has the id 0).
    partner_ids = list(partner_ids) or [0]
    seat = "component__memberships__"
    # One filter call: its conditions hold on the same seat (one join), which the
    # annotation then reuses.
    pairs = meetings.filter(
        Q(**{f"{seat}started__isnull": True}) | Q(**{f"{seat}started__lte": F("date")}),
        Q(**{f"{seat}ended__isnull": True}) | Q(**{f"{seat}ended__gte": F("date")}),
        **{f"{seat}expected_to_attend": True},
    ).annotate(missed_by=Coalesce(f"{seat}represents", f"{seat}person__partner"))
    went = attended(OuterRef("missed_by"), OuterRef("pk"), OuterRef("component"), OuterRef("date"))
    pairs = pairs.filter(~went, missed_by__in=partner_ids)
    return list(pairs.select_related("component").distinct().order_by("missed_by", "date", "pk"))


# --- Quorum ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Quorum:
    """A meeting's quorum: ``quorate`` is None when no rule applies."""

    quorate: bool | None
    members_present: int
    partners_present: int  # other than the host authority
    min_members: int | None = None
    min_partners: int | None = None
    substitutes_count: bool = False

    @property
    def has_rule(self) -> bool:
        return self.quorate is not None


def quorum(meeting, rule) -> Quorum:
    """Whether ``meeting`` was quorate under ``rule`` (anything with ``quorum_min_members``,
    ``quorum_min_partners`` (other than the host authority) and ``substitutes_count``; None
    when the component has none). A member present counts: a person with a seat on the
    component on the meeting's date (or a row of a partner and no person); one who sent a
    substitute counts only when the rule says substitutes count. People in attendance never
    count. One query."""
    counted = [AttendanceStatus.PRESENT]
    substitutes = bool(rule and rule.substitutes_count)
    if substitutes:
        counted.append(AttendanceStatus.SUBSTITUTE)
    seats = _model("Membership").objects.filter(
        Q(started__isnull=True) | Q(started__lte=meeting.date),
        Q(ended__isnull=True) | Q(ended__gte=meeting.date),
        component_id=meeting.component_id,
    )
    present = _model("Attendance").objects.filter(
        Q(person__isnull=True) | Q(person__in=seats.values("person")),
        meeting=meeting,
        status__in=counted,
    )
    figures = present.aggregate(
        members=Count("pk"),
        partners=Count("partner", filter=Q(partner__is_host_authority=False), distinct=True),
    )
    members, partners = figures["members"], figures["partners"]
    if rule is None:
        return Quorum(None, members, partners)
    min_members, min_partners = rule.quorum_min_members, rule.quorum_min_partners
    quorate = (min_members is None or members >= min_members) and (
        min_partners is None or partners >= min_partners
    )
    return Quorum(quorate, members, partners, min_members, min_partners, substitutes)


def quorum_rule_for(meeting):
    """The quorum rule of ``meeting``'s component on its date (the version of its terms of
    reference in force then), None when there is none."""
    from .governance import quorum_rule

    return quorum_rule(meeting.component, meeting.date)


def meeting_quorum(meeting):
    """The quorum of a meeting that took place, under its component's rule (the one call
    site of ``quorum_rule_for``); None for a meeting to come."""
    result = quorum(meeting, quorum_rule_for(meeting))  # asked either way: a fixed count
    return result if is_counted(meeting) else None


def is_counted(meeting) -> bool:
    """Whether ``meeting`` counts (took place), as ``MeetingQuerySet.that_count`` says."""
    return _model("Meeting").objects.that_count().filter(pk=meeting.pk).exists()


def is_coming(meeting) -> bool:
    """A meeting to come (``MeetingQuerySet.coming``): partner staff may still send
    apologies or name a substitute for their own people."""
    return _model("Meeting").objects.coming().filter(pk=meeting.pk).exists()


# --- Recording ------------------------------------------------------------------------------


def counts_for(meeting, person):
    """The partner ``person``'s attendance at ``meeting`` counts for: the partner their seat
    on its component represents (open on its date), else their own partner; None for a
    person of no partner."""
    seats = _model("Membership").objects.filter(
        Q(started__isnull=True) | Q(started__lte=meeting.date),
        Q(ended__isnull=True) | Q(ended__gte=meeting.date),
        component_id=meeting.component_id,
        person=person,
        represents__isnull=False,
    )
    represents = seats.values_list("represents", flat=True).first()
    return represents or person.partner_id


def expected_members(meeting):
    """The seats of ``meeting``'s expected members (with a person), by organisation and name."""
    seats = seats_on(meeting.component_id, meeting.date).filter(person__isnull=False)
    return seats.select_related("person__partner", "represents", "role").order_by(
        F("person__partner__name").asc(nulls_last=True), "person__name"
    )


def summary(period: Period, meetings=None):
    """The figures of ``period`` (over ``meetings``, else every meeting): each partner's
    rows (``partner_rows``), the totals, and the partners flagged."""
    rows = partner_rows(period, meetings)
    return {
        "period": period,
        "rows": rows,
        "totals": totals(rows),
        "flagged": [row for row in rows if row.flagged],
    }


def partner_summary(partner):
    """``partner``'s figures for this attendance year, the last 12 months and all time (one
    query), each flagged period with the meetings missed (one query each)."""
    choices = periods()
    shown = [period_named(None, choices), choices[0], choices[-1]]
    annotations = {}
    for n, period in enumerate(shown):
        counts = partner_counts(period.meetings())
        annotations[f"expected_{n}"] = counts["expected_meetings"]
        annotations[f"attended_{n}"] = counts["attended_meetings"]
    row = (
        _model("Partner")
        .objects.filter(pk=partner.pk)
        .annotate(**annotations)
        .values(*annotations)
        .get()
    )
    result = []
    for n, period in enumerate(shown):
        figures = Figures(row[f"expected_{n}"], row[f"attended_{n}"])
        missed = missed_meetings(period.meetings(), [partner.pk] if figures.flagged else [])
        result.append({"period": period, "figures": figures, "missed": missed})
    return result
