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
        return self.open().filter(due_date__lt=today)

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
