"""Every "may this user…" is asked of ``trust/permissions.py``, never decided by a role name.

Views, services and the context processor ask named questions; templates receive flags.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser

from recommendations.models import Recommendation, Verification
from tests import factories as f
from trust import permissions
from trust.permissions import Role

ROOT = Path(settings.BASE_DIR)
SKIPPED_DIRS = {".venv", ".git", "tests", "migrations", "var", "node_modules", "static"}

# Python that decides by role: comparing a role, naming a role constant, asking a role.
PYTHON_ROLE_DECISIONS = re.compile(
    r"Role\.(DCS|PARTNER|AUDITOR|ADMIN)\b"
    r"|\bFULL_ACCESS\b"
    r"|\brole_of\("
    r"""|role\b.*(==|!=)\s*["'](dcs|partner|auditor|admin)["']"""
)
# Learning a queryset's scope by reading its SQL instead of asking the access module.
PYTHON_SQL_READS = re.compile(r"\.query\.(where|alias_map|tables)\b|str\([\w.]*\.query\)")
TEMPLATE_ROLE_DECISIONS = re.compile(
    r"\buser_role\s*(==|!=|in\b|not in\b)"
    r"""|\brole\s*(==|!=)\s*["'](dcs|partner|auditor|admin)["']"""
)

# The only application modules allowed to name a role, each for one reason.
ALLOWED_PYTHON = {
    "trust/permissions.py": "the access module: every role decision lives here",
    "trust/models.py": "the User model's role field declares its choices and default",
    "recommendations/demo.py": "demo loading gives the demo administrator account its rights",
}


def application_modules():
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT)
        if not SKIPPED_DIRS.intersection(relative.parts[:-1]):
            yield relative.as_posix(), path.read_text()


def template_files():
    for path in sorted(ROOT.rglob("*.html")) + sorted(ROOT.rglob("*.txt")):
        relative = path.relative_to(ROOT)
        if "templates" in relative.parts and not SKIPPED_DIRS.intersection(relative.parts):
            yield relative.as_posix(), path.read_text()


def offending_lines(files, pattern, allowed=()):
    return [
        f"{name}:{number}: {line.strip()}"
        for name, text in files
        if name not in allowed
        for number, line in enumerate(text.splitlines(), 1)
        if pattern.search(line)
    ]


@pytest.mark.parametrize(
    "line",
    [
        "if role_of(user) in FULL_ACCESS:",
        "if role_of(self.user) != 'auditor':",
        "return user.role == Role.PARTNER",
        'if row["role"] == "admin":',
    ],
)
def test_the_role_decision_grep_recognises_a_role_decision(line):
    assert PYTHON_ROLE_DECISIONS.search(line)


@pytest.mark.parametrize(
    "line", ['{% if user_role == "partner" %}', "{% if user.role != 'auditor' %}"]
)
def test_the_template_grep_recognises_a_role_comparison(line):
    assert TEMPLATE_ROLE_DECISIONS.search(line)


def test_only_the_access_module_decides_by_role():
    modules = list(application_modules())
    names = {name for name, _ in modules}
    assert "trust/permissions.py" in names and "trust/changes.py" in names  # the walk found them
    assert set(ALLOWED_PYTHON) <= names, "an allowed file has gone: drop it from the list"
    assert offending_lines(modules, PYTHON_ROLE_DECISIONS, ALLOWED_PYTHON) == []


def test_nothing_reads_a_querysets_sql_to_learn_its_scope():
    assert offending_lines(application_modules(), PYTHON_SQL_READS) == []


def test_no_template_compares_a_role_name():
    templates = list(template_files())
    assert any(name.endswith("base.html") for name, _ in templates)  # the walk found them
    assert offending_lines(templates, TEMPLATE_ROLE_DECISIONS) == []


# --- each named question, for each kind of user ------------------------------------------

USERS = ("dcs", "admin", "superuser", "auditor", "partner", "partner_without_org", "anonymous")


def make_user(kind):
    if kind == "anonymous":
        return AnonymousUser()
    if kind == "partner":
        return f.partner_user(username="partner")
    if kind == "partner_without_org":
        return f.UserFactory(username="orphan", role=Role.PARTNER)
    if kind == "superuser":
        # A superuser is an administrator whatever role the account carries.
        return f.UserFactory(username="root", role=Role.PARTNER, is_superuser=True)
    role = {"dcs": Role.DCS, "admin": Role.ADMIN, "auditor": Role.AUDITOR}[kind]
    return f.UserFactory(username=kind, role=role)


@pytest.fixture
def users(db):
    return {kind: make_user(kind) for kind in USERS}


def answers(users, question):
    return {kind: question(user) for kind, user in users.items()}


def test_has_role_is_true_for_every_signed_in_role_and_false_for_anonymous(users):
    assert answers(users, permissions.has_role) == {
        "dcs": True,
        "admin": True,
        "superuser": True,
        "auditor": True,
        "partner": True,
        "partner_without_org": True,
        "anonymous": False,
    }


def test_sees_everything_is_dcs_administrators_and_auditors(users):
    assert answers(users, permissions.sees_everything) == {
        "dcs": True,
        "admin": True,
        "superuser": True,
        "auditor": True,
        "partner": False,
        "partner_without_org": False,
        "anonymous": False,
    }


def test_may_restore_is_the_record_keepers_only(users):
    expected = {
        "dcs": True,
        "admin": True,
        "superuser": True,
        "auditor": False,
        "partner": False,
        "partner_without_org": False,
        "anonymous": False,
    }
    assert answers(users, permissions.may_restore) == expected
    assert answers(users, lambda u: permissions.may_restore(u, Recommendation)) == expected


def test_nobody_may_restore_a_record_only_an_auditor_may_add(users):
    # A verification is the auditor's own judgement; auditors do not restore.
    assert answers(users, lambda u: permissions.may_restore(u, Verification)) == dict.fromkeys(
        USERS, False
    )


def test_only_partner_staff_of_an_organisation_land_on_the_partner_home(users):
    assert answers(users, permissions.lands_on_partner_home) == {
        "dcs": False,
        "admin": False,
        "superuser": False,
        "auditor": False,
        "partner": True,
        "partner_without_org": False,
        "anonymous": False,
    }


def test_role_label_names_the_accounts_role_for_the_header(users):
    assert answers(users, permissions.role_label) == {
        "dcs": "DCS Unit staff",
        "admin": "Administrator",
        "superuser": "Partner staff",  # the account's own role, as the header always showed
        "auditor": "Auditor",
        "partner": "Partner staff",
        "partner_without_org": "Partner staff",
        "anonymous": "",
    }


# --- templates get flags ------------------------------------------------------------------


@pytest.mark.parametrize(
    "kind, narrowed", [("dcs", False), ("auditor", False), ("admin", False), ("partner", True)]
)
def test_an_empty_list_says_that_you_can_see_only_to_those_who_see_a_part(
    client, users, kind, narrowed
):
    user = users[kind]
    person = user.person if kind == "partner" else f.PersonFactory()
    client.force_login(user)
    page = client.get(person.get_absolute_url()).content.decode()
    assert f"{person} owns no actions" in page
    assert ("owns no actions that you can see" in page) is narrowed


def test_the_context_gives_templates_flags_not_a_role(client, users):
    client.force_login(users["partner"])
    response = client.get("/")
    assert response.context["sees_everything"] is False
    assert "user_role" not in response.context
