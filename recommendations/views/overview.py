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
from django.db.models import Count, Exists, F, OuterRef, Q, Window
from django.db.models.functions import RowNumber
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView, View

from partners.filters import MyActionFilterSet
from partners.models import Action, Attendance, HostedPriority, Membership, Partner
from partners.querysets import ACTION_CARRIERS, overdue_q
from risks.models import RiskRegister
from trust import clock
from trust.changes import changes_window, recent_changes, tracked_models
from trust.forms import GovukForm
from trust.generic import PageView
from trust.models import Component, Meeting, User
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
        user = self.request.user
        today = clock.today()
        soon = today + datetime.timedelta(days=settings.TRUST["DUE_SOON_DAYS"])
        overdue = overdue_q(today)
        actions = (
            Action.objects.restrict(user)
            .select_related("owner__partner", *ACTION_CARRIERS)
            .with_schedule()
        )
        overdue_actions = actions.filter(overdue).order_by("due_date", "pk")
        due_soon = actions.open().exclude(overdue).filter(due_date__gte=today, due_date__lte=soon)
        rows, totals, total = status_by_priority(Recommendation.objects.restrict(user))

        # Flags computed over the actions the user may see, like every count on the page.
        late_plan = actions.filter(overdue, plan=OuterRef("action_plan"))
        any_action = actions.filter(plan=OuterRef("action_plan"))
        hosted = (
            HostedPriority.objects.restrict(user)
            .select_related("host", "priority")
            .annotate(has_actions=Exists(any_action), is_late=Exists(late_plan))
            .filter(Q(has_actions=False) | Q(is_late=True))
        )
        components = Component.objects.restrict(user).select_related("risk_register")
        visible_registers = set(RiskRegister.objects.restrict(user).values_list("pk", flat=True))
        register_gaps = []
        for component in components:
            register = getattr(component, "risk_register", None)
            if register is None:
                register_gaps.append((component, "No risk register", None))
            elif register.next_review_date is None or register.next_review_date < today:
                # The gap is shared with everyone; the register itself only with who may see it.
                shown = register if register.pk in visible_registers else None
                register_gaps.append((component, "Review overdue", shown))
        return super().get_context_data(
            status_rows=rows,
            status_totals=totals,
            status_total=total,
            statuses=RecommendationStatus.choices,
            overdue_count=overdue_actions.count(),
            overdue_actions=overdue_actions[: self.listed],
            due_soon_count=due_soon.count(),
            due_soon=due_soon.order_by("due_date", "pk")[: self.listed],
            due_soon_days=settings.TRUST["DUE_SOON_DAYS"],
            hosted_attention=hosted,
            register_gaps=register_gaps,
            changes=recent_changes(user, limit=8, accounts=False),
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


class RecentChangesView(PageView):
    template_name = "recommendations/recent_changes.html"
    per_page = 50

    def get_context_data(self, **kwargs):
        user = self.request.user
        form = RecentChangesForm(self.request.GET or None, user=user)
        filters = {}
        if form.is_valid():
            data = form.cleaned_data
            tz = timezone.get_current_timezone()
            filters = {
                "model": form.models.get(data["record_type"]),
                "actor": data["changed_by"],
                "actor_partner": data["partner"],
                "since": datetime.datetime.combine(data["since"], datetime.time.min, tz)
                if data["since"]
                else None,
                "until": datetime.datetime.combine(
                    data["until"] + datetime.timedelta(days=1), datetime.time.min, tz
                )
                if data["until"]
                else None,
            }
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
        user = self.request.user
        today = clock.today()
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
        ours = Q(owner__partner=partner) | Q(plan__hosted_priority__host=partner)
        actions = (
            Action.objects.restrict(user)
            .filter(pk__in=Action.objects.filter(ours).values("pk"))
            .select_related("owner__partner", *ACTION_CARRIERS)
            .with_schedule()
            .overdue_first(today)
        )
        return super().get_context_data(
            partner=partner,
            attendance=Partner.objects.with_attendance(today).get(pk=partner.pk),
            hosted=hosted,
            contributed=contributed,
            action_count=actions.count(),
            actions=actions[: self.listed],
            boards=self.boards(partner, today),
            **kwargs,
        )

    def boards(self, partner, today):
        """The components the partner sits on, each with recent and upcoming meetings."""
        seats = (
            Membership.objects.filter(partner=partner, ended__isnull=True)
            .select_related("component", "representative")
            .order_by("component__order", "component__name")
        )
        components = {}
        for seat in seats:
            components.setdefault(seat.component, []).append(seat)
        meetings = Meeting.objects.filter(component__in=list(components))
        nth = RowNumber()
        # Meetings are listed nearest first: the last three held and the next three to come.
        recent = list(
            meetings.filter(date__lt=today)
            .annotate(n=Window(nth, partition_by=F("component"), order_by=F("date").desc()))
            .filter(n__lte=3)
            .order_by("-date")
        )
        upcoming = list(
            meetings.filter(date__gte=today)
            .annotate(n=Window(nth, partition_by=F("component"), order_by=F("date").asc()))
            .filter(n__lte=3)
            .order_by("date")
        )
        attended = dict(
            Attendance.objects.filter(
                partner=partner, meeting__in=[m.pk for m in recent]
            ).values_list("meeting", "status")
        )
        labels = dict(Attendance.Status.choices)
        for meeting in recent:
            meeting.our_status = labels.get(attended.get(meeting.pk), "Not recorded")
        board_rows = []
        for component, component_seats in components.items():
            board_rows.append(
                {
                    "component": component,
                    "seats": component_seats,
                    "recent": [m for m in recent if m.component_id == component.pk],
                    "upcoming": [m for m in upcoming if m.component_id == component.pk],
                }
            )
        return board_rows


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
