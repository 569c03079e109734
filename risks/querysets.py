from django.db.models import Q

from trust.permissions import RestrictedQuerySet, scope_via


class RiskRegisterQuerySet(RestrictedQuerySet):
    def partner_scope(self, partner_id):
        return Q(partner_id=partner_id) | Q(risks__owner__partner_id=partner_id)

    def partner_write_scope(self, partner_id):
        return None


class RiskQuerySet(RestrictedQuerySet):
    def partner_scope(self, partner_id):
        return (
            Q(register__partner_id=partner_id)
            | Q(owner__partner_id=partner_id)
            | Q(hosted_priorities__host_id=partner_id)
        )

    def partner_write_scope(self, partner_id):
        return None


class RiskControlQuerySet(RestrictedQuerySet):
    def partner_scope(self, partner_id):
        from .models import Risk

        return scope_via("risk", Risk, partner_id)

    def partner_write_scope(self, partner_id):
        return None
