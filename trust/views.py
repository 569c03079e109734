from django.apps import apps
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Count
from django.views.generic import TemplateView

from .models import Component


class HomeView(LoginRequiredMixin, TemplateView):
    template_name = "trust/home.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        # The top layer's counts are read by name: this lower layer does not import it.
        recommendation = apps.get_model("recommendations", "Recommendation")
        by_status = dict(
            recommendation.objects.restrict(user)
            .order_by()
            .values_list("status")
            .annotate(n=Count("pk"))
        )
        return super().get_context_data(
            components=Component.objects.restrict(user),
            recommendation_counts=[
                (label, by_status.get(value, 0)) for value, label in recommendation.Status.choices
            ],
            recommendation_total=sum(by_status.values()),
            **kwargs,
        )
