"""The read-only pages of the structure, plan, directory and risk registers.

Components, meetings, plans and priorities (trust); partners, people and hosted priorities
(partners); risk registers and risks (risks): each page as DCS staff, its query count at two
sizes, its scope for partner staff, and no raw Python values in what it shows.
"""

import datetime
import re

import pytest
from django.urls import reverse

from tests import factories as f
from tests.utils import assert_constant_queries
from trust import clock

TODAY = datetime.date(2008, 6, 30)


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)


@pytest.fixture
def dcs(client, dcs_user):
    client.force_login(dcs_user)
    return client


def main(response):
    """The text of the page's <main>: what the page itself says, without the layout."""
    html = response.content.decode()
    match = re.search(r"<main\b.*?</main>", html, re.S)
    assert match, "no <main> on the page"
    return match.group(0)


def assert_no_raw_values(response):
    text = main(response)
    for word in ("None", "True", "False"):
        assert not re.search(rf"\b{word}\b", text), (
            f"{word!r} shown on {response.request['PATH_INFO']}"
        )


def get_ok(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    assert main(response).count("<h1") == 1
    return response


def url(name, obj=None):
    return reverse(name, args=[obj.pk] if obj is not None else [])


# --- Components -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_component_list_shows_function_members_and_whether_it_has_a_register(dcs):
    covered = f.ComponentFactory(name="Integrated Strategic Commissioning Board")
    f.MembershipFactory.create_batch(3, component=covered)
    f.RiskRegisterFactory(kind="component", component=covered)
    f.ComponentFactory(name="Local Safeguarding Children Board", function="safeguarding")
    response = get_ok(dcs, url("trust:component_list"))
    rows = {c.name: c for c in response.context["object_list"]}
    assert rows["Integrated Strategic Commissioning Board"].member_count == 3
    assert rows["Integrated Strategic Commissioning Board"].has_register is True
    assert rows["Local Safeguarding Children Board"].has_register is False
    text = main(response)
    assert "Safeguarding" in text and "Terms of reference" in text and "No register" in text
    assert "<title>Components" in response.text
    assert_no_raw_values(response)


@pytest.mark.django_db
def test_component_list_filters_by_register_and_function(dcs):
    covered = f.ComponentFactory(name="Covered board")
    f.RiskRegisterFactory(kind="component", component=covered)
    bare = f.ComponentFactory(name="Bare forum", function="participating")
    response = dcs.get(url("trust:component_list"), {"has_register": "false"})
    assert [c.name for c in response.context["object_list"]] == ["Bare forum"]
    response = dcs.get(url("trust:component_list"), {"has_register": "true", "q": "covered"})
    assert [c.name for c in response.context["object_list"]] == ["Covered board"]
    response = dcs.get(url("trust:component_list"), {"function": bare.function_id})
    assert [c.name for c in response.context["object_list"]] == ["Bare forum"]


@pytest.mark.django_db
def test_component_list_query_count_does_not_grow(dcs):
    def grow(n):
        for i in range(n):
            component = f.ComponentFactory()
            f.MembershipFactory(component=component)
            if i % 2:
                f.RiskRegisterFactory(kind="component", component=component)

    assert_constant_queries(dcs, url("trust:component_list"), grow)


@pytest.mark.django_db
def test_component_detail_shows_members_chair_first_meetings_register_and_recommendations(dcs):
    component = f.ComponentFactory(
        name="Children Leeds Partnership",
        function="leading",
    )
    f.TermsOfReferenceFactory(component=component, text="The partnership leads the trust.")
    member = f.MembershipFactory(component=component, represents=f.PartnerFactory(name="Aardvark"))
    chair_person = f.PersonFactory(name="Councillor Marsden")
    f.MembershipFactory(
        component=component,
        represents=chair_person.partner,
        person=chair_person,
        role=f.chair_role(),
    )
    register = f.RiskRegisterFactory(kind="component", component=component, name="CLP register")
    past = f.MeetingFactory(component=component, date=datetime.date(2008, 2, 13), title="Seminar")
    f.AttendanceFactory(meeting=past, partner=member.represents, status="present")
    f.AttendanceFactory(meeting=past, partner=chair_person.partner, status="absent")
    f.MeetingFactory(component=component, date=datetime.date(2008, 9, 1), title="Autumn review")
    rec = f.RecommendationFactory(number="5")
    rec.components.add(component)

    response = get_ok(dcs, component.get_absolute_url())
    text = main(response)
    members = response.context["object"].current_memberships
    assert [m.role.name for m in members] == ["Chair", "Member"]
    assert "Councillor Marsden" in text and "Aardvark" in text
    assert "The partnership leads the trust." in text
    assert register.get_absolute_url() in text and "CLP register" in text
    assert "13 February 2008" in text and "1 of 2" in text
    assert "1 September 2008" in text  # upcoming
    assert rec.get_absolute_url() in text and "Recommendation 5" in text
    assert "has no risk register" not in text
    assert "<title>Children Leeds Partnership" in response.text
    assert_no_raw_values(response)


@pytest.mark.django_db
def test_component_without_a_register_says_so(dcs):
    component = f.ComponentFactory(name="Local Safeguarding Children Board")
    response = get_ok(dcs, component.get_absolute_url())
    text = main(response)
    assert "This component has no risk register." in text
    assert "This component has no member partners recorded." in text
    assert "This component has no meetings recorded." in text
    assert_no_raw_values(response)


@pytest.mark.django_db
def test_component_detail_query_count_does_not_grow(dcs):
    component = f.ComponentFactory()
    f.RiskRegisterFactory(kind="component", component=component)

    def grow(n):
        for _ in range(n):
            person = f.PersonFactory()
            f.MembershipFactory(component=component, represents=person.partner, person=person)
            meeting = f.MeetingFactory(component=component)
            f.AttendanceFactory(meeting=meeting, partner=person.partner)
            f.RecommendationFactory().components.add(component)

    assert_constant_queries(dcs, component.get_absolute_url(), grow)


# --- Meetings and the plan ------------------------------------------------------------------


@pytest.mark.django_db
def test_meeting_detail_shows_attendance_by_partner(dcs):
    meeting = f.MeetingFactory(title="Board meeting", date=datetime.date(2007, 10, 3))
    f.AttendanceFactory(
        meeting=meeting, partner=f.PartnerFactory(name="West Yorkshire Police"), status="absent"
    )
    f.AttendanceFactory(
        meeting=meeting, partner=f.PartnerFactory(name="Education Leeds"), status="apologies"
    )
    response = get_ok(dcs, meeting.get_absolute_url())
    text = main(response)
    assert "3 October 2007" in text and meeting.component.name in text
    assert "West Yorkshire Police" in text and "Absent" in text and "Sent apologies" in text
    crumbs = [label for label, _ in response.context["breadcrumbs"]]
    assert crumbs == ["Home", "Components", meeting.component.name]
    assert_no_raw_values(response)


@pytest.mark.django_db
def test_meeting_detail_query_count_does_not_grow(dcs):
    meeting = f.MeetingFactory()

    def grow(n):
        for _ in range(n):
            person = f.PersonFactory()
            f.AttendanceFactory(meeting=meeting, partner=person.partner, person=person)

    assert_constant_queries(dcs, meeting.get_absolute_url(), grow)


@pytest.mark.django_db
def test_plan_detail_lists_outcomes_with_their_priorities(dcs):
    plan = f.PlanFactory(title="Children and Young People's Plan 2006-09")
    outcome = f.OutcomeFactory(plan=plan, name="Be healthy")
    f.PriorityFactory(plan=plan, outcome=outcome, title="Active and eat healthily")
    f.PriorityFactory(plan=plan, outcome=None, title="Reduce child poverty")
    response = get_ok(dcs, plan.get_absolute_url())
    text = main(response)
    assert "Be healthy" in text and "Active and eat healthily" in text
    assert "Priorities not linked to an outcome" in text and "Reduce child poverty" in text
    assert "2006 to 2009" in text
    assert_no_raw_values(response)


@pytest.mark.django_db
def test_plan_detail_query_count_does_not_grow(dcs):
    plan = f.PlanFactory()

    def grow(n):
        for _ in range(n):
            f.PriorityFactory(plan=plan, outcome=f.OutcomeFactory(plan=plan))

    assert_constant_queries(dcs, plan.get_absolute_url(), grow)


# --- Priorities -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_priority_list_shows_outcome_and_hosted_count_and_filters_by_outcome(dcs):
    plan = f.PlanFactory()
    healthy = f.OutcomeFactory(plan=plan, name="Be healthy")
    safe = f.OutcomeFactory(plan=plan, name="Stay safe")
    obesity = f.PriorityFactory(plan=plan, outcome=healthy, title="Active and eat healthily")
    f.HostedPriorityFactory.create_batch(2, priority=obesity)
    f.PriorityFactory(plan=plan, outcome=safe, title="Safe in their communities")
    response = get_ok(dcs, url("trust:priority_list"))
    rows = {p.title: p for p in response.context["object_list"]}
    assert rows["Active and eat healthily"].hosted_count == 2
    assert rows["Safe in their communities"].hosted_count == 0
    assert "Be healthy" in main(response)
    assert_no_raw_values(response)
    response = dcs.get(url("trust:priority_list"), {"outcome": safe.pk})
    assert [p.title for p in response.context["object_list"]] == ["Safe in their communities"]


@pytest.mark.django_db
def test_priority_list_query_count_does_not_grow(dcs):
    plan = f.PlanFactory()

    def grow(n):
        for _ in range(n):
            priority = f.PriorityFactory(plan=plan, outcome=f.OutcomeFactory(plan=plan))
            f.HostedPriorityFactory(priority=priority)

    assert_constant_queries(dcs, url("trust:priority_list"), grow)


@pytest.mark.django_db
def test_priority_detail_shows_indicators_with_latest_value_and_hosted_priorities(dcs):
    priority = f.PriorityFactory(title="Reduce teenage conception")
    indicator = f.IndicatorFactory(
        priority=priority, name="Under-18 conception rate", baseline=45.5, target=40
    )
    f.IndicatorValueFactory(indicator=indicator, period="2006/07", value=44, period_end=TODAY)
    f.IndicatorValueFactory(
        indicator=indicator,
        period="2005/06",
        value=47,
        period_end=TODAY - datetime.timedelta(days=365),
    )
    f.IndicatorFactory(priority=priority, name="Not yet measured", baseline=None, target=None)
    hosted = f.HostedPriorityFactory(priority=priority, title="Teenage pregnancy strategy")
    response = get_ok(dcs, priority.get_absolute_url())
    text = main(response)
    assert "Under-18 conception rate" in text and "45.50%" in text and "40%" in text
    assert "44%" in text and "2006/07" in text
    assert "Not set" in text and "No value yet" in text
    assert hosted.get_absolute_url() in text
    crumbs = [label for label, _ in response.context["breadcrumbs"]]
    assert crumbs == ["Home", "Priorities", str(priority.plan)]
    assert_no_raw_values(response)


@pytest.mark.django_db
def test_priority_detail_query_count_does_not_grow(dcs):
    priority = f.PriorityFactory()

    def grow(n):
        for _ in range(n):
            f.IndicatorValueFactory(indicator=f.IndicatorFactory(priority=priority))
            f.HostedPriorityFactory(priority=priority, monitoring_component=f.ComponentFactory())

    assert_constant_queries(dcs, priority.get_absolute_url(), grow)


@pytest.mark.django_db
def test_partner_sees_only_the_hosted_priorities_of_a_priority_they_take_part_in(client):
    user = f.partner_user()
    priority = f.PriorityFactory()
    mine = f.HostedPriorityFactory(priority=priority, host=user.person.partner)
    theirs = f.HostedPriorityFactory(priority=priority)
    client.force_login(user)
    response = get_ok(client, priority.get_absolute_url())
    assert list(response.context["hosted_priorities"]) == [mine]
    assert theirs.title not in main(response)
    listing = get_ok(client, url("trust:priority_list"))
    assert listing.context["object_list"][0].hosted_count == 1


# --- Partners -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_partner_list_shows_sector_duty_signatures_and_components(dcs):
    police = f.PartnerFactory(
        name="West Yorkshire Police",
        sector="police",
        duty_to_cooperate=True,
        agreement_signed=datetime.date(2007, 10, 3),
    )
    f.MembershipFactory.create_batch(2, represents=police)
    f.PartnerFactory(
        name="Leeds PCT",
        agreement_signed=datetime.date(2006, 4, 1),
        isp_signed=datetime.date(2006, 5, 1),
    )
    response = get_ok(dcs, url("partners:partner_list"))
    text = main(response)
    assert "West Yorkshire Police" in text and "Police" in text
    assert "3 October 2007" in text and "Not signed" in text
    rows = {p.name: p for p in response.context["object_list"]}
    assert rows["West Yorkshire Police"].component_count == 2
    assert_no_raw_values(response)


@pytest.mark.django_db
def test_partner_list_filters_by_sector_duty_and_missing_signatures(dcs):
    f.PartnerFactory(name="Police", sector="police", duty_to_cooperate=True)
    f.PartnerFactory(
        name="Signed health trust",
        agreement_signed=datetime.date(2006, 4, 1),
        isp_signed=datetime.date(2006, 5, 1),
    )

    def names(**params):
        response = dcs.get(url("partners:partner_list"), params)
        return [p.name for p in response.context["object_list"]]

    assert names(sector=f.sector("police").pk) == ["Police"]
    assert names(duty_to_cooperate="true") == ["Police"]
    assert names(not_signed="true") == ["Police"]
    assert names(not_signed="false") == ["Signed health trust"]


@pytest.mark.django_db
def test_partner_list_query_count_does_not_grow(dcs):
    def grow(n):
        for _ in range(n):
            f.MembershipFactory()

    assert_constant_queries(dcs, url("partners:partner_list"), grow)


@pytest.mark.django_db
def test_partner_detail_shows_people_components_hosted_priorities_and_attendance(dcs):
    police = f.PartnerFactory(name="West Yorkshire Police", sector="police")
    officer = f.PersonFactory(partner=police, name="Mark Sutcliffe", job_title="Superintendent")
    component = f.ComponentFactory(name="Children Leeds Partnership")
    f.MembershipFactory(component=component, represents=police, person=officer)
    hosted = f.HostedPriorityFactory(host=police, title="Safer communities")
    contributed = f.HostedPriorityFactory(title="Anti-bullying")
    contributed.contributors.add(police)
    # Last 12 months: present at one of three; before that, present at one more of one.
    for days, status in ((10, "present"), (100, "absent"), (300, "apologies"), (400, "present")):
        meeting = f.MeetingFactory(component=component, date=TODAY - datetime.timedelta(days))
        f.AttendanceFactory(meeting=meeting, partner=police, status=status)

    response = get_ok(dcs, police.get_absolute_url())
    text = main(response)
    assert "Mark Sutcliffe" in text and "Superintendent" in text
    assert "Children Leeds Partnership" in text
    assert hosted.get_absolute_url() in text and contributed.get_absolute_url() in text
    assert "Attended 1 of 3 meetings it was expected at (33%)" in text
    assert "Attended 2 of 4 meetings it was expected at (50%)" in text
    assert_no_raw_values(response)


@pytest.mark.django_db
def test_partner_detail_query_count_does_not_grow(dcs):
    partner = f.PartnerFactory()

    def grow(n):
        for _ in range(n):
            person = f.PersonFactory(partner=partner)
            f.MembershipFactory(represents=partner, person=person)
            f.AttendanceFactory(partner=partner)
            f.HostedPriorityFactory(host=partner)

    assert_constant_queries(dcs, partner.get_absolute_url(), grow)


@pytest.mark.django_db
def test_partner_staff_see_the_directory_but_only_their_own_people(client):
    user = f.partner_user()
    other = f.PersonFactory(name="Someone Elsewhere")
    client.force_login(user)
    get_ok(client, url("partners:partner_list"))
    response = get_ok(client, other.partner.get_absolute_url())
    assert "Someone Elsewhere" not in main(response)
    own = get_ok(client, user.person.partner.get_absolute_url())
    assert user.person.name in main(own)


# --- People ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_person_detail_shows_their_actions_and_recommendations(dcs):
    person = f.PersonFactory(name="Rosemary Archer", job_title="Chief Officer", email="")
    action = f.ActionFactory(owner=person, description="Draft the communications plan")
    rec = f.RecommendationFactory(number="8")
    rec.responsible_officers.add(person)
    response = get_ok(dcs, person.get_absolute_url())
    text = main(response)
    assert "Chief Officer" in text and person.partner.name in text
    assert action.get_absolute_url() in text and "31 December 2007" in text
    assert "Not started" in text and "Overdue" in text
    assert rec.get_absolute_url() in text and "Recommendation 8" in text
    crumbs = [label for label, _ in response.context["breadcrumbs"]]
    assert crumbs == ["Home", "Partners", person.partner.name]
    assert_no_raw_values(response)


@pytest.mark.django_db
def test_person_detail_query_count_does_not_grow(dcs):
    person = f.PersonFactory()
    hosted = f.HostedPriorityFactory()
    risk = f.RiskFactory(action_plan=f.ActionPlanFactory())

    def grow(n):
        for i in range(n):
            rec = f.RecommendationFactory()
            rec.responsible_officers.add(person)
            plan = [rec.action_plan, hosted.action_plan, risk.action_plan][i % 3]
            f.ActionFactory(plan=plan, owner=person)

    assert_constant_queries(dcs, person.get_absolute_url(), grow)


# --- Hosted priorities ----------------------------------------------------------------------


@pytest.mark.django_db
def test_hosted_priority_list_shows_host_kind_board_and_filters(dcs):
    board = f.ComponentFactory(name="Integrated Strategic Commissioning Board")
    pct = f.PartnerFactory(name="Leeds PCT")
    f.HostedPriorityFactory(
        title="Reducing childhood obesity", host=pct, kind="hosted", monitoring_component=board
    )
    f.HostedPriorityFactory(title="Anti-bullying Strategy", kind="core")
    response = get_ok(dcs, url("partners:hostedpriority_list"))
    text = main(response)
    assert "Reducing childhood obesity" in text and "Leeds PCT" in text
    assert "Integrated Strategic Commissioning Board" in text
    assert "Hosted (one partner representing several)" in text
    assert_no_raw_values(response)
    response = dcs.get(url("partners:hostedpriority_list"), {"kind": "core"})
    assert [h.title for h in response.context["object_list"]] == ["Anti-bullying Strategy"]
    response = dcs.get(url("partners:hostedpriority_list"), {"host": pct.pk})
    assert [h.title for h in response.context["object_list"]] == ["Reducing childhood obesity"]


@pytest.mark.django_db
def test_hosted_priority_list_query_count_does_not_grow(dcs):
    def grow(n):
        for _ in range(n):
            f.HostedPriorityFactory(monitoring_component=f.ComponentFactory())

    assert_constant_queries(dcs, url("partners:hostedpriority_list"), grow)


@pytest.mark.django_db
def test_hosted_priority_detail_shows_the_checklist_and_the_action_plan(dcs):
    hosted = f.HostedPriorityFactory(
        title="Reducing childhood obesity",
        host_signed=datetime.date(2007, 4, 2),
        director_signed=None,
        risk_assessment_done=True,
        appended_to_strategy=False,
        priority=f.PriorityFactory(outcome=f.OutcomeFactory(name="Be healthy")),
    )
    hosted.contributors.add(f.PartnerFactory(name="Education Leeds"))
    action = f.ActionFactory(plan=hosted.action_plan, description="Commission a programme")
    response = get_ok(dcs, hosted.get_absolute_url())
    text = main(response)
    assert "Be healthy" in text and "Education Leeds" in text
    assert "2 April 2007" in text and "Not signed" in text and "Not done" in text
    assert "Yes, 1 action" in text
    assert action.get_absolute_url() in text and action.owner.name in text
    assert "Not set" in text  # no monitoring board
    assert_no_raw_values(response)


@pytest.mark.django_db
def test_hosted_priority_detail_query_count_does_not_grow(dcs):
    hosted = f.HostedPriorityFactory()

    def grow(n):
        for _ in range(n):
            f.ActionFactory(plan=hosted.action_plan)
            hosted.contributors.add(f.PartnerFactory())

    assert_constant_queries(dcs, hosted.get_absolute_url(), grow)


# --- Risk registers and risks ---------------------------------------------------------------


@pytest.mark.django_db
def test_register_list_shows_open_risks_reviews_and_coverage(dcs):
    covered = f.ComponentFactory(name="Children Leeds Partnership")
    register = f.RiskRegisterFactory(
        name="CLP register",
        kind="component",
        component=covered,
        last_reviewed=datetime.date(2007, 6, 1),
        review_interval_months=6,
    )
    f.RiskFactory.create_batch(2, register=register)
    f.RiskFactory(register=register, status="closed")
    f.ComponentFactory(name="Local Safeguarding Children Board")
    host = f.PartnerFactory(name="Education Leeds")
    f.HostedPriorityFactory(host=host)
    f.PartnerFactory(name="Hosts nothing")

    response = get_ok(dcs, url("risks:riskregister_list"))
    text = main(response)
    assert response.context["object_list"][0].open_risks == 2
    assert "1 June 2007" in text and "1 December 2007" in text and "Review overdue" in text
    coverage = text[text.index('id="coverage"') :]
    assert "Local Safeguarding Children Board" in coverage
    assert "Children Leeds Partnership" not in coverage
    assert "Education Leeds" in coverage and "Hosts nothing" not in coverage
    assert_no_raw_values(response)


@pytest.mark.django_db
def test_register_never_reviewed_is_flagged_and_not_overdue(dcs):
    f.RiskRegisterFactory(last_reviewed=None)
    response = get_ok(dcs, url("risks:riskregister_list"))
    assert "Never reviewed" in main(response) and "Review overdue" not in main(response)


@pytest.mark.django_db
def test_register_list_query_count_does_not_grow(dcs):
    def grow(n):
        for i in range(n):
            register = f.RiskRegisterFactory(owner=f.PersonFactory(), last_reviewed=TODAY)
            f.RiskFactory(register=register)
            f.ComponentFactory()
            f.HostedPriorityFactory()
            if i % 2:
                f.RiskRegisterFactory(kind="component", component=f.ComponentFactory())

    assert_constant_queries(dcs, url("risks:riskregister_list"), grow)


@pytest.mark.django_db
def test_register_detail_lists_risks_with_scores_and_bands(dcs):
    register = f.RiskRegisterFactory(name="ISCB risk register", description="")
    risk = f.RiskFactory(
        register=register, reference="ISCB-01", title="Resources not mapped", review_date=TODAY
    )
    response = get_ok(dcs, register.get_absolute_url())
    text = main(response)
    assert "ISCB-01" in text and risk.get_absolute_url() in text
    assert "16 (Very high)" in text and "9 (Medium)" in text and "4 (Low)" in text
    assert "30 June 2008" in text and "Open" in text
    assert "Never reviewed" in text and "Not named" in text
    assert_no_raw_values(response)


@pytest.mark.django_db
def test_register_detail_query_count_does_not_grow(dcs):
    register = f.RiskRegisterFactory()

    def grow(n):
        for _ in range(n):
            f.RiskFactory(register=register)

    assert_constant_queries(dcs, register.get_absolute_url(), grow)


@pytest.mark.django_db
def test_risk_detail_shows_scores_controls_links_and_actions(dcs):
    risk = f.RiskFactory(
        cause="No exit strategy",
        consequence="Partners withdraw",
        contingency_plan="Escalate to the Executive Board",
        action_plan=f.ActionPlanFactory(),
    )
    f.RiskControlFactory(risk=risk, description="Quarterly review at the board.")
    hosted = f.HostedPriorityFactory(title="Anti-bullying Strategy")
    risk.hosted_priorities.add(hosted)
    rec = f.RecommendationFactory(number="3")
    rec.risks.add(risk)
    action = f.ActionFactory(plan=risk.action_plan, description="Agree an exit protocol")
    response = get_ok(dcs, risk.get_absolute_url())
    text = main(response)
    assert "No exit strategy" in text and "Partners withdraw" in text
    assert "Escalate to the Executive Board" in text
    assert "Quarterly review at the board." in text
    assert "16 (Very high)" in text and "9 (Medium)" in text and "4 (Low)" in text
    assert hosted.get_absolute_url() in text and rec.get_absolute_url() in text
    assert action.get_absolute_url() in text
    crumbs = [label for label, _ in response.context["breadcrumbs"]]
    assert crumbs == ["Home", "Risk registers", risk.register.name]
    assert_no_raw_values(response)


@pytest.mark.django_db
def test_risk_with_empty_optional_fields_shows_words_not_values(dcs):
    risk = f.RiskFactory(cause="", consequence="", contingency_plan="", review_date=None)
    response = get_ok(dcs, risk.get_absolute_url())
    text = main(response)
    assert "Not recorded" in text and "This risk has no action plan." in text
    assert "No controls have been recorded for this risk." in text
    assert_no_raw_values(response)


@pytest.mark.django_db
def test_risk_detail_query_count_does_not_grow(dcs):
    risk = f.RiskFactory(action_plan=f.ActionPlanFactory())

    def grow(n):
        for _ in range(n):
            f.RiskControlFactory(risk=risk)
            f.ActionFactory(plan=risk.action_plan)
            risk.hosted_priorities.add(f.HostedPriorityFactory())
            f.RecommendationFactory().risks.add(risk)

    assert_constant_queries(dcs, risk.get_absolute_url(), grow)


@pytest.mark.django_db
def test_partner_sees_only_recommendations_they_take_part_in_on_a_risk(client):
    user = f.partner_user()
    register = f.RiskRegisterFactory(kind="partner", partner=user.person.partner)
    risk = f.RiskFactory(register=register, owner=user.person)
    mine = f.RecommendationFactory(number="4")
    f.ActionFactory(plan=mine.action_plan, owner=user.person)
    hidden = f.RecommendationFactory(number="9")
    for rec in (mine, hidden):
        rec.risks.add(risk)
    client.force_login(user)
    response = get_ok(client, risk.get_absolute_url())
    assert mine.get_absolute_url() in main(response)
    assert hidden.get_absolute_url() not in main(response)


# --- Every page: history, scope, sign-in, navigation ----------------------------------------


@pytest.fixture
def world(db):
    """One of everything, belonging to a partner organisation other than the viewer's."""
    other = f.PartnerFactory(name="Other partner")
    person = f.PersonFactory(partner=other)
    component = f.ComponentFactory()
    register = f.RiskRegisterFactory(kind="partner", partner=other, owner=person)
    priority = f.PriorityFactory()
    return {
        "component": component,
        "meeting": f.MeetingFactory(component=component),
        "plan": priority.plan,
        "priority": priority,
        "partner": other,
        "person": person,
        "hosted": f.HostedPriorityFactory(host=other, priority=priority),
        "register": register,
        "risk": f.RiskFactory(register=register, owner=person),
    }


DETAIL_PAGES = [
    ("trust:component", "component"),
    ("partners:meeting", "meeting"),
    ("trust:plan", "plan"),
    ("trust:priority", "priority"),
    ("partners:partner", "partner"),
    ("partners:person", "person"),
    ("partners:hostedpriority", "hosted"),
    ("risks:riskregister", "register"),
    ("risks:risk", "risk"),
]
LIST_PAGES = [
    "trust:component_list",
    "trust:priority_list",
    "partners:partner_list",
    "partners:hostedpriority_list",
    "risks:riskregister_list",
]


def all_urls(world):
    urls = [reverse(name) for name in LIST_PAGES]
    for prefix, key in DETAIL_PAGES:
        urls += [url(f"{prefix}_detail", world[key]), url(f"{prefix}_history", world[key])]
    return urls


def test_every_page_and_its_history_opens_for_dcs_staff(dcs, world):
    for page in all_urls(world):
        response = get_ok(dcs, page)
        assert_no_raw_values(response)


def test_every_page_opens_for_an_auditor(client, auditor, world):
    client.force_login(auditor)
    for page in all_urls(world):
        get_ok(client, page)


def test_anonymous_visitors_are_sent_to_sign_in(client, world):
    for page in all_urls(world):
        response = client.get(page)
        assert response.status_code == 302, page
        assert response["Location"].startswith(reverse("login")), page


def test_partner_staff_get_404_on_another_partners_records_and_200_on_shared_pages(client, world):
    user = f.partner_user()
    client.force_login(user)
    for key in ("person", "hosted", "register", "risk"):
        prefix = {k: p for p, k in DETAIL_PAGES}[key]
        for suffix in ("detail", "history"):
            response = client.get(url(f"{prefix}_{suffix}", world[key]))
            assert response.status_code == 404, (key, suffix)
    for key in ("component", "meeting", "plan", "priority", "partner"):
        prefix = {k: p for p, k in DETAIL_PAGES}[key]
        get_ok(client, url(f"{prefix}_detail", world[key]))
    for name in LIST_PAGES:
        get_ok(client, reverse(name))
    hosted = get_ok(client, reverse("partners:hostedpriority_list"))
    assert list(hosted.context["object_list"]) == []
    registers = get_ok(client, reverse("risks:riskregister_list"))
    assert list(registers.context["object_list"]) == []


def test_partner_sees_a_component_register_exists_without_a_link_to_it(client, world):
    register = f.RiskRegisterFactory(kind="component", component=world["component"])
    client.force_login(f.partner_user())
    response = get_ok(client, world["component"].get_absolute_url())
    text = main(response)
    assert register.get_absolute_url() not in text
    assert "This component has a risk register." in text
    assert "has no risk register" not in text


def test_the_four_sections_appear_in_the_navigation(dcs, world):
    response = get_ok(dcs, reverse("trust:component_list"))
    labels = {item["label"]: item for item in response.context["navigation"]}
    for label, name in (
        ("Components", "trust:component_list"),
        ("Partners", "partners:partner_list"),
        ("Priorities", "trust:priority_list"),
        ("Risks", "risks:riskregister_list"),
    ):
        assert labels[label]["url"] == reverse(name)
    assert labels["Components"]["current"]
    hosted = get_ok(dcs, url("partners:hostedpriority_detail", world["hosted"]))
    assert {i["label"] for i in hosted.context["navigation"] if i["current"]} == {"Priorities"}


def test_pages_carry_no_inline_script_or_style(dcs, world):
    for page in all_urls(world):
        text = dcs.get(page).content.decode()
        assert "<script>" not in text and 'style="' not in text, page
