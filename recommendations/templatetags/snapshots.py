"""The status tables of an audit snapshot, which can run to thousands of rows.

Built in one pass, every value escaped with ``escape``, because the template engine took
over half a second for an audit of 300 recommendations and 1,500 actions (issue 4 asks
for the whole page in under 200 ms).
"""

from django import template
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

from partners.tables import ActionTable
from trust.templatetags.govuk import TAG_COLOURS
from trust.text import shorten

from ..tables import RecommendationTable

register = template.Library()

# The columns of the snapshot's tables, in order: a declared column (its header and header
# classes come from the table declaration, as on every other page) or a header of its own.
RECOMMENDATION_COLUMNS = (
    (RecommendationTable, "number"),
    (RecommendationTable, "priority"),
    (RecommendationTable, "status"),
    "Responsible officers",
    (RecommendationTable, "progress"),
    (RecommendationTable, "next_due"),
    "Verification",
)
ACTION_COLUMNS = (
    "Rec.",
    (ActionTable, "description"),
    (ActionTable, "owner"),
    (ActionTable, "due_date"),
    (ActionTable, "status"),
    (ActionTable, "last_update_rag"),
)
SNAPSHOT_COLUMNS = {"recommendations": RECOMMENDATION_COLUMNS, "actions": ACTION_COLUMNS}


def _header(column):
    if isinstance(column, str):
        label, extra = column, ""
    else:
        table, name = column
        declared = table.base_columns[name]
        label, extra = declared.verbose_name, declared.attrs.get("th", {}).get("class", "")
    css = f"govuk-table__header {extra}".strip()
    return f'<th scope="col" class="{css}">{escape(label)}</th>'


@register.simple_tag
def snapshot_headers(kind):
    """The header row of a snapshot table, its headers taken from the declared tables."""
    return mark_safe("\n    ".join(_header(column) for column in SNAPSHOT_COLUMNS[kind]))


def _day(value, empty="—"):
    return f"{value.day} {value:%B %Y}" if value else empty


def _tag(value, label):
    return f'<strong class="govuk-tag govuk-tag--{TAG_COLOURS.get(value, "grey")}">{escape(label)}</strong>'


def _plural(n, word):
    return f"{n} {word}{'' if n == 1 else 's'}"


@register.simple_tag
def snapshot_recommendation_rows(snapshot):
    detail = reverse("recommendations:recommendation_detail", args=[0])[
        :-2
    ]  # ".../recommendations/"
    overdue_tag = _tag("red", "Overdue")
    rows = []
    for rec in snapshot.recommendations:
        overdue = len(rec.overdue_actions)
        v = rec.verification
        rows.append(
            '<tr class="govuk-table__row">'
            f'<th scope="row" class="govuk-table__header"><a class="govuk-link" href="{detail}{rec.pk}/">'
            f'<span class="govuk-visually-hidden">Recommendation </span>{escape(rec.number)}</a></th>'
            f'<td class="govuk-table__cell app-nowrap"><span class="app-priority" aria-hidden="true">'
            f'{escape(rec.priority_symbol)}</span><span class="govuk-visually-hidden">'
            f"{escape(rec.priority_label)}</span></td>"
            f'<td class="govuk-table__cell">{_tag(rec.status, rec.status_label)}</td>'
            f'<td class="govuk-table__cell govuk-body-s">{escape(", ".join(rec.officers) or "—")}</td>'
            f'<td class="govuk-table__cell app-nowrap">{rec.actions_done} of {rec.actions_total}'
            f"{f'<br>{overdue_tag} {overdue}' if overdue else ''}</td>"
            f'<td class="govuk-table__cell app-nowrap">{_day(rec.next_due)}</td>'
            f'<td class="govuk-table__cell govuk-body-s">'
            f"{escape(f'{v.outcome_label}, {_day(v.verified_on)}') if v else 'Not verified'}</td></tr>"
        )
    return mark_safe("".join(rows))


@register.simple_tag
def snapshot_action_rows(snapshot):
    overdue_tag = _tag("red", "Overdue")
    revised_tag = _tag("grey", "Revised")
    rows = []
    for rec in snapshot.recommendations:
        number = escape(rec.number)
        for action in rec.actions:
            due = f'<span class="app-nowrap">{_day(action.due_date, "Ongoing")}</span>'
            if action.is_revised:
                due += (
                    f"<br>{revised_tag}<br>originally {_day(action.original_due_date, 'ongoing')}"
                )
            if action.slip_count:
                due += f"<br>slipped {_plural(action.slip_count, 'time')}"
            status = _tag(action.status, action.status_label)
            if action.days_overdue:
                status += f"<br>{overdue_tag}<br>by {_plural(action.days_overdue, 'day')}"
            rag = (
                _tag(action.latest_rag, action.latest_rag.capitalize())
                if action.latest_rag
                else "—"
            )
            description = shorten(action.description, 140)
            rows.append(
                f'<tr class="govuk-table__row"><td class="govuk-table__cell">{number}</td>'
                f'<td class="govuk-table__cell govuk-body-s">{action.number}. {escape(description)}</td>'
                f'<td class="govuk-table__cell govuk-body-s">{escape(action.owner or "—")}</td>'
                f'<td class="govuk-table__cell govuk-body-s">{due}</td>'
                f'<td class="govuk-table__cell govuk-body-s">{status}</td>'
                f'<td class="govuk-table__cell">{rag}</td></tr>'
            )
    return mark_safe("".join(rows))
