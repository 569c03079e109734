"""Terms of reference and constitutions (versioned, with their quorum rule and review), the
memorandum of understanding with its sections linked to the risks they mitigate, the key
roles on the structure page, and the components' governing documents carried over."""

import datetime
import html
import re

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from partners.governance import quorum_rule
from partners.models import Memorandum, MemorandumSection, TermsOfReference
from partners.services import section_save
from risks.models import Risk
from tests import factories as f
from trust import clock
from trust.permissions import Role

TODAY = datetime.date(2008, 9, 2)
D = datetime.date


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)


@pytest.fixture
def dcs(client, dcs_user):
    client.force_login(dcs_user)
    return client


def main(response):
    assert response.status_code == 200, response.status_code
    match = re.search(r"<main\b.*?</main>", response.content.decode(), re.S)
    assert match, "no <main> on the page"
    return match.group(0)


def date_fields(name, day):
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


# --- The version in force on a date ---------------------------------------------------------


@pytest.mark.django_db
def test_the_version_in_force_is_the_latest_that_took_effect_by_the_date():
    board = f.ComponentFactory()
    first = f.TermsOfReferenceFactory(component=board, number=1, agreed=D(2006, 9, 14))
    second = f.TermsOfReferenceFactory(
        component=board,
        number=2,
        agreed=D(2007, 12, 12),
        in_force_from=D(2008, 1, 1),
        quorum_min_members=8,
        quorum_min_partners=3,
        substitutes_count=False,
    )
    f.TermsOfReferenceFactory(number=3, agreed=D(2007, 1, 1))  # another component's

    assert quorum_rule(board, D(2006, 9, 13)) is None  # before anything was agreed
    assert quorum_rule(board, D(2006, 9, 14)) == first  # on the day it was agreed
    assert quorum_rule(board, D(2007, 12, 31)) == first  # agreed, not yet in force
    rule = quorum_rule(board, D(2008, 1, 1))
    assert rule == second
    assert (rule.quorum_min_members, rule.quorum_min_partners, rule.substitutes_count) == (
        8,
        3,
        False,
    )
    assert quorum_rule(f.ComponentFactory(), TODAY) is None


@pytest.mark.django_db
def test_a_version_with_no_dates_is_in_force_until_a_dated_one_takes_over():
    board = f.ComponentFactory()
    undated = f.TermsOfReferenceFactory(component=board, number=1, agreed=None)
    assert quorum_rule(board, D(1990, 1, 1)) == undated
    later = f.TermsOfReferenceFactory(component=board, number=2, agreed=D(2008, 1, 1))
    assert quorum_rule(board, D(2007, 6, 1)) == undated
    assert quorum_rule(board, D(2008, 6, 1)) == later


# --- Past review ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_review_date_before_today_is_flagged_on_the_component_and_the_terms(dcs):
    overdue = f.TermsOfReferenceFactory(review_date=D(2007, 10, 31), text="Open events.")
    due_today = f.TermsOfReferenceFactory(review_date=TODAY)
    assert overdue.past_review and not due_today.past_review
    assert list(TermsOfReference.objects.past_review()) == [overdue]

    component_page = main(dcs.get(overdue.component.get_absolute_url()))
    assert "Past review" in component_page and "31 October 2007" in component_page
    assert "Open events." in component_page and overdue.get_absolute_url() in component_page
    assert "Past review" in main(dcs.get(overdue.get_absolute_url()))
    assert "Past review" in main(dcs.get(reverse("partners:termsofreference_list")))
    assert "Past review" not in main(dcs.get(due_today.component.get_absolute_url()))
    assert "Past review" not in main(dcs.get(due_today.get_absolute_url()))


@pytest.mark.django_db
def test_the_component_page_shows_the_version_in_force_and_links_to_every_version(dcs):
    board = f.ComponentFactory()
    f.TermsOfReferenceFactory(component=board, number=1, agreed=D(2006, 11, 8))
    f.TermsOfReferenceFactory(
        component=board, number=2, kind="constitution", agreed=D(2007, 12, 5), text="Version 2."
    )
    f.TermsOfReferenceFactory(component=board, number=3, agreed=D(2009, 1, 1), text="Future.")
    page = main(dcs.get(board.get_absolute_url()))
    assert "Constitution, version 2, agreed 5 December 2007" in page
    assert "Version 2." in page and "Future." not in page
    assert "4 members present and 2 partner organisations" in page
    assert f"?component={board.pk}" in page and "Every version (3)" in page
    assert reverse("partners:termsofreference_create", args=[board.pk]) in page
    listed = main(dcs.get(reverse("partners:termsofreference_list") + f"?component={board.pk}"))
    assert listed.count("/partners/terms-of-reference/") >= 3


@pytest.mark.django_db
def test_a_new_version_starts_from_the_previous_one(dcs):
    previous = f.TermsOfReferenceFactory(
        number=2, kind="constitution", text="As agreed.", quorum_min_members=6, chairs_allowed=2
    )
    url = reverse("partners:termsofreference_create", args=[previous.component_id])
    form = dcs.get(url).context["form"]
    assert form["number"].value() == 3 and form["kind"].value() == "constitution"
    assert form["text"].value() == "As agreed." and form["quorum_min_members"].value() == 6
    assert form["chairs_allowed"].value() == 2
    data = {
        "kind": "constitution",
        "number": "3",
        "text": "As agreed, revised.",
        "quorum_min_members": "6",
        "substitutes_count": "on",
        "chairs_allowed": "2",
        **date_fields("agreed", D(2008, 7, 1)),
    }
    response = dcs.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    new = TermsOfReference.objects.get(component=previous.component, number=3)
    assert quorum_rule(previous.component, TODAY) == new
    assert new.history.get().history_type == "+"


# --- The data migration ---------------------------------------------------------------------

BEFORE = [("partners", "0005_memberships_per_person"), ("trust", "0008_membership_roles")]


@pytest.mark.django_db(transaction=True)
def test_a_components_governing_document_becomes_its_first_version_with_history():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    user = old.get_model("trust", "User").objects.create(username="keeper", role="dcs")
    function = old.get_model("trust", "Function").objects.create(name="Commissioning")
    component = old.get_model("trust", "Component").objects.create(
        name="Commissioning Board",
        function=function,
        governing_document="constitution",
        governing_document_text="The board commissions services.",
        governing_document_agreed=D(2006, 11, 8),
    )
    recorded = datetime.datetime(2007, 3, 1, 9, tzinfo=datetime.UTC)
    old.get_model("trust", "HistoricalComponent").objects.create(
        id=component.pk,
        name=component.name,
        function_id=function.pk,
        governing_document="constitution",
        governing_document_text="The board commissions services.",
        governing_document_agreed=D(2006, 11, 8),
        history_date=recorded,
        history_user_id=user.pk,
        history_type="+",
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    terms = TermsOfReference.objects.get(component_id=component.pk)
    assert (terms.number, terms.kind, terms.agreed) == (1, "constitution", D(2006, 11, 8))
    assert terms.text == "The board commissions services."
    row = terms.history.get()
    assert row.history_type == "+" and row.history_date == recorded
    assert row.history_user_id == user.pk
    assert row.history_change_reason == "Carried over from the component's governing document"
    assert quorum_rule(terms.component, TODAY) == terms


# --- The memorandum, its sections and the risks they mitigate -------------------------------


def add_section(client, memorandum, risks, heading="Conflict resolution"):
    url = reverse("partners:memorandumsection_create", args=[memorandum.pk])
    data = {"order": "4", "heading": heading, "text": "To the chair, then the Director."}
    return client.post(url, {**data, "risks": [r.pk for r in risks]})


@pytest.mark.django_db
def test_a_section_links_the_risks_it_mitigates_and_each_risk_names_it(dcs):
    memorandum = f.MemorandumFactory()
    risk = f.RiskFactory(title="A conflict between partners cannot be resolved")
    assert add_section(dcs, memorandum, [risk]).status_code == 302
    section = MemorandumSection.objects.get(heading="Conflict resolution")
    assert list(section.risks.all()) == [risk]
    page = main(dcs.get(section.get_absolute_url()))
    assert "A conflict between partners cannot be resolved" in page
    risk_page = main(dcs.get(risk.get_absolute_url()))
    assert "Memorandum sections that mitigate it" in risk_page
    assert section.get_absolute_url() in risk_page


@pytest.mark.django_db
def test_linking_and_unlinking_a_risk_is_in_the_risks_history(dcs):
    memorandum = f.MemorandumFactory()
    risk = f.RiskFactory()
    add_section(dcs, memorandum, [risk])
    section = MemorandumSection.objects.get()
    latest = Risk.history.filter(id=risk.pk).latest("history_id")
    assert [s.memorandumsection_id for s in latest.memorandum_sections.all()] == [section.pk]
    assert "Conflict resolution" in latest.history_change_reason
    assert latest.history_user is not None

    url = reverse("partners:memorandumsection_update", args=[section.pk])
    data = {"order": "4", "heading": "Conflict resolution", "text": "", "version": "1"}
    response = dcs.post(url, {**data, "change_reason": "Not this one"})
    assert response.status_code == 302, response.context["form"].errors
    assert not risk.memorandum_sections.exists()
    latest = Risk.history.filter(id=risk.pk).latest("history_id")
    assert not latest.memorandum_sections.exists()
    assert "No longer linked" in latest.history_change_reason
    assert "Not this one" in latest.history_change_reason


@pytest.mark.django_db
def test_a_partner_sees_only_the_risks_in_its_scope_on_a_section(client):
    user = f.partner_user(username="police")
    own = f.RiskFactory(
        register=f.RiskRegisterFactory(kind="partner", partner=user.person.partner),
        owner=user.person,
        title="Our own risk",
    )
    other = f.RiskFactory(title="Someone else's risk")
    section = f.MemorandumSectionFactory(heading="Exit strategy")
    own.memorandum_sections.add(section)
    other.memorandum_sections.add(section)
    client.force_login(user)
    page = main(client.get(section.get_absolute_url()))
    assert "Exit strategy" in page and "Our own risk" in page
    assert "Someone else's risk" not in page
    # Partners read the memorandum and may not change it.
    assert (
        client.get(reverse("partners:memorandumsection_update", args=[section.pk])).status_code
        == 403
    )


@pytest.mark.django_db
def test_saving_a_section_keeps_its_links_to_risks_the_editor_cannot_see():
    """The form offers the risks its user may see; a link to any other is left as it is."""
    section = f.MemorandumSectionFactory()
    user = f.partner_user(username="police")
    own = f.RiskFactory(
        register=f.RiskRegisterFactory(kind="partner", partner=user.person.partner),
        owner=user.person,
    )
    hidden = f.RiskFactory()
    hidden.memorandum_sections.add(section)
    visible = Risk.objects.restrict(user)
    assert list(visible) == [own]
    section_save(section, risks=[own], visible=visible, by=user)
    assert set(section.risks.all()) == {own, hidden}
    section_save(section, risks=[], visible=visible, by=user)
    assert list(section.risks.all()) == [hidden]


@pytest.mark.django_db
def test_the_memorandum_in_force_on_a_date(dcs):
    first = f.MemorandumFactory(number=1, agreed=D(2007, 12, 12), in_force_from=D(2008, 1, 1))
    second = f.MemorandumFactory(number=2, agreed=D(2008, 7, 9))
    f.MemorandumSectionFactory(memorandum=second, heading="Information sharing")
    url = reverse("partners:memorandum_in_force")
    assert Memorandum.in_force_on(dcs_user_of(dcs), TODAY) == second
    page = main(dcs.get(url))
    assert second.get_absolute_url() in page and "Information sharing" in page
    page = main(dcs.get(url, date_fields("on", D(2008, 3, 1))))
    assert first.get_absolute_url() in page and "Information sharing" not in page
    page = main(dcs.get(url, date_fields("on", D(2007, 1, 1))))
    assert "No memorandum of understanding was in force on 1 January 2007" in page
    page = main(dcs.get(url, {"on_0": "31", "on_1": "2", "on_2": "2008"}))
    assert "There is a problem" in page


def dcs_user_of(client):
    from trust.models import User

    return User.objects.get(pk=client.session["_auth_user_id"])


@pytest.mark.django_db
def test_a_new_memorandum_version_starts_from_the_one_it_follows(dcs):
    first = f.MemorandumFactory(number=1, title="Memorandum", notes="Agreed at the board.")
    form = dcs.get(reverse("partners:memorandum_new_version", args=[first.pk])).context["form"]
    assert form["number"].value() == 2 and form["notes"].value() == "Agreed at the board."


# --- Key roles ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_key_roles_held_today_are_on_the_structure_page_and_in_its_words(client):
    f.ComponentFactory(name="Partnership Board")
    council = f.PartnerFactory(name="City Council")
    director = f.KeyRoleFactory(
        title="Director of Children's Services",
        person=f.PersonFactory(name="Helen Ashworth", partner=council),
        started=D(2005, 9, 1),
    )
    f.KeyRoleFactory(title="Former director", started=D(2001, 1, 1), ended=D(2005, 8, 31))
    client.force_login(f.partner_user(username="school"))
    page = html.unescape(main(client.get(reverse("trust:structure"))))
    drawing, words = page.split('id="in-words"')
    for part in (drawing, words):
        assert "Director of Children's Services" in part and "Helen Ashworth" in part
        assert director.get_absolute_url() in part
        assert "Former director" not in part
    assert "The Director of Children's Services is" in words and "City Council" in words


@pytest.mark.django_db
def test_a_key_role_is_kept_through_its_pages_with_history(dcs):
    person = f.PersonFactory(name="Councillor Marsden")
    data = {
        "title": "Lead Member for Children's Services",
        "person": person.pk,
        "responsibilities": "Politically accountable.",
        **date_fields("started", D(2006, 5, 25)),
    }
    response = dcs.post(reverse("partners:keyrole_create"), data)
    assert response.status_code == 302
    role = person.key_roles.get()
    assert role.history.get().history_type == "+"
    assert "Councillor Marsden" in main(dcs.get(role.get_absolute_url()))


@pytest.mark.django_db
def test_auditors_read_the_governing_documents_and_change_none(client):
    terms = f.TermsOfReferenceFactory()
    client.force_login(f.UserFactory(role=Role.AUDITOR))
    assert client.get(terms.get_absolute_url()).status_code == 200
    assert client.get(reverse("partners:memorandum_list")).status_code == 200
    url = reverse("partners:termsofreference_update", args=[terms.pk])
    assert client.get(url).status_code == 403
