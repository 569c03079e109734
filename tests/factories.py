"""factory-boy factories, one per model, lowest layer first.

They save through ``Model.save()`` (factory-boy's default), which records history like any
other write; tests of the write path itself use ``trust.services`` directly.
"""

import datetime

import factory
from factory.django import DjangoModelFactory

from partners import models as partners
from recommendations import models as recs
from risks import models as risks
from trust import models as trust
from trust.permissions import Role


class UserFactory(DjangoModelFactory):
    class Meta:
        model = trust.User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"User {n}")
    role = Role.DCS
    password = factory.django.Password("correct horse battery staple")


class ComponentFactory(DjangoModelFactory):
    class Meta:
        model = trust.Component

    name = factory.Sequence(lambda n: f"Board {n}")
    short_name = factory.Sequence(lambda n: f"B{n}")
    function = factory.LazyFunction(lambda: function_named("Commissioning"))

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        # A function may be given by its name in lower case, as tests wrote it when
        # functions were choices ("safeguarding"): it is then the function of that name.
        if isinstance(kwargs.get("function"), str):
            kwargs["function"] = function_named(kwargs["function"].capitalize())
        return kwargs


class MeetingFactory(DjangoModelFactory):
    class Meta:
        model = partners.Meeting

    component = factory.SubFactory(ComponentFactory)
    date = factory.Sequence(lambda n: datetime.date(2007, 1, 1) + datetime.timedelta(days=7 * n))
    title = factory.LazyAttribute(lambda o: f"{o.component.name} meeting")
    status = "held"


class AgendaItemFactory(DjangoModelFactory):
    class Meta:
        model = partners.AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    order = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Item {n}")


class DecisionFactory(DjangoModelFactory):
    class Meta:
        model = partners.Decision

    meeting = factory.SubFactory(MeetingFactory)
    reference = factory.Sequence(lambda n: f"D/{n}")
    wording = "Agreed."


class KeyMessageFactory(DjangoModelFactory):
    class Meta:
        model = partners.KeyMessage

    meeting = factory.SubFactory(MeetingFactory)
    message = "The board agreed its priorities."
    to_body = factory.SubFactory("tests.factories.ExternalBodyFactory")


def function_named(name):
    """The function of that name, made on first use (functions are the partnership's data)."""
    return trust.Function.objects.get_or_create(name=name)[0]


class FunctionFactory(DjangoModelFactory):
    class Meta:
        model = trust.Function

    name = factory.Sequence(lambda n: f"Function {n}")
    description = "What components of this kind do."


class ExternalBodyFactory(DjangoModelFactory):
    class Meta:
        model = trust.ExternalBody

    name = factory.Sequence(lambda n: f"Area committee {n}")
    kind = "Area committee"


class ReportingLineFactory(DjangoModelFactory):
    class Meta:
        model = trust.ReportingLine

    from_component = factory.SubFactory("tests.factories.ComponentFactory")
    to_body = factory.SubFactory(ExternalBodyFactory)
    note = "Minutes and key messages."


class SectorFactory(DjangoModelFactory):
    class Meta:
        model = trust.Sector

    name = factory.Sequence(lambda n: f"Sector {n}")
    description = "Organisations of this kind."


class PlanFactory(DjangoModelFactory):
    class Meta:
        model = trust.Plan

    title = factory.Sequence(lambda n: f"Children and Young People's Plan {n}")
    start_year = 2006
    end_year = 2009


class OutcomeFactory(DjangoModelFactory):
    class Meta:
        model = trust.Outcome

    plan = factory.SubFactory(PlanFactory)
    name = factory.Sequence(lambda n: f"Outcome {n}")


class PriorityFactory(DjangoModelFactory):
    class Meta:
        model = trust.Priority

    plan = factory.SubFactory(PlanFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Priority {n}")


class IndicatorFactory(DjangoModelFactory):
    class Meta:
        model = trust.Indicator

    priority = factory.SubFactory(PriorityFactory)
    name = factory.Sequence(lambda n: f"Indicator {n}")
    unit = "%"
    baseline = 10
    target = 20


class IndicatorValueFactory(DjangoModelFactory):
    class Meta:
        model = trust.IndicatorValue

    indicator = factory.SubFactory(IndicatorFactory)
    period = "2007/08"
    period_end = datetime.date(2008, 3, 31)
    value = 12


# The sectors tests name by a short key ("police"): the demo's names for them.
SECTOR_NAMES = {
    "local_authority": "Local authority",
    "health": "Health",
    "police": "Police",
    "education": "Education and schools",
    "voluntary": "Voluntary, community and faith sector",
    "other": "Other",
}


def sector(key: str) -> trust.Sector:
    """The sector a test names by its short key, created on first use."""
    return trust.Sector.objects.get_or_create(name=SECTOR_NAMES.get(key, key))[0]


class PartnerFactory(DjangoModelFactory):
    class Meta:
        model = partners.Partner

    name = factory.Sequence(lambda n: f"Partner organisation {n}")
    sector = factory.LazyFunction(lambda: sector("health"))

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        if isinstance(kwargs.get("sector"), str):
            kwargs["sector"] = sector(kwargs["sector"])
        return kwargs


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = partners.Person

    partner = factory.SubFactory(PartnerFactory)
    name = factory.Sequence(lambda n: f"Officer {n}")


class MembershipRoleFactory(DjangoModelFactory):
    class Meta:
        model = trust.MembershipRole
        django_get_or_create = ("name",)

    name = "Member"
    order = 40


def chair_role(name="Chair"):
    """The role that chairs a component's meetings (co-chairs: ``chair_role("Co-chair")``)."""
    return MembershipRoleFactory(name=name, is_chair=True, order=10)


class TermsOfReferenceFactory(DjangoModelFactory):
    class Meta:
        model = partners.TermsOfReference

    component = factory.SubFactory(ComponentFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = "The board meets quarterly."
    agreed = datetime.date(2007, 3, 14)
    review_date = datetime.date(2009, 3, 31)
    quorum_min_members = 4
    quorum_min_partners = 2


class MemorandumFactory(DjangoModelFactory):
    class Meta:
        model = partners.Memorandum

    title = "Memorandum of understanding"
    number = factory.Sequence(lambda n: n + 1)
    agreed = datetime.date(2008, 4, 1)


class MemorandumSectionFactory(DjangoModelFactory):
    class Meta:
        model = partners.MemorandumSection

    memorandum = factory.SubFactory(MemorandumFactory)
    order = factory.Sequence(lambda n: n)
    heading = factory.Sequence(lambda n: f"Section {n}")
    text = "What the partners agree."


class KeyRoleFactory(DjangoModelFactory):
    class Meta:
        model = partners.KeyRole

    title = factory.Sequence(lambda n: f"Key role {n}")
    person = factory.SubFactory(PersonFactory)
    responsibilities = "Leads the partnership."
    started = datetime.date(2006, 9, 1)


class MembershipFactory(DjangoModelFactory):
    """A person's seat on a component, representing their own organisation (pass
    ``represents`` alone for a seat of someone of that partner, ``person`` and ``represents``
    together, or ``represents=None`` with a person for an independent member)."""

    class Meta:
        model = partners.Membership

    component = factory.SubFactory(ComponentFactory)
    represents = factory.SubFactory(PartnerFactory)
    person = factory.LazyAttribute(
        lambda o: PersonFactory(partner=o.represents) if o.represents else PersonFactory()
    )
    role = factory.SubFactory(MembershipRoleFactory)


class AttendanceFactory(DjangoModelFactory):
    class Meta:
        model = partners.Attendance

    meeting = factory.SubFactory(MeetingFactory)
    person = None
    # The person's organisation; a row of a partner and no person when none is given (as
    # recorded before attendance was per person).
    partner = factory.LazyAttribute(
        lambda o: o.person.partner if o.person is not None else PartnerFactory()
    )
    status = partners.AttendanceStatus.PRESENT


class ActionPlanFactory(DjangoModelFactory):
    class Meta:
        model = partners.ActionPlan


class HostedPriorityFactory(DjangoModelFactory):
    class Meta:
        model = partners.HostedPriority

    priority = factory.SubFactory(PriorityFactory)
    title = factory.Sequence(lambda n: f"Improvement area {n}")
    host = factory.SubFactory(PartnerFactory)
    kind = partners.HostingKind.HOSTED
    action_plan = factory.SubFactory(ActionPlanFactory)


class ActionFactory(DjangoModelFactory):
    class Meta:
        model = partners.Action

    plan = factory.SubFactory(ActionPlanFactory)
    number = factory.Sequence(lambda n: n + 1)
    description = factory.Sequence(lambda n: f"Step {n}")
    owner = factory.SubFactory(PersonFactory)
    timescale = "December 2007"
    original_due_date = datetime.date(2007, 12, 31)
    due_date = datetime.date(2007, 12, 31)


class ProgressUpdateFactory(DjangoModelFactory):
    class Meta:
        model = partners.ProgressUpdate

    action = factory.SubFactory(ActionFactory)
    date = datetime.date(2007, 11, 15)
    note = "Work under way."
    rag = partners.Rag.AMBER


class RiskRegisterFactory(DjangoModelFactory):
    class Meta:
        model = risks.RiskRegister

    name = factory.Sequence(lambda n: f"Project register {n}")
    kind = risks.RegisterKind.PROJECT


class RiskFactory(DjangoModelFactory):
    class Meta:
        model = risks.Risk

    register = factory.SubFactory(RiskRegisterFactory)
    reference = factory.Sequence(lambda n: f"R-{n:02d}")
    title = factory.Sequence(lambda n: f"Risk {n}")
    inherent_likelihood = 4
    inherent_impact = 4
    residual_likelihood = 3
    residual_impact = 3
    target_likelihood = 2
    target_impact = 2
    owner = factory.SubFactory(PersonFactory)


class RiskControlFactory(DjangoModelFactory):
    class Meta:
        model = risks.RiskControl

    risk = factory.SubFactory(RiskFactory)
    description = "Quarterly review at the board."


class PriorityScaleFactory(DjangoModelFactory):
    class Meta:
        model = recs.PriorityScale
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Residual risk scale {n}")

    @factory.post_generation
    def levels(self, create, extracted, **kwargs):
        if not create:
            return
        for rank, (symbol, label) in enumerate(
            extracted
            or [
                ("***", "Significant residual risk"),
                ("**", "Some residual risk"),
                ("*", "Little residual risk"),
            ],
            start=1,
        ):
            recs.PriorityLevel.objects.create(scale=self, rank=rank, symbol=symbol, label=label)


class AuditFactory(DjangoModelFactory):
    class Meta:
        model = recs.Audit

    title = factory.Sequence(lambda n: f"Partnership working audit {n}")
    auditor = "Audit firm LLP"
    audited_body = "A council"
    report_date = datetime.date(2007, 11, 1)
    priority_scale = factory.SubFactory(PriorityScaleFactory)


class RecommendationFactory(DjangoModelFactory):
    class Meta:
        model = recs.Recommendation

    audit = factory.SubFactory(AuditFactory)
    number = factory.Sequence(lambda n: str(n + 1))
    section = "3.3"
    text = factory.Sequence(lambda n: f"The Director should do thing {n}.")
    priority = factory.LazyAttribute(lambda o: o.audit.priority_scale.levels.order_by("rank")[1])
    timescale = "December 2007"
    action_plan = factory.SubFactory(ActionPlanFactory)


def partner_user(partner=None, **kwargs):
    """A partner staff login linked to a named officer of ``partner``."""
    person = PersonFactory(partner=partner or PartnerFactory())
    user = UserFactory(role=Role.PARTNER, **kwargs)
    person.user = user
    person.save()
    return user


# A minimal PDF: what the type check reads is its first bytes.
PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def attachment(record, by=None, *, name="evidence.pdf", content=PDF_BYTES, **kwargs):
    """A file attached to ``record`` through the service, as the upload page does."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from trust.services import attachment_add

    by = by or UserFactory(username="files-dcs", role=Role.DCS)
    return attachment_add(record, SimpleUploadedFile(name, content), by=by, **kwargs)
