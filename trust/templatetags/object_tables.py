"""Declared tables in templates: sort links, and a declared table embedded in any page."""

from django import template
from django.apps import apps
from django.template.loader import render_to_string
from django.utils.module_loading import import_string

from ..tables import EXPORT_FIELD, SORT_FIELD

register = template.Library()


@register.simple_tag(takes_context=True)
def sort_href(context, table, column):
    """The address that sorts by ``column`` (ascending first, then descending), keeping the
    filters and going back to the first page."""
    query = context.request.GET.copy()
    query.pop("page", None)
    query[SORT_FIELD] = column.order_by_alias.next
    return "?" + query.urlencode()


@register.simple_tag(takes_context=True)
def export_href(context, export_url, file_format):
    """The list's export address with the page's filters and sort: every row, as a file."""
    query = context.request.GET.copy()
    query.pop("page", None)
    query[EXPORT_FIELD] = file_format
    return f"{export_url}?{query.urlencode()}"


@register.simple_tag(takes_context=True)
def object_table(context, table_path, rows, caption=None, **options):
    """Render the table ``"<app>.<TableClass>"`` (declared in ``<app>/tables.py``) over
    ``rows``, for the signed-in user, not sortable: a list embedded in another page."""
    app_label, name = table_path.split(".")
    module = apps.get_app_config(app_label).module.__name__
    table_class = import_string(f"{module}.tables.{name}")
    request = context.request  # kept by an ``{% include ... only %}``
    table = table_class(
        rows,
        user=getattr(request, "user", None),
        caption=caption,
        orderable=False,
        **options,
    )
    return render_to_string(table.template_name, {"table": table, "request": request})
