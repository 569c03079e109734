"""A partner, in Chromium, reads every page and export reachable from a recommendation that
carries another organisation's action it may not see: no trace of that action reaches it."""

import re
from collections import deque
from urllib.parse import urldefrag, urlsplit

import pytest
from django.urls import reverse

from partners.models import Action
from tests.test_partner_scope import (
    HIDDEN_DATE_FORMATS,
    HIDDEN_TRACES,
    hidden_action_world,
    xlsx_text,
)

from .conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True)

SKIP = ("/sign-out/", "/admin/", "/static/")
LINKS_JS = "() => Array.from(document.querySelectorAll('a[href]'), a => a.getAttribute('href'))"


def download_text(response):
    kind = response.headers.get("content-type", "")
    if "spreadsheetml" in kind:
        return xlsx_text(response.body())
    if "pdf" in kind:
        return ""  # the report's HTML is checked in tests/test_partner_scope.py
    return response.text()


def test_a_partner_reads_every_page_and_export_from_a_recommendation_without_a_trace(
    page, keyboard, transactional_db
):
    world = hidden_action_world()
    sign_in(page, keyboard, "pct", password="correct horse battery staple")
    queue, seen, texts = deque([world["rec"].get_absolute_url()]), set(), {}
    while queue and len(seen) < 120:
        url = urldefrag(queue.popleft())[0]
        if url in seen or any(s in url for s in SKIP) or urlsplit(url).netloc:
            continue
        if url.startswith("mailto:"):
            continue
        seen.add(url)
        if "/export/" in url:
            response = page.request.get(url)
            assert response.status < 500, url
            if response.ok:
                texts[url] = download_text(response)
            continue
        response = page.goto(url)
        assert response.status < 500, url
        if not response.ok:
            continue
        texts[url] = " ".join(page.inner_text("body").split())
        queue.extend(page.evaluate(LINKS_JS))
        match = re.fullmatch(r"/recommendations/audits/(\d+)/", url)
        if match:
            export = reverse("recommendations:audit_export", args=[match[1]])
            queue.extend(f"{export}?format={kind}" for kind in ("xlsx", "csv", "csv-actions"))
    assert len(texts) > 20
    for url, text in texts.items():
        for trace in HIDDEN_TRACES + HIDDEN_DATE_FORMATS:
            assert trace not in text, (trace, url)
    openable = Action.objects.restrict(world["pct_user"]).filter(plan=world["rec"].action_plan)
    audit_page = texts[world["audit"].get_absolute_url()]
    assert f"0 of {openable.count()}" in audit_page
