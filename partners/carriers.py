"""The carriers of action plans (recommendations, hosted priorities, risks; later meetings):
one mixin gives any carrier's detail page its plan of actions, its progress updates and
"Add an action" for those who may add one.
"""

from trust.generic import model_url
from trust.permissions import ADD, user_can
from trust.sections import Section

from .models import Action, ProgressUpdate


class ActionPlan(Section):
    """The carrier's actions, "Add an action" beside the heading when the user may add."""

    template = "sections/action_plan.html"

    def __init__(
        self,
        heading="Action plan",
        *,
        caption="The action plan",
        empty="The action plan has no actions{scope}.",
        no_plan=None,
        show_summary=False,
        **options,
    ):
        super().__init__(heading, **options)
        self.caption, self.empty, self.no_plan = caption, empty, no_plan
        self.show_summary = show_summary

    def data(self, view, context):
        from trust.sections import scoped

        carrier = view.object
        kind, has_plan = carrier._meta.verbose_name, bool(carrier.action_plan_id)
        no_plan = self.no_plan or f"This {kind} has no action plan."
        return {
            "actions": context["actions"],
            "caption": self.caption,
            "summary": carrier.action_plan.summary
            if self.show_summary and carrier.action_plan_id
            else "",
            "empty": scoped(self.empty if has_plan else no_plan, carrier, context),
            "button": ("Add an action", context["add_action_url"])
            if context["can_add_action"]
            else None,
        }


class ProgressUpdates(Section):
    """The progress updates of the carrier's actions (or of one action), latest first."""

    template = "sections/progress_updates.html"

    def __init__(self, heading="Progress updates", *, show_action=True, **options):
        super().__init__(heading, **options)
        self.show_action = show_action

    def data(self, view, context):
        return {
            "updates": context["updates"],
            "show_action": self.show_action,
            "correctable": context.get("correctable_updates", ()),
            "withdrawable": context.get("withdrawable_updates", ()),
        }


class CarrierMixin:
    """For the detail view of a record carrying an action plan (``action_plan``)."""

    updates_limit = None

    def plan_actions(self):
        carrier = self.object
        if not carrier.action_plan_id:
            return Action.objects.none()
        return (
            Action.objects.restrict(self.request.user)
            .filter(plan=carrier.action_plan_id)
            .select_related("owner__partner")
            .with_schedule()
            .order_by("number")
        )

    def plan_updates(self):
        carrier = self.object
        if not carrier.action_plan_id:
            return []
        updates = (
            ProgressUpdate.objects.restrict(self.request.user)
            .filter(action__plan=carrier.action_plan_id)
            .select_related("action", "author__partner")
            .order_by("-date", "-pk")
        )
        return updates[: self.updates_limit] if self.updates_limit else updates

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["actions"] = self.plan_actions()
        context["updates"] = self.plan_updates()
        context["add_action_url"] = model_url(self.model, "action_create", self.object.pk)
        context["can_add_action"] = bool(
            context["add_action_url"]
            and user_can(self.request.user, ADD, Action)
            and context["can_change"]
        )
        return context
