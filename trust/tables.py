"""Tables declared once: a list page, every page that embeds the list, and its export.

Each kind of record declares one ``GovukTable`` in its app's ``tables.py``: its columns, their
links and sorting, and (``dcs_only``) the columns a user who does not see everything does not
get. The list page renders it with ``templates/tables/govuk_table.html``, an embedding page
with ``{% object_table %}``, and the export (CSV or XLSX, every matching row) writes the same
columns for the same user through ``export_response``.
"""

import csv
import html
import io
import re

import django_tables2 as tables
from django.http import HttpResponse
from django.utils.html import format_html, strip_tags
from openpyxl import Workbook
from openpyxl.styles import Font

from . import clock
from .exports import csv_value, xlsx_set
from .models import Component, ExternalBody, Function, MembershipRole, Priority, Sector
from .permissions import sees_everything
from .templatetags.govuk import person_named, status_tag

DATE_FORMAT = "j F Y"  # "3 October 2007", as every page shows a date
SORT_FIELD = "sort"
EXPORT_FIELD = "format"
EXPORT_FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class GovukTable(tables.Table):
    """GOV.UK table markup, a visually hidden caption, sortable headers and an export."""

    caption = ""
    # Columns only users who see everything (``permissions.sees_everything``) get.
    dcs_only: tuple[str, ...] = ()

    class Meta:
        template_name = "tables/govuk_table.html"
        attrs = {"class": "govuk-table"}
        order_by_field = SORT_FIELD
        empty_text = "None."

    def __init__(self, data, *, user=None, caption=None, exclude=(), orderable=None, **kwargs):
        hidden = set(exclude or ())
        if not sees_everything(user):
            hidden |= set(self.dcs_only)
        super().__init__(data, exclude=tuple(hidden), orderable=orderable, **kwargs)
        if caption is not None:
            self.caption = caption

    def export_name(self):
        return self.Meta.model._meta.verbose_name_plural.replace(" ", "-")


# --- Columns --------------------------------------------------------------------------------


class NumericColumn(tables.Column):
    """A number, right-aligned (header and cells)."""

    numeric = True

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", 0)
        super().__init__(*args, **kwargs)


class NameColumn(tables.Column):
    """The record's name, a GOV.UK link to its page (``get_absolute_url``)."""

    def render(self, value, record):
        return link(record.get_absolute_url(), value)

    def value(self, value):
        return value


class DateColumn(tables.DateColumn):
    """A date as "3 October 2007", never wrapped."""

    empty_values = (None, "")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("format", DATE_FORMAT)
        kwargs.setdefault("attrs", {"td": {"class": "app-nowrap"}})
        super().__init__(*args, **kwargs)

    def value(self, value):
        return value


class StatusColumn(tables.Column):
    """A status as a coloured GOV.UK tag (``status_tag``), labelled by its display value."""

    def render(self, value, record, bound_column):
        field = bound_column.accessor.split(".")[-1].split("__")[-1]
        display = getattr(record, f"get_{field}_display", None)
        stored = getattr(record, field, value)
        return status_tag(stored, display() if display else value)

    def value(self, value):
        return value


class PersonColumn(tables.Column):
    """A person with their organisation, as every page names them (``person_named``)."""

    def __init__(self, *args, link=False, **kwargs):
        self.link_person = link
        kwargs.setdefault("default", "Not named")
        super().__init__(*args, **kwargs)

    def render(self, value):
        return person_named(value, link=self.link_person)


def link(url, text):
    return format_html('<a class="govuk-link" href="{}">{}</a>', url, text)


# --- Export ---------------------------------------------------------------------------------

_SPACES = re.compile(r"\s+")


def plain(value):
    """A cell as text for a file: the HTML of the page reduced to the words it shows."""
    if value is None or isinstance(value, int | float) or hasattr(value, "isoformat"):
        return value
    return _SPACES.sub(" ", html.unescape(strip_tags(str(value)))).strip()


def export_rows(table):
    """The table's header and every row, as values, through the same declaration."""
    rows = table.as_values()
    return [next(rows), *([plain(v) for v in row] for row in rows)]


def export_response(table, file_format):
    """The whole table as a CSV or XLSX download named like ``actions-2008-09-02.csv``."""
    rows = export_rows(table)
    name = f"{table.export_name()}-{clock.today().isoformat()}.{file_format}"
    if file_format == "csv":
        out = io.StringIO()
        out.write("\ufeff")  # so Excel reads the file as UTF-8
        writer = csv.writer(out, lineterminator="\r\n")
        for row in rows:
            writer.writerow([csv_value(v) for v in row])
        content = out.getvalue()
    else:
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = table.export_name()[:31]
        for row_number, row in enumerate(rows, start=1):
            for column, value in enumerate(row, start=1):
                xlsx_set(sheet.cell(row=row_number, column=column), value)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        out = io.BytesIO()
        workbook.save(out)
        content = out.getvalue()
    response = HttpResponse(content, content_type=EXPORT_FORMATS[file_format])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# --- The trust's own records ----------------------------------------------------------------

NOT_SET_TAG = '<strong class="govuk-tag govuk-tag--orange">{}</strong>'


class ComponentTable(GovukTable):
    caption = "Components of the trust"
    name = NameColumn(verbose_name="Component")
    function = tables.Column(
        verbose_name="Function", order_by=("function__order", "function__name")
    )
    parent = tables.Column(
        verbose_name="Sits under", order_by=("parent__name",), default="Not under another"
    )
    governing_document = tables.Column(verbose_name="Governed by")
    member_count = NumericColumn(verbose_name="Member partners")
    has_register = tables.Column(verbose_name="Risk register")

    class Meta(GovukTable.Meta):
        model = Component
        fields = ()

    def render_name(self, value, record):
        name = link(record.get_absolute_url(), value)
        if record.short_name and record.short_name != value:
            return format_html("{} ({})", name, record.short_name)
        return name

    def render_has_register(self, value):
        return "Yes" if value else format_html(NOT_SET_TAG, "No register")

    def value_has_register(self, value):
        return "Yes" if value else "No register"


class PriorityTable(GovukTable):
    caption = "Priorities of the plan"
    number = NumericColumn(verbose_name="Number")
    title = NameColumn(verbose_name="Priority")
    outcome = tables.Column(
        verbose_name="Outcome", order_by=("outcome__name",), default="Not linked to an outcome"
    )
    plan = tables.Column(verbose_name="Plan")
    hosted_count = NumericColumn(verbose_name="Hosted priorities")

    class Meta(GovukTable.Meta):
        model = Priority
        fields = ()

    def __init__(self, data, *, show_plan=True, exclude=(), **kwargs):
        hidden = set(exclude or ()) | (set() if show_plan else {"plan"})
        super().__init__(data, exclude=hidden, **kwargs)

    def render_outcome(self, value):
        return value.name

    def render_plan(self, value):
        return link(value.get_absolute_url(), value)


class SectorTable(GovukTable):
    caption = "Sectors of the partnership's organisations"
    name = NameColumn(verbose_name="Sector")
    description = tables.Column(verbose_name="Description")

    class Meta(GovukTable.Meta):
        model = Sector
        fields = ()


class MembershipRoleTable(GovukTable):
    caption = "Roles members hold on the partnership's components"
    name = NameColumn(verbose_name="Role")
    is_chair = tables.BooleanColumn(verbose_name="Chairs the meeting", yesno="Yes,No")
    description = tables.Column(verbose_name="Description")

    class Meta(GovukTable.Meta):
        model = MembershipRole
        fields = ()


class FunctionTable(GovukTable):
    caption = "Functions of the partnership's components"
    name = NameColumn(verbose_name="Function")
    description = tables.Column(verbose_name="Description")

    class Meta(GovukTable.Meta):
        model = Function
        fields = ()


class ExternalBodyTable(GovukTable):
    caption = "Bodies outside the partnership that its components report to"
    name = NameColumn(verbose_name="Body")
    kind = tables.Column(verbose_name="Kind")

    class Meta(GovukTable.Meta):
        model = ExternalBody
        fields = ()
