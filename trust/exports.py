"""What every file export shares: a cell a spreadsheet would run as a formula is made text."""

import datetime
import re

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

# A cell a spreadsheet would run as a formula. A leading "-" followed by a space is a bullet.
FORMULA_START = re.compile(r"^(?:[=+@\t\r]|-(?!\s|$))")


def csv_value(value):
    """A value as written to a CSV (or XLSX) cell: ISO dates, formulas neutralised."""
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str) and FORMULA_START.match(value):
        return "'" + value  # shown as text, never run as a formula
    return value


EXCEL_DATE_FORMAT = "dd mmmm yyyy"


def xlsx_set(cell, value):
    """Write ``value`` to a worksheet cell: text stays text (a leading "=" is never run as a
    formula), dates are dates shown as "3 October 2007"."""
    if isinstance(value, str):
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.data_type = "s"
    else:
        cell.value = value
    if isinstance(value, datetime.date):
        cell.number_format = EXCEL_DATE_FORMAT
