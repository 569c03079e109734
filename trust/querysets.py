from django.db.models import OuterRef, Subquery

from .permissions import SharedQuerySet


class IndicatorQuerySet(SharedQuerySet):
    def with_latest_value(self):
        """Annotated with the latest measured ``latest_value`` and its ``latest_period``."""
        from .models import IndicatorValue

        latest = IndicatorValue.objects.filter(indicator=OuterRef("pk")).order_by("-period_end")
        return self.annotate(
            latest_value=Subquery(latest.values("value")[:1]),
            latest_period=Subquery(latest.values("period")[:1]),
        )
