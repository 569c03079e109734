"""Pages of how the partnership is arranged: the structure page (what sits under what, who
reports to whom), reporting lines, the bodies outside the partnership and the functions.
Beside ``trust/views.py``, which holds the components' own pages."""

from django.urls import reverse

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
from .sections import Field, Related, Summary, Text
from .structure import structure_tree
from .tables import ExternalBodyTable, FunctionTable
from .views import received_messages


class StructureView(PageView):
    """The partnership's components as a tree (what sits under what) with their reporting
    lines, drawn as nested boxes and told as a nested list."""

    template_name = "trust/structure.html"

    def get_context_data(self, **kwargs):
        components = Component.objects.restrict(self.request.user).with_structure()
        context = super().get_context_data(tree=structure_tree(components), **kwargs)
        context["breadcrumbs"].append(("Components", reverse("trust:component_list")))
        return context


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
