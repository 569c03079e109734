"""Partner staff's pages: their organisation's home, hosted priorities, reporting progress."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from partners.models import Action, HostedPriority
from tests import factories as f
from tests.utils import assert_constant_queries
from trust import clock
from trust.models import User

TODAY = datetime.date(2008, 9, 2)


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)


@pytest.fixture
def partner_client(client, db):
    user = f.partner_user(username="pct")
    client.force_login(user)
    client.user = user
    return client


def test_partner_home_shows_hosted_priorities_with_checklist_and_progress(partner_client):
    partner = partner_client.user.person.partner
    hosted = f.HostedPriorityFactory(
        host=partner,
        title="Reducing childhood obesity",
        director_signed=datetime.date(2007, 4, 19),
        host_signed=None,
        risk_assessment_done=True,
        appended_to_strategy=False,
        monitoring_component=f.ComponentFactory(),
    )
    done = f.ActionFactory(
        plan=hosted.action_plan,
        owner=partner_client.user.person,
        status="complete",
        completed_on=datetime.date(2008, 3, 1),
    )
    f.ActionFactory(plan=hosted.action_plan, owner=partner_client.user.person)  # due 2007: overdue
    f.ProgressUpdateFactory(action=done, rag="green", date=datetime.date(2008, 3, 1))
    f.HostedPriorityFactory(title="Someone else's priority")  # another host
    seat = f.MembershipFactory(represents=partner)
    meeting = f.MeetingFactory(
        component=seat.component, date=datetime.date(2008, 6, 1), title="ISCB"
    )
    f.AttendanceFactory(meeting=meeting, partner=partner, status="absent")

    response = partner_client.get(reverse("home"))
    page = response.text
    assert response.context["partner"] == partner
    assert [h.title for h in response.context["hosted"]] == ["Reducing childhood obesity"]
    assert "Someone else&#x27;s priority" not in page and "Someone else's priority" not in page
    item = response.context["hosted"][0]
    assert item.missing_items == ["Agreement signed by the host", "Appended to the host's strategy"]
    assert (item.actions_done, item.actions_total, item.overdue_count, item.latest_rag) == (
        1,
        2,
        1,
        "green",
    )
    assert "1 of 2 actions done" in page
    assert len(response.context["actions"]) == 2
    [board] = response.context["boards"]
    assert board["component"] == seat.component and board["recent"][0].our_status == "Absent"


def test_dcs_staff_still_land_on_the_dashboard(client, dcs_user):
    client.force_login(dcs_user)
    response = client.get(reverse("home"))
    assert "recommendations/dashboard.html" in [t.name for t in response.templates]


def test_partner_home_queries_do_not_grow(partner_client):
    person = partner_client.user.person

    def grow(n):
        for _ in range(n):
            hosted = f.HostedPriorityFactory(
                host=person.partner, monitoring_component=f.ComponentFactory()
            )
            action = f.ActionFactory(plan=hosted.action_plan, owner=person)
            f.ProgressUpdateFactory(action=action)
            seat = f.MembershipFactory(represents=person.partner)
            meeting = f.MeetingFactory(component=seat.component)
            f.AttendanceFactory(meeting=meeting, partner=person.partner)

    assert_constant_queries(partner_client, reverse("home"), grow)


def test_hosted_priority_page_queries_do_not_grow(partner_client):
    person = partner_client.user.person
    hosted = f.HostedPriorityFactory(host=person.partner)

    def grow(n):
        for _ in range(n):
            action = f.ActionFactory(
                plan=hosted.action_plan, owner=f.PersonFactory(partner=person.partner)
            )
            f.ProgressUpdateFactory(action=action, author=person)
            indicator = f.IndicatorFactory(priority=hosted.priority)
            f.IndicatorValueFactory(indicator=indicator)
            f.RiskFactory(owner=person).hosted_priorities.add(hosted)
            hosted.contributors.add(f.PartnerFactory())

    assert_constant_queries(partner_client, hosted.get_absolute_url(), grow)


@pytest.mark.django_db
def test_demo_partners_see_exactly_their_hosted_priorities_and_report_progress(client):
    call_command("load_demo", stdout=io.StringIO())
    pct = User.objects.get(username="pct")
    client.force_login(pct)
    titles = [h.title for h in client.get(reverse("home")).context["hosted"]]
    assert sorted(titles) == [
        "Reducing childhood obesity",
        "Reducing infant mortality",
        "Reducing teenage conception rates",
    ]
    anti_bullying = HostedPriority.objects.get(title__icontains="bullying")
    assert client.get(anti_bullying.get_absolute_url()).status_code == 404

    action = Action.objects.filter(owner__user=pct, status="in_progress").first()
    response = client.post(
        reverse("partners:progressupdate_create", args=[action.pk]),
        {
            "date_0": 1,
            "date_1": 9,
            "date_2": 2008,
            "note": "Programme running in all clusters.",
            "rag": "green",
        },
    )
    assert response.status_code == 302
    history = client.get(reverse("partners:action_history", args=[action.pk])).text
    assert "Nadia Rahman" in history and "Progress reported" in history

    client.force_login(User.objects.get(username="edleeds"))
    titles = [h.title for h in client.get(reverse("home")).context["hosted"]]
    assert len(titles) == 1 and "bullying" in titles[0].lower()


def test_dropdowns_never_offer_another_partners_records(partner_client):
    own = partner_client.user.person
    stranger = f.PersonFactory(name="An officer elsewhere")
    f.RiskRegisterFactory(kind="partner", partner=stranger.partner, name="Their register")
    for url in (reverse("partners:action_list"), reverse("recommendations:recommendation_list")):
        form = partner_client.get(url).context["filter"].form
        owners = set(form.fields["owner"].queryset)
        assert own in owners and stranger not in owners, url
    risk_filter = partner_client.get(reverse("risks:riskregister_list")).context["filter"].form
    for field in risk_filter.fields.values():
        queryset = getattr(field, "queryset", None)
        if queryset is not None and queryset.model.__name__ == "Person":
            assert stranger not in set(queryset)
