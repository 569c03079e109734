"""Exports of an audit (XLSX, CSV, PDF; now or as at a date) and the import of a new audit.

Exports are for anyone who may see the audit: it is found through ``Audit.objects.restrict``
(404 outside scope) and the snapshot keeps only the rows the user may see. Importing creates
an audit, so it is for those who may add one (403 otherwise).
"""

import datetime
import os

from django import forms
from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import pluralize
from django.utils.cache import patch_cache_control
from django.utils.formats import date_format
from django.utils.http import content_disposition_header
from django.views.generic import FormView, View

from partners.models import Person
from trust import clock
from trust.forms import GovukDateField, GovukForm
from trust.generic import AccessMixin
from trust.permissions import ADD, VIEW

from .. import exports, imports
from .. import snapshot as snapshots
from ..models import Audit, PriorityScale
from .audits import AuditDetailView

FORMATS = {
    # format: (file name part, extension, content type)
    "xlsx": (
        "recommendations",
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    "csv": ("recommendations", "csv", "text/csv; charset=utf-8"),
    "csv-actions": ("action-plan", "csv", "text/csv; charset=utf-8"),
    "pdf": ("progress-report", "pdf", "application/pdf"),
}
FORMAT_CHOICES = "xlsx, csv, csv-actions or pdf"


class ExportRefused(Exception):
    """A request for an export that cannot be met: the message says why and what to do."""


def as_at_date(params, audit: Audit) -> datetime.date | None:
    """The "as at" day asked for (``date=YYYY-MM-DD`` or the day, month and year boxes)."""
    text = params.get("date", "").strip()
    parts = [params.get(f"date-{part}", "").strip() for part in ("day", "month", "year")]
    if not text and not any(parts):
        return None
    try:
        if text:
            day = datetime.date.fromisoformat(text)
        elif all(parts):
            day = datetime.date(int(parts[2]), int(parts[1]), int(parts[0]))
        else:
            raise ExportRefused("The date must include a day, month and year.")
    except (ValueError, OverflowError):
        raise ExportRefused("The date must be a real date, for example 2 9 2008.") from None
    if day < audit.report_date:
        raise ExportRefused(
            "The date must be on or after the audit's report date, "
            f"{date_format(audit.report_date, 'j F Y')}."
        )
    if day > clock.today():
        raise ExportRefused("The date must be today or in the past.")
    return day


def snapshot_for(audit: Audit, user, day: datetime.date | None):
    if day is None or day == clock.today():
        return snapshots.current_snapshot(audit, user)
    as_at = getattr(snapshots, "snapshot_as_at", None)
    if as_at is None:
        raise ExportRefused(
            "Downloads as at a past date are not available yet. Leave the date blank to "
            "download the audit as it stands today."
        )
    return as_at(audit, snapshots.end_of_day(day), user)


class AuditExportView(AccessMixin, View):
    """``?format=xlsx|csv|csv-actions|pdf`` and optionally ``date`` (as at the end of that day)."""

    model = Audit

    def get(self, request, pk):
        audit = get_object_or_404(
            Audit.objects.restrict(request.user, VIEW).select_related("priority_scale"), pk=pk
        )
        kind = request.GET.get("format", "xlsx")
        try:
            if kind not in FORMATS:
                raise ExportRefused(f"Choose a format to download: {FORMAT_CHOICES}.")
            snapshot = snapshot_for(audit, request.user, as_at_date(request.GET, audit))
        except ExportRefused as refusal:
            return self.refused(request, audit, str(refusal))
        if kind == "xlsx":
            content = exports.audit_xlsx(snapshot)
        elif kind == "pdf":
            content = exports.progress_report_pdf(snapshot, request)
        else:
            content = exports.audit_csv(snapshot, actions=kind == "csv-actions").encode("utf-8")
        part, extension, content_type = FORMATS[kind]
        filename = f"audit-{audit.pk}-{part}-{snapshot.on.isoformat()}.{extension}"
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = content_disposition_header(True, filename)
        patch_cache_control(response, private=True, no_store=True)
        return response

    def refused(self, request, audit, message):
        """The audit's page again, with the reason at the top; status 400."""
        messages.error(request, message)
        response = AuditDetailView.as_view(download=sent_download(request.GET))(
            request, pk=audit.pk
        )
        response.status_code = 400
        return response


def sent_download(params) -> dict:
    """The download form's fields as sent, to show them again with the reason it failed."""
    kind = params.get("format", "")
    return {
        "format": kind if kind in FORMATS else "xlsx",
        "day": params.get("date-day", "")[:10],
        "month": params.get("date-month", "")[:10],
        "year": params.get("date-year", "")[:10],
        "committee": params.get("committee", "").strip()[:200] or exports.DEFAULT_COMMITTEE,
    }


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.named


class ScaleChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        levels = ", ".join(str(level) for level in obj.levels.all())
        return f"{obj.name}: {levels}" if levels else obj.name


class AuditImportForm(GovukForm):
    file = forms.FileField(
        label="Spreadsheet of recommendations",
        help_text="An XLSX or CSV file, with a header row naming its columns.",
        widget=forms.FileInput(attrs={"accept": ".xlsx,.csv"}),
    )
    title = forms.CharField(label="Title of the audit report", max_length=300)
    auditor = forms.CharField(
        label="Auditor", max_length=200, help_text="The firm or body that audited."
    )
    audited_body = forms.CharField(label="Audited body", max_length=200)
    report_date = GovukDateField(label="Report date", help_text="For example, 1 11 2007")
    reference = forms.CharField(label="Reference", max_length=100, required=False)
    priority_scale = ScaleChoiceField(
        label="Priority scale",
        queryset=PriorityScale.objects.prefetch_related("levels"),
        empty_label="Choose the scale the auditor used",
        help_text="Each priority in the file must be one of its levels, as symbols or words.",
    )
    default_owner = PersonChoiceField(
        label="Responsible officer when the spreadsheet names nobody we know",
        queryset=Person.objects.select_related("partner"),
        empty_label="Choose a person",
        help_text="Owns the actions of a recommendation whose responsibility cell names "
        "none of the people in the directory.",
    )

    def import_audit(self, filename, *, by):
        """The new audit and its recommendations and actions, saved (``ImportFailed``: none)."""
        data = self.cleaned_data
        fields = ("title", "auditor", "audited_body", "report_date", "reference")
        return imports.import_audit(
            audit=Audit(
                **{name: data[name] for name in fields}, priority_scale=data["priority_scale"]
            ),
            rows=imports.parse_upload(data["file"]),
            default_owner=data["default_owner"],
            people=Person.objects.restrict(by),
            filename=filename,
            by=by,
        )

    def clean(self):
        data = super().clean()
        title, day = data.get("title"), data.get("report_date")
        if title and day and Audit._base_manager.filter(title=title, report_date=day).exists():
            self.add_error("title", "There is already an audit with this title and report date.")
        return data


class ImportAuditView(AccessMixin, FormView):
    model = Audit
    action = ADD
    form_class = AuditImportForm
    template_name = "recommendations/audit_import.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = "Import an audit"
        return context

    def form_valid(self, form):
        filename = os.path.basename(form.cleaned_data["file"].name or "upload")[:150]
        try:
            audit = form.import_audit(filename, by=self.request.user)
        except imports.ImportFailed as failure:
            count = len(failure.problems)
            form.add_error(
                "file",
                f"The file has {count} problem{pluralize(count)}, listed below. "
                "Nothing was imported: correct the file and upload it again.",
            )
            return self.render_to_response(
                self.get_context_data(form=form, problems=failure.problems, filename=filename)
            )
        messages.success(self.request, imports.imported_message(audit, filename))
        return HttpResponseRedirect(audit.get_absolute_url())
