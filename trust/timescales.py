"""Derive due dates from the free-text "timescales" in audit action plans.

Audit reports write timescales the way people speak ("Spring 2008", "October – December
2007", "Ongoing"). The text is kept exactly as written; this module only derives the date
by which an action is due. A phrase that spans time is due at its *last* day: a month at
its final day, a season or quarter at the end of its final month, a range at its end, a
financial year on 31 March.

Supported phrases (case-insensitive, surrounding whitespace and a trailing full stop
ignored): "October 2007", "Oct 2007", "Sept 2007", "Spring 2008", "Winter 2007" (ends
February 2008), "October – December 2007", "October 2007 to January 2008",
"3rd October 2007", "5 th September 2007", "October 3, 2007", "Q1 2008", "31/03/2008"
(day first), "31/03/08", "2008-03-31", and financial years "2008/09", "2008-09",
"2008/2009", "FY 2008/09". Ongoing wording ("Ongoing", "On-going", "As required",
"Continuous") and blank text mean no due date.
"""

import calendar
import datetime
import re
from collections.abc import Callable

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

# (years after the named year, month the season ends in). Winter starts in December, so
# "Winter 2007" runs into 2008.
_SEASON_ENDS = {
    "spring": (0, 5),
    "summer": (0, 8),
    "autumn": (0, 11),
    "fall": (0, 11),
    "winter": (1, 2),
}

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
_PERIOD = rf"(?:{_MONTH}|{_SEASON})"
_YEAR = r"(\d{4})"
_DAY = r"(\d{1,2})"
_ORDINAL = r"(?:st|nd|rd|th)"
# Hyphen, en dash and em dash all turn up in pasted report text.
_TO = r"(?:\s*[-\u2013\u2014]\s*|\s+(?:to|until|till|through)\s+)"


def _month_number(token: str) -> int:
    return _MONTHS.index(token[:3].lower()) + 1


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def _period_end(token: str, year: str) -> datetime.date:
    if token.lower() in _SEASON_ENDS:
        years_later, month = _SEASON_ENDS[token.lower()]
        return _month_end(int(year) + years_later, month)
    return _month_end(int(year), _month_number(token))


def _day(day: str, month: str, year: str) -> datetime.date:
    return datetime.date(int(year), _month_number(month), int(day))


def _numeric(day: str, _separator: str, month: str, year: str) -> datetime.date:
    # Two-digit years in these reports are always this century.
    full_year = int(year) + 2000 if len(year) == 2 else int(year)
    return datetime.date(full_year, int(month), int(day))


def _financial_year_end(start: str, end: str) -> datetime.date:
    next_year = int(start) + 1
    if int(end) != (next_year if len(end) == 4 else next_year % 100):
        raise ValueError("a financial year spans two consecutive years")
    return datetime.date(next_year, 3, 31)


# Order matters: where two forms could start at the same place, the longer reading wins
# (an ISO date before a financial year, a range before its single months).
_FORMS: dict[str, tuple[str, Callable[..., datetime.date]]] = {
    "iso": (r"(\d{4})-(\d{1,2})-(\d{1,2})", lambda y, m, d: datetime.date(int(y), int(m), int(d))),
    "numeric": (r"(\d{1,2})(?P<sep>[/.-])(\d{1,2})(?P=sep)(\d{4}|\d{2})", _numeric),
    "day_month": (rf"{_DAY}\s*{_ORDINAL}?\s+(?:of\s+)?({_MONTH}),?\s+{_YEAR}", _day),
    "month_day": (
        rf"({_MONTH})\s+{_DAY}{_ORDINAL}?,?\s+{_YEAR}",
        lambda m, d, y: _day(d, m, y),
    ),
    "range": (rf"{_PERIOD}(?:\s+\d{{4}})?{_TO}({_PERIOD})\s+{_YEAR}", _period_end),
    "period": (rf"({_PERIOD})\s+{_YEAR}", _period_end),
    "quarter": (rf"q([1-4])\s*{_YEAR}", lambda q, y: _month_end(int(y), int(q) * 3)),
    "financial_year": (
        r"(?:(?:financial\s+year|fy)\s*)?(\d{4})[/-](\d{4}|\d{2})",
        _financial_year_end,
    ),
}
_FORM_PATTERNS = {name: re.compile(pattern, re.I) for name, (pattern, _) in _FORMS.items()}
_TIMESCALE = re.compile(
    "|".join(rf"(?P<{name}>\b{pattern}\b)" for name, (pattern, _) in _FORMS.items()), re.I
)
_ONGOING = re.compile(
    r"on[-\s]?going|continu(?:ous|ing|al)(?:ly)?|as\s+(?:and\s+when\s+)?(?:required|needed|necessary)",
    re.I,
)
_DEADLINE_PREFIX = re.compile(
    r"(?:(?:by|before|no\s+later\s+than)\s+)?(?:(?:the\s+)?end\s+(?:of\s+)?(?:the\s+)?)?", re.I
)


class TimescaleError(ValueError):
    """A timescale that should name a date but cannot be read as one.

    The message is a sentence fit to show to the person importing the report, and
    ``text`` holds the offending timescale as given.
    """

    def __init__(self, message: str, text: str = "") -> None:
        super().__init__(message)
        self.text = text


def _normalise(text: str) -> str:
    return " ".join(text.split()).removesuffix(".").rstrip()


def _date_from(match: re.Match[str]) -> datetime.date:
    """Turn a match of ``_TIMESCALE`` into its due date; ValueError if no such date."""
    name = match.lastgroup
    assert name is not None  # every alternative is a named group
    form = _FORM_PATTERNS[name].fullmatch(match.group())
    assert form is not None  # the same pattern just matched this text
    return _FORMS[name][1](*form.groups())


def is_ongoing(text: str) -> bool:
    """Return True if the whole of ``text`` says the action has no end date.

    Recognises "Ongoing", "On-going", "On going", "Continuous", "As required" and the
    like, ignoring case, surrounding whitespace and a trailing full stop. Blank text is
    not ongoing, and a longer text merely containing "ongoing" is not either.
    """
    return _ONGOING.fullmatch(_normalise(text)) is not None


def parse_timescale(text: str) -> datetime.date | None:
    """Return the due date meant by one timescale phrase.

    Returns None for blank or ongoing text (see ``is_ongoing``). A leading "By",
    "By end of", "End of", "Before" or "No later than" is ignored. Raises
    TimescaleError if the phrase cannot be read or names a date that does not exist
    (such as "31/02/2008").
    """
    phrase = _normalise(text)
    if not phrase or is_ongoing(phrase):
        return None
    phrase = _DEADLINE_PREFIX.sub("", phrase, count=1)
    match = _TIMESCALE.fullmatch(phrase)
    if match is None:
        raise TimescaleError(f'Cannot read a date from "{text.strip()}".', text)
    try:
        return _date_from(match)
    except ValueError:
        raise TimescaleError(f'"{text.strip()}" is not a real date.', text) from None


def derive_due_dates(text: str) -> list[datetime.date]:
    """Return the due date of every timescale phrase found in a longer free text.

    Dates come in the order their phrases appear; a range counts once, as its end.
    Anything else in the text (names, "Ongoing", impossible dates) is skipped, so this
    never raises and returns [] when there are no dates.
    """
    dates = []
    for match in _TIMESCALE.finditer(text):
        try:
            dates.append(_date_from(match))
        except ValueError:
            continue  # A slip such as "31/02/2008" in prose names no date; keep going.
    return dates
