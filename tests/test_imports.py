"""Importing a new audit from a spreadsheet: all or nothing, every problem with its row and column.

The rows are from Appendix 1 of the 2007 audit in shared/seeds/.
"""

import csv
import datetime
import io

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from partners.models import Action, ActionPlan
from recommendations import imports
from recommendations.models import Audit, Recommendation
from tests import factories as f
from trust import clock
from trust.permissions import Role

URL = reverse("recommendations:audit_import")
HEADER = [
    "Number",
    "Section",
    "Recommendation",
    "Priority",
    "Management response",
    "Responsibility",
    "Timescale",
]
REC_1 = [
    "1",
    "3.3",
    "The Director of Children's Services should ensure that all partners within the trust "
    "arrangements are aware of the structure of the arrangements and the rationale for this.",
    "**",
    "Draw attention to structure diagram and briefing pack on Children Leeds website.\n"
    "Outcomes of Governance seminar fed back to individual boards for action planning.\n"
    "Self-evaluation process to be incorporated into 2008 Governance.",
    "Barbara Newton & Adam Hewitt",
    "October 2007\nBy December 2007\nSpring 2008",
]
REC_6 = [
    "6",
    "4.4",
    "The Director of Children's Services needs to consider how the achievement of objectives "
    "and demonstration of progress and improved outcomes for children is monitored.",
    "* * *",
    "Six month performance monitoring update of CYPP to be completed.\n"
    "Work to integrate performance monitoring for LCC and ISCB to be completed.\n"
    "Wider review of performance monitoring arrangements for all elements of the partnership.",
    "John Maynard",
    "October 2007 October 2007 January 2008",
]
REC_7 = [
    "7",
    "4.5",
    "The roles and responsibilities of the DCS and the Lead Executive Member should be further "
    "promoted and explained.",
    "Some residual risk",
    "Roles and responsibilities of Lead Member and DCS to be included in Memorandum of "
    "Understanding.\nUnderstanding to be reinforced via ECM Update, programme of visits.",
    "Barbara Newton & Adam Hewitt",
    "December 2007\nOngoing",
]
REC_8 = [
    "8",
    "5.2",
    "The Director of Children's Services should develop a communications plan for the partnership.",
    "*",
    "Communications plan under development via Children Leeds Communication Network.",
    "Someone in communications",
    "November 2007",
]


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: datetime.date(2008, 9, 2))


@pytest.fixture
def world(db, client):
    council = f.PartnerFactory(name="Leeds City Council", sector="local_authority")
    pct = f.PartnerFactory(name="Leeds Primary Care NHS Trust", sector="health")
    people = {
        name: f.PersonFactory(name=name, partner=partner)
        for name, partner in (
            ("Barbara Newton", council),
            ("Keith Burton", council),
            ("John Maynard", pct),
            ("Rosemary Archer", council),
        )
    }
    scale = f.PriorityScaleFactory(name="Residual risk (Audit Commission)")
    f.PriorityScaleFactory(
        name="High, medium, low", levels=[("", "High"), ("", "Medium"), ("", "Low")]
    )
    dcs = f.UserFactory(username="dcs", role=Role.DCS)
    client.force_login(dcs)
    return {"scale": scale, "people": people, "dcs": dcs, "pct": pct}


def csv_bytes(rows, header=HEADER):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def post(client, world, content, name="appendix1.csv", **overrides):
    data = {
        "title": "Children and Young People's Agenda – Partnership Working",
        "auditor": "KPMG LLP for the Audit Commission",
        "audited_body": "Leeds City Council",
        "report_date_0": "1",
        "report_date_1": "11",
        "report_date_2": "2007",
        "reference": "2006/07",
        "priority_scale": world["scale"].pk,
        "default_owner": world["people"]["Rosemary Archer"].pk,
        "file": SimpleUploadedFile(name, content),
        **overrides,
    }
    return client.post(URL, data)


def tracked_counts():
    """Rows in every table of the four apps: records, their history and many-to-many links."""
    counts = {}
    for label in ("trust", "partners", "risks", "recommendations"):
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            counts[model._meta.db_table] = model._base_manager.count()
    return counts


def test_the_import_page_is_a_labelled_form(client, world):
    response = client.get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert 'accept=".xlsx,.csv"' in html
    for field in ("file", "title", "auditor", "audited_body", "priority_scale", "default_owner"):
        assert f'for="id_{field}"' in html, field


def test_a_good_csv_creates_the_audit_recommendations_and_actions(client, world):
    response = post(client, world, csv_bytes([REC_1, REC_6, REC_7, REC_8]))

    audit = Audit.objects.get()
    assert response.status_code == 302 and response["Location"] == audit.get_absolute_url()
    assert audit.report_date == datetime.date(2007, 11, 1)
    assert audit.priority_scale == world["scale"]
    recs = {r.number: r for r in Recommendation.objects.filter(audit=audit)}
    assert list(recs) == ["1", "6", "7", "8"]
    assert recs["1"].priority.symbol == "**"
    assert recs["6"].priority.symbol == "***"
    assert recs["7"].priority.label == "Some residual risk"
    assert recs["1"].responsibility == "Barbara Newton & Adam Hewitt"
    assert recs["1"].timescale == "October 2007 By December 2007 Spring 2008"
    people = world["people"]
    assert list(recs["1"].responsible_officers.all()) == [people["Barbara Newton"]]

    def plan(number):
        return list(Action.objects.filter(plan=recs[number].action_plan).order_by("number"))

    first = plan("1")
    assert [a.description[:20] for a in first] == [
        "Draw attention to st",
        "Outcomes of Governan",
        "Self-evaluation proc",
    ]
    assert [a.timescale for a in first] == ["October 2007", "By December 2007", "Spring 2008"]
    assert [a.due_date for a in first] == [
        datetime.date(2007, 10, 31),
        datetime.date(2007, 12, 31),
        datetime.date(2008, 5, 31),
    ]
    assert all(a.original_due_date == a.due_date for a in first)
    assert {a.owner for a in first} == {people["Barbara Newton"]}
    assert [a.due_date for a in plan("6")] == [
        datetime.date(2007, 10, 31),
        datetime.date(2007, 10, 31),
        datetime.date(2008, 1, 31),
    ]
    assert {a.owner for a in plan("6")} == {people["John Maynard"]}
    assert [(a.timescale, a.due_date) for a in plan("7")] == [
        ("December 2007", datetime.date(2007, 12, 31)),
        ("Ongoing", None),
    ]
    # Nobody we know is named for recommendation 8: the chosen officer owns its action.
    assert [a.owner for a in plan("8")] == [people["Rosemary Archer"]]
    assert list(recs["8"].responsible_officers.all()) == []

    response = client.get(response["Location"])
    assert "Imported 4 recommendations and 9 actions from appendix1.csv." in (
        response.content.decode()
    )


def test_the_history_records_the_import_and_who_did_it(client, world):
    post(client, world, csv_bytes([REC_1, REC_8]))

    audit = Audit.objects.get()
    reason = "Imported from appendix1.csv"
    (created,) = audit.history.all()
    assert (created.history_type, created.history_user, created.history_change_reason) == (
        "+",
        world["dcs"],
        reason,
    )
    rec_rows = Recommendation.history.filter(audit_id=audit.pk)
    assert rec_rows.filter(history_type="+").count() == 2  # with its plan already attached
    assert {(r.history_user, r.history_change_reason) for r in rec_rows} == {(world["dcs"], reason)}
    plans = ActionPlan.history.filter(
        id__in=Recommendation.objects.values("action_plan_id"), history_type="+"
    )
    assert {(p.history_user, p.history_change_reason) for p in plans} == {(world["dcs"], reason)}
    action_rows = Action.history.filter(plan_id__in=plans.values("id"))
    assert action_rows.count() == 4
    assert {r.history_user for r in action_rows} == {world["dcs"]}


def appendix_workbook(rows):
    """The report's own layout: a title above, one "Responsibility and timescale" column."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Appendix 1"
    sheet.append(["Appendix 1: Recommendations and action plan"])
    sheet.append([])
    sheet.append(["No.", "Recommendation", "Priority", "Management response",
                  "Responsibility and timescale"])  # fmt: skip
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_good_xlsx_in_the_appendix_layout_imports(client, world):
    content = appendix_workbook(
        [
            [
                3,
                "The Director of Children's Services should develop and agree conflict "
                "resolution procedures and an exit strategy.",
                "**",
                "Legal & Domestic services drafting conflict resolution paragraphs.\n"
                "Risk registers for ISCB, CLP & LSCB to be updated to this effect.\n"
                "See also action 2 above.",
                "Keith Burton – October – December 2007 October 2007",
            ],
            [
                10,
                "The exercise of identifying current resources should be completed.",
                "* * *",
                "Report setting out current deployment of resources submitted to ISCB.",
                "David McDermott – September 2007",
            ],
        ]
    )

    response = post(client, world, content, name="Appendix 1.xlsx")

    assert response.status_code == 302, response.context and response.context.get("problems")
    recs = {r.number: r for r in Recommendation.objects.all()}
    assert list(recs) == ["3", "10"]
    assert recs["3"].responsibility == "Keith Burton – October – December 2007 October 2007"
    assert recs["3"].timescale == "October – December 2007 October 2007"
    actions = list(Action.objects.filter(plan=recs["3"].action_plan).order_by("number"))
    assert [(a.timescale, a.due_date) for a in actions] == [
        ("October – December 2007", datetime.date(2007, 12, 31)),
        ("October 2007", datetime.date(2007, 10, 31)),
        ("October 2007", datetime.date(2007, 10, 31)),  # the last phrase serves the rest
    ]
    assert {a.owner for a in actions} == {world["people"]["Keith Burton"]}
    assert recs["10"].priority.symbol == "***"
    (action,) = Action.objects.filter(plan=recs["10"].action_plan)
    assert action.owner == world["people"]["Rosemary Archer"]  # David McDermott is not known
    assert Audit.history.get().history_change_reason == "Imported from Appendix 1.xlsx"


def test_a_malformed_file_saves_nothing_and_lists_every_problem(client, world):
    rows = [
        [*REC_1[:3], "High", *REC_1[4:]],  # row 2: not on this scale
        ["", *REC_6[1:]],  # row 3: no number
        REC_7,  # row 4
        ["7", *REC_8[1:]],  # row 5: 7 again
        [*REC_8[:6], "Sometime next year"],  # row 6: not a date
    ]
    before = tracked_counts()

    response = post(client, world, csv_bytes(rows))

    assert response.status_code == 200
    assert tracked_counts() == before
    problems = {(p.row, p.column): p.message for p in response.context["problems"]}
    assert set(problems) == {(2, "Priority"), (3, "Number"), (5, "Number"), (6, "Timescale")}
    assert "High" in problems[2, "Priority"]
    assert "also in row 4" in problems[5, "Number"]
    assert 'Cannot read a date from "Sometime next year"' in problems[6, "Timescale"]
    html = response.content.decode()
    assert "There is a problem" in html
    assert "The file has 4 problems, listed below. Nothing was imported" in html
    for row, column in problems:
        assert f'<td class="govuk-table__cell">{row}</td>' in html
        assert f'<td class="govuk-table__cell">{column} <span' in html


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "must be an XLSX or CSV file"),
        ("old.xls", b"\xd0\xcf\x11\xe0" + bytes(200), "old-style .xls workbook"),
        ("broken.xlsx", b"Number,Recommendation\n1,Do it\n", "could not be opened as an XLSX"),
        ("empty.csv", b"", "The submitted file is empty"),
        ("notes.csv", b"Minutes of the meeting\nNothing agreed\n", "has no header row"),
        ("header-only.csv", csv_bytes([]), "no recommendations under the header row"),
        ("no-priority.csv", b"Number,Recommendation\n1,Do it\n", "There is no Priority column"),
    ],
)
def test_a_file_that_is_not_a_usable_spreadsheet_gets_a_clear_error(
    client, world, name, content, message
):
    before = tracked_counts()

    response = post(client, world, content, name=name)

    assert response.status_code == 200
    assert tracked_counts() == before
    assert message in response.content.decode()


def test_an_audit_already_on_file_is_not_imported_twice(client, world):
    post(client, world, csv_bytes([REC_1]))
    response = post(client, world, csv_bytes([REC_1]))

    assert response.status_code == 200
    assert "already an audit with this title and report date" in response.content.decode()
    assert Audit.objects.count() == 1


@pytest.mark.parametrize("role", ["partner", "auditor"])
def test_only_dcs_staff_may_import(client, world, role):
    user = (
        f.partner_user(world["pct"])
        if role == "partner"
        else f.UserFactory(username="auditor", role=Role.AUDITOR)
    )
    client.force_login(user)

    assert client.get(URL).status_code == 403
    assert post(client, world, csv_bytes([REC_1])).status_code == 403
    assert not Audit.objects.exists()


def test_an_exported_workbook_imports_as_a_new_audit(client, world):
    from recommendations import exports
    from recommendations.snapshot import current_snapshot

    post(client, world, csv_bytes([REC_1, REC_6, REC_7]))
    original = Audit.objects.get()
    content = exports.audit_xlsx(current_snapshot(original, world["dcs"]))

    response = post(client, world, content, name="export.xlsx", title="Re-imported")

    assert response.status_code == 302
    copy = Audit.objects.get(title="Re-imported")
    pairs = [(r.number, r.priority_id, r.text) for r in copy.recommendations.all()]
    assert pairs == [(r.number, r.priority_id, r.text) for r in original.recommendations.all()]


def test_headers_are_read_in_any_case_and_priorities_as_symbols_or_words(world):
    rows = imports.parse_upload(
        SimpleUploadedFile(
            "a.csv",
            b"NO.;recommendation;PRIORITY;Management Response\n"
            b"1;Text;* * *;\n2;Text;significant residual risk;\n3;Text;** Some residual risk;\n",
        )
    )

    assert [row.number for row in rows] == ["1", "2", "3"]
    assert [row.row for row in rows] == [2, 3, 4]
    assert imports.validate(rows, world["scale"]) == []
    lookup = imports.priority_lookup(world["scale"])
    assert [imports._find_priority(row.priority, lookup).rank for row in rows] == [1, 1, 2]


def test_timescales_split_into_phrases_in_order():
    assert imports.timescale_slots("October 2007 By December 2007 Spring 2008") == [
        "October 2007",
        "By December 2007",
        "Spring 2008",
    ]
    assert imports.timescale_slots(
        "Barbara Newton & Adam Hewitt – October 2007 Ongoing", lenient=True
    ) == ["October 2007", "Ongoing"]
    with pytest.raises(imports.TimescaleError, match="not a real date"):
        imports.timescale_slots("Keith Burton – 31/02/2008", lenient=True)
