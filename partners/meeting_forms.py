"""Forms of meetings and what they record: a meeting, a series of meetings, agenda items (with
the recommendations and risks they discussed), decisions and key messages relayed."""

from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError

from trust.forms import GovukDateField, GovukForm, TrackedModelForm

from .choices import MeetingMode
from .meetings import AgendaItem, Decision, KeyMessage, Meeting
from .services import MONTHLY, SERIES_LIMIT, WEEKLY, current_chairs

TIME_HELP = "For example, 14:00. Leave empty if not known."
INVALID_TIME = "Enter the start time as hours and minutes, for example 14:00"


def _people(field, empty="Not recorded"):
    field.queryset = field.queryset.select_related("partner")
    field.label_from_instance = lambda p: p.named
    field.empty_label = empty


def _time_field(field):
    field.widget = forms.TimeInput(attrs={"class": "govuk-input govuk-input--width-5"})
    field.error_messages["invalid"] = INVALID_TIME
    field.help_text = TIME_HELP


class MeetingForm(TrackedModelForm):
    """A meeting of a component: its chair defaults to the component's current chair."""

    class Meta:
        model = Meeting
        fields = ["title", "date", "start_time", "venue", "mode", "status", "chair", "notes"]
        widgets = {
            "mode": forms.RadioSelect,
            "status": forms.RadioSelect,
            "notes": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _time_field(self.fields["start_time"])
        _people(self.fields["chair"], "Not recorded")
        for name in ("mode", "status"):
            self.fields[name].choices = self.instance._meta.get_field(name).choices
        if not self.instance.pk and self.instance.component_id:
            chairs = current_chairs(self.instance.component)
            if chairs:
                self.initial["chair"] = self.initial.get("chair") or chairs[0].pk
                names = " or ".join(p.named for p in chairs)
                self.fields["chair"].help_text = f"The component's chair: {names}."


class MeetingSeriesForm(GovukForm):
    """A schedule of future meetings entered at once: the first date and how it repeats."""

    title = forms.CharField(max_length=200, label="Title of each meeting")
    first_date = GovukDateField(
        label="Date of the first meeting", help_text="For example, 4 9 2007"
    )
    start_time = forms.TimeField(label="Start time", required=False)
    repeat = forms.ChoiceField(
        label="How it repeats",
        widget=forms.RadioSelect,
        choices=[
            (WEEKLY, "Every few weeks (set how many below)"),
            (MONTHLY, "Monthly, on the same weekday of the month (for example, first Tuesday)"),
        ],
    )
    every_weeks = forms.IntegerField(
        label="Every how many weeks",
        required=False,
        min_value=1,
        max_value=52,
        help_text="Only for meetings every few weeks, for example 6.",
    )
    until = GovukDateField(
        label="Last date",
        required=False,
        help_text="Meetings up to this date. For example, 31 3 2008",
    )
    count = forms.IntegerField(
        label="Or the number of meetings",
        required=False,
        min_value=1,
        max_value=SERIES_LIMIT,
        help_text=f"Up to {SERIES_LIMIT}.",
    )
    venue = forms.CharField(max_length=200, required=False)
    mode = forms.ChoiceField(
        widget=forms.RadioSelect, choices=MeetingMode.choices, initial=MeetingMode.IN_PERSON
    )

    def __init__(self, *args, **kwargs):
        kwargs.pop("instance", None)
        super().__init__(*args, **kwargs)
        _time_field(self.fields["start_time"])

    def clean(self):
        cleaned = super().clean()
        until, count, first = cleaned.get("until"), cleaned.get("count"), cleaned.get("first_date")
        if not self.has_error("until") and not self.has_error("count"):
            if until is None and count is None:
                self.add_error("until", "Enter a last date or a number of meetings")
            elif until is not None and count is not None:
                self.add_error("count", "Enter a last date or a number of meetings, not both")
            elif until and first and until < first:
                self.add_error("until", "The last date must be on or after the first")
        weekly = cleaned.get("repeat") == WEEKLY
        if weekly and not self.has_error("every_weeks") and not cleaned.get("every_weeks"):
            self.add_error("every_weeks", "Enter every how many weeks the meetings are")
        return cleaned


def _discussed(model_name):
    """The records of the layer above that an agenda item may link to, as a choice."""
    app = "recommendations" if model_name == "Recommendation" else "risks"
    return apps.get_model(app, model_name).objects.all()


class AgendaItemForm(TrackedModelForm):
    """An agenda item and what it discussed: priorities (its own links), recommendations and
    risks (links those records hold, edited here through their reverse relations, among
    the records the user may see)."""

    recommendations = forms.ModelMultipleChoiceField(
        queryset=_discussed("Recommendation").none(),
        required=False,
        label="Audit recommendations discussed",
        widget=forms.CheckboxSelectMultiple,
    )
    risks = forms.ModelMultipleChoiceField(
        queryset=_discussed("Risk").none(),
        required=False,
        label="Risks discussed",
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = AgendaItem
        fields = ["order", "title", "notes", "presenter", "priorities"]
        labels = {"order": "Item number"}
        widgets = {
            "notes": forms.Textarea(attrs={"rows": 4}),
            "priorities": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        _people(self.fields["presenter"], "No presenter named")
        self.fields["priorities"].queryset = self.fields["priorities"].queryset.order_by("number")
        recs = _discussed("Recommendation").restrict(user).select_related("audit")
        self.fields["recommendations"].queryset = recs
        self.fields["recommendations"].label_from_instance = lambda r: r.display_name
        self.fields["risks"].queryset = _discussed("Risk").restrict(user).select_related("register")
        if self.instance.pk:
            for name in ("recommendations", "risks"):
                linked = getattr(self.instance, name).filter(
                    pk__in=self.fields[name].queryset.values("pk")
                )
                self.initial.setdefault(name, [r.pk for r in linked])


class DecisionForm(TrackedModelForm):
    class Meta:
        model = Decision
        fields = ["reference", "wording", "decided_by", "agenda_item"]
        widgets = {
            "wording": forms.Textarea(attrs={"rows": 4}),
            "decided_by": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        item = self.fields["agenda_item"]
        item.queryset = item.queryset.filter(meeting=self.instance.meeting_id)
        item.empty_label = "Not under a particular item"


class KeyMessageForm(TrackedModelForm):
    class Meta:
        model = KeyMessage
        fields = ["message", "to_component", "to_body", "sent_on", "sent_by"]
        labels = {"to_component": "Sent to a component", "to_body": "Or to an external body"}
        widgets = {"message": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_component"].empty_label = "Not to a component"
        self.fields["to_body"].empty_label = "Not to an external body"
        _people(self.fields["sent_by"])

    def clean(self):
        cleaned = super().clean()
        component, body = cleaned.get("to_component"), cleaned.get("to_body")
        if not self.has_error("to_component") and not self.has_error("to_body"):
            if component is None and body is None:
                self.add_error("to_component", "Choose a component or an external body")
            elif component is not None and body is not None:
                self.add_error("to_body", "Choose a component or an external body, not both")
        return cleaned


__all__ = [
    "AgendaItemForm",
    "DecisionForm",
    "KeyMessageForm",
    "MeetingForm",
    "MeetingSeriesForm",
    "ValidationError",
]
