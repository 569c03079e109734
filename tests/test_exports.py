"""Exports of an audit: XLSX and CSV in the Appendix 1 layout, the committee's PDF report.

The data are a few rows of Appendix 1 of the 2007 audit in shared/seeds/ (recommendations 1,
6, 8 and 10), with statuses, a slipped action and verifications as things might stand on
2 September 2008, the day of the director's report to the Executive Board.
"""

import csv
import datetime
import io
import re
import zlib

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from partners.models import ActionStatus
from partners.services import action_slip
from recommendations import exports
from recommendations import snapshot as snapshots
from recommendations.models import RecommendationStatus, Verification, VerificationOutcome
from tests import factories as f
from trust import clock
from trust.permissions import Role
from trust.services import record_save

TODAY = datetime.date(2008, 9, 2)
HEADERS = [
    "No.",
    "Section",
    "Recommendation",
    "Priority",
    "Management response",
    "Responsibility and timescale",
    "Status",
    "RAG",
    "Latest commentary",
    "Commentary date",
    "Progress",
    "Next due date",
    "Overdue actions",
    "Verification",
    "Verified on",
    "Verification comment",
]
ACTION_HEADERS = [
    "Recommendation",
    "Action",
    "Description",
    "Owner",
    "Timescale",
    "Original due date",
    "Current due date",
    "Times slipped",
    "Status",
    "Completed on",
    "Latest RAG",
    "Latest update",
    "Latest commentary",
    "Days overdue",
]


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)


def d(year, month, day):
    return datetime.date(year, month, day)


def add_actions(rec, owner, rows):
    actions = []
    for number, (description, timescale, due, status, completed_on) in enumerate(rows, start=1):
        actions.append(
            f.ActionFactory(
                plan=rec.action_plan,
                number=number,
                description=description,
                owner=owner,
                timescale=timescale,
                original_due_date=due,
                due_date=due,
                status=status,
                completed_on=completed_on,
            )
        )
    return actions


@pytest.fixture
def seed(db):
    """The audit with four of its twelve recommendations, their actions and verifications."""
    scale = f.PriorityScaleFactory(name="Residual risk (Audit Commission)")
    levels = {level.symbol: level for level in scale.levels.all()}
    audit = f.AuditFactory(
        title="Children and Young People's Agenda – Partnership Working",
        auditor="KPMG LLP for the Audit Commission",
        audited_body="Leeds City Council",
        report_date=d(2007, 11, 1),
        priority_scale=scale,
    )
    council = f.PartnerFactory(name="Leeds City Council", sector="local_authority")
    pct = f.PartnerFactory(name="Leeds Primary Care NHS Trust", sector="health")
    barbara = f.PersonFactory(name="Barbara Newton", partner=council)
    david = f.PersonFactory(name="David McDermott", partner=council)
    john = f.PersonFactory(name="John Maynard", partner=pct)
    dcs = f.UserFactory(username="dcs", role=Role.DCS)
    auditor = f.UserFactory(username="auditor", role=Role.AUDITOR)
    done, doing, todo = ActionStatus.COMPLETE, ActionStatus.IN_PROGRESS, ActionStatus.NOT_STARTED

    rec1 = f.RecommendationFactory(
        audit=audit,
        number="1",
        priority=levels["**"],
        text="The Director of Children's Services should ensure that all partners within the "
        "trust arrangements are aware of the structure of the arrangements.",
        management_response="Draw attention to structure diagram and briefing pack.\n"
        "Outcomes of Governance seminar fed back to individual boards.\n"
        "Self-evaluation process to be incorporated into 2008 Governance.",
        responsibility="Barbara Newton & Adam Hewitt – October 2007 By December 2007 Spring 2008",
        timescale="October 2007 By December 2007 Spring 2008",
        status=RecommendationStatus.IN_PROGRESS,
    )
    rec1.responsible_officers.set([barbara])
    *_, slipped = add_actions(
        rec1,
        barbara,
        [
            ("Draw attention to structure diagram.", "October 2007", d(2007, 10, 31), done,
             d(2007, 10, 26)),
            ("Outcomes of Governance seminar fed back.", "By December 2007", d(2007, 12, 31),
             done, d(2007, 12, 12)),
            ("Self-evaluation process.", "Spring 2008", d(2008, 5, 31), doing, None),
        ],
    )  # fmt: skip
    action_slip(
        slipped,
        new_date=d(2008, 10, 31),
        reason="Folded into the second Governance Seminar",
        agreed_by=barbara,
        by=dcs,
    )

    rec6 = f.RecommendationFactory(
        audit=audit,
        number="6",
        priority=levels["***"],
        text="The Director of Children's Services needs to consider how the achievement of "
        "objectives and improved outcomes as a result of partnership working is monitored.",
        management_response="Six month performance monitoring update of CYPP.\n"
        "Integrate performance monitoring for LCC and ISCB.\n"
        "Wider review of performance monitoring arrangements.",
        responsibility="John Maynard – October 2007 October 2007 January 2008",
        timescale="October 2007 October 2007 January 2008",
        status=RecommendationStatus.IN_PROGRESS,
    )
    rec6.responsible_officers.set([john])
    add_actions(
        rec6,
        john,
        [
            ("Six month performance monitoring update.", "October 2007", d(2007, 10, 31), done,
             d(2007, 10, 30)),
            ("Integrate performance monitoring.", "October 2007", d(2007, 10, 31), doing, None),
            ("Wider review of monitoring.", "January 2008", d(2008, 1, 31), todo, None),
        ],
    )  # fmt: skip
    f.ProgressUpdateFactory(action=rec6.action_plan.actions.get(number=2), rag="red")

    rec8 = f.RecommendationFactory(
        audit=audit,
        number="8",
        priority=levels["*"],
        text="The Director of Children's Services should develop a communications plan for "
        "the partnership.",
        management_response="Communications plan under development.",
        responsibility="Barbara Newton – November 2007",
        timescale="November 2007",
        status=RecommendationStatus.IMPLEMENTED,
    )
    rec8.responsible_officers.set([barbara])
    add_actions(
        rec8,
        barbara,
        [("Communications plan.", "November 2007", d(2007, 11, 30), done, d(2007, 11, 28))],
    )

    rec10 = f.RecommendationFactory(
        audit=audit,
        number="10",
        priority=levels["***"],
        text="The exercise of identifying current resources should be completed and a plan "
        "developed.",
        management_response="Report on deployment of resources submitted to ISCB.\n"
        "Service Prioritisation and Commissioning Forum established.",
        responsibility="David McDermott – September 2007",
        timescale="September 2007 October 2007",
        status=RecommendationStatus.IMPLEMENTED,
    )
    rec10.responsible_officers.set([david])
    add_actions(
        rec10,
        david,
        [
            ("Report on deployment of resources.", "September 2007", d(2007, 9, 30), done,
             d(2007, 9, 25)),
            ("Forum established.", "October 2007", d(2007, 10, 31), ActionStatus.CANCELLED,
             None),
        ],
    )  # fmt: skip
    for rec, outcome, day in (
        (rec6, VerificationOutcome.PARTLY, d(2008, 6, 30)),
        (rec8, VerificationOutcome.IMPLEMENTED, d(2008, 7, 15)),
    ):
        record_save(
            Verification(
                recommendation=rec,
                outcome=outcome,
                verified_on=day,
                comment="Seen the minutes of the board.",
                auditor=auditor,
            ),
            by=auditor,
        )
    return {"audit": audit, "dcs": dcs, "auditor": auditor, "pct": pct, "scale": scale}


def export(client, audit, **params):
    return client.get(reverse("recommendations:audit_export", args=[audit.pk]), params)


def workbook(response):
    return load_workbook(io.BytesIO(response.content))


def data_rows(sheet):
    return [row for row in sheet.iter_rows(min_row=5, values_only=True) if any(row)]


def pdf_page_count(content: bytes) -> int:
    """Pages of a PDF, counted in its (possibly compressed) object streams."""
    chunks = [content]
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", content, re.S):
        try:
            chunks.append(zlib.decompress(stream))
        except zlib.error:
            continue
    return sum(len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", chunk)) for chunk in chunks)


def box_texts(document):
    """Every piece of text WeasyPrint laid out, page by page."""

    def walk(box):
        if getattr(box, "text", None):
            yield box.text
        for child in getattr(box, "children", None) or []:
            yield from walk(child)

    return [list(walk(page._page_box)) for page in document.pages]


def test_xlsx_has_the_appendix_layout_and_one_row_per_recommendation(client, seed):
    client.force_login(seed["dcs"])
    response = export(client, seed["audit"], format="xlsx")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"] == (
        f'attachment; filename="audit-{seed["audit"].pk}-recommendations-2008-09-02.xlsx"'
    )
    book = workbook(response)
    assert book.sheetnames == ["Recommendations", "Action plan"]
    sheet = book["Recommendations"]
    assert "Partnership Working" in sheet["A1"].value
    assert "2 September 2008" in sheet["A2"].value
    assert [cell.value for cell in sheet[4]] == HEADERS
    assert all(cell.font.bold for cell in sheet[4])
    assert sheet.freeze_panes == "B5"
    rows = data_rows(sheet)
    assert [row[0] for row in rows] == ["1", "6", "8", "10"]
    by_number = {row[0]: dict(zip(HEADERS, row, strict=True)) for row in rows}
    assert by_number["1"]["Priority"] == "** Some residual risk"
    assert by_number["6"]["Priority"] == "*** Significant residual risk"
    assert by_number["1"]["Responsibility and timescale"].startswith("Barbara Newton & Adam")
    assert by_number["1"]["Progress"] == "2 of 3 actions done"
    assert by_number["10"]["Progress"] == "1 of 1 actions done"  # the cancelled one left out
    assert by_number["1"]["Next due date"] == datetime.datetime(2008, 10, 31)
    assert by_number["6"]["Overdue actions"] == 2
    assert by_number["6"]["Verification"] == "Partly implemented"
    assert by_number["6"]["Verified on"] == datetime.datetime(2008, 6, 30)
    assert by_number["8"]["Verification comment"] == "Seen the minutes of the board."
    assert by_number["1"]["Verification"] is None
    date_cell = sheet.cell(row=5, column=HEADERS.index("Next due date") + 1)
    assert date_cell.is_date and date_cell.number_format == exports.EXCEL_DATE_FORMAT


def test_xlsx_action_plan_sheet_shows_original_and_current_dates(client, seed):
    client.force_login(seed["dcs"])
    sheet = workbook(export(client, seed["audit"], format="xlsx"))["Action plan"]

    assert [cell.value for cell in sheet[4]] == ACTION_HEADERS
    rows = [dict(zip(ACTION_HEADERS, row, strict=True)) for row in data_rows(sheet)]
    assert [(row["Recommendation"], row["Action"]) for row in rows] == [
        ("1", 1), ("1", 2), ("1", 3), ("6", 1), ("6", 2), ("6", 3), ("8", 1), ("10", 1), ("10", 2)
    ]  # fmt: skip
    slipped = rows[2]
    assert slipped["Original due date"] == datetime.datetime(2008, 5, 31)
    assert slipped["Current due date"] == datetime.datetime(2008, 10, 31)
    assert slipped["Times slipped"] == 1
    assert slipped["Days overdue"] == 0
    late = rows[4]
    assert late["Owner"] == "John Maynard (Leeds Primary Care NHS Trust)"
    assert late["Latest RAG"] == "Red"
    assert late["Days overdue"] == (TODAY - d(2007, 10, 31)).days
    assert rows[0]["Completed on"] == datetime.datetime(2007, 10, 26)
    assert rows[8]["Status"] == "Cancelled"


def test_csv_exports_read_back_with_iso_dates(client, seed):
    client.force_login(seed["dcs"])
    response = export(client, seed["audit"], format="csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].endswith('-recommendations-2008-09-02.csv"')
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert [row["No."] for row in rows] == ["1", "6", "8", "10"]
    assert rows[0]["Next due date"] == "2008-10-31"
    assert rows[1]["Verified on"] == "2008-06-30"
    assert rows[1]["Priority"] == "*** Significant residual risk"

    response = export(client, seed["audit"], format="csv-actions")
    assert response["Content-Disposition"].endswith('-action-plan-2008-09-02.csv"')
    actions = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert list(actions[0]) == ACTION_HEADERS
    assert len(actions) == 9
    assert actions[2]["Original due date"] == "2008-05-31"
    assert actions[2]["Current due date"] == "2008-10-31"


def test_pdf_progress_report_renders_a_few_pages(client, seed):
    client.force_login(seed["dcs"])
    response = export(client, seed["audit"], format="pdf", committee="Executive Board")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].endswith('-progress-report-2008-09-02.pdf"')
    assert response.content.startswith(b"%PDF")
    assert len(response.content) > 5000
    assert 2 <= pdf_page_count(response.content) <= 8


def test_pdf_text_has_the_cover_the_summary_and_every_recommendation(rf, seed):
    snapshot = snapshots.current_snapshot(seed["audit"], seed["dcs"])
    request = rf.get("/", {"committee": "Executive Board"})
    document = exports.render_progress_report(snapshot, request)
    pages = box_texts(document)
    text = " ".join(" ".join(page) for page in pages)

    assert 2 <= len(pages) <= 8
    assert len(pages) == pdf_page_count(document.write_pdf())
    cover = " ".join(pages[0])
    assert "Recommendations progress report" in cover
    assert "Report to the Executive Board" in cover
    assert "Position at 2 September 2008" in cover
    words = {piece.strip() for page in pages for piece in page}
    for number in ("1", "6", "8", "10"):
        assert number in words, number  # each recommendation heads its own table row
    for heading in ("Summary", "Appendix 1: Recommendations and action plan", "Overdue actions"):
        assert heading in text
    assert "*** Significant residual risk" in text
    assert {"6.2", "6.3", "1.3"} <= words  # every action under its recommendation
    assert "Page 2 of" in text
    html = exports.progress_report_html(snapshot, committee="")
    assert exports.DEFAULT_COMMITTEE in html


def test_partner_staff_get_only_their_organisations_rows(client, seed):
    client.force_login(f.partner_user(seed["pct"]))
    book = workbook(export(client, seed["audit"], format="xlsx"))

    assert [row[0] for row in data_rows(book["Recommendations"])] == ["6"]
    assert {row[0] for row in data_rows(book["Action plan"])} == {"6"}
    response = export(client, seed["audit"], format="pdf")
    assert response.status_code == 200


def test_partner_staff_get_404_for_an_audit_outside_their_scope(client, seed):
    other = f.RecommendationFactory().audit
    client.force_login(f.partner_user(seed["pct"]))

    assert export(client, other, format="xlsx").status_code == 404
    assert export(client, other, format="pdf").status_code == 404


@pytest.mark.parametrize("kind", ["xlsx", "csv", "csv-actions", "pdf"])
def test_auditors_may_export_every_format(client, seed, kind):
    client.force_login(seed["auditor"])

    response = export(client, seed["audit"], format=kind)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_exports_need_a_sign_in(client, seed):
    response = export(client, seed["audit"], format="xlsx")
    assert response.status_code == 302 and "sign-in" in response["Location"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"format": "docx"}, "Choose a format to download"),
        ({"date": "2007-10-31"}, "on or after the audit&#x27;s report date, 1 November 2007"),
        ({"date": "2008-09-03"}, "today or in the past"),
        ({"date": "2008-02-30"}, "must be a real date"),
        ({"date-day": "1", "date-month": "", "date-year": "2008"}, "day, month and year"),
        ({"date-day": "1", "date-month": "1", "date-year": "9" * 20}, "must be a real date"),
    ],
)
def test_impossible_requests_are_refused_with_a_message(client, seed, params, message):
    client.force_login(seed["dcs"])

    response = export(client, seed["audit"], **params)

    assert response.status_code == 400
    assert message in response.content.decode()


def test_as_at_export_explains_when_history_as_at_is_not_available(client, seed, monkeypatch):
    monkeypatch.delattr(snapshots, "snapshot_as_at", raising=False)
    client.force_login(seed["dcs"])

    response = export(client, seed["audit"], format="xlsx", date="2008-06-30")

    assert response.status_code == 400
    assert "not available yet" in response.content.decode()


def test_as_at_today_is_the_current_position(client, seed):
    client.force_login(seed["dcs"])
    response = export(client, seed["audit"], format="csv", date="2008-09-02")
    assert response.status_code == 200


def test_as_at_export_shows_the_position_at_the_end_of_that_day(client, db, monkeypatch):
    if getattr(snapshots, "snapshot_as_at", None) is None:
        pytest.skip("recommendations.snapshot.snapshot_as_at has not landed yet")
    moment = [timezone.make_aware(datetime.datetime(2008, 6, 1, 10))]
    monkeypatch.setattr(timezone, "now", lambda: moment[0])
    scale = f.PriorityScaleFactory()
    dcs = f.UserFactory(username="dcs", role=Role.DCS)
    audit = f.AuditFactory(report_date=d(2007, 11, 1), priority_scale=scale)
    rec = f.RecommendationFactory(audit=audit, number="1")
    moment[0] = timezone.make_aware(datetime.datetime(2008, 8, 1, 10))
    rec.status = RecommendationStatus.IMPLEMENTED
    record_save(rec, by=dcs, reason="Board confirmed")
    moment[0] = timezone.make_aware(datetime.datetime(2008, 9, 2, 10))
    client.force_login(dcs)

    before = export(client, audit, format="csv", date="2008-07-31")
    after = export(client, audit, format="csv", date="2008-08-01")

    assert before.status_code == after.status_code == 200
    assert before["Content-Disposition"].endswith('-recommendations-2008-07-31.csv"')
    rows_before = list(csv.DictReader(io.StringIO(before.content.decode("utf-8-sig"))))
    rows_after = list(csv.DictReader(io.StringIO(after.content.decode("utf-8-sig"))))
    assert [row["Status"] for row in rows_before] == ["Not started"]
    assert [row["Status"] for row in rows_after] == ["Implemented"]


def test_text_that_looks_like_a_formula_stays_text(client, seed):
    rec = seed["audit"].recommendations.get(number="8")
    rec.management_response = '=HYPERLINK("http://example.org","Click")'
    record_save(rec, by=seed["dcs"])
    client.force_login(seed["dcs"])

    sheet = workbook(export(client, seed["audit"], format="xlsx"))["Recommendations"]
    cell = sheet.cell(row=7, column=HEADERS.index("Management response") + 1)
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")
    text = export(client, seed["audit"], format="csv").content.decode("utf-8-sig")
    row = list(csv.DictReader(io.StringIO(text)))[2]
    assert row["Management response"].startswith("'=HYPERLINK")


def test_the_download_section_links_every_format_with_labelled_fields(seed):
    from django.template.loader import render_to_string

    html = render_to_string("recommendations/audit_downloads.html", {"audit": seed["audit"]})
    url = reverse("recommendations:audit_export", args=[seed["audit"].pk])
    for kind in ("xlsx", "csv", "csv-actions", "pdf"):
        assert f'href="{url}?format={kind}"' in html
    for input_id in re.findall(r'<input[^>]* id="([^"]+)"', html):
        assert f'for="{input_id}"' in html, input_id
