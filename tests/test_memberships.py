"""Memberships per person: roles as data, co-chairs, independent members, seats added,
edited, ended and deleted from a component's page, and the stored seats carried over."""

import datetime
import re

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from partners.models import Membership
from tests import factories as f
from tests.harness import form_data
from trust import clock
from trust.models import MembershipRole

TODAY = datetime.date(2008, 6, 30)


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)


@pytest.fixture
def dcs(client, dcs_user):
    client.force_login(dcs_user)
    return client


def main(response):
    match = re.search(r"<main\b.*?</main>", response.content.decode(), re.S)
    assert match, "no <main> on the page"
    return match.group(0)


def date_fields(name, day):
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


def add_member(client, component, person, role, represents=None, **extra):
    data = {
        "person": person.pk,
        "role": role.pk,
        "represents": represents.pk if represents else "",
        "expected_to_attend": "on",
        **date_fields("started", datetime.date(2008, 4, 1)),
        **extra,
    }
    return client.post(reverse("partners:membership_create", args=[component.pk]), data)


@pytest.mark.django_db
def test_co_chairs_are_allowed_when_the_terms_say_so_and_both_shown_as_chairs(dcs):
    component = f.ComponentFactory(name="Integrated Strategic Commissioning Board")
    f.TermsOfReferenceFactory(component=component, chairs_allowed=2)
    co_chair = f.chair_role("Co-chair")
    council = f.PersonFactory(name="Rosemary Archer", partner=f.PartnerFactory(name="Council"))
    health = f.PersonFactory(name="Sam Burke", partner=f.PartnerFactory(name="PCT"))
    for person in (council, health):
        response = add_member(dcs, component, person, co_chair, person.partner)
        assert response.status_code == 302, response.context["form"].errors
    seats = Membership.objects.filter(component=component, role=co_chair)
    assert {m.person for m in seats} == {council, health}
    text = main(dcs.get(component.get_absolute_url()))
    assert "Council (Rosemary Archer); PCT (Sam Burke)" in text


@pytest.mark.django_db
def test_a_role_added_in_a_page_is_usable_at_once(dcs):
    response = dcs.post(
        reverse("trust:membershiprole_create"),
        {"name": "Observer", "description": "Attends without a vote.", "order": "80"},
    )
    assert response.status_code == 302
    observer = MembershipRole.objects.get(name="Observer")
    assert observer.history.count() == 1
    component = f.ComponentFactory()
    person = f.PersonFactory()
    form = dcs.get(reverse("partners:membership_create", args=[component.pk])).context["form"]
    assert observer in form.fields["role"].queryset
    assert add_member(dcs, component, person, observer, person.partner).status_code == 302
    assert Membership.objects.get(component=component, person=person).role == observer


@pytest.mark.django_db
def test_an_independent_member_represents_no_partner(dcs):
    component = f.ComponentFactory()
    chair = f.PersonFactory(name="Jane Independent")
    response = add_member(dcs, component, chair, f.chair_role())
    assert response.status_code == 302
    seat = Membership.objects.get(component=component)
    assert seat.represents is None and seat.person == chair
    text = main(dcs.get(component.get_absolute_url()))
    assert "Jane Independent" in text and "Independent: represents no partner" in text


@pytest.mark.django_db
def test_a_member_represents_their_own_organisation_only(dcs):
    component = f.ComponentFactory()
    person = f.PersonFactory()
    response = add_member(dcs, component, person, f.MembershipRoleFactory(), f.PartnerFactory())
    assert response.status_code == 200
    assert "represents" in response.context["form"].errors
    assert not Membership.objects.exists()


@pytest.mark.django_db
def test_a_person_has_one_open_seat_on_a_component(dcs):
    seat = f.MembershipFactory()
    response = add_member(dcs, seat.component, seat.person, seat.role, seat.represents)
    assert response.status_code == 200
    assert Membership.objects.count() == 1


@pytest.mark.django_db
def test_editing_a_seat_writes_its_history(dcs):
    seat = f.MembershipFactory()
    adviser = f.MembershipRoleFactory(name="Adviser", order=50)
    url = reverse("partners:membership_update", args=[seat.pk])
    data = {
        "person": seat.person.pk,
        "role": adviser.pk,
        "represents": seat.represents.pk,
        "version": seat.version,
        "change_reason": "Now advises the board",
        **date_fields("started", datetime.date(2007, 4, 1)),
    }  # expected_to_attend left unticked: no longer expected
    assert dcs.post(url, data).status_code == 302
    seat.refresh_from_db()
    assert seat.role == adviser and seat.expected_to_attend is False
    latest = seat.history.latest("history_id")
    assert latest.history_change_reason == "Now advises the board"


@pytest.mark.django_db
def test_ending_a_membership_keeps_it_and_its_history(dcs):
    seat = f.MembershipFactory(person=f.PersonFactory(name="Departing Officer"))
    seat.represents = seat.person.partner
    seat.save()
    url = reverse("partners:membership_end", args=[seat.pk])
    response = dcs.post(
        url,
        {
            **date_fields("ended", datetime.date(2008, 3, 31)),
            "reason": "Moved to another post",
            "version": seat.version,
        },
    )
    assert response.status_code == 302
    seat.refresh_from_db()
    assert seat.ended == datetime.date(2008, 3, 31)
    latest = seat.history.latest("history_id")
    assert latest.history_type == "~"
    assert latest.history_change_reason == "Membership ended: Moved to another post"
    assert seat.history.filter(ended__isnull=True).exists()  # the open seat, as it was
    # No longer among the component's members but among its former ones, still on its own
    # page and in the history.
    page = main(dcs.get(seat.component.get_absolute_url()))
    members = page.split(">Members</h2>", 1)[1].split("<h2", 1)[0]
    former = page.split(">Former members</h2>", 1)[1].split("<h2", 1)[0]
    assert "Departing Officer" not in members
    assert "Departing Officer" in former and "31 March 2008" in former
    detail = main(dcs.get(seat.get_absolute_url()))
    assert "31 March 2008" in detail and "End the membership" not in detail
    history = main(dcs.get(reverse("partners:membership_history", args=[seat.pk])))
    assert "Moved to another post" in history
    # Ending it again is refused, and the person may take a new seat.
    again = dcs.post(
        url,
        {
            **date_fields("ended", datetime.date(2008, 4, 30)),
            "reason": "Twice",
            "version": seat.version,
        },
    )
    assert again.status_code == 200 and "already ended" in again.content.decode()
    f.MembershipFactory(component=seat.component, person=seat.person, represents=seat.represents)


@pytest.mark.django_db
def test_the_component_page_lists_members_by_role_with_their_organisation(dcs):
    component = f.ComponentFactory()
    member = f.MembershipRoleFactory(name="Member", order=40)
    adviser = f.MembershipRoleFactory(name="Adviser", order=50)
    vice = f.MembershipRoleFactory(name="Vice-chair", order=30)
    police = f.PartnerFactory(name="West Yorkshire Police")
    f.MembershipFactory(
        component=component,
        role=adviser,
        person=f.PersonFactory(name="Ann Adviser", partner=police),
        represents=police,
    )
    f.MembershipFactory(
        component=component, role=member, represents=f.PartnerFactory(name="Leeds PCT")
    )
    f.MembershipFactory(component=component, role=vice, represents=f.PartnerFactory(name="VCF"))
    f.MembershipFactory(component=component, role=f.chair_role(), represents=None)
    response = dcs.get(component.get_absolute_url())
    members = response.context["object"].current_memberships
    assert [m.role.name for m in members] == ["Chair", "Vice-chair", "Member", "Adviser"]
    text = main(response)
    assert "Ann Adviser" in text and "West Yorkshire Police" in text
    assert "Leeds PCT" in text and "Add a member" in text
    for word in ("None", "True", "False"):
        assert not re.search(rf"\b{word}\b", text), word


@pytest.mark.django_db
def test_a_partner_sees_every_member_by_name_but_may_not_change_them(client):
    user = f.partner_user(username="pct")
    seat = f.MembershipFactory(person=f.PersonFactory(name="Mark Sutcliffe"))
    seat.represents = seat.person.partner
    seat.save()
    client.force_login(user)
    text = main(client.get(seat.component.get_absolute_url()))
    assert "Mark Sutcliffe" in text and seat.represents.name in text
    assert "Add a member" not in text
    assert client.get(seat.get_absolute_url()).status_code == 200
    assert client.get(seat.person.get_absolute_url()).status_code == 200  # named: openable
    add = reverse("partners:membership_create", args=[seat.component.pk])
    assert client.get(add).status_code == 403
    assert client.get(reverse("partners:membership_end", args=[seat.pk])).status_code == 403


@pytest.mark.django_db
def test_the_partner_home_names_its_seats_roles_and_people(client):
    user = f.partner_user(username="pct")
    partner = user.person.partner
    f.MembershipFactory(represents=partner, person=user.person, role=f.chair_role("Co-chair"))
    client.force_login(user)
    [board] = client.get(reverse("home")).context["boards"]
    assert [s.role.name for s in board["seats"]] == ["Co-chair"]
    assert f"Co-chair ({user.person.name})" in client.get(reverse("home")).content.decode()


# --- The migration carries the stored seats and their history over -----------------------

BEFORE = [("partners", "0003_restrict_people_named_in_records"), ("trust", "0008_membership_roles")]


@pytest.mark.django_db(transaction=True)
def test_the_migration_maps_roles_people_partners_and_history():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    leading = old.get_model("trust", "Function").objects.create(name="Leading")
    component = old.get_model("trust", "Component").objects.create(name="Board", function=leading)
    partner_model = old.get_model("partners", "Partner")
    police = partner_model.objects.create(name="Police", sector="police")
    council = partner_model.objects.create(name="Council", sector="local_authority")
    officer = old.get_model("partners", "Person").objects.create(partner=council, name="Ann")
    membership = old.get_model("partners", "Membership")
    history = old.get_model("partners", "HistoricalMembership")
    chair = membership.objects.create(
        component=component, partner=council, representative=officer, role="chair"
    )
    vacant = membership.objects.create(component=component, partner=police, role="member")
    now = datetime.datetime(2007, 5, 1, tzinfo=datetime.UTC)
    for row, role in ((chair, "vice_chair"), (chair, "chair"), (vacant, "member")):
        history.objects.create(
            id=row.pk,
            component_id=component.pk,
            partner_id=row.partner_id,
            representative_id=row.representative_id,
            role=role,
            history_date=now,
            history_type="+",
        )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    chair_seat = Membership.objects.get(pk=chair.pk)
    assert chair_seat.person_id == officer.pk and chair_seat.represents_id == council.pk
    assert chair_seat.role.name == "Chair" and chair_seat.role.is_chair
    assert chair_seat.expected_to_attend is True
    vacant_seat = Membership.objects.get(pk=vacant.pk)
    assert vacant_seat.person is None and vacant_seat.represents_id == police.pk
    assert vacant_seat.role.name == "Member"
    assert sorted(MembershipRole.objects.values_list("name", flat=True)) == [
        "Chair",
        "Member",
        "Vice-chair",
    ]
    for role in MembershipRole.objects.all():
        assert role.history.get().history_type == "+"
    old_rows = Membership.history.filter(id=chair.pk).order_by("history_id")
    assert [r.role.name for r in old_rows] == ["Vice-chair", "Chair"]
    assert {r.person_id for r in old_rows} == {officer.pk}
    assert {r.represents_id for r in old_rows} == {council.pk}


@pytest.mark.django_db
def test_a_seat_is_current_through_its_last_day_and_former_after_it(dcs):
    component = f.ComponentFactory(name="Early help board")
    leaving = f.PersonFactory(name="Leaving Today")
    left = f.PersonFactory(name="Left Yesterday")
    f.MembershipFactory(component=component, person=leaving, ended=TODAY)
    f.MembershipFactory(component=component, person=left, ended=TODAY - datetime.timedelta(days=1))
    page = main(dcs.get(component.get_absolute_url()))
    members = page.split(">Members</h2>", 1)[1].split("<h2", 1)[0]
    former = page.split(">Former members</h2>", 1)[1].split("<h2", 1)[0]
    assert "Leaving Today" in members and "Leaving Today" not in former
    assert "Left Yesterday" in former and "Left Yesterday" not in members
    assert [m.person for m in Membership.objects.current(TODAY)] == [leaving]


@pytest.mark.django_db
def test_a_second_chair_is_refused_without_terms_that_allow_co_chairs(dcs):
    component = f.ComponentFactory(name="Safeguarding Board")
    chair = f.chair_role("Chair")
    first = f.PersonFactory(name="Ann Chair", partner=f.PartnerFactory(name="Council"))
    second = f.PersonFactory(name="Bob Second", partner=f.PartnerFactory(name="Police"))
    assert add_member(dcs, component, first, chair, first.partner).status_code == 302
    response = add_member(dcs, component, second, chair, second.partner)
    assert response.status_code == 200
    (message,) = response.context["form"].errors["role"]
    assert "already has 1 chair (Ann Chair" in message
    assert "no terms of reference that allow co-chairs" in message
    assert not Membership.objects.filter(person=second).exists()
    # Terms of reference that allow two: the second is accepted, a third refused.
    f.TermsOfReferenceFactory(component=component, chairs_allowed=2, in_force_from=TODAY)
    assert add_member(dcs, component, second, chair, second.partner).status_code == 302
    third = f.PersonFactory(name="Cy Third", partner=second.partner)
    response = add_member(dcs, component, third, chair, second.partner)
    (message,) = response.context["form"].errors["role"]
    assert "already has 2 chairs" in message and "terms of reference in force allow 2" in message


@pytest.mark.django_db
def test_a_chair_who_has_left_leaves_room_and_an_old_co_chair_seat_stays_editable(dcs):
    component = f.ComponentFactory()
    chair = f.chair_role("Chair")
    gone = f.MembershipFactory(component=component, role=chair, ended=TODAY)
    gone.ended = datetime.date(2008, 1, 31)  # left before today: no longer a chair
    gone.save()
    person = f.PersonFactory()
    assert add_member(dcs, component, person, chair, person.partner).status_code == 302
    # Two chairs from before the rule (no terms): editing one of them is not refused.
    older = f.MembershipFactory(component=component, role=chair)
    url = reverse("partners:membership_update", args=[older.pk])
    form = dcs.get(url).context["form"]
    data = {**form_data(form), "expected_to_attend": ""}
    assert dcs.post(url, data).status_code == 302
