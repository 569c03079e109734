"""The one place that decides who may see and change what.

Two questions, asked by every page, form, export and history view:

* ``user_can(user, action, model)``: may this kind of user do this at all? (no: 403)
* ``Model.objects.restrict(user, action)``: which records? (outside it: 404)

DCS Unit staff and administrators see and change everything. Auditors see everything and
change only what a model opens to them (their own verifications). Partner staff see what is
shared with every partner plus their own organisation's records, and change only what a
model opens to them, within their organisation's scope. A user with no role, or a partner
user not linked to a partner organisation, sees nothing.
"""

from django.db import models
from django.db.models import Q

VIEW = "view"
ADD = "add"
CHANGE = "change"
DELETE = "delete"
# Report progress on an action and mark it complete: what partner staff may do to their own.
REPORT = "report"
ACTIONS = (VIEW, ADD, CHANGE, DELETE, REPORT)


class Role(models.TextChoices):
    DCS = "dcs", "DCS Unit staff"
    PARTNER = "partner", "Partner staff"
    AUDITOR = "auditor", "Auditor"
    ADMIN = "admin", "Administrator"


FULL_ACCESS = frozenset({Role.DCS, Role.ADMIN})


def role_of(user) -> str | None:
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    if user.is_superuser:
        return Role.ADMIN
    return user.role or None


def user_can(user, action: str, model) -> bool:
    """May ``user`` perform ``action`` on some record of ``model``? Scope is ``restrict``'s job."""
    role = role_of(user)
    if role is None:
        return False
    if action in getattr(model, "auditor_only_actions", ()):
        # Some writes are the auditor's own judgement (a verification): nobody else's.
        return role == Role.AUDITOR
    if role in FULL_ACCESS:
        return True
    if role == Role.PARTNER and user.partner_id is None:
        return False
    if action == VIEW:
        return True
    if role == Role.AUDITOR:
        return action in getattr(model, "auditor_actions", ())
    if role == Role.PARTNER:
        return action in getattr(model, "partner_actions", ())
    return False


class RestrictedQuerySet(models.QuerySet):
    """Base queryset of every tracked model; subclasses describe the partner scope.

    ``partner_scope(partner_id)`` returns the ``Q`` of records a partner organisation may see
    (default: none of them); ``partner_write_scope`` those it may change (default: the same);
    ``partner_user_write_scope(user, action)`` those one partner user may add, change, delete
    or report on (default: their organisation's write scope; a model narrows it to what is
    the user's own); ``auditor_write_scope(user)`` those an auditor may change (default: none).
    """

    def partner_scope(self, partner_id: int) -> Q | None:
        return None

    def partner_write_scope(self, partner_id: int) -> Q | None:
        return self.partner_scope(partner_id)

    def partner_user_write_scope(self, user, action: str) -> Q | None:
        return self.partner_write_scope(user.partner_id)

    def auditor_write_scope(self, user) -> Q | None:
        return None

    def scope_for(self, user, action: str = VIEW) -> Q | None:
        """The ``Q`` of records ``user`` may ``action``: ``Q()`` for all of them, None for none."""
        if not user_can(user, action, self.model):
            return None
        role = role_of(user)
        auditor_only = action in getattr(self.model, "auditor_only_actions", ())
        if (role in FULL_ACCESS and not auditor_only) or (role == Role.AUDITOR and action == VIEW):
            return Q()
        if role == Role.AUDITOR:
            return self.auditor_write_scope(user)
        if action == VIEW:
            return self.partner_scope(user.partner_id)
        return self.partner_user_write_scope(user, action)

    def restrict(self, user, action: str = VIEW):
        q = self.scope_for(user, action)
        if q is None:
            return self.none()
        if not q:
            return self
        # A subquery, not a join: scopes follow to-many relations, and a join would repeat rows.
        return self.filter(pk__in=self.model._base_manager.filter(q).values("pk"))


class SharedQuerySet(RestrictedQuerySet):
    """Records every partner may read: the trust's structure, plan and directory."""

    def partner_scope(self, partner_id: int) -> Q:
        return Q()

    def partner_write_scope(self, partner_id: int) -> Q | None:
        return None


def scope_via(relation: str, model, partner_id: int, *, write: bool = False) -> Q:
    """A partner's scope on ``model`` followed from another model through ``relation``."""
    manager = model.objects
    q = manager.partner_write_scope(partner_id) if write else manager.partner_scope(partner_id)
    if q is None:
        return Q(pk__in=[])
    return Q(**{f"{relation}__in": model._base_manager.filter(q).values("pk")})


def sees_all(user, model, action: str = VIEW) -> bool:
    """Whether ``restrict(user, action)`` on ``model`` leaves every record (nothing to narrow)."""
    q = model.objects.all().scope_for(user, action)
    return q is not None and not q


def visible_q(user, model, relation: str) -> Q:
    """Narrows ``relation`` (a path from another model to ``model``) to the rows ``user`` sees.

    Every count, total, date and flag computed over related rows uses it, so that nothing is
    counted that the user could not open: ``Count("plan__actions", filter=visible_q(user,
    Action, "plan__actions"))``. ``Q()`` where the user sees every row.
    """
    if sees_all(user, model):
        return Q()
    return Q(**{f"{relation}__in": model.objects.restrict(user).values("pk")})


def sees_contacts(user, partner_id) -> bool:
    """May ``user`` read the contact details and sign-in of the people of ``partner_id``?

    Anyone may read the name, organisation and job title of a person named by a record they
    may open (DESIGN.md, "Who sees whose name"); e-mail addresses, whether someone can sign
    in and the list of what they own stay with their organisation, DCS staff, administrators
    and auditors.
    """
    role = role_of(user)
    if role in FULL_ACCESS or role == Role.AUDITOR:
        return True
    return role == Role.PARTNER and user.partner_id is not None and partner_id == user.partner_id


def may_record_attendance(user, model) -> bool:
    """May ``user`` record a whole meeting's attendance (``model``: attendance), everyone's
    row? DCS staff and administrators: those who add and change every row."""
    return sees_all(user, model, ADD) and sees_all(user, model, CHANGE)


def may_send_apologies(user, model, coming: bool) -> bool:
    """May ``user`` send apologies or name a substitute for their own organisation's people
    (``model``: attendance; which rows: its write scope), for a meeting ``coming`` (to come)?
    Partner staff of a partner organisation; the record-keepers use the whole form."""
    if not coming or role_of(user) != Role.PARTNER or user.partner_id is None:
        return False
    return user_can(user, ADD, model)


def has_role(user) -> bool:
    """Whether ``user`` is signed in, active and holds a role: everyone else sees nothing."""
    return role_of(user) is not None


def sees_everything(user) -> bool:
    """Whether ``user`` reads every record, deleted ones, their history and every name in it.

    DCS staff, administrators and auditors. Partner staff see their scope only: their history
    is narrowed by ``restrict``, they filter changes by themselves alone, and an empty list
    tells them there is none "that you can see".
    """
    role = role_of(user)
    return role in FULL_ACCESS or role == Role.AUDITOR


def may_restore(user, model=None) -> bool:
    """May ``user`` bring back a deleted record (of ``model``, when given) from its history?

    Restoring is the record-keepers' job, whatever a role may add elsewhere, and only of a
    kind of record they may add.
    """
    if role_of(user) not in FULL_ACCESS:
        return False
    return model is None or user_can(user, ADD, model)


def lands_on_partner_home(user) -> bool:
    """Whether ``user``'s home page is their organisation's page rather than the dashboard."""
    return role_of(user) == Role.PARTNER and user.partner_id is not None


def role_label(user) -> str:
    """The name of the account's role for the page header; "" for someone with no role."""
    if role_of(user) is None or not hasattr(user, "get_role_display"):
        return ""
    return user.get_role_display()


def attachable(user, model):
    """The records of ``model`` that ``user`` may attach files to (and remove them from):
    those they may change, and those they report on (a partner's own actions)."""
    return model.objects.restrict(user, CHANGE) | model.objects.restrict(user, REPORT)


def may_attach(user, record) -> bool:
    """May ``user`` attach files to ``record``, or remove them? See ``attachable``; never
    auditors, who change nothing but their verifications."""
    from django.apps import apps

    if not user_can(user, ADD, apps.get_model("trust", "Attachment")):
        return False
    return attachable(user, type(record)).filter(pk=record.pk).exists()


# The roles a user may give a sign-in in the app's pages (a person's "Sign-in" page). Auditor
# and administrator are never given there: administrators grant them in /admin/.
GRANTS = {
    Role.DCS: (Role.PARTNER, Role.DCS),
    Role.ADMIN: (Role.PARTNER, Role.DCS),
}


def grantable_roles(user) -> tuple[str, ...]:
    """The roles ``user`` may give a sign-in in the app's pages; () for none."""
    return GRANTS.get(role_of(user), ())


def may_grant(user, role) -> bool:
    """May ``user`` give a sign-in ``role`` (or change a sign-in that holds it)?"""
    return role in grantable_roles(user)


def may_change_sign_in(user, account) -> bool:
    """May ``user`` change the sign-in ``account`` in the app's pages (its name, e-mail and
    role)? Only one whose role they may grant: never an administrator's or an auditor's."""
    current = Role.ADMIN if account.is_superuser else account.role
    return may_grant(user, current)


def role_needs_partner(role) -> bool:
    """Whether a sign-in of ``role`` belongs to a partner organisation (through its person)."""
    return role == Role.PARTNER
