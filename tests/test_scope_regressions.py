"""Leaks and crashes found in review, each pinned by a test."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from partners.models import ProgressUpdate
from recommendations.models import Recommendation
from tests import factories as f
from trust.permissions import Role
from trust.services import NOT_LATEST, record_delete, record_save


@pytest.fixture
def world(db):
    pct = f.partner_user(username="pct")
    council = f.PersonFactory(name="John Maynard")
    rec = f.RecommendationFactory(number="4")
    own = f.ActionFactory(plan=rec.action_plan, owner=pct.person, description="Our own step")
    theirs = f.ActionFactory(plan=rec.action_plan, owner=council, description="Council's step")
    dcs = f.UserFactory(username="dcs", role=Role.DCS)
    return {"pct": pct, "rec": rec, "own": own, "theirs": theirs, "dcs": dcs, "council": council}


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def test_as_at_and_its_exports_show_a_partner_only_their_actions(world):
    client = client_for(world["pct"])
    today = datetime.date.today().isoformat()
    audit = world["rec"].audit_id
    page = client.get(reverse("recommendations:audit_as_at", args=[audit]), {"date": today})
    [rec] = page.context["snapshot"].recommendations
    assert [a.description for a in rec.actions] == ["Our own step"]
    csv = client.get(
        reverse("recommendations:audit_export", args=[audit]),
        {"format": "csv-actions", "date": today},
    )
    assert "Our own step" in csv.content.decode() and "Council's step" not in csv.content.decode()


def test_only_dcs_staff_restore_even_records_a_role_may_add(world, auditor):
    update = f.ProgressUpdateFactory(action=world["own"])
    record_delete(update, by=world["dcs"], reason="Mistake")
    deletion = ProgressUpdate.history.filter(history_type="-").get()
    url = reverse("restore", args=["partners.ProgressUpdate", deletion.history_id])
    assert client_for(world["pct"]).post(url).status_code == 403
    assert client_for(auditor).post(url).status_code == 403
    assert client_for(world["dcs"]).post(url).status_code == 302


def test_restore_refuses_an_older_deletion(world):
    rec = world["rec"]
    pk = rec.pk
    record_delete(Recommendation.objects.get(pk=pk), by=world["dcs"], reason="First")
    first = Recommendation.history.filter(id=pk, history_type="-").get()
    dcs = client_for(world["dcs"])
    dcs.post(reverse("restore", args=["recommendations.Recommendation", first.history_id]))
    record_delete(Recommendation.objects.get(pk=pk), by=world["dcs"], reason="Second")
    response = dcs.post(
        reverse("restore", args=["recommendations.Recommendation", first.history_id]), follow=True
    )
    assert NOT_LATEST in response.text and not Recommendation.objects.filter(pk=pk).exists()


def test_a_host_cannot_complete_another_partners_action_in_its_plan(world):
    hosted = f.HostedPriorityFactory(host=world["pct"].person.partner)
    other = f.ActionFactory(plan=hosted.action_plan, owner=f.PersonFactory())
    client = client_for(world["pct"])
    assert client.get(other.get_absolute_url()).status_code == 200  # the host sees its plan
    url = reverse("partners:action_status", args=[other.pk])
    assert (
        client.post(
            url, {"status": "complete", "reason": "x", "version": other.version}
        ).status_code
        == 403
    )


def test_histories_do_not_name_records_a_partner_may_not_see(world):
    secret = f.RiskFactory(title="Staff reluctant to share information")
    rec = world["rec"]
    record_save(rec, by=world["dcs"], m2m={"risks": [secret]})
    page = (
        client_for(world["pct"])
        .get(reverse("recommendations:recommendation_history", args=[rec.pk]))
        .text
    )
    assert "Staff reluctant" not in page and "not shared with you" in page
    detail = client_for(world["pct"]).get(rec.get_absolute_url()).text
    assert "Staff reluctant" not in detail


def test_extreme_filter_values_get_an_answer_not_a_server_error(world):
    client = client_for(world["dcs"])
    assert client.get(reverse("recent_changes"), {"until": "9999-12-31"}).status_code == 200
    assert client.get(reverse("recent_changes"), {"page": "9" * 25}).status_code == 200
    assert client.get(reverse("recommendations:audit_list"), {"year": "9" * 25}).status_code == 200


def test_an_edit_without_the_version_it_was_loaded_with_is_refused(world):
    audit = f.AuditFactory(title="Kept")
    client = client_for(world["dcs"])
    response = client.post(
        reverse("recommendations:audit_update", args=[audit.pk]),
        {
            "title": "Overwritten",
            "auditor": "x",
            "audited_body": "y",
            "report_date_0": 1,
            "report_date_1": 11,
            "report_date_2": 2007,
            "priority_scale": audit.priority_scale_id,
        },
    )
    assert response.status_code == 200 and "This page is out of date" in response.text
    audit.refresh_from_db()
    assert audit.title == "Kept"
