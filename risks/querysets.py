from django.db.models import Count, Q

from trust.permissions import RestrictedQuerySet, scope_via


class RiskRegisterQuerySet(RestrictedQuerySet):
    def partner_scope(self, partner_id):
        # A partner's own register, and any register holding a risk the partner may see.
        from .models import Risk

        return Q(partner_id=partner_id) | scope_via("risks", Risk, partner_id)

    def partner_write_scope(self, partner_id):
        return None

    def with_open_risks(self, risks):
        """Annotated with ``open_risks``: how many of ``risks`` (a queryset) are open in it."""
        return self.annotate(
            open_risks=Count(
                "risks",
                filter=Q(risks__status="open", risks__in=risks.values("pk")),
                distinct=True,
            )
        )


def components_without_register(components):
    """Of ``components``, those with no risk register of their own (a gap the audit names)."""
    return components.filter(risk_register__isnull=True)


def hosts_without_register(partners, hosted_priorities):
    """Of ``partners``, those hosting one of ``hosted_priorities`` with no register of their own."""
    return partners.filter(
        risk_register__isnull=True, hosted_priorities__in=hosted_priorities.values("pk")
    ).distinct()


def register_gaps(components, visible_registers, today):
    """(component, what is missing, its register or None) for each of ``components`` (their
    ``risk_register`` joined) with no register, or one never or not lately reviewed. The gap
    is shared with everyone; the register itself only if it is in ``visible_registers``."""
    visible = set(visible_registers.values_list("pk", flat=True))
    gaps = []
    for component in components:
        register = getattr(component, "risk_register", None)
        if register is None:
            gaps.append((component, "No risk register", None))
        elif register.next_review_date is None or register.next_review_date < today:
            gaps.append((component, "Review overdue", register if register.pk in visible else None))
    return gaps


class RiskQuerySet(RestrictedQuerySet):
    def partner_scope(self, partner_id):
        return (
            Q(register__partner_id=partner_id)
            | Q(owner__partner_id=partner_id)
            | Q(hosted_priorities__host_id=partner_id)
            | Q(action_plan__actions__owner__partner_id=partner_id)
        )

    def partner_write_scope(self, partner_id):
        return None


class RiskControlQuerySet(RestrictedQuerySet):
    def partner_scope(self, partner_id):
        from .models import Risk

        return scope_via("risk", Risk, partner_id)

    def partner_write_scope(self, partner_id):
        return None
