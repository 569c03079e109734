"""Walk the demo trust as each role by following links from the dashboard.

Every page reached answers without a server error, labels every field, shows no raw
Python value, and the navigation reaches every section.
"""

import datetime
import io
import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.management import call_command
from django.test import Client

from trust import clock
from trust.models import User
from trust.navigation import NAVIGATION

SKIP = ("/admin/", "/sign-out/", "/static/")
RAW_VALUES = re.compile(r">\s*(None|True|False)\s*<")


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.inputs, self.labels, self.in_main = [], [], set(), False
        self.main_text = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "main":
            self.in_main = True
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "label" and attrs.get("for"):
            self.labels.add(attrs["for"])
        if tag in ("input", "select", "textarea") and attrs.get("type") not in ("hidden", "submit"):
            self.inputs.append(attrs.get("id"))

    def handle_endtag(self, tag):
        if tag == "main":
            self.in_main = False


def crawl(client, limit=400):
    seen, queue, pages = set(), ["/"], {}
    while queue and len(seen) < limit:
        url = queue.pop(0)
        path = urlsplit(url).path
        key = path if "page=" not in url else url
        if key in seen or path.startswith(SKIP):
            continue
        seen.add(key)
        response = client.get(url)
        pages[url] = response
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        parser = Page()
        parser.feed(response.content.decode())
        response.parsed = parser
        for href in parser.links:
            absolute = urljoin(url, href)
            parts = urlsplit(absolute)
            if parts.scheme not in ("", "http") or parts.netloc not in ("", "testserver"):
                continue
            if href.startswith("#"):
                continue
            # Follow each path once: filtered variants of a list are the same page.
            queue.append(parts.path)
    return pages


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=io.StringIO())
    yield
    with django_db_blocker.unblock():
        call_command("flush", "--no-input", verbosity=0)


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: datetime.date(2008, 9, 2))


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["dcs", "pct", "edleeds", "auditor"])
def test_every_page_reached_from_the_dashboard_works(demo, username):
    client = Client()
    client.force_login(User.objects.get(username=username))
    pages = crawl(client)
    assert len(pages) > 20, sorted(pages)
    problems = []
    for url, response in pages.items():
        if response.status_code not in (200, 403):
            problems.append(f"{url}: {response.status_code}")
            continue
        parser = getattr(response, "parsed", None)
        if parser is None:
            continue
        unlabelled = [i for i in parser.inputs if i and i not in parser.labels]
        if unlabelled:
            problems.append(f"{url}: fields without a label: {unlabelled}")
        body = response.content.decode()
        main = body[body.find("<main") : body.find("</main>")]
        raw = RAW_VALUES.findall(main)
        if raw:
            problems.append(f"{url}: shows raw values {raw}")
    assert not problems, "\n".join(problems)
    # Every section of the navigation was reached.
    reached = {urlsplit(u).path for u in pages}
    from django.urls import NoReverseMatch, reverse

    for label, url_name, _ in NAVIGATION:
        try:
            assert reverse(url_name) in reached, label
        except NoReverseMatch:
            pytest.fail(f"The navigation item {label} has no page")
