"""A person's seat on a component: added from the component's page by DCS staff, edited,
ended (with the reason the history keeps) and deleted; shown to everyone, like the
structure it belongs to."""

from django.contrib import messages

from trust.generic import (
    ObjectAddUnderView,
    ObjectChangeView,
    ObjectDeleteView,
    ObjectDetailView,
    ObjectEditView,
    ObjectHistoryView,
)
from trust.models import Component
from trust.sections import EDIT, Field, Summary

from .. import services
from ..forms import MembershipEndForm, MembershipForm
from ..models import Membership

__all__ = [
    "MembershipCreateView",
    "MembershipDeleteView",
    "MembershipDetailView",
    "MembershipEndView",
    "MembershipHistoryView",
    "MembershipUpdateView",
]

INDEPENDENT = "No partner: an independent member"


def is_open(view, context):
    """Whether the seat is open and the user may change it: the "End" button's condition."""
    return context.get("can_change") and view.object.ended is None


class MembershipMixin:
    model = Membership

    def optimise(self, queryset):
        return queryset.named()


class MembershipDetailView(MembershipMixin, ObjectDetailView):
    page_title = "{object} – Members"
    actions = (EDIT, ("End the membership", "partners:membership_end", is_open))
    sections = [
        Summary(
            Field("Member", "person", empty="Not named"),
            Field("Represents", "represents", empty=INDEPENDENT),
            Field("Role", "role"),
            Field("Chairs the meeting", "role.is_chair"),
            Field("Component", "component"),
            "expected_to_attend",
            Field("Member since", "started"),
            Field("Membership ended", "ended", hide_empty=True),
        )
    ]


class MembershipCreateView(MembershipMixin, ObjectAddUnderView):
    form_class = MembershipForm
    parent_model = Component
    parent_kwarg = "component_pk"
    parent_field = "component"
    title = "Add a member to {parent}"
    success_message = "{object} added."

    def get_success_url(self, obj=None):
        return obj.component.get_absolute_url()


class MembershipUpdateView(MembershipMixin, ObjectEditView):
    form_class = MembershipForm


class MembershipEndView(MembershipMixin, ObjectChangeView):
    form_class = MembershipEndForm
    title = "End the membership"
    stale_fields = ("ended",)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "membership": self.object}

    def apply(self, form):
        data = form.cleaned_data
        services.membership_end(
            self.object,
            ended=data["ended"],
            reason=data["reason"],
            by=self.request.user,
            expected_version=data.get("version"),
        )
        messages.success(self.request, "Membership ended. It stays in the history.")


class MembershipDeleteView(MembershipMixin, ObjectDeleteView):
    pass


class MembershipHistoryView(MembershipMixin, ObjectHistoryView):
    pass
