from django.db.models import Q

from trust.permissions import RestrictedQuerySet, SharedQuerySet, scope_via


class PriorityScaleQuerySet(SharedQuerySet):
    pass


class RecommendationQuerySet(RestrictedQuerySet):
    def partner_scope(self, partner_id):
        return Q(responsible_officers__partner_id=partner_id) | Q(
            action_plan__actions__owner__partner_id=partner_id
        )

    def partner_write_scope(self, partner_id):
        return None


class AuditQuerySet(RestrictedQuerySet):
    def partner_scope(self, partner_id):
        from .models import Recommendation

        return scope_via("recommendations", Recommendation, partner_id)

    def partner_write_scope(self, partner_id):
        return None
