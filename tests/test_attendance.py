"""The attendance rules (``partners/attendance.py``): the roll-up from people to partners,
meetings that count, periods, the flag with its minimum, query counts and quorum."""

import datetime
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partners import attendance as rules
from tests import factories as f
from trust import clock

TODAY = datetime.date(2008, 9, 2)
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)


@pytest.fixture
def board():
    return f.ComponentFactory(name="Safeguarding Board")


def seat(board, partner=None, **kwargs):
    """An expected member's seat of ``partner`` (a new one by default) on ``board``."""
    partner = partner or f.PartnerFactory()
    return f.MembershipFactory(component=board, represents=partner, **kwargs)


def meeting(board, day=datetime.date(2008, 5, 1)):
    return f.MeetingFactory(component=board, date=day)


def row(meeting, person, status="present", **kwargs):
    return f.AttendanceFactory(meeting=meeting, person=person, status=status, **kwargs)


def figures(partner, period_key=rules.ALL_TIME):
    period = rules.period_named(period_key, rules.periods(2000))
    [found] = [r for r in rules.partner_rows(period) if r.pk == partner.pk] or [None]
    return (found.attended_meetings, found.expected_meetings) if found else (0, 0)


# --- The roll-up rule -----------------------------------------------------------------------


def test_a_partner_with_an_expected_member_is_expected_and_attends_when_they_are_present(board):
    member = seat(board)
    row(meeting(board), member.person)
    assert figures(member.represents) == (1, 1)


@pytest.mark.parametrize("status", ["apologies", "absent"])
def test_apologies_and_absence_do_not_count_as_attended(board, status):
    member = seat(board)
    row(meeting(board), member.person, status)
    assert figures(member.represents) == (0, 1)


def test_a_substitute_sent_counts_as_attended(board):
    member = seat(board)
    deputy = f.PersonFactory(partner=member.represents)
    row(meeting(board), member.person, "substitute", substitute=deputy)
    assert figures(member.represents) == (1, 1)


def test_a_partner_is_expected_even_when_nothing_was_recorded(board):
    member = seat(board)
    meeting(board)
    assert figures(member.represents) == (0, 1)


def test_members_not_expected_to_attend_do_not_make_their_partner_expected(board):
    member = seat(board, expected_to_attend=False)
    row(meeting(board), member.person)
    assert figures(member.represents) == (0, 0)


def test_a_seat_counts_only_between_its_dates(board):
    early = seat(board, ended=datetime.date(2008, 1, 31))
    late = seat(board, started=datetime.date(2008, 6, 1))
    meeting(board, datetime.date(2008, 3, 1))
    assert figures(early.represents) == (0, 0)
    assert figures(late.represents) == (0, 0)


def test_two_people_of_one_partner_make_one_expected_attendance(board):
    first = seat(board)
    second = seat(board, first.represents)
    held = meeting(board)
    row(held, first.person, "absent")
    row(held, second.person, "present")
    assert figures(first.represents) == (1, 1)


def test_a_person_of_the_partner_who_is_not_an_expected_member_does_not_make_it_attend(board):
    member = seat(board)
    colleague = f.PersonFactory(partner=member.represents)
    row(meeting(board), colleague, "present")
    assert figures(member.represents) == (0, 1)


def test_people_in_attendance_and_people_of_no_partner_are_left_out(board):
    officer = f.PersonFactory()
    independent = f.MembershipFactory(
        component=board, represents=None, person=f.PersonFactory(partner=None)
    )
    held = meeting(board)
    row(held, officer, "attending")
    row(held, independent.person, "present", partner=None)
    period = rules.period_named(rules.ALL_TIME)
    assert rules.partner_rows(period) == []


def test_an_in_attendance_row_does_not_make_an_expected_partner_attend(board):
    member = seat(board)
    row(meeting(board), member.person, "attending")
    assert figures(member.represents) == (0, 1)


def test_a_row_recorded_for_the_partner_alone_still_counts(board):
    member = seat(board)
    f.AttendanceFactory(meeting=meeting(board), partner=member.represents, status="present")
    assert figures(member.represents) == (1, 1)


def test_meetings_still_to_come_do_not_count(board):
    member = seat(board)
    coming = meeting(board, TODAY + datetime.timedelta(days=1))
    row(coming, member.person, "apologies")
    meeting(board, TODAY)  # today's counts
    assert figures(member.represents) == (0, 1)


def test_a_meetings_own_figures_follow_the_same_rule(board):
    present, absent = seat(board), seat(board)
    seat(board, expected_to_attend=False)
    held = meeting(board)
    row(held, present.person)
    row(held, absent.person, "absent")
    from partners.models import Meeting

    counted = Meeting.objects.with_attendance_counts().get(pk=held.pk)
    assert (counted.attended_partners, counted.expected_partners) == (1, 2)


# --- Periods --------------------------------------------------------------------------------


def test_the_year_starts_in_april_by_default_and_as_set(board, settings):
    assert rules.year_of(datetime.date(2008, 3, 31)) == 2007
    assert rules.year_of(datetime.date(2008, 4, 1)) == 2008
    year = rules.year_period(2007)
    assert (year.start, year.end) == (datetime.date(2007, 4, 1), datetime.date(2008, 3, 31))
    settings.TRUST = {**settings.TRUST, "ATTENDANCE_YEAR_STARTS": 1}
    year = rules.year_period(2007)
    assert (year.start, year.end) == (datetime.date(2007, 1, 1), datetime.date(2007, 12, 31))


def test_a_period_counts_only_its_meetings(board):
    member = seat(board)
    row(meeting(board, datetime.date(2007, 5, 1)), member.person)  # year 2007-08
    meeting(board, datetime.date(2008, 5, 1))  # year 2008-09 and the last 12 months
    meeting(board, datetime.date(2007, 6, 1))  # 2007-08, more than 12 months ago
    assert figures(member.represents, "year-2007") == (1, 2)
    assert figures(member.represents, "year-2008") == (0, 1)
    assert figures(member.represents, rules.LAST_12_MONTHS) == (0, 1)
    assert figures(member.represents, rules.ALL_TIME) == (1, 3)


def test_the_periods_offered_run_from_the_first_meetings_year(board):
    meeting(board, datetime.date(2006, 9, 1))
    keys = [p.key for p in rules.periods(rules.first_year())]
    assert keys == [rules.LAST_12_MONTHS, "year-2008", "year-2007", "year-2006", rules.ALL_TIME]
    assert rules.period_named("nonsense").key == "year-2008"


# --- The flag -------------------------------------------------------------------------------


def flagged_rows(settings, share=0.5, minimum=3):
    settings.TRUST = {
        **settings.TRUST,
        "ATTENDANCE_ALERT_BELOW": share,
        "ATTENDANCE_MINIMUM_MEETINGS": minimum,
    }
    return {r.pk: r for r in rules.partner_rows(rules.period_named(rules.ALL_TIME))}


def attend(board, member, pattern):
    """Meetings in May of successive years, ``pattern`` saying which the member attended."""
    held = []
    for n, went in enumerate(pattern):
        held.append(meeting(board, datetime.date(2001 + n, 5, 1)))
        row(held[-1], member.person, "present" if went else "absent")
    return held


def test_a_partner_exactly_at_the_alert_share_is_not_flagged(board, settings):
    member = seat(board)
    attend(board, member, [True, False, True, False])  # 2 of 4 = 0.5
    assert not flagged_rows(settings)[member.represents.pk].flagged


def test_a_partner_below_the_alert_share_is_flagged_with_the_meetings_it_missed(board, settings):
    member = seat(board)
    held = attend(board, member, [True, False, False])  # 1 of 3
    found = flagged_rows(settings)[member.represents.pk]
    assert found.flagged and found.missed == held[1:]


def test_a_partner_below_the_share_over_fewer_than_the_minimum_is_not_flagged(board, settings):
    member = seat(board)
    attend(board, member, [False, False])
    assert not flagged_rows(settings)[member.represents.pk].flagged
    assert flagged_rows(settings, minimum=2)[member.represents.pk].flagged


def test_totals_sum_the_partners(board):
    first, second = seat(board), seat(board)
    held = meeting(board)
    row(held, first.person)
    totals = rules.totals(rules.partner_rows(rules.period_named(rules.ALL_TIME)))
    assert (totals.attended, totals.expected, totals.rate) == (1, 2, 0.5)
    assert second  # expected, absent


def test_partner_rows_take_the_same_queries_however_many_meetings(board, settings):
    settings.TRUST = {**settings.TRUST, "ATTENDANCE_ALERT_BELOW": 1.0}

    def queries():
        period = rules.period_named(rules.ALL_TIME)
        with CaptureQueriesContext(connection) as captured:
            rules.partner_rows(period)
        return len(captured)

    members = [seat(board) for _ in range(3)]
    for day in range(3):
        meeting(board, datetime.date(2008, 1, 1 + day))
    few = queries()
    members += [seat(board) for _ in range(3)]
    for day in range(20):
        held = meeting(board, datetime.date(2007, 1, 1 + day))
        row(held, members[day % 6].person)
    assert queries() == few


# --- Quorum ---------------------------------------------------------------------------------


def rule(members=None, partners=None, substitutes=False):
    return SimpleNamespace(
        quorum_min_members=members, quorum_min_partners=partners, substitutes_count=substitutes
    )


@pytest.fixture
def quorate_meeting(board):
    """Members of the host authority and two other partners; one sends a substitute."""
    council = f.PartnerFactory(name="City Council", is_host_authority=True)
    held = meeting(board)
    row(held, seat(board, council).person)
    row(held, seat(board).person)
    member = seat(board)
    deputy = f.PersonFactory(partner=member.represents)
    row(held, member.person, "substitute", substitute=deputy)
    row(held, seat(board).person, "apologies")
    row(held, f.PersonFactory(), "attending")
    return held


def test_quorum_without_a_rule_says_so_with_who_was_present(quorate_meeting):
    result = rules.quorum(quorate_meeting, None)
    assert result.quorate is None and not result.has_rule
    assert (result.members_present, result.partners_present) == (2, 1)


def test_quorum_exactly_at_the_minimum_is_quorate(quorate_meeting):
    assert rules.quorum(quorate_meeting, rule(members=2, partners=1)).quorate
    assert not rules.quorum(quorate_meeting, rule(members=3, partners=1)).quorate
    assert not rules.quorum(quorate_meeting, rule(members=2, partners=2)).quorate


def test_substitutes_count_only_when_the_rule_says_so(quorate_meeting):
    without = rules.quorum(quorate_meeting, rule(members=3, partners=2))
    assert not without.quorate and (without.members_present, without.partners_present) == (2, 1)
    counted = rules.quorum(quorate_meeting, rule(members=3, partners=2, substitutes=True))
    assert counted.quorate and (counted.members_present, counted.partners_present) == (3, 2)
