from django.db.models import Count, Exists, Min, OuterRef, Q

from partners.models import Action
from partners.querysets import open_q, overdue_q, plan_progress
from trust.permissions import RestrictedQuerySet, SharedQuerySet, scope_via, visible_q


class PriorityScaleQuerySet(SharedQuerySet):
    pass


class RecommendationQuerySet(RestrictedQuerySet):
    def partner_scope(self, partner_id):
        return Q(responsible_officers__partner_id=partner_id) | Q(
            action_plan__actions__owner__partner_id=partner_id
        )

    def partner_write_scope(self, partner_id):
        return None

    def with_progress(self, user):
        """Annotated with the actions ``user`` may see: done / total (cancelled ones left
        out) and the next due date of an open one."""
        seen = visible_q(user, Action, "action_plan__actions")
        return self.annotate(
            **plan_progress(seen),
            next_due=Min(
                "action_plan__actions__due_date", filter=seen & open_q("action_plan__actions__")
            ),
        )

    def with_overdue(self, today, user):
        """Annotated with ``has_overdue``: one of the actions ``user`` may see is overdue."""
        overdue = Action.objects.restrict(user).filter(
            overdue_q(today),
            plan=OuterRef("action_plan"),
        )
        return self.annotate(has_overdue=Exists(overdue))


class AuditQuerySet(RestrictedQuerySet):
    def partner_scope(self, partner_id):
        from .models import Recommendation

        return scope_via("recommendations", Recommendation, partner_id)

    def partner_write_scope(self, partner_id):
        return None

    def with_counts(self, user):
        """Annotated with how many of its recommendations ``user`` may see, and how many of
        those are implemented."""
        from .models import Recommendation

        seen = visible_q(user, Recommendation, "recommendations")
        return self.annotate(
            recommendation_count=Count("recommendations", filter=seen, distinct=True),
            implemented_count=Count(
                "recommendations",
                filter=seen & Q(recommendations__status="implemented"),
                distinct=True,
            ),
        )


class VerificationQuerySet(RestrictedQuerySet):
    def partner_scope(self, partner_id):
        from .models import Recommendation

        return scope_via("recommendation", Recommendation, partner_id)

    def partner_write_scope(self, partner_id):
        return None

    def auditor_write_scope(self, user):
        # An auditor changes only their own verifications.
        return Q(auditor=user)
