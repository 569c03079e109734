"""Nothing lost or saved twice, in Chromium, by keyboard: restoring a deleted record from
Recent changes, and Back then Save again on a progress update."""

import pytest

from partners.models import ProgressUpdate
from recommendations.models import Recommendation
from tests import factories as f

from .conftest import sign_in
from .test_journeys import banner, main_text

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct horse battery staple"


def test_dcs_staff_delete_a_recommendation_and_restore_it_from_recent_changes(
    page, keyboard, checks
):
    checks.role = "dcs"
    f.UserFactory(username="dcs-restorer", role="dcs")
    rec = f.RecommendationFactory(number="7", text="Set up a conflict resolution procedure.")
    pk = rec.pk

    sign_in(page, keyboard, "dcs-restorer", PASSWORD)
    page.goto(rec.get_absolute_url())
    keyboard.follow("Delete Recommendation 7")
    keyboard.fill("Reason for deleting", "Deleted by mistake")
    keyboard.submit("Delete recommendation")
    assert "deleted" in banner(page)
    assert not Recommendation.objects.filter(pk=pk).exists()

    keyboard.follow("Recent changes")
    checks(screenshot="recent changes with a deletion")
    keyboard.follow("Restore Recommendation 7")
    assert "restored" in banner(page)
    assert page.url.endswith(rec.get_absolute_url())
    assert "Set up a conflict resolution procedure." in main_text(page)
    assert Recommendation.objects.filter(pk=pk, number="7").exists()
    checks(screenshot="restored")
    checks.assert_clean()


def test_back_and_save_again_saves_a_progress_update_once_and_says_so(page, keyboard, checks):
    checks.role = "partner"
    user = f.partner_user(username="pct-reporter")
    action = f.ActionFactory(owner=user.person, description="Publish the obesity strategy")
    note = "Strategy agreed by the board."

    sign_in(page, keyboard, "pct-reporter", PASSWORD)
    page.goto(action.get_absolute_url())
    keyboard.follow("Add a progress update")
    keyboard.fill("What has happened", note)
    keyboard.tab_to("Red")
    keyboard.press("ArrowDown")  # amber
    keyboard.press("ArrowDown")  # green
    keyboard.submit("Add progress update")
    assert "Progress update added." in banner(page)

    page.go_back()
    assert page.inner_text("h1") == "Add a progress update"
    keyboard.submit("Add progress update")
    assert page.inner_text("h1") == "This form was already sent"
    assert "Nothing was saved this time" in main_text(page)
    checks(screenshot="already sent")
    assert ProgressUpdate.objects.filter(action=action).count() == 1

    keyboard.follow("See what was saved")
    assert page.url.endswith(action.get_absolute_url())
    updates = main_text(page).split("Progress updates")[1].split("Recent changes")[0]
    assert updates.count(note) == 1
    checks.assert_clean()
