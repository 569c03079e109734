"""Every column of the data pages' tables shows at 1280 px, without scrolling, in Chromium.

The demo trust is loaded and each page opened at the desktop width as the DCS Unit and as a
partner; each table is measured against the box that holds it (the table's scroll width
against the box's width), so a column pushed out of sight fails with the page and the table
named. At phone width a table may scroll inside its own box, but the page never scrolls
sideways. Screenshots at 1280 px and 375 px go to the run's screenshot folder.
"""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from .conftest import DESKTOP, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 375, "height": 720}

# Each table of the page: its caption, its width, its box's width and its header labels.
TABLES_JS = """() => [...document.querySelectorAll('main table')].map((table) => {
  const box = table.closest('.app-table-wrapper') || table.parentElement;
  const right = box.getBoundingClientRect().right;
  return {
    caption: table.caption ? table.caption.innerText.trim() : '(no caption)',
    width: table.scrollWidth,
    box: box.clientWidth,
    hidden: [...table.querySelectorAll('thead th')]
      .filter((th) => th.getBoundingClientRect().right > right + 1)
      .map((th) => th.innerText.trim()),
  };
})"""


@pytest.fixture
def demo(transactional_db):
    """The demo trust, committed so the live server sees it (flushed after the test)."""
    call_command("load_demo", stdout=io.StringIO())


def data_pages(username):
    """(name, path) of the pages whose tables must fit, as ``username`` reaches them: the
    recommendation list, an audit, the fullest risk register, the action lists, the dashboard."""
    from recommendations.models import Audit
    from risks.models import RiskRegister
    from trust.models import User

    user = User.objects.get(username=username)
    pages = [("recommendations", reverse("recommendations:recommendation_list"))]
    audit = Audit.objects.restrict(user).order_by("pk").first()
    if audit is not None:  # a partner may have no recommendation of any audit
        pages.append(("audit", audit.get_absolute_url()))
    registers = sorted(RiskRegister.objects.restrict(user), key=lambda r: -r.risks.count())
    if registers:
        pages.append(("risk register", registers[0].get_absolute_url()))
    return [
        *pages,
        ("my actions", reverse("my_actions")),
        ("all actions", reverse("partners:action_list")),
        ("dashboard", reverse("home")),
    ]


def tables_that_do_not_fit(page, path):
    page.goto(path)
    tables = page.evaluate(TABLES_JS)
    return tables, [t for t in tables if t["width"] > t["box"] or t["hidden"]]


# The DCS Unit sees a table on every one of these pages of the demo; a partner on some.
@pytest.mark.parametrize("username, every_page_has_one", [("dcs", True), ("pct", False)])
def test_every_column_of_the_data_tables_shows_at_1280_px(
    page, keyboard, demo, screenshots_dir, username, every_page_has_one
):
    assert page.viewport_size == DESKTOP
    sign_in(page, keyboard, username)
    without, measured, problems = [], 0, []
    for name, path in data_pages(username):
        tables, too_wide = tables_that_do_not_fit(page, path)
        measured += len(tables)
        without += [name] if not tables else []
        problems += [f"{name} ({path}): {t}" for t in too_wide]
        page.screenshot(path=screenshots_dir / f"widths-{username}-{name}-1280.png", full_page=True)
    assert measured, "no table measured"
    assert not (every_page_has_one and without), f"no table on {without}"
    assert not problems, "Tables wider than their box at 1280 px:\n" + "\n".join(problems)


def test_the_data_pages_never_scroll_sideways_at_phone_width(page, keyboard, demo, screenshots_dir):
    sign_in(page, keyboard, "dcs")
    page.set_viewport_size(PHONE)
    wide = []
    for name, path in data_pages("dcs"):
        page.goto(path)
        width = page.evaluate("() => document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wide.append(f"{name} ({path}): {width} px")
        page.screenshot(path=screenshots_dir / f"widths-dcs-{name}-375.png", full_page=True)
    assert not wide, "Pages wider than the phone:\n" + "\n".join(wide)
