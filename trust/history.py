"""History on every model: django-simple-history with a shape that reads back fast.

Every tracked model declares ``history = TrackedHistory(...)``. Its historical table gets:

* ``valid_to``: when the next historical row of the same object was written (NULL while the
  row is the latest). "As at T" is then ``history_date <= T < valid_to`` on one index, instead
  of a "latest row per object" self-join (see DESIGN.md, "Reading history").
* an index on (object id, history_date) and, where the model has a parent, on
  (parent id, history_date, valid_to): simple-history's own single-column indexes do not
  serve those queries.

Writes must go through ``Model.save()``/``delete()`` (or simple-history's ``*_with_history``
helpers); ``QuerySet.update()``, ``bulk_create`` and raw SQL would skip the history.
"""

from django.db import models
from django.dispatch import receiver
from simple_history.models import HistoricalRecords
from simple_history.signals import post_create_historical_record

from . import clock


class HistoricalBase(models.Model):
    valid_to = models.DateTimeField(
        "valid until",
        null=True,
        blank=True,
        editable=False,
        help_text="When the next change to this record was made; empty for the latest row.",
    )

    class Meta:
        abstract = True


class TrackedHistory(HistoricalRecords):
    """``HistoricalRecords`` with the ``valid_to`` column and the as-at indexes.

    ``parent`` names the foreign key that pages list a model's children by (an action's
    ``plan``, a recommendation's ``audit``), so "the children of X as at T" uses one index.
    """

    def __init__(self, *, parent: str | None = None, **kwargs):
        kwargs.setdefault("bases", [HistoricalBase])
        kwargs.setdefault("excluded_fields", [])
        self.parent = parent
        super().__init__(**kwargs)

    def get_meta_options(self, model):
        meta = super().get_meta_options(model)
        model._history_parent = self.parent
        pk = model._meta.pk.attname
        indexes = [models.Index(fields=[pk, "history_date"])]
        if self.parent:
            parent = model._meta.get_field(self.parent).attname
            indexes.append(models.Index(fields=[parent, "history_date", "valid_to"]))
        meta["indexes"] = indexes
        return meta

    def create_historical_record(self, instance, history_type, using=None):
        # simple-history dates rows with timezone.now(); ours come from the one clock, so a
        # change made in the demo is dated on the demo's day. A date the caller set (the demo
        # loader's back-dated rows) wins.
        if hasattr(instance, "_history_date"):
            return super().create_historical_record(instance, history_type, using)
        instance._history_date = clock.now()
        try:
            return super().create_historical_record(instance, history_type, using)
        finally:
            del instance._history_date


@receiver(post_create_historical_record)
def close_previous_row(sender, instance, history_instance, **kwargs):
    """Stamp the object's previous historical row with the moment it stopped being current."""
    if not issubclass(sender, HistoricalBase):
        return
    pk_name = instance._meta.pk.attname
    # The history table is an append-only log, not a tracked model: a direct update of its
    # bookkeeping column is the intended write here.
    sender.objects.filter(
        **{pk_name: getattr(history_instance, pk_name), "valid_to__isnull": True}
    ).exclude(history_id=history_instance.history_id).update(valid_to=history_instance.history_date)
