"""A component's meetings: shown to everyone, like the structure they belong to; DCS staff
add them (one by one or as a series, from the component's page), edit and delete them."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.utils.formats import date_format

from trust.generic import (
    ObjectAddUnderView,
    ObjectDeleteView,
    ObjectDetailView,
    ObjectEditView,
    ObjectHistoryView,
    ObjectListView,
)
from trust.models import Component
from trust.sections import EDIT, Field, Related, Summary, Text, add_button

from .. import services
from ..carriers import ActionPlan, CarrierMixin, ProgressUpdates
from ..filters import MeetingFilterSet
from ..meeting_forms import MeetingForm, MeetingSeriesForm
from ..models import Action, AgendaItem, Decision, KeyMessage, Meeting
from ..tables import MeetingListTable
from .actions import ActionCreateView
from .attendance import ATTENDANCE_ACTIONS, attendance_context, partners_attending, quorum_text

__all__ = [
    "MeetingActionCreateView",
    "MeetingCreateView",
    "MeetingDeleteView",
    "MeetingDetailView",
    "MeetingHistoryView",
    "MeetingListView",
    "MeetingSeriesView",
    "MeetingUpdateView",
]

NO_ATTENDANCE = "No attendance has been recorded for this meeting{scope}."
NO_AGENDA = "No agenda has been recorded for this meeting."
NO_DECISIONS = "No decisions have been recorded for this meeting."
NO_MESSAGES = "No key messages from this meeting have been recorded as relayed."
CANCELLED = "This meeting was cancelled."
KEEPS_IT = (
    "This meeting cannot be deleted while it has {what}: they record that it took place. "
    "Mark it cancelled instead, or remove them first."
)


def meeting_title(meeting):
    when = date_format(meeting.date, "j F Y")
    cancelled = " (cancelled)" if meeting.is_cancelled else ""
    return f"{meeting.title}, {when}{cancelled} – {meeting.component}"


class MeetingListView(ObjectListView):
    model = Meeting
    filterset_class = MeetingFilterSet
    table_class = MeetingListTable
    related_lists = ("partners.Decision",)

    def optimise(self, queryset):
        return queryset.select_related("component", "chair__partner")


# A meeting's page (declared here: the list is longer than a view should be).
MEETING_SECTIONS = [
    Summary(
        Field("Component", "component"),
        Field("Date", "date"),
        Field("Start time", lambda m: m.start_time.strftime("%H:%M") if m.start_time else None),
        Field("Status", include="partners/meeting_status.html", as_="meeting"),
        "mode",
        Field("venue"),
        Field("Chair", "chair"),
        Field("Partners attending", partners_attending, hide_empty=True),
        Field("Quorum", quorum_text, hide_empty=True),
    ),
    Text("Notes or minutes", "notes", narrow=True),
    Related("Attendance", "partners/meeting_attendance.html", "rows", empty=NO_ATTENDANCE),
    Related(
        "Agenda",
        "partners/meeting_agenda.html",
        "agenda",
        empty=NO_AGENDA,
        button=add_button("Add an agenda item", "partners:agendaitem_create", AgendaItem),
    ),
    Related(
        "Decisions",
        "partners/meeting_decisions.html",
        "decisions",
        empty=NO_DECISIONS,
        button=add_button("Add a decision", "partners:decision_create", Decision),
    ),
    ActionPlan("Actions arising", caption="Actions arising from the meeting"),
    ProgressUpdates(),
    Related(
        "Key messages relayed",
        "partners/key_messages.html",
        "key_messages_shown",
        as_="messages",
        empty=NO_MESSAGES,
        button=add_button("Add a key message", "partners:keymessage_create", KeyMessage),
    ),
]


class MeetingDetailView(CarrierMixin, ObjectDetailView):
    model = Meeting

    heading = "{object.title}"
    select_related = ("component", "chair__partner", "action_plan")
    prefetch_related = ("agenda_items__presenter__partner", "agenda_items__priorities")
    prefetch_related += ("decisions__agenda_item", "key_messages__to_component")
    prefetch_related += ("key_messages__to_body", "key_messages__sent_by__partner")
    page_title = staticmethod(meeting_title)
    actions = (EDIT, *ATTENDANCE_ACTIONS)
    sections = MEETING_SECTIONS

    def optimise(self, queryset):
        return queryset.with_attendance(self.request.user).with_attendance_counts()

    def get_context_data(self, **kwargs):
        meeting, user = self.object, self.request.user
        agenda = list(meeting.agenda_items.all())
        discussed(agenda, "recommendations", user, "audit")
        discussed(agenda, "risks", user, "register")
        return super().get_context_data(
            agenda=agenda,
            decisions=list(meeting.decisions.all()),
            key_messages_shown=list(meeting.key_messages.all()),
            **attendance_context(self),
            **kwargs,
        )


def discussed(agenda, relation, user, join):
    """Gives each agenda item ``shown_<relation>``: the records of the layer above (its
    recommendations, its risks) it discussed that ``user`` may open, in two queries."""
    field = AgendaItem._meta.get_field(relation)
    model, through = field.related_model, field.through
    pairs = through.objects.filter(agendaitem__in=[i.pk for i in agenda]).values_list(
        "agendaitem_id", f"{model._meta.model_name}_id"
    )
    pairs = list(pairs) if agenda else []
    wanted = {pk for _, pk in pairs}
    visible = model.objects.restrict(user).filter(pk__in=wanted).select_related(join)
    found = {r.pk: r for r in visible} if wanted else {}
    for item in agenda:
        shown = [found[pk] for item_pk, pk in pairs if item_pk == item.pk and pk in found]
        setattr(item, f"shown_{relation}", shown)


class MeetingCreateView(ObjectAddUnderView):
    model = Meeting
    form_class = MeetingForm
    parent_model = Component
    parent_kwarg = "component_pk"
    parent_field = "component"
    title = "Add a meeting of {parent}"
    success_message = "{object} added."


class MeetingUpdateView(ObjectEditView):
    model = Meeting
    form_class = MeetingForm

    def optimise(self, queryset):
        return queryset.select_related("component")


class MeetingSeriesView(ObjectAddUnderView):
    """Schedule a series of meetings of a component (``services.meeting_series_create``)."""

    model = Meeting
    form_class = MeetingSeriesForm
    parent_model = Component
    parent_kwarg = "component_pk"
    parent_field = "component"
    title = "Schedule a series of meetings of {parent}"

    def form_valid(self, form):
        data = form.cleaned_data
        created, skipped, missed = services.meeting_series_create(
            self.get_parent(),
            **{k: data[k] for k in ("title", "start_time", "until", "count", "repeat")},
            first=data["first_date"],
            every=data.get("every_weeks"),
            venue=data["venue"],
            mode=data["mode"],
            by=self.request.user,
        )
        for text in services.series_report(created, skipped, missed):
            messages.success(self.request, text)
        return HttpResponseRedirect(self.get_parent().get_absolute_url())


class MeetingDeleteView(ObjectDeleteView):
    """Refused, saying why, while the meeting has attendance, decisions or actions arising:
    they record that it took place (a meeting called off is marked cancelled instead)."""

    model = Meeting

    def get_object(self, queryset=None):
        meeting = super().get_object(queryset)
        kept = [
            ("attendance", meeting.attendance.exists()),
            ("decisions", meeting.decisions.exists()),
            ("actions arising", Action.objects.filter(plan__meeting=meeting).exists()),
        ]
        what = [name for name, there in kept if there]
        if what:
            listed = " and ".join([", ".join(what[:-1]), what[-1]] if len(what) > 1 else what)
            self.blocked = KEEPS_IT.format(what=listed)
        return meeting


class MeetingHistoryView(ObjectHistoryView):
    model = Meeting


class MeetingActionCreateView(ActionCreateView):
    parent_model = Meeting
