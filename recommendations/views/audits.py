from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse

from partners.carriers import ActionPlan, CarrierMixin, ProgressUpdates
from partners.models import Person
from partners.views import ActionCreateView, ActionFormMixin
from risks.models import Risk
from trust import clock
from trust.generic import (
    ObjectDeleteView,
    ObjectDetailView,
    ObjectEditView,
    ObjectHistoryView,
    ObjectListView,
)
from trust.permissions import ADD, CHANGE, VIEW, user_can
from trust.sections import Block, Field, RecentHistory, Related, Summary, Text, add_button

from .. import services
from ..exports import DEFAULT_COMMITTEE
from ..filters import AuditFilterSet, RecommendationFilterSet
from ..forms import AuditForm, RecommendationForm, RecommendationStatusForm
from ..models import Audit, Recommendation, RecommendationStatus, Verification

# A recommendation names its officers with their organisation, wherever it is shown.
OFFICERS = Prefetch("responsible_officers", queryset=Person.objects.select_related("partner"))


def audit_crumbs(audit):
    return [
        ("Audits", reverse("recommendations:audit_list")),
        (str(audit), audit.get_absolute_url()),
    ]


class AuditListView(ObjectListView):
    model = Audit
    filterset_class = AuditFilterSet

    def optimise(self, queryset):
        return queryset.select_related("priority_scale").with_counts(self.request.user)


class AuditDetailView(ObjectDetailView):
    model = Audit
    # What the download form shows: set to what was sent when a download is refused, so the
    # corrected form downloads the file asked for, not the defaults.
    download = None
    sections = [
        Summary(
            "auditor",
            "audited_body",
            "report_date",
            Field("reference", hide_empty=True),
            Field("Priority scale", "priority_scale", link=False),
            narrow=False,
        ),
        Text(None, "summary"),
        Block("recommendations/audit_tools.html"),
        Related(
            "Recommendations",
            "recommendations/recommendation_rows.html",
            "recommendations",
            empty="This audit has no recommendations yet.",
            show_audit=False,
            today=lambda view, context: clock.today(),
            button=add_button(
                "Add a recommendation", "recommendations:recommendation_create", Recommendation
            ),
        ),
    ]

    def optimise(self, queryset):
        return queryset.select_related("priority_scale")

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            download=self.download or {"format": "xlsx", "committee": DEFAULT_COMMITTEE},
            recommendations=Recommendation.objects.restrict(user)
            .filter(audit=self.object)
            .select_related("priority")
            .prefetch_related(OFFICERS)
            .with_progress(user),
            **kwargs,
        )


class AuditEditView(ObjectEditView):
    model = Audit
    form_class = AuditForm


class AuditDeleteView(ObjectDeleteView):
    model = Audit


class AuditHistoryView(ObjectHistoryView):
    model = Audit


class RecommendationListView(ObjectListView):
    model = Recommendation
    filterset_class = RecommendationFilterSet

    def optimise(self, queryset):
        return (
            queryset.select_related("audit", "priority")
            .prefetch_related(OFFICERS)
            .with_progress(self.request.user)
        )


class RecommendationMixin:
    model = Recommendation

    def optimise(self, queryset):
        return queryset.select_related("audit__priority_scale", "priority", "action_plan")

    def parent_crumbs(self, obj=None):
        return audit_crumbs(obj.audit) if obj else []


class RecommendationDetailView(RecommendationMixin, CarrierMixin, ObjectDetailView):
    page_title = "{object.display_name}"
    caption = "{object.audit}"
    heading = "Recommendation {object.number}"
    sections = [
        Block("recommendations/recommendation_status.html"),
        Summary(
            "audit",
            Field("Report section", "section", empty="—"),
            Field("Recommendation", "text"),
            Field("Management response", "management_response", empty="—"),
            Field("Responsibility and timescale (as written)", "responsibility", empty="—"),
            Field("Timescale (as written)", "timescale", empty="—"),
            Field("Dates it means", "due_dates", sep="; ", empty="No date (ongoing)"),
            Field("Responsible officers", "officers", empty="None named"),
            Field("Components", "components", link=False, empty="—"),
            Field(
                "Linked recommendations",
                "visible_related",
                as_="linked",
                include="recommendations/linked_recommendations.html",
            ),
            Field(
                "Auditor's verification",
                key="verifications",
                as_="verifications",
                include="recommendations/verifications.html",
            ),
            Field(
                "Linked risks",
                "visible_risks",
                as_="risks",
                include="recommendations/linked_risks.html",
            ),
            narrow=False,
        ),
        ActionPlan(empty="There is no action plan yet.", no_plan="There is no action plan yet."),
        ProgressUpdates(),
        RecentHistory(full_link="Full history of recommendation {object.number}"),
    ]

    def optimise(self, queryset):
        user = self.request.user
        return (
            super()
            .optimise(queryset)
            .prefetch_related(
                "components",
                # Its officers are named with their organisation, as on every page that shows
                # it; linked records only as far as the user may see them.
                Prefetch(
                    "responsible_officers",
                    queryset=Person.objects.select_related("partner"),
                    to_attr="officers",
                ),
                Prefetch(
                    "related",
                    queryset=Recommendation.objects.restrict(user).select_related("audit"),
                    to_attr="visible_related",
                ),
                Prefetch(
                    "risks",
                    queryset=Risk.objects.restrict(user).select_related("register"),
                    to_attr="visible_risks",
                ),
            )
        )

    def get_actions(self, context):
        url = partial(reverse, args=[self.object.pk])
        status = [("Change status", url("recommendations:recommendation_status"), False)]
        verify = [("Record a verification", url("recommendations:verification_create"), False)]
        return [
            *super().get_actions(context),
            *(status if context["can_change"] else []),
            *(verify if user_can(self.request.user, ADD, Verification) else []),
        ]

    def get_context_data(self, **kwargs):
        rec, user = self.object, self.request.user
        context = super().get_context_data(
            verifications=Verification.objects.restrict(user)
            .filter(recommendation=rec)
            .select_related("auditor"),
            **kwargs,
        )
        if context["can_change"]:  # drawn from every action: for those who see them all
            context["implied_status"] = RecommendationStatus(rec.implied_status())
        return context


class RecommendationCreateView(RecommendationMixin, ObjectEditView):
    form_class = RecommendationForm

    def get_audit(self):
        if not hasattr(self, "_audit"):
            user = self.request.user
            audit = get_object_or_404(
                Audit.objects.restrict(user, VIEW), pk=self.kwargs["audit_pk"]
            )
            if not Audit.objects.restrict(user, CHANGE).filter(pk=audit.pk).exists():
                raise PermissionDenied
            self._audit = audit
        return self._audit

    def new_object(self):
        return Recommendation(audit=self.get_audit())

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "audit": self.get_audit()}

    def parent_crumbs(self, obj=None):
        return audit_crumbs(self.get_audit())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = self.get_audit().get_absolute_url()
        return context


class RecommendationUpdateView(RecommendationMixin, ObjectEditView):
    form_class = RecommendationForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "audit": self.object.audit}


class RecommendationStatusView(RecommendationMixin, ActionFormMixin):
    action = CHANGE
    form_class = RecommendationStatusForm
    title = "Change the status"
    stale_fields = ("status",)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "choices": RecommendationStatus.choices,
            "current": self.object.status,
            "version": self.object.version,
            "action_statuses": self.object.action_statuses(),
        }

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:  # its actions moved on since the form was shown
            form.add_error("reason", error)
            return self.form_invalid(form)

    def apply(self, form):
        data = form.cleaned_data
        services.recommendation_set_status(
            self.object,
            status=data["status"],
            reason=data["reason"],
            by=self.request.user,
            expected_version=data.get("version"),
        )
        messages.success(
            self.request, f"Status changed to {RecommendationStatus(data['status']).label.lower()}."
        )


class RecommendationDeleteView(RecommendationMixin, ObjectDeleteView):
    def get_success_url(self):
        return self.object.audit.get_absolute_url()


class RecommendationHistoryView(RecommendationMixin, ObjectHistoryView):
    pass


class RecommendationActionCreateView(ActionCreateView):
    carrier_model = Recommendation
