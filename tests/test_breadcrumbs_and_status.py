"""Breadcrumb trails follow each model's declared parent; one status-change view serves every
record with a status and a reason."""

import datetime

import pytest
from django.urls import reverse

from partners.models import ActionStatus
from recommendations.models import RecommendationStatus
from tests import factories as f
from trust import clock
from trust.trails import trail

TODAY = datetime.date(2008, 3, 1)


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)


@pytest.fixture
def dcs(client, db):
    client.force_login(f.UserFactory(username="dcs", role="dcs"))
    return client


def audit_update():
    """A progress update on an action of recommendation 2 of an audit: three levels down."""
    audit = f.AuditFactory(title="Children's Trust arrangements")
    rec = f.RecommendationFactory(audit=audit, number="2")
    action = f.ActionFactory(plan=rec.action_plan)
    return f.ProgressUpdateFactory(action=action)


def test_a_breadcrumb_trail_follows_the_parent_chain_of_a_record_three_levels_deep(dcs):
    update = audit_update()
    action = update.action
    rec = action.plan.recommendation
    url = reverse("partners:progressupdate_update", args=[update.pk])
    trail = dcs.get(url).context["breadcrumbs"]
    assert trail == [
        ("Home", reverse("home")),
        ("Audits", reverse("recommendations:audit_list")),
        (str(rec.audit), rec.audit.get_absolute_url()),
        (str(rec), rec.get_absolute_url()),
        (str(action), action.get_absolute_url()),
        (str(update), update.get_absolute_url()),
    ]


def test_a_detail_page_trail_ends_at_its_parent_and_an_add_page_at_what_it_is_added_to(db):
    update = audit_update()
    action = update.action
    assert trail(action, itself=False)[-1] == (
        str(action.plan.recommendation),
        action.plan.recommendation.get_absolute_url(),
    )
    new = type(update)(action=action)
    assert trail(new)[-1] == (str(action), action.get_absolute_url())


def test_a_plan_without_a_list_of_its_own_is_found_from_the_list_of_its_priorities(dcs):
    priority = f.PriorityFactory()
    labels = [
        label for label, _ in dcs.get(priority.plan.get_absolute_url()).context["breadcrumbs"]
    ]
    assert labels == ["Home", "Priorities"]


def test_the_status_view_refuses_an_action_status_change_without_a_reason(dcs):
    action = f.ActionFactory()
    url = reverse("partners:action_status", args=[action.pk])
    response = dcs.post(
        url, {"status": ActionStatus.IN_PROGRESS, "reason": "", "version": action.version}
    )
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    action.refresh_from_db()
    assert action.status == ActionStatus.NOT_STARTED


def test_the_status_view_refuses_a_recommendation_status_change_without_a_reason(dcs):
    rec = f.RecommendationFactory()
    f.ActionFactory(plan=rec.action_plan)  # not started: "implemented" is not what it implies
    url = reverse("recommendations:recommendation_status", args=[rec.pk])
    response = dcs.post(
        url, {"status": RecommendationStatus.IMPLEMENTED, "reason": " ", "version": rec.version}
    )
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    rec.refresh_from_db()
    assert rec.status != RecommendationStatus.IMPLEMENTED


def test_the_status_view_changes_a_status_with_a_reason_and_says_so(dcs):
    action = f.ActionFactory()
    url = reverse("partners:action_status", args=[action.pk])
    response = dcs.post(
        url,
        {"status": ActionStatus.IN_PROGRESS, "reason": "Started", "version": action.version},
        follow=True,
    )
    assert "Status changed to in progress." in response.text
    action.refresh_from_db()
    assert action.status == ActionStatus.IN_PROGRESS
