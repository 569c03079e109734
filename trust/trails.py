"""Where a record's pages are, and the trail of pages above them, from each model's declared
parent (``TrackedHistory(parent=...)``, or ``breadcrumb_parent`` where its pages sit elsewhere).
The generic views (``trust.generic``) show it at the top of each page."""

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.urls import NoReverseMatch, path, reverse


def model_url(model, suffix, *args):
    """The URL of a model's page by the naming convention ``<app>:<model>_<suffix>``, if any."""
    try:
        return reverse(f"{model._meta.app_label}:{model._meta.model_name}_{suffix}", args=args)
    except NoReverseMatch:
        return None


def list_url(model):
    return model_url(model, "list")


def parent_of(record):
    """The record whose pages ``record``'s pages sit under: the model's ``breadcrumb_parent``
    if it declares one (``None``: it stands alone), else its history parent
    (``TrackedHistory(parent=...)``)."""
    model = type(record)
    name = getattr(model, "breadcrumb_parent", getattr(model, "_history_parent", None))
    return getattr(record, name, None) if name else None


def section_model(model):
    """The kind of record whose list a model's pages come under: its top ancestor's, through
    the parents its fields declare, or the one its ``breadcrumb_list`` names."""
    while True:
        name = getattr(model, "breadcrumb_parent", getattr(model, "_history_parent", None))
        try:
            parent = model._meta.get_field(name).related_model if name else None
        except FieldDoesNotExist:  # a parent found through a property (an action's carrier)
            parent = None
        if parent is None or parent is model:  # a component under a component: same list
            break
        model = parent
    declared = getattr(model, "breadcrumb_list", None)
    return apps.get_model(declared) if declared else model


def listed_on(model):
    """(label, URL) of the list page a kind of record is found on: its own, or the one its
    ``breadcrumb_list`` ("app_label.Model") names; None when it has none."""
    declared = getattr(model, "breadcrumb_list", None)
    if declared:
        model = apps.get_model(declared)
    url = list_url(model)
    return (model._meta.verbose_name_plural.capitalize(), url) if url else None


def trail(record, *, itself=True):
    """Home › the list of the top ancestor's kind › ancestor › … › parent › ``record``.

    ``record`` is left out when ``itself`` is false (its own detail page) or it is not saved
    yet (an add page, whose trail ends at the record it is added to). An ancestor at the top
    of the trail, standing apart from anything it belongs to, is named by its
    ``display_name`` where it has one ("Hosted priority: …").
    """
    chain = [record]
    while (parent := parent_of(chain[0])) is not None:
        chain.insert(0, parent)
    pages = [("Home", reverse("home"))]
    listed = listed_on(type(chain[0]))
    if listed:
        pages.append(listed)
    for position, ancestor in enumerate(chain[:-1]):
        name = getattr(ancestor, "display_name", None) if position == 0 else None
        pages.append((name or str(ancestor), ancestor.get_absolute_url()))
    if itself and record.pk:
        pages.append((str(record), record.get_absolute_url()))
    return pages


# --- The pages of a kind of record, by convention -----------------------------------------

# (page, path under the record kind's route, view class suffix, as_view arguments)
RECORD_PAGES = (
    ("list", "", "ListView", {}),
    ("list_export", "export/", "ListView", {"export": True}),
    ("create", "add/", "EditView", {}),
    ("detail", "<int:pk>/", "DetailView", {}),
    ("update", "<int:pk>/edit/", "EditView", {}),
    ("delete", "<int:pk>/delete/", "DeleteView", {}),
    ("history", "<int:pk>/history/", "HistoryView", {}),
)


def record_urls(route, model, views):
    """URL patterns of the standard pages of ``model`` under ``route`` ("sectors/"): each
    page whose view the module ``views`` declares by name (``<Model>ListView``,
    ``<Model>DetailView``, ``<Model>EditView`` for add and edit, ``<Model>DeleteView``,
    ``<Model>HistoryView``), named ``<model>_<page>`` as every page is."""
    patterns = []
    for page, suffix, view_suffix, initkwargs in RECORD_PAGES:
        view = getattr(views, f"{model.__name__}{view_suffix}", None)
        if view is not None:
            name = f"{model._meta.model_name}_{page}"
            patterns.append(path(route + suffix, view.as_view(**initkwargs), name=name))
    return patterns
