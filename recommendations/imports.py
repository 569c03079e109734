"""Import a new audit's recommendations and action plan from an XLSX or CSV file.

Three steps, the first two writing nothing: ``parse_upload`` reads the rows under a header
row (found by its column names, any case, in the first rows of the file); ``validate``
reports every problem at once, each with its spreadsheet row and column; ``import_audit``
writes the audit, its recommendations and one action per line of each management response in
one transaction, through the tracked write path, so the history says who imported what from
which file. A file with any problem saves nothing.
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import pluralize
from openpyxl.utils import get_column_letter

from partners.models import Action, ActionPlan
from partners.services import action_create
from trust.services import record_save
from trust.timescales import TimescaleError, parse_timescale

from .models import Audit, PriorityLevel, Recommendation

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 2000
HEADER_SEARCH_ROWS = 10
MAX_PHRASE_WORDS = 10  # "By the end of October 2007 to January 2008" is nine
REQUIRED = ("number", "recommendation", "priority")
# What each column may be headed, compared without case, spaces or trailing punctuation.
COLUMN_NAMES = {
    "number": "number|no|#|rec no|recommendation no|recommendation number|ref",
    "section": "section|report section|section reference|paragraph|para",
    "recommendation": "recommendation|recommendation text|text",
    "priority": "priority|priority rating|rating|grade",
    "management_response": "management response|response|agreed action",
    "responsibility": "responsibility|responsible officer|responsible officers|owner",
    "both": "responsibility and timescale|responsibility & timescale|responsibility/timescale",
    "timescale": "timescale|timescales|target date|deadline",
}
_HEADER_KEYS = {name: key for key, names in COLUMN_NAMES.items() for name in names.split("|")}
LABELS = {key: key.replace("_", " ").capitalize() for key in COLUMN_NAMES if key != "both"}


@dataclass(frozen=True)
class ImportProblem:
    """One thing wrong with an upload: its spreadsheet row (header = 1) and column header."""

    row: int | None
    column: str
    message: str
    letter: str = ""


class ImportFailed(Exception):
    def __init__(self, problems: list[ImportProblem]):
        super().__init__(f"{len(problems)} problem(s) in the file")
        self.problems = problems


def _fail(message: str, row: int | None = None):
    raise ImportFailed([ImportProblem(row, "", message)])


@dataclass
class RowData:
    row: int
    number: str = ""
    section: str = ""
    recommendation: str = ""
    priority: str = ""
    management_response: str = ""
    responsibility: str = ""
    timescale: str = ""
    # Column key -> (header as written, letter); shared by every row of one file.
    columns: dict = field(default_factory=dict, repr=False)
    # True when the timescale is read from a "Responsibility and timescale" cell.
    combined: bool = False

    def where(self, key: str, message: str) -> ImportProblem:
        header, letter = self.columns.get(key, (LABELS.get(key, key), ""))
        return ImportProblem(self.row, header, message, letter)


# --- reading the file ----------------------------------------------------------------------


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str) and "\x00" in value:  # an XLSX cell can hold one too
        _fail(NUL_IN_FILE)
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()  # a timescale typed as a date in Excel
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # recommendation 3 read back as 3.0
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def _header_key(value) -> str | None:
    return _HEADER_KEYS.get(_squash(_text(value)).strip(" .:*"))


def _xlsx_rows(data: bytes):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # zipfile, XML and openpyxl errors alike: not a workbook we can read
        _fail("The file could not be opened as an XLSX workbook.")
    names = {ws.title.casefold(): ws for ws in workbook.worksheets}
    sheet = names.get("recommendations") or workbook.worksheets[0]
    sheet.reset_dimensions()
    for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        yield number, [_text(value) for value in row]
        if number > MAX_ROWS + HEADER_SEARCH_ROWS:
            break
    workbook.close()


NUL_IN_FILE = (
    "The file contains a null character, which text files do not: save it again as "
    "CSV (UTF-8) or XLSX and upload it again."
)


def _csv_rows(data: bytes):
    # Anywhere in the file, not only at its start: the databases refuse a null in text.
    if b"\x00" in data:
        _fail(NUL_IN_FILE)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # Excel's "CSV" on Windows
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for number, row in enumerate(reader, start=1):
            yield number, [_text(value) for value in row]
            if number > MAX_ROWS + HEADER_SEARCH_ROWS:
                break
    except csv.Error as error:
        _fail(f"The CSV file cannot be read: {error}.")


def _spreadsheet_rows(upload):
    name = (getattr(upload, "name", "") or "").casefold()
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        _fail("The file must be smaller than 5 MB.")
    if not data.strip():
        _fail("The file is empty.")
    if data.startswith(b"PK\x03\x04") or name.endswith(".xlsx"):
        return _xlsx_rows(data)
    if name.endswith((".csv", ".txt")):
        return _csv_rows(data)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        _fail("The file is an old-style .xls workbook: save it as .xlsx or .csv and try again.")
    _fail("The file must be an XLSX or CSV file.")


def parse_upload(upload) -> list[RowData]:
    """The non-blank rows under the header row; ``ImportFailed`` for problems with the file."""
    rows = _spreadsheet_rows(upload)
    columns, header_row, problems = None, None, []
    for number, cells in rows:
        keys = [_header_key(cell) for cell in cells]
        known = {key for key in keys if key}
        if known & {"number", "recommendation"} and len(known) >= 2:
            header_row, columns = number, {}
            for index, key in enumerate(keys):
                if key is None:
                    continue
                letter = get_column_letter(index + 1)
                if key in columns:
                    problems.append(
                        ImportProblem(
                            number,
                            cells[index],
                            f"Two columns are headed {LABELS.get(key, key).lower()} "
                            f"({columns[key][2]} and {letter}); keep one.",
                            letter,
                        )
                    )
                    continue
                columns[key] = (cells[index], index, letter)
            break
        if number >= HEADER_SEARCH_ROWS:
            break
    if columns is None:
        expected = ", ".join(LABELS.values()).lower()
        _fail(f"The file has no header row. Head its columns: {expected}.")
    for key in REQUIRED:
        if key not in columns:
            problems.append(
                ImportProblem(header_row, LABELS[key], f"There is no {LABELS[key]} column.")
            )
    if problems:
        raise ImportFailed(problems)
    # Appendix 1 layout: one "Responsibility and timescale" cell names people and dates.
    both = columns.pop("both", None)
    combined = both is not None and "timescale" not in columns
    if both is not None:
        columns.setdefault("responsibility", both)
        columns.setdefault("timescale", both)
    where = {key: (header, letter) for key, (header, _, letter) in columns.items()}
    result = []
    for number, cells in rows:
        if not any(cells):
            continue
        if len(result) >= MAX_ROWS:
            _fail(f"The file has more than {MAX_ROWS} recommendations.", number)
        values = {
            key: cells[index] if index < len(cells) else ""
            for key, (_, index, _) in columns.items()
            if key in LABELS
        }
        result.append(RowData(row=number, columns=where, combined=combined, **values))
    if not result:
        _fail("There are no recommendations under the header row.", header_row)
    return result


# --- checking the rows ---------------------------------------------------------------------


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def priority_lookup(scale) -> dict[str, PriorityLevel]:
    """Every way a level of ``scale`` may be written: "***", "* * *", its words, or both."""
    lookup = {}
    for level in scale.levels.order_by("rank"):
        lookup[_squash(level.label)] = level
        if level.symbol:
            symbol = re.sub(r"\s+", "", level.symbol).casefold()
            lookup[symbol] = level
            lookup[f"{symbol} {_squash(level.label)}"] = level
    return lookup


def _find_priority(text: str, lookup):
    squashed = _squash(text)
    return lookup.get(re.sub(r"\s+", "", squashed)) or lookup.get(squashed)


def _phrases(line: str, *, lenient: bool) -> list[str]:
    """Split a line such as "October 2007 By December 2007 Spring 2008" into its phrases.

    At each word the longest run that reads as a timescale is one phrase. Text that starts no
    phrase is an error (``TimescaleError``), unless ``lenient`` (a "Responsibility and
    timescale" cell, where it is the names), but even there a figure nobody can read is.
    """
    words = line.split()
    phrases, start = [], 0
    while start < len(words):
        for end in range(min(len(words), start + MAX_PHRASE_WORDS), start, -1):
            candidate = " ".join(words[start:end])
            try:
                parse_timescale(candidate)
            except TimescaleError:
                continue
            phrases.append(candidate)
            start = end
            break
        else:
            word = words[start]
            if not lenient or re.search(r"\d", word):
                parse_timescale(line if not lenient else word)  # raises, with the message
            start += 1
    return phrases


def timescale_slots(text: str, *, lenient: bool = False) -> list[str]:
    """The timescale phrases of a cell in order: one a line, or several in a line."""
    slots = []
    for line in filter(None, (line.strip() for line in text.split("\n"))):
        try:
            parse_timescale(line)
            slots.append(line)
        except TimescaleError:
            slots.extend(_phrases(line, lenient=lenient))
    return slots


def response_lines(text: str) -> list[str]:
    bullet = re.compile(r"^(?:[\u2022\u2013]|-(?=\s))\s*")
    lines = (bullet.sub("", line.strip()) for line in text.split("\n"))
    return [line for line in lines if line]


@dataclass
class PlannedRow:
    data: RowData
    priority: PriorityLevel | None = None
    timescale: str = ""
    actions: list[tuple[str, str, datetime.date | None]] = field(default_factory=list)


def _plan_row(data: RowData, lookup, scale_text: str, problems: list) -> PlannedRow:
    planned = PlannedRow(data)
    if not data.number:
        problems.append(data.where("number", "Enter the recommendation's number."))
    elif len(data.number) > 20:
        problems.append(data.where("number", "The number must be 20 characters or fewer."))
    if len(data.section) > 20:
        problems.append(data.where("section", "The section must be 20 characters or fewer."))
    if not data.recommendation:
        problems.append(data.where("recommendation", "Enter the recommendation's text."))
    if not data.priority:
        problems.append(data.where("priority", "Enter the priority."))
    else:
        planned.priority = _find_priority(data.priority, lookup)
        if planned.priority is None:
            message = f'"{data.priority}" is not a priority on {scale_text}.'
            problems.append(data.where("priority", message))
    try:
        slots = timescale_slots(data.timescale, lenient=data.combined)
    except TimescaleError as error:
        problems.append(data.where("timescale", str(error)))
        slots = []
    planned.timescale = " ".join(slots)
    if len(planned.timescale) > 300 or any(len(slot) > 100 for slot in slots):
        problems.append(data.where("timescale", "The timescale is too long."))
    for index, line in enumerate(response_lines(data.management_response)):
        # Each line takes the next phrase; the last phrase serves any lines left over.
        phrase = slots[min(index, len(slots) - 1)] if slots else ""
        planned.actions.append((line, phrase, parse_timescale(phrase)))
    return planned


def _check(rows: list[RowData], scale) -> tuple[list[PlannedRow], list[ImportProblem]]:
    lookup = priority_lookup(scale)
    levels = scale.levels.order_by("rank")
    allowed = ", ".join(level.symbol or level.label for level in levels)
    scale_text = f'the scale "{scale}": use {allowed}, or the words for it'
    problems: list[ImportProblem] = []
    first_seen: dict[str, int] = {}
    planned = []
    for data in rows:
        planned.append(_plan_row(data, lookup, scale_text, problems))
        key = data.number.casefold()
        if data.number and key in first_seen:
            problems.append(
                data.where(
                    "number",
                    f"Recommendation {data.number} appears twice: "
                    f"also in row {first_seen[key]}. Numbers must be unique in an audit.",
                )
            )
        first_seen.setdefault(key, data.row)
    return planned, problems


def validate(rows: list[RowData], scale) -> list[ImportProblem]:
    """Every problem with the rows, in row order; an empty list means the file will import."""
    return _check(rows, scale)[1]


# --- writing -------------------------------------------------------------------------------


def people_named(text: str, people) -> list:
    """The people whose names appear in ``text``, in the order they appear, each once."""
    squashed = _squash(text)
    found = {}
    for person in people:
        name = _squash(person.name)
        if not name or name in {_squash(p.name) for p in found.values()}:
            continue
        match = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", squashed)
        if match:
            found[match.start()] = person
    return [found[position] for position in sorted(found)]


@transaction.atomic
def import_audit(*, audit: Audit, rows: list[RowData], default_owner, people, filename, by):
    """Save ``audit`` (new), its recommendations and their actions; ``ImportFailed`` saves nothing.

    ``people``: those the importer may see, looked for by name in each responsibility cell
    (they become its responsible officers, and the first named owns the actions; if nobody
    is named, ``default_owner`` does).
    """
    planned, problems = _check(rows, audit.priority_scale)
    if problems:
        raise ImportFailed(problems)
    reason = f"Imported from {filename}"
    people = list(people.order_by("pk"))
    row_number = None
    try:
        record_save(audit, by=by, reason=reason)
        for row in planned:
            row_number = row.data.row
            _import_row(audit, row, people, default_owner, by=by, reason=reason)
    except ValidationError as error:
        problems = [ImportProblem(row_number, "", message) for message in error.messages]
        raise ImportFailed(problems) from error
    return audit


def imported_message(audit, filename) -> str:
    """What an import brought in, as its success message says."""
    recs = audit.recommendations.count()
    actions = Action.objects.filter(plan__recommendation__audit=audit).count()
    return (
        f"Imported {recs} recommendation{pluralize(recs)} and {actions} "
        f"action{pluralize(actions)} from {filename}."
    )


def _import_row(audit, row: PlannedRow, people, default_owner, *, by, reason):
    data = row.data
    officers = people_named(data.responsibility, people)
    rec = Recommendation(
        audit=audit,
        number=data.number,
        section=data.section,
        text=data.recommendation,
        priority=row.priority,
        management_response=data.management_response,
        responsibility=data.responsibility,
        timescale=row.timescale,
    )
    if row.actions:  # the plan first, so the recommendation is written once
        rec.action_plan = record_save(ActionPlan(), by=by, reason=reason)
    record_save(rec, by=by, reason=reason, m2m={"responsible_officers": officers})
    for description, phrase, due in row.actions:
        action_create(
            carrier=rec,
            description=description,
            owner=officers[0] if officers else default_owner,
            timescale=phrase,
            due_date=due,
            by=by,
            reason=reason,
        )
