"""Every page of every kind of record, as every role: declared here, tested by tests/harness.py.

One class per kind of record with pages. Each declares the pages it has (with the access
profile of each), the standard pages it has not (``absent``), and what the inherited tests
need: an edit, a record to delete, how to grow its list and detail pages.
"""

import datetime

import pytest
from django.urls import reverse

from partners.models import (
    Action,
    AgendaItem,
    Decision,
    HostedPriority,
    KeyMessage,
    KeyRole,
    Meeting,
    Membership,
    Memorandum,
    MemorandumSection,
    Partner,
    Person,
    ProgressUpdate,
    TermsOfReference,
)
from recommendations.models import Audit, Recommendation, Verification
from risks.models import Risk, RiskRegister
from tests import factories as f
from tests.harness import (
    AUDITOR_WRITE,
    DCS_WRITE,
    OPEN,
    OWN,
    POST_ONLY,
    POST_ONLY_SIGNED_IN,
    REPORT,
    ROLES,
    SHARED,
    Export,
    Page,
    RecordViews,
    client_for,
    rule_table,
    world_fixture,  # noqa: F401 (the world fixture)
)
from trust.models import (
    Attachment,
    Component,
    ExternalBody,
    Function,
    MembershipRole,
    Plan,
    Priority,
    ReportingLine,
    Sector,
)

pytestmark = pytest.mark.django_db

# Pages about no kind of record: (arguments from the world, profile).
NON_RECORD_PAGES = {
    "home": (lambda w: [], SHARED),
    "login": (lambda w: [], OPEN),
    # Setting a password (trust/accounts.py): open to all; a link that is not valid says so.
    "password_reset": (lambda w: [], OPEN),
    "password_reset_done": (lambda w: [], OPEN),
    "password_reset_confirm": (lambda w: ["MQ", "not-a-token"], OPEN),
    "password_reset_complete": (lambda w: [], OPEN),
    "logout": (lambda w: [], POST_ONLY),  # sign-out is a POST
    "my_actions": (lambda w: [], SHARED),
    "trust:structure": (lambda w: [], SHARED),
    "recent_changes": (lambda w: [], SHARED),
    "partners:memorandum_in_force": (lambda w: [], SHARED),
    "restore": (lambda w: ["partners.Action", w["action_history_id"]], POST_ONLY_SIGNED_IN),
    # Every partner's attendance rate, for everyone (the audit reported the police's openly).
    "partners:attendance": (lambda w: [], SHARED),
}

# Partner staff send their own people's apologies for a meeting to come; nobody else does.
PARTNERS_AHEAD = {"dcs": 403, "a": 200, "b": 200, "auditor": 403, "anon": 302}


def coming_meeting(world):
    """A meeting of the world's component after the harness's today, made once."""
    if "coming_meeting" not in world:
        world["coming_meeting"] = f.MeetingFactory(
            component=world["component"], date=datetime.date(2008, 10, 1)
        )
    return [world["coming_meeting"].pk]


@pytest.mark.parametrize("role", ROLES)
def test_non_record_pages(world, role):
    client = client_for(world, role)
    for name, (args, profile) in NON_RECORD_PAGES.items():
        response = client.get(reverse(name, args=args(world)))
        assert response.status_code == profile[role], (name, response.status_code)
        if response.status_code == 302:
            assert response["Location"].startswith(reverse("login")), name


# --- trust ----------------------------------------------------------------------------------


class TestComponentViews(RecordViews):
    model = Component
    record = "component"
    pages = {
        "list": SHARED,
        "detail": SHARED,
        "history": SHARED,
        "create": DCS_WRITE,
        "update": DCS_WRITE,
        "delete": DCS_WRITE,
    }
    posts = {
        "create": lambda w: {
            "name": "Harness task-and-finish group",
            "function": w["component"].function_id,
            "parent": w["component"].pk,
            "order": "9",
        }
    }
    edit = {"purpose": "Reworded by the harness"}
    not_saved = {"delete": "the world's component has meetings, which keep it"}

    def fresh(self, world):
        return f.ComponentFactory()

    def grow(self, world, n):
        for _ in range(n):
            component = f.ComponentFactory(parent=world["component"])
            f.MembershipFactory(component=component, represents=world["partner"])
            f.MembershipFactory(component=world["component"])
            f.MembershipFactory(  # a former member: listed apart from the current ones
                component=world["component"],
                started=datetime.date(2007, 4, 1),
                ended=datetime.date(2008, 3, 31),
            )
            f.MeetingFactory(component=world["component"])
            f.ReportingLineFactory(from_component=world["component"])
            f.ReportingLineFactory(
                from_component=component, to_body=None, to_component=world["component"]
            )


class TestFunctionViews(RecordViews):
    model = Function
    record = "function"
    pages = {
        "list": SHARED,
        "detail": SHARED,
        "history": SHARED,
        "create": DCS_WRITE,
        "update": DCS_WRITE,
        "delete": DCS_WRITE,
    }
    posts = {"create": {"name": "Scrutinising", "order": "7"}}
    edit = {"description": "Reworded by the harness"}
    reached_from = "trust:component_list"

    def make(self, world):
        return f.FunctionFactory()

    def fresh(self, world):
        return f.FunctionFactory()

    def grow(self, world, n):
        f.FunctionFactory.create_batch(n)
        f.ComponentFactory.create_batch(n, function=world["function"])


class TestExternalBodyViews(RecordViews):
    model = ExternalBody
    record = "externalbody"
    pages = {
        "list": SHARED,
        "detail": SHARED,
        "history": SHARED,
        "create": DCS_WRITE,
        "update": DCS_WRITE,
        "delete": DCS_WRITE,
    }
    posts = {"create": {"name": "Executive Board", "kind": "Executive board"}}
    edit = {"notes": "Reworded by the harness"}
    reached_from = "trust:component_list"

    def make(self, world):
        return f.ExternalBodyFactory()

    def fresh(self, world):
        return f.ExternalBodyFactory()

    def grow(self, world, n):
        for _ in range(n):
            f.ExternalBodyFactory()
            f.ReportingLineFactory(to_body=world["externalbody"])


class TestReportingLineViews(RecordViews):
    model = ReportingLine
    record = "reportingline"
    pages = {
        "create": Page(DCS_WRITE, on="component"),
        "detail": SHARED,
        "history": SHARED,
        "update": DCS_WRITE,
        "delete": DCS_WRITE,
    }
    absent = ("list",)  # a component's page lists its reporting lines
    posts = {"create": lambda w: {"to_body": w["reportingline"].to_body_id}}
    edit = {"note": "Reworded by the harness"}

    def make(self, world):
        return f.ReportingLineFactory(from_component=world["component"])

    def fresh(self, world):
        return f.ReportingLineFactory(from_component=world["component"])


def date_parts(name, day, month, year):
    return {f"{name}_0": str(day), f"{name}_1": str(month), f"{name}_2": str(year)}


class TestMeetingViews(RecordViews):
    model = Meeting
    record = "meeting"
    pages = {
        "list": SHARED,
        "detail": SHARED,
        "history": SHARED,
        "create": Page(DCS_WRITE, on="component"),
        "update": DCS_WRITE,
        "delete": DCS_WRITE,
        "series": Page(DCS_WRITE, on="component"),
        "action_create": DCS_WRITE,
        "attendance": DCS_WRITE,
        "apologies": Page(PARTNERS_AHEAD, args=coming_meeting),
    }
    posts = {
        "create": {
            "title": "Harness meeting",
            **date_parts("date", 1, 9, 2008),
            "mode": "in_person",
            "status": "scheduled",
        },
        "series": {
            "title": "Harness series",
            **date_parts("first_date", 2, 9, 2008),
            "repeat": "monthly",
            "count": "3",
            "mode": "virtual",
        },
        "action_create": lambda w: new_action(w),
    }
    edit = {"title": "Retitled by the harness"}
    not_saved = {"delete": "the world's meeting has attendance, which keeps it"}

    def fresh(self, world):
        return f.MeetingFactory(component=world["component"])

    def grow(self, world, n):
        meeting = world["meeting"]
        for _ in range(n):
            f.MeetingFactory(component=f.ComponentFactory(), chair=world["person"])
            f.AttendanceFactory(meeting=meeting)
            seat = f.MembershipFactory(component=world["component"])
            f.AttendanceFactory(meeting=meeting, person=seat.person, status="absent")
            item = f.AgendaItemFactory(meeting=meeting, presenter=world["person"])
            item.priorities.add(world["priority"])
            item.recommendations.add(f.RecommendationFactory(audit=world["audit"]))
            item.risks.add(f.RiskFactory(register=world["register"], owner=world["person"]))
            f.DecisionFactory(meeting=meeting, agenda_item=item)
            f.KeyMessageFactory(meeting=meeting, sent_by=world["person"])


class TestPlanViews(RecordViews):
    model = Plan
    record = "plan"
    pages = {"detail": SHARED, "history": SHARED}
    absent = ("list", "create", "update", "delete")
    # No list page of its own and no parent: the priorities list links to each plan.
    reached_from = "trust:priority_list"

    def grow(self, world, n):
        for _ in range(n):
            priority = f.PriorityFactory(plan=world["plan"])
            f.HostedPriorityFactory(priority=priority, host=world["partner"])
            f.IndicatorFactory(priority=priority)


class TestPriorityViews(RecordViews):
    model = Priority
    record = "priority"
    pages = {"list": SHARED, "detail": SHARED, "history": SHARED}
    absent = ("create", "update", "delete")

    def grow(self, world, n):
        for _ in range(n):
            f.HostedPriorityFactory(priority=f.PriorityFactory(plan=world["plan"]))
            f.HostedPriorityFactory(priority=world["priority"], host=world["partner"])
            f.IndicatorFactory(priority=world["priority"])


def new_action(world):
    return {"description": "A new step", "owner": world["person"].pk, "timescale": "March 2008"}


def priority_of(world):
    return world["audit"].priority_scale.levels.order_by("rank").first().pk


class TestSectorViews(RecordViews):
    model = Sector
    record = "sector"
    pages = {
        "list": SHARED,
        "detail": SHARED,
        "history": SHARED,
        "create": DCS_WRITE,
        "update": DCS_WRITE,
        "delete": DCS_WRITE,
    }
    posts = {"create": {"name": "Probation", "order": "7"}}
    edit = {"description": "Reworded by the harness"}
    reached_from = "partners:partner_list"

    def make(self, world):
        return f.SectorFactory()

    def fresh(self, world):
        return f.SectorFactory()

    def grow(self, world, n):
        f.SectorFactory.create_batch(n)


class TestMembershipRoleViews(RecordViews):
    model = MembershipRole
    record = "membership_role"
    pages = {
        "list": SHARED,
        "detail": SHARED,
        "history": SHARED,
        "create": DCS_WRITE,
        "update": DCS_WRITE,
        "delete": DCS_WRITE,
    }
    posts = {"create": {"name": "Observer", "order": "80", "is_chair": "on"}}
    edit = {"description": "Reworded by the harness"}
    reached_from = "trust:component_list"

    def make(self, world):
        return f.MembershipRoleFactory(name="Adviser", order=50)

    def fresh(self, world):
        return f.MembershipRoleFactory(name="Secretary", order=60)

    def grow(self, world, n):
        for i in range(n):
            f.MembershipRoleFactory(name=f"Role {MembershipRole.objects.count()} {i}")


# --- partners -------------------------------------------------------------------------------


def new_member(world):
    """A seat for someone not yet on the world's component."""
    return {
        "person": f.PersonFactory(partner=world["partner"]).pk,
        "represents": world["partner"].pk,
        "role": world["membership_role"].pk,
        "started_0": "1",
        "started_1": "4",
        "started_2": "2008",
    }


class TestMembershipViews(RecordViews):
    model = Membership
    record = "membership"
    pages = {
        "create": Page(DCS_WRITE, on="component"),
        "detail": SHARED,
        "history": SHARED,
        "update": DCS_WRITE,
        "end": DCS_WRITE,
        "delete": DCS_WRITE,
    }
    absent = ("list",)  # its component's page lists its members
    posts = {
        "create": new_member,
        "end": {"ended_0": "30", "ended_1": "6", "ended_2": "2008"},
    }

    def make(self, world):
        # Someone of partner a other than the world's officer, whose page stays a's own.
        return f.MembershipFactory(component=world["component"], represents=world["partner"])

    def fresh(self, world):
        return f.MembershipFactory(component=world["component"], represents=world["partner"])

    def grow(self, world, n):
        for _ in range(n):
            f.MembershipFactory(component=world["component"], represents=world["partner"])


class TestTermsOfReferenceViews(RecordViews):
    model = TermsOfReference
    record = "terms"
    pages = {
        "list": SHARED,
        "create": Page(DCS_WRITE, on="component"),
        "detail": SHARED,
        "history": SHARED,
        "update": DCS_WRITE,
        "delete": DCS_WRITE,
    }
    posts = {"create": {"agreed_0": "1", "agreed_1": "4", "agreed_2": "2008"}}
    edit = {"text": "Reworded by the harness"}

    def make(self, world):
        return f.TermsOfReferenceFactory(component=world["component"])

    def fresh(self, world):
        return f.TermsOfReferenceFactory(component=world["component"])

    def grow(self, world, n):
        for _ in range(n):
            f.TermsOfReferenceFactory(component=world["component"])
            f.TermsOfReferenceFactory()


class TestMemorandumViews(RecordViews):
    model = Memorandum
    record = "memorandum"
    pages = {
        "list": SHARED,
        "create": DCS_WRITE,
        "new_version": DCS_WRITE,
        "detail": SHARED,
        "history": SHARED,
        "update": DCS_WRITE,
        "delete": DCS_WRITE,
    }
    edit = {"notes": "Reworded by the harness"}
    reached_from = "trust:component_list"

    def make(self, world):
        return f.MemorandumFactory()

    def fresh(self, world):
        return f.MemorandumFactory()

    def grow(self, world, n):
        for _ in range(n):
            f.MemorandumFactory()
            f.MemorandumSectionFactory(memorandum=world["memorandum"])


class TestMemorandumSectionViews(RecordViews):
    model = MemorandumSection
    record = "memorandum_section"
    pages = {
        "create": Page(DCS_WRITE, on="memorandum"),
        "detail": SHARED,
        "history": SHARED,
        "update": DCS_WRITE,
        "delete": DCS_WRITE,
    }
    absent = ("list",)  # its memorandum's page lists its sections
    posts = {"create": lambda w: {"heading": "Exit strategy", "risks": [w["risk"].pk]}}
    edit = {"text": "Reworded by the harness"}

    def make(self, world):
        section = f.MemorandumSectionFactory(memorandum=world["memorandum"])
        world["risk"].memorandum_sections.add(section)
        return section

    def fresh(self, world):
        return f.MemorandumSectionFactory(memorandum=world["memorandum"])

    def grow(self, world, n):
        for _ in range(n):
            f.RiskFactory().memorandum_sections.add(world["memorandum_section"])
            f.RiskFactory(
                register=world["risk"].register, owner=world["person"]
            ).memorandum_sections.add(world["memorandum_section"])


class TestKeyRoleViews(RecordViews):
    model = KeyRole
    record = "key_role"
    pages = {
        "list": SHARED,
        "create": DCS_WRITE,
        "detail": SHARED,
        "history": SHARED,
        "update": DCS_WRITE,
        "delete": DCS_WRITE,
    }
    posts = {"create": lambda w: {"title": "Lead Member", "person": w["person"].pk}}
    edit = {"responsibilities": "Reworded by the harness"}
    reached_from = "trust:component_list"

    # Its holder is named to everyone (the role is public): not the world's officer of a,
    # whose page stays a's own.
    def make(self, world):
        return f.KeyRoleFactory()

    def fresh(self, world):
        return f.KeyRoleFactory()

    def grow(self, world, n):
        f.KeyRoleFactory.create_batch(n)


class TestAgendaItemViews(RecordViews):
    model = AgendaItem
    record = "agendaitem"
    pages = {
        "create": Page(DCS_WRITE, on="meeting"),
        "detail": SHARED,
        "history": SHARED,
        "update": DCS_WRITE,
        "delete": DCS_WRITE,
    }
    absent = ("list",)  # its meeting's page lists its agenda
    posts = {"create": {"title": "Any other business", "order": "90"}}
    edit = {"title": "Retitled by the harness"}

    def make(self, world):
        item = f.AgendaItemFactory(meeting=world["meeting"])
        item.recommendations.add(world["rec"])
        item.risks.add(world["risk"])
        return item

    def fresh(self, world):
        return f.AgendaItemFactory(meeting=world["meeting"])

    def grow(self, world, n):
        item = world["agendaitem"]
        for _ in range(n):
            item.recommendations.add(f.RecommendationFactory(audit=world["audit"]))
            item.risks.add(f.RiskFactory(register=world["register"], owner=world["person"]))
            item.priorities.add(f.PriorityFactory(plan=world["plan"]))
            f.DecisionFactory(meeting=item.meeting, agenda_item=item)


class TestDecisionViews(RecordViews):
    model = Decision
    record = "decision"
    pages = {
        "list": SHARED,
        "create": Page(DCS_WRITE, on="meeting"),
        "detail": SHARED,
        "history": SHARED,
        "update": DCS_WRITE,
        "delete": DCS_WRITE,
    }
    posts = {"create": {"reference": "H/1", "wording": "Agreed by the harness."}}
    edit = {"wording": "Reworded by the harness"}

    def make(self, world):
        return f.DecisionFactory(meeting=world["meeting"])

    def fresh(self, world):
        return f.DecisionFactory(meeting=world["meeting"])

    def grow(self, world, n):
        for _ in range(n):
            f.DecisionFactory(meeting=f.MeetingFactory())


class TestKeyMessageViews(RecordViews):
    model = KeyMessage
    record = "keymessage"
    pages = {
        "create": Page(DCS_WRITE, on="meeting"),
        "detail": SHARED,
        "history": SHARED,
        "update": DCS_WRITE,
        "delete": DCS_WRITE,
    }
    absent = ("list",)  # its meeting's page and its recipient's list the messages
    posts = {
        "create": lambda w: {"message": "Relayed by the harness.", "to_body": w["externalbody"].pk}
    }
    edit = {"message": "Reworded by the harness"}

    def make(self, world):
        # Sent by someone else than partner a's officer, whose page stays a's own: a shared
        # record names its people to everyone.
        return f.KeyMessageFactory(meeting=world["meeting"], sent_by=f.PersonFactory())

    def fresh(self, world):
        return f.KeyMessageFactory(meeting=world["meeting"])

    def grow(self, world, n):
        for _ in range(n):
            f.KeyMessageFactory(meeting=world["meeting"])


class TestPartnerViews(RecordViews):
    model = Partner
    record = "partner"
    pages = {
        "list": SHARED,
        "detail": SHARED,
        "history": SHARED,
        "create": DCS_WRITE,
        "update": DCS_WRITE,
        "delete": DCS_WRITE,
        "person_create": DCS_WRITE,
    }
    posts = {
        "create": lambda w: {"name": "Probation service", "sector": w["partner"].sector_id},
        "person_create": {"name": "A new officer", "job_title": "Officer"},
    }
    edit = {"notes": "Reworded by the harness"}
    not_saved = {"delete": "the world's partner has people: its delete page names them"}

    def fresh(self, world):
        return f.PartnerFactory()

    def grow(self, world, n):
        for _ in range(n):
            f.PersonFactory(partner=f.PartnerFactory())
            f.PersonFactory(partner=world["partner"])
            f.HostedPriorityFactory(host=world["partner"])


class TestPersonViews(RecordViews):
    model = Person
    record = "person"
    pages = {
        "list": SHARED,  # the people the user may see (PersonQuerySet)
        "detail": OWN,
        "history": OWN,
        "create": DCS_WRITE,
        "update": DCS_WRITE,
        "delete": DCS_WRITE,
        "sign_in": DCS_WRITE,
    }
    posts = {
        "create": {"name": "An independent chair", "job_title": "Independent chair"},
        "sign_in": {"username": "a", "email": "a@example.org", "role": "partner"},
    }
    edit = {"job_title": "Retitled by the harness"}
    not_saved = {"delete": "the world's person owns actions: its delete page names them"}

    def fresh(self, world):
        return f.PersonFactory()

    def grow(self, world, n):
        for _ in range(n):
            f.ActionFactory(plan=world["hosted"].action_plan, owner=world["person"])
            f.RecommendationFactory(audit=world["audit"]).responsible_officers.add(world["person"])
            # The list: people of partner a, of other partners and of none.
            f.PersonFactory(partner=world["partner"])
            f.PersonFactory()
            f.PersonFactory(partner=None)


class TestHostedPriorityViews(RecordViews):
    model = HostedPriority
    record = "hosted"
    pages = {
        "list": SHARED,
        "detail": OWN,
        "history": OWN,
        "action_create": DCS_WRITE,
    }
    absent = ("create", "update", "delete")
    posts = {"action_create": lambda w: new_action(w)}

    def grow(self, world, n):
        for _ in range(n):
            f.HostedPriorityFactory(host=world["partner"])
            action = f.ActionFactory(plan=world["hosted"].action_plan, owner=world["person"])
            f.ProgressUpdateFactory(action=action, author=world["person"])


class TestActionViews(RecordViews):
    model = Action
    record = "action"
    pages = {
        "list": SHARED,
        "detail": OWN,
        "history": OWN,
        "update": DCS_WRITE,
        "delete": DCS_WRITE,
        "slip": DCS_WRITE,
        "status": REPORT,
    }
    absent = ("create",)  # added from its carrier's page (hostedpriority_action_create, ...)
    posts = {
        "status": {"status": "complete"},
        "slip": lambda w: {
            "new_date_0": "31",
            "new_date_1": "3",
            "new_date_2": "2008",
            "agreed_by": w["person"].pk,
        },
    }
    edit = {"description": "Reworded by the harness"}

    def fresh(self, world):
        return f.ActionFactory(plan=world["hosted"].action_plan, owner=world["person"])

    def grow(self, world, n):
        for _ in range(n):
            f.ActionFactory(plan=world["hosted"].action_plan, owner=world["person"])
            f.ProgressUpdateFactory(action=world["action"], author=world["person"])


class TestProgressUpdateViews(RecordViews):
    model = ProgressUpdate
    record = "update"
    pages = {
        "create": Page(REPORT, on="action"),
        # Only the author (a's officer) or DCS staff correct or withdraw an update.
        "update": REPORT,
        "delete": REPORT,
    }
    absent = ("list", "detail", "history")  # shown on its action's page and history
    posts = {
        "create": {"note": "Done.", "rag": "green", "date_0": "1", "date_1": "6", "date_2": "2008"}
    }
    edit = {"note": "Corrected by the harness"}

    def fresh(self, world):
        return f.ProgressUpdateFactory(action=world["action"], author=world["person"])


# --- risks ----------------------------------------------------------------------------------


class TestRiskRegisterViews(RecordViews):
    model = RiskRegister
    record = "register"
    pages = {"list": SHARED, "detail": OWN, "history": OWN, "review": DCS_WRITE}
    absent = ("create", "update", "delete")
    posts = {
        "review": {"reviewed_on_0": "1", "reviewed_on_1": "6", "reviewed_on_2": "2008"},
    }

    def grow(self, world, n):
        for _ in range(n):
            f.RiskFactory(register=f.RiskRegisterFactory(), owner=world["person"])
            f.RiskFactory(register=world["register"], owner=world["person"])


class TestRiskViews(RecordViews):
    model = Risk
    record = "risk"
    pages = {"detail": OWN, "history": OWN}
    absent = ("list", "create", "update", "delete")

    def grow(self, world, n):
        for _ in range(n):
            f.RiskControlFactory(risk=world["risk"])
            f.RecommendationFactory(audit=world["audit"]).risks.add(world["risk"])


# --- recommendations ------------------------------------------------------------------------


def busy_recommendation(world, audit):
    """A recommendation in partner a's scope: an officer, a component, an action, an update."""
    rec = f.RecommendationFactory(audit=audit)
    rec.responsible_officers.add(world["person"])
    rec.components.add(f.ComponentFactory())
    action = f.ActionFactory(plan=rec.action_plan, owner=world["person"])
    f.ProgressUpdateFactory(action=action, author=world["person"])
    return rec


class TestAuditViews(RecordViews):
    model = Audit
    record = "audit"
    pages = {
        "list": SHARED,
        "create": DCS_WRITE,
        "detail": OWN,
        "update": DCS_WRITE,
        "delete": DCS_WRITE,
        "history": OWN,
        "as_at": OWN,
        "compare": OWN,
        "export": OWN,
        "import": DCS_WRITE,
    }
    posts = {
        "create": lambda w: {
            "title": "A new audit",
            "auditor": "Audit firm LLP",
            "audited_body": "A council",
            "report_date_0": "1",
            "report_date_1": "11",
            "report_date_2": "2007",
            "priority_scale": w["audit"].priority_scale.pk,
        }
    }
    not_saved = {
        "import": "an upload of a spreadsheet: tests/test_imports.py",
        "delete": "the world's audit has recommendations; test_delete deletes a fresh one",
    }
    edit = {"title": "Retitled by the harness"}
    exports = {
        "xlsx": Export(
            "export",
            {"format": "xlsx"},
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        "csv": Export("export", {"format": "csv"}, "text/csv"),
    }

    def fresh(self, world):
        return f.AuditFactory(priority_scale=world["audit"].priority_scale)

    def grow(self, world, n):
        for _ in range(n):
            busy_recommendation(world, f.AuditFactory(priority_scale=world["audit"].priority_scale))
            busy_recommendation(world, world["audit"])


class TestRecommendationViews(RecordViews):
    model = Recommendation
    record = "rec"
    pages = {
        "list": SHARED,
        "create": Page(DCS_WRITE, on="audit"),
        "detail": OWN,
        "update": DCS_WRITE,
        "delete": DCS_WRITE,
        "history": OWN,
        "status": DCS_WRITE,
        "action_create": DCS_WRITE,
    }
    posts = {
        "create": lambda w: {"number": "99", "text": "Do more.", "priority": priority_of(w)},
        "status": {"status": "implemented"},
        "action_create": lambda w: new_action(w),
    }
    edit = {"text": "Reworded by the harness."}

    def fresh(self, world):
        return f.RecommendationFactory(audit=world["audit"])

    def grow(self, world, n):
        rec = world["rec"]
        for _ in range(n):
            busy_recommendation(world, world["audit"])
            action = f.ActionFactory(plan=rec.action_plan, owner=f.PersonFactory())
            f.ProgressUpdateFactory(action=action)
            rec.related.add(f.RecommendationFactory(audit=rec.audit))
            rec.risks.add(f.RiskFactory())


class TestVerificationViews(RecordViews):
    model = Verification
    record = "verification"
    pages = {"create": Page(AUDITOR_WRITE, on="rec")}
    absent = ("list", "detail", "update", "delete", "history")  # shown on its recommendation
    posts = {
        "create": {
            "outcome": "partly",
            "comment": "Seen.",
            "verified_on_0": "1",
            "verified_on_1": "6",
            "verified_on_2": "2008",
        }
    }


# --- files attached to records --------------------------------------------------------------


class TestAttachmentViews(RecordViews):
    """A file attached to a record goes with the record: partner a's officer owns the action."""

    model = Attachment
    record = "attachment"
    pages = {
        "create": Page(REPORT, on="action", args=lambda w: ["partners.action", w["action"].pk]),
        "download": OWN,
        "delete": REPORT,
        "history": OWN,
    }
    absent = ("list", "detail", "update")
    listed_on = Action  # listed on its record's page (any record that declares Attachments)
    not_saved = {"create": "a file upload: the form as shown carries no file"}

    def fresh(self, world):
        return f.attachment(world["action"], by=world["users"]["dcs"])


# Every page's rule, for tests that walk every page (tests/test_bad_input.py).
RULES = rule_table([c for c in RecordViews.registry if c.__module__ == __name__], NON_RECORD_PAGES)
