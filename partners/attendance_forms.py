"""The forms that record a meeting's attendance: a row per person (status, who came instead,
a note), and for DCS staff "add someone in attendance"."""

from django import forms

from trust.forms import GovukForm

from .choices import AttendanceStatus as Status
from .models import Person

NOT_RECORDED = ("", "Not recorded")
# What a member may be recorded as; an officer who is not a member is "in attendance".
MEMBER_STATUSES = [c for c in Status.choices if c[0] != Status.IN_ATTENDANCE]
ADDED_STATUSES = [c for c in Status.choices if c[0] != Status.SUBSTITUTE]
CHOOSE_SUBSTITUTE = "Choose who came instead, or choose another status"
NOT_A_SUBSTITUTE = "Leave “who came instead” empty unless a substitute was sent"
OWN_SUBSTITUTE = "A person cannot substitute for themselves"


class AttendanceForm(GovukForm):
    """One group of fields per person of ``rows`` ((person, label, stored row or None)):
    ``status_<id>``, ``substitute_<id>`` and ``note_<id>``; ``added`` more rows to name
    someone else (DCS staff: "add someone in attendance")."""

    def __init__(self, *args, rows, statuses, substitutes, added=0, addable=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows
        for person, label, row in rows:
            key = person.pk
            self.fields[f"status_{key}"] = forms.ChoiceField(
                label=label,
                choices=[NOT_RECORDED, *statuses],
                required=False,
                initial=row.status if row else "",
                widget=forms.RadioSelect,
            )
            self.fields[f"substitute_{key}"] = forms.ModelChoiceField(
                substitutes,
                label=f"Who came instead of {person.name}",
                required=False,
                initial=row.substitute_id if row else None,
                help_text="Only for “Sent a substitute”.",
            )
            self.fields[f"note_{key}"] = forms.CharField(
                label=f"Note on {person.name}’s attendance",
                max_length=300,
                required=False,
                initial=row.note if row else "",
            )
        self.added = range(added)
        for n in self.added:
            self.fields[f"add_person_{n}"] = forms.ModelChoiceField(
                addable,
                label="Add someone in attendance",
                required=False,
                help_text="An officer who is not a member, or a member not expected.",
            )
            self.fields[f"add_status_{n}"] = forms.ChoiceField(
                label="Their attendance",
                choices=ADDED_STATUSES,
                initial=Status.IN_ATTENDANCE,
                widget=forms.RadioSelect,
                required=False,
            )
            self.fields[f"add_note_{n}"] = forms.CharField(
                label="Note on their attendance", max_length=300, required=False
            )

    def clean(self):
        data = super().clean()
        for person, _, _ in self.rows:
            key = person.pk
            status, substitute = data.get(f"status_{key}"), data.get(f"substitute_{key}")
            if status == Status.SUBSTITUTE and not substitute:
                self.add_error(f"substitute_{key}", CHOOSE_SUBSTITUTE)
            elif substitute and status != Status.SUBSTITUTE:
                self.add_error(f"substitute_{key}", NOT_A_SUBSTITUTE)
            elif substitute and substitute.pk == person.pk:
                self.add_error(f"substitute_{key}", OWN_SUBSTITUTE)
        listed = {person.pk for person, _, _ in self.rows}
        for n in self.added:
            person = data.get(f"add_person_{n}")
            if person and person.pk in listed:
                self.add_error(f"add_person_{n}", f"{person.name} is listed above already")
        return data

    def entries(self):
        """(person, status, substitute, note) for every row, the added ones last."""
        data = self.cleaned_data
        for person, _, _ in self.rows:
            key = person.pk
            status = data.get(f"status_{key}") or ""
            substitute = data.get(f"substitute_{key}") if status == Status.SUBSTITUTE else None
            yield person, status, substitute, data.get(f"note_{key}", "")
        for n in self.added:
            person = data.get(f"add_person_{n}")
            if person:
                status = data.get(f"add_status_{n}") or Status.IN_ATTENDANCE
                yield person, status, None, data.get(f"add_note_{n}", "")


def people_of(partner_id):
    """The people who may substitute for a partner's own people: its people."""
    return Person.objects.filter(partner_id=partner_id).select_related("partner")


def everyone():
    return Person.objects.select_related("partner")


class PeriodForm(GovukForm):
    """The attendance page's period chooser (sent by GET)."""

    period = forms.ChoiceField(label="Period", required=False)

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = [(p.key, p.label) for p in choices]

    def chosen(self):
        """The key chosen, "" when none (or none valid) was."""
        return self.cleaned_data.get("period", "") if self.is_valid() else ""
