"""Pages that gather everything: the dashboard, My actions, Recent changes (top layer)."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Count
from django.views.generic import TemplateView

from trust.models import Component

from .models import Recommendation


class DashboardView(LoginRequiredMixin, TemplateView):
    template_name = "trust/home.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        by_status = dict(
            Recommendation.objects.restrict(user)
            .order_by()
            .values_list("status")
            .annotate(n=Count("pk"))
        )
        return super().get_context_data(
            components=Component.objects.restrict(user),
            recommendation_counts=[
                (label, by_status.get(value, 0)) for value, label in Recommendation.Status.choices
            ],
            recommendation_total=sum(by_status.values()),
            **kwargs,
        )
