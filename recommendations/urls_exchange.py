"""URL patterns of exports (XLSX, CSV, PDF) and the import of an audit."""

from django.urls import path

from . import views_exchange

urlpatterns = [
    path(
        "audits/<int:pk>/export/",
        views_exchange.AuditExportView.as_view(),
        name="audit_export",
    ),
    path("audits/import/", views_exchange.ImportAuditView.as_view(), name="audit_import"),
]
