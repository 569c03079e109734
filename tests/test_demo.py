"""The demo trust from the seed documents: complete, faithful and safe to load twice."""

import datetime
import io

import pytest
from django.apps import apps
from django.contrib.auth import authenticate
from django.core.management import call_command

from partners.models import Attendance, HostedPriority, Meeting, Membership, Partner
from recommendations.demo import DEMO_PASSWORDS
from recommendations.models import Audit, Recommendation
from risks.models import RiskRegister
from trust.models import Component, MembershipRole, Priority, Sector, User


def row_counts():
    """Rows in every table of the project, history and many-to-many tables included."""
    counts = {}
    for app in ("trust", "partners", "risks", "recommendations"):
        for model in apps.get_app_config(app).get_models(include_auto_created=True):
            counts[model._meta.label] = model._base_manager.count()
    return counts


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())


@pytest.mark.django_db
def test_loading_the_demo_twice_changes_nothing():
    call_command("load_demo", stdout=io.StringIO())
    first = row_counts()
    assert first["recommendations.HistoricalRecommendation"] > 0
    call_command("load_demo", stdout=io.StringIO())
    assert row_counts() == first


def test_the_audit_has_twelve_recommendations_graded_as_in_appendix_1(demo):
    audit = Audit.objects.get()
    assert audit.report_date.isoformat() == "2007-11-01"
    recs = Recommendation.objects.filter(audit=audit).select_related("priority")
    assert [r.number for r in recs] == [str(n) for n in range(1, 13)]
    by_label = {}
    for rec in recs:
        by_label.setdefault(rec.priority.label, []).append(rec.number)
    assert by_label["Significant residual risk"] == ["6", "10", "11"]
    assert by_label["Little residual risk"] == ["8"]
    assert len(by_label["Some residual risk"]) == 8


def test_every_management_response_line_is_an_owned_action_with_a_derived_date(demo):
    rec1 = Recommendation.objects.get(number="1")
    actions = list(rec1.action_plan.actions.order_by("number"))
    assert [a.timescale for a in actions] == ["October 2007", "By December 2007", "Spring 2008"]
    assert [a.due_date.isoformat() for a in actions] == ["2007-10-31", "2007-12-31", "2008-05-31"]
    assert all(a.owner.name == "Barbara Newton" for a in actions)
    for rec in Recommendation.objects.all():
        assert rec.action_plan.actions.exists(), rec
        assert rec.responsible_officers.exists() or rec.number == "12"


def test_six_components_with_their_functions_and_the_2008_priorities(demo):
    assert dict(Component.objects.values_list("name", "function__name")) == {
        "Children Leeds Partnership": "Leading",
        "Integrated Strategic Commissioning Board": "Commissioning",
        "Local Safeguarding Children Board": "Safeguarding",
        "Open Forums": "Participating",
        "Locality working": "Delivering",
        "Director of Children's Services Unit": "Supporting",
    }
    assert Priority.objects.count() == 11


def test_the_city_partners_sectors_are_its_own_list_in_order(demo):
    assert [s.name for s in Sector.objects.all()] == [
        "Local authority",
        "Health",
        "Police",
        "Education and schools",
        "Voluntary, community and faith sector",
        "Other",
    ]


def test_membership_roles_are_data_with_one_chair_per_component(demo):
    roles = [(r.name, r.is_chair) for r in MembershipRole.objects.all()]
    assert roles == [
        ("Chair", True),
        ("Co-chair", True),
        ("Vice-chair", False),
        ("Member", False),
        ("Adviser", False),
        ("Secretary", False),
        ("Independent member", False),
    ]
    for component in Component.objects.all():
        chairs = Membership.objects.filter(component=component, role__is_chair=True)
        assert chairs.count() == 1, component


def test_west_yorkshire_police_attended_one_meeting_in_three_before_the_letter(demo):
    police = Partner.objects.get(name="West Yorkshire Police")
    for short_name in ("CLP", "ISCB", "LSCB"):
        rows = Attendance.objects.filter(
            partner=police, meeting__component__short_name=short_name, meeting__date__year=2007
        )
        present = rows.filter(status="present").count()
        assert rows.count() == 6 and present == 2, short_name
        assert all(row.person is not None for row in rows), short_name
        later = Attendance.objects.filter(
            partner=police, meeting__component__short_name=short_name, meeting__date__year=2008
        ).exclude(meeting__date__gt=datetime.date(2008, 9, 2))
        assert later.exists() and not later.exclude(status="present").exists(), short_name


def test_the_attendance_rule_reads_the_police_one_in_three_and_the_others_apologies(demo):
    from partners import attendance

    police = Partner.objects.get(name="West Yorkshire Police")
    year_2007 = attendance.Period(
        "2007", "2007", datetime.date(2007, 1, 1), datetime.date(2007, 12, 31)
    )
    clp_iscb_lscb = Meeting.objects.filter(component__short_name__in=["CLP", "ISCB", "LSCB"])
    rows = {row.pk: row for row in attendance.partner_rows(year_2007, clp_iscb_lscb)}
    assert (rows[police.pk].attended_meetings, rows[police.pk].expected_meetings) == (6, 18)
    assert rows[police.pk].flagged and len(rows[police.pk].missed) == 12
    assert Attendance.objects.filter(status="apologies").exists()
    substitute = Attendance.objects.get(status="substitute")
    assert substitute.substitute is not None and substitute.partner.short_name
    assert Attendance.objects.filter(status="attending").exists()
    assert Partner.objects.get(is_host_authority=True).short_name == "LCC"


def test_registers_as_the_audit_describes_them(demo):
    lscb = Component.objects.get(short_name="LSCB")
    assert not RiskRegister.objects.filter(component=lscb).exists()
    dcs_unit = Component.objects.get(function__name="Supporting")
    assert RiskRegister.objects.get(component=dcs_unit).risks.exists()
    assert RiskRegister.objects.filter(kind="project", name__contains="Joint Area Review").exists()
    clp = RiskRegister.objects.get(component__short_name="CLP")
    assert clp.review_interval_months == 6


def test_each_demo_login_works_and_partners_see_their_own_hosted_priorities(demo):
    for username, password in DEMO_PASSWORDS.items():
        assert authenticate(username=username, password=password) is not None, username
    roles = dict(User.objects.values_list("username", "role"))
    assert roles == {
        "dcs": "dcs",
        "pct": "partner",
        "edleeds": "partner",
        "auditor": "auditor",
        "admin": "admin",
    }

    def hosted_by_own_organisation(username):
        user = User.objects.get(username=username)
        visible = HostedPriority.objects.restrict(user)
        return sorted(h.title for h in visible.filter(host_id=user.partner_id))

    pct = " | ".join(hosted_by_own_organisation("pct")).lower()
    assert len(hosted_by_own_organisation("pct")) == 3
    for words in ("obesity", "conception", "infant mortality"):
        assert words in pct
    edleeds = hosted_by_own_organisation("edleeds")
    assert len(edleeds) == 1 and "bullying" in edleeds[0].lower()


def test_the_demo_history_is_dated_as_the_seeds_date_things(demo):
    from recommendations.models import status_from_actions
    from recommendations.snapshot import end_of_day, snapshot_as_at
    from trust.changes import tracked_models

    for model in tracked_models():
        rows = model.history.model.objects.exclude(valid_to=None)
        assert not [r for r in rows if r.valid_to < r.history_date], model
    audit = Audit.objects.get()
    auditor = User.objects.get(username="auditor")
    before = snapshot_as_at(
        audit, end_of_day(audit.report_date.replace(day=1) - datetime.timedelta(days=1)), auditor
    )
    assert before.recommendations == []  # nothing before the report
    at_report = snapshot_as_at(audit, end_of_day(audit.report_date), auditor)
    assert len(at_report.recommendations) == 12
    # On the report's day each recommendation stands as its actions then imply (most not
    # yet started); the status follows its actions through the history.
    for rec in at_report.recommendations:
        assert rec.status == status_from_actions(a.status for a in rec.actions), rec.number
    assert "not_started" in {r.status for r in at_report.recommendations}
    later = snapshot_as_at(audit, end_of_day(datetime.date(2008, 12, 31)), auditor)
    assert {r.number: r.status for r in later.recommendations} == {
        r.number: r.status for r in Recommendation.objects.filter(audit=audit)
    }


def test_each_component_is_governed_and_one_is_past_review_on_the_demo_day(demo):
    from partners.governance import quorum_rule
    from partners.models import KeyRole, Memorandum, TermsOfReference
    from recommendations.demo_data import DEMO_DAY

    kinds = {}
    for component in Component.objects.all():
        terms = quorum_rule(component, DEMO_DAY)
        assert terms is not None, component
        kinds[component.short_name] = terms.kind
    assert kinds["ISCB"] == kinds["LSCB"] == "constitution"
    assert {k for name, k in kinds.items() if name not in ("ISCB", "LSCB")} == {
        "terms_of_reference"
    }
    assert TermsOfReference.objects.filter(quorum_min_members__isnull=False).exists()
    overdue = TermsOfReference.objects.past_review(DEMO_DAY).in_force_on(DEMO_DAY)
    in_force = [t for t in overdue if quorum_rule(t.component, DEMO_DAY) == t]
    assert [t.component.short_name for t in in_force] == ["Open Forums"]
    memorandum = Memorandum.objects.in_force_on(DEMO_DAY).first()
    headings = {s.heading: s for s in memorandum.sections.all()}
    assert {"Conflict resolution", "Exit strategy"} <= set(headings)
    assert headings["Conflict resolution"].risks.exists()
    assert headings["Exit strategy"].risks.exists()
    titles = set(KeyRole.objects.values_list("title", flat=True))
    assert titles == {
        "Director of Children's Services",
        "Lead Executive Member for Children's Services",
    }


def test_the_demo_meetings_record_status_chair_agenda_decisions_actions_and_messages(demo):
    from partners.models import Action, Decision, KeyMessage, Meeting
    from recommendations import demo_data

    meetings = Meeting.objects.all()
    past = meetings.filter(date__lte=demo_data.DEMO_DAY)
    assert set(past.values_list("status", flat=True)) == {"held"}
    future = meetings.filter(date__gt=demo_data.DEMO_DAY)
    assert sorted(future.values_list("status", flat=True)) == [
        "cancelled",
        "scheduled",
        "scheduled",
    ]
    assert not meetings.filter(chair=None, component__short_name__in=["CLP", "ISCB"]).exists()
    assert not meetings.filter(venue="").exclude(component__short_name="Locality").exists()
    rec5 = Recommendation.objects.get(number="5")
    assert rec5.agenda_items.count() == 2
    assert Decision.objects.count() == 3
    message = KeyMessage.objects.get(to_body__name="Leeds City Council Executive Board")
    assert message.meeting.date == datetime.date(2007, 10, 17)
    action = Action.objects.get(plan__meeting__isnull=False)
    assert action.status == "complete" and action.carrier.date == datetime.date(2007, 9, 5)


def test_each_demo_quorum_can_be_met_by_the_component_s_members(demo):
    """A rule asking for more members or partners than the component has would make every
    meeting inquorate: the demo's rules are ones its boards can meet."""
    from partners.governance import quorum_rule
    from partners.models import Membership
    from recommendations.demo_data import DEMO_DAY

    for component in Component.objects.all():
        rule = quorum_rule(component, DEMO_DAY)
        seats = Membership.objects.filter(component=component, ended__isnull=True)
        partners = set(
            seats.exclude(represents__is_host_authority=True).values_list("represents", flat=True)
        ) - {None}
        assert (rule.quorum_min_members or 0) <= seats.count(), component
        assert (rule.quorum_min_partners or 0) <= len(partners), component
