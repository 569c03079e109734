"""The demo reads as the trust it shows (2 September 2008), and load_demo never reverts work."""

import datetime
import io
import os
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone

from partners.models import Action, Attendance, Meeting, ProgressUpdate
from recommendations import demo_data
from recommendations.models import Recommendation
from tests import factories
from tests.test_demo import row_counts
from tests.test_settings import STRONG_KEY, load_settings
from trust import clock
from trust.models import Component, User
from trust.services import record_delete, record_save

DEMO_START = "2008-09-02T09:00"
BANNER = "the trust as it stood on 2 September 2008"


def london(moment):
    return timezone.localtime(moment).replace(tzinfo=None)


@pytest.mark.django_db
@override_settings(TRUST_CLOCK_START=DEMO_START)
def test_a_moved_clock_runs_from_its_start_and_dates_new_history(monkeypatch):
    real = timezone.now()
    monkeypatch.setattr(timezone, "now", lambda: real)
    assert london(clock.now()) == datetime.datetime(2008, 9, 2, 9)
    assert clock.today() == datetime.date(2008, 9, 2)
    monkeypatch.setattr(timezone, "now", lambda: real + datetime.timedelta(hours=2))
    assert london(clock.now()) == datetime.datetime(2008, 9, 2, 11)

    component = record_save(
        Component(name="Demo board", short_name="DB", function=factories.function_named("Leading")),
        reason="test",
    )
    assert london(component.history.get().history_date) == datetime.datetime(2008, 9, 2, 11)


@pytest.mark.django_db
def test_the_real_clock_dates_history_when_the_clock_is_not_moved():
    component = factories.ComponentFactory()
    row = component.history.get()
    assert abs(row.history_date - timezone.now()) < datetime.timedelta(minutes=5)
    assert clock.today() == timezone.localdate()


@pytest.mark.django_db
def test_a_restarted_demo_clock_starts_after_the_latest_recorded_change():
    component = Component(
        name="Board", short_name="B", function=factories.function_named("Leading")
    )
    component._history_date = timezone.make_aware(datetime.datetime(2008, 9, 5, 14))
    record_save(component, reason="made in an earlier demo session")
    factories.UserFactory()  # made on the real clock (createsuperuser): does not move the demo
    with override_settings(TRUST_CLOCK_START=DEMO_START):
        assert clock.now() > component.history.get().history_date
        assert clock.today() == datetime.date(2008, 9, 5)


@pytest.mark.django_db
def test_the_demo_banner_is_on_every_page_while_the_clock_is_moved(client, dcs_user):
    with override_settings(TRUST_CLOCK_START=DEMO_START):
        signed_out = client.get("/sign-in/").content.decode()
        client.force_login(dcs_user)
        home = client.get("/").content.decode()
        missing = client.get("/no-such-page/")
    for page in (signed_out, home, missing.content.decode()):
        assert BANNER in page
        assert "govuk-phase-banner" in page
    assert missing.status_code == 404
    assert BANNER not in client.get("/").content.decode()


def test_production_refuses_to_start_with_the_clock_moved():
    code, output = load_settings(
        "trust.settings.production",
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS="trust.example.org",
        TRUST_CLOCK_START=DEMO_START,
    )
    assert code != 0 and "TRUST_CLOCK_START" in output


def test_a_clock_start_that_is_not_a_date_is_refused_at_start():
    code, output = load_settings("trust.settings.dev", TRUST_CLOCK_START="next Tuesday")
    assert code != 0 and "TRUST_CLOCK_START" in output


def test_development_serves_without_debug_unless_asked():
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "DJANGO_SETTINGS_MODULE")}
    code = "import django; from django.conf import settings; django.setup(); print(settings.DEBUG)"

    def debug(**extra):
        result = subprocess.run(
            [sys.executable, "-c", code],
            env={**env, "DJANGO_SETTINGS_MODULE": "trust.settings.dev", **extra},
            capture_output=True,
            text=True,
            cwd=settings.BASE_DIR,
        )
        return result.stdout.split()[-1]

    assert debug() == "False"
    assert debug(DEBUG="1") == "True"


def test_make_run_starts_the_demo_clock_on_the_demo_day():
    makefile = (settings.BASE_DIR / "Makefile").read_text()
    start = re.search(r"^DEMO_CLOCK \?= (\S+)$", makefile, re.M).group(1)
    assert datetime.datetime.fromisoformat(start).date() == demo_data.DEMO_DAY
    assert "TRUST_CLOCK_START=$(DEMO_CLOCK)" in makefile


@pytest.mark.django_db
def test_static_files_are_served_with_debug_off(client):
    assert not settings.DEBUG
    assert client.get("/static/css/app.css").status_code == 200


@pytest.mark.django_db
def test_an_expired_form_gets_the_apps_own_page(dcs_user):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(dcs_user)
    response = browser.post("/sign-out/", HTTP_REFERER="http://testserver/my-actions/")
    page = response.content.decode()
    assert response.status_code == 403
    assert "This form has expired" in page and "Nothing was saved" in page
    assert settings.SERVICE_NAME.replace("'", "&#x27;") in page  # the app's own layout
    assert 'href="http://testserver/my-actions/"' in page
    elsewhere = browser.post("/sign-out/", HTTP_REFERER="https://evil.example/")
    assert "evil.example" not in elsewhere.content.decode()


# --- load_demo ---------------------------------------------------------------------------------


def load_demo():
    call_command("load_demo", stdout=io.StringIO())


def history_of(obj):
    return list(obj.history.order_by("history_id").values())


@pytest.mark.django_db
def test_load_demo_leaves_records_edited_or_deleted_in_the_app_as_they_are():
    load_demo()
    editor = User.objects.get(username="dcs")
    rec = Recommendation.objects.get(number="6")
    rec.text = "Reworded at the board's request."
    rec.responsibility = "Director of Children's Services"
    record_save(rec, by=editor, reason="Board asked for plainer words")
    account = User.objects.get(username="pct")
    account.first_name = "Renamed"  # as the admin site saves it: User has no version
    account._change_reason = "Name corrected"
    account.save()
    update = ProgressUpdate.objects.order_by("pk").first()
    record_delete(update, by=editor, reason="Entered twice")
    forums = Component.objects.get(name="Open Forums")
    forums.name = "Open Forum sessions"
    record_save(forums, by=editor, reason="Renamed by the board")
    before = (history_of(rec), history_of(account), Recommendation.objects.get(pk=rec.pk))
    counts = row_counts()

    load_demo()

    assert row_counts() == counts  # nothing added back, not even a history row

    rec.refresh_from_db()
    account.refresh_from_db()
    assert rec.text == "Reworded at the board's request."
    assert rec.responsibility == "Director of Children's Services"
    assert rec.version == before[2].version
    assert history_of(rec) == before[0]
    assert account.first_name == "Renamed" and history_of(account) == before[1]
    assert not ProgressUpdate.objects.filter(pk=update.pk).exists()
    assert not ProgressUpdate.objects.filter(action=update.action, date=update.date).exists()


@pytest.mark.django_db
def test_the_demo_records_nothing_after_its_day_and_reads_as_on_it(client):
    load_demo()
    start = timezone.make_aware(datetime.datetime.fromisoformat(DEMO_START))
    from trust.changes import tracked_models

    for model in tracked_models():
        assert not model.history.filter(history_date__gte=start).exists(), model
    assert not ProgressUpdate.objects.filter(date__gt=demo_data.DEMO_DAY).exists()
    assert not Action.objects.filter(completed_on__gt=demo_data.DEMO_DAY).exists()
    scheduled = Meeting.objects.filter(date__gt=demo_data.DEMO_DAY)
    assert scheduled.exists()
    assert not Attendance.objects.filter(meeting__in=scheduled).exists()

    client.force_login(User.objects.get(username="dcs"))
    with override_settings(TRUST_CLOCK_START=DEMO_START):
        response = client.get("/")
        overdue = list(response.context["overdue_actions"])
        assert overdue and max(action.days_overdue for action in overdue) < 365
    assert BANNER in response.content.decode()
    assert response.context["due_soon_count"] > 0
