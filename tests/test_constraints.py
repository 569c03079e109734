"""Every invariant is enforced by the database, not only by forms.

Each case builds a valid record, breaks one rule, and saves it straight to the database
(``Model.save()``, no validation): the database must refuse it by the named constraint.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests import factories as f
from trust.services import record_save


def _save(obj):
    obj.save()
    return obj


CASES = {
    # trust
    "user role": lambda: _save(f.UserFactory.build(role="superhero")),
    "component name unique": lambda: (
        f.ComponentFactory(name="ISCB"),
        _save(f.ComponentFactory.build(name="ISCB")),
    ),
    "one meeting of a title a day": lambda: (
        m := f.MeetingFactory(),
        _save(f.MeetingFactory.build(component=m.component, date=m.date, title=m.title)),
    ),
    "plan end before start": lambda: _save(f.PlanFactory.build(start_year=2009, end_year=2006)),
    "outcome unique in plan": lambda: (
        o := f.OutcomeFactory(),
        _save(f.OutcomeFactory.build(plan=o.plan, name=o.name)),
    ),
    "priority number unique in plan": lambda: (
        p := f.PriorityFactory(),
        _save(f.PriorityFactory.build(plan=p.plan, number=p.number)),
    ),
    "indicator unique per priority": lambda: (
        i := f.IndicatorFactory(),
        _save(f.IndicatorFactory.build(priority=i.priority, name=i.name)),
    ),
    "one indicator value per period": lambda: (
        v := f.IndicatorValueFactory(),
        _save(f.IndicatorValueFactory.build(indicator=v.indicator, period_end=v.period_end)),
    ),
    # partners
    "terms of reference kind": lambda: _save(
        f.TermsOfReferenceFactory.build(component=f.ComponentFactory(), kind="charter")
    ),
    "terms of reference version unique per component": lambda: (
        t := f.TermsOfReferenceFactory(),
        _save(f.TermsOfReferenceFactory.build(component=t.component, number=t.number)),
    ),
    "terms of reference reviewed after agreed": lambda: _save(
        f.TermsOfReferenceFactory.build(
            component=f.ComponentFactory(),
            agreed=datetime.date(2008, 1, 1),
            review_date=datetime.date(2007, 1, 1),
        )
    ),
    "memorandum version unique": lambda: (
        m := f.MemorandumFactory(),
        _save(f.MemorandumFactory.build(number=m.number)),
    ),
    "memorandum section heading unique": lambda: (
        s := f.MemorandumSectionFactory(),
        _save(f.MemorandumSectionFactory.build(memorandum=s.memorandum, heading=s.heading)),
    ),
    "key role ends after it starts": lambda: _save(
        f.KeyRoleFactory.build(
            person=f.PersonFactory(),
            started=datetime.date(2008, 1, 1),
            ended=datetime.date(2007, 1, 1),
        )
    ),
    "partner name unique": lambda: (
        f.PartnerFactory(name="West Yorkshire Police"),
        _save(f.PartnerFactory.build(name="West Yorkshire Police")),
    ),
    "one person per login": lambda: (
        u := f.UserFactory(),
        f.PersonFactory(user=u),
        _save(f.PersonFactory.build(user=u, partner=f.PartnerFactory())),
    ),
    # The role is a link to the roles' vocabulary (trust.MembershipRole): the foreign key
    # holds it. Co-chairs are allowed, so no "one chair" rule; one open seat per person.
    "one open seat per person on a component": lambda: (
        m := f.MembershipFactory(),
        _save(
            f.MembershipFactory.build(
                component=m.component, represents=m.represents, person=m.person, role=m.role
            )
        ),
    ),
    "a seat names a person or a partner": lambda: _save(
        f.MembershipFactory.build(
            component=f.ComponentFactory(),
            represents=None,
            person=None,
            role=f.MembershipRoleFactory(),
        )
    ),
    "membership ends after it starts": lambda: _save(
        f.MembershipFactory.build(
            component=f.ComponentFactory(),
            represents=f.PartnerFactory(),
            role=f.MembershipRoleFactory(),
            started=datetime.date(2008, 1, 1),
            ended=datetime.date(2007, 1, 1),
        )
    ),
    "attendance once per person": lambda: (
        a := f.AttendanceFactory(person=f.PersonFactory()),
        _save(f.AttendanceFactory.build(meeting=a.meeting, person=a.person)),
    ),
    "attendance names who came instead of a substitute": lambda: _save(
        f.AttendanceFactory.build(
            meeting=f.MeetingFactory(), person=f.PersonFactory(), status="substitute"
        )
    ),
    "attendance names no substitute otherwise": lambda: _save(
        f.AttendanceFactory.build(
            meeting=f.MeetingFactory(),
            person=f.PersonFactory(),
            status="present",
            substitute=f.PersonFactory(),
        )
    ),
    "attendance names someone": lambda: _save(
        f.AttendanceFactory.build(meeting=f.MeetingFactory(), person=None, partner=None)
    ),
    "one host authority": lambda: (
        f.PartnerFactory(is_host_authority=True),
        _save(f.PartnerFactory.build(is_host_authority=True, sector=f.sector("health"))),
    ),
    "attendance status": lambda: _save(
        f.AttendanceFactory.build(
            meeting=f.MeetingFactory(), partner=f.PartnerFactory(), status="asleep"
        )
    ),
    "hosting kind": lambda: _save(
        f.HostedPriorityFactory.build(
            priority=f.PriorityFactory(), host=f.PartnerFactory(), action_plan=None, kind="lent"
        )
    ),
    "an action plan serves one carrier": lambda: (
        h := f.HostedPriorityFactory(),
        _save(
            f.HostedPriorityFactory.build(
                priority=h.priority, host=h.host, title="Other", action_plan=h.action_plan
            )
        ),
    ),
    "an action belongs to a plan": lambda: _save(
        f.ActionFactory.build(plan=None, owner=f.PersonFactory())
    ),
    "action number unique in plan": lambda: (
        a := f.ActionFactory(),
        _save(f.ActionFactory.build(plan=a.plan, number=a.number, owner=a.owner)),
    ),
    "action status": lambda: _save(
        f.ActionFactory.build(
            plan=f.ActionPlanFactory(), owner=f.PersonFactory(), status="forgotten"
        )
    ),
    "complete action has a completion date": lambda: _save(
        f.ActionFactory.build(
            plan=f.ActionPlanFactory(), owner=f.PersonFactory(), status="complete"
        )
    ),
    "open action has no completion date": lambda: _save(
        f.ActionFactory.build(
            plan=f.ActionPlanFactory(),
            owner=f.PersonFactory(),
            completed_on=datetime.date(2007, 12, 1),
        )
    ),
    "original and current due dates together": lambda: _save(
        f.ActionFactory.build(plan=f.ActionPlanFactory(), owner=f.PersonFactory(), due_date=None)
    ),
    "progress update rating": lambda: _save(
        f.ProgressUpdateFactory.build(action=f.ActionFactory(), rag="blue")
    ),
    # risks
    "register kind": lambda: _save(f.RiskRegisterFactory.build(kind="galaxy")),
    "component register names its component": lambda: _save(
        f.RiskRegisterFactory.build(kind="component")
    ),
    "partner register names no component": lambda: _save(
        f.RiskRegisterFactory.build(
            kind="partner", partner=f.PartnerFactory(), component=f.ComponentFactory()
        )
    ),
    "one register per component": lambda: (
        r := f.RiskRegisterFactory(kind="component", component=f.ComponentFactory()),
        _save(f.RiskRegisterFactory.build(kind="component", component=r.component)),
    ),
    "one trust-wide register": lambda: (
        f.RiskRegisterFactory(kind="trust"),
        _save(f.RiskRegisterFactory.build(kind="trust")),
    ),
    "review interval at least a month": lambda: _save(
        f.RiskRegisterFactory.build(review_interval_months=0)
    ),
    "risk reference unique in register": lambda: (
        r := f.RiskFactory(),
        _save(f.RiskFactory.build(register=r.register, reference=r.reference, owner=r.owner)),
    ),
    "risk status": lambda: _save(
        f.RiskFactory.build(
            register=f.RiskRegisterFactory(), owner=f.PersonFactory(), status="gone"
        )
    ),
    # recommendations
    "level rank unique in scale": lambda: (
        s := f.PriorityScaleFactory(),
        _save(s.levels.model(scale=s, rank=1, label="Another")),
    ),
    "level rank positive": lambda: (
        s := f.PriorityScaleFactory(levels=[("!", "Only")]),
        _save(s.levels.model(scale=s, rank=0, label="Zero")),
    ),
    "audit title unique on a date": lambda: (
        a := f.AuditFactory(),
        _save(
            f.AuditFactory.build(
                title=a.title, report_date=a.report_date, priority_scale=a.priority_scale
            )
        ),
    ),
    "recommendation number unique in audit": lambda: (
        r := f.RecommendationFactory(number="4"),
        _save(
            f.RecommendationFactory.build(
                audit=r.audit, number="4", priority=r.priority, action_plan=None
            )
        ),
    ),
    "recommendation number not blank": lambda: (
        a := f.AuditFactory(),
        _save(
            f.RecommendationFactory.build(
                audit=a, number="", priority=a.priority_scale.levels.first(), action_plan=None
            )
        ),
    ),
    "recommendation status": lambda: (
        a := f.AuditFactory(),
        _save(
            f.RecommendationFactory.build(
                audit=a, status="lost", priority=a.priority_scale.levels.first(), action_plan=None
            )
        ),
    ),
}

SCORE_FIELDS = [
    "inherent_likelihood",
    "inherent_impact",
    "residual_likelihood",
    "residual_impact",
    "target_likelihood",
    "target_impact",
]


@pytest.mark.django_db
@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_database_refuses_a_record_that_breaks_the_rule(case):
    with pytest.raises(IntegrityError), transaction.atomic():
        CASES[case]()


@pytest.mark.django_db
@pytest.mark.parametrize("field", SCORE_FIELDS)
@pytest.mark.parametrize("value", [0, 6])
def test_risk_scores_are_between_one_and_five(field, value):
    risk = f.RiskFactory.build(register=f.RiskRegisterFactory(), owner=f.PersonFactory())
    setattr(risk, field, value)
    with pytest.raises(IntegrityError), transaction.atomic():
        risk.save()


@pytest.mark.django_db
def test_valid_records_of_every_factory_save():
    # The other cases only prove something if the unbroken record is accepted.
    for factory in (
        f.MembershipFactory,
        f.AttendanceFactory,
        f.IndicatorValueFactory,
        f.ProgressUpdateFactory,
        f.RiskControlFactory,
        f.HostedPriorityFactory,
        f.RecommendationFactory,
        f.OutcomeFactory,
        f.TermsOfReferenceFactory,
        f.MemorandumSectionFactory,
        f.KeyRoleFactory,
    ):
        assert factory().pk


@pytest.mark.django_db
def test_recommendation_priority_must_come_from_the_audits_scale():
    rec = f.RecommendationFactory()
    other_scale = f.PriorityScaleFactory(levels=[("H", "High"), ("L", "Low")])
    rec.priority = other_scale.levels.first()
    with pytest.raises(ValidationError) as error:
        record_save(rec)
    assert "priority" in error.value.message_dict


@pytest.mark.django_db
def test_priority_outcome_must_come_from_the_same_plan():
    priority = f.PriorityFactory()
    priority.outcome = f.OutcomeFactory()  # of another plan
    with pytest.raises(ValidationError) as error:
        record_save(priority)
    assert "outcome" in error.value.message_dict


@pytest.mark.django_db
def test_membership_represents_the_members_own_organisation():
    membership = f.MembershipFactory()
    membership.represents = f.PartnerFactory()  # not the person's organisation
    with pytest.raises(ValidationError) as error:
        record_save(membership)
    assert "represents" in error.value.message_dict


@pytest.mark.django_db
def test_the_write_path_reports_a_broken_constraint_as_a_message_not_a_crash():
    rec = f.RecommendationFactory(number="4")
    duplicate = f.RecommendationFactory.build(
        audit=rec.audit, number="4", priority=rec.priority, action_plan=None
    )
    with pytest.raises(ValidationError) as error:
        record_save(duplicate)
    assert "already has a recommendation with this number" in str(error.value)
