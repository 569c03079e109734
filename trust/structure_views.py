"""Pages of how the partnership is arranged: the structure page (what sits under what, who
reports to whom), reporting lines, the bodies outside the partnership and the functions.
Beside ``trust/views.py``, which holds the components' own pages."""

from django.apps import apps
from django.urls import reverse

from . import clock
from .filters import ExternalBodyFilterSet, FunctionFilterSet
from .generic import (
    ObjectAddUnderView,
    ObjectDeleteView,
    ObjectDetailView,
    ObjectEditView,
    ObjectHistoryView,
    ObjectListView,
    PageView,
)
from .models import Component, ExternalBody, Function, ReportingLine
from .permissions import ADD, user_can
from .sections import Field, Related, Summary, Text
from .structure import chairs, structure_tree
from .tables import ExternalBodyTable, FunctionTable
from .trails import model_url


class StructureView(PageView):
    """The partnership's components as a tree (what sits under what) with their chairs and
    reporting lines, drawn as nested boxes and told as a nested list."""

    template_name = "trust/structure.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        visible = Component.objects.restrict(user)
        components = list(visible.with_structure().with_current_members(clock.today()))
        for component in components:
            component.chairs_shown = chairs(component)
        context = super().get_context_data(
            tree=structure_tree(components), key_roles=key_roles(user), **kwargs
        )
        context["breadcrumbs"].append(("Components", reverse("trust:component_list")))
        return context


def key_roles(user):
    """The key roles held today (the director, the lead member...), with who holds them:
    declared in ``partners``, found through the model registry."""
    model = apps.get_model("partners", "KeyRole")
    return model.objects.restrict(user).current(clock.today()).select_related("person__partner")


def governing_documents(component, user):
    """For a component's page: its terms of reference or constitution in force today
    (``terms``), how many versions there are, and the links to them. The versions are
    declared in ``partners`` and read here through the relation."""
    model = Component._meta.get_field("terms_of_reference").related_model
    versions = model.objects.restrict(user).filter(component=component)
    return {
        "terms": versions.in_force_on(clock.today()).prefetch_related("attachments").first(),
        "terms_count": versions.count(),
        "terms_list_url": f"{model_url(model, 'list')}?component={component.pk}",
        "terms_add_url": model_url(model, "create", component.pk)
        if user_can(user, ADD, model)
        else None,
    }


# --- Reporting lines and the bodies outside the partnership ---------------------------------


class ReportingLineCreateView(ObjectAddUnderView):
    model = ReportingLine
    fields = ("to_component", "to_body", "note")
    parent_model = Component
    parent_kwarg = "component_pk"
    parent_field = "from_component"
    title = "Add a reporting line from {parent}"
    success_message = "Reporting line added."


class ReportingLineDetailView(ObjectDetailView):
    model = ReportingLine
    select_related = ("from_component", "to_component", "to_body")
    sections = [
        Summary(
            Field("from_component"),
            Field("Reports to", "recipient"),
            Field("note", empty="Not recorded"),
        )
    ]


class ReportingLineUpdateView(ObjectEditView):
    model = ReportingLine
    fields = ("to_component", "to_body", "note")


class ReportingLineDeleteView(ObjectDeleteView):
    model = ReportingLine


class ReportingLineHistoryView(ObjectHistoryView):
    model = ReportingLine


class ExternalBodyListView(ObjectListView):
    model = ExternalBody
    filterset_class = ExternalBodyFilterSet
    table_class = ExternalBodyTable


class ExternalBodyDetailView(ObjectDetailView):
    model = ExternalBody
    prefetch_related = ("reports_received__from_component",)
    sections = [
        Summary("name", "kind"),
        Text("Notes", "notes", narrow=True),
        Related(
            "Components reporting to it",
            "trust/reports_received.html",
            "reports_received",
            empty="No component reports to this body.",
        ),
        Related(
            "Key messages received",
            "partners/key_messages.html",
            "key_messages_received_shown",
            as_="messages",
            empty="No key messages have been recorded as relayed to {object}.",
        ),
    ]

    def get_context_data(self, **kwargs):
        messages = received_messages(self.object)
        return super().get_context_data(key_messages_received_shown=messages, **kwargs)


class ExternalBodyEditView(ObjectEditView):
    model = ExternalBody
    fields = ("name", "kind", "notes")


class ExternalBodyDeleteView(ObjectDeleteView):
    model = ExternalBody


class ExternalBodyHistoryView(ObjectHistoryView):
    model = ExternalBody


# --- Functions ----------------------------------------------------------------------------


class FunctionListView(ObjectListView):
    model = Function
    filterset_class = FunctionFilterSet
    table_class = FunctionTable


class FunctionDetailView(ObjectDetailView):
    model = Function
    prefetch_related = ("components",)
    sections = [
        Summary("name", "order"),
        Text("Description", "description", narrow=True),
        Related(
            "Components with this function",
            "trust/function_components.html",
            "components",
            empty="No component has this function.",
        ),
    ]


class FunctionEditView(ObjectEditView):
    model = Function
    fields = ("name", "description", "order")


class FunctionDeleteView(ObjectDeleteView):
    model = Function


class FunctionHistoryView(ObjectHistoryView):
    model = Function


def received_messages(recipient):
    """The key messages relayed to a component or an external body, with their meetings."""
    return recipient.key_messages_received.select_related(
        "meeting__component", "to_component", "to_body", "sent_by__partner"
    ).order_by("-sent_on", "-pk")
