from django.apps import apps
from django.db.models import OuterRef, Q, Subquery

from .permissions import RestrictedQuerySet, SharedQuerySet, attachable


class IndicatorQuerySet(SharedQuerySet):
    def with_latest_value(self):
        """Annotated with the latest measured ``latest_value`` and its ``latest_period``."""
        from .models import IndicatorValue

        latest = IndicatorValue.objects.filter(indicator=OuterRef("pk")).order_by("-period_end")
        return self.annotate(
            latest_value=Subquery(latest.values("value")[:1]),
            latest_period=Subquery(latest.values("period")[:1]),
        )


def attachment_models():
    """Every kind of record that accepts attached files."""
    from .models import attachment_kinds

    return [m for m in apps.get_models() if attachment_kinds(m)]


def of_records(model, pks=None) -> Q:
    """The attachments of ``model``'s records (of those whose ids ``pks`` gives, if given).
    Joins the content type by name, so no content type is looked up first."""
    q = Q(content_type__app_label=model._meta.app_label, content_type__model=model._meta.model_name)
    return q if pks is None else q & Q(object_id__in=pks)


class AttachmentQuerySet(RestrictedQuerySet):
    """Attachments are seen through the records they belong to, and added or removed by those
    who may attach files to that record (``trust.permissions.attachable``)."""

    def partner_scope(self, partner_id):
        q = Q(pk__in=[])
        for model in attachment_models():
            scope = model.objects.all().partner_scope(partner_id)
            if scope is not None:
                pks = model._base_manager.filter(scope).values("pk") if scope else None
                q |= of_records(model, pks)
        return q

    def partner_user_write_scope(self, user, action):
        q = Q(pk__in=[])
        for model in attachment_models():
            q |= of_records(model, attachable(user, model).values("pk"))
        return q

    def of(self, record):
        """The attachments of ``record``, with who attached them: one query."""
        return self.filter(of_records(type(record), [record.pk])).select_related("attached_by")
