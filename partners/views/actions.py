from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse

from trust import clock
from trust.changes import history_for
from trust.generic import (
    ObjectChangeView,
    ObjectDeleteView,
    ObjectDetailView,
    ObjectEditView,
    ObjectHistoryView,
    ObjectListView,
    ObjectStatusView,
)
from trust.permissions import ADD, CHANGE, DELETE, REPORT, VIEW, user_can

from .. import services
from ..filters import ActionFilterSet
from ..forms import ActionForm, ActionSlipForm, ProgressUpdateForm, StatusForm, WithdrawForm
from ..models import Action, ActionStatus, DueDateChange, HostedPriority, ProgressUpdate
from ..querysets import ACTION_CARRIERS


def not_before_for(carrier):
    """The earliest sensible due date for actions of this carrier: an audit's report date."""
    audit = getattr(carrier, "audit", None)
    return ("the date of the audit report", audit.report_date) if audit is not None else None


class ActionListView(ObjectListView):
    model = Action
    filterset_class = ActionFilterSet

    def optimise(self, queryset):
        return (
            queryset.select_related("owner__partner", *ACTION_CARRIERS)
            .with_schedule()
            .overdue_first(clock.today())
        )


class ActionDetailView(ObjectDetailView):
    model = Action

    def optimise(self, queryset):
        return queryset.select_related("owner__partner", *ACTION_CARRIERS).with_schedule()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        action = self.object
        user = self.request.user
        updates = ProgressUpdate.objects.restrict(user).filter(action=action)
        context["updates"] = updates.select_related("author__partner")
        context["correctable_updates"] = set(
            ProgressUpdate.objects.restrict(user, CHANGE)
            .filter(action=action)
            .values_list("pk", flat=True)
        )
        context["withdrawable_updates"] = set(
            ProgressUpdate.objects.restrict(user, DELETE)
            .filter(action=action)
            .values_list("pk", flat=True)
        )
        context["date_changes"] = (
            DueDateChange.objects.restrict(user)
            .filter(action=action)
            .select_related("agreed_by__partner")
        )
        context["can_report"] = self.can(REPORT, action) and user_can(user, ADD, ProgressUpdate)
        context["entries"] = history_for(action, user)[:10]
        return context


class ActionCreateView(ObjectEditView):
    """Add an action to a carrier's plan; subclasses name the carrier model."""

    model = Action
    form_class = ActionForm
    carrier_model = None
    template_name = "partners/action_form.html"

    def get_carrier(self):
        if not hasattr(self, "_carrier"):
            user = self.request.user
            carrier = get_object_or_404(
                self.carrier_model.objects.restrict(user, VIEW), pk=self.kwargs["carrier_pk"]
            )
            if not self.carrier_model.objects.restrict(user, CHANGE).filter(pk=carrier.pk).exists():
                raise PermissionDenied
            self._carrier = carrier
        return self._carrier

    def new_object(self):
        return Action(plan=self.get_carrier().action_plan)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "not_before": not_before_for(self.get_carrier())}

    def save(self, form):
        data = form.cleaned_data
        return services.action_create(
            carrier=self.get_carrier(),
            description=data["description"],
            owner=data["owner"],
            timescale=data["timescale"],
            due_date=data["due_date"],
            by=self.request.user,
            reason=data.get("change_reason", ""),
        )

    def get_success_message(self, obj):
        return f"Action {obj.number} added."

    def get_success_url(self, obj=None):
        return self.get_carrier().get_absolute_url()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = "Add an action"
        context["carrier"] = self.get_carrier()
        context["cancel_url"] = self.get_carrier().get_absolute_url()
        return context


class ActionUpdateView(ObjectEditView):
    model = Action
    form_class = ActionForm

    def optimise(self, queryset):
        return queryset.select_related(*ACTION_CARRIERS)

    def form_valid(self, form):
        self.due_date_note = form.due_date_note()
        return super().form_valid(form)

    def get_success_message(self, obj):
        return " ".join(filter(None, [super().get_success_message(obj), self.due_date_note]))


class ActionSlipView(ObjectChangeView):
    model = Action
    form_class = ActionSlipForm
    title = "Change the due date"
    stale_fields = ("status", "due_date")

    def optimise(self, queryset):
        return queryset.select_related("owner__partner", *ACTION_CARRIERS)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "action": self.object,
            "not_before": not_before_for(self.object.plan.carrier),
        }

    def apply(self, form):
        data = form.cleaned_data
        services.action_slip(
            self.object,
            new_date=data["new_date"],
            reason=data["reason"],
            agreed_by=data["agreed_by"],
            by=self.request.user,
            expected_version=data.get("version"),
        )
        messages.success(self.request, "Due date changed. The original date is kept.")


class ActionStatusView(ObjectStatusView):
    """DCS staff set any status; partner staff may only mark their own actions complete."""

    model = Action
    action = REPORT
    form_class = StatusForm
    status_service = staticmethod(services.action_set_status)
    stale_fields = ("status", "due_date")

    def optimise(self, queryset):
        return queryset.select_related("owner__partner", *ACTION_CARRIERS)

    def get_status_choices(self):
        if user_can(self.request.user, CHANGE, Action):
            return ActionStatus.choices
        return [(ActionStatus.COMPLETE, ActionStatus.COMPLETE.label)]


class ProgressUpdateCreateView(ObjectEditView):
    model = ProgressUpdate
    form_class = ProgressUpdateForm
    template_name = "partners/progressupdate_form.html"

    def get_action(self):
        if not hasattr(self, "_action"):
            user = self.request.user
            action = get_object_or_404(
                Action.objects.restrict(user).select_related("owner__partner", *ACTION_CARRIERS),
                pk=self.kwargs["action_pk"],
            )
            if not Action.objects.restrict(user, REPORT).filter(pk=action.pk).exists():
                raise PermissionDenied
            self._action = action
        return self._action

    def new_object(self):
        return ProgressUpdate(action=self.get_action())

    def save(self, form):
        action = self.get_action()
        user = self.request.user
        data = form.cleaned_data
        update = services.progress_update_add(
            action,
            date=data["date"],
            note=data["note"],
            rag=data["rag"],
            author=getattr(user, "person", None),
            by=user,
        )
        if data.get("mark_complete") and action.status != ActionStatus.COMPLETE:
            action.refresh_from_db()
            services.action_set_status(
                action,
                status=ActionStatus.COMPLETE,
                reason="Reported complete with a progress update",
                by=user,
                completed_on=data["date"],
            )
        return update

    def get_success_message(self, obj):
        return "Progress update added."

    def get_success_url(self, obj=None):
        return self.get_action().get_absolute_url()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = "Add a progress update"
        context["action"] = self.get_action()
        context["cancel_url"] = self.get_action().get_absolute_url()
        return context


class ProgressUpdateMixin:
    """An existing progress update, reached through its action's page."""

    model = ProgressUpdate

    def optimise(self, queryset):
        return queryset.select_related(*(f"action__{c}" for c in ACTION_CARRIERS))


class ProgressUpdateUpdateView(ProgressUpdateMixin, ObjectEditView):
    """Its author or DCS staff correct an update entered by mistake, saying why."""

    form_class = ProgressUpdateForm

    def get_success_message(self, obj):
        return "Progress update corrected. The history keeps what it said before."

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = "Correct a progress update"
        return context


class ProgressUpdateWithdrawView(ProgressUpdateMixin, ObjectDeleteView):
    """Its author or DCS staff withdraw an update entered by mistake, saying why."""

    form_class = WithdrawForm
    template_name = "partners/progressupdate_withdraw.html"
    deleted_message = "Progress update withdrawn. The action's history keeps it and why."

    def form_valid(self, form):
        self.action_url = self.object.action.get_absolute_url()
        return super().form_valid(form)

    def get_success_url(self):
        return self.action_url

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = "Withdraw a progress update"
        return context


class ActionHistoryView(ObjectHistoryView):
    model = Action


class ActionDeleteView(ObjectDeleteView):
    model = Action

    def get_success_url(self):
        return self.carrier_url

    def form_valid(self, form):
        carrier = self.object.plan.carrier
        self.carrier_url = (
            carrier.get_absolute_url() if carrier else reverse("partners:action_list")
        )
        return super().form_valid(form)


class HostedPriorityActionCreateView(ActionCreateView):
    carrier_model = HostedPriority
