"""Production serves: the README's deployment steps, followed on loopback.

With ``trust.settings.production`` a fresh database is migrated and given the demo, the static
files are collected (manifest storage, as WhiteNoise serves them), ``check --deploy`` finds
nothing, and gunicorn serves the app behind a pretend proxy (``X-Forwarded-Proto: https``):
each role signs in and follows every link it is offered, one page of each kind, and every page
answers without a server error, with the security headers. Logs name the request and the user
id, and go to ``LOG_FILE`` too."""

import http.client
import io
import logging
import os
import re
import secrets
import socket
import subprocess
import sys
import time
from html import unescape
from pathlib import Path
from urllib.parse import urlencode, urljoin, urlsplit

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.test import override_settings
from django.urls import include, path, resolve
from django.urls.exceptions import Resolver404

ROOT = Path(settings.BASE_DIR)
# check --deploy wants a key that looks random, not only a long one.
STRONG_KEY = secrets.token_urlsafe(64)
PASSWORDS = {"dcs": "dcs-demo-2007", "pct": "pct-demo-2007", "auditor": "auditor-demo-2007"}
LINK = re.compile(r'href="([^"]*)"')
SKIP = ("/admin/", "/sign-out/", "/static/", "/password/")
SECURITY_HEADERS = {
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains; preload",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def production_env(tmp_path, **extra):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="trust.settings.production",
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"sqlite:///{tmp_path / 'trust.sqlite3'}",
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
        LOG_FILE=str(tmp_path / "trust.log"),
        **extra,
    )
    env.pop("TRUST_CLOCK_START", None)
    return env


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def test_check_deploy_finds_nothing_with_production_settings(tmp_path):
    output = manage(production_env(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert "no issues" in output


def test_collectstatic_works_from_the_repository_as_it_is(tmp_path):
    manage(production_env(tmp_path), "collectstatic", "--noinput", "-v0")
    manifest = (tmp_path / "static" / "staticfiles.json").read_text()
    assert '"css/app.css"' in manifest
    # Nothing reserved for GOV.UK is shipped or named.
    assert not list((tmp_path / "static").rglob("*crest*"))
    assert "govuk-crest" not in (ROOT / "static/css/app.css").read_text(encoding="utf-8")


# --- gunicorn ----------------------------------------------------------------------------------


class Browser:
    """A signed-in visitor over plain HTTP to loopback, as the reverse proxy would forward it
    (its cookies are Secure, so they are kept here, not by a cookie jar)."""

    def __init__(self, port):
        self.port, self.cookies = port, {}

    def request(self, method, url, body=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {
            "X-Forwarded-Proto": "https",
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
        }
        if body is not None:
            headers |= {
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": f"https://127.0.0.1:{self.port}/sign-in/",
            }
        connection.request(method, url, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        return response, content

    def sign_in(self, username):
        _, page = self.request("GET", "/sign-in/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        form = {"csrfmiddlewaretoken": token.decode(), "username": username}
        form["password"] = PASSWORDS[username]
        response, _ = self.request("POST", "/sign-in/", urlencode(form))
        assert response.status == 302 and response.getheader("Location") == "/", username


def route(path_):
    try:
        return resolve(path_).view_name
    except Resolver404:
        return None


def crawl(browser):
    """Every page reachable from "/", one of each kind: {path: status}."""
    queue, seen, kinds, answers = ["/"], set(), set(), {}
    while queue:
        path_ = queue.pop(0)
        kind = route(path_)
        if path_ in seen or path_.startswith(SKIP) or kind is None or kind in kinds:
            continue
        seen.add(path_)
        kinds.add(kind)
        response, content = browser.request("GET", path_)
        answers[path_] = response.status
        if response.status == 200 and "text/html" in (response.getheader("Content-Type") or ""):
            for name, value in SECURITY_HEADERS.items():
                assert response.getheader(name) == value, (path_, name)
            policy = response.getheader("Content-Security-Policy")
            assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
            for href in LINK.findall(content.decode()):
                parts = urlsplit(urljoin(path_, unescape(href)))
                if parts.netloc in ("", f"127.0.0.1:{browser.port}"):
                    queue.append(parts.path)
    return answers


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("production")
    env = production_env(tmp_path)
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "load_demo")
    manage(env, "collectstatic", "--noinput", "-v0")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    gunicorn = subprocess.Popen(
        [Path(sys.executable).parent / "gunicorn", "trust.wsgi", "--bind", f"127.0.0.1:{port}"]
        + ["--workers", "2", "--access-logfile", "-", "--error-logfile", "-"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        yield port, tmp_path
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=30)


def test_signed_out_visitors_are_sent_to_sign_in_and_static_files_are_served(server):
    port, _ = server
    browser = Browser(port)
    response, _ = browser.request("GET", "/")
    assert response.status == 302 and response.getheader("Location") == "/sign-in/?next=/"
    response, page = browser.request("GET", "/sign-in/")
    assert response.status == 200 and response.getheader("X-Request-ID")
    stylesheet = re.search(rb'href="(/static/css/app\.[0-9a-f]+\.css)"', page).group(1)
    response, _ = browser.request("GET", stylesheet.decode())
    assert response.status == 200 and "max-age=315360000" in response.getheader("Cache-Control")
    # Without the proxy's word that the request came over HTTPS, it is sent there.
    plain = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    plain.request("GET", "/sign-in/")
    assert plain.getresponse().getheader("Location", "").startswith("https://")


@pytest.mark.parametrize("username", ["dcs", "pct", "auditor"])
def test_every_kind_of_page_serves_for_each_role(server, username):
    port, tmp_path = server
    browser = Browser(port)
    browser.sign_in(username)
    answers = crawl(browser)
    assert len(answers) > 30, answers
    wrong = {p: status for p, status in answers.items() if status not in (200, 302, 403, 404)}
    assert not wrong
    assert sum(status == 200 for status in answers.values()) > 0.9 * len(answers), answers
    assert "Traceback" not in (tmp_path / "trust.log").read_text()


# --- Logs ---------------------------------------------------------------------------------------


def boom(request):
    request.user.is_authenticated  # noqa: B018 (the user is looked up, as every page does)
    raise RuntimeError("the database went away")


def fine(request):
    return HttpResponse("ok")


urlpatterns = [path("boom/", boom), path("fine/", fine), path("", include("trust.urls"))]


@override_settings(ROOT_URLCONF=__name__)
@pytest.mark.django_db
def test_a_server_error_is_logged_with_its_traceback_request_id_and_user_id(client, dcs_user):
    # The configured handler's format and filters, writing where the test can read.
    (configured,) = [h for h in logging.getLogger().handlers if h.get_name() == "stderr"]
    captured = io.StringIO()
    handler = logging.StreamHandler(captured)
    handler.setFormatter(configured.formatter)
    for log_filter in configured.filters:
        handler.addFilter(log_filter)
    logging.getLogger().addHandler(handler)
    client.force_login(dcs_user)
    client.raise_request_exception = False
    response = client.post("/boom/", {"password": "hunter2-secret"}, HTTP_X_REQUEST_ID="abc-123")
    logging.getLogger().removeHandler(handler)
    assert response.status_code == 500
    err = captured.getvalue()
    assert f"ERROR [request abc-123 user {dcs_user.pk}] django.request: Internal Server" in err
    assert "Traceback" in err and "RuntimeError: the database went away" in err
    assert "hunter2" not in err and client.cookies["sessionid"].value not in err


@override_settings(ROOT_URLCONF=__name__)
@pytest.mark.django_db
def test_each_response_carries_its_request_id_and_a_forged_one_is_replaced(client):
    assert client.get("/fine/", HTTP_X_REQUEST_ID="proxy-42")["X-Request-ID"] == "proxy-42"
    forged = client.get("/fine/", HTTP_X_REQUEST_ID="x\nERROR fake line")["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", forged)


def test_lines_outside_a_request_say_so():
    record = logging.LogRecord("trust", logging.INFO, __file__, 1, "hello", None, None)
    from trust.logs import RequestContext

    assert RequestContext().filter(record) and (record.request_id, record.user_id) == ("-", "-")


def test_log_file_receives_the_lines_too(tmp_path):
    env = production_env(tmp_path)
    code = "import django, logging; django.setup(); logging.getLogger('trust').error('written')"
    subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, check=True)
    assert "ERROR [request - user -] trust: written" in (tmp_path / "trust.log").read_text()
