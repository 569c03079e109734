"""DCS staff record a meeting's attendance by keyboard alone (Tab, arrows, Space, Enter; no
mouse), from the dashboard through the component's page to the meeting's attendance form,
then read the partnership's attendance page."""

import io

import pytest
from django.core.management import call_command

from partners.models import Attendance, Meeting
from trust.models import Component

from .conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(transactional_db):
    """The demo trust, committed so the live server sees it (flushed after the test)."""
    call_command("load_demo", stdout=io.StringIO())


def main_text(page):
    return " ".join(page.inner_text("main").split())


def test_dcs_staff_record_a_meetings_attendance_by_keyboard(page, keyboard, checks, demo):
    checks.role = "dcs"
    board = Component.objects.get(short_name="LSCB")
    meeting = Meeting.objects.that_count().filter(component=board).order_by("-date").first()
    absent = Attendance.objects.filter(meeting=meeting, status="absent").select_related("person")
    row = absent.exclude(person=None).first()
    assert row is not None, "the demo's latest safeguarding board meeting has an absence"
    person = row.person

    sign_in(page, keyboard, "dcs", check=checks)
    keyboard.follow("Components")
    keyboard.follow(board.name, max_presses=200)
    checks(screenshot="component attendance")
    # Its meetings share the board's name: the link to this one is known by its address.
    link = page.locator(f'main a[href="{meeting.get_absolute_url()}"]').first
    keyboard.tab_to(link, max_presses=300)
    with page.expect_navigation():
        keyboard.press("Enter")
    assert page.url.endswith(meeting.get_absolute_url())
    checks(screenshot="meeting")

    keyboard.follow("Record attendance")
    checks(screenshot="record attendance")
    # Into the person's radio group: the checked radio ("Absent") takes the focus; the
    # arrow moves to "Sent apologies", choosing it.
    keyboard.tab_to(f"#id_status_{person.pk}_3", max_presses=200)
    keyboard.press("ArrowUp")
    assert page.evaluate("() => document.activeElement.value") == "apologies"
    keyboard.fill(f"#id_note_{person.pk}", "Apologies sent by e-mail")
    keyboard.submit("Save", max_presses=200)

    assert page.url.endswith(meeting.get_absolute_url())
    assert "Attendance saved" in main_text(page) or "Attendance saved" in page.inner_text("body")
    row.refresh_from_db()
    assert (row.status, row.note) == ("apologies", "Apologies sent by e-mail")
    assert "Apologies sent by e-mail" in main_text(page)
    checks()

    keyboard.follow("Attendance", max_presses=200)
    # The page opens on this attendance year (the real clock's here): all time instead.
    keyboard.tab_to("#id_period", max_presses=100)
    keyboard.press("End")
    assert page.evaluate("() => document.activeElement.value") == "all-time"
    keyboard.submit("Show", max_presses=50)
    checks(screenshot="attendance")
    assert "West Yorkshire Police" in main_text(page)
    checks.assert_clean()
