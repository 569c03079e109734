"""Forms of the risk registers' pages, in the GOV.UK pattern of every form (``trust.forms``)."""

from django import forms

from trust.forms import RELOAD, GovukDateField, GovukForm


class RegisterReviewForm(GovukForm):
    """A review of a register: when it took place and what it found, for the history."""

    reviewed_on = GovukDateField(label="Date of the review", help_text="For example, 1 9 2008")
    reason = forms.CharField(
        label="What the review found",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text="Recorded in the history with your name.",
        error_messages={"required": "Enter what the review found"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, error_messages={"required": RELOAD})

    def __init__(self, *args, register, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("version", register.version)
