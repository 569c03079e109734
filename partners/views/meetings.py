"""A component's meetings: shown to everyone, like the structure they belong to."""

from django.utils.formats import date_format

from trust.generic import ObjectDetailView, ObjectHistoryView
from trust.sections import Field, Related, Summary, Text

from ..models import Meeting

__all__ = ["MeetingDetailView", "MeetingHistoryView"]

NO_ATTENDANCE = "No attendance has been recorded for this meeting."


class MeetingDetailView(ObjectDetailView):
    model = Meeting

    heading = "{object.title}"
    select_related = ("component",)
    sections = [
        Summary(Field("Component", "component"), Field("Date", "date"), Field("location")),
        Text("Notes", "notes", narrow=True),
        Related("Attendance", "partners/meeting_attendance.html", "rows", empty=NO_ATTENDANCE),
    ]

    def page_title(self, meeting):
        return f"{meeting.title}, {date_format(meeting.date, 'j F Y')} – {meeting.component}"

    def optimise(self, queryset):
        return queryset.with_attendance()


class MeetingHistoryView(ObjectHistoryView):
    model = Meeting
