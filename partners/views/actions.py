from django.contrib import messages

from trust import clock
from trust.generic import (
    ObjectAddUnderView,
    ObjectChangeView,
    ObjectDeleteView,
    ObjectDetailView,
    ObjectEditView,
    ObjectHistoryView,
    ObjectListView,
    ObjectStatusView,
)
from trust.permissions import ADD, CHANGE, REPORT, user_can
from trust.sections import EDIT, Field, RecentHistory, Related, Summary

from .. import services
from ..carriers import ProgressUpdates
from ..filters import ActionFilterSet
from ..forms import ActionForm, ActionSlipForm, ProgressUpdateForm, StatusForm, WithdrawForm
from ..models import Action, ActionStatus, HostedPriority, ProgressUpdate
from ..querysets import ACTION_CARRIERS
from ..tables import ActionTable

SAME = "The due date has not changed."


def of_carrier(action):
    return f" of {action.carrier_name}" if action.carrier_name else ""


def not_before_for(carrier):
    """The earliest sensible due date for actions of this carrier: an audit's report date."""
    audit = getattr(carrier, "audit", None)
    return ("the date of the audit report", audit.report_date) if audit is not None else None


class ActionListView(ObjectListView):
    model = Action
    filterset_class = ActionFilterSet
    table_class = ActionTable

    def optimise(self, queryset):
        return (
            queryset.select_related("owner__partner", *ACTION_CARRIERS)
            .with_schedule()
            .overdue_first(clock.today())
        )


class ActionDetailView(ObjectDetailView):
    model = Action
    object_label = "action {object.number}"
    actions = (
        ("Add a progress update", "partners:progressupdate_create", "can_report", "primary"),
        ("Change status", "partners:action_status", "can_report"),
        ("Change due date", "partners:action_slip", "can_change"),
        EDIT,
    )
    sections = [
        Summary(
            Field("For", "plan.carrier", text="{object.carrier_name}", empty="—"),
            Field("Action", "description"),
            Field("Owner", "owner", text="{0.named}", link=False),
            Field("Timescale (as written)", "timescale", empty="—"),
            Field("Original due date", "original_due_date", empty="Ongoing"),
            Field("Current due date", include="partners/action_due.html"),
            Field("Times slipped", "slip_count"),
            Field("Status", include="partners/action_status.html"),
            narrow=False,
        ),
        Related("Due date changes", "partners/due_date_changes.html", "date_changes", empty=SAME),
        ProgressUpdates(show_action=False),
        RecentHistory(limit=10, full_link=None),
    ]

    def optimise(self, queryset):
        return queryset.select_related("owner__partner", *ACTION_CARRIERS).with_schedule()

    page_title = staticmethod(lambda action: f"{action} – {action.carrier_name or 'Action'}")
    caption = staticmethod(lambda action: f"Action {action.number}{of_carrier(action)}")

    def get_context_data(self, **kwargs):
        action, user = self.object, self.request.user
        return super().get_context_data(
            can_report=self.can(REPORT, action) and user_can(user, ADD, ProgressUpdate),
            **ProgressUpdate.objects.filter(action=action).for_action_page(user),
            date_changes=action.date_changes.restrict(user).select_related("agreed_by__partner"),
            **kwargs,
        )


class ActionCreateView(ObjectAddUnderView):
    """Add an action to a carrier's plan; subclasses name the carrier model."""

    model = Action
    form_class = ActionForm
    parent_kwarg = "carrier_pk"
    template_name = "partners/action_form.html"
    title = "Add an action"

    def new_object(self):
        return Action(plan=self.get_parent().action_plan)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "not_before": not_before_for(self.get_parent())}

    def save(self, form):
        data = form.cleaned_data
        fields = ("description", "owner", "timescale", "due_date")
        return services.action_create(
            carrier=self.get_parent(),
            **{name: data[name] for name in fields},
            by=self.request.user,
            reason=data.get("change_reason", ""),
        )

    success_message = "Action {object.number} added."

    def get_success_url(self, obj=None):
        return self.get_parent().get_absolute_url()

    def get_context_data(self, **kwargs):
        return super().get_context_data(carrier=self.get_parent(), **kwargs)


class ActionUpdateView(ObjectEditView):
    model = Action
    form_class = ActionForm

    def optimise(self, queryset):
        return queryset.select_related(*ACTION_CARRIERS)


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


class ProgressUpdateCreateView(ObjectAddUnderView):
    model = ProgressUpdate
    form_class = ProgressUpdateForm
    template_name = "partners/progressupdate_form.html"
    parent_model = Action
    parent_kwarg = "action_pk"
    parent_field = "action"
    parent_action = REPORT
    parent_related = ("owner__partner", *ACTION_CARRIERS)
    title = "Add a progress update"

    def save(self, form):
        data = form.cleaned_data
        return services.progress_update_report(
            self.get_parent(),
            **{name: data[name] for name in ("date", "note", "rag")},
            complete=data.get("mark_complete", False),
            by=self.request.user,
        )

    success_message = "Progress update added."

    def get_success_url(self, obj=None):
        return self.get_parent().get_absolute_url()

    def get_context_data(self, **kwargs):
        return super().get_context_data(action=self.get_parent(), **kwargs)


class ProgressUpdateMixin:
    """An existing progress update, reached through its action's page."""

    model = ProgressUpdate

    def optimise(self, queryset):
        return queryset.select_related(*(f"action__{c}" for c in ACTION_CARRIERS))


class ProgressUpdateUpdateView(ProgressUpdateMixin, ObjectEditView):
    """Its author or DCS staff correct an update entered by mistake, saying why."""

    form_class = ProgressUpdateForm

    title = "Correct a progress update"
    success_message = "Progress update corrected. The history keeps what it said before."


class ProgressUpdateWithdrawView(ProgressUpdateMixin, ObjectDeleteView):
    """Its author or DCS staff withdraw an update entered by mistake, saying why."""

    form_class = WithdrawForm
    template_name = "partners/progressupdate_withdraw.html"
    deleted_message = "Progress update withdrawn. The action's history keeps it and why."
    title = "Withdraw a progress update"


class ActionHistoryView(ObjectHistoryView):
    model = Action


class ActionDeleteView(ObjectDeleteView):
    model = Action


class HostedPriorityActionCreateView(ActionCreateView):
    parent_model = HostedPriority
