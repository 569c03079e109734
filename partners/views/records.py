"""The pages where DCS staff keep the directory: add, edit and delete partners and people,
and give a person a sign-in. Partner staff read the directory (``directory``) and change
none of it: ``Partner`` and ``Person`` open no write to them."""

from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction

from trust.accounts import send_invitation
from trust.generic import ObjectAddUnderView, ObjectChangeView, ObjectDeleteView, ObjectEditView
from trust.permissions import Role, grantable_roles

from ..forms import PartnerForm, PersonForm, PersonSignInForm
from ..models import Partner, Person
from ..services import person_sign_in

__all__ = [
    "PartnerDeleteView",
    "PartnerEditView",
    "PartnerPersonCreateView",
    "PersonDeleteView",
    "PersonEditView",
    "PersonSignInView",
]


class PartnerEditView(ObjectEditView):
    model = Partner
    form_class = PartnerForm


class PartnerDeleteView(ObjectDeleteView):
    model = Partner


class PersonEditView(ObjectEditView):
    """Edit a person, or add one of no partner organisation (an independent chair)."""

    model = Person
    form_class = PersonForm


class PartnerPersonCreateView(ObjectAddUnderView):
    """Add a person from their partner's page."""

    model = Person
    form_class = PersonForm
    parent_model = Partner
    parent_field = "partner"
    title = "Add a person to {parent}"


class PersonDeleteView(ObjectDeleteView):
    model = Person


class PersonSignInView(ObjectChangeView):
    """Create or link a person's sign-in and give it a role among those the user may give
    (``trust.permissions.grantable_roles``): never auditor or administrator here."""

    model = Person
    form_class = PersonSignInForm
    title = "Their sign-in"

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if not grantable_roles(self.request.user):
            raise PermissionDenied
        return obj

    def get_form_kwargs(self):
        roles = [(role, Role(role).label) for role in grantable_roles(self.request.user)]
        return {**super().get_form_kwargs(), "person": self.object, "roles": roles}

    def apply(self, form):
        user = person_sign_in(self.object, **form.cleaned_data, by=self.request.user)
        message = f"{self.object} signs in as {user.username} ({user.get_role_display()})."
        if not user.has_usable_password():
            # Sent once the sign-in is saved: a link to a sign-in that was not would mislead.
            transaction.on_commit(partial(send_invitation, user))
            message += f" A link to set a password is on its way to {user.email}."
        messages.success(self.request, message)
