"""Pages and services that gave wrong answers (issue 14): each test names what is now right."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from partners.models import Action
from recommendations import services
from recommendations.models import Recommendation, Verification
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
    seat = f.MembershipFactory(represents=partner)
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
    seat = f.MembershipFactory(represents=partner)
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


# --- A recommendation's status and its actions ------------------------------------------------


@pytest.mark.parametrize(
    "statuses, implied",
    [
        ((), "not_started"),
        (("not_started", "not_started"), "not_started"),
        (("cancelled",), "not_started"),
        (("in_progress", "not_started"), "in_progress"),
        (("complete", "not_started"), "in_progress"),
        (("complete", "complete", "in_progress"), "in_progress"),
        (("complete", "cancelled"), "implemented"),
        (("complete", "complete"), "implemented"),
    ],
)
def test_a_recommendation_implies_its_status_from_its_actions(db, statuses, implied):
    assert rec_with_actions(*statuses).implied_status() == implied


def test_a_recommendation_without_an_action_plan_implies_not_started(db):
    assert f.RecommendationFactory(action_plan=None).implied_status() == "not_started"


def test_the_status_form_preselects_and_names_the_status_its_actions_suggest(client, dcs_user):
    rec = rec_with_actions("complete", "complete", "not_started")
    client.force_login(dcs_user)

    response = client.get(reverse("recommendations:recommendation_status", args=[rec.pk]))

    assert response.context["form"]["status"].value() == "in_progress"
    assert "Suggested from its actions: In progress (2 of 3 actions complete)" in response.text


def test_setting_a_status_other_than_the_suggested_one_needs_a_reason(client, dcs_user):
    rec = rec_with_actions("not_started", "not_started")
    client.force_login(dcs_user)
    url = reverse("recommendations:recommendation_status", args=[rec.pk])

    response = client.post(url, {"status": "implemented", "reason": "", "version": rec.version})

    assert response.status_code == 200
    assert "Enter the reason for a status other than the one its actions suggest" in response.text
    rec.refresh_from_db()
    assert rec.status == "not_started"


def test_the_suggested_status_is_set_without_a_reason_and_the_history_says_why(client, dcs_user):
    rec = rec_with_actions("complete", "in_progress")
    client.force_login(dcs_user)
    url = reverse("recommendations:recommendation_status", args=[rec.pk])

    response = client.post(url, {"status": "in_progress", "reason": "", "version": rec.version})

    assert response.status_code == 302
    latest = Recommendation.history.filter(id=rec.pk).latest()
    assert latest.status == "in_progress"
    assert latest.history_change_reason == services.FOLLOWS_ACTIONS


def test_the_status_service_refuses_a_status_against_the_actions_without_a_reason(dcs_user):
    rec = rec_with_actions("not_started", "not_started")
    with pytest.raises(ValidationError):
        services.recommendation_set_status(rec, status="implemented", reason=" ", by=dcs_user)
    rec.refresh_from_db()
    assert rec.status == "not_started" and rec.version == 1


def test_a_status_against_the_actions_is_kept_with_its_reason(dcs_user):
    rec = rec_with_actions("not_started")
    services.recommendation_set_status(
        rec, status="superseded", reason="Replaced by the 2009 review", by=dcs_user
    )
    latest = Recommendation.history.filter(id=rec.pk).latest()
    assert (latest.status, latest.history_change_reason) == (
        "superseded",
        "Replaced by the 2009 review",
    )


def test_a_recommendations_page_says_when_its_status_differs_from_its_actions(client, dcs_user):
    rec = rec_with_actions("complete", "complete", "in_progress", status="not_started")
    same = rec_with_actions("complete", "in_progress", status="in_progress")
    client.force_login(dcs_user)

    assert "Its actions suggest: in progress" in client.get(rec.get_absolute_url()).text
    assert "Its actions suggest" not in client.get(same.get_absolute_url()).text


def test_a_partner_is_not_told_what_actions_it_cannot_see_suggest(client, db):
    user = f.partner_user(username="pct")
    rec = rec_with_actions("complete", "complete", status="not_started")
    f.ActionFactory(plan=rec.action_plan, owner=user.person)
    client.force_login(user)
    page = client.get(rec.get_absolute_url())
    assert page.status_code == 200 and "Its actions suggest" not in page.text


def test_the_demo_recommendations_statuses_agree_with_their_actions():
    from recommendations.demo_data import RECOMMENDATIONS
    from recommendations.models import status_from_actions

    disagree = [
        (row["number"], row["status"])
        for row in RECOMMENDATIONS
        if row["status"] != status_from_actions(a["status"] for a in row["actions"])
    ]
    assert disagree == []


# --- The auditor's verification ---------------------------------------------------------------


def verify(client, rec, outcome):
    return client.post(
        reverse("recommendations:verification_create", args=[rec.pk]),
        {"outcome": outcome, **date_fields("verified_on", TODAY), "comment": "Seen on site"},
    )


@pytest.mark.parametrize("outcome", ["partly", "not_implemented"])
def test_an_auditor_records_partly_or_not_implemented_while_actions_are_open(
    client, auditor, outcome
):
    rec = rec_with_actions("complete", "in_progress")
    client.force_login(auditor)

    assert verify(client, rec, outcome).status_code == 302

    assert Verification.objects.get(recommendation=rec).outcome == outcome


def test_verified_implemented_is_offered_only_once_the_actions_are_complete(client, auditor):
    rec = rec_with_actions("complete", "in_progress")
    client.force_login(auditor)
    url = reverse("recommendations:verification_create", args=[rec.pk])

    offered = [v for v, _ in client.get(url).context["form"].fields["outcome"].choices]
    refused = verify(client, rec, "implemented")

    assert offered == ["partly", "not_implemented"]
    assert refused.status_code == 200 and "once all its actions are complete" in refused.text
    assert not Verification.objects.exists()
    action = rec.action_plan.actions.get(status="in_progress")
    action.status, action.completed_on = "complete", TODAY
    action.save()
    offered = [v for v, _ in client.get(url).context["form"].fields["outcome"].choices]
    assert offered == ["implemented", "partly", "not_implemented"]
    assert verify(client, rec, "implemented").status_code == 302


def test_the_verify_button_is_offered_to_an_auditor_on_a_recommendation_with_open_actions(
    client, auditor
):
    rec = rec_with_actions("in_progress")
    client.force_login(auditor)
    page = client.get(rec.get_absolute_url())
    assert reverse("recommendations:verification_create", args=[rec.pk]) in page.text
    assert verify(client, rec, "not_implemented").status_code == 302


# --- The dashboard ----------------------------------------------------------------------------


def test_the_dashboard_totals_all_priorities(client, dcs_user):
    audit = f.AuditFactory()
    for status in ("in_progress", "in_progress", "implemented"):
        f.RecommendationFactory(audit=audit, status=status)
    client.force_login(dcs_user)

    response = client.get(reverse("home"))

    assert response.context["status_total"] == 3
    row = response.text.split("All priorities</th>")[1].split("</tr>")[0]
    assert row.count("<td") == 5 and "<strong>3</strong>" in row


def test_a_priority_level_without_a_symbol_is_named_once(client, dcs_user):
    scale = f.PriorityScaleFactory(levels=[("", "High"), ("", "Medium"), ("", "Low")])
    rec = f.RecommendationFactory(audit=f.AuditFactory(priority_scale=scale))
    client.force_login(dcs_user)

    dashboard = client.get(reverse("home")).text
    detail = client.get(rec.get_absolute_url()).text

    assert "Medium" in dashboard and "Medium Medium" not in dashboard
    assert "Medium" in detail and "Medium Medium" not in detail


def test_a_priority_level_with_a_symbol_shows_it_beside_its_words_once(client, dcs_user):
    rec = f.RecommendationFactory()
    client.force_login(dcs_user)
    dashboard = client.get(reverse("home")).text
    row = dashboard.split('<th scope="row" class="govuk-table__header">')[1].split("</th>")[0]
    assert "**" in row and row.count("Some residual risk") == 1
    detail = client.get(rec.get_absolute_url()).text
    heading = detail.split('class="govuk-!-margin-left-2">')[1].split("</p>")[0]
    assert "**" in heading and heading.count("Some residual risk") == 1
