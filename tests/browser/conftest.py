"""Browser tests: Playwright for Python driving Debian's Chromium against ``live_server``.

Where no Chromium is installed the browser tests skip with a message saying so; with
``REQUIRE_BROWSER=1`` (set by ``.ci/run``) a missing or broken Chromium is a failure instead.
``CHROMIUM_PATH`` points at another Chromium binary.

The helpers here are shared by the journeys and the accessibility crawl:

- ``tab_to(page, target)`` presses Tab until the target has focus (bounded), and checks the
  focus is visible; ``Keyboard`` wraps it with typing, choosing, following links, submitting.
- ``axe(page)`` injects the vendored axe-core and returns the WCAG 2.x A/AA violations.
- ``inspect_page(page)`` runs the checks every page must pass (axe, one h1, a title that says
  where you are, text alternatives, no horizontal scrolling at 320 px).
- ``PageChecks`` (fixture ``checks``) runs ``inspect_page`` on the pages a journey reaches,
  saves screenshots at desktop and phone widths, and lists each page in the run's summary.
"""

import datetime
import itertools
import os
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test.signals import template_rendered
from django.urls import Resolver404, resolve

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent.parent
AXE_SOURCE_PATH = HERE / "vendor" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 320, "height": 720}
TIMEOUT_MS = 10_000

# Every page the browser tests checked, for the run's summary: dicts of role, route, ...
CHECKED_PAGES: list[dict] = []
_RUN: dict = {}


def _truthy(value):
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


REQUIRE_BROWSER = _truthy(os.environ.get("REQUIRE_BROWSER"))


# --- Finding and starting Chromium --------------------------------------------------------


def find_chromium():
    """(path, None) of the Chromium to drive, or (None, why there is none)."""
    explicit = os.environ.get("CHROMIUM_PATH")
    if explicit:
        if os.path.isfile(explicit) and os.access(explicit, os.X_OK):
            return explicit, None
        return None, f"CHROMIUM_PATH={explicit} is not an executable file"
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found, None
    return None, "no Chromium found on PATH (looked for chromium and chromium-browser)"


def browser_unavailable(reason):
    """Skip, or under REQUIRE_BROWSER=1 fail: a skip in CI would hide pages no browser saw."""
    if REQUIRE_BROWSER:
        pytest.fail(
            f"REQUIRE_BROWSER=1 but the browser tests cannot run: {reason}. "
            "Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.",
            pytrace=False,
        )
    pytest.skip(
        f"Browser tests skipped: {reason}. Install Chromium (Debian: apt-get install "
        "chromium) or set CHROMIUM_PATH; REQUIRE_BROWSER=1 turns this skip into a failure."
    )


@pytest.fixture(scope="package")
def browser():
    path, reason = find_chromium()
    if path is None:
        browser_unavailable(reason)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        browser_unavailable("the playwright package is not installed (pip install -e '.[dev]')")
    # Playwright's sync API keeps an event loop on this thread, which Django's ORM takes for
    # an async context. The tests are synchronous; the flag is restored when the browser goes.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(
            executable_path=path, args=LAUNCH_ARGS, timeout=60_000
        )
    except Exception as error:
        playwright.stop()
        _restore_env("DJANGO_ALLOW_ASYNC_UNSAFE", previous)
        pytest.fail(f"Chromium at {path} did not start: {error}", pytrace=False)
    try:
        yield chromium
    finally:
        chromium.close()
        playwright.stop()
        _restore_env("DJANGO_ALLOW_ASYNC_UNSAFE", previous)


def _restore_env(name, value):
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value


def new_context(browser, base_url):
    return browser.new_context(
        viewport=DESKTOP, locale="en-GB", base_url=base_url, accept_downloads=True
    )


def watch_errors(page):
    """Collects JavaScript errors and console errors (a CSP refusal shows up as one)."""
    errors = []

    def console(message):
        if message.type != "error":
            return
        # A page answering 403 or 404 on purpose is not an error of the page itself.
        if message.text.startswith("Failed to load resource") and (
            message.location.get("url") == page.url
        ):
            return
        errors.append(f"{page.url}: {message.text} ({message.location.get('url')})")

    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    page.on("console", console)
    return errors


@pytest.fixture
def context(browser, live_server):
    ctx = new_context(browser, live_server.url)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.js_errors = watch_errors(page)
    return page


# --- Which template answered --------------------------------------------------------------


@pytest.fixture(scope="session")
def served_templates():
    """Maps each request's full path to the outermost template that answered it.

    pytest-django instruments template rendering for the whole process, the live server's
    thread included, so the signal tells which page template a browser was served.
    """
    served = {}

    def record(sender, template, context, **kwargs):
        request = context.get("request") if context is not None else None
        if request is None or getattr(request, "_browser_test_template", None):
            return
        request._browser_test_template = template.name
        served[request.get_full_path()] = template.name

    template_rendered.connect(record, weak=False, dispatch_uid="browser-served-templates")
    yield served
    template_rendered.disconnect(dispatch_uid="browser-served-templates")


def route_name(path):
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name


# --- Screenshots --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def screenshots_dir():
    run_id = datetime.datetime.now().strftime("%Y%m%d-%H%M%S") + f"-{os.getpid()}"
    folder = PROJECT / "var" / "screenshots" / run_id
    folder.mkdir(parents=True, exist_ok=True)
    _RUN["screenshots"] = folder
    print(f"\nScreenshots of the browser tests: {folder}")
    return folder


def pytest_terminal_summary(terminalreporter):
    if CHECKED_PAGES:
        write = terminalreporter.write_line
        terminalreporter.section("pages checked in Chromium (axe-core, h1, title, 320 px)")
        for n, row in enumerate(CHECKED_PAGES, 1):
            state = f" [{row['state']}]" if row.get("state") else ""
            axe_note = f"{row['violations']} axe violations" if row["axe"] else "axe: seen already"
            write(
                f"{n:3}. {row['role']:<9} {row['route'] or '(no route)':<42} "
                f"{row['template'] or '?':<44} {row['path']}{state}  ({axe_note})"
            )
        with_axe = sum(1 for row in CHECKED_PAGES if row["axe"])
        write(f"{len(CHECKED_PAGES)} pages checked, {with_axe} distinct ones with axe-core")
    if "screenshots" in _RUN:
        terminalreporter.write_line(f"Screenshots of the browser tests: {_RUN['screenshots']}")


# --- Keyboard -----------------------------------------------------------------------------

FOCUSED_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const text = (s) => (s || '').replace(/\\s+/g, ' ').trim();
  let name;
  if (['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName)) {
    name = el.labels && el.labels.length ? text(el.labels[0].innerText)
                                          : text(el.getAttribute('aria-label'));
  } else {
    name = text(el.innerText || el.getAttribute('aria-label') || el.value);
  }
  return {tag: el.tagName.toLowerCase(), id: el.id, name: name, type: el.type || '',
          href: el.getAttribute('href') || ''};
}"""

# Whether the focused element shows it: a non-transparent outline or a box-shadow (GOV.UK's
# yellow focus state), on the element or, for radios and checkboxes, on their label's box.
FOCUS_VISIBLE_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return false;
  const transparent = (c) => c === 'transparent' || /rgba\\([^)]*,\\s*0\\)$/.test(c);
  const shows = (s) => (s.boxShadow && s.boxShadow !== 'none') ||
    (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && !transparent(s.outlineColor));
  const styles = [getComputedStyle(el)];
  if ((el.type === 'radio' || el.type === 'checkbox') && el.labels && el.labels.length) {
    styles.push(getComputedStyle(el.labels[0], '::before'));
    styles.push(getComputedStyle(el.labels[0], '::after'));
  }
  return styles.some(shows);
}"""


def _matches(page, info, target, handle):
    if info is None:
        return False
    if handle is not None:
        return page.evaluate("el => el === document.activeElement", handle)
    if isinstance(target, re.Pattern):
        return bool(target.search(info["name"]))
    if target.startswith("#"):
        return info["id"] == target[1:]
    return info["name"] == target


def tab_to(page, target, max_presses=80, backwards=False):
    """Presses Tab (Shift+Tab) until ``target`` has focus; returns what is focused.

    ``target``: a Locator; "#id"; a compiled regex searched in the accessible text; or the
    exact text of a link or button, or the label of a field. Fails after ``max_presses``,
    and fails if the element reached shows no visible focus.
    """
    handle = None
    if not isinstance(target, str | re.Pattern):
        handle = target.element_handle()
    key = "Shift+Tab" if backwards else "Tab"
    info = page.evaluate(FOCUSED_JS)
    passed = []
    for _ in range(max_presses + 1):
        if _matches(page, info, target, handle):
            assert page.evaluate(FOCUS_VISIBLE_JS), f"No visible focus on {info} at {page.url}"
            return info
        page.keyboard.press(key)
        info = page.evaluate(FOCUSED_JS)
        passed.append(info and (info["name"] or info["id"] or info["tag"]))
    raise AssertionError(
        f"{target!r} not focused after {max_presses} presses of {key} at {page.url}; "
        f"focus passed: {passed[-15:]}"
    )


class Keyboard:
    """The user's hands: Tab, type, arrows, Space, Enter. No mouse."""

    def __init__(self, page):
        self.page = page

    def tab_to(self, target, max_presses=80, backwards=False):
        return tab_to(self.page, target, max_presses=max_presses, backwards=backwards)

    def press(self, key):
        self.page.keyboard.press(key)

    def type(self, text):
        self.page.keyboard.type(text)

    def fill(self, target, text):
        """Tabs to a field, selects what is in it and types over it."""
        self.tab_to(target)
        self.page.keyboard.press("Control+A")
        if text:
            self.page.keyboard.type(text)
        else:
            self.page.keyboard.press("Delete")

    def fill_date(self, field_id, day, parts=None):
        """A GOV.UK date input: three fields, day, month, year (ids ``<id>_0`` to ``_2``).

        ``parts``: what to type in each instead of ``day``, e.g. an impossible date.
        """
        for n, part in enumerate(parts or (day.day, day.month, day.year)):
            self.fill(f"#{field_id}_{n}", str(part))

    def type_native_date(self, day):
        """Types a date into a focused <input type=date>, whatever the order of its parts.

        Chromium orders day, month and year by the browser's own locale, so each order is
        tried in turn; the field's value says which one took.
        """
        for order in ("%d%m%Y", "%m%d%Y", "%Y%m%d"):
            self.page.keyboard.type(day.strftime(order))
            if self.page.evaluate("() => document.activeElement.value") == day.isoformat():
                return
            self.page.keyboard.press("Shift+Tab")  # back to the first of the three parts
            self.page.keyboard.press("Shift+Tab")
        raise AssertionError(f"Could not type {day} into the date field at {self.page.url}")

    def choose(self, target, option):
        """Tabs to a <select> and moves to ``option`` (its text, or its start) with arrows."""
        self.tab_to(target)
        options, current = self.page.evaluate(
            "() => [Array.from(document.activeElement.options, o => o.text.trim()),"
            " document.activeElement.selectedIndex]"
        )
        wanted = next(
            (i for i, text in enumerate(options) if text == option),
            next((i for i, text in enumerate(options) if text.startswith(option)), None),
        )
        assert wanted is not None, f"No option {option!r} in {options}"
        step = "ArrowDown" if wanted > current else "ArrowUp"
        for _ in range(abs(wanted - current)):
            self.page.keyboard.press(step)
        chosen = self.page.evaluate("() => document.activeElement.selectedOptions[0].text.trim()")
        assert chosen == options[wanted], (chosen, options[wanted])

    def follow(self, target, max_presses=80):
        """Tabs to a link or button and presses Enter, waiting for the next page."""
        self.tab_to(target, max_presses=max_presses)
        with self.page.expect_navigation():
            self.page.keyboard.press("Enter")

    submit = follow


@pytest.fixture
def keyboard(page):
    return Keyboard(page)


def sign_in(page, keyboard, username, password=None, check=None):
    """Signs in through the form, by keyboard; lands on the home page.

    ``check``: a ``PageChecks`` to run on the sign-in page before typing.
    """
    page.goto("/sign-in/")
    if check is not None:
        check(screenshot="sign in")
    keyboard.fill("Username", username)
    keyboard.fill("Password", password or f"{username}-demo-2007")
    with page.expect_navigation():
        keyboard.press("Enter")
    assert urlsplit(page.url).path == "/", f"Sign-in as {username} failed: {page.url}"


# --- The checks every page must pass ------------------------------------------------------

_AXE_SOURCE = None

AXE_RUN_JS = """async (tags) => {
  const result = await axe.run(document, {
    runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],
  });
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ') + '  ' + n.html.slice(0, 160)),
  }));
}"""


def axe(page):
    """Injects the vendored axe-core (once per document) and returns its violations."""
    global _AXE_SOURCE
    if _AXE_SOURCE is None:
        _AXE_SOURCE = AXE_SOURCE_PATH.read_text(encoding="utf-8")
    # Evaluated through the DevTools protocol, so the app's CSP (no inline scripts) stays on.
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(_AXE_SOURCE)
    return page.evaluate(AXE_RUN_JS, AXE_TAGS)


def format_violations(violations):
    return [
        f"{v['id']} ({v['impact']}): {v['help']}: " + " | ".join(v["nodes"][:4]) for v in violations
    ]


TEXT_ALTERNATIVES_JS = """() => {
  const text = (s) => (s || '').replace(/\\s+/g, ' ').trim();
  const missing = [];
  const items = document.querySelectorAll('img, svg[role="img"], canvas, [role="img"]');
  for (const el of items) {
    if (el.closest('[aria-hidden="true"]')) continue;
    const named = text(el.getAttribute('aria-label')) ||
      (el.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean)
        .map((id) => document.getElementById(id)).filter(Boolean)
        .map((n) => text(n.textContent)).join(' ');
    let own = '';
    const tag = el.tagName.toLowerCase();
    if (tag === 'img') own = text(el.getAttribute('alt'));
    else if (tag === 'svg') {
      const title = el.querySelector(':scope > title');
      own = title ? text(title.textContent) : '';
    } else if (tag === 'canvas') own = text(el.textContent);  // fallback content
    if (!named && !own) missing.push(el.outerHTML.slice(0, 140));
  }
  return missing;
}"""

STRUCTURE_JS = """() => ({
  title: document.title,
  h1: Array.from(document.querySelectorAll('h1'), (h) => h.innerText.replace(/\\s+/g, ' ').trim()),
  errorSummary: !!document.querySelector('.govuk-error-summary'),
  banner: !!document.querySelector('.govuk-notification-banner'),
})"""

OVERFLOW_JS = """() => {
  const root = document.documentElement;
  const width = root.clientWidth;
  if (root.scrollWidth <= width) return null;
  // Name the widest culprits that are not inside a box that scrolls on its own.
  const culprits = [];
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.right <= width + 1) continue;
    let clipped = false;
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o !== 'visible') { clipped = true; break; }
    }
    const name = `${el.tagName.toLowerCase()}.${el.className}`;
    if (!clipped) culprits.push(`${name} (${Math.round(box.right)}px)`);
    if (culprits.length >= 4) break;
  }
  return {scrollWidth: root.scrollWidth, clientWidth: width, culprits};
}"""


def title_problem(title):
    """Why the title does not say where you are, or None. "<where> – <service name>"."""
    suffix = f" – {settings.SERVICE_NAME}"
    if not title.endswith(suffix):
        return f"title {title!r} does not end with {suffix!r}"
    where = title[: -len(suffix)].removeprefix("Error: ").strip()
    if not where or where == settings.SERVICE_NAME:
        return f"title {title!r} does not say which page this is"
    return None


def inspect_page(page, *, run_axe=True):
    """The checks every page must pass, by category: {category: [problem, ...]}."""
    problems = {}
    structure = page.evaluate(STRUCTURE_JS)
    if len(structure["h1"]) != 1:
        problems["h1"] = [f"{len(structure['h1'])} h1 elements: {structure['h1']}"]
    why = title_problem(structure["title"])
    if why:
        problems["title"] = [why]
    missing = page.evaluate(TEXT_ALTERNATIVES_JS)
    if missing:
        problems["text alternatives"] = missing
    if run_axe:
        violations = axe(page)
        if violations:
            problems["axe"] = format_violations(violations)
    page.set_viewport_size(PHONE)
    try:
        overflow = page.evaluate(OVERFLOW_JS)
    finally:
        page.set_viewport_size(DESKTOP)
    if overflow:
        problems["320px"] = [
            f"the page scrolls sideways at 320 px: {overflow['scrollWidth']}px wide "
            f"for {overflow['clientWidth']}px; {overflow['culprits']}"
        ]
    return problems, structure


def record_checked(role, page, template, state, ran_axe, problems):
    parts = urlsplit(page.url)
    row = {
        "role": role,
        "route": route_name(parts.path),
        "template": template,
        "path": parts.path + (f"?{parts.query}" if parts.query else ""),
        "state": state,
        "axe": ran_axe,
        "violations": len(problems.get("axe", [])),
    }
    CHECKED_PAGES.append(row)
    return row


_AXE_SEEN: set = set()
_SHOTS = itertools.count(1)  # screenshots numbered in the order taken, across the run


def page_key(page, served, structure):
    """What makes a page distinct: its route, the template that answered, and its state."""
    parts = urlsplit(page.url)
    full = parts.path + (f"?{parts.query}" if parts.query else "")
    template = served.get(full) or served.get(parts.path)
    flags = (
        ("query", bool(parts.query)),  # a filtered list, a status as at a date
        ("errors", structure["errorSummary"]),
        ("banner", structure["banner"]),
    )
    state = ", ".join(label for label, on in flags if on)
    return (route_name(parts.path), template, state), template, state


class PageChecks:
    """Checks each page a journey reaches; screenshots the main ones at two widths."""

    def __init__(self, page, served, folder):
        self.page, self.served, self.folder = page, served, folder
        self.role = "anonymous"
        self.problems = []

    def __call__(self, screenshot=None):
        page = self.page
        structure = page.evaluate(STRUCTURE_JS)
        key, template, state = page_key(page, self.served, structure)
        run_axe = key not in _AXE_SEEN
        problems, _ = inspect_page(page, run_axe=run_axe)
        if run_axe:
            _AXE_SEEN.add(key)
        record_checked(self.role, page, template, state, run_axe, problems)
        for category, items in problems.items():
            self.problems += [f"{page.url} [{category}] {item}" for item in items]
        if screenshot:
            self.screenshot(screenshot)
        return problems

    def screenshot(self, name):
        stem = re.sub(r"[^a-z0-9]+", "-", f"{next(_SHOTS):03d} {self.role} {name}".lower())
        self.page.screenshot(path=self.folder / f"{stem}-desktop.png", full_page=True)
        self.page.set_viewport_size({"width": 375, "height": 812})
        self.page.screenshot(path=self.folder / f"{stem}-phone.png", full_page=True)
        self.page.set_viewport_size(DESKTOP)

    def assert_clean(self):
        problems = self.problems + list(getattr(self.page, "js_errors", []))
        assert not problems, "\n".join(problems)


@pytest.fixture
def checks(page, served_templates, screenshots_dir):
    return PageChecks(page, served_templates, screenshots_dir)
