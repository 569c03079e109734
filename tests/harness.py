"""The view test harness: a class per kind of record DECLARES its pages, inherits the tests.

In the spirit of NetBox's ``ViewTestCases``. A class in ``tests/test_record_views.py``
declares its ``model``, the key of its record in the shared ``world``, each page it has
with an access profile (``pages``), the standard pages it does not have yet (``absent``),
what a permitted edit changes (``edit``), how to build a record to delete (``fresh``), how
to grow its list and detail pages (``grow``) and its exports (``exports``). By inheritance
it gets, for DCS staff, partner "a" (whose records the world's are), partner "b" (another
partner), an auditor and an anonymous visitor:

- ``test_get_each_page``: every page answers each role as its profile says (200, 403, 404,
  or 302 to the sign-in page);
- ``test_refused_posts_change_nothing``: a refused POST gets the same answer and changes no
  row count, history count or field of the record;
- ``test_permitted_edit_writes_one_history_row``: DCS staff (and partner "a" where the
  profile lets them) save an edit; one history row names the user and the reason;
- ``test_delete``: refused roles delete nothing; DCS staff delete with a reason that the
  deletion's history row keeps;
- ``test_history_page``: the history answers as the record's detail page does;
- ``test_query_counts``: list and detail pages, for DCS staff and partner "a", run the same
  number of SQL queries with 5 and with 50 rows, and that number is the one stored in
  ``tests/query_counts.json`` (keyed ``"<app.Model> <page> <role>"``);
- ``test_exports``: each declared export downloads for whoever sees the page.

A test that does not apply to a class (no edit page, no delete) is not generated for it.

Re-recording the query counts after an intended change (review the diff of the JSON file):

    UPDATE_QUERY_COUNTS=1 .venv/bin/python -m pytest -q -p no:cacheprovider \\
        tests/test_record_views.py -k query_counts

Adding a page: add its suffix (or ``Page(...)`` for a page about another record) to the
class's ``pages`` with one of the profiles below; a page outside any record goes in
``NON_RECORD_PAGES``. ``tests/test_harness_meta.py`` fails for a URL name with no rule.
"""

from __future__ import annotations

import datetime
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

import pytest
from django import forms
from django.apps import apps
from django.db import connection, transaction
from django.forms.models import model_to_dict
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLResolver, get_resolver, resolve, reverse

from recommendations.models import Verification
from tests import factories as f
from trust import clock
from trust.permissions import Role

ROLES = ("dcs", "a", "b", "auditor", "anon")
TODAY = datetime.date(2008, 6, 30)  # after every date in the world

# Expected GET status per role, by kind of page. "a" is the partner whose records the URL
# points at, "b" another partner.
SHARED = {"dcs": 200, "a": 200, "b": 200, "auditor": 200, "anon": 302}
OWN = {"dcs": 200, "a": 200, "b": 404, "auditor": 200, "anon": 302}
DCS_WRITE = {"dcs": 200, "a": 403, "b": 403, "auditor": 403, "anon": 302}
REPORT = {"dcs": 200, "a": 200, "b": 404, "auditor": 403, "anon": 302}
AUDITOR_WRITE = {"dcs": 403, "a": 403, "b": 403, "auditor": 200, "anon": 302}
OPEN = {"dcs": 200, "a": 200, "b": 200, "auditor": 200, "anon": 200}
POST_ONLY = {"dcs": 405, "a": 405, "b": 405, "auditor": 405, "anon": 405}
POST_ONLY_SIGNED_IN = {"dcs": 405, "a": 405, "b": 405, "auditor": 405, "anon": 302}

# Pages that change something: a POST to one by a role its profile refuses changes nothing.
WRITE_PROFILES = (DCS_WRITE, REPORT, AUDITOR_WRITE)

# The six pages every kind of record may have; a class declares each present or absent.
STANDARD = ("list", "detail", "create", "update", "delete", "history")
# Suffixes of pages about no particular record (no pk in the URL).
NO_RECORD = ("list", "list_export", "create", "import")

QUERY_COUNTS = Path(__file__).with_name("query_counts.json")
UPDATING = bool(os.environ.get("UPDATE_QUERY_COUNTS"))
REASON = "Checked by the view harness"


@dataclass(frozen=True)
class Page:
    """A page with its access profile; ``on`` is the world's key of the record in its URL
    (the class's own record unless it says otherwise; ``None`` for no record)."""

    profile: dict
    on: str | None = ""
    # The URL's arguments from the world, where they are more than the record's key (a file
    # attached to a record is added at ``<app_label.model_name>/<record pk>/``).
    args: Callable | None = None


@dataclass(frozen=True)
class Export:
    """A download: the page it is taken from, its query string and its content type."""

    page: str
    query: dict = field(default_factory=dict)
    content_type: str = ""


# Every list exports its rows (``<model>_list_export``, with the list's filters and sort):
# a class with a list gets the export page, with the list's profile, and these downloads.
LIST_EXPORTS = {
    "list csv": Export("list_export", {"format": "csv"}, "text/csv"),
    "list xlsx": Export(
        "list_export",
        {"format": "xlsx"},
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
}


# --- The world: one record of each kind, in partner a's scope ------------------------------


def build_world():
    auditor = f.UserFactory(username="auditor", role=Role.AUDITOR)
    a_user, b_user = f.partner_user(username="a"), f.partner_user(username="b")
    pa = a_user.person
    hosted = f.HostedPriorityFactory(host=pa.partner)
    action = f.ActionFactory(plan=hosted.action_plan, owner=pa)
    update = f.ProgressUpdateFactory(action=action, author=pa)
    rec = f.RecommendationFactory()
    rec_action = f.ActionFactory(plan=rec.action_plan, owner=pa)
    register = f.RiskRegisterFactory(kind="partner", partner=pa.partner)
    risk = f.RiskFactory(register=register, owner=pa)
    meeting = f.MeetingFactory()
    f.AttendanceFactory(meeting=meeting, partner=pa.partner)
    priority = f.IndicatorFactory(priority=hosted.priority).priority
    verification = Verification.objects.create(
        recommendation=rec,
        outcome="partly",
        verified_on=datetime.date(2008, 6, 1),
        comment="Two of three actions seen.",
        auditor=auditor,
    )
    dcs = f.UserFactory(username="dcs", role=Role.DCS)
    world = {
        "attachment": f.attachment(action, by=dcs),
        "users": {
            "dcs": dcs,
            "a": a_user,
            "b": b_user,
            "auditor": auditor,
        },
        "hosted": hosted,
        "action": action,
        "update": update,
        "rec": rec,
        "rec_action": rec_action,
        "audit": rec.audit,
        "register": register,
        "risk": risk,
        "meeting": meeting,
        "priority": priority,
        "plan": priority.plan,
        "component": meeting.component,
        "partner": pa.partner,
        "person": pa,
        "verification": verification,
        "action_history_id": action.history.first().history_id,
    }
    # A kind of record whose class declares ``make`` brings its own record to the world.
    for cls in RecordViews.registry:
        if cls.make is not None and cls.record not in world:
            world[cls.record] = cls().make(world)
    return world


def client_for(world, role):
    client = Client()
    if role != "anon":
        client.force_login(world["users"][role])
    return client


def url_patterns():
    """(namespaced URL name, pattern) of every named page, Django's admin excluded."""
    found = {}

    def walk(patterns, prefix):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.app_name == "admin":
                    continue  # Django's admin has its own permission checks
                walk(
                    pattern.url_patterns,
                    f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix,
                )
            elif pattern.name:
                found[prefix + pattern.name] = pattern

    walk(get_resolver().url_patterns, "")
    return found


def url_names():
    return set(url_patterns())


def tracked_models():
    return [m for m in apps.get_models() if "_history_parent" in m.__dict__]


# --- Helpers --------------------------------------------------------------------------------


def form_data(form):
    """What the browser would send back for ``form`` as shown, unchanged."""
    data = {}
    for bound in form:
        value = bound.value()
        widget = bound.field.widget
        if isinstance(widget, forms.MultiWidget):
            parts = value if isinstance(value, list | tuple) else widget.decompress(value)
            for suffix, part in zip(widget.widgets_names, parts, strict=False):
                data[bound.html_name + suffix] = "" if part is None else str(part)
        elif value is None:
            continue
        elif isinstance(value, bool) and isinstance(widget, forms.CheckboxInput):
            if value:
                data[bound.html_name] = "on"
        elif isinstance(value, bool):  # a yes/no choice (radios): the chosen option's value
            data[bound.html_name] = str(value)
        elif isinstance(value, list | tuple):
            data[bound.html_name] = [str(v) for v in value]
        else:
            data[bound.html_name] = str(value)
    return data


def state(record=None):
    """Row and history counts of every tracked model, and the record's stored fields."""
    counts = {m._meta.label: (m._base_manager.count(), m.history.count()) for m in tracked_models()}
    if record is None:
        return counts, None
    stored = type(record)._base_manager.filter(pk=record.pk).first()
    return counts, (model_to_dict(stored) if stored is not None else None)


def load_counts():
    return json.loads(QUERY_COUNTS.read_text()) if QUERY_COUNTS.exists() else {}


def store_count(key, count):
    counts = load_counts()
    counts[key] = count
    QUERY_COUNTS.write_text(json.dumps(dict(sorted(counts.items())), indent=2) + "\n")


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return [q["sql"] for q in context.captured_queries]


def show(queries):
    return "\n".join(f"{i:3}. {sql}" for i, sql in enumerate(queries, 1))


# --- Fixtures -------------------------------------------------------------------------------


@pytest.fixture(name="world")
def world_fixture(db):
    """One record of each kind. Test modules import it: ``world_fixture  # noqa: F401``."""
    return build_world()


def rule_table(classes, non_record_pages):
    """{URL name: (arguments from the world, profile)} of every page with a rule."""
    table = dict(non_record_pages)
    for cls in classes:
        for suffix in cls.pages:
            page = cls.page(suffix)
            on = page.on
            args = page.args or ((lambda w, on=on: [w[on].pk]) if on else (lambda w: []))
            table[cls.prefix() + suffix] = (args, cls.page(suffix).profile)
    return table


# --- The base class -------------------------------------------------------------------------


class RecordViews:
    """Declare, in a subclass named ``Test<Model>Views``:

    ``model``; ``record`` (the world's key of the record the pages are about, which
    ``make(world)`` builds for a kind of record the shared world does not hold); ``pages``
    (URL suffix → profile or ``Page``; the URL name is ``<app>:<model>_<suffix>``);
    ``absent`` (the standard pages not built yet); ``posts`` (suffix → fields to send beyond
    the form as shown, or a function of the world giving them: what a permitted user would
    send, so that a refusal is the only reason nothing changes); ``not_saved`` (write pages
    whose POST is not saved even for a permitted user, with why); ``edit`` (field → new
    value, sent to the ``update`` page); ``fresh(world)`` (a record nothing refers to, for
    the delete test); ``grow(world, n)`` (adds ``n`` rows to its list and to its record's
    detail page); ``exports``; ``listed_on`` (the model whose page lists a record with a
    generic parent, such as a file attached to a record); ``reached_from`` (for a
    record with neither a list in the navigation nor a parent: the navigated page that links
    to it). A class with a list gets its export page and downloads (``LIST_EXPORTS``).
    """

    model: ClassVar = None
    record: ClassVar[str] = ""
    pages: ClassVar[dict] = {}
    absent: ClassVar[tuple] = ()
    posts: ClassVar[dict] = {}
    edit: ClassVar[dict] = {}
    exports: ClassVar[dict] = {}
    # Write pages whose harness POST a permitted user would not get saved, and why.
    not_saved: ClassVar[dict] = {}
    fresh = None
    grow = None
    make = None  # make(world): the record the pages are about, if the world has none

    registry: ClassVar[list] = []

    @pytest.fixture(autouse=True)
    def _frozen_today(self, monkeypatch):
        # Overdue or not, due soon or not: the same rows on every day the suite runs.
        monkeypatch.setattr(clock, "today", lambda: TODAY)

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        RecordViews.registry.append(cls)
        if "list" in cls.pages:
            cls.pages = {**cls.pages, "list_export": cls.pages["list"]}
            cls.exports = {**LIST_EXPORTS, **cls.exports}
        # A test that does not apply is not generated (pytest collects only callables).
        if not cls.edit:
            cls.test_permitted_edit_writes_one_history_row = None
        if cls.fresh is None or "delete" not in cls.pages:
            cls.test_delete = None
        if "history" not in cls.pages:
            cls.test_history_page = None
        if cls.grow is None:
            cls.test_query_counts = None
        if not cls.exports:
            cls.test_exports = None
        if not cls.writes():
            cls.test_refused_posts_change_nothing = None
            cls.test_the_posts_are_what_a_permitted_user_saves = None

    # Declarations read back.

    @classmethod
    def prefix(cls):
        return f"{cls.model._meta.app_label}:{cls.model._meta.model_name}_"

    @classmethod
    def page(cls, suffix) -> Page:
        page = cls.pages[suffix]
        if not isinstance(page, Page):
            page = Page(page)
        if page.on == "":
            page = Page(page.profile, None if suffix in NO_RECORD else cls.record, page.args)
        return page

    @classmethod
    def url_names(cls):
        return {cls.prefix() + suffix for suffix in cls.pages}

    @classmethod
    def expectations(cls):
        """{(URL name, role): expected GET status} for every page of the class."""
        return {
            (cls.prefix() + suffix, role): cls.page(suffix).profile[role]
            for suffix in cls.pages
            for role in ROLES
        }

    @classmethod
    def writes(cls):
        return [s for s in cls.pages if cls.page(s).profile in WRITE_PROFILES]

    def url(self, world, suffix, record=None, query=None):
        page = self.page(suffix)
        if page.args and record is None:
            args = page.args(world)
        else:
            args = [] if page.on is None else [(record or world[page.on]).pk]
        url = reverse(self.prefix() + suffix, args=args)
        if query:
            url += "?" + "&".join(f"{k}={v}" for k, v in query.items())
        return url

    def post_data(self, world, url, role="dcs"):
        """The page's form as ``role`` sees it, with the declared fields and a reason."""
        response = client_for(world, role).get(url)
        form = (response.context or {}).get("form") if response.status_code == 200 else None
        data = form_data(form) if form is not None else {}
        suffix = url_suffix(self, url)
        extra = self.posts.get(suffix, {})
        data.update(extra(world) if callable(extra) else extra, change_reason=REASON, reason=REASON)
        return data

    # The tests.

    @pytest.mark.parametrize("role", ROLES)
    def test_get_each_page(self, world, role):
        client = client_for(world, role)
        wrong = []
        for suffix in self.pages:
            url = self.url(world, suffix)
            expected = self.page(suffix).profile[role]
            response = client.get(url)
            if response.status_code != expected:
                wrong.append(f"{url}: {response.status_code}, expected {expected}")
            elif expected == 302 and not response["Location"].startswith(reverse("login")):
                wrong.append(f"{url}: redirected to {response['Location']}, not to sign in")
        assert not wrong, "\n".join(wrong)

    @pytest.mark.parametrize("role", ROLES)
    def test_refused_posts_change_nothing(self, world, role):
        refused = [s for s in self.writes() if self.page(s).profile[role] != 200]
        client = client_for(world, role)
        wrong = []
        for suffix in refused:
            url = self.url(world, suffix)
            data = self.post_data(world, url)
            page = self.page(suffix)
            record = world[page.on] if page.on else None
            before = state(record)
            response = client.post(url, data)
            expected = page.profile[role]
            if response.status_code != expected:
                wrong.append(f"POST {url}: {response.status_code}, expected {expected}")
            if state(record) != before:
                wrong.append(f"POST {url} as {role} changed something")
        assert not wrong, "\n".join(wrong)

    def test_the_posts_are_what_a_permitted_user_saves(self, world):
        """The data the refusals send is saved for a permitted role: only the refusal keeps
        the refused POST from changing something."""
        wrong = []
        for suffix in self.writes():
            if suffix in self.not_saved:
                continue
            profile = self.page(suffix).profile
            role = next(r for r in ("dcs", "auditor", "a") if profile[r] == 200)
            url = self.url(world, suffix)
            with transaction.atomic():
                response = client_for(world, role).post(url, self.post_data(world, url, role))
                transaction.set_rollback(True)
            if response.status_code != 302:
                wrong.append(f"POST {url} as {role}: {response.status_code} {_errors(response)}")
        assert not wrong, "\n".join(wrong)

    def test_permitted_edit_writes_one_history_row(self, world):
        profile = self.page("update").profile
        for role in (r for r in ROLES if profile[r] == 200):
            record = world[self.record]
            user = world["users"][role]
            url = self.url(world, "update")
            data = self.post_data(world, url, role)
            reason = f"{REASON} as {role}"
            changes = {name: f"{value} ({role})" for name, value in self.edit.items()}
            data.update(changes, change_reason=reason)
            rows = record.history.count()
            response = client_for(world, role).post(url, data)
            assert response.status_code == 302, (role, response.status_code, _errors(response))
            record.refresh_from_db()
            for name, value in changes.items():
                assert getattr(record, name) == value, (role, name)
            assert record.history.count() == rows + 1, role
            latest = record.history.latest("history_id")
            assert latest.history_user == user, role
            assert latest.history_change_reason == reason, role

    def test_delete(self, world):
        record = self.fresh(world)
        profile = self.page("delete").profile
        url = self.url(world, "delete", record)
        for role in (r for r in ROLES if profile[r] != 200):
            before = state(record)
            response = client_for(world, role).post(url, {"reason": REASON})
            assert response.status_code == profile[role], (role, response.status_code)
            assert state(record) == before, f"{role}'s refused delete changed something"
        reason = f"{REASON}: deleted"
        response = client_for(world, "dcs").post(url, {"reason": reason})
        assert response.status_code == 302, (response.status_code, _errors(response))
        assert not type(record)._base_manager.filter(pk=record.pk).exists()
        gone = record.history.latest("history_id")
        assert gone.history_type == "-"
        assert gone.history_change_reason == reason
        assert gone.history_user == world["users"]["dcs"]

    def test_history_page(self, world):
        seen = self.page("detail").profile if "detail" in self.pages else OWN
        for role in ROLES:
            response = client_for(world, role).get(self.url(world, "history"))
            expected = 302 if role == "anon" else (200 if seen[role] == 200 else 404)
            assert response.status_code == expected, (role, response.status_code)

    def test_query_counts(self, world):
        stored = load_counts()
        counted = [s for s in ("list", "detail") if s in self.pages]
        clients = {role: client_for(world, role) for role in ("dcs", "a")}
        measured = {}
        for size, n in (("small", 5), ("large", 45)):
            self.grow(world, n)
            for suffix in counted:
                url = self.url(world, suffix)
                for role, client in clients.items():
                    if size == "small":  # warm the caches a first request fills
                        client.get(url)
                    measured[(suffix, role, size)] = count_queries(client, url)
        wrong = []
        for suffix in counted:
            for role in clients:
                key = f"{self.model._meta.label} {suffix} {role}"
                few, many = measured[(suffix, role, "small")], measured[(suffix, role, "large")]
                if len(few) != len(many):
                    wrong.append(
                        f"{key}: {len(few)} queries with 5 rows, {len(many)} with 50:\n"
                        + show(many)
                    )
                elif UPDATING:
                    store_count(key, len(many))
                elif stored.get(key) != len(many):
                    wrong.append(
                        f"{key}: {len(many)} queries, {stored.get(key)} stored in "
                        f"{QUERY_COUNTS.name} (re-record with UPDATE_QUERY_COUNTS=1):\n"
                        + show(many)
                    )
        assert not wrong, "\n\n".join(wrong)

    def test_exports(self, world):
        for name, export in self.exports.items():
            profile = self.page(export.page).profile
            url = self.url(world, export.page, query=export.query)
            for role in ROLES:
                response = client_for(world, role).get(url)
                assert response.status_code == profile[role], (name, role, response.status_code)
                if profile[role] == 200:
                    assert response["Content-Type"].startswith(export.content_type), name
                    assert response.content, name


def url_suffix(cls, url):
    match = resolve(url.split("?")[0])
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    return name.removeprefix(cls.prefix())


def _errors(response):
    context = getattr(response, "context", None)
    form = context.get("form") if context else None
    return form.errors if form is not None else ""
