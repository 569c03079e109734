from django.db.models import Q

from trust.permissions import RestrictedQuerySet, SharedQuerySet, scope_via


class PartnerQuerySet(SharedQuerySet):
    pass


class PersonQuerySet(RestrictedQuerySet):
    def partner_scope(self, partner_id):
        return Q(partner_id=partner_id)

    def partner_write_scope(self, partner_id):
        return None


class HostedPriorityQuerySet(RestrictedQuerySet):
    def partner_scope(self, partner_id):
        return Q(host_id=partner_id) | Q(contributors=partner_id)

    def partner_write_scope(self, partner_id):
        return None


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
        # An organisation reports on what it owns: its officers' actions and its hosted plans.
        return Q(owner__partner_id=partner_id) | Q(plan__hosted_priority__host_id=partner_id)

    def open(self):
        return self.exclude(status__in=["complete", "cancelled"])

    def overdue(self, today):
        from .services import overdue_against_original

        return self.filter(overdue_q(today, against_original=overdue_against_original()))

    def with_schedule(self):
        """Annotated with ``slip_count`` and ``last_update_rag`` for lists: no query per row."""
        from django.db.models import Count, OuterRef, Subquery

        from .models import ProgressUpdate

        latest = ProgressUpdate.objects.filter(action=OuterRef("pk")).order_by("-date", "-pk")
        return self.annotate(
            slip_count=Count("date_changes", distinct=True),
            last_update_rag=Subquery(latest.values("rag")[:1]),
            last_update_date=Subquery(latest.values("date")[:1]),
        )

    def overdue_first(self, today):
        """Overdue first, then by current due date; ongoing actions (no date) last."""
        from django.db.models import Case, F, IntegerField, Value, When

        from .services import overdue_against_original

        return self.annotate(
            is_overdue=Case(
                When(overdue_q(today, against_original=overdue_against_original()), then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        ).order_by("is_overdue", F("due_date").asc(nulls_last=True), "pk")

    def due_between(self, start, end):
        return self.open().filter(due_date__gte=start, due_date__lte=end)

    def owned_by(self, person):
        return self.filter(owner=person)


class ProgressUpdateQuerySet(RestrictedQuerySet):
    def partner_scope(self, partner_id):
        from .models import Action

        return scope_via("action", Action, partner_id)

    def partner_write_scope(self, partner_id):
        from .models import Action

        return scope_via("action", Action, partner_id, write=True)


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


def overdue_q(today, *, against_original: bool):
    """Open actions past their date: the current one, or the original one if so configured."""
    field = "original_due_date" if against_original else "due_date"
    return Q(**{f"{field}__lt": today}) & ~Q(status__in=["complete", "cancelled"])
