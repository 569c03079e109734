"""A component's meetings: shown to everyone, like the structure they belong to."""

from django.utils.formats import date_format

from trust.generic import ObjectDetailView, ObjectHistoryView
from trust.sections import Field, Related, Summary, Text

from ..models import Meeting
from .attendance import ATTENDANCE_ACTIONS, attendance_context, partners_attending, quorum_text

__all__ = ["MeetingDetailView", "MeetingHistoryView"]

NO_ATTENDANCE = "No attendance has been recorded for this meeting{scope}."


class MeetingDetailView(ObjectDetailView):
    model = Meeting

    heading = "{object.title}"
    select_related = ("component",)
    actions = ATTENDANCE_ACTIONS
    sections = [
        Summary(
            Field("Component", "component"),
            Field("Date", "date"),
            Field("location"),
            Field("Partners attending", partners_attending, hide_empty=True),
            Field("Quorum", quorum_text, hide_empty=True),
        ),
        Text("Notes", "notes", narrow=True),
        Related("Attendance", "partners/meeting_attendance.html", "rows", empty=NO_ATTENDANCE),
    ]

    def page_title(self, meeting):
        return f"{meeting.title}, {date_format(meeting.date, 'j F Y')} – {meeting.component}"

    def optimise(self, queryset):
        return queryset.with_attendance(self.request.user).with_attendance_counts()

    def get_context_data(self, **kwargs):
        return super().get_context_data(**attendance_context(self), **kwargs)


class MeetingHistoryView(ObjectHistoryView):
    model = Meeting
