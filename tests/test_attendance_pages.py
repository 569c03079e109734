"""Recording attendance through the pages (DCS staff: the whole meeting; partner staff:
their own people's apologies and substitutes for a meeting to come), what each role sees of
it, and the partnership's attendance page."""

import datetime

import pytest
from django.urls import reverse

from partners.models import Attendance
from tests import factories as f
from trust import clock
from trust.permissions import Role

TODAY = datetime.date(2008, 9, 2)
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)


@pytest.fixture
def board():
    """A board with a police member and a council member, a meeting held and one to come."""
    component = f.ComponentFactory(name="Safeguarding Board")
    police = f.PartnerFactory(name="Police")
    council = f.PartnerFactory(name="City Council")
    return {
        "component": component,
        "police": police,
        "council": council,
        "officer": f.MembershipFactory(component=component, represents=police).person,
        "director": f.MembershipFactory(component=component, represents=council).person,
        "held": f.MeetingFactory(component=component, date=datetime.date(2008, 7, 1)),
        "coming": f.MeetingFactory(component=component, date=datetime.date(2008, 10, 1)),
    }


def signed_in(client, **kwargs):
    client.force_login(f.UserFactory(**kwargs) if "role" in kwargs else kwargs["user"])
    return client


def test_dcs_staff_record_a_meetings_attendance_with_a_substitute_and_someone_in_attendance(
    client, board
):
    signed_in(client, role=Role.DCS)
    held, officer, director = board["held"], board["officer"], board["director"]
    deputy = f.PersonFactory(partner=board["police"], name="Deputy")
    clerk = f.PersonFactory(partner=None, name="Clerk")
    page = reverse("partners:meeting_attendance", args=[held.pk])
    form = client.get(page)
    assert form.status_code == 200
    assert officer.name in form.text and director.name in form.text

    response = client.post(
        page,
        {
            f"status_{officer.pk}": "substitute",
            f"substitute_{officer.pk}": deputy.pk,
            f"status_{director.pk}": "apologies",
            f"note_{director.pk}": "On leave",
            "add_person_0": clerk.pk,
            "add_status_0": "attending",
        },
    )
    assert response.status_code == 302
    rows = {a.person: a for a in Attendance.objects.filter(meeting=held)}
    assert rows[officer].status == "substitute" and rows[officer].substitute == deputy
    assert rows[officer].partner == board["police"]
    assert rows[director].note == "On leave" and rows[director].partner == board["council"]
    assert rows[clerk].status == "attending" and rows[clerk].partner is None
    assert rows[officer].history.get().history_user.role == Role.DCS

    meeting_page = client.get(held.get_absolute_url()).text
    assert "Deputy came instead" in meeting_page
    assert "1 of the 2 partners expected" in meeting_page


def test_a_substitute_must_be_named(client, board):
    signed_in(client, role=Role.DCS)
    officer = board["officer"]
    page = reverse("partners:meeting_attendance", args=[board["held"].pk])
    response = client.post(page, {f"status_{officer.pk}": "substitute"})
    assert response.status_code == 200
    assert "Choose who came instead" in response.text
    assert not Attendance.objects.exists()


def test_clearing_a_status_removes_the_row_keeping_its_history(client, board):
    signed_in(client, role=Role.DCS)
    officer = board["officer"]
    row = f.AttendanceFactory(meeting=board["held"], person=officer, status="present")
    page = reverse("partners:meeting_attendance", args=[board["held"].pk])
    assert client.post(page, {f"status_{officer.pk}": ""}).status_code == 302
    assert not Attendance.objects.filter(pk=row.pk).exists()
    assert Attendance.history.filter(id=row.pk, history_type="-").exists()


def test_partner_staff_send_their_own_peoples_apologies_for_a_meeting_to_come(client, board):
    user = f.partner_user(partner=board["police"])
    signed_in(client, user=user)
    officer, director = board["officer"], board["director"]
    page = reverse("partners:meeting_apologies", args=[board["coming"].pk])
    form = client.get(page)
    assert form.status_code == 200
    assert officer.name in form.text and director.name not in form.text
    assert "Present" not in form.text  # apologies or a substitute only

    deputy = f.PersonFactory(partner=board["police"])
    assert (
        client.post(
            page, {f"status_{officer.pk}": "substitute", f"substitute_{officer.pk}": deputy.pk}
        ).status_code
        == 302
    )
    assert Attendance.objects.get(person=officer).substitute == deputy
    # Another partner's people are not theirs to answer for, even by a forged field.
    client.post(page, {f"status_{director.pk}": "apologies"})
    assert not Attendance.objects.filter(person=director).exists()


def test_partner_staff_may_not_send_apologies_for_a_meeting_held_nor_record_attendance(
    client, board
):
    signed_in(client, user=f.partner_user(partner=board["police"]))
    held, coming = board["held"], board["coming"]
    assert client.get(reverse("partners:meeting_apologies", args=[held.pk])).status_code == 403
    for meeting in (held, coming):
        url = reverse("partners:meeting_attendance", args=[meeting.pk])
        assert client.get(url).status_code == 403
    assert "Send apologies" in client.get(coming.get_absolute_url()).text
    assert "Send apologies" not in client.get(held.get_absolute_url()).text


def test_auditors_read_attendance_and_record_none(client, board):
    signed_in(client, role=Role.AUDITOR)
    held = board["held"]
    assert client.get(reverse("partners:meeting_attendance", args=[held.pk])).status_code == 403
    assert client.get(reverse("partners:meeting_apologies", args=[held.pk])).status_code == 403
    assert client.get(reverse("partners:attendance")).status_code == 200


def test_partners_see_their_own_rows_and_every_partners_rate(client, board):
    held = board["held"]
    f.AttendanceFactory(meeting=held, person=board["officer"], status="absent", note="Ours")
    f.AttendanceFactory(meeting=held, person=board["director"], status="present", note="Theirs")
    signed_in(client, user=f.partner_user(partner=board["police"]))

    page = client.get(held.get_absolute_url()).text
    assert "Ours" in page and "Theirs" not in page

    rates = client.get(reverse("partners:attendance") + "?period=year-2008").text
    assert "Police" in rates and "City Council" in rates
    assert "100%" in rates and "0%" in rates


def test_the_attendance_page_sorts_exports_and_flags(client, board, settings):
    settings.TRUST = {**settings.TRUST, "ATTENDANCE_MINIMUM_MEETINGS": 1}
    f.AttendanceFactory(meeting=board["held"], person=board["director"], status="present")
    signed_in(client, role=Role.DCS)
    url = reverse("partners:attendance")

    page = client.get(url, {"period": "year-2008", "sort": "-rate"}).text
    table = page[page.index("<table") :]
    assert table.index("City Council") < table.index(">Police<")
    table = client.get(url, {"period": "year-2008", "sort": "rate"}).text.split("<table")[1]
    assert table.index(">Police<") < table.index("City Council")
    assert "Below the alert share" in page and board["held"].get_absolute_url() in page

    export = client.get(url, {"period": "year-2008", "format": "csv"})
    assert export["Content-Type"].startswith("text/csv")
    lines = export.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "Partner,Expected at,Attended,Rate,Flagged"
    assert "City Council,1,1,100%,No" in lines
    assert "Police,1,0,0%,Below the alert share" in lines


def test_the_attendance_page_says_when_nobody_was_expected(client, db):
    signed_in(client, role=Role.DCS)
    page = client.get(reverse("partners:attendance")).text
    assert "No partner was expected at a meeting in this period." in page


def test_the_partner_and_component_pages_show_attendance_rates(client, board):
    f.AttendanceFactory(meeting=board["held"], person=board["officer"], status="present")
    signed_in(client, role=Role.DCS)
    partner_page = client.get(board["police"].get_absolute_url()).text
    assert "Attended 1 of 1 meeting it was expected at (100%)" in partner_page
    component_page = client.get(board["component"].get_absolute_url()).text
    assert "1 of 2 expected attendances (50%)" in component_page
    dashboard = client.get(reverse("home")).text
    assert "1 of 2 expected attendances (50%)" in dashboard


def test_the_host_authority_is_set_on_the_partner_form(client, board):
    signed_in(client, role=Role.DCS)
    page = client.get(reverse("partners:partner_update", args=[board["council"].pk])).text
    assert 'name="is_host_authority"' in page


@pytest.mark.parametrize(
    "value", ["", "x" * 400, "\x00", "99999999999999999999", "-1", "present", "<b>"]
)
def test_the_apologies_form_refuses_extreme_values_without_a_server_error(client, board, value):
    signed_in(client, user=f.partner_user(partner=board["police"]))
    officer = board["officer"]
    page = reverse("partners:meeting_apologies", args=[board["coming"].pk])
    for field in ("status", "substitute", "note"):
        response = client.post(page, {f"{field}_{officer.pk}": value})
        assert response.status_code < 500, (field, value)
    assert not Attendance.objects.exclude(status__in=["apologies", "substitute"]).exists()


def test_partner_staff_withdraw_their_apologies_but_not_change_a_held_meetings_rows(client, board):
    officer = board["officer"]
    coming = f.AttendanceFactory(meeting=board["coming"], person=officer, status="apologies")
    held = f.AttendanceFactory(meeting=board["held"], person=officer, status="absent")
    signed_in(client, user=f.partner_user(partner=board["police"]))
    page = reverse("partners:meeting_apologies", args=[board["coming"].pk])
    assert client.post(page, {f"status_{officer.pk}": "present"}).status_code == 200  # refused
    assert client.post(page, {f"status_{officer.pk}": ""}).status_code == 302
    assert not Attendance.objects.filter(pk=coming.pk).exists()
    assert Attendance.objects.get(pk=held.pk).status == "absent"
