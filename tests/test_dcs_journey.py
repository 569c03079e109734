"""The DCS Unit's daily work through the pages: audits, recommendations, action plans."""

import datetime

import pytest
from django.urls import reverse

from partners.models import Action, DueDateChange, ProgressUpdate
from recommendations.models import Audit, Recommendation
from tests import factories as f
from trust import clock
from trust.forms import ENTER_REAL_DATE
from trust.services import STALE_EDIT

TODAY = datetime.date(2008, 1, 15)


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)


@pytest.fixture
def dcs(client, db):
    user = f.UserFactory(username="dcs", role="dcs", first_name="Barbara", last_name="Newton")
    person = f.PersonFactory(name="Barbara Newton", user=user)
    client.force_login(user)
    client.person = person
    return client


def date_fields(name, day):
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


def add_audit(client, scale, **overrides):
    data = {
        "title": "Safeguarding partnership arrangements",
        "auditor": "KPMG LLP",
        "audited_body": "A city council",
        **date_fields("report_date", datetime.date(2007, 11, 1)),
        "reference": "2007/08",
        "priority_scale": scale.pk,
        "summary": "",
        "change_reason": "",
        **overrides,
    }
    return client.post(reverse("recommendations:audit_create"), data)


def test_dcs_runs_an_audit_from_report_to_progress(dcs):
    scale = f.PriorityScaleFactory()
    officer = f.PersonFactory(name="Keith Burton", partner=dcs.person.partner)

    response = add_audit(dcs, scale)
    audit = Audit.objects.get()
    assert response.status_code == 302 and response["Location"] == audit.get_absolute_url()

    levels = list(scale.levels.order_by("rank"))
    for number, level in zip(("1", "2", "3"), levels, strict=True):
        response = dcs.post(
            reverse("recommendations:recommendation_create", args=[audit.pk]),
            {
                "number": number,
                "section": "3.3",
                "text": f"The Director should do thing {number}.",
                "priority": level.pk,
                "management_response": "Agreed.",
                "responsibility": "Keith Burton – December 2007",
                "timescale": "December 2007",
                "responsible_officers": [officer.pk],
                "change_reason": "",
            },
        )
        assert response.status_code == 302, response.content
    recs = list(Recommendation.objects.filter(audit=audit))
    assert [r.number for r in recs] == ["1", "2", "3"]

    for rec in recs:
        response = dcs.post(
            reverse("recommendations:recommendation_action_create", args=[rec.pk]),
            {
                "description": f"Draft the plan for {rec.number}",
                "owner": dcs.person.pk,
                "timescale": "By December 2007",
                "change_reason": "",
            },
        )
        assert response.status_code == 302, response.content
    recs = list(Recommendation.objects.filter(audit=audit).select_related("action_plan"))
    action = Action.objects.get(plan=recs[0].action_plan)
    assert action.original_due_date == action.due_date == datetime.date(2007, 12, 31)

    response = dcs.post(
        reverse("partners:progressupdate_create", args=[action.pk]),
        {
            **date_fields("date", datetime.date(2008, 1, 10)),
            "note": "Draft circulated to the board.",
            "rag": "amber",
        },
    )
    assert response.status_code == 302, response.content
    action.refresh_from_db()
    assert action.status == Action.Status.IN_PROGRESS
    assert ProgressUpdate.objects.get(action=action).author == dcs.person

    response = dcs.post(
        reverse("partners:action_slip", args=[action.pk]),
        {
            **date_fields("new_date", datetime.date(2008, 3, 31)),
            "reason": "Waiting for the JAR report",
            "agreed_by": officer.pk,
            "version": action.version,
        },
    )
    assert response.status_code == 302, response.content
    action.refresh_from_db()
    assert action.original_due_date == datetime.date(2007, 12, 31)
    assert action.due_date == datetime.date(2008, 3, 31)
    change = DueDateChange.objects.get(action=action)
    assert change.agreed_by == officer and change.reason == "Waiting for the JAR report"

    detail = dcs.get(action.get_absolute_url()).text
    assert "31 December 2007" in detail and "31 March 2008" in detail and "Revised" in detail

    # The other two actions are now overdue; the slipped one is not.
    dashboard = dcs.get(reverse("home"))
    assert dashboard.context["overdue_count"] == 2
    assert {a.plan.recommendation.number for a in dashboard.context["overdue_actions"]} == {
        "2",
        "3",
    }
    assert "Draft the plan for 2" in dashboard.text
    mine = dcs.get(reverse("my_actions"))
    listed = [a.pk for a in mine.context["actions"]]
    assert len(listed) == 3 and listed[-1] == action.pk  # overdue first, the slipped one last

    history = dcs.get(reverse("partners:action_history", args=[action.pk])).text
    assert "Due date moved: Waiting for the JAR report" in history
    assert "Barbara Newton" in history
    assert "31 December 2007" in history and "31 March 2008" in history


def test_missing_required_fields_are_listed_in_an_error_summary(dcs):
    scale = f.PriorityScaleFactory()
    response = add_audit(dcs, scale, title="", auditor="")
    assert response.status_code == 200
    page = response.text
    assert "There is a problem" in page
    assert 'href="#id_title"' in page and 'href="#id_auditor"' in page
    assert "<title>Error: " in page
    assert 'aria-describedby="id_title-error"' in page
    assert not Audit.objects.exists()


def test_an_impossible_date_is_refused_with_a_clear_message(dcs):
    scale = f.PriorityScaleFactory()
    response = add_audit(dcs, scale, report_date_0=31, report_date_1=2, report_date_2=2008)
    assert response.status_code == 200
    assert ENTER_REAL_DATE.format(label="Report date") in response.text
    assert 'href="#id_report_date_0"' in response.text
    assert not Audit.objects.exists()


def test_an_action_cannot_fall_due_before_the_audit(dcs):
    rec = f.RecommendationFactory(audit__report_date=datetime.date(2007, 11, 1))
    url = reverse("recommendations:recommendation_action_create", args=[rec.pk])
    response = dcs.post(
        url,
        {
            "description": "Too early",
            "owner": dcs.person.pk,
            "timescale": "",
            **date_fields("due_date", datetime.date(2007, 10, 1)),
            "change_reason": "",
        },
    )
    assert response.status_code == 200
    assert "on or after the date of the audit report (1 November 2007)" in response.text
    response = dcs.post(
        url,
        {
            "description": "Also too early",
            "owner": dcs.person.pk,
            "timescale": "September 2007",
            "change_reason": "",
        },
    )
    assert "on or after the date of the audit report" in response.text
    response = dcs.post(
        url,
        {
            "description": "Unreadable",
            "owner": dcs.person.pk,
            "timescale": "When pigs fly",
            "change_reason": "",
        },
    )
    assert response.context["form"].errors["timescale"] == [
        'Cannot read a date from "When pigs fly".'
    ]
    assert "Cannot read a date from &quot;When pigs fly&quot;" in response.text
    assert not Action.objects.filter(plan__recommendation=rec).exists()


def test_changing_a_status_needs_a_reason_which_the_history_keeps(dcs):
    rec = f.RecommendationFactory()
    url = reverse("recommendations:recommendation_status", args=[rec.pk])
    response = dcs.post(url, {"status": "implemented", "reason": "", "version": rec.version})
    assert response.status_code == 200 and "Enter the reason" in response.text
    rec.refresh_from_db()
    assert rec.status == "not_started"
    response = dcs.post(
        url,
        {"status": "implemented", "reason": "MoU signed by all partners", "version": rec.version},
    )
    assert response.status_code == 302
    latest = Recommendation.history.filter(id=rec.pk).latest()
    assert (
        latest.status == "implemented"
        and latest.history_change_reason == "MoU signed by all partners"
    )
    assert (
        "MoU signed by all partners"
        in dcs.get(reverse("recommendations:recommendation_history", args=[rec.pk])).text
    )


def test_a_concurrent_edit_is_refused_and_shows_what_changed(dcs):
    audit = f.AuditFactory(title="First title")
    url = reverse("recommendations:audit_update", args=[audit.pk])
    seen = audit.version
    form = {
        "title": "Second title",
        "auditor": audit.auditor,
        "audited_body": audit.audited_body,
        **date_fields("report_date", audit.report_date),
        "reference": "",
        "summary": "",
        "priority_scale": audit.priority_scale_id,
        "version": seen,
        "change_reason": "",
    }
    assert dcs.post(url, form).status_code == 302
    response = dcs.post(url, {**form, "title": "Third title"})
    assert response.status_code == 200
    assert STALE_EDIT in response.text and "Second title" in response.text
    audit.refresh_from_db()
    assert audit.title == "Second title"


def test_auditor_and_partner_cannot_write(client, db):
    rec = f.RecommendationFactory()
    action = f.ActionFactory(plan=rec.action_plan)
    auditor = f.UserFactory(username="aud", role="auditor")
    client.force_login(auditor)
    assert client.get(rec.get_absolute_url()).status_code == 200
    for url in (
        reverse("recommendations:audit_create"),
        reverse("recommendations:recommendation_status", args=[rec.pk]),
        reverse("partners:action_slip", args=[action.pk]),
        reverse("partners:progressupdate_create", args=[action.pk]),
    ):
        assert client.post(url, {}).status_code == 403, url

    owner = f.partner_user(username="owner")
    mine = f.ActionFactory(plan=rec.action_plan, owner=owner.person)
    client.force_login(owner)
    assert client.get(reverse("partners:action_slip", args=[mine.pk])).status_code == 403
    assert client.get(reverse("partners:action_update", args=[mine.pk])).status_code == 403
    assert client.get(action.get_absolute_url()).status_code == 404  # another partner's action
    response = client.post(
        reverse("partners:progressupdate_create", args=[mine.pk]),
        {
            **date_fields("date", TODAY),
            "note": "Done and dusted",
            "rag": "green",
            "mark_complete": "on",
        },
    )
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.status == "complete" and mine.completed_on == TODAY
    latest = Action.history.filter(id=mine.pk).latest()
    assert latest.history_user == owner


def test_partner_may_only_mark_complete(client, db):
    owner = f.partner_user(username="owner")
    action = f.ActionFactory(owner=owner.person)
    client.force_login(owner)
    url = reverse("partners:action_status", args=[action.pk])
    page = client.get(url)
    assert [value for value, _ in page.context["form"].fields["status"].choices] == ["complete"]
    response = client.post(
        url, {"status": "cancelled", "reason": "Not needed", "version": action.version}
    )
    assert response.status_code == 200
    action.refresh_from_db()
    assert action.status == "not_started"
