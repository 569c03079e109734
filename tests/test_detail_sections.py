"""Detail pages declared once: sections on the generic template, the carrier mixin."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils.html import escape

from tests import factories as f
from trust import clock
from trust.sections import Field, Summary, shown

TODAY = datetime.date(2008, 9, 2)

# Detail templates a page may keep because it is truly different: none today.
KEPT_DETAIL_TEMPLATES: list[str] = []


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)


def summary_row(label, value):
    return (
        f'<dt class="govuk-summary-list__key">{label}</dt>'
        f'<dd class="govuk-summary-list__value">{value}</dd>'
    )


def test_a_declared_field_renders_its_verbose_name_and_display_value(client, dcs_user):
    component = f.ComponentFactory(name="Integrated Strategic Commissioning Board")
    meeting = f.MeetingFactory(component=component, date=datetime.date(2007, 10, 3))
    client.force_login(dcs_user)

    page = client.get(component.get_absolute_url()).text
    assert summary_row("Function", str(component.function)) in page  # a vocabulary

    page = client.get(meeting.get_absolute_url()).text
    assert summary_row("Date", "3 October 2007") in page  # a date as every page shows it
    link = f'<a class="govuk-link" href="{component.get_absolute_url()}">{component}</a>'
    assert summary_row("Component", link) in page  # a record the user may open: a link


def test_values_are_shown_as_pages_show_them(db):
    assert shown(datetime.date(2007, 10, 3)) == "3 October 2007"
    assert shown(True) == "Yes" and shown(False) == "No"
    assert shown("") == "Not recorded" and shown(None, empty="—") == "—"
    person = f.PersonFactory(name="Ann Smith", partner=f.PartnerFactory(name="Leeds PCT"))
    assert "Ann Smith</a> (Leeds PCT)" in shown(person)  # people with their organisation


def test_a_record_the_user_may_not_open_is_named_not_linked(db, dcs_user):
    elsewhere = f.RiskRegisterFactory(name="Another partner's register")
    risk = f.RiskFactory(register=elsewhere)
    outsider = f.partner_user()
    field = Field("Register", "register")

    label, value = field.row(risk, outsider, {})
    assert (label, value) == ("Register", "Another partner's register")
    label, value = field.row(risk, dcs_user, {})
    url, name = elsewhere.get_absolute_url(), escape(elsewhere)
    assert value == f'<a class="govuk-link" href="{url}">{name}</a>'


def test_a_summary_leaves_out_rows_hidden_when_empty(db, rf, dcs_user):
    partner = f.PartnerFactory(short_name="")
    view = type("View", (), {"object": partner, "request": rf.get("/")})()
    view.request.user = dcs_user
    rows = Summary(Field("short_name", hide_empty=True), "sector").data(view, {})["rows"]
    assert [label for label, _ in rows] == ["Sector"]


@pytest.fixture
def hosted_with_plan(db):
    host = f.PartnerFactory(name="Leeds PCT")
    hosted = f.HostedPriorityFactory(host=host, title="Reducing childhood obesity")
    owner = f.PersonFactory(partner=host, name="Nadia Rahman")
    action = f.ActionFactory(plan=hosted.action_plan, owner=owner, description="Commission it")
    f.ProgressUpdateFactory(action=action, note="Tender issued.", rag="green")
    return hosted


def test_a_carrier_page_shows_its_plan_updates_and_add_an_action_to_who_may_add(
    client, dcs_user, hosted_with_plan
):
    hosted = hosted_with_plan
    add = reverse("partners:hostedpriority_action_create", args=[hosted.pk])
    client.force_login(dcs_user)
    page = client.get(hosted.get_absolute_url()).text
    assert "Commission it" in page and "The action plan" in page
    assert "Tender issued." in page and "Nadia Rahman (Leeds PCT)" in page
    assert f'href="{add}">Add an action</a>' in page

    host_staff = f.partner_user(partner=hosted.host)
    client.force_login(host_staff)
    page = client.get(hosted.get_absolute_url()).text
    assert "Commission it" in page and "Tender issued." in page
    assert "Add an action" not in page and add not in page


def test_a_recommendation_page_offers_add_an_action_to_dcs_staff_only(client, dcs_user, auditor):
    rec = f.RecommendationFactory()
    f.ActionFactory(plan=rec.action_plan, description="Draft the protocol")
    add = reverse("recommendations:recommendation_action_create", args=[rec.pk])
    client.force_login(dcs_user)
    assert add in client.get(rec.get_absolute_url()).text
    client.force_login(auditor)
    page = client.get(rec.get_absolute_url()).text
    assert "Draft the protocol" in page and add not in page


def test_a_carrier_without_a_plan_says_so(client, dcs_user):
    risk = f.RiskFactory()
    client.force_login(dcs_user)
    page = client.get(risk.get_absolute_url()).text
    assert "Further actions" in page and "This risk has no action plan." in page


def test_the_per_model_detail_templates_are_gone():
    root = Path(settings.BASE_DIR) / "templates"
    found = sorted(
        str(path.relative_to(root))
        for path in root.glob("*/*_detail.html")
        if path.parent.name != "generic"
    )
    assert found == KEPT_DETAIL_TEMPLATES
