"""Every URL as every role: sign-in first, 404 outside scope, 403 for a forbidden write.

The test lists the URL patterns itself: a page added without a rule here fails it.
"""

import datetime

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse

from recommendations.models import Verification
from tests import factories as f
from trust.permissions import Role

ROLES = ("dcs", "a", "b", "auditor", "anon")

# Expected GET status per role, by kind of page. "a" is the partner whose records the URL
# points at, "b" another partner.
SHARED = {"dcs": 200, "a": 200, "b": 200, "auditor": 200, "anon": 302}
OWN = {"dcs": 200, "a": 200, "b": 404, "auditor": 200, "anon": 302}
DCS_WRITE = {"dcs": 200, "a": 403, "b": 403, "auditor": 403, "anon": 302}
REPORT = {"dcs": 200, "a": 200, "b": 404, "auditor": 403, "anon": 302}
AUDITOR_WRITE = {"dcs": 403, "a": 403, "b": 403, "auditor": 200, "anon": 302}


def url_names():
    names = set()

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
                names.add(prefix + pattern.name)

    walk(get_resolver().url_patterns, "")
    return names


@pytest.fixture
def world(db):
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
    return {
        "users": {
            "dcs": f.UserFactory(username="dcs", role=Role.DCS),
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


def pk(key):
    return lambda w: [w[key].pk]


NONE = lambda w: []  # noqa: E731

RULES = {
    "home": (NONE, SHARED),
    "login": (NONE, {"dcs": 200, "a": 200, "b": 200, "auditor": 200, "anon": 200}),
    "logout": (NONE, {"dcs": 405, "a": 405, "b": 405, "auditor": 405, "anon": 405}),  # POST only
    "my_actions": (NONE, SHARED),
    "recent_changes": (NONE, SHARED),
    "restore": (
        lambda w: ["partners.Action", w["action_history_id"]],
        {"dcs": 405, "a": 405, "b": 405, "auditor": 405, "anon": 302},
    ),
    # trust
    "trust:component_list": (NONE, SHARED),
    "trust:component_list_export": (NONE, SHARED),
    "trust:component_detail": (pk("component"), SHARED),
    "trust:component_history": (pk("component"), SHARED),
    "trust:meeting_detail": (pk("meeting"), SHARED),
    "trust:meeting_history": (pk("meeting"), SHARED),
    "trust:plan_detail": (pk("plan"), SHARED),
    "trust:plan_history": (pk("plan"), SHARED),
    "trust:priority_list": (NONE, SHARED),
    "trust:priority_list_export": (NONE, SHARED),
    "trust:priority_detail": (pk("priority"), SHARED),
    "trust:priority_history": (pk("priority"), SHARED),
    # partners
    "partners:partner_list": (NONE, SHARED),
    "partners:partner_list_export": (NONE, SHARED),
    "partners:partner_detail": (pk("partner"), SHARED),
    "partners:partner_history": (pk("partner"), SHARED),
    "partners:person_detail": (pk("person"), OWN),
    "partners:person_history": (pk("person"), OWN),
    "partners:hostedpriority_list": (NONE, SHARED),
    "partners:hostedpriority_list_export": (NONE, SHARED),
    "partners:hostedpriority_detail": (pk("hosted"), OWN),
    "partners:hostedpriority_history": (pk("hosted"), OWN),
    "partners:hostedpriority_action_create": (pk("hosted"), DCS_WRITE),
    "partners:action_list": (NONE, SHARED),
    "partners:action_list_export": (NONE, SHARED),
    "partners:action_detail": (pk("action"), OWN),
    "partners:action_history": (pk("action"), OWN),
    "partners:action_update": (pk("action"), DCS_WRITE),
    "partners:action_slip": (pk("action"), DCS_WRITE),
    "partners:action_delete": (pk("action"), DCS_WRITE),
    "partners:action_status": (pk("action"), REPORT),
    "partners:progressupdate_create": (pk("action"), REPORT),
    # Only the author (a's officer) or DCS staff correct or withdraw an update.
    "partners:progressupdate_update": (pk("update"), REPORT),
    "partners:progressupdate_delete": (pk("update"), REPORT),
    # risks
    "risks:riskregister_list": (NONE, SHARED),
    "risks:riskregister_list_export": (NONE, SHARED),
    "risks:riskregister_detail": (pk("register"), OWN),
    "risks:riskregister_history": (pk("register"), OWN),
    "risks:risk_detail": (pk("risk"), OWN),
    "risks:risk_history": (pk("risk"), OWN),
    # recommendations
    "recommendations:audit_list": (NONE, SHARED),
    "recommendations:audit_list_export": (NONE, SHARED),
    "recommendations:audit_create": (NONE, DCS_WRITE),
    "recommendations:audit_detail": (pk("audit"), OWN),
    "recommendations:audit_update": (pk("audit"), DCS_WRITE),
    "recommendations:audit_delete": (pk("audit"), DCS_WRITE),
    "recommendations:audit_history": (pk("audit"), OWN),
    "recommendations:audit_as_at": (pk("audit"), OWN),
    "recommendations:audit_export": (pk("audit"), OWN),
    "recommendations:audit_import": (NONE, DCS_WRITE),
    "recommendations:audit_compare": (pk("audit"), OWN),
    "recommendations:verification_create": (pk("rec"), AUDITOR_WRITE),
    "recommendations:recommendation_create": (pk("audit"), DCS_WRITE),
    "recommendations:recommendation_list": (NONE, SHARED),
    "recommendations:recommendation_list_export": (NONE, SHARED),
    "recommendations:recommendation_detail": (pk("rec"), OWN),
    "recommendations:recommendation_update": (pk("rec"), DCS_WRITE),
    "recommendations:recommendation_status": (pk("rec"), DCS_WRITE),
    "recommendations:recommendation_delete": (pk("rec"), DCS_WRITE),
    "recommendations:recommendation_history": (pk("rec"), OWN),
    "recommendations:recommendation_action_create": (pk("rec"), DCS_WRITE),
}

# Pages that change something: an auditor's POST to each is refused.
WRITES = {name for name, (_, expect) in RULES.items() if expect in (DCS_WRITE, REPORT)}


def client_for(world, role):
    client = Client()
    if role != "anon":
        client.force_login(world["users"][role])
    return client


def test_every_url_has_an_access_rule():
    names = url_names()
    assert names - set(RULES) == set(), "pages without an access rule"
    assert set(RULES) - names == set(), "rules for pages that no longer exist"


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_the_expected_answer_from_every_page(world, role):
    client = client_for(world, role)
    wrong = []
    for name, (args, expect) in sorted(RULES.items()):
        url = reverse(name, args=args(world))
        response = client.get(url)
        if response.status_code != expect[role]:
            wrong.append(f"{name} {url}: {response.status_code}, expected {expect[role]}")
        if response.status_code == 302 and role == "anon":
            assert response["Location"].startswith(reverse("login")), url
    assert not wrong, "\n".join(wrong)


def test_an_auditor_cannot_post_to_any_write_url(world):
    client = client_for(world, "auditor")
    for name in sorted(WRITES):
        url = reverse(name, args=RULES[name][0](world))
        assert client.post(url, {"reason": "x", "status": "complete"}).status_code == 403, name


def test_another_partner_cannot_report_on_an_action_by_typing_its_address(world):
    client = client_for(world, "b")
    for name in ("partners:progressupdate_create", "partners:action_status"):
        url = reverse(name, args=[world["action"].pk])
        assert client.post(url, {"note": "x", "rag": "green"}).status_code == 404, name
