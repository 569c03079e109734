"""Every "may this user…" is asked of ``trust/permissions.py``, never decided by a role name.

Views, services and the context processor ask named questions; templates receive flags.
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from recommendations.models import Recommendation, Verification
from tests import factories as f
from trust import permissions
from trust.permissions import Role

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
