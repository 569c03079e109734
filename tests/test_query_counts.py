"""A page's query count does not grow with its rows: each page at 5 and at 50."""

import datetime

import pytest
from django.urls import reverse

from tests import factories as f
from tests.utils import assert_constant_queries
from trust import clock
from trust.services import record_save


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: datetime.date(2008, 1, 15))


@pytest.fixture
def dcs(client, db):
    user = f.UserFactory(username="dcs", role="dcs")
    client.person = f.PersonFactory(user=user)
    client.force_login(user)
    return client


def busy_recommendation(audit, person):
    """A recommendation with officers, components, links and two actions with updates."""
    rec = f.RecommendationFactory(audit=audit)
    rec.responsible_officers.add(person)
    rec.components.add(f.ComponentFactory())
    for _ in range(2):
        action = f.ActionFactory(
            plan=rec.action_plan, owner=person, due_date=datetime.date(2007, 12, 31)
        )
        f.ProgressUpdateFactory(action=action)
    return rec


def test_audit_list(dcs):
    scale = f.PriorityScaleFactory()

    def grow(n):
        for _ in range(n):
            f.RecommendationFactory(audit=f.AuditFactory(priority_scale=scale))

    assert_constant_queries(dcs, reverse("recommendations:audit_list"), grow)


def test_audit_detail(dcs):
    audit = f.AuditFactory()
    assert_constant_queries(
        dcs,
        audit.get_absolute_url(),
        lambda n: [busy_recommendation(audit, dcs.person) for _ in range(n)],
    )


def test_recommendation_list(dcs):
    audit = f.AuditFactory()
    assert_constant_queries(
        dcs,
        reverse("recommendations:recommendation_list") + "?status=not_started",
        lambda n: [busy_recommendation(audit, dcs.person) for _ in range(n)],
    )


def test_recommendation_detail(dcs):
    rec = busy_recommendation(f.AuditFactory(), dcs.person)

    def grow(n):
        for _ in range(n):
            action = f.ActionFactory(plan=rec.action_plan, owner=f.PersonFactory())
            f.ProgressUpdateFactory(action=action)
            rec.related.add(f.RecommendationFactory(audit=rec.audit))
            rec.risks.add(f.RiskFactory())

    assert_constant_queries(dcs, rec.get_absolute_url(), grow)


def test_action_list_and_my_actions(dcs):
    audit = f.AuditFactory()
    hosted = f.HostedPriorityFactory()
    risk = f.RiskFactory(action_plan=f.ActionPlanFactory())

    def grow(n):
        for i in range(n):
            plan = [
                busy_recommendation(audit, dcs.person).action_plan,
                hosted.action_plan,
                risk.action_plan,
            ][i % 3]
            action = f.ActionFactory(plan=plan, owner=dcs.person)
            record_save(action, m2m={})

    assert_constant_queries(dcs, reverse("partners:action_list"), grow)
    assert_constant_queries(dcs, reverse("my_actions"), grow)


def test_action_detail(dcs):
    action = f.ActionFactory(owner=dcs.person)
    rec = f.RecommendationFactory(action_plan=action.plan)

    def grow(n):
        for _ in range(n):
            f.ProgressUpdateFactory(action=action, author=f.PersonFactory())
            action.refresh_from_db()
            action.note = ""
            action.description += "."
            record_save(action, reason="Reworded")

    assert rec.pk
    assert_constant_queries(dcs, action.get_absolute_url(), grow)


def test_dashboard(dcs):
    audit = f.AuditFactory()

    def grow(n):
        for _ in range(n):
            rec = busy_recommendation(audit, dcs.person)
            f.ActionFactory(
                plan=rec.action_plan,
                owner=dcs.person,
                due_date=datetime.date(2008, 1, 20),
                original_due_date=datetime.date(2008, 1, 20),
            )

    assert_constant_queries(dcs, reverse("home"), grow)


def test_recent_changes(dcs):
    audit = f.AuditFactory()

    def grow(n):
        for _ in range(n):
            rec = busy_recommendation(audit, dcs.person)
            rec.text += " Amended."
            record_save(rec, by=dcs.person.user, reason="Amended")

    # The cost is a fixed number of queries per record type shown: hold the types constant.
    url = reverse("recent_changes") + "?record_type=recommendations.recommendation"
    assert_constant_queries(dcs, url, grow)


def test_status_as_at_and_compare_pages(dcs, monkeypatch):
    real_today = datetime.date.today()  # the history rows are written now
    monkeypatch.setattr(clock, "today", lambda: real_today)
    audit = f.AuditFactory(report_date=datetime.date(2007, 11, 1))
    day = real_today.isoformat()
    grow = lambda n: [busy_recommendation(audit, dcs.person) for _ in range(n)]  # noqa: E731
    as_at = reverse("recommendations:audit_as_at", args=[audit.pk]) + f"?date={day}"
    assert_constant_queries(dcs, as_at, grow)
    page = dcs.get(as_at)
    assert page.context["day"] and len(page.context["snapshot"].recommendations) == 50
    compare = (
        reverse("recommendations:audit_compare", args=[audit.pk]) + f"?since=2007-11-01&until={day}"
    )
    assert_constant_queries(dcs, compare, grow)
    assert len(dcs.get(compare).context["differences"]) >= 100


def test_history_page_with_child_records(dcs):
    action = f.ActionFactory(owner=dcs.person)

    def grow(n):
        for _ in range(n):
            f.ProgressUpdateFactory(action=action, author=f.PersonFactory())
            action.refresh_from_db()
            action.description += "."
            record_save(action, reason="Reworded")

    assert_constant_queries(dcs, reverse("partners:action_history", args=[action.pk]), grow)
