"""The harness covers the project: a new kind of record, page, model or module needs a decision.

- every kind of record with a detail page has exactly one harness class;
- every URL name has a rule (a harness class's page or a non-record page), and no rule names
  a page that does not exist;
- every kind of record with pages has a route from the navigation;
- every tracked model is in the admin or named below with the reason it is not;
- every module of every app imports only its own and lower layers.
"""

import ast
from pathlib import Path

import pytest
from django.contrib import admin
from django.urls import reverse

from tests import test_record_views
from tests.harness import (
    STANDARD,
    RecordViews,
    client_for,
    load_counts,
    tracked_models,
    url_names,
    url_patterns,
    world_fixture,  # noqa: F401 (the world fixture)
)
from trust.navigation import NAVIGATION

CLASSES = [c for c in RecordViews.registry if c.__module__ == test_record_views.__name__]


def class_for(model):
    return next((c for c in CLASSES if c.model is model), None)


def test_every_kind_of_record_with_a_detail_page_has_exactly_one_harness_class():
    models = {
        pattern.callback.view_class.model
        for name, pattern in url_patterns().items()
        if name.endswith("_detail")
    }
    declared = [c.model for c in CLASSES]
    assert sorted(m._meta.label for m in models - set(declared)) == [], "no harness class"
    twice = {m._meta.label for m in declared if declared.count(m) > 1}
    assert twice == set(), "more than one harness class"


def test_every_url_has_a_rule():
    rules = set(test_record_views.NON_RECORD_PAGES)
    for cls in CLASSES:
        assert not rules & cls.url_names(), f"{cls.__name__} repeats a rule"
        rules |= cls.url_names()
    names = url_names()
    assert names - rules == set(), "pages without an access rule"
    assert rules - names == set(), "rules for pages that no longer exist"


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_each_class_declares_each_standard_page_present_or_absent(cls):
    declared = [s for s in STANDARD if s in cls.pages] + list(cls.absent)
    assert sorted(declared) == sorted(STANDARD), cls.__name__
    existing = url_names()
    assert not {cls.prefix() + s for s in cls.absent} & existing, "declared absent, but exists"


# --- Routes from the navigation -------------------------------------------------------------

NAVIGATED = {url_name for _, url_name, _ in NAVIGATION}


def parent_class(cls):
    if getattr(cls, "listed_on", None) is not None:  # a generic parent: declared by the class
        return class_for(cls.listed_on)
    parent = cls.model._history_parent
    if not parent:
        return None
    return class_for(cls.model._meta.get_field(parent).related_model)


def route(cls, seen=()):
    """How a visitor reaches ``cls``'s records from the navigation, or ``None``."""
    if cls.prefix() + "list" in NAVIGATED:
        return "navigation"
    parent = parent_class(cls)
    if parent is not None and parent not in seen and route(parent, (*seen, cls)):
        return "parent"
    reached_from = getattr(cls, "reached_from", None)
    if reached_from in NAVIGATED:
        return "reached_from"
    return None


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_every_kind_of_record_has_a_route_from_the_navigation(cls):
    assert route(cls), (
        f"{cls.model._meta.label}: its list is not in trust/navigation.py, its parent "
        "(TrackedHistory(parent=...)) has no route, and it declares no reached_from page"
    )


LINKED = [c for c in CLASSES if route(c) in ("parent", "reached_from") and "detail" in c.pages]


@pytest.mark.django_db
@pytest.mark.parametrize("cls", LINKED, ids=lambda c: c.__name__)
def test_the_route_links_to_the_record(cls, world):
    """The parent's page (or the declared page) really links to the record."""
    record = world[cls.record]
    client = client_for(world, "dcs")
    if route(cls) == "parent":
        page = getattr(record, cls.model._history_parent).get_absolute_url()
    else:
        page = reverse(cls.reached_from)
        if "list" in cls.pages:  # the navigated page offers the list, which links the record
            assert f'href="{reverse(cls.prefix() + "list")}"' in client.get(page).content.decode()
            page = reverse(cls.prefix() + "list")
    response = client.get(page)
    assert response.status_code == 200
    assert f'href="{record.get_absolute_url()}"' in response.content.decode(), page


# --- The admin ------------------------------------------------------------------------------

# Tracked models deliberately not in Django's admin, and why.
NOT_IN_ADMIN = {
    "partners.Meeting": "kept through its pages and its component's (series, status, chair)",
    "partners.AgendaItem": "kept through its meeting's pages: its links are written in the "
    "history of the recommendations and risks it discussed",
    "partners.Decision": "kept through its meeting's pages and its own",
    "partners.KeyMessage": "kept through its meeting's pages and its own",
    "trust.Outcome": "plan data loaded with the plan; edited through the plan's pages to come",
    "trust.Priority": "plan data loaded with the plan; edited through the plan's pages to come",
    "trust.Indicator": "part of its priority; edited through the plan's pages to come",
    "trust.IndicatorValue": "part of its indicator; edited through the plan's pages to come",
    "partners.Membership": "kept through its component's pages (ending one records why)",
    "partners.Attendance": "recorded on its meeting's attendance form (per person, with a reason)",
    "partners.ActionPlan": "no fields of its own: the plan of a carrier, made with it",
    "partners.HostedPriority": "kept through its pages (the write path records the reason)",
    "partners.Action": "kept through its pages: due date and status changes need a reason",
    "partners.ProgressUpdate": "reported, corrected and withdrawn through its action's pages",
    "partners.DueDateChange": "written only by the change of an action's due date",
    "partners.ReminderDigest": "written only by the reminders command",
    "risks.RiskControl": "part of its risk; edited with it through the risk pages to come",
    "recommendations.PriorityLevel": "shown inline in its priority scale's admin",
    "recommendations.Audit": "kept through its pages and the all-or-nothing import",
    "recommendations.Recommendation": "kept through its audit's pages (status needs a reason)",
    "recommendations.Verification": "recorded by auditors on the recommendation's page",
}


def test_every_tracked_model_has_a_decision_about_the_admin():
    undecided, both = [], []
    for model in tracked_models():
        label = model._meta.label
        registered = admin.site.is_registered(model)
        if not registered and label not in NOT_IN_ADMIN:
            undecided.append(label)
        if registered and label in NOT_IN_ADMIN:
            both.append(label)
    assert undecided == [], "register these in admin.py or say why not in NOT_IN_ADMIN"
    assert both == [], "registered in the admin and named as not: drop them from NOT_IN_ADMIN"
    labels = {m._meta.label for m in tracked_models()}
    assert set(NOT_IN_ADMIN) - labels == set(), "exceptions for models that do not exist"


# --- Layers ---------------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent
# Each app imports only its own layer and those below: trust < partners < risks < recs.
FORBIDDEN = {
    "trust": ("partners", "risks", "recommendations"),
    "partners": ("risks", "recommendations"),
    "risks": ("recommendations",),
    "recommendations": (),
}
# The root URL module includes every app's URLs: the one module above all layers.
LAYER_EXCEPTIONS = {"trust/urls.py"}


def app_modules():
    for app in FORBIDDEN:
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            parts = set(path.relative_to(ROOT).parts)
            if "migrations" in parts or "tests" in parts or relative in LAYER_EXCEPTIONS:
                continue
            yield relative


def test_the_layer_test_walks_every_app_module():
    modules = list(app_modules())
    assert "trust/views.py" in modules and "recommendations/views/audits.py" in modules
    assert "trust/urls.py" not in modules
    assert not any("/migrations/" in m for m in modules)


@pytest.mark.parametrize("module", list(app_modules()))
def test_modules_import_only_lower_layers(module):
    layer = module.split("/")[0]
    tree = ast.parse((ROOT / module).read_text())
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            imported.add(node.module.split(".")[0])
    assert not imported & set(FORBIDDEN[layer]), (
        f"{module} imports {imported & set(FORBIDDEN[layer])}"
    )


def test_the_query_count_file_holds_a_count_for_each_counted_page_and_no_other():
    expected = {
        f"{cls.model._meta.label} {suffix} {role}"
        for cls in CLASSES
        if cls.grow is not None
        for suffix in ("list", "detail")
        if suffix in cls.pages
        for role in ("dcs", "a")
    }
    assert set(load_counts()) == expected
