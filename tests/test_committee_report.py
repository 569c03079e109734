"""The committee report: the PDF an audit committee reads and the XLSX behind it.

The PDF is measured as WeasyPrint laid it out for the view (the document the download was
written from), so the tests see pages, rows and lines rather than PDF bytes.
"""

import contextlib
import datetime
import io
import re
import zlib
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils.formats import date_format
from openpyxl import load_workbook
from weasyprint.formatting_structure import boxes

from partners.models import Action, ActionStatus
from recommendations import exports
from recommendations.models import Audit, RecommendationStatus, Verification
from tests import factories as f
from trust import clock
from trust.models import User
from trust.permissions import Role
from trust.services import record_save

TODAY = datetime.date(2008, 9, 2)
APPENDIX_HEADERS = [
    "No.",
    "Recommendation",
    "Priority",
    "Management response",
    "Responsibility and timescale",
    "Status",
    "RAG",
    "Latest progress",
]
# The header of a recommendation's actions, under its row ("Action" spans two columns).
ACTION_HEADERS = [
    "",
    "Action",
    "Owner",
    "Due date: original, current",
    "Status",
    "RAG",
    "Latest update",
]


# --- reading the laid-out document ----------------------------------------------------------


def descendants(box):
    for child in getattr(box, "children", None) or []:
        if isinstance(child, boxes.MarginBox):  # the running footer, not the page's content
            continue
        yield child
        yield from descendants(child)


def line_text(line):
    return "".join(box.text for box in descendants(line) if isinstance(box, boxes.TextBox))


def text_of(box):
    return " ".join(line_text(b) for b in descendants(box) if isinstance(b, boxes.LineBox))


def page_lines(page):
    return [line_text(b) for b in descendants(page._page_box) if isinstance(b, boxes.LineBox)]


def page_text(page):
    return " ".join(page_lines(page))


def appendix_rows(page):
    """Rows of the Appendix 1 table on a page, each as the list of its cells' text."""
    rows = []
    for table in descendants(page._page_box):
        if isinstance(table, boxes.TableBox) and "appendix" in table.element.get("class", ""):
            for row in descendants(table):
                if isinstance(row, boxes.TableRowBox):
                    rows.append([text_of(cell) for cell in row.children])
    return rows


def fullness(page):
    """How far down its content area a page is filled: 0 (empty) to 1 (full)."""
    page_box = page._page_box
    top = page_box.content_box_y()
    lowest = max(
        (
            box.position_y + box.margin_height()
            for box in descendants(page_box)
            if isinstance(box, (boxes.LineBox, boxes.TableRowBox))
        ),
        default=top,
    )
    return (lowest - top) / page_box.height


def words(text):
    return " ".join(text.split())


@pytest.fixture
def laid_out(monkeypatch):
    """The documents WeasyPrint laid out for the PDF downloads made during the test."""
    documents = []
    render = exports.render_progress_report

    def recording(*args, **kwargs):
        documents.append(render(*args, **kwargs))
        return documents[-1]

    monkeypatch.setattr(exports, "render_progress_report", recording)
    return documents


def download(client, audit, **params):
    return client.get(reverse("recommendations:audit_export", args=[audit.pk]), params)


# --- the demo audit --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo audit's PDF and XLSX as DCS staff download them, and what they should show.

    The demo takes most of a minute to load, so it is loaded once for this module inside a
    transaction that is rolled back at the end.
    """
    recorded = []
    render = exports.render_progress_report

    def recording(*args, **kwargs):
        recorded.append(render(*args, **kwargs))
        return recorded[-1]

    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        audit = Audit.objects.get()
        client = Client()
        client.force_login(User.objects.get(username="dcs"))
        exports.render_progress_report = recording
        try:
            pdf = download(client, audit, format="pdf")
        finally:
            exports.render_progress_report = render
        recommendations = [
            SimpleNamespace(
                number=rec.number,
                management_response=rec.management_response,
                actions=list(
                    Action.objects.filter(plan=rec.action_plan_id)
                    .select_related("owner")
                    .order_by("number")
                ),
            )
            for rec in audit.recommendations.all()
        ]
        transaction.set_rollback(True)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    return SimpleNamespace(document=recorded[0], recommendations=recommendations)


def test_the_demo_pdf_shows_all_twelve_recommendations_in_the_appendix_1_layout(demo):
    rows = [row for page in demo.document.pages for row in appendix_rows(page)]
    by_key = {row[0]: row for row in rows if row[0] != "No."}
    numbers = [rec.number for rec in demo.recommendations]

    assert numbers == [str(n) for n in range(1, 13)]
    assert APPENDIX_HEADERS in rows
    for rec in demo.recommendations:
        row = by_key[rec.number]
        assert len(row) == len(APPENDIX_HEADERS), rec.number
        response = words(row[APPENDIX_HEADERS.index("Management response")])
        for line in rec.management_response.splitlines():
            assert words(line) in response, (rec.number, line)  # full text, never cut with "…"
        assert "…" not in " ".join(row)


def test_the_demo_pdf_lists_each_recommendations_actions_with_owner_dates_and_status(demo):
    rows = {row[0]: " ".join(row) for page in demo.document.pages for row in appendix_rows(page)}
    actions = [(rec.number, action) for rec in demo.recommendations for action in rec.actions]

    assert len(actions) > 12
    for number, action in actions:
        row = words(rows[f"{number}.{action.number}"])
        assert action.owner.name in row, (number, action.number)
        if action.original_due_date:
            assert date_format(action.original_due_date, "j F Y") in row
        if action.due_date != action.original_due_date:
            assert date_format(action.due_date, "j F Y") in row
        assert action.get_status_display() in row


def test_no_page_of_the_demo_pdf_is_less_than_a_third_full_except_the_last(demo):
    pages = demo.document.pages
    filled = [round(fullness(page), 2) for page in pages]

    assert len(pages) >= 3
    assert all(share >= 1 / 3 for share in filled[:-1]), filled
    assert all(page.width > page.height for page in pages)  # landscape A4


def test_the_appendix_header_repeats_and_no_recommendation_row_is_split(demo):
    pages = [appendix_rows(page) for page in demo.document.pages]
    seen = {}

    for index, rows in enumerate(pages):
        if rows:
            assert rows[0] == APPENDIX_HEADERS, index
        for row in rows[1:]:
            if row[0]:  # not the header of a recommendation's actions
                seen.setdefault(row[0], set()).add(index)
    assert sum(1 for rows in pages if rows) >= 3
    split = {key: on for key, on in seen.items() if len(on) > 1}
    assert split == {}


def test_the_demo_cover_carries_the_summary_so_it_is_not_near_empty(demo):
    cover = demo.document.pages[0]
    text = page_text(cover)

    assert "Recommendations progress report" in text
    assert "Recommendations by priority and status" in text
    assert "With overdue actions" in text and "Verified implemented" in text
    assert appendix_rows(cover) == []
    assert fullness(cover) >= 1 / 3


# --- small audits with known answers ---------------------------------------------------------


@pytest.fixture
def world(db, monkeypatch):
    """Two recommendations: one answered by the council alone, one with a PCT action."""
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    audit = f.AuditFactory(title="Partnership working", report_date=datetime.date(2007, 11, 1))
    levels = list(audit.priority_scale.levels.order_by("rank"))
    council = f.PartnerFactory(name="Leeds City Council")
    pct = f.PartnerFactory(name="Leeds Primary Care NHS Trust")
    barbara = f.PersonFactory(name="Barbara Newton", partner=council)
    john = f.PersonFactory(name="John Maynard", partner=pct)
    first = f.RecommendationFactory(
        audit=audit,
        number="1",
        priority=levels[1],
        text="Make partners aware of the structure.\nReview the Governance Seminar.",
        management_response="Draw attention to structure diagram.\nFeed back to boards.",
        status=RecommendationStatus.IMPLEMENTED,
    )
    done = f.ActionFactory(
        plan=first.action_plan,
        number=1,
        description="Council-only step",
        owner=barbara,
        status=ActionStatus.COMPLETE,
        completed_on=datetime.date(2007, 12, 10),
    )
    f.ProgressUpdateFactory(
        action=done, date=datetime.date(2007, 12, 10), note="Diagram published.", rag="green"
    )
    sixth = f.RecommendationFactory(
        audit=audit,
        number="6",
        priority=levels[0],
        text="Monitor outcomes of partnership working.",
        status=RecommendationStatus.IN_PROGRESS,
    )
    late = f.ActionFactory(
        plan=sixth.action_plan,
        number=1,
        description="Integrate performance monitoring",
        owner=john,
        original_due_date=datetime.date(2007, 10, 31),
        due_date=datetime.date(2007, 10, 31),
        status=ActionStatus.IN_PROGRESS,
    )
    f.ProgressUpdateFactory(
        action=late, date=datetime.date(2008, 1, 5), note="Old news.", rag="amber"
    )
    f.ProgressUpdateFactory(
        action=late,
        date=datetime.date(2008, 7, 14),
        note="Data sharing agreed.\nSystems still separate.",
        rag="red",
    )
    auditor = f.UserFactory(username="auditor", role=Role.AUDITOR)
    record_save(
        Verification(
            recommendation=first,
            outcome="implemented",
            verified_on=datetime.date(2008, 6, 30),
            comment="Seen the diagram.",
            auditor=auditor,
        ),
        by=auditor,
    )
    record_save(
        Verification(
            recommendation=sixth,
            outcome="partly",
            verified_on=datetime.date(2008, 6, 30),
            comment="Data not yet shared.",
            auditor=auditor,
        ),
        by=auditor,
    )
    return SimpleNamespace(
        audit=audit, pct=pct, dcs=f.UserFactory(username="dcs", role=Role.DCS), auditor=auditor
    )


def test_the_latest_progress_commentary_shows_with_its_date_and_rag(client, world, laid_out):
    client.force_login(world.dcs)

    assert download(client, world.audit, format="pdf").status_code == 200
    rows = {row[0]: row for page in laid_out[0].pages for row in appendix_rows(page)}
    sixth = rows["6"]
    assert sixth[APPENDIX_HEADERS.index("RAG")] == "Red"
    progress = words(sixth[APPENDIX_HEADERS.index("Latest progress")])
    assert progress.startswith("14 July 2008, action 6.1:")
    assert "Data sharing agreed. Systems still separate." in progress
    assert "Old news" not in progress
    assert "Verified implemented, 30 June 2008" in words(rows["1"][5])
    assert rows[""] == ACTION_HEADERS
    action = dict(zip(ACTION_HEADERS, rows["6.1"], strict=True))
    assert action["Owner"] == "John Maynard, Leeds Primary Care NHS Trust"
    assert (
        words(action["Status"])
        == f"In progress {(TODAY - datetime.date(2007, 10, 31)).days} days overdue"
    )
    assert action["Latest update"] == "14 July 2008"


def test_text_with_line_breaks_keeps_them_in_the_pdf(client, world, laid_out):
    client.force_login(world.dcs)

    download(client, world.audit, format="pdf")
    lines = [line for page in laid_out[0].pages for line in page_lines(page)]
    for first, second in (
        ("Make partners aware of the structure.", "Review the Governance Seminar."),
        ("Draw attention to structure diagram.", "Feed back to boards."),
        ("Data sharing agreed.", "Systems still separate."),
    ):
        assert first in lines and second in lines  # each on a line of its own
        assert not any(first in line and second in line for line in lines)


def test_the_cover_counts_by_priority_status_overdue_and_verified(client, world, laid_out):
    client.force_login(world.dcs)

    download(client, world.audit, format="pdf")
    text = words(page_text(laid_out[0].pages[0]))
    # Not started, In progress, Implemented, Superseded, Total, With overdue, Verified implemented
    # (the partly implemented verification of 6 is not counted).
    assert "*** Significant residual risk 0 1 0 0 1 1 0" in text
    assert "** Some residual risk 0 0 1 0 1 0 1" in text
    assert "Total 0 1 1 0 2 1 1" in text
    assert "covers 2 recommendations and the 2 actions" in text


def test_partner_staff_get_a_report_of_only_what_they_may_see(client, world, laid_out):
    client.force_login(f.partner_user(world.pct))

    response = download(client, world.audit, format="pdf")

    assert response.status_code == 200
    text = words(" ".join(page_text(page) for page in laid_out[0].pages))
    assert "Integrate performance monitoring" in text
    assert "Council-only step" not in text
    assert "Make partners aware" not in text
    assert "Diagram published" not in text
    assert "covers 1 recommendation and the 1 action" in text
    assert "Total 0 1 0 0 1 1 0" in text  # counted over the rows the partner may see


# --- the XLSX --------------------------------------------------------------------------------


def sheet_rows(sheet):
    headers = [cell.value for cell in sheet[exports.HEADER_ROW]]
    return headers, [
        dict(zip(headers, row, strict=True))
        for row in sheet.iter_rows(min_row=exports.HEADER_ROW + 1, values_only=True)
        if any(row)
    ]


def test_the_xlsx_has_the_latest_commentary_with_its_date(client, world):
    client.force_login(world.dcs)

    book = load_workbook(io.BytesIO(download(client, world.audit, format="xlsx").content))

    _, recs = sheet_rows(book["Recommendations"])
    sixth = next(row for row in recs if row["No."] == "6")
    assert sixth["RAG"] == "Red"
    assert sixth["Latest commentary"] == "Action 6.1: Data sharing agreed.\nSystems still separate."
    assert sixth["Commentary date"] == datetime.datetime(2008, 7, 14)
    _, actions = sheet_rows(book["Action plan"])
    late = next(row for row in actions if row["Recommendation"] == "6")
    assert late["Latest update"] == datetime.datetime(2008, 7, 14)
    assert late["Latest commentary"] == "Data sharing agreed.\nSystems still separate."


def conditional_rules(sheet):
    """{header: [(operator, formula, fill colour)]} of the sheet's conditional formats."""
    headers = [cell.value for cell in sheet[exports.HEADER_ROW]]
    found = {}
    for formatting in sheet.conditional_formatting:
        (cells,) = str(formatting.sqref).split()
        column = re.match(r"[A-Z]+", cells).group()
        first_row = int(re.search(r"\d+", cells).group())
        header = headers[sheet[f"{column}1"].column - 1]
        assert first_row == exports.HEADER_ROW + 1
        found[header] = [
            (rule.operator, rule.formula[0], rule.dxf.fill.fgColor.rgb[-6:])
            for rule in formatting.rules
        ]
    return found


def test_the_xlsx_colours_rag_and_overdue_cells_by_conditional_formats(client, world):
    client.force_login(world.dcs)

    book = load_workbook(io.BytesIO(download(client, world.audit, format="xlsx").content))

    rag = [
        ("equal", '"Red"', "F4CDC6"),
        ("equal", '"Amber"', "FFF7BF"),
        ("equal", '"Green"', "CCE2D8"),
    ]
    overdue = [("greaterThan", "0", "F4CDC6")]
    assert conditional_rules(book["Recommendations"]) == {"RAG": rag, "Overdue actions": overdue}
    assert conditional_rules(book["Action plan"]) == {"Latest RAG": rag, "Days overdue": overdue}


def pdf_objects(content: bytes) -> bytes:
    """The PDF's objects, its compressed streams inflated."""
    chunks = [content]
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", content, re.S):
        with contextlib.suppress(zlib.error):  # a font or image, not an object stream
            chunks.append(zlib.decompress(stream))
    return b"".join(chunks)


def test_the_pdf_is_tagged_so_a_screen_reader_can_read_its_tables(client, world):
    client.force_login(world.dcs)

    content = pdf_objects(download(client, world.audit, format="pdf").content)

    assert b"/StructTreeRoot" in content
    assert b"/Marked true" in content
    assert b"/Table" in content and b"/TH" in content
