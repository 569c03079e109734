"""Pages of the trust's structure and plan: components, meetings, plans, priorities.

Memberships, attendance, hosted priorities, risk registers and recommendations belong to the
layers above; this layer reads them only through the reverse relations those layers declare
(by name), and narrows them with the same ``restrict`` every page uses.
"""

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db.models import (
    BooleanField,
    Case,
    Count,
    ExpressionWrapper,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views import View

from . import clock
from .filters import ComponentFilterSet, PriorityFilterSet
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
    IndicatorValue,
    Meeting,
    Plan,
    Priority,
    attachment_kinds,
)
from .permissions import may_attach
from .services import attachment_add, attachment_remove
from .tables import ComponentTable, PriorityTable

RECENT_MEETINGS = 10
PRESENT = Q(attendance__status="present")


def related_model(model, name):
    """The model at the other end of ``model.<name>``, a relation a higher layer declares."""
    return model._meta.get_field(name).related_model


HAS_REGISTER = ExpressionWrapper(Q(risk_register__isnull=False), output_field=BooleanField())


# --- Components ---------------------------------------------------------------------------


class ComponentListView(ObjectListView):
    model = Component
    filterset_class = ComponentFilterSet
    table_class = ComponentTable

    def optimise(self, queryset):
        return queryset.annotate(
            member_count=Count(
                "memberships__partner", filter=Q(memberships__ended__isnull=True), distinct=True
            ),
            has_register=HAS_REGISTER,
        )


class ComponentDetailView(ObjectDetailView):
    model = Component

    def optimise(self, queryset):
        user = self.request.user
        memberships = related_model(Component, "memberships")
        registers = related_model(Component, "risk_register")
        recommendations = related_model(Component, "recommendations")
        chair_first = Case(
            When(role="chair", then=Value(0)),
            When(role="vice_chair", then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
        return queryset.annotate(has_register=HAS_REGISTER).prefetch_related(
            Prefetch(
                "memberships",
                queryset=memberships.objects.filter(ended__isnull=True)
                # A shared record names its people: representatives, with their partner.
                .select_related("partner", "representative")
                .order_by(chair_first, "partner__name"),
                to_attr="current_memberships",
            ),
            Prefetch(
                "risk_register",
                queryset=registers.objects.restrict(user),
                to_attr="visible_risk_register",
            ),
            Prefetch(
                "recommendations",
                queryset=recommendations.objects.restrict(user).select_related("audit"),
                to_attr="visible_recommendations",
            ),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = clock.today()
        meetings = (
            Meeting.objects.restrict(self.request.user)
            .filter(component=self.object)
            .annotate(
                attended=Count("attendance", filter=PRESENT, distinct=True),
                recorded=Count("attendance", distinct=True),
            )
        )
        context["meeting_count"] = meetings.count()
        context["upcoming_meetings"] = meetings.filter(date__gte=today).order_by("date")
        context["recent_meetings"] = meetings.filter(date__lt=today).order_by("-date")[
            :RECENT_MEETINGS
        ]
        context["recent_limit"] = RECENT_MEETINGS
        return context


class ComponentHistoryView(ObjectHistoryView):
    model = Component


# --- Meetings -----------------------------------------------------------------------------


class MeetingDetailView(ObjectDetailView):
    model = Meeting

    def optimise(self, queryset):
        attendance = related_model(Meeting, "attendance")
        return queryset.select_related("component").prefetch_related(
            Prefetch(
                "attendance",
                queryset=attendance.objects.select_related("partner", "person").order_by(
                    "partner__name"
                ),
                to_attr="rows",
            )
        )


class MeetingHistoryView(ObjectHistoryView):
    model = Meeting


# --- The plan, its outcomes and priorities ------------------------------------------------


class PlanDetailView(ObjectDetailView):
    model = Plan

    def optimise(self, queryset):
        return queryset.prefetch_related(
            Prefetch("outcomes__priorities", queryset=Priority.objects.order_by("number")),
            Prefetch(
                "priorities",
                queryset=Priority.objects.filter(outcome__isnull=True).order_by("number"),
                to_attr="without_outcome",
            ),
        )


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

    def optimise(self, queryset):
        latest = IndicatorValue.objects.filter(indicator=OuterRef("pk")).order_by("-period_end")
        return queryset.select_related("plan", "outcome").prefetch_related(
            Prefetch(
                "indicators",
                queryset=Indicator.objects.annotate(
                    latest_value=Subquery(latest.values("value")[:1]),
                    latest_period=Subquery(latest.values("period")[:1]),
                ),
            )
        )

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
