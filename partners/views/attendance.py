"""Attendance: recorded on one form reached from the meeting's page (DCS staff), apologies
and substitutes sent ahead by partner staff for their own people, and the partnership's
attendance rates for a chosen period. The rules are ``partners/attendance.py``'s."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from trust.generic import ObjectChangeView, PageView
from trust.permissions import (
    CHANGE,
    VIEW,
    may_record_attendance,
    may_send_apologies,
    user_can,
)
from trust.tables import EXPORT_FIELD, EXPORT_FORMATS, SORT_FIELD, export_response

from .. import attendance as rules
from .. import services
from ..attendance_forms import (
    MEMBER_STATUSES,
    AttendanceForm,
    PeriodForm,
    everyone,
    people_of,
)
from ..models import Attendance, Meeting
from ..tables import AttendanceRateTable

__all__ = ["AttendanceView", "MeetingApologiesView", "MeetingAttendanceView"]


def member_rows(meeting, seats, stored):
    """(person, label, stored row) for each expected member's seat, one per person."""
    rows, seen = [], set()
    for seat in seats:
        if seat.person_id not in seen:
            seen.add(seat.person_id)
            label = f"{seat.person.named}, {seat.role}"
            rows.append((seat.person, label, stored.get(seat.person_id)))
    return rows, seen


def stored_rows(meeting):
    """The meeting's attendance rows that name a person, by person."""
    rows = meeting.attendance.filter(person__isnull=False).select_related("person__partner")
    return {row.person_id: row for row in rows}


def all_rows(meeting, stored):
    """Every expected member, then anyone else recorded, by name."""
    rows, seen = member_rows(meeting, rules.expected_members(meeting), stored)
    others = [row for person_id, row in stored.items() if person_id not in seen]
    for row in sorted(others, key=lambda r: r.person.name):
        rows.append((row.person, row.person.named, row))
    return rows


class MeetingAttendanceView(ObjectChangeView):
    """DCS staff record everyone's attendance: a row per expected member, the people
    already recorded, and "add someone in attendance"."""

    model = Meeting
    action = VIEW  # the meeting is read; the write is asked of the attendance rules below
    template_name = "partners/attendance_form.html"
    title = "Record attendance"
    form_class = AttendanceForm
    added = 2

    def may(self, meeting):
        return may_record_attendance(self.request.user, Attendance)

    def get_object(self, queryset=None):
        meeting = super().get_object(queryset)
        if not self.may(meeting):
            raise PermissionDenied
        return meeting

    def stored(self):
        return stored_rows(self.object)

    def get_rows(self):
        return all_rows(self.object, self.stored())

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "rows": self.get_rows(),
            "statuses": MEMBER_STATUSES,
            "substitutes": everyone(),
            "added": self.added,
            "addable": everyone(),
        }

    def apply(self, form):
        user = self.request.user
        writable = Attendance.objects.restrict(user, CHANGE)
        changed = services.attendance_record(self.object, form.entries(), by=user, rows=writable)
        messages.success(self.request, f"Attendance saved: {changed} change(s) recorded.")


class MeetingApologiesView(MeetingAttendanceView):
    """Partner staff send apologies or name a substitute for their own organisation's
    expected members, for a meeting to come."""

    title = "Send apologies or name a substitute"
    added = 0

    def may(self, meeting):
        return may_send_apologies(self.request.user, Attendance, rules.is_coming(meeting))

    def get_rows(self):
        own = rules.expected_members(self.object).filter(
            person__partner_id=self.request.user.partner_id
        )
        return member_rows(self.object, own, self.stored())[0]

    def get_form_kwargs(self):
        partner_id = self.request.user.partner_id
        kwargs = super().get_form_kwargs()
        statuses = [c for c in MEMBER_STATUSES if c[0] in rules.SENT_AHEAD]
        return {**kwargs, "statuses": statuses, "substitutes": people_of(partner_id)}


class AttendanceView(PageView):
    """Every partner's attendance rate for a chosen period: shown to every user (the audit
    reported the police's openly); sortable and exportable."""

    template_name = "partners/attendance.html"

    def get(self, request, *args, **kwargs):
        if not user_can(request.user, VIEW, Meeting):
            raise PermissionDenied
        self.choices = rules.periods(rules.first_year())
        self.form = PeriodForm(request.GET or None, choices=self.choices)
        chosen = self.form.chosen() if request.GET.get("period") else ""
        self.period = rules.period_named(chosen, self.choices)
        if not chosen:
            self.form = PeriodForm(initial={"period": self.period.key}, choices=self.choices)
        self.figures = rules.summary(self.period)
        table = AttendanceRateTable(self.figures["rows"], user=request.user, order_by=self.sort())
        file_format = request.GET.get(EXPORT_FIELD)
        if file_format in EXPORT_FORMATS:
            return export_response(table, file_format)
        return self.render_to_response(self.get_context_data(table=table))

    def sort(self):
        """The column to sort by (a leading "-" for descending); by partner unless valid."""
        sort = self.request.GET.get(SORT_FIELD, "")
        return sort if sort.lstrip("-") in AttendanceRateTable.base_columns else "partner"

    def get_context_data(self, **kwargs):
        here = f"{reverse('partners:attendance')}?period={self.period.key}"
        return super().get_context_data(
            form=self.form,
            period=self.period,
            totals=self.figures["totals"],
            flagged=self.figures["flagged"],
            exports=[(f.upper(), f"{here}&{EXPORT_FIELD}={f}") for f in EXPORT_FORMATS],
            alert_below=settings.TRUST["ATTENDANCE_ALERT_BELOW"],
            minimum_meetings=settings.TRUST["ATTENDANCE_MINIMUM_MEETINGS"],
            **kwargs,
        )


# --- The meeting page's attendance parts ------------------------------------------------------


def attendance_context(view):
    """What the meeting page needs to offer the attendance forms."""
    user, meeting = view.request.user, view.object
    return {
        "can_record_attendance": may_record_attendance(user, Attendance),
        "can_send_apologies": may_send_apologies(user, Attendance, rules.is_coming(meeting)),
    }


ATTENDANCE_ACTIONS = (
    ("Record attendance", "partners:meeting_attendance", "can_record_attendance", "primary"),
    ("Send apologies or name a substitute", "partners:meeting_apologies", "can_send_apologies"),
)


def partners_attending(meeting):
    """Of the partners expected, how many attended (the roll-up rule); None if none was, or
    for a meeting that has not taken place (to come, or cancelled)."""
    if not meeting.expected_partners or meeting.status != meeting.Status.HELD:
        return None
    return f"{meeting.attended_partners} of the {meeting.expected_partners} partners expected"


def quorum_text(meeting):
    """The meeting's quorum in words; None for a meeting to come."""
    result = rules.meeting_quorum(meeting)
    if result is None:
        return None
    present = (
        f"{result.members_present} member{'s' if result.members_present != 1 else ''} and "
        f"{result.partners_present} partner{'s' if result.partners_present != 1 else ''} "
        "other than the host authority present"
    )
    if not result.has_rule:
        return f"No quorum rule is recorded ({present})."
    asked = f"the rule asks for {result.min_members or 0} and {result.min_partners or 0}"
    if result.substitutes_count:
        asked += ", substitutes counting"
    return f"{'Quorate' if result.quorate else 'Not quorate'}: {present}; {asked}."
