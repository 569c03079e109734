"""An audit's recommendations and action plan as XLSX, CSV and a PDF progress report.

Every export renders an ``AuditSnapshot`` (``recommendations.snapshot``), never the models,
so a download shows exactly what its user may see, now or as at the end of a chosen day.
The recommendation rows follow the layout of an audit report's Appendix 1 (number,
recommendation, priority, management response, responsibility and timescale), then add the
status, progress and the auditor's verification.
"""

import csv
import datetime
import io

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.formats import date_format
from openpyxl import Workbook
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from partners.models import ActionStatus, Rag
from trust.exports import EXCEL_DATE_FORMAT, csv_value, xlsx_set  # noqa: F401 (tests read it here)

from .models import RecommendationStatus, VerificationOutcome
from .snapshot import AuditSnapshot, RecommendationState

STATUSES = RecommendationStatus.choices
DEFAULT_COMMITTEE = "Corporate Governance and Audit Committee"
REPORT_TITLE = "Recommendations progress report"

# (header, column width in characters)
RECOMMENDATION_COLUMNS = [
    ("No.", 7),
    ("Section", 9),
    ("Recommendation", 60),
    ("Priority", 22),
    ("Management response", 55),
    ("Responsibility and timescale", 32),
    ("Status", 14),
    ("RAG", 9),
    ("Latest commentary", 50),
    ("Commentary date", 17),
    ("Progress", 20),
    ("Next due date", 17),
    ("Overdue actions", 10),
    ("Verification", 22),
    ("Verified on", 17),
    ("Verification comment", 40),
]
ACTION_COLUMNS = [
    ("Recommendation", 9),
    ("Action", 8),
    ("Description", 60),
    ("Owner", 30),
    ("Timescale", 22),
    ("Original due date", 17),
    ("Current due date", 17),
    ("Times slipped", 9),
    ("Status", 14),
    ("Completed on", 17),
    ("Latest RAG", 10),
    ("Latest update", 17),
    ("Latest commentary", 50),
    ("Days overdue", 9),
]
# Conditional formats: a RAG cell takes its colour, an overdue count or day count above 0 is red.
RAG_COLUMNS = {"RAG", "Latest RAG"}
OVERDUE_COLUMNS = {"Overdue actions", "Days overdue"}
# GOV.UK tag colours (fill, text), which keep the text readable on the fill.
RAG_COLOURS = {
    "Red": ("F4CDC6", "2A0B06"),
    "Amber": ("FFF7BF", "594D00"),
    "Green": ("CCE2D8", "005A30"),
}
OVERDUE_COLOURS = ("F4CDC6", "942514")


def priority_text(rec: RecommendationState) -> str:
    """The priority as printed and in words, e.g. "** Some residual risk"."""
    return f"{rec.priority_symbol} {rec.priority_label}".strip()


def progress_text(rec: RecommendationState) -> str:
    if not rec.actions_total:
        return "No actions"
    return f"{rec.actions_done} of {rec.actions_total} actions done"


def responsibility_text(rec: RecommendationState) -> str:
    """The cell as written in the report; else the officers and the timescale."""
    if rec.responsibility:
        return rec.responsibility
    return " – ".join(part for part in (" & ".join(rec.officers), rec.timescale) if part)


def latest_commentary(rec: RecommendationState) -> tuple[str, datetime.date | None]:
    """The latest progress note on any of its actions, naming the action, and its date."""
    latest = rec.latest_update
    if latest is None:
        return "", None
    return f"Action {rec.number}.{latest.number}: {latest.latest_note}", latest.latest_update_on


def snapshot_rows(snapshot: AuditSnapshot) -> tuple[list[str], list[list]]:
    """One row per recommendation; dates stay ``datetime.date`` for the writer to format."""
    headers = [name for name, _ in RECOMMENDATION_COLUMNS]
    rows = []
    for rec in snapshot.recommendations:
        verification = rec.verification
        rows.append(
            [
                rec.number,
                rec.section,
                rec.text,
                priority_text(rec),
                rec.management_response,
                responsibility_text(rec),
                rec.status_label,
                rec.rag.capitalize(),
                *latest_commentary(rec),
                progress_text(rec),
                rec.next_due,
                len(rec.overdue_actions),
                verification.outcome_label if verification else "",
                verification.verified_on if verification else None,
                verification.comment if verification else "",
            ]
        )
    return headers, rows


def action_rows(snapshot: AuditSnapshot) -> tuple[list[str], list[list]]:
    """One row per action of every recommendation's plan, in recommendation order."""
    headers = [name for name, _ in ACTION_COLUMNS]
    rows = []
    for rec in snapshot.recommendations:
        for action in rec.actions:
            owner = action.owner
            if action.owner_partner:
                owner = f"{owner} ({action.owner_partner})"
            rows.append(
                [
                    rec.number,
                    action.number,
                    action.description,
                    owner,
                    action.timescale,
                    action.original_due_date,
                    action.due_date,
                    action.slip_count,
                    action.status_label,
                    action.completed_on,
                    action.latest_rag.capitalize(),
                    action.latest_update_on,
                    action.latest_note,
                    action.days_overdue,
                ]
            )
    return headers, rows


def title_lines(snapshot: AuditSnapshot) -> tuple[str, str]:
    audit = snapshot.audit
    title = f"{audit.title}: recommendations and action plan"
    when = date_format(snapshot.on, "j F Y")
    state = "Position at" if snapshot.is_current else "Position as at the end of"
    line = f"{audit.auditor}, report of {date_format(audit.report_date, 'j F Y')}. {state} {when}."
    return title, line


# --- CSV -----------------------------------------------------------------------------------


def audit_csv(snapshot: AuditSnapshot, *, actions: bool = False) -> str:
    """The recommendations (or, with ``actions``, the action plan) as CSV: BOM, ISO dates."""
    headers, rows = action_rows(snapshot) if actions else snapshot_rows(snapshot)
    out = io.StringIO()
    out.write("\ufeff")  # so Excel reads the file as UTF-8
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([csv_value(value) for value in row])
    return out.getvalue()


def action_plan_csv(snapshot: AuditSnapshot) -> str:
    return audit_csv(snapshot, actions=True)


# --- XLSX ----------------------------------------------------------------------------------

HEADER_ROW = 4  # under the title, the as-at line and a blank row


def _fill_sheet(ws, columns, rows, title, line):
    ws["A1"] = title
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = line
    wrap = Alignment(wrap_text=True, vertical="top")
    for index, (header, width) in enumerate(columns, start=1):
        cell = ws.cell(row=HEADER_ROW, column=index, value=header)
        cell.font = Font(bold=True)
        cell.alignment = wrap
        ws.column_dimensions[get_column_letter(index)].width = width
    for row_number, row in enumerate(rows, start=HEADER_ROW + 1):
        for index, value in enumerate(row, start=1):
            cell = ws.cell(row=row_number, column=index)
            xlsx_set(cell, value)  # text starting with "=" stays text, never a formula
            cell.alignment = wrap
    last = get_column_letter(len(columns))
    _colour_rag_and_overdue(ws, columns, len(rows))
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=2)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{HEADER_ROW + max(len(rows), 1)}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.center.text = "Page &P of &N"


def _colour_rag_and_overdue(ws, columns, row_count):
    """Conditional formats, so a colour follows the value when someone edits the sheet."""
    first, last = HEADER_ROW + 1, HEADER_ROW + max(row_count, 1)
    for index, (header, _) in enumerate(columns, start=1):
        letter = get_column_letter(index)
        cells = f"{letter}{first}:{letter}{last}"
        if header in RAG_COLUMNS:
            for word, colours in RAG_COLOURS.items():
                ws.conditional_formatting.add(cells, _cell_rule("equal", f'"{word}"', colours))
        elif header in OVERDUE_COLUMNS:
            ws.conditional_formatting.add(cells, _cell_rule("greaterThan", "0", OVERDUE_COLOURS))


def _cell_rule(operator, formula, colours):
    fill, text = colours
    return CellIsRule(
        operator=operator,
        formula=[formula],
        fill=PatternFill(start_color=fill, end_color=fill, fill_type="solid"),
        font=Font(color=text, bold=True),
    )


def audit_xlsx(snapshot: AuditSnapshot) -> bytes:
    """Two sheets, "Recommendations" and "Action plan": header on row 4, frozen, real dates."""
    title, line = title_lines(snapshot)
    workbook = Workbook()
    recommendations = workbook.active
    recommendations.title = "Recommendations"
    _fill_sheet(recommendations, RECOMMENDATION_COLUMNS, snapshot_rows(snapshot)[1], title, line)
    plan = workbook.create_sheet("Action plan")
    _fill_sheet(plan, ACTION_COLUMNS, action_rows(snapshot)[1], title, line)
    workbook.properties.title = title
    workbook.properties.subject = line
    workbook.properties.creator = settings.ORGANISATION_NAME
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


# --- PDF -----------------------------------------------------------------------------------


def _no_fetch(url, *args, **kwargs):
    """WeasyPrint's fetcher: the report embeds everything; nothing is fetched, ever."""
    raise ValueError(f"The progress report does not fetch {url}")


def _priority_levels(snapshot: AuditSnapshot) -> dict[int, tuple[str, str]]:
    """{rank: (symbol, label)} of the audit's scale, most serious first."""
    levels = {
        level.rank: (level.symbol, level.label)
        for level in snapshot.audit.priority_scale.levels.order_by("rank")
    }
    for rec in snapshot.recommendations:  # a level since removed from the scale
        levels.setdefault(rec.priority_rank, (rec.priority_symbol, rec.priority_label))
    return dict(sorted(levels.items()))


def _priority_summary(snapshot: AuditSnapshot, levels) -> tuple[list[dict], list[int]]:
    """Per priority and in total: recommendations by status, all, with overdue actions, and
    verified implemented by the auditor.

    Counted from the snapshot's rows only, which are already restricted to the user.
    """
    rows = []
    for rank, (symbol, label) in levels.items():
        recs = [r for r in snapshot.recommendations if r.priority_rank == rank]
        by_status = [sum(1 for r in recs if r.status == value) for value, _ in STATUSES]
        overdue = sum(1 for r in recs if r.overdue_actions)
        verified = sum(
            1
            for r in recs
            if r.verification and r.verification.outcome == VerificationOutcome.IMPLEMENTED
        )
        rows.append(
            {"symbol": symbol, "label": label, "cells": [*by_status, len(recs), overdue, verified]}
        )
    totals = [sum(row["cells"][i] for row in rows) for i in range(len(STATUSES) + 3)]
    return rows, totals


def _action_summary(actions) -> list[tuple[str, int]]:
    """(label, count) of the actions shown: by status, overdue, moved, latest RAG."""
    live = [a for a in actions if a.status != ActionStatus.CANCELLED]
    counts = [
        (label, sum(1 for a in actions if a.status == value))
        for value, label in ActionStatus.choices
    ]
    counts += [
        ("Overdue", sum(1 for a in actions if a.days_overdue)),
        ("Due date moved", sum(1 for a in actions if a.is_revised or a.slip_count)),
    ]
    counts += [
        (f"Latest RAG {label.lower()}", sum(1 for a in live if a.latest_rag == value))
        for value, label in Rag.choices
    ]
    counts.append(("No progress reported", sum(1 for a in live if not a.latest_update_on)))
    return counts


def report_context(snapshot: AuditSnapshot, *, committee: str = "") -> dict:
    levels = _priority_levels(snapshot)
    summary, totals = _priority_summary(snapshot, levels)
    pairs = [(rec, action) for rec in snapshot.recommendations for action in rec.actions]
    overdue = sorted(
        ((rec, a) for rec, a in pairs if a.days_overdue),
        key=lambda pair: -pair[1].days_overdue,
    )
    return {
        "title": REPORT_TITLE,
        "audit": snapshot.audit,
        "snapshot": snapshot,
        "committee": committee or DEFAULT_COMMITTEE,
        "organisation_name": settings.ORGANISATION_NAME,
        "service_name": settings.SERVICE_NAME,
        "levels": list(levels.values()),
        "summary_headers": [label for _, label in STATUSES]
        + ["Total", "With overdue actions", "Verified implemented"],
        "summary": summary,
        "totals": totals,
        "total": len(snapshot.recommendations),
        "rows": [(rec, responsibility_text(rec)) for rec in snapshot.recommendations],
        "action_summary": _action_summary([a for _, a in pairs]),
        "actions_total": len(pairs),
        "overdue": overdue,
    }


def progress_report_html(snapshot: AuditSnapshot, request=None, *, committee: str = "") -> str:
    if not committee and request is not None:
        committee = request.GET.get("committee", "").strip()[:200]
    return render_to_string(
        "recommendations/report_pdf.html", report_context(snapshot, committee=committee)
    )


def render_progress_report(snapshot: AuditSnapshot, request=None, *, committee: str = ""):
    """The laid-out report (a ``weasyprint.Document``: ``pages``, ``write_pdf()``)."""
    import weasyprint  # heavy; loaded only when a report is asked for

    html = progress_report_html(snapshot, request, committee=committee)
    base_url = request.build_absolute_uri("/") if request is not None else None
    return weasyprint.HTML(string=html, base_url=base_url, url_fetcher=_no_fetch).render()


def progress_report_pdf(snapshot: AuditSnapshot, request=None, *, committee: str = "") -> bytes:
    """The committee's "recommendations progress report" as PDF bytes (A4, landscape).

    Tagged (headings, tables and reading order), so a screen reader can read it.
    """
    return render_progress_report(snapshot, request, committee=committee).write_pdf(pdf_tags=True)
