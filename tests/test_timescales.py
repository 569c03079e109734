"""Tests for reading due dates out of audit action-plan timescales (no database)."""

from datetime import date

import pytest

from trust.timescales import TimescaleError, derive_due_dates, is_ongoing, parse_timescale


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("October 2007", date(2007, 10, 31)),
        ("November 2007", date(2007, 11, 30)),
        ("September 2007", date(2007, 9, 30)),
        ("December 2007", date(2007, 12, 31)),
        ("January 2008", date(2008, 1, 31)),
        ("March 2008", date(2008, 3, 31)),
        ("May 2008", date(2008, 5, 31)),
        ("june 2008", date(2008, 6, 30)),
        ("APRIL 2008", date(2008, 4, 30)),
    ],
)
def test_month_and_year_means_end_of_month(text, expected):
    assert parse_timescale(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Oct 2007", date(2007, 10, 31)),
        ("Sept 2007", date(2007, 9, 30)),
        ("Sep 2007", date(2007, 9, 30)),
        ("Dec. 2007", date(2007, 12, 31)),
        ("Jun 2008", date(2008, 6, 30)),
    ],
)
def test_abbreviated_month_means_end_of_month(text, expected):
    assert parse_timescale(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("February 2008", date(2008, 2, 29)),
        ("February 2007", date(2007, 2, 28)),
        ("Feb 2000", date(2000, 2, 29)),
        ("February 1900", date(1900, 2, 28)),
    ],
)
def test_february_ends_on_leap_day_only_in_leap_years(text, expected):
    assert parse_timescale(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By December 2007", date(2007, 12, 31)),
        ("by end of March 2008", date(2008, 3, 31)),
        ("By the end of March 2008", date(2008, 3, 31)),
        ("end of March 2008", date(2008, 3, 31)),
        ("End of Q1 2008", date(2008, 3, 31)),
        ("before October 2007", date(2007, 10, 31)),
        ("No later than Spring 2008", date(2008, 5, 31)),
    ],
)
def test_deadline_prefix_is_ignored(text, expected):
    assert parse_timescale(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Spring 2008", date(2008, 5, 31)),
        ("Summer 2008", date(2008, 8, 31)),
        ("Autumn 2007", date(2007, 11, 30)),
        ("Fall 2007", date(2007, 11, 30)),
        ("Winter 2008", date(2009, 2, 28)),
    ],
)
def test_season_means_end_of_its_last_month(text, expected):
    assert parse_timescale(text) == expected


def test_winter_ends_in_february_of_next_year_including_leap_day():
    assert parse_timescale("Winter 2007") == date(2008, 2, 29)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("October \u2013 December 2007", date(2007, 12, 31)),
        ("October - December 2007", date(2007, 12, 31)),
        ("October-December 2007", date(2007, 12, 31)),
        ("October \u2014 December 2007", date(2007, 12, 31)),
        ("October to December 2007", date(2007, 12, 31)),
        ("October 2007 \u2013 January 2008", date(2008, 1, 31)),
        ("Oct 2007 until Feb 2008", date(2008, 2, 29)),
        ("Spring - Summer 2008", date(2008, 8, 31)),
    ],
)
def test_range_means_end_of_range(text, expected):
    assert parse_timescale(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3rd October 2007", date(2007, 10, 3)),
        ("3 October 2007", date(2007, 10, 3)),
        ("5 th September 2007", date(2007, 9, 5)),
        ("1st November 2007", date(2007, 11, 1)),
        ("2nd January 2008", date(2008, 1, 2)),
        ("22nd February 2008", date(2008, 2, 22)),
        ("3rd of October 2007", date(2007, 10, 3)),
        ("October 3, 2007", date(2007, 10, 3)),
        ("October 3rd 2007", date(2007, 10, 3)),
        ("29th February 2008", date(2008, 2, 29)),
    ],
)
def test_day_month_and_year_means_that_day(text, expected):
    assert parse_timescale(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Q1 2008", date(2008, 3, 31)),
        ("Q2 2008", date(2008, 6, 30)),
        ("Q3 2008", date(2008, 9, 30)),
        ("Q4 2007", date(2007, 12, 31)),
        ("q1 2008", date(2008, 3, 31)),
    ],
)
def test_calendar_quarter_means_end_of_quarter(text, expected):
    assert parse_timescale(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("31/03/2008", date(2008, 3, 31)),
        ("1/4/2008", date(2008, 4, 1)),
        ("05/06/2008", date(2008, 6, 5)),
        ("31.03.2008", date(2008, 3, 31)),
        ("31/03/08", date(2008, 3, 31)),
    ],
)
def test_numeric_date_is_read_day_first(text, expected):
    assert parse_timescale(text) == expected


def test_iso_date_is_that_day():
    assert parse_timescale("2008-03-31") == date(2008, 3, 31)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2008/09", date(2009, 3, 31)),
        ("2008-09", date(2009, 3, 31)),
        ("2008/2009", date(2009, 3, 31)),
        ("Financial year 2008/09", date(2009, 3, 31)),
        ("FY 2008/09", date(2009, 3, 31)),
        ("1999/00", date(2000, 3, 31)),
    ],
)
def test_financial_year_ends_on_31_march(text, expected):
    assert parse_timescale(text) == expected


def test_financial_year_is_not_mistaken_for_iso_date():
    assert parse_timescale("2008-09") == date(2009, 3, 31)
    assert parse_timescale("2008-09-30") == date(2008, 9, 30)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  october 2007  ", date(2007, 10, 31)),
        ("SPRING 2008.", date(2008, 5, 31)),
        ("By December 2007.", date(2007, 12, 31)),
        ("\t3rd October\n2007 ", date(2007, 10, 3)),
    ],
)
def test_case_whitespace_and_trailing_full_stop_are_tolerated(text, expected):
    assert parse_timescale(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Ongoing", "ongoing", "On-going", "On going", "ONGOING.", "As required", "Continuous"],
)
def test_ongoing_text_has_no_due_date(text):
    assert parse_timescale(text) is None


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_blank_text_has_no_due_date(text):
    assert parse_timescale(text) is None


@pytest.mark.parametrize(
    "text", ["Ongoing", "ongoing", "On-going", " Ongoing. ", "As required", "Continuous"]
)
def test_is_ongoing_recognises_ongoing_wording(text):
    assert is_ongoing(text)


@pytest.mark.parametrize(
    "text", ["", "   ", "October 2007", "Soonish", "December 2007 Ongoing", "By ongoing"]
)
def test_is_ongoing_is_false_for_anything_else(text):
    assert not is_ongoing(text)


def test_unreadable_text_raises_error_naming_the_text():
    with pytest.raises(TimescaleError) as excinfo:
        parse_timescale("Soonish")
    assert str(excinfo.value) == 'Cannot read a date from "Soonish".'
    assert excinfo.value.text == "Soonish"


@pytest.mark.parametrize(
    "text", ["By", "October", "2007", "next year", "Q5 2008", "October 2007 Ongoing"]
)
def test_unreadable_text_raises(text):
    with pytest.raises(TimescaleError, match="Cannot read a date from"):
        parse_timescale(text)


def test_timescale_error_is_a_value_error():
    assert issubclass(TimescaleError, ValueError)


@pytest.mark.parametrize(
    "text",
    [
        "31/02/2008",
        "30th February 2008",
        "29th February 2007",
        "29/02/2007",
        "2008-02-30",
        "2008-13-01",
        "12/13/2008",
        "2008/10",
    ],
)
def test_impossible_date_raises_error_naming_the_text(text):
    with pytest.raises(TimescaleError) as excinfo:
        parse_timescale(text)
    assert str(excinfo.value) == f'"{text}" is not a real date.'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Barbara Newton & Adam Hewitt \u2013 October 2007 By December 2007 Spring 2008",
            [date(2007, 10, 31), date(2007, 12, 31), date(2008, 5, 31)],
        ),
        (
            "Keith Burton \u2013 October \u2013 December 2007 October 2007",
            [date(2007, 12, 31), date(2007, 10, 31)],
        ),
        (
            "John Maynard & Sarah Sinclair December 2007 December 2007",
            [date(2007, 12, 31), date(2007, 12, 31)],
        ),
        ("Mariana Pexton & Barbara Newton 3rd October 2007", [date(2007, 10, 3)]),
        ("Barbara Newton & Adam Hewitt \u2013 December 2007 Ongoing", [date(2007, 12, 31)]),
        (
            "Sarah Sinclair 5 th September 2007 and January 2008",
            [date(2007, 9, 5), date(2008, 1, 31)],
        ),
        ("Review in Q4 2007, then 2008/09", [date(2007, 12, 31), date(2009, 3, 31)]),
    ],
)
def test_derive_due_dates_reads_each_phrase_in_order(text, expected):
    assert derive_due_dates(text) == expected


@pytest.mark.parametrize(
    "text", ["", "Ongoing", "Barbara Newton & Adam Hewitt", "As required", "June Smith"]
)
def test_derive_due_dates_returns_empty_list_without_dates(text):
    assert derive_due_dates(text) == []


def test_derive_due_dates_skips_impossible_dates_without_raising():
    assert derive_due_dates("31/02/2008, then March 2008") == [date(2008, 3, 31)]
