"""Pages that gather everything: the dashboard, My actions, Recent changes (top layer)."""

import datetime

from django import forms
from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator
from django.db.models import Count
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView, View

from partners import attendance
from partners.attendance import partner_summary
from partners.filters import MyActionFilterSet
from partners.models import Action, HostedPriority, Partner
from partners.querysets import ACTION_CARRIERS, partner_boards
from risks.models import RiskRegister
from risks.querysets import register_gaps
from trust import clock
from trust.changes import changes_window, recent_changes, tracked_models
from trust.forms import GovukForm
from trust.generic import PageView
from trust.models import Component, User
from trust.permissions import lands_on_partner_home, may_restore, sees_everything
from trust.services import RestoreError, record_restore

from ..models import PriorityLevel, Recommendation, RecommendationStatus


def status_by_priority(recommendations):
    """Rows of (priority level, [count per status], total) for the recommendations given, the
    totals per status over all levels, and the grand total."""
    counts = {
        (level, status): n
        for level, status, n in recommendations.order_by()
        .values_list("priority", "status")
        .annotate(n=Count("pk"))
    }
    levels = PriorityLevel.objects.filter(pk__in={level for level, _ in counts}).select_related(
        "scale"
    )
    rows = []
    for level in levels.order_by("scale__name", "rank"):
        cells = [counts.get((level.pk, status), 0) for status in RecommendationStatus.values]
        rows.append((level, cells, sum(cells)))
    totals = [sum(row[1][i] for row in rows) for i in range(len(RecommendationStatus.values))]
    return rows, totals, sum(totals)


class DashboardView(LoginRequiredMixin, TemplateView):
    template_name = "recommendations/dashboard.html"
    listed = 10

    def get_context_data(self, **kwargs):
        user, today = self.request.user, clock.today()
        days = settings.TRUST["DUE_SOON_DAYS"]
        actions = (
            Action.objects.restrict(user)
            .select_related("owner__partner", *ACTION_CARRIERS)
            .with_schedule()
        )
        overdue = actions.overdue(today).order_by("due_date", "pk")
        due_soon = actions.due_soon(today, days).order_by("due_date", "pk")
        rows, totals, total = status_by_priority(Recommendation.objects.restrict(user))
        # Flags computed over the actions the user may see, like every count on the page.
        hosted = HostedPriority.objects.restrict(user).select_related("host", "priority")
        components = Component.objects.restrict(user).select_related("risk_register")
        return super().get_context_data(
            status_rows=rows,
            status_totals=totals,
            status_total=total,
            statuses=RecommendationStatus.choices,
            overdue_count=overdue.count(),
            overdue_actions=overdue[: self.listed],
            due_soon_count=due_soon.count(),
            due_soon=due_soon[: self.listed],
            due_soon_days=days,
            hosted_attention=hosted.needing_attention(actions, today),
            register_gaps=register_gaps(components, RiskRegister.objects.restrict(user), today),
            changes=recent_changes(user, limit=8, accounts=False),
            attendance=attendance.summary(attendance.period_named(None)),
            **kwargs,
        )


class MyActionsView(PageView):
    template_name = "recommendations/my_actions.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        person = getattr(user, "person", None)
        actions = Action.objects.none()
        if person is not None:
            actions = (
                Action.objects.restrict(user)
                .filter(owner=person)
                .select_related("owner__partner", *ACTION_CARRIERS)
                .with_schedule()
                .overdue_first(clock.today())
            )
        filterset = MyActionFilterSet(self.request.GET, queryset=actions, request=self.request)
        # With a filter that is not valid its error is shown beside it and nothing is listed.
        actions = filterset.qs if filterset.is_valid() else actions.none()
        page = Paginator(actions, 50).get_page(self.request.GET.get("page"))
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            person=person,
            filter=filterset,
            filtered=any(v for k, v in self.request.GET.items() if k != "page"),
            query_string=query.urlencode(),
            page_obj=page,
            actions=page.object_list,
            **kwargs,
        )


class RecentChangesForm(GovukForm):
    record_type = forms.ChoiceField(label="Record type", required=False)
    changed_by = forms.ModelChoiceField(
        queryset=User.objects.all(), required=False, empty_label="Anyone"
    )
    partner = forms.ModelChoiceField(
        queryset=Partner.objects.all(),
        required=False,
        empty_label="Any partner",
        label="By people of",
    )
    since = forms.DateField(
        label="From",
        required=False,
        widget=forms.DateInput(
            attrs={"type": "date", "class": "govuk-input govuk-input--width-10"}
        ),
    )
    until = forms.DateField(
        label="To",
        required=False,
        validators=[MaxValueValidator(datetime.date(9999, 12, 30))],
        widget=forms.DateInput(
            attrs={"type": "date", "class": "govuk-input govuk-input--width-10"}
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.models = {m._meta.label_lower: m for m in tracked_models()}
        self.fields["record_type"].choices = [("", "Any record")] + sorted(
            ((key, m._meta.verbose_name.capitalize()) for key, m in self.models.items()),
            key=lambda choice: choice[1],
        )
        if not sees_everything(self.user):
            # Partner staff filter only by themselves: other people's names are not shared.
            self.fields["changed_by"].queryset = User.objects.filter(
                pk=getattr(self.user, "pk", None)
            )

    def filters(self):
        """What ``changes_window`` is asked for: the record type, who, and the days chosen."""
        data, tz = self.cleaned_data, timezone.get_current_timezone()
        since, until = data["since"], data["until"]
        return {
            "model": self.models.get(data["record_type"]),
            "actor": data["changed_by"],
            "actor_partner": data["partner"],
            "since": datetime.datetime.combine(since, datetime.time.min, tz) if since else None,
            "until": datetime.datetime.combine(
                until + datetime.timedelta(days=1), datetime.time.min, tz
            )
            if until
            else None,
        }


class RecentChangesView(PageView):
    template_name = "recommendations/recent_changes.html"
    per_page = 50

    def get_context_data(self, **kwargs):
        user = self.request.user
        form = RecentChangesForm(self.request.GET or None, user=user)
        filters = form.filters() if form.is_valid() else {}
        try:
            page = min(max(int(self.request.GET.get("page", 1)), 1), 100_000)
        except ValueError:
            page = 1
        entries, has_next = changes_window(
            user, limit=self.per_page, offset=(page - 1) * self.per_page, **filters
        )
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            form=form,
            entries=entries,
            page=page,
            has_next=has_next,
            query_string=query.urlencode(),
            filtered=any(v for k, v in self.request.GET.items() if k != "page"),
            can_restore=may_restore(user),
            **kwargs,
        )


class PartnerHomeView(LoginRequiredMixin, TemplateView):
    """A partner organisation's page: what it hosts, what it owns, where it sits."""

    template_name = "recommendations/partner_home.html"
    listed = 20

    def get_context_data(self, **kwargs):
        user, today = self.request.user, clock.today()
        partner = Partner.objects.get(pk=user.partner_id)
        hosted = list(
            HostedPriority.objects.restrict(user)
            .filter(host=partner)
            .select_related("priority", "monitoring_component")
            .with_plan_progress(today, user)
        )
        for item in hosted:
            item.missing_items = item.missing(has_actions=bool(item.actions_total))
        contributed = (
            HostedPriority.objects.restrict(user)
            .filter(contributors=partner)
            .exclude(host=partner)
            .select_related("host", "priority")
            .with_plan_progress(today, user)
        )
        actions = (
            Action.objects.restrict(user)
            .of_partner(partner)
            .select_related("owner__partner", *ACTION_CARRIERS)
            .with_schedule()
            .overdue_first(today)
        )
        return super().get_context_data(
            partner=partner,
            attendance_summary=partner_summary(partner),
            hosted=hosted,
            contributed=contributed,
            action_count=actions.count(),
            actions=actions[: self.listed],
            boards=partner_boards(partner, today),
            **kwargs,
        )


def home(request, *args, **kwargs):
    """Partner staff land on their organisation's page; everyone else on the dashboard."""
    user = request.user
    if lands_on_partner_home(user):
        return PartnerHomeView.as_view()(request, *args, **kwargs)
    return DashboardView.as_view()(request, *args, **kwargs)


class RestoreView(LoginRequiredMixin, View):
    """DCS staff bring back a deleted record from its history (POST only)."""

    def post(self, request, label, history_id):
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError):
            raise Http404 from None
        if model not in tracked_models():
            raise Http404
        if not may_restore(request.user, model):
            raise PermissionDenied
        deletion = get_object_or_404(model.history, history_id=history_id)
        try:
            obj = record_restore(model, deletion, by=request.user)
        except RestoreError as error:
            messages.error(request, f"Not restored: {error}")
            return HttpResponseRedirect(reverse("recent_changes"))
        messages.success(request, f"{model._meta.verbose_name.capitalize()} {obj} restored.")
        return HttpResponseRedirect(obj.get_absolute_url())
