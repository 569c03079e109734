"""Tables declared once (issue 15): sorting keeps the filters, every list exports its rows
(all of them, filtered, sorted, only what the user may see, only the columns they get)."""

import csv
import datetime
import io
import re

import openpyxl
import pytest
from django.test import RequestFactory
from django.urls import reverse

from partners.models import Action, ActionStatus, HostedPriority
from partners.tables import ActionTable
from tests import factories as f
from tests.utils import assert_constant_queries
from trust import clock
from trust.tables import export_response

TODAY = datetime.date(2008, 9, 2)

LIST_PAGES = [
    "trust:component_list",
    "trust:priority_list",
    "partners:partner_list",
    "partners:hostedpriority_list",
    "partners:action_list",
    "risks:riskregister_list",
    "recommendations:audit_list",
    "recommendations:recommendation_list",
]


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)


@pytest.fixture
def dcs(client, db):
    user = f.UserFactory(username="dcs", role="dcs")
    client.person = f.PersonFactory(user=user)
    client.force_login(user)
    return client


def csv_rows(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def xlsx_rows(response):
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def one_of_each():
    rec = f.RecommendationFactory()
    f.ActionFactory(plan=rec.action_plan)
    f.HostedPriorityFactory()
    f.RiskRegisterFactory()
    f.MembershipFactory()


# --- Sorting --------------------------------------------------------------------------------


def test_sorting_by_a_header_orders_rows_and_keeps_the_filters(dcs):
    plan = f.ActionPlanFactory()
    for day in (10, 30, 20):
        f.ActionFactory(
            plan=plan, description=f"Due on the {day}th", due_date=datetime.date(2008, 10, day)
        )
    done = {"status": ActionStatus.COMPLETE, "completed_on": TODAY}
    f.ActionFactory(plan=plan, description="Done already", **done)
    url = reverse("partners:action_list") + "?status=not_started"
    page = dcs.get(url).content.decode()
    # The header links sort, keep the filter and say nothing of the page.
    link = re.search(r'href="(\?[^"]*sort=due_date[^"]*)"', page)
    assert link, page
    assert "status=not_started" in link.group(1)
    assert "page=" not in link.group(1)

    page = dcs.get(url + "&sort=-due_date").content.decode()
    order = [m.group(1) for m in re.finditer(r"Due on the (\d+)th", page)]
    assert order == ["30", "20", "10"]
    assert "Done already" not in page  # the filter still applies
    assert re.search(r'aria-sort="descending"[^>]*>\s*<a[^>]*>Due</a>', page)
    assert page.count("aria-sort=") == 1
    # The next click on the sorted header sorts the other way, still filtered.
    assert re.search(r'href="\?status=not_started&amp;sort=due_date"', page)

    page = dcs.get(url + "&sort=due_date").content.decode()
    order = [m.group(1) for m in re.finditer(r"Due on the (\d+)th", page)]
    assert order == ["10", "20", "30"]
    assert 'aria-sort="ascending"' in page


def test_an_unknown_sort_or_format_is_ignored_or_refused(dcs):
    f.ActionFactory()
    assert dcs.get(reverse("partners:action_list") + "?sort=password").status_code == 200
    export = reverse("partners:action_list_export")
    assert dcs.get(export + "?sort=password").status_code == 200  # CSV by default
    assert dcs.get(export + "?format=exe").status_code == 404


def test_sorting_works_on_every_orderable_column_of_every_list(dcs):
    one_of_each()
    for name in LIST_PAGES:
        page = dcs.get(reverse(name)).content.decode()
        for href in set(re.findall(r'href="(\?sort=[^"]*)"', page)):
            response = dcs.get(reverse(name) + href.replace("&amp;", "&"))
            assert response.status_code == 200, (name, href)


# --- Export links and files -----------------------------------------------------------------


@pytest.mark.parametrize("name", LIST_PAGES)
def test_every_list_page_links_to_its_csv_and_xlsx_export(dcs, name):
    one_of_each()
    export = reverse(f"{name}_export")
    page = dcs.get(reverse(name) + "?q=&sort=-x").content.decode()
    assert "Download as CSV" in page
    assert "Download as XLSX" in page
    assert f'href="{export}?q=&amp;sort=-x&amp;format=csv"' in page
    assert f'href="{export}?q=&amp;sort=-x&amp;format=xlsx"' in page

    response = dcs.get(export + "?format=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert re.fullmatch(
        r'attachment; filename="[a-z-]+-2008-09-02\.csv"', response["Content-Disposition"]
    )
    assert len(csv_rows(response)) >= 2  # the header and at least one row

    response = dcs.get(export + "?format=xlsx")
    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]
    assert response["Content-Disposition"].endswith('-2008-09-02.xlsx"')
    assert len(xlsx_rows(response)) >= 2


def test_an_export_holds_exactly_the_filtered_rows_of_every_page_in_order(dcs):
    plan = f.ActionPlanFactory()
    for n in range(30):
        f.ActionFactory(plan=plan, description=f"Open step {n:02d}")
    for n in range(3):
        f.ActionFactory(
            plan=plan, description=f"Finished {n}", status=ActionStatus.COMPLETE, completed_on=TODAY
        )
    url = reverse("partners:action_list_export") + "?status=not_started&sort=-description"
    response = dcs.get(url + "&format=csv")
    assert response["Content-Disposition"] == 'attachment; filename="actions-2008-09-02.csv"'
    header, *rows = csv_rows(response)
    assert header == ["Action", "For", "Owner", "Due", "Status", "Latest RAG"]
    assert len(rows) == 30  # not just the 25 of the first page
    expected = Action.objects.filter(status=ActionStatus.NOT_STARTED).order_by("-number")
    assert [row[0] for row in rows] == [f"{a.number}. {a.description}" for a in expected]
    assert not any("Finished" in cell for row in rows for cell in row)
    assert rows[0][3] == "2007-12-31"  # dates as ISO in CSV

    header, *rows = xlsx_rows(dcs.get(url + "&format=xlsx"))
    assert len(rows) == 30
    assert rows[0][3] == datetime.datetime(2007, 12, 31)


def test_a_partners_export_has_no_other_partners_rows_or_names(client, db):
    ours = f.PartnerFactory(name="Northern Health Trust")
    theirs = f.PartnerFactory(name="Southern Probation Service")
    user = f.partner_user(partner=ours, username="nht")
    our_person = user.person
    their_person = f.PersonFactory(partner=theirs, name="Ignatius Withheld")
    our_hosted = f.HostedPriorityFactory(host=ours, title="Our improvement area")
    their_hosted = f.HostedPriorityFactory(host=theirs, title="Their secret area")
    f.ActionFactory(plan=our_hosted.action_plan, owner=our_person, description="Our step")
    f.ActionFactory(plan=their_hosted.action_plan, owner=their_person, description="Hidden step")
    client.force_login(user)

    for name, model in (
        ("partners:action_list_export", Action),
        ("partners:hostedpriority_list_export", HostedPriority),
    ):
        visible = model.objects.restrict(user).count()
        assert visible >= 1
        for file_format, read in (("csv", csv_rows), ("xlsx", xlsx_rows)):
            response = client.get(reverse(name) + f"?format={file_format}")
            assert response.status_code == 200
            header, *rows = read(response)
            assert len(rows) == visible, (name, file_format)
            text = repr(rows)
            for secret in ("Southern Probation", "Ignatius", "Withheld", "Their secret", "Hidden"):
                assert secret not in text, (name, file_format, secret)
            assert "Our" in text


class OwnerForDcsOnly(ActionTable):
    dcs_only = ("owner",)


def test_a_partner_does_not_get_columns_declared_dcs_only(db):
    user = f.partner_user(username="partner")
    action = f.ActionFactory(owner=user.person)
    dcs = f.UserFactory(username="dcs", role="dcs")
    rows = Action.objects.filter(pk=action.pk).with_schedule()

    assert "owner" not in [c.name for c in OwnerForDcsOnly(rows, user=user).columns]
    assert "owner" in [c.name for c in OwnerForDcsOnly(rows, user=dcs).columns]
    assert "owner" not in [c.name for c in OwnerForDcsOnly(rows, user=None).columns]
    # Nor in the export of that table.
    header = csv_rows(export_response(OwnerForDcsOnly(rows, user=user), "csv"))[0]
    assert "Owner" not in header
    header = csv_rows(export_response(OwnerForDcsOnly(rows, user=dcs), "csv"))[0]
    assert "Owner" in header


def test_formulas_in_an_export_are_neutralised(dcs):
    f.ActionFactory(description='=HYPERLINK("http://evil.test","Click")')
    f.ActionFactory(description="+1+2", owner=f.PersonFactory(name="@Mention"))
    url = reverse("partners:action_list_export") + "?sort=description&format="
    cells = [cell for row in csv_rows(dcs.get(url + "csv"))[1:] for cell in row]
    # The action cell starts with its number; the owner cell starts with the name.
    assert not any(cell[:1] in ("=", "+", "@") for cell in cells), cells
    assert "'@Mention (Partner organisation" in " ".join(cells)

    response = dcs.get(url + "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f", cell.value


def test_formula_neutralising_is_written_once():
    from recommendations import exports
    from trust import exports as shared

    assert exports.csv_value is shared.csv_value
    assert shared.csv_value("=1+2") == "'=1+2"
    assert shared.csv_value("- a bullet") == "- a bullet"
    assert shared.csv_value("-2+3") == "'-2+3"


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_export_query_counts_do_not_grow_with_rows(dcs, file_format):
    audit = f.AuditFactory()
    hosted = f.HostedPriorityFactory()

    def grow(n):
        for i in range(n):
            rec = f.RecommendationFactory(audit=audit)
            rec.responsible_officers.add(dcs.person)
            plan = rec.action_plan if i % 2 else hosted.action_plan
            action = f.ActionFactory(plan=plan, owner=dcs.person)
            f.ProgressUpdateFactory(action=action)

    for name in ("partners:action_list_export", "recommendations:recommendation_list_export"):
        assert_constant_queries(dcs, reverse(name) + f"?format={file_format}", grow)


# --- Embedded lists -------------------------------------------------------------------------


def test_an_embedded_table_is_the_declared_one_without_sort_links(dcs):
    person = f.PersonFactory()
    f.ActionFactory(owner=person, description="An embedded step")
    page = dcs.get(person.get_absolute_url()).content.decode()
    assert "An embedded step" in page
    assert "Actions they own, overdue first" in page
    assert "sort=" not in page
    assert "Download as CSV" not in page


def test_the_table_names_its_rows_for_a_request_without_a_user():
    request = RequestFactory().get("/")
    assert ActionTable([], user=getattr(request, "user", None)).columns


def test_pages_of_a_sorted_list_neither_repeat_nor_skip_rows(dcs):
    plan = f.ActionPlanFactory()
    for n in range(30):
        f.ActionFactory(plan=plan, description=f"Same status {n:02d}")
    url = reverse("partners:action_list") + "?sort=status&page="
    seen = []
    for page in ("1", "2"):
        seen += re.findall(r"Same status (\d\d)", dcs.get(url + page).content.decode())
    assert sorted(seen) == [f"{n:02d}" for n in range(30)]
