"""Meetings as the partnership records them: a series of meetings, the status and its
constraint, deletion refused while a meeting keeps a record of itself, the agenda's links to
recommendations and risks (in their history), decisions, actions arising and key messages."""

import datetime

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from partners import services
from partners.meeting_forms import AgendaItemForm
from partners.models import Action, Meeting
from tests import factories as f
from tests.harness import client_for, world_fixture  # noqa: F401 (the world fixture)
from trust import clock

pytestmark = pytest.mark.django_db

D = datetime.date


# --- The dates of a series ------------------------------------------------------------------


def test_a_series_every_six_weeks_until_a_date_includes_the_last_date():
    dates, missed = services.series_dates(D(2007, 9, 4), "weekly", every=6, until=D(2007, 12, 25))
    assert dates == [D(2007, 9, 4), D(2007, 10, 16), D(2007, 11, 27)]
    assert missed == []
    dates, _ = services.series_dates(D(2007, 9, 4), "weekly", every=6, until=D(2007, 11, 27))
    assert dates[-1] == D(2007, 11, 27)


def test_a_monthly_series_on_the_first_tuesday_for_a_number_of_meetings():
    dates, missed = services.series_dates(D(2007, 9, 4), "monthly", count=5)
    assert dates == [D(2007, 9, 4), D(2007, 10, 2), D(2007, 11, 6), D(2007, 12, 4), D(2008, 1, 1)]
    assert missed == []
    assert services.series_rule(D(2007, 9, 4), "monthly") == "monthly on the first Tuesday"


def test_a_monthly_series_across_the_year_end_and_february_of_a_leap_year():
    # The last Friday of the fourth week: 4th Friday, 28 December 2007.
    dates, _ = services.series_dates(D(2007, 12, 28), "monthly", count=3)
    assert dates == [D(2007, 12, 28), D(2008, 1, 25), D(2008, 2, 22)]
    # The fifth Friday: 29 February 2008 exists (a leap year); March has one too.
    dates, missed = services.series_dates(D(2008, 2, 29), "monthly", until=D(2008, 6, 30))
    assert dates == [D(2008, 2, 29), D(2008, 5, 30)]
    assert missed == [(2008, 3), (2008, 4), (2008, 6)]


def test_a_fifth_weekday_that_a_month_lacks_is_skipped_and_reported():
    # 31 January 2008 is the fifth Thursday; February to April 2008 have no fifth Thursday.
    dates, missed = services.series_dates(D(2008, 1, 31), "monthly", count=2)
    assert dates == [D(2008, 1, 31), D(2008, 5, 29)]
    assert missed == [(2008, 2), (2008, 3), (2008, 4)]
    assert services.nth_weekday(2008, 2, 3, 5) is None
    assert services.nth_weekday(2008, 5, 3, 5) == D(2008, 5, 29)


def test_a_series_never_makes_more_than_the_limit():
    dates, _ = services.series_dates(D(2007, 1, 1), "weekly", every=1, until=D(2020, 1, 1))
    assert len(dates) == services.SERIES_LIMIT


# --- The series service and page ------------------------------------------------------------


def test_the_series_creates_scheduled_meetings_each_with_its_reason_and_skips_existing():
    component = f.ComponentFactory()
    chair = f.MembershipFactory(
        component=component, role=f.MembershipRoleFactory(name="Chair", is_chair=True)
    ).person
    f.MeetingFactory(component=component, date=D(2007, 10, 2), title="Board")
    f.MeetingFactory(component=component, date=D(2007, 11, 6), title="Other")
    user = f.UserFactory(role="dcs")
    created, skipped, missed = services.meeting_series_create(
        component, title="Board", first=D(2007, 9, 4), repeat="monthly", count=3, by=user
    )
    assert [m.date for m in created] == [D(2007, 9, 4), D(2007, 11, 6)]
    assert skipped == [D(2007, 10, 2)] and missed == []
    for meeting in created:
        assert meeting.status == Meeting.Status.SCHEDULED and meeting.chair == chair
        row = meeting.history.get()
        assert row.history_user == user
        assert row.history_change_reason == (
            "Scheduled as part of a series: Board, monthly on the first Tuesday"
        )


def test_the_series_page_schedules_and_says_what_it_skipped(world):
    component = world["component"]
    f.MeetingFactory(component=component, date=D(2008, 10, 7), title="Series")
    response = client_for(world, "dcs").post(
        reverse("partners:meeting_series", args=[component.pk]),
        {
            "title": "Series",
            "first_date_0": "2",
            "first_date_1": "9",
            "first_date_2": "2008",
            "start_time": "14:00",
            "repeat": "monthly",
            "count": "3",
            "mode": "hybrid",
        },
        follow=True,
    )
    text = response.content.decode()
    assert "2 meetings scheduled" in text
    assert "7 October 2008" in text and "already there" in text
    meetings = Meeting.objects.filter(component=component, title="Series", mode="hybrid")
    assert meetings.count() == 2
    assert {m.start_time for m in meetings} == {datetime.time(14, 0)}


def test_the_series_form_asks_for_an_end(world):
    response = client_for(world, "dcs").post(
        reverse("partners:meeting_series", args=[world["component"].pk]),
        {"title": "S", "first_date_0": "2", "first_date_1": "9", "first_date_2": "2008"}
        | {"repeat": "weekly", "mode": "virtual"},
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "Enter a last date or a number of meetings" in text
    assert "Enter every how many weeks the meetings are" in text


# --- Adding, status and chair ---------------------------------------------------------------


def test_a_new_meeting_defaults_to_the_components_chair(world):
    component = world["component"]
    chair = f.MembershipFactory(
        component=component, role=f.MembershipRoleFactory(name="Chair", is_chair=True)
    ).person
    response = client_for(world, "dcs").get(reverse("partners:meeting_create", args=[component.pk]))
    assert response.context["form"]["chair"].value() == chair.pk


def test_the_status_is_checked_by_the_database():
    meeting = f.MeetingFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.filter(pk=meeting.pk).update(status="postponed")


def test_a_cancelled_meeting_says_so_on_its_page_and_in_lists(world):
    meeting = f.MeetingFactory(component=world["component"], status="cancelled")
    client = client_for(world, "a")
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "This meeting was cancelled." in page
    assert "(cancelled)" in str(meeting)
    listing = client.get(reverse("partners:meeting_list"), {"status": "cancelled"})
    assert "Cancelled" in listing.content.decode()
    component_page = client.get(world["component"].get_absolute_url()).content.decode()
    assert "Cancelled" in component_page


# --- Deletion -------------------------------------------------------------------------------


@pytest.mark.parametrize("what", ["attendance", "decisions", "actions arising"])
def test_deleting_a_meeting_is_refused_while_it_has(world, what):
    meeting = f.MeetingFactory(component=world["component"])
    if what == "attendance":
        f.AttendanceFactory(meeting=meeting)
    elif what == "decisions":
        f.DecisionFactory(meeting=meeting)
    else:
        services.action_create(
            carrier=meeting,
            description="Write to partners",
            owner=world["person"],
            timescale="",
            due_date=D(2008, 9, 1),
            by=world["users"]["dcs"],
        )
    url = reverse("partners:meeting_delete", args=[meeting.pk])
    client = client_for(world, "dcs")
    assert f"it has {what}" in client.get(url).content.decode()
    client.post(url, {"reason": "Entered twice"})
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_a_meeting_with_only_an_agenda_and_messages_is_deleted_with_them(world):
    meeting = f.MeetingFactory(component=world["component"])
    item = f.AgendaItemFactory(meeting=meeting)
    rec = f.RecommendationFactory(audit=world["audit"])
    item.recommendations.add(rec)
    f.KeyMessageFactory(meeting=meeting)
    response = client_for(world, "dcs").post(
        reverse("partners:meeting_delete", args=[meeting.pk]), {"reason": "Entered twice"}
    )
    assert response.status_code == 302
    assert not Meeting.objects.filter(pk=meeting.pk).exists()
    assert rec.agenda_items.count() == 0
    assert rec.history.latest("history_id").history_change_reason.startswith("Link removed")


# --- The agenda's links ---------------------------------------------------------------------


def test_linking_an_agenda_item_to_a_recommendation_and_a_risk_is_in_their_history(world):
    item = f.AgendaItemFactory(meeting=world["meeting"], title="Audit follow-up")
    client = client_for(world, "dcs")
    url = reverse("partners:agendaitem_update", args=[item.pk])
    data = {
        "order": item.order,
        "title": item.title,
        "version": item.version,
        "recommendations": [world["rec"].pk],
        "risks": [world["risk"].pk],
        "priorities": [world["priority"].pk],
    }
    assert client.post(url, data).status_code == 302
    rec, risk = world["rec"], world["risk"]
    # (each may be discussed at the world's agenda item too)
    assert item in rec.agenda_items.all() and item in risk.agenda_items.all()
    assert rec.history.latest("history_id").history_change_reason.startswith("Discussed at")
    assert list(item.priorities.all()) == [world["priority"]]
    # The recommendation's and the risk's pages name the meeting.
    for record in (rec, risk):
        page = client.get(record.get_absolute_url()).content.decode()
        assert world["meeting"].get_absolute_url() in page
    item.refresh_from_db()
    data.update(version=item.version, recommendations=[])
    assert client.post(url, data).status_code == 302
    assert item not in rec.agenda_items.all()
    assert rec.history.latest("history_id").history_change_reason.startswith("No longer linked")
    assert item in risk.agenda_items.all()


def test_the_agenda_items_choices_are_what_the_user_may_see(world):
    other = f.RecommendationFactory(audit=world["audit"])
    form = AgendaItemForm(user=world["users"]["a"], instance=f.AgendaItemFactory())
    offered = set(form.fields["recommendations"].queryset)
    assert world["rec"] in offered and other not in offered


def test_the_meeting_page_links_only_the_recommendations_a_partner_may_open(world):
    hidden = f.RecommendationFactory(audit=world["audit"], number="77")
    item = f.AgendaItemFactory(meeting=world["meeting"])
    item.recommendations.add(world["rec"], hidden)
    page = client_for(world, "b").get(world["meeting"].get_absolute_url()).content.decode()
    assert hidden.get_absolute_url() not in page and world["rec"].get_absolute_url() not in page
    page = client_for(world, "a").get(world["meeting"].get_absolute_url()).content.decode()
    assert world["rec"].get_absolute_url() in page and hidden.get_absolute_url() not in page


# --- Decisions, actions arising and key messages ---------------------------------------------


def test_decisions_are_listed_on_the_meeting_and_filtered_by_component(world):
    decision = f.DecisionFactory(meeting=world["meeting"], reference="CLP/07/1")
    f.DecisionFactory(reference="ELSEWHERE/1")
    client = client_for(world, "b")
    assert (
        decision.get_absolute_url()
        in client.get(world["meeting"].get_absolute_url()).content.decode()
    )
    listing = client.get(reverse("partners:decision_list"), {"component": world["component"].pk})
    text = listing.content.decode()
    assert "CLP/07/1" in text and "ELSEWHERE/1" not in text


def test_an_action_arising_from_a_meeting_is_shown_to_its_owners_partner_only(world):
    meeting = world["meeting"]
    client = client_for(world, "dcs")
    url = reverse("partners:meeting_action_create", args=[meeting.pk])
    response = client.post(
        url,
        {"description": "Write to every partner", "owner": world["person"].pk}
        | {"timescale": "March 2008"},
    )
    assert response.status_code == 302
    action = Action.objects.get(description="Write to every partner")
    meeting.refresh_from_db()
    assert action.plan.carrier == meeting
    assert action.carrier_name.startswith("Meeting: ")
    listing = client.get(reverse("partners:action_list"), {"meeting": meeting.pk}).content
    assert action.get_absolute_url() in listing.decode()
    assert (
        action.get_absolute_url()
        in client_for(world, "a").get(meeting.get_absolute_url()).content.decode()
    )
    page_b = client_for(world, "b").get(meeting.get_absolute_url()).content.decode()
    assert action.get_absolute_url() not in page_b and "Write to every partner" not in page_b


def test_key_messages_are_shown_on_the_meeting_and_on_the_recipients_page(world):
    body = f.ExternalBodyFactory(name="Executive Board")
    to_body = f.KeyMessageFactory(meeting=world["meeting"], to_body=body, message="To the board")
    other = f.ComponentFactory()
    to_component = f.KeyMessageFactory(
        meeting=world["meeting"], to_body=None, to_component=other, message="To the forum"
    )
    client = client_for(world, "b")
    meeting_page = client.get(world["meeting"].get_absolute_url()).content.decode()
    assert to_body.get_absolute_url() in meeting_page
    assert to_component.get_absolute_url() in meeting_page
    assert "To the board" in client.get(body.get_absolute_url()).content.decode()
    assert "To the forum" in client.get(other.get_absolute_url()).content.decode()


def test_a_key_message_goes_to_a_component_or_a_body_not_both(world):
    response = client_for(world, "dcs").post(
        reverse("partners:keymessage_create", args=[world["meeting"].pk]),
        {"message": "Both", "to_component": world["component"].pk}
        | {"to_body": f.ExternalBodyFactory().pk},
    )
    assert response.status_code == 200
    assert "not both" in response.content.decode()


# --- The rename of location to venue ----------------------------------------------------------

BEFORE = [
    ("partners", "0008_governing_documents_to_terms"),
    ("trust", "0011_component_governing_document_to_terms"),
]
AFTER = [("partners", "0010_meeting_records")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_the_location_becomes_the_venue_in_the_rows_and_their_history():
    apps = migrate(BEFORE)
    function = apps.get_model("trust", "Function").objects.create(name="Board")
    component = apps.get_model("trust", "Component").objects.create(name="Board", function=function)
    meeting_model = apps.get_model("partners", "Meeting")
    past = meeting_model.objects.create(
        component=component, date=D(2007, 10, 3), title="Past", location="Civic Hall"
    )
    future = meeting_model.objects.create(
        component=component, date=clock.today() + datetime.timedelta(days=30), title="Next"
    )
    apps.get_model("partners", "HistoricalMeeting").objects.create(
        id=past.pk,
        version=1,
        component_id=component.pk,
        date=past.date,
        title="Past",
        location="Civic Hall",
        history_type="+",
        history_date=datetime.datetime(2007, 10, 3, 18, tzinfo=datetime.UTC),
    )
    apps = migrate(AFTER)
    Meeting = apps.get_model("partners", "Meeting")
    assert (Meeting.objects.get(pk=past.pk).venue, Meeting.objects.get(pk=past.pk).status) == (
        "Civic Hall",
        "held",
    )
    assert Meeting.objects.get(pk=future.pk).status == "scheduled"
    row = apps.get_model("partners", "HistoricalMeeting").objects.get(id=past.pk)
    assert (row.venue, row.status) == ("Civic Hall", "held")
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def test_the_component_page_offers_a_meeting_and_a_series_to_dcs_staff_only(world):
    page = world["component"].get_absolute_url()
    add = reverse("partners:meeting_create", args=[world["component"].pk])
    series = reverse("partners:meeting_series", args=[world["component"].pk])
    dcs = client_for(world, "dcs").get(page).content.decode()
    assert add in dcs and series in dcs
    partner = client_for(world, "a").get(page).content.decode()
    assert add not in partner and series not in partner
