"""History pages, recent changes and restoring deleted records, through the views."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from recommendations.models import Recommendation
from tests import factories as f
from trust.services import record_delete, record_save


@pytest.fixture
def dcs(client, db):
    user = f.UserFactory(username="dcs", role="dcs", first_name="Barbara", last_name="Newton")
    f.PersonFactory(user=user, name="Barbara Newton")
    client.force_login(user)
    client.user = user
    return client


def test_history_shows_field_and_many_to_many_changes_in_words(dcs):
    rec = f.RecommendationFactory(number="4", status="not_started")
    officer = f.PersonFactory(name="John Maynard")
    rec.status = "in_progress"
    rec.timescale = "March 2008"
    record_save(rec, by=dcs.user, reason="Work started", m2m={"responsible_officers": [officer]})
    page = dcs.get(reverse("recommendations:recommendation_history", args=[rec.pk])).text
    assert "Not started" in page and "In progress" in page  # labels, not stored codes
    assert "not_started" not in page
    assert "December 2007" in page and "March 2008" in page
    assert "added John Maynard" in page
    assert "Work started" in page and "Barbara Newton" in page


def test_a_deletion_stays_visible_and_dcs_staff_can_restore_it(dcs, auditor):
    rec = f.RecommendationFactory(number="7")
    officer = f.PersonFactory(name="Adam Hewitt")
    record_save(rec, by=dcs.user, m2m={"responsible_officers": [officer]})
    pk = rec.pk
    record_delete(rec, by=dcs.user, reason="Entered twice")

    page = dcs.get(reverse("recent_changes"), {"record_type": "recommendations.recommendation"})
    [deleted] = [e for e in page.context["entries"] if e.kind == "Deleted"]
    assert deleted.user == dcs.user and deleted.reason == "Entered twice"
    assert "Restore" in page.text

    restore = reverse("restore", args=["recommendations.Recommendation", deleted.row.history_id])
    client = Client()
    client.force_login(auditor)
    assert client.post(restore).status_code == 403
    assert "Restore" not in client.get(reverse("recent_changes")).text

    response = dcs.post(restore)
    assert response.status_code == 302
    back = Recommendation.objects.get(pk=pk)
    assert back.number == "7" and list(back.responsible_officers.all()) == [officer]
    latest = Recommendation.history.filter(id=pk).latest()
    assert (
        latest.history_user == dcs.user
        and latest.history_change_reason == "Restored from the history"
    )

    again = dcs.post(restore, follow=True)
    assert "Not restored" in again.text


def test_recent_changes_filter_by_type_person_partner_and_dates(dcs, db):
    other = f.partner_user(username="pct")
    component = f.ComponentFactory()
    record_save(component, by=dcs.user, reason="By DCS")
    action = f.ActionFactory(owner=other.person)
    action.status = "in_progress"  # a save that changes nothing shown is not listed
    record_save(action, by=other, reason="By the PCT")
    url = reverse("recent_changes")

    by_type = dcs.get(url, {"record_type": "trust.component"}).context["entries"]
    assert by_type and all(e.model_label == "trust.Component" for e in by_type)
    by_person = dcs.get(url, {"changed_by": other.pk}).context["entries"]
    assert [e.reason for e in by_person] == ["By the PCT"]
    by_partner = dcs.get(url, {"partner": other.person.partner_id}).context["entries"]
    assert [e.reason for e in by_partner] == ["By the PCT"]
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    assert dcs.get(url, {"since": tomorrow.isoformat()}).context["entries"] == []
