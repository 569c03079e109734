"""The risk registers' table, declared once (``trust.tables``)."""

import django_tables2 as tables

from trust.tables import DateColumn, GovukTable, NameColumn, NumericColumn

from .models import RiskRegister


class RiskRegisterTable(GovukTable):
    caption = "Risk registers"
    name = NameColumn(verbose_name="Register")
    kind = tables.TemplateColumn(
        "{{ record.get_kind_display }}{% if record.component or record.partner %}<br>"
        '<span class="govuk-body-s">'
        '{% include "risks/register_of.html" with register=record only %}</span>{% endif %}',
        verbose_name="Kind",
    )
    owner = tables.TemplateColumn(
        '{% include "risks/owner.html" with owner=record.owner only %}',
        verbose_name="Owner",
        order_by=("owner__name",),
    )
    open_risks = NumericColumn(verbose_name="Open risks")
    last_reviewed = DateColumn(verbose_name="Last reviewed", default="Never")
    next_review = tables.TemplateColumn(
        '{% include "risks/next_review.html" with register=record only %}',
        verbose_name="Next review",
        accessor="next_review_date",
        order_by=("last_reviewed",),
        attrs={"td": {"class": "app-nowrap"}},
    )

    class Meta(GovukTable.Meta):
        model = RiskRegister
        fields = ()
