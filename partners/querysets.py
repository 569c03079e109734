import datetime

from django.apps import apps
from django.conf import settings
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)

from trust.permissions import (
    CHANGE,
    DELETE,
    RestrictedQuerySet,
    SharedQuerySet,
    scope_via,
    visible_q,
)

# What an action list joins to name each action's carrier (a recommendation and its audit,
# a hosted priority, or a risk and its register) without a query per row.
ACTION_CARRIERS = (
    "plan__recommendation__audit",
    "plan__recommendation__priority",
    "plan__hosted_priority",
    "plan__risk__register",
)


def overdue_against_original() -> bool:
    """Whether lateness counts from an action's original due date (else its current one)."""
    return settings.TRUST["OVERDUE_AGAINST"] == "original"


def overdue_q(today, *, against_original: bool, prefix: str = ""):
    """Open actions past their date: the current one, or the original one if so configured.

    ``prefix`` reaches actions through a relation, e.g. ``"action_plan__actions__"``.
    """
    field = "original_due_date" if against_original else "due_date"
    return Q(**{f"{prefix}{field}__lt": today}) & ~Q(
        **{f"{prefix}status__in": ["complete", "cancelled"]}
    )


# Attendance "in the last year" counts meetings dated within this many days before today.
ATTENDANCE_WINDOW_DAYS = 365


class PartnerQuerySet(SharedQuerySet):
    def with_attendance(self, today, days=ATTENDANCE_WINDOW_DAYS):
        """Annotated with how often it was represented at the meetings it was expected at.

        Counts its attendance rows (``meetings_recorded``) and those marked present
        (``meetings_attended``) over all time, and the same over meetings dated within
        ``days`` before ``today`` (``recent_recorded``, ``recent_attended``).
        """
        present = Q(attendance__status="present")
        recent = Q(
            attendance__meeting__date__gte=today - datetime.timedelta(days=days),
            attendance__meeting__date__lte=today,
        )
        return self.annotate(
            meetings_recorded=Count("attendance", distinct=True),
            meetings_attended=Count("attendance", filter=present, distinct=True),
            recent_recorded=Count("attendance", filter=recent, distinct=True),
            recent_attended=Count("attendance", filter=recent & present, distinct=True),
        )

    def with_component_count(self):
        """Annotated with ``component_count``: the components it currently sits on."""
        return self.annotate(
            component_count=Count(
                "memberships__component", filter=Q(memberships__ended__isnull=True), distinct=True
            )
        )

    def with_current_seats(self):
        """With ``current_memberships``: the components it sits on now, in their order."""
        memberships = self.model._meta.get_field("memberships").related_model
        return self.prefetch_related(
            Prefetch(
                "memberships",
                queryset=memberships.objects.filter(ended__isnull=True)
                .select_related("component", "representative")
                .order_by("component__order", "component__name"),
                to_attr="current_memberships",
            )
        )

    def not_signed(self):
        """Partners yet to sign the partnership agreement or the information sharing protocol."""
        return self.filter(Q(agreement_signed__isnull=True) | Q(isp_signed__isnull=True))


def models_naming(person_model):
    """(model, field name) for every record that names a person: its ``names_people``.

    Declared on the naming model (a higher app's record names people of this one), found
    through the app registry, so this layer never imports the layers above it.
    """
    for model in apps.get_models():
        for name in getattr(model, "names_people", ()):
            if model._meta.get_field(name).related_model is person_model:
                yield model, name


class PersonQuerySet(RestrictedQuerySet):
    def partner_scope(self, partner_id):
        # Their own organisation's people, and anyone a record they may open names
        # (DESIGN.md, "Who sees whose name"): a name is never hidden on a page that shows
        # its record, and never shown where no such record is.
        q = Q(partner_id=partner_id)
        for model, name in models_naming(self.model):
            scope = model.objects.all().partner_scope(partner_id)
            if scope is None:
                continue
            naming = model._base_manager.filter(scope, **{f"{name}__isnull": False})
            q |= Q(pk__in=naming.values(name))
        return q

    def partner_write_scope(self, partner_id):
        return None


class HostedPriorityQuerySet(RestrictedQuerySet):
    def partner_scope(self, partner_id):
        # Hosts and contributors see it; so does a partner owning one of its actions.
        return (
            Q(host_id=partner_id)
            | Q(contributors=partner_id)
            | Q(action_plan__actions__owner__partner_id=partner_id)
        )

    def partner_write_scope(self, partner_id):
        return None

    def of_partner(self, partner):
        """The hosted priorities ``partner`` hosts or contributes to."""
        return (
            self.filter(Q(host=partner) | Q(contributors=partner))
            .distinct()
            .select_related("priority", "host", "monitoring_component")
        )

    def with_plan_progress(self, today, user):
        """Annotated with its plan's actions that ``user`` may see: done / total, overdue
        count and the latest RAG of their progress updates."""
        actions = "action_plan__actions__"
        seen = visible_q(user, apps.get_model("partners", "Action"), "action_plan__actions")
        latest = (
            apps.get_model("partners", "ProgressUpdate")
            .objects.restrict(user)
            .filter(action__plan=OuterRef("action_plan"))
            .order_by("-date", "-pk")
        )
        return self.annotate(
            actions_total=Count(
                "action_plan__actions",
                filter=seen & ~Q(**{f"{actions}status": "cancelled"}),
                distinct=True,
            ),
            actions_done=Count(
                "action_plan__actions",
                filter=seen & Q(**{f"{actions}status": "complete"}),
                distinct=True,
            ),
            overdue_count=Count(
                "action_plan__actions",
                filter=seen
                & overdue_q(today, against_original=overdue_against_original(), prefix=actions),
                distinct=True,
            ),
            latest_rag=Subquery(latest.values("rag")[:1]),
        )


class ActionPlanQuerySet(RestrictedQuerySet):
    def partner_scope(self, partner_id):
        return (
            Q(hosted_priority__host_id=partner_id)
            | Q(hosted_priority__contributors=partner_id)
            | Q(actions__owner__partner_id=partner_id)
        )

    def partner_write_scope(self, partner_id):
        return None


class ActionQuerySet(RestrictedQuerySet):
    def partner_scope(self, partner_id):
        return (
            Q(owner__partner_id=partner_id)
            | Q(plan__hosted_priority__host_id=partner_id)
            | Q(plan__hosted_priority__contributors=partner_id)
        )

    def partner_write_scope(self, partner_id):
        # An organisation reports on the actions its own officers own (issue 5), even in a
        # plan it hosts: another partner's action is theirs to report on.
        return Q(owner__partner_id=partner_id)

    def open(self):
        return self.exclude(status__in=["complete", "cancelled"])

    def overdue(self, today):
        return self.filter(overdue_q(today, against_original=overdue_against_original()))

    def with_schedule(self):
        """Annotated with ``slip_count`` and the latest update's RAG and date: no query per row."""
        updates = self.model._meta.get_field("updates").related_model
        latest = updates.objects.filter(action=OuterRef("pk")).order_by("-date", "-pk")
        return self.annotate(
            slip_count=Count("date_changes", distinct=True),
            last_update_rag=Subquery(latest.values("rag")[:1]),
            last_update_date=Subquery(latest.values("date")[:1]),
        )

    def overdue_first(self, today):
        """Overdue first, then by current due date; ongoing actions (no date) last."""
        return self.annotate(
            is_overdue=Case(
                When(overdue_q(today, against_original=overdue_against_original()), then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        ).order_by("is_overdue", F("due_date").asc(nulls_last=True), "pk")


class ProgressUpdateQuerySet(RestrictedQuerySet):
    def partner_scope(self, partner_id):
        from .models import Action

        return scope_via("action", Action, partner_id)

    def partner_write_scope(self, partner_id):
        from .models import Action

        return scope_via("action", Action, partner_id, write=True)

    def partner_user_write_scope(self, user, action):
        scope = super().partner_user_write_scope(user, action)
        if scope is not None and action in (CHANGE, DELETE):
            # An update entered by mistake is corrected or withdrawn by its author (or DCS
            # staff), while their organisation still reports on the action.
            return scope & Q(author__user_id=user.pk)
        return scope

    def for_action_page(self, user):
        """An action's updates as its page shows them: those ``user`` may see, naming their
        authors, and which of them ``user`` may correct or withdraw."""
        return {
            "updates": self.restrict(user).select_related("author__partner"),
            "correctable_updates": set(self.restrict(user, CHANGE).values_list("pk", flat=True)),
            "withdrawable_updates": set(self.restrict(user, DELETE).values_list("pk", flat=True)),
        }


class DueDateChangeQuerySet(RestrictedQuerySet):
    def partner_scope(self, partner_id):
        from .models import Action

        return scope_via("action", Action, partner_id)

    def partner_write_scope(self, partner_id):
        return None


class PersonScopedQuerySet(RestrictedQuerySet):
    def partner_scope(self, partner_id):
        return Q(person__partner_id=partner_id)

    def partner_write_scope(self, partner_id):
        return None
