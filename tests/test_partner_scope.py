"""Partners reach nothing outside their scope, by any route (issue 14).

One world: a recommendation the partner may open (it names one of its officers) that also
carries another organisation's action, with a distinctive text, owner and due date, which the
partner may not see. Names of people appear wherever a record the partner may open names
them, with their organisation; every count, date and filter is over the rows the partner may
open.
"""

import datetime
import io
import re
from collections import deque
from urllib.parse import urldefrag, urlsplit

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from partners.models import Action, HostedPriority
from recommendations import exports
from recommendations.snapshot import current_snapshot
from tests import factories as f
from trust import clock
from trust.permissions import Role

TODAY = datetime.date(2008, 9, 2)
HIDDEN_TEXT = "Covert Zanzibar rehousing step"
HIDDEN_OWNER = "Zebedee Quartermaine"
HIDDEN_DUE = datetime.date(2008, 6, 17)  # overdue on TODAY: it would light up every flag
HIDDEN_TRACES = (HIDDEN_TEXT, "Zanzibar", HIDDEN_OWNER, "Quartermaine", "17 June 2008")
HIDDEN_DATE_FORMATS = ("2008-06-17", "17/06/2008", "17 Jun 2008")


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)


@pytest.fixture
def world(db):
    return hidden_action_world()


def hidden_action_world():
    """The world of this module (the browser test builds it too, committed)."""
    pct_user = f.partner_user(username="pct")
    pct = pct_user.person.partner
    council = f.PartnerFactory(name="Leeds City Council", short_name="LCC")
    police = f.PartnerFactory(name="West Yorkshire Police", short_name="WYP")
    officer = f.PersonFactory(
        name="Rosalind Hartley", partner=council, job_title="Chief Officer", email="rh@lcc.test"
    )
    hidden_owner = f.PersonFactory(name=HIDDEN_OWNER, partner=police, email="zq@wyp.test")
    audit = f.AuditFactory(title="Children's Trust arrangements")
    rec = f.RecommendationFactory(audit=audit, number="4")
    rec.responsible_officers.set([pct_user.person, officer])
    own = f.ActionFactory(
        plan=rec.action_plan,
        owner=pct_user.person,
        description="Our own visible step",
        original_due_date=datetime.date(2008, 12, 5),
        due_date=datetime.date(2008, 12, 5),
    )
    hidden = f.ActionFactory(
        plan=rec.action_plan,
        owner=hidden_owner,
        description=HIDDEN_TEXT,
        timescale="",
        original_due_date=HIDDEN_DUE,
        due_date=HIDDEN_DUE,
    )
    # A second recommendation of the same audit, wholly another organisation's.
    other_rec = f.RecommendationFactory(audit=audit, number="5", text="Police only matter")
    f.ActionFactory(plan=other_rec.action_plan, owner=hidden_owner, description="Police step")
    dcs = f.UserFactory(username="dcs", role=Role.DCS)
    return {
        "pct_user": pct_user,
        "pct": pct,
        "council": council,
        "police": police,
        "officer": officer,
        "hidden_owner": hidden_owner,
        "audit": audit,
        "rec": rec,
        "own": own,
        "hidden": hidden,
        "dcs": dcs,
    }


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def text_of(response):
    return re.sub(r"\s+", " ", response.content.decode())


# --- Names ---------------------------------------------------------------------------------


def test_a_recommendations_officers_are_named_with_their_organisation_on_every_page(world):
    client = client_for(world["pct_user"])
    pages = {
        "recommendation": world["rec"].get_absolute_url(),
        "audit": world["audit"].get_absolute_url(),
        "list": reverse("recommendations:recommendation_list"),
    }
    for name, url in pages.items():
        page = text_of(client.get(url))
        assert "Rosalind Hartley" in page and "(LCC)" in page, name
        assert "officers of other organisations" not in page, name


def test_another_organisations_person_shows_name_organisation_and_job_title_only(world):
    page = client_for(world["pct_user"]).get(world["officer"].get_absolute_url())
    assert page.status_code == 200
    body = text_of(page)
    assert "Rosalind Hartley" in body and "Chief Officer" in body and "Leeds City Council" in body
    assert "rh@lcc.test" not in body and "Actions they own" not in body


def test_own_organisations_person_shows_contact_details(world):
    own = world["pct_user"].person
    own.email = "me@pct.test"
    own.save()
    body = text_of(client_for(world["pct_user"]).get(own.get_absolute_url()))
    assert "me@pct.test" in body and "Actions they own" in body


def test_a_person_no_visible_record_names_is_not_reachable(world):
    client = client_for(world["pct_user"])
    assert client.get(world["hidden_owner"].get_absolute_url()).status_code == 404
    # Nor offered as a filter choice that would confirm they exist.
    page = text_of(client.get(reverse("recommendations:recommendation_list")))
    assert HIDDEN_OWNER not in page


# --- Counts and dates ----------------------------------------------------------------------


def test_counts_and_next_due_cover_only_the_actions_a_partner_may_see(world):
    page = text_of(client_for(world["pct_user"]).get(world["audit"].get_absolute_url()))
    assert "0 of 1" in page and "0 of 2" not in page
    assert "5 December 2008" in page and "17 June 2008" not in page
    dcs_page = text_of(client_for(world["dcs"]).get(world["audit"].get_absolute_url()))
    assert "0 of 2" in dcs_page and "17 June 2008" in dcs_page


def test_the_audit_list_counts_only_recommendations_the_partner_may_see(world):
    client = client_for(world["pct_user"])
    listing = client.get(reverse("recommendations:audit_list"))
    [audit] = listing.context["object_list"]
    assert audit.recommendation_count == 1
    dcs_listing = client_for(world["dcs"]).get(reverse("recommendations:audit_list"))
    assert dcs_listing.context["object_list"][0].recommendation_count == 2


def test_the_partner_home_counts_only_visible_actions_of_a_hosted_plan(world):
    # The partner contributes to a hosted priority through one action it owns, not as host.
    hosted = f.HostedPriorityFactory(host=world["police"], title="Safer streets")
    later = datetime.date(2008, 12, 1)
    f.ActionFactory(
        plan=hosted.action_plan,
        owner=world["pct_user"].person,
        original_due_date=later,
        due_date=later,
    )
    f.ActionFactory(
        plan=hosted.action_plan, owner=world["hidden_owner"], due_date=HIDDEN_DUE
    )  # overdue and hidden
    [row] = HostedPriority.objects.filter(pk=hosted.pk).with_plan_progress(TODAY, world["pct_user"])
    assert (row.actions_total, row.overdue_count) == (1, 0)
    [full] = HostedPriority.objects.filter(pk=hosted.pk).with_plan_progress(TODAY, world["dcs"])
    assert (full.actions_total, full.overdue_count) == (2, 1)


# --- Filters -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        {"due_after": "2008-06-17", "due_before": "2008-06-17"},
        {"overdue": "true"},
        {"partner": "POLICE"},
        {"owner": "HIDDEN_OWNER"},
    ],
    ids=["due-dates", "overdue", "partner", "owner"],
)
def test_recommendation_filters_match_only_actions_the_partner_may_see(world, query):
    values = {"POLICE": str(world["police"].pk), "HIDDEN_OWNER": str(world["hidden_owner"].pk)}
    query = {k: values.get(v, v) for k, v in query.items()}
    url = reverse("recommendations:recommendation_list")
    partner_rows = client_for(world["pct_user"]).get(url, query).context["object_list"]
    assert world["rec"] not in list(partner_rows)
    if "owner" not in query:  # DCS staff see the hidden action, so the filter finds it
        dcs_rows = client_for(world["dcs"]).get(url, query).context["object_list"]
        assert world["rec"] in list(dcs_rows)


# --- Every page and export reachable from the recommendation -------------------------------

SKIP = ("/sign-out/", "/admin/", "/static/", "mailto:")


def _links(html):
    return re.findall(r'href="([^"#][^"]*)"', html)


def xlsx_text(content: bytes) -> str:
    """Every cell of a workbook, as one text."""
    book = openpyxl.load_workbook(io.BytesIO(content))
    return " ".join(
        str(cell)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if cell is not None
    )


def _export_text(response):
    kind = response.get("Content-Type", "")
    if "spreadsheetml" in kind:
        return xlsx_text(response.content)
    if "pdf" in kind:
        return ""  # its HTML is checked below, from the same snapshot
    return response.content.decode()


def crawl(client, start, limit=400):
    """Every page reachable by links from ``start``, with each audit's exports: url -> text."""
    seen, queue, texts = set(), deque([start]), {}
    while queue and len(seen) < limit:
        url = urldefrag(queue.popleft())[0].replace("&amp;", "&")
        if url in seen or any(s in url for s in SKIP) or urlsplit(url).netloc:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code < 500, url
        if response.status_code != 200:
            continue
        if "text/html" not in response.get("Content-Type", ""):
            texts[url] = _export_text(response)
            continue
        texts[url] = text_of(response)
        queue.extend(_links(texts[url]))
        match = re.fullmatch(r"/recommendations/audits/(\d+)/", url)
        if match:
            export = reverse("recommendations:audit_export", args=[match[1]])
            for kind in ("xlsx", "csv", "csv-actions", "pdf"):
                queue.append(f"{export}?format={kind}")
                queue.append(f"{export}?format={kind}&date=2008-09-01")
    return texts


def test_a_partner_finds_no_trace_of_a_hidden_action_on_any_page_or_export(world):
    client = client_for(world["pct_user"])
    texts = crawl(client, world["rec"].get_absolute_url())
    assert len(texts) > 20  # the crawl really walked the app, not an error page
    texts["committee report"] = exports.progress_report_html(
        current_snapshot(world["audit"], world["pct_user"])
    )
    for url, text in texts.items():
        for trace in HIDDEN_TRACES + HIDDEN_DATE_FORMATS:
            assert trace not in text, (trace, url)
    # The counts the partner reads equal the rows it can open.
    openable = Action.objects.restrict(world["pct_user"]).filter(plan=world["rec"].action_plan)
    assert openable.count() == 1
    assert "0 of 1" in texts[world["audit"].get_absolute_url()]


def test_the_crawl_finds_the_hidden_action_for_dcs_staff(world):
    """The same crawl as DCS staff does find all three: it would catch a leak."""
    texts = crawl(client_for(world["dcs"]), world["rec"].get_absolute_url(), limit=60)
    everything = " ".join(texts.values())
    assert HIDDEN_TEXT in everything and HIDDEN_OWNER in everything
    assert "17 June 2008" in everything
