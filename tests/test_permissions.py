"""One access mechanism: ``user_can`` for the kind of write, ``restrict`` for the records."""

import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser

from partners.models import Action, ActionPlan, HostedPriority, Person, ProgressUpdate
from recommendations.models import Audit, Recommendation, Verification
from risks.models import Risk, RiskControl, RiskRegister
from tests import factories as f
from trust.models import Component, Plan, SentForm
from trust.permissions import ACTIONS, ADD, CHANGE, DELETE, REPORT, VIEW, Role, user_can

# Not records of the trust: the double-submit guard's spent form tokens (trust.once).
BOOKKEEPING = {SentForm}
PROJECT_MODELS = [
    m
    for app in ("trust", "partners", "risks", "recommendations")
    for m in apps.get_app_config(app).get_models()
    if not m.__name__.startswith("Historical") and not m._meta.auto_created and m not in BOOKKEEPING
]


@pytest.fixture
def two_partners(db):
    """Two partner organisations, each hosting a priority with an action and an update."""
    world = {}
    for key in ("pct", "police"):
        user = f.partner_user(username=key)
        partner = user.person.partner
        hosted = f.HostedPriorityFactory(host=partner)
        action = f.ActionFactory(plan=hosted.action_plan, owner=user.person)
        register = f.RiskRegisterFactory(kind="partner", partner=partner)
        risk = f.RiskFactory(register=register, owner=user.person)
        rec = f.RecommendationFactory()
        f.ActionFactory(plan=rec.action_plan, owner=user.person)
        world[key] = {
            "user": user,
            "partner": partner,
            "hosted": hosted,
            "action": action,
            "update": f.ProgressUpdateFactory(action=action),
            "register": register,
            "risk": risk,
            "control": f.RiskControlFactory(risk=risk),
            "recommendation": rec,
        }
    world["component"] = f.ComponentFactory()
    return world


def visible(model, user, action=VIEW):
    return set(model.objects.restrict(user, action).values_list("pk", flat=True))


def test_partner_sees_only_their_own_organisations_records(two_partners):
    pct, police = two_partners["pct"], two_partners["police"]
    user = pct["user"]
    assert visible(HostedPriority, user) == {pct["hosted"].pk}
    assert visible(Action, user) == {
        pct["action"].pk,
        *pct["recommendation"].action_plan.actions.values_list("pk", flat=True),
    }
    assert visible(ProgressUpdate, user) == {pct["update"].pk}
    assert visible(RiskRegister, user) == {pct["register"].pk}
    assert visible(Risk, user) == {pct["risk"].pk}
    assert visible(RiskControl, user) == {pct["control"].pk}
    assert visible(Recommendation, user) == {pct["recommendation"].pk}
    assert visible(Audit, user) == {pct["recommendation"].audit_id}
    assert visible(Person, user) == {user.person.pk}
    assert visible(ActionPlan, user) == {
        pct["hosted"].action_plan_id,
        pct["recommendation"].action_plan_id,
    }
    for key in ("hosted", "action", "update", "register", "risk", "control", "recommendation"):
        record = police[key]
        assert record.pk not in visible(type(record), user), f"police {key} leaks to the PCT"


def test_contributing_partner_sees_the_hosted_priority_but_cannot_report_on_it(two_partners):
    pct, police = two_partners["pct"], two_partners["police"]
    pct["hosted"].contributors.add(police["partner"])
    user = police["user"]
    assert pct["hosted"].pk in visible(HostedPriority, user)
    assert pct["action"].pk in visible(Action, user)
    assert pct["action"].pk not in visible(Action, user, REPORT)
    assert pct["update"].pk in visible(ProgressUpdate, user)
    assert pct["update"].pk not in visible(ProgressUpdate, user, ADD)


def test_structure_plan_and_directory_are_shared_with_every_partner(two_partners):
    user = two_partners["pct"]["user"]
    assert two_partners["component"].pk in visible(Component, user)
    assert visible(Plan, user) == set(Plan.objects.values_list("pk", flat=True))
    police_partner = two_partners["police"]["partner"]
    assert police_partner.pk in visible(type(police_partner), user)


def test_partner_may_report_progress_and_complete_only_their_own_actions(two_partners):
    pct, police = two_partners["pct"], two_partners["police"]
    user = pct["user"]
    assert user_can(user, ADD, ProgressUpdate)
    assert user_can(user, REPORT, Action)
    assert visible(Action, user, REPORT) >= {pct["action"].pk}
    assert police["action"].pk not in visible(Action, user, REPORT)
    for action in (ADD, CHANGE, DELETE):
        assert not user_can(user, action, Action)
    for model in (HostedPriority, Recommendation, Risk, Component, Audit, Person):
        for action in (ADD, CHANGE, DELETE):
            assert not user_can(user, action, model), (model, action)
            assert not model.objects.restrict(user, action).exists()


def test_auditor_reads_everything_and_writes_only_verifications(two_partners, auditor):
    for model in PROJECT_MODELS:
        assert user_can(auditor, VIEW, model)
        assert model.objects.restrict(auditor).count() == model.objects.count()
        for action in (ADD, CHANGE, DELETE, REPORT):
            if model is Verification and action in (ADD, CHANGE):
                continue
            assert not user_can(auditor, action, model), (model, action)
            assert not model.objects.restrict(auditor, action).exists()


def test_dcs_staff_see_and_change_everything_but_verifications(two_partners, dcs_user):
    for model in PROJECT_MODELS:
        for action in ACTIONS:
            reserved = model is Verification and action in (ADD, CHANGE)
            assert user_can(dcs_user, action, model) is not reserved, (model, action)
        if model is not Verification:
            assert model.objects.restrict(dcs_user, CHANGE).count() == model.objects.count()


def test_only_auditors_verify_and_each_changes_only_their_own(two_partners, auditor, dcs_user):
    rec = two_partners["pct"]["recommendation"]
    mine = Verification.objects.create(
        recommendation=rec,
        outcome="implemented",
        verified_on="2008-06-30",
        comment="Seen the MoU",
        auditor=auditor,
    )
    other_auditor = f.UserFactory(username="auditor2", role=Role.AUDITOR)
    assert user_can(auditor, ADD, Verification)
    assert set(Verification.objects.restrict(auditor, CHANGE)) == {mine}
    assert not Verification.objects.restrict(other_auditor, CHANGE).exists()
    assert not user_can(dcs_user, ADD, Verification)
    assert not Verification.objects.restrict(dcs_user, CHANGE).exists()
    admin = f.UserFactory(username="root", role=Role.ADMIN, is_superuser=True)
    assert not user_can(admin, ADD, Verification)


@pytest.mark.django_db
def test_anonymous_inactive_and_unlinked_users_see_nothing(two_partners):
    unlinked = f.UserFactory(username="nobody", role=Role.PARTNER)
    inactive = f.UserFactory(username="gone", role=Role.DCS, is_active=False)
    for user in (AnonymousUser(), unlinked, inactive):
        for model in PROJECT_MODELS:
            assert not user_can(user, VIEW, model)
            assert not model.objects.restrict(user).exists(), (user, model)
