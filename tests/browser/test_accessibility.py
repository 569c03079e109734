"""Every distinct page, as every role, in Chromium: axe-core and the checks axe cannot make.

The demo trust is walked from the home page as each role with Django's test client (fast,
in-process), following every link; each page is known by its route and the template that
answered it. The first page of each kind is then opened in Chromium as a role that reaches it
and checked: axe-core's WCAG 2.0/2.1/2.2 A and AA rules, the skip link, visible focus, one h1,
a title that says where you are, text alternatives for images and charts, and no sideways
scrolling at 320 px. The sign-in page (also with its errors), the forgotten-password pages and
the "Page not found" page are checked too. The pages checked are listed in the run's summary.

The survey runs once for the module (a module-scoped fixture); each test asserts one kind of
check, so a failure names what is wrong and on which pages.
"""

import io
import re
from collections import Counter, defaultdict
from html import unescape
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.management import call_command
from django.test import Client

from trust.navigation import NAVIGATION

from .conftest import _AXE_SEEN as AXE_SEEN
from .conftest import (
    FOCUS_VISIBLE_JS,
    FOCUSED_JS,
    STRUCTURE_JS,
    inspect_page,
    new_context,
    page_key,
    record_checked,
    route_name,
    tab_to,
    watch_errors,
)
from .conftest import TIMEOUT_MS as TIMEOUT

ROLES = ("dcs", "auditor", "pct", "edleeds")
SKIP = ("/admin/", "/sign-out/", "/static/")
PER_ROUTE = 2  # instances of one route fetched per role, for the links they carry
FOCUS_STEPS = 8  # focusable elements checked for a visible focus after the skip link
LINK = re.compile(r'href="([^"]*)"')


def walk(username):
    """Pages a role reaches from "/": [(path, route, template, status)]; its session id."""
    from trust.models import User

    client = Client()
    client.force_login(User.objects.get(username=username))
    queue, seen, fetched, pages = ["/"], set(), Counter(), []
    while queue:
        path = queue.pop(0)
        if path in seen or path.startswith(SKIP):
            continue
        seen.add(path)
        route = route_name(path)
        if route is None or fetched[route] >= PER_ROUTE:
            continue
        fetched[route] += 1
        response = client.get(path)
        if "text/html" not in response.get("Content-Type", ""):
            continue  # downloads (XLSX, PDF) are not pages
        template = response.templates[0].name if response.templates else None
        pages.append((path, route, template, response.status_code))
        if response.status_code != 200:
            continue
        for href in LINK.findall(response.content.decode()):
            parts = urlsplit(urljoin(path, unescape(href)))
            if parts.scheme in ("", "http") and parts.netloc in ("", "testserver"):
                queue.append(parts.path)
    return pages, client.cookies["sessionid"].value


def plan(walks):
    """The first page of each kind, and the role to open it as: {role: [path, ...]}."""
    chosen, kinds = defaultdict(list), set()
    for role, (pages, _) in walks.items():
        for path, route, template, status in pages:
            kind = (route, template) if status == 200 else ("error", template, status)
            if kind not in kinds:
                kinds.add(kind)
                chosen[role].append(path)
    return chosen


class Survey:
    def __init__(self):
        self.problems = defaultdict(list)  # category: ["<role> <path>: problem"]
        self.pages = []
        self.reached = {}

    def add(self, category, role, page, problem):
        parts = urlsplit(page.url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        self.problems[category].append(f"{role} {path}: {problem}")


def check_focus(survey, role, page):
    """From a fresh load: the skip link is first, moves focus to main, and focus shows."""
    page.keyboard.press("Tab")
    first = page.evaluate(FOCUSED_JS)
    is_skip = page.evaluate(
        "() => document.activeElement.matches('a.govuk-skip-link[href=\"#main-content\"]')"
    )
    if not is_skip:
        survey.add("skip link", role, page, f"first focusable is {first}, not the skip link")
        return
    if not page.evaluate(FOCUS_VISIBLE_JS):
        survey.add("focus", role, page, "the skip link shows no focus")
    page.keyboard.press("Enter")
    if page.evaluate("() => document.activeElement.id") != "main-content":
        survey.add("skip link", role, page, "Enter on the skip link does not focus #main-content")
        return
    for _ in range(FOCUS_STEPS):
        page.keyboard.press("Tab")
        info = page.evaluate(FOCUSED_JS)
        if info is None or not page.evaluate(
            "() => !!document.activeElement.closest('main, footer')"
        ):
            break
        if not page.evaluate(FOCUS_VISIBLE_JS):
            survey.add("focus", role, page, f"no visible focus on {info}")


def check_header_focus(survey, role, page):
    """The header's links and the sign-out button show their focus (once per role)."""
    for _ in range(20):
        page.keyboard.press("Tab")
        info = page.evaluate(FOCUSED_JS)
        if info is None or page.evaluate("() => !!document.activeElement.closest('main')"):
            break
        if not page.evaluate(FOCUS_VISIBLE_JS):
            survey.add("focus", role, page, f"no visible focus on {info}")


def check(survey, role, page, served):
    """All checks on the page now loaded; axe once per distinct page."""
    structure = page.evaluate(STRUCTURE_JS)
    key, template, state = page_key(page, served, structure)
    run_axe = key not in AXE_SEEN
    problems, structure = inspect_page(page, run_axe=run_axe)
    AXE_SEEN.add(key)
    survey.pages.append(record_checked(role, page, template, state, run_axe, problems))
    for category, items in problems.items():
        for item in items:
            survey.add(category, role, page, item)
    return structure


@pytest.fixture(scope="module")
def survey(browser, live_server, django_db_setup, django_db_blocker, served_templates):
    """Walks, opens and checks every distinct page; data flushed afterwards."""
    result = Survey()
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=io.StringIO())
        live_server._live_server_modified_settings.enable()
        try:
            walks = {role: walk(role) for role in ROLES}
            result.reached = {role: {p[0] for p in pages} for role, (pages, _) in walks.items()}
            chosen = plan(walks)
            forbidden = [
                path
                for path, route, _, _ in walks["dcs"][0]
                if route == "recommendations:recommendation_update"
            ][:1]

            # Signed out: the sign-in page, then with its errors (submitted empty).
            ctx = new_context(browser, live_server.url)
            page = ctx.new_page()
            page.set_default_timeout(TIMEOUT)
            errors = watch_errors(page)
            page.goto("/sign-in/")
            check(result, "anonymous", page, served_templates)
            check_focus(result, "anonymous", page)
            page.goto("/sign-in/")
            tab_to(page, "Username")
            with page.expect_navigation():
                page.keyboard.press("Enter")  # submitted empty
            check(result, "anonymous", page, served_templates)
            # "Forgotten your password?", its "check your e-mail" answer, and a dead link.
            page.goto("/password/forgotten/")
            check(result, "anonymous", page, served_templates)
            page.fill("input[name=email]", "nobody@example.org")
            with page.expect_navigation():
                page.keyboard.press("Enter")
            check(result, "anonymous", page, served_templates)
            page.goto("/password/set/MQ/not-a-token/")
            check(result, "anonymous", page, served_templates)
            ctx.close()
            result.problems["javascript"] += errors

            for role in ROLES:
                _, session = walks[role]
                ctx = new_context(browser, live_server.url)
                ctx.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
                page = ctx.new_page()
                page.set_default_timeout(TIMEOUT)
                errors = watch_errors(page)
                page.goto("/")
                check_header_focus(result, role, page)
                paths = chosen.get(role, [])
                if role == "dcs":
                    paths = [*paths, "/no-such-page/"]  # typed wrong: "Page not found"
                if role == "auditor":
                    paths = [*paths, *forbidden]  # typed: an edit page auditors may not use
                for path in paths:
                    page.goto(path)
                    check(result, role, page, served_templates)
                    page.goto(path)  # a fresh load: focus starts at the top again
                    check_focus(result, role, page)
                ctx.close()
                result.problems["javascript"] += errors
        finally:
            live_server._live_server_modified_settings.disable()
            call_command("flush", "--no-input", verbosity=0)
    distinct = sum(1 for row in result.pages if row["axe"])
    print(
        f"\nAccessibility survey: {len(result.pages)} pages checked in Chromium, {distinct} "
        "distinct ones with axe-core (listed in the summary at the end of the run)"
    )
    return result


def assert_none(survey, category):
    problems = survey.problems.get(category, [])
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)


def test_the_survey_reaches_every_section_as_each_role(survey):
    from django.urls import reverse

    for role, reached in survey.reached.items():
        for label, url_name, _ in NAVIGATION:
            assert reverse(url_name) in reached, f"{role} does not reach {label}"
    assert len([row for row in survey.pages if row["axe"]]) > 20


def test_axe_finds_no_wcag_a_or_aa_violations(survey):
    assert_none(survey, "axe")


def test_skip_link_is_the_first_focusable_and_moves_focus_to_main(survey):
    assert_none(survey, "skip link")


def test_focus_is_visible_on_every_element_tabbed_to(survey):
    assert_none(survey, "focus")


def test_every_page_has_exactly_one_h1(survey):
    assert_none(survey, "h1")


def test_page_titles_say_where_you_are_and_name_the_service(survey):
    assert_none(survey, "title")


def test_images_and_charts_have_text_alternatives(survey):
    # Vacuous while the app draws no images or charts; it holds the heat map and the charts
    # to it when they come.
    assert_none(survey, "text alternatives")


def test_pages_do_not_scroll_sideways_at_320px(survey):
    assert_none(survey, "320px")


def test_no_javascript_or_content_security_policy_errors(survey):
    assert_none(survey, "javascript")
