from django.apps import apps
from django.db.models import (
    BooleanField,
    ExpressionWrapper,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
)

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


def related_model(model, name):
    """The model at the other end of ``model.<name>``, a relation a higher layer declares."""
    return model._meta.get_field(name).related_model


def current_seat_q(today, prefix: str = "") -> Q:
    """Seats (memberships) current on ``today``: never ended, or ending on or after it (a
    departure entered ahead of the day). The one definition of a current member, for every
    page, count and list of seats; ``prefix`` reaches the seats through a relation
    (``"memberships__"``). Its negation is a former member."""
    return Q(**{f"{prefix}ended__isnull": True}) | Q(**{f"{prefix}ended__gte": today})


# Members by role: those who chair first, then in the roles' own order (data, not code).
BY_ROLE = ("-role__is_chair", "role__order", "role__name")


class ComponentQuerySet(SharedQuerySet):
    def with_register(self):
        """Annotated with ``has_register``: whether it has a risk register (seen or not)."""
        has = ExpressionWrapper(Q(risk_register__isnull=False), output_field=BooleanField())
        return self.annotate(has_register=has)

    def with_current_members(self, today):
        """With ``current_memberships`` (``current_seat_q`` on ``today``), chairs first then
        by role, naming each member with their organisation and the partner they represent."""
        memberships = related_model(self.model, "memberships")
        return self.prefetch_related(
            Prefetch(
                "memberships",
                queryset=memberships.objects.filter(current_seat_q(today))
                # A shared record names its people, with their organisation.
                .select_related("role", "person__partner", "represents")
                .order_by(*BY_ROLE, "represents__name", "person__name"),
                to_attr="current_memberships",
            )
        )

    def with_former_members(self, today):
        """With ``former_memberships``: the seats ended before ``today``, the latest to end
        first, named as the current ones are."""
        memberships = related_model(self.model, "memberships")
        return self.prefetch_related(
            Prefetch(
                "memberships",
                queryset=memberships.objects.exclude(current_seat_q(today))
                .select_related("role", "person__partner", "represents")
                .order_by("-ended", "person__name", "pk"),
                to_attr="former_memberships",
            )
        )

    def with_structure(self):
        """With its function and parent joined, and ``children_shown`` (the components under
        it), ``lines_shown`` (whom it reports to) and ``received_shown`` (who reports to it)."""
        lines = apps.get_model("trust", "ReportingLine").objects
        return self.select_related("function", "parent").prefetch_related(
            Prefetch(
                "children",
                queryset=self.model.objects.order_by("order", "name"),
                to_attr="children_shown",
            ),
            Prefetch(
                "reporting_lines",
                queryset=lines.select_related("to_component", "to_body").order_by("pk"),
                to_attr="lines_shown",
            ),
            Prefetch(
                "reports_received",
                queryset=lines.select_related("from_component").order_by("from_component__name"),
                to_attr="received_shown",
            ),
        )
