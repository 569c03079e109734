"""Pages of the trust's structure and plan: components, meetings, plans, priorities.

Memberships, attendance, hosted priorities, risk registers and recommendations belong to the
layers above; this layer reads them only through the reverse relations those layers declare
(by name), and narrows them with the same ``restrict`` every page uses.
"""

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db.models import (
    BooleanField,
    Count,
    ExpressionWrapper,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
)
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views import View

from . import clock
from .filters import (
    ComponentFilterSet,
    MembershipRoleFilterSet,
    PriorityFilterSet,
    SectorFilterSet,
)
from .forms import AttachmentForm
from .generic import (
    ObjectDeleteView,
    ObjectDetailView,
    ObjectEditView,
    ObjectHistoryView,
    ObjectListView,
    ObjectMixin,
)
from .models import (
    Attachment,
    Component,
    Indicator,
    MembershipRole,
    Plan,
    Priority,
    ReportingLine,
    Sector,
    attachment_kinds,
)
from .permissions import ADD, may_attach, user_can
from .querysets import current_seat_q
from .sections import Block, Field, RecommendationsOf, Related, Summary, Text, add_button
from .services import attachment_add, attachment_remove
from .structure import chair
from .structure_views import governing_documents, received_messages
from .tables import ComponentTable, MembershipRoleTable, PriorityTable, SectorTable
from .trails import model_url

RECENT_MEETINGS = 10


def related_model(model, name):
    """The model at the other end of ``model.<name>``, a relation a higher layer declares."""
    return model._meta.get_field(name).related_model


HAS_REGISTER = ExpressionWrapper(Q(risk_register__isnull=False), output_field=BooleanField())


# --- Components ---------------------------------------------------------------------------


class ComponentListView(ObjectListView):
    model = Component
    filterset_class = ComponentFilterSet
    table_class = ComponentTable
    related_lists = (
        "trust.Function",
        "trust.ExternalBody",
        "trust.MembershipRole",
        "partners.TermsOfReference",
        "partners.Memorandum",
        "partners.KeyRole",
    )

    def optimise(self, queryset):
        terms = related_model(Component, "terms_of_reference")  # declared in partners
        in_force = terms.objects.filter(component=OuterRef("pk")).in_force_on(clock.today())
        return queryset.select_related("function", "parent").annotate(
            member_count=Count(
                "memberships__represents",
                filter=current_seat_q(clock.today(), "memberships__"),
                distinct=True,
            ),
            has_register=HAS_REGISTER,
            governed_by=Subquery(in_force.values("kind")[:1]),
        )


NO_MEMBERS = "This component has no member partners recorded."


def add_member(view, context):
    """The members' "Add a member" button, for those who may change the component and add
    memberships (declared in ``partners``, found through the relation)."""
    membership = related_model(Component, "memberships")
    if context.get("can_change") and user_can(view.request.user, ADD, membership):
        return "Add a member", model_url(membership, "create", view.object.pk)
    return None


def add_meeting(view, context):
    """The meetings' "Add a meeting" button, for those who may change the component and add
    meetings (declared in ``partners``, found through the relation)."""
    meeting = related_model(Component, "meetings")
    if context.get("can_change") and user_can(view.request.user, ADD, meeting):
        return "Add a meeting", model_url(meeting, "create", view.object.pk)
    return None


NO_MESSAGES_RECEIVED = "No key messages have been recorded as relayed to {object}."

# The component page's parts (declared here: the list is longer than a view should be).
COMPONENT_SECTIONS = [
    Summary(
        Field("short_name", hide_empty=True),
        Field("function", link=False),
        Field("parent", hide_empty=True),
        Field("Governed by", key="terms", include="trust/governed_by.html", as_="terms"),
        Field("Chair", chair),
        Field("Risk register", include="trust/component_register.html", as_="component"),
    ),
    Block("trust/component_no_register.html", narrow=True),
    Text("Purpose", "purpose", narrow=True),
    Text("Statutory basis", "statutory_basis", narrow=True),
    Text("Description", "description", empty="No description has been recorded.", narrow=True),
    Related(
        "Components under it",
        "trust/component_children.html",
        "children_shown",
        when=lambda view, context: view.object.children_shown,
    ),
    Related(
        "Reporting lines",
        "trust/component_reporting.html",
        "lines_shown",
        empty="No reporting lines are recorded for this component.",
        button=add_button("Add a reporting line", "trust:reportingline_create", ReportingLine),
    ),
    Block("trust/component_document.html", narrow=True),
    Related(
        "Members",
        "trust/component_members.html",
        "current_memberships",
        empty=NO_MEMBERS,
        button=add_member,
    ),
    Related(
        "Former members",
        "trust/component_former_members.html",
        "former_memberships",
        empty="No member of this component has left it.",
    ),
    Block("trust/component_meetings.html", "Meetings", button=add_meeting),
    Block("trust/component_attendance.html", "Attendance"),
    Related(
        "Key messages received",
        "partners/key_messages.html",
        "key_messages_received_shown",
        as_="messages",
        empty=NO_MESSAGES_RECEIVED,
    ),
    RecommendationsOf(
        "Audit recommendations about this component",
        key="visible_recommendations",
        caption="Audit recommendations that concern {object}",
        empty="No audit recommendations concern this component{scope}.",
    ),
]


class ComponentDetailView(ObjectDetailView):
    model = Component
    visible_related = {"risk_register": (), "recommendations": ("audit",)}
    page_title = "{object} – Components"
    sections = COMPONENT_SECTIONS

    def optimise(self, queryset):
        today = clock.today()
        queryset = queryset.with_register().with_current_members(today).with_former_members(today)
        return queryset.with_structure()

    def get_context_data(self, **kwargs):
        meeting = related_model(Component, "meetings")
        meetings = meeting.objects.restrict(self.request.user).filter(component=self.object)
        attendance = meetings.attendance_summary()
        meetings = meetings.select_related("chair__partner").with_attendance_counts()
        meetings = meetings.timeline(clock.today(), RECENT_MEETINGS)
        terms = governing_documents(self.object, self.request.user)
        context = super().get_context_data(
            meetings=meetings,
            attendance=attendance,
            key_messages_received_shown=received_messages(self.object),
            **terms,
            **kwargs,
        )
        if add_meeting(self, context):
            context["meeting_series_url"] = model_url(meeting, "series", self.object.pk)
        return context


class ComponentEditView(ObjectEditView):
    model = Component
    fields = (
        "name",
        "short_name",
        "function",
        "purpose",
        "statutory_basis",
        "description",
        "parent",
        "order",
    )


class ComponentDeleteView(ObjectDeleteView):
    model = Component


class ComponentHistoryView(ObjectHistoryView):
    model = Component


# --- The plan, its outcomes and priorities ------------------------------------------------


class PlanDetailView(ObjectDetailView):
    model = Plan
    prefetch_related = (
        Prefetch("outcomes__priorities", queryset=Priority.objects.order_by("number")),
        Prefetch(
            "priorities",
            queryset=Priority.objects.filter(outcome__isnull=True).order_by("number"),
            to_attr="without_outcome",
        ),
    )
    page_title = "{object} – Plans"
    sections = [
        Summary(
            Field("Years", lambda plan: f"{plan.start_year} to {plan.end_year}"),
            Field("Outcomes", lambda plan: len(plan.outcomes.all())),
            narrow=False,
        ),
        Block("trust/plan_outcomes.html"),
    ]


class PlanHistoryView(ObjectHistoryView):
    model = Plan


def hosted_model():
    return related_model(Priority, "hosted")


class PriorityListView(ObjectListView):
    model = Priority
    filterset_class = PriorityFilterSet
    table_class = PriorityTable

    def optimise(self, queryset):
        visible = hosted_model().objects.restrict(self.request.user).values("pk")
        return queryset.select_related("plan", "outcome").annotate(
            hosted_count=Count("hosted", filter=Q(hosted__in=visible), distinct=True)
        )

    def get_table(self, rows):
        self.plans = list(Plan.objects.restrict(self.request.user))
        table = super().get_table(rows)
        if len(self.plans) < 2:
            table.columns.hide("plan")
        return table

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["plans"] = self.plans
        return context


class PriorityDetailView(ObjectDetailView):
    model = Priority
    select_related = ("plan", "outcome")
    prefetch_related = (Prefetch("indicators", queryset=Indicator.objects.with_latest_value()),)
    page_title = "Priority {object.number}: {object} – Priorities"
    sections = [
        Summary(
            Field("Number", "number"),
            Field("Plan", "plan"),
            Field("Outcome", "outcome", link=False, empty="Not linked to an outcome"),
            narrow=False,
        ),
        Related(
            "Indicators",
            "trust/priority_indicators.html",
            "indicators",
            empty="This priority has no indicators recorded.",
        ),
        Related(
            "Hosted priorities",
            "trust/priority_hosted.html",
            "hosted_priorities",
            empty="No partner hosts this priority{scope}.",
        ),
    ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["hosted_priorities"] = (
            self.object.hosted.restrict(self.request.user)
            .select_related("host", "monitoring_component")
            .order_by("title")
        )
        return context


class PriorityHistoryView(ObjectHistoryView):
    model = Priority


# --- Sectors ------------------------------------------------------------------------------


class SectorListView(ObjectListView):
    model = Sector
    filterset_class = SectorFilterSet
    table_class = SectorTable


class SectorDetailView(ObjectDetailView):
    model = Sector
    sections = [Summary("name", "order"), Text("Description", "description", narrow=True)]


class SectorEditView(ObjectEditView):
    model = Sector
    fields = ("name", "description", "order")


class SectorDeleteView(ObjectDeleteView):
    model = Sector


class SectorHistoryView(ObjectHistoryView):
    model = Sector


# --- Membership roles ---------------------------------------------------------------------


class MembershipRoleListView(ObjectListView):
    model = MembershipRole
    filterset_class = MembershipRoleFilterSet
    table_class = MembershipRoleTable


class MembershipRoleDetailView(ObjectDetailView):
    model = MembershipRole
    sections = [
        Summary("name", "is_chair", "order"),
        Text("Description", "description", narrow=True),
    ]


class MembershipRoleEditView(ObjectEditView):
    model = MembershipRole
    fields = ("name", "description", "is_chair", "order")


class MembershipRoleDeleteView(ObjectDeleteView):
    model = MembershipRole


class MembershipRoleHistoryView(ObjectHistoryView):
    model = MembershipRole


# --- Files attached to records ------------------------------------------------------------


def attached_record(user, label, pk):
    """The record ``<app_label>.<model_name>`` ``pk`` as ``user`` may see it; 404 for a kind
    of record that takes no files, or a record out of their scope."""
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        raise Http404 from None
    if not attachment_kinds(model):
        raise Http404
    return get_object_or_404(model.objects.restrict(user), pk=pk)


class AttachmentMixin:
    model = Attachment

    def get_success_url(self, obj=None):
        return (obj or self.object).get_absolute_url()


class AttachmentCreateView(AttachmentMixin, ObjectEditView):
    form_class = AttachmentForm

    def new_object(self):
        user = self.request.user
        record = attached_record(user, self.kwargs["record"], self.kwargs["record_pk"])
        if not may_attach(user, record):
            raise PermissionDenied
        return Attachment(record=record)

    def save(self, form):
        data = form.cleaned_data
        return attachment_add(
            self.object.record,
            data["file"],
            data["title"],
            by=self.request.user,
            reason=data["change_reason"],
            kind=data["kind"],
            description=data["description"],
        )

    def get_success_message(self, obj):
        return f"{obj.original_filename} attached."

    def get_context_data(self, **kwargs):
        record = self.object.record
        return super().get_context_data(**kwargs) | {
            "title": f"Attach a file to {record}",
            "cancel_url": f"{record.get_absolute_url()}#attachments",
        }


class AttachmentDownloadView(AttachmentMixin, ObjectMixin, View):
    """The file, to those who may see its record; ``nosniff`` and ``attachment`` so a
    browser saves it rather than running what it might guess it is."""

    def get(self, request, *args, **kwargs):
        attachment = self.get_object()
        try:
            handle = attachment.file.open("rb")
        except FileNotFoundError:
            raise Http404 from None
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=attachment.original_filename,
            content_type=attachment.mime_type,
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response


class AttachmentDeleteView(AttachmentMixin, ObjectDeleteView):
    deleted_message = "{label} removed."

    def delete_record(self, *, reason):
        attachment_remove(self.object, by=self.request.user, reason=reason)


class AttachmentHistoryView(AttachmentMixin, ObjectHistoryView):
    pass
