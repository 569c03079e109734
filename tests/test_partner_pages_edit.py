"""DCS staff keep the directory in the app: partners (sector as data, duty to co-operate yes,
no or not known, what was signed and by whom, a lead contact), people (of a partner or of
none, with a line manager) and their sign-ins (the partner or DCS role, never auditor or
administrator). Partner staff read the directory and change none of it."""

import re

import pytest
from django.urls import reverse

from partners.models import Partner, Person
from tests import factories as f
from trust.models import Sector, User
from trust.permissions import Role, grantable_roles, may_grant, sees_contacts
from trust.templatetags.govuk import person_named

pytestmark = pytest.mark.django_db


@pytest.fixture
def dcs(client, dcs_user):
    client.force_login(dcs_user)
    return client


def main(response):
    html = response.content.decode()
    return re.search(r"<main\b.*?</main>", html, re.S).group(0)


def errors(response):
    form = response.context.get("form") if response.context else None
    return form.errors if form is not None else response.status_code


def partner_data(sector, **extra):
    return {"name": "Probation service", "sector": sector.pk, "duty_to_cooperate": "", **extra}


# --- Sectors are data ---------------------------------------------------------------------


def test_a_sector_added_in_its_pages_is_offered_at_once_by_the_partner_form_and_filter(dcs):
    response = dcs.post(reverse("trust:sector_create"), {"name": "Probation", "order": "7"})
    assert response.status_code == 302
    probation = Sector.objects.get(name="Probation")

    form = dcs.get(reverse("partners:partner_create")).context["form"]
    assert probation in form.fields["sector"].queryset
    response = dcs.post(reverse("partners:partner_create"), partner_data(probation))
    assert response.status_code == 302, errors(response)
    partner = Partner.objects.get(name="Probation service")
    assert partner.sector == probation
    f.PartnerFactory(name="West Yorkshire Police", sector="police")

    listed = dcs.get(reverse("partners:partner_list"), {"sector": probation.pk})
    assert [p.name for p in listed.context["object_list"]] == ["Probation service"]
    assert "Probation" in main(dcs.get(partner.get_absolute_url()))


def test_a_sector_in_use_cannot_be_deleted_and_its_page_says_by_whom(dcs):
    partner = f.PartnerFactory(name="West Yorkshire Police", sector="police")
    url = reverse("trust:sector_delete", args=[partner.sector_id])
    response = dcs.post(url, {"reason": "Not needed"})
    assert Sector.objects.filter(pk=partner.sector_id).exists()
    assert "West Yorkshire Police" in main(response)


def test_the_partner_export_names_the_sector_and_a_duty_not_known(dcs):
    f.PartnerFactory(name="Schools forum", sector="education", duty_to_cooperate=None)
    response = dcs.get(reverse("partners:partner_list_export"), {"format": "csv"})
    text = response.content.decode()
    assert "Education and schools" in text and "Not known" in text


# --- Duty to co-operate -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sent", "stored", "shown"),
    [("True", True, "Yes"), ("False", False, "No"), ("", None, "Not known")],
)
def test_the_duty_to_co_operate_is_yes_no_or_not_known(dcs, sent, stored, shown):
    sector = f.sector("other")
    response = dcs.post(
        reverse("partners:partner_create"), partner_data(sector, duty_to_cooperate=sent)
    )
    assert response.status_code == 302, errors(response)
    partner = Partner.objects.get(name="Probation service")
    assert partner.duty_to_cooperate is stored
    page = main(dcs.get(partner.get_absolute_url()))
    assert re.search(rf"co-operate\s*</dt>\s*<dd[^>]*>\s*{shown}\s*<", page)
    listed = dcs.get(
        reverse("partners:partner_list"),
        {"duty_to_cooperate": {True: "true", False: "false", None: "unknown"}[stored]},
    )
    assert [p.name for p in listed.context["object_list"]] == ["Probation service"]


# --- Partner pages ------------------------------------------------------------------------


def test_dcs_staff_record_what_a_partner_signed_by_whom_and_its_lead_contact(dcs):
    partner = f.PartnerFactory(name="West Yorkshire Police", sector="police")
    chief = f.PersonFactory(partner=partner, name="Mark Sutcliffe")
    director = f.PersonFactory(name="Rosemary Archer")
    elsewhere = f.PersonFactory(name="Someone else")
    url = reverse("partners:partner_update", args=[partner.pk])
    form = dcs.get(url).context["form"]
    assert list(form.fields["lead_contact"].queryset) == [chief]  # only its own people
    data = {
        **partner_data(partner.sector, name=partner.name, duty_to_cooperate="True"),
        "version": partner.version,
        "agreement_signed_0": "20",
        "agreement_signed_1": "9",
        "agreement_signed_2": "2006",
        "agreement_signed_by": director.pk,
        "isp_signed_by": chief.pk,
        "lead_contact": chief.pk,
        "notes": "Signed at the board.",
        "change_reason": "Agreement signed",
    }
    response = dcs.post(url, {**data, "lead_contact": elsewhere.pk})
    assert response.status_code == 200 and "lead_contact" in errors(response)
    response = dcs.post(url, data)
    assert response.status_code == 302, errors(response)
    partner.refresh_from_db()
    assert partner.lead_contact == chief and partner.agreement_signed_by == director
    assert partner.history.latest("history_id").history_change_reason == "Agreement signed"
    page = main(dcs.get(partner.get_absolute_url()))
    assert "Rosemary Archer" in page and "20 September 2006" in page
    assert "Lead contact" in page


def test_a_partner_with_people_cannot_be_deleted_and_one_without_can(dcs):
    partner = f.PartnerFactory(name="West Yorkshire Police")
    person = f.PersonFactory(partner=partner, name="Mark Sutcliffe")
    url = reverse("partners:partner_delete", args=[partner.pk])
    response = dcs.post(url, {"reason": "Left the partnership"})
    assert Partner.objects.filter(pk=partner.pk).exists()
    assert "Mark Sutcliffe" in main(response)
    person.delete()
    assert dcs.post(url, {"reason": "Left the partnership"}).status_code == 302
    assert not Partner.objects.filter(pk=partner.pk).exists()
    assert partner.history.latest("history_id").history_type == "-"


def test_partner_staff_read_the_directory_and_change_none_of_it(client):
    user = f.partner_user()
    own = user.person.partner
    client.force_login(user)
    assert client.get(reverse("partners:partner_list")).status_code == 200
    assert client.get(own.get_absolute_url()).status_code == 200
    for name, args in [
        ("partners:partner_create", []),
        ("partners:partner_update", [own.pk]),
        ("partners:partner_delete", [own.pk]),
        ("partners:partner_person_create", [own.pk]),
        ("partners:person_create", []),
        ("partners:person_update", [user.person.pk]),
        ("partners:person_delete", [user.person.pk]),
        ("partners:person_sign_in", [user.person.pk]),
    ]:
        assert client.get(reverse(name, args=args)).status_code == 403, name
    page = main(client.get(own.get_absolute_url()))
    assert "Add a person" not in page and "Edit" not in page


# --- People -------------------------------------------------------------------------------


def test_a_person_added_from_their_partners_page_belongs_to_it(dcs):
    partner = f.PartnerFactory(name="West Yorkshire Police")
    assert "Add a person" in main(dcs.get(partner.get_absolute_url()))
    url = reverse("partners:partner_person_create", args=[partner.pk])
    response = dcs.post(
        url, {"name": "Mark Sutcliffe", "job_title": "Superintendent", "partner": partner.pk}
    )
    assert response.status_code == 302, errors(response)
    person = Person.objects.get(name="Mark Sutcliffe")
    assert person.partner == partner
    assert person.history.get().history_type == "+"


def test_an_independent_chair_is_a_person_of_no_partner_named_without_an_organisation(dcs):
    manager = f.PersonFactory(name="Rosemary Archer")
    listing = main(dcs.get(reverse("partners:partner_list")))
    assert reverse("partners:person_create") in listing
    response = dcs.post(
        reverse("partners:person_create"),
        {
            "name": "Jane Independent",
            "job_title": "Independent chair of the LSCB",
            "phone": "0113 000 0000",
            "line_manager": manager.pk,
        },
    )
    assert response.status_code == 302, errors(response)
    chair = Person.objects.get(name="Jane Independent")
    assert chair.partner is None and chair.line_manager == manager
    assert str(person_named(chair, link=False)) == "Jane Independent"
    assert chair.named == "Jane Independent"
    page = main(dcs.get(chair.get_absolute_url()))
    assert "No partner organisation" in page and "Rosemary Archer" in page
    assert "0113 000 0000" in page
    assert not re.search(r"\bNone\b", page)
    # Partner staff read their own organisation's contacts; a person of none is not theirs.
    user = f.partner_user()
    assert not sees_contacts(user, chair.partner_id)
    assert not Person.objects.restrict(user).filter(pk=chair.pk).exists()


def test_a_person_of_no_partner_named_on_a_shared_record_is_seen_by_name(client):
    chair = f.PersonFactory(partner=None, name="Jane Independent")
    user = f.partner_user()
    plan = f.HostedPriorityFactory(host=user.person.partner).action_plan
    f.ActionFactory(plan=plan, owner=chair)
    client.force_login(user)
    assert Person.objects.restrict(user).filter(pk=chair.pk).exists()
    response = client.get(chair.get_absolute_url())
    assert response.status_code == 200
    assert "Jane Independent" in main(response)


def test_a_person_cannot_be_their_own_line_manager(dcs):
    person = f.PersonFactory(name="Mark Sutcliffe")
    url = reverse("partners:person_update", args=[person.pk])
    form = dcs.get(url).context["form"]
    assert person not in form.fields["line_manager"].queryset


# --- Sign-ins -----------------------------------------------------------------------------


def sign_in(client, person, **data):
    return client.post(reverse("partners:person_sign_in", args=[person.pk]), data)


def test_dcs_staff_give_a_person_a_partner_sign_in_of_their_own_organisation(dcs, dcs_user):
    person = f.PersonFactory(name="Mark Sutcliffe", email="mark@example.org")
    page = main(dcs.get(person.get_absolute_url()))
    assert reverse("partners:person_sign_in", args=[person.pk]) in page
    form = dcs.get(reverse("partners:person_sign_in", args=[person.pk])).context["form"]
    assert [value for value, _ in form.fields["role"].choices] == ["partner", "dcs"]
    assert form.initial["email"] == "mark@example.org"
    response = sign_in(dcs, person, username="msutcliffe", email="mark@example.org", role="partner")
    assert response.status_code == 302, errors(response)
    person.refresh_from_db()
    user = person.user
    assert user.username == "msutcliffe" and user.role == Role.PARTNER
    assert user.partner_id == person.partner_id
    assert not user.has_usable_password()
    assert user.history.latest("history_id").history_user == dcs_user
    latest = person.history.latest("history_id")
    assert latest.history_user == dcs_user and "msutcliffe" in latest.history_change_reason
    assert "msutcliffe (Partner staff)" in main(dcs.get(person.get_absolute_url()))


def test_dcs_staff_link_an_existing_sign_in_and_may_make_it_dcs(dcs):
    person = f.PersonFactory(partner=None, name="Jane Independent")
    existing = f.UserFactory(username="jane", role=Role.PARTNER)
    response = sign_in(dcs, person, username="jane", email="jane@example.org", role="dcs")
    assert response.status_code == 302, errors(response)
    existing.refresh_from_db()
    assert existing.person == person and existing.role == Role.DCS
    assert User.objects.filter(username="jane").count() == 1


@pytest.mark.parametrize("role", [Role.AUDITOR, Role.ADMIN])
def test_dcs_staff_are_refused_the_auditor_and_administrator_roles(dcs, dcs_user, role):
    assert not may_grant(dcs_user, role)
    assert role not in grantable_roles(dcs_user)
    person = f.PersonFactory(name="Mark Sutcliffe")
    response = sign_in(dcs, person, username="msutcliffe", email="m@example.org", role=role)
    assert response.status_code == 200 and "role" in errors(response)
    person.refresh_from_db()
    assert person.user is None
    assert not User.objects.filter(username="msutcliffe").exists()


def test_dcs_staff_cannot_take_over_an_auditors_sign_in(dcs, auditor):
    person = f.PersonFactory(name="Mark Sutcliffe")
    response = sign_in(dcs, person, username=auditor.username, email="a@example.org", role="dcs")
    assert response.status_code == 200
    auditor.refresh_from_db()
    assert auditor.role == Role.AUDITOR
    assert not hasattr(auditor, "person") or auditor.person is None


def test_a_person_of_no_partner_cannot_have_a_partner_sign_in(dcs):
    person = f.PersonFactory(partner=None, name="Jane Independent")
    response = sign_in(dcs, person, username="jane", email="jane@example.org", role="partner")
    assert response.status_code == 200 and "role" in errors(response)
    assert not User.objects.filter(username="jane").exists()


def test_a_sign_in_of_another_person_is_not_linked_twice(dcs):
    user = f.partner_user(username="taken")
    person = f.PersonFactory(name="Mark Sutcliffe")
    response = sign_in(dcs, person, username="taken", email="t@example.org", role="partner")
    assert response.status_code == 200 and "username" in errors(response)
    user.refresh_from_db()
    assert user.person != person


def test_auditors_may_not_set_up_sign_ins(client, auditor):
    client.force_login(auditor)
    person = f.PersonFactory()
    assert client.get(reverse("partners:person_sign_in", args=[person.pk])).status_code == 403
    assert grantable_roles(auditor) == ()


def test_a_partner_sign_in_keeps_its_person_in_an_organisation(dcs):
    user = f.partner_user()
    person = user.person
    url = reverse("partners:person_update", args=[person.pk])
    data = {"name": person.name, "partner": "", "version": person.version}
    response = dcs.post(url, data)
    assert response.status_code == 200 and "partner" in errors(response)
    person.refresh_from_db()
    assert person.partner_id is not None
