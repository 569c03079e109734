"""Pages of the risk registers and their risks: read-only but for recording a register's review.

Recommendations belong to the layer above; they are read here only through the reverse
relation it declares (``risk.recommendations``), narrowed by the same ``restrict``.
"""

from django.contrib import messages
from django.db.models import Prefetch

from partners.carriers import ActionPlan, CarrierMixin
from partners.models import HostedPriority, Partner, Person
from partners.sections import discussed_at
from trust.generic import ObjectChangeView, ObjectDetailView, ObjectHistoryView, ObjectListView
from trust.models import Component
from trust.sections import EDIT, Block, Field, RecommendationsOf, Related, Summary, Text

from . import services
from .filters import RiskRegisterFilterSet
from .forms import RegisterReviewForm
from .models import Risk, RiskRegister
from .querysets import components_without_register, hosts_without_register
from .tables import RiskRegisterTable


def owner_named(name="owner"):
    """The owner with their organisation: a record the user may open names its owner."""
    return Prefetch(name, queryset=Person.objects.select_related("partner"))


class RiskRegisterListView(ObjectListView):
    model = RiskRegister
    filterset_class = RiskRegisterFilterSet
    table_class = RiskRegisterTable

    def optimise(self, queryset):
        user = self.request.user
        return (
            queryset.select_related("component", "partner")
            .prefetch_related(owner_named())
            .with_open_risks(Risk.objects.restrict(user))
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["components_without_register"] = components_without_register(
            Component.objects.restrict(user)
        )
        context["hosts_without_register"] = hosts_without_register(
            Partner.objects.restrict(user), HostedPriority.objects.restrict(user)
        )
        return context


def months(register):
    n = register.review_interval_months
    return f"{n} month{'' if n == 1 else 's'}"


class RiskRegisterDetailView(ObjectDetailView):
    model = RiskRegister
    page_title = "{object} – Risk registers"
    actions = (EDIT, ("Record a review", "risks:riskregister_review", "can_change"))
    sections = [
        Summary(
            "kind",
            Field("Register of", lambda r: r, include="risks/register_of.html", as_="register"),
            Field("Owner", "owner", include="risks/owner.html", as_="owner"),
            Field("Reviewed every", months),
            Field("Last reviewed", "last_reviewed", empty="Never"),
            Field("Next review", lambda r: r, include="risks/next_review.html", as_="register"),
        ),
        Text(None, "description", narrow=True),
        Related(
            "Risks",
            "risks/register_risks.html",
            "risks",
            register=lambda view, context: view.object,
            empty="This register has no risks{scope}.",
        ),
    ]

    def optimise(self, queryset):
        return queryset.select_related("component", "partner").prefetch_related(owner_named())

    def get_context_data(self, **kwargs):
        risks = self.object.risks.restrict(self.request.user).prefetch_related(owner_named())
        return super().get_context_data(risks=risks, **kwargs)


class RiskRegisterReviewView(ObjectChangeView):
    """Record that the register was reviewed: its next review falls due from that date."""

    model = RiskRegister
    form_class = RegisterReviewForm
    title = "Record a review"
    stale_fields = ("last_reviewed",)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "register": self.object}

    def apply(self, form):
        data = form.cleaned_data
        services.register_reviewed(
            self.object,
            on=data["reviewed_on"],
            reason=data["reason"],
            by=self.request.user,
            expected_version=data["version"],
        )
        messages.success(self.request, "Review recorded. The next review is due from its date.")


class RiskRegisterHistoryView(ObjectHistoryView):
    model = RiskRegister


class RiskMixin:
    model = Risk


NONE = "No controls have been recorded for this risk."
NO_CONTINGENCY = "No contingency plan has been recorded."


# The sections of the memorandum of understanding that say they mitigate it.
MITIGATED_BY = Related(
    "Memorandum sections that mitigate it",
    "risks/risk_sections.html",
    "visible_memorandum_sections",
    as_="sections",
    empty="No section of the memorandum of understanding mitigates this risk.",
)


class RiskDetailView(RiskMixin, CarrierMixin, ObjectDetailView):
    page_title = "{object} – {object.register}"
    select_related = ("register", "action_plan")
    prefetch_related = (owner_named(),)
    visible_related = {
        "controls": (),
        "hosted_priorities": ("host", "priority"),
        "memorandum_sections": ("memorandum",),
        "recommendations": ("audit",),
    }
    sections = [
        Summary(
            Field("Register", "register", text="{0.name}"),
            Field("Status", include="risks/risk_status.html", as_="risk"),
            Field("Owner", "owner", include="risks/owner.html", as_="owner"),
            Field("Review date", "review_date", empty="Not set"),
            Field("Cause", "cause"),
            Field("Consequence", "consequence"),
        ),
        Block("risks/risk_scores.html", "Scores"),
        Related("Existing controls", "risks/risk_controls.html", "visible_controls", empty=NONE),
        Text("Contingency plan", "contingency_plan", empty=NO_CONTINGENCY),
        ActionPlan("Further actions", caption="Further actions of this risk"),
        Related(
            "Linked hosted priorities",
            "risks/risk_hosted.html",
            "visible_hosted_priorities",
            empty="This risk is not linked to a hosted priority{scope}.",
        ),
        MITIGATED_BY,
        RecommendationsOf(
            "Linked audit recommendations",
            key="visible_recommendations",
            caption="Audit recommendations linked to this risk",
            empty="This risk is not linked to an audit recommendation{scope}.",
        ),
        discussed_at("risk"),
    ]


class RiskHistoryView(RiskMixin, ObjectHistoryView):
    pass
