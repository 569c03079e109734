"""What a meeting records beside its attendance: agenda items (linked to the priorities,
recommendations and risks discussed), decisions (records of their own, which later records
name) and key messages relayed. Shared with everyone, like the meeting; DCS staff keep them."""

from trust.generic import (
    ObjectAddUnderView,
    ObjectDeleteView,
    ObjectDetailView,
    ObjectEditView,
    ObjectHistoryView,
    ObjectListView,
)
from trust.sections import Field, RecentHistory, Summary, Text

from .. import services
from ..filters import DecisionFilterSet
from ..meeting_forms import AgendaItemForm, DecisionForm, KeyMessageForm
from ..models import AgendaItem, Decision, KeyMessage, Meeting
from ..tables import DecisionTable

__all__ = [
    "AgendaItemCreateView",
    "AgendaItemDeleteView",
    "AgendaItemDetailView",
    "AgendaItemHistoryView",
    "AgendaItemUpdateView",
    "DecisionCreateView",
    "DecisionDeleteView",
    "DecisionDetailView",
    "DecisionHistoryView",
    "DecisionListView",
    "DecisionUpdateView",
    "KeyMessageCreateView",
    "KeyMessageDeleteView",
    "KeyMessageDetailView",
    "KeyMessageHistoryView",
    "KeyMessageUpdateView",
]


class UnderMeeting(ObjectAddUnderView):
    """Added from its meeting's page, and back to it."""

    parent_model = Meeting
    parent_kwarg = "meeting_pk"
    parent_field = "meeting"
    parent_related = ("component",)

    def get_success_url(self, obj=None):
        return self.get_parent().get_absolute_url()


# --- Agenda items ---------------------------------------------------------------------------


class AgendaItemMixin:
    model = AgendaItem

    def optimise(self, queryset):
        return queryset.select_related("meeting__component", "presenter__partner")


class AgendaItemDetailView(AgendaItemMixin, ObjectDetailView):
    page_title = "{object} – {object.meeting}"
    prefetch_related = ("priorities",)
    sections = [
        Summary(
            Field("Meeting", "meeting"),
            Field("Item number", "order"),
            Field("Presenter", "presenter", empty="No presenter named"),
            Field("Plan priorities discussed", "priorities", empty="None recorded"),
            Field(
                "Audit recommendations discussed",
                key="recommendations_shown",
                empty="None recorded",
            ),
            Field("Risks discussed", key="risks_shown", empty="None recorded"),
            Field("Decisions under it", key="decisions_shown", empty="None recorded"),
        ),
        Text("Notes", "notes", narrow=True),
    ]

    def get_context_data(self, **kwargs):
        item, user = self.object, self.request.user
        return super().get_context_data(
            recommendations_shown=item.recommendations.restrict(user).select_related("audit"),
            risks_shown=item.risks.restrict(user).select_related("register"),
            decisions_shown=item.decisions.all(),
            **kwargs,
        )


class AgendaItemSave:
    form_class = AgendaItemForm

    def save(self, form):
        return services.agenda_item_save(form, by=self.request.user)


class AgendaItemCreateView(AgendaItemMixin, AgendaItemSave, UnderMeeting):
    title = "Add an agenda item to {parent}"
    success_message = "Agenda item {object} added."

    def get_initial(self):
        meeting = self.get_parent()
        return {"order": meeting.agenda_items.count() + 1}


class AgendaItemUpdateView(AgendaItemMixin, AgendaItemSave, ObjectEditView):
    pass


class AgendaItemDeleteView(AgendaItemMixin, ObjectDeleteView):
    pass


class AgendaItemHistoryView(AgendaItemMixin, ObjectHistoryView):
    pass


# --- Decisions ------------------------------------------------------------------------------


class DecisionMixin:
    model = Decision

    def optimise(self, queryset):
        return queryset.named()


class DecisionListView(DecisionMixin, ObjectListView):
    filterset_class = DecisionFilterSet
    table_class = DecisionTable
    related_lists = ("partners.Meeting",)


class DecisionDetailView(DecisionMixin, ObjectDetailView):
    page_title = "{object} – {object.meeting}"
    sections = [
        Summary(
            Field("Meeting", "meeting"),
            Field("Component", "meeting.component"),
            Field("Date", "meeting.date"),
            Field("Agenda item", "agenda_item", empty="Not under a particular item"),
            Field("decided_by"),
        ),
        Text("Decision", "wording", narrow=True, inset=True),
        RecentHistory(show_record=False),
    ]


class DecisionCreateView(DecisionMixin, UnderMeeting):
    form_class = DecisionForm
    title = "Add a decision of {parent}"
    success_message = "{object} added."

    def get_success_url(self, obj=None):
        return obj.get_absolute_url()


class DecisionUpdateView(DecisionMixin, ObjectEditView):
    form_class = DecisionForm


class DecisionDeleteView(DecisionMixin, ObjectDeleteView):
    pass


class DecisionHistoryView(DecisionMixin, ObjectHistoryView):
    pass


# --- Key messages relayed -------------------------------------------------------------------


class KeyMessageMixin:
    model = KeyMessage

    def optimise(self, queryset):
        return queryset.select_related(
            "meeting__component", "to_component", "to_body", "sent_by__partner"
        )


class KeyMessageDetailView(KeyMessageMixin, ObjectDetailView):
    page_title = "{object} – {object.meeting}"
    sections = [
        Summary(
            Field("From the meeting", "meeting"),
            Field("Sent to", "recipient"),
            Field("Date sent", "sent_on", empty="Not sent yet"),
            Field("Sent by", "sent_by"),
        ),
        Text("Message", "message", narrow=True, inset=True),
    ]


class KeyMessageCreateView(KeyMessageMixin, UnderMeeting):
    form_class = KeyMessageForm
    title = "Add a key message relayed from {parent}"
    success_message = "{object} added."


class KeyMessageUpdateView(KeyMessageMixin, ObjectEditView):
    form_class = KeyMessageForm


class KeyMessageDeleteView(KeyMessageMixin, ObjectDeleteView):
    pass


class KeyMessageHistoryView(KeyMessageMixin, ObjectHistoryView):
    pass
