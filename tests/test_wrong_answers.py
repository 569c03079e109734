"""Pages and services that gave wrong answers (issue 14): each test names what is now right."""

import datetime

import pytest
from django.urls import reverse

from partners.models import Action
from tests import factories as f
from trust import clock

TODAY = datetime.date(2008, 9, 2)


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)


def date_fields(name, day):
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


def rec_with_actions(*statuses, **kwargs):
    """A recommendation whose plan has one action per status given."""
    rec = f.RecommendationFactory(**kwargs)
    for status in statuses:
        f.ActionFactory(
            plan=rec.action_plan,
            status=status,
            completed_on=datetime.date(2008, 3, 1) if status == "complete" else None,
        )
    return rec


# --- A partner's boards and meetings ----------------------------------------------------------


def test_partner_home_lists_each_boards_three_newest_meetings_with_their_attendance(client, db):
    user = f.partner_user(username="pct")
    partner = user.person.partner
    seat = f.MembershipFactory(partner=partner)
    meetings = [
        f.MeetingFactory(component=seat.component, date=datetime.date(2008, month, 1))
        for month in range(1, 7)  # January to June 2008, all before today
    ]
    for meeting in meetings:
        f.AttendanceFactory(meeting=meeting, partner=partner, status="present")
    upcoming = [
        f.MeetingFactory(component=seat.component, date=datetime.date(2008, month, 1))
        for month in range(10, 13)
    ]
    f.MeetingFactory(component=seat.component, date=datetime.date(2009, 1, 1))
    client.force_login(user)

    [board] = client.get(reverse("home")).context["boards"]

    assert [m.date for m in board["recent"]] == [m.date for m in reversed(meetings[-3:])]
    assert [m.our_status for m in board["recent"]] == ["Present"] * 3
    assert [m.date for m in board["upcoming"]] == [m.date for m in upcoming]


def test_partner_home_says_not_recorded_only_where_no_attendance_was_recorded(client, db):
    user = f.partner_user(username="pct")
    partner = user.person.partner
    seat = f.MembershipFactory(partner=partner)
    recorded = f.MeetingFactory(component=seat.component, date=datetime.date(2008, 5, 1))
    f.AttendanceFactory(meeting=recorded, partner=partner, status="apologies")
    f.MeetingFactory(component=seat.component, date=datetime.date(2008, 6, 1))
    client.force_login(user)

    [board] = client.get(reverse("home")).context["boards"]

    assert [(m.date, m.our_status) for m in board["recent"]] == [
        (datetime.date(2008, 6, 1), "Not recorded"),
        (datetime.date(2008, 5, 1), "Sent apologies"),
    ]


# --- The completion date of an action ---------------------------------------------------------


def test_completing_an_action_with_a_progress_update_records_the_updates_date(client, dcs_user):
    action = f.ActionFactory(status="in_progress")
    client.force_login(dcs_user)
    done_on = datetime.date(2008, 8, 14)

    response = client.post(
        reverse("partners:progressupdate_create", args=[action.pk]),
        {
            **date_fields("date", done_on),
            "note": "Signed off",
            "rag": "green",
            "mark_complete": "on",
        },
    )

    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.status, action.completed_on) == ("complete", done_on)
    recorded = Action.history.filter(id=action.pk).latest()
    assert recorded.completed_on == done_on and recorded.history_user == dcs_user


def test_changing_an_actions_status_to_complete_still_records_today(client, dcs_user):
    action = f.ActionFactory(status="in_progress")
    client.force_login(dcs_user)
    response = client.post(
        reverse("partners:action_status", args=[action.pk]),
        {"status": "complete", "reason": "Done", "version": action.version},
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.completed_on == TODAY
