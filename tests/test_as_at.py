"""The status as at a date is exactly what the pages showed at the end of that day."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from partners import services as actions
from recommendations import services as recs
from recommendations.compare import compare
from recommendations.models import Verification
from recommendations.snapshot import current_snapshot, end_of_day, snapshot_as_at
from tests import factories as f
from trust import clock
from trust.services import record_delete, record_save

DAYS = [datetime.date(2007, 11, d) for d in (5, 6, 7, 8)]


@pytest.fixture
def on_day(monkeypatch):
    """Move the clock (history timestamps and "today") to noon of a given day."""

    def move(day):
        noon = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
        monkeypatch.setattr(timezone, "now", lambda: noon)
        monkeypatch.setattr(clock, "today", lambda: day)

    return move


@pytest.mark.django_db
def test_reconstruction_matches_each_simulated_day(on_day, dcs_user, auditor):
    seen = {}
    on_day(DAYS[0])
    audit = f.AuditFactory(report_date=datetime.date(2007, 11, 1))
    levels = list(audit.priority_scale.levels.order_by("rank"))
    officer, other = f.PersonFactory(name="Keith Burton"), f.PersonFactory(name="Sarah Sinclair")
    first = f.RecommendationFactory(audit=audit, number="1", priority=levels[1], action_plan=None)
    record_save(first, by=dcs_user, m2m={"responsible_officers": [officer]})
    a1 = actions.action_create(
        carrier=first,
        description="Draft the MoU",
        owner=officer,
        timescale="December 2007",
        due_date=datetime.date(2007, 12, 31),
        by=dcs_user,
    )
    seen[DAYS[0]] = current_snapshot(audit, dcs_user)

    on_day(DAYS[1])
    first.refresh_from_db()
    recs.recommendation_set_status(first, status="in_progress", reason="Started", by=dcs_user)
    actions.progress_update_add(
        a1, date=DAYS[1], note="First draft", rag="amber", author=officer, by=dcs_user
    )
    second = f.RecommendationFactory(audit=audit, number="2", priority=levels[2], action_plan=None)
    actions.action_create(
        carrier=second,
        description="Write the plan",
        owner=other,
        timescale="",
        due_date=datetime.date(2007, 11, 30),
        by=dcs_user,
    )
    seen[DAYS[1]] = current_snapshot(audit, dcs_user)

    on_day(DAYS[2])
    a1.refresh_from_db()
    actions.action_slip(
        a1, new_date=datetime.date(2008, 3, 31), reason="JAR", agreed_by=officer, by=dcs_user
    )
    first.refresh_from_db()
    record_save(first, by=dcs_user, m2m={"responsible_officers": [officer, other]})
    second.refresh_from_db()
    second.priority = levels[0]
    record_save(second, by=dcs_user, reason="Re-rated at committee")
    seen[DAYS[2]] = current_snapshot(audit, dcs_user)

    on_day(DAYS[3])
    a1.refresh_from_db()
    actions.action_set_status(a1, status="complete", reason="MoU signed", by=dcs_user)
    first.refresh_from_db()
    recs.recommendation_set_status(first, status="implemented", reason="Done", by=dcs_user)
    record_save(
        Verification(
            recommendation=first,
            outcome="implemented",
            verified_on=DAYS[3],
            comment="Seen the signed MoU",
            auditor=auditor,
        ),
        by=auditor,
    )
    second.refresh_from_db()
    plan = second.action_plan
    for action in plan.actions.all():
        record_delete(action, by=dcs_user, reason="Withdrawn")
    record_delete(second, by=dcs_user, reason="Withdrawn by the auditor")
    seen[DAYS[3]] = current_snapshot(audit, dcs_user)

    on_day(DAYS[3] + datetime.timedelta(days=30))
    for day in DAYS:
        rebuilt = snapshot_as_at(audit, end_of_day(day), dcs_user)
        assert rebuilt.recommendations == seen[day].recommendations, day
    # The day before the audit existed shows nothing.
    assert (
        snapshot_as_at(
            audit, end_of_day(DAYS[0] - datetime.timedelta(days=1)), dcs_user
        ).recommendations
        == []
    )

    before, after = (snapshot_as_at(audit, end_of_day(d), dcs_user) for d in (DAYS[1], DAYS[3]))
    kinds = {(d.number, d.kind) for d in compare(before, after)}
    assert ("1", "Closed") in kinds and ("1", "Slipped") in kinds and ("1", "Verified") in kinds
    assert ("2", "Removed") in kinds
    middle = snapshot_as_at(audit, end_of_day(DAYS[2]), dcs_user)
    assert ("2", "Re-rated") in {(d.number, d.kind) for d in compare(before, middle)}


@pytest.mark.django_db
def test_as_at_and_compare_pages(client, auditor):
    today = clock.today()
    rec = f.RecommendationFactory(number="6")
    f.ActionFactory(plan=rec.action_plan)
    client.force_login(auditor)
    url = reverse("recommendations:audit_as_at", args=[rec.audit_id])
    page = client.get(url, {"date": today.isoformat()})
    assert page.status_code == 200 and f"Status as at the end of {today:%-d %B %Y}" in page.text
    assert [r.number for r in page.context["snapshot"].recommendations] == ["6"]
    too_early = client.get(url, {"date": "2007-01-01"})
    assert "must be on or after the date of the report" in too_early.text
    future = client.get(url, {"date": (today + datetime.timedelta(days=1)).isoformat()})
    assert "cannot be in the future" in future.text
    compare_url = reverse("recommendations:audit_compare", args=[rec.audit_id])
    response = client.get(compare_url, {"since": "2008-01-01", "until": today.isoformat()})
    assert response.status_code == 200
    assert [(d.number, d.kind) for d in response.context["differences"]] == [("6", "New")]


@pytest.mark.django_db
def test_only_an_auditor_verifies_and_only_when_the_actions_are_complete(client, auditor, dcs_user):
    rec = f.RecommendationFactory()
    action = f.ActionFactory(plan=rec.action_plan)
    url = reverse("recommendations:verification_create", args=[rec.pk])
    data = {
        "outcome": "implemented",
        "verified_on_0": 1,
        "verified_on_1": 6,
        "verified_on_2": 2008,
        "comment": "Seen the MoU",
    }
    client.force_login(dcs_user)
    assert client.post(url, data).status_code == 403
    client.force_login(auditor)
    response = client.post(url, data)
    assert response.status_code == 200 and "once all its actions are complete" in response.text
    action.status, action.completed_on = "complete", datetime.date(2008, 5, 1)
    record_save(action)
    assert client.post(url, data).status_code == 302
    verification = Verification.objects.get()
    assert verification.auditor == auditor
    page = client.get(rec.get_absolute_url()).text
    assert "Verified implemented" in page
    history = client.get(reverse("recommendations:recommendation_history", args=[rec.pk])).text
    assert "Verified implemented" in history
