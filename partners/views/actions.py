from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse

from trust import clock
from trust.generic import (
    ObjectDeleteView,
    ObjectDetailView,
    ObjectEditView,
    ObjectFormView,
    ObjectHistoryView,
    ObjectListView,
    add_refusal,
    current_values,
)
from trust.permissions import ADD, CHANGE, REPORT, VIEW, user_can
from trust.sections import EDIT, Field, RecentHistory, Related, Summary
from trust.services import STALE_EDIT, StaleEditError

from .. import services
from ..carriers import ProgressUpdates
from ..filters import ActionFilterSet
from ..forms import ActionForm, ActionSlipForm, ProgressUpdateForm, StatusForm, WithdrawForm
from ..models import Action, ActionStatus, HostedPriority, ProgressUpdate
from ..querysets import ACTION_CARRIERS


def carrier_crumbs(carrier):
    """Breadcrumbs down to an action plan's carrier (a recommendation, priority or risk)."""
    if carrier is None:
        return []
    crumbs = []
    audit = getattr(carrier, "audit", None)
    if audit is not None:
        crumbs = [
            ("Audits", reverse("recommendations:audit_list")),
            (str(audit), audit.get_absolute_url()),
        ]
    register = getattr(carrier, "register", None)
    if register is not None:
        crumbs = [
            ("Risk registers", reverse("risks:riskregister_list")),
            (str(register), register.get_absolute_url()),
        ]
    # A carrier under an audit or register is named by the crumb before it; a hosted priority
    # stands alone, so its crumb says what it is.
    name = str(carrier) if crumbs else carrier.display_name
    return [*crumbs, (name, carrier.get_absolute_url())]


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
            Field("Owner", "owner", text="{0.name} ({0.partner})", link=False),
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

    def parent_crumbs(self, obj=None):
        return carrier_crumbs(obj.plan.carrier) if obj else []

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

    def parent_crumbs(self, obj=None):
        return carrier_crumbs(self.get_carrier())

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

    def parent_crumbs(self, obj=None):
        return carrier_crumbs(obj.plan.carrier) if obj else []


class ActionFormMixin(ObjectFormView):
    """A named change to an action (slip, status) through its service, refusing stale edits."""

    model = Action
    template_name = "generic/object_edit.html"
    title = ""
    # Shown as "what is stored now" when someone else changed the record meanwhile.
    stale_fields = ("status", "due_date")

    def optimise(self, queryset):
        return queryset.select_related("owner__partner", *ACTION_CARRIERS)

    def apply(self, form):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            self.apply(form)
        except StaleEditError as error:
            form.add_error(None, STALE_EDIT)
            stale = current_values(error.current, self.stale_fields)
            return self.render_to_response(self.get_context_data(form=form, stale=stale))
        except ValidationError as error:
            add_refusal(form, error)
            return self.form_invalid(form)
        return HttpResponseRedirect(self.object.get_absolute_url())

    def parent_crumbs(self, obj=None):
        return carrier_crumbs(obj.plan.carrier) if obj else []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            object=self.object, title=self.title, cancel_url=self.object.get_absolute_url()
        )
        return context


class ActionSlipView(ActionFormMixin):
    action = CHANGE
    form_class = ActionSlipForm
    title = "Change the due date"

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


class ActionStatusView(ActionFormMixin):
    """DCS staff set any status; partner staff may only mark their own actions complete."""

    action = REPORT
    form_class = StatusForm
    title = "Change the status"

    def full_control(self):
        return user_can(self.request.user, CHANGE, Action)

    def get_form_kwargs(self):
        choices = (
            ActionStatus.choices
            if self.full_control()
            else [(ActionStatus.COMPLETE, ActionStatus.COMPLETE.label)]
        )
        return {
            **super().get_form_kwargs(),
            "choices": choices,
            "current": self.object.status,
            "version": self.object.version,
        }

    def apply(self, form):
        data = form.cleaned_data
        services.action_set_status(
            self.object,
            status=data["status"],
            reason=data["reason"],
            by=self.request.user,
            expected_version=data.get("version"),
        )
        messages.success(
            self.request, f"Status changed to {ActionStatus(data['status']).label.lower()}."
        )


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

    def parent_crumbs(self, obj=None):
        action = self.get_action()
        return [*carrier_crumbs(action.plan.carrier), (str(action), action.get_absolute_url())]

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

    def parent_crumbs(self, obj=None):
        if obj is None:
            return []
        action = obj.action
        return [*carrier_crumbs(action.plan.carrier), (str(action), action.get_absolute_url())]


class ProgressUpdateUpdateView(ProgressUpdateMixin, ObjectEditView):
    """Its author or DCS staff correct an update entered by mistake, saying why."""

    form_class = ProgressUpdateForm

    def get_breadcrumbs(self):
        return [("Home", reverse("home")), *self.parent_crumbs(self.object)]

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

    def parent_crumbs(self, obj=None):
        return carrier_crumbs(obj.plan.carrier) if obj else []


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
