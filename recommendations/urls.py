from django.urls import path

from .views import audits, exchange, review

app_name = "recommendations"

urlpatterns = [
    path("audits/", audits.AuditListView.as_view(), name="audit_list"),
    path("audits/export/", audits.AuditListView.as_view(export=True), name="audit_list_export"),
    path("audits/add/", audits.AuditEditView.as_view(), name="audit_create"),
    path("audits/<int:pk>/", audits.AuditDetailView.as_view(), name="audit_detail"),
    path("audits/<int:pk>/edit/", audits.AuditEditView.as_view(), name="audit_update"),
    path("audits/<int:pk>/delete/", audits.AuditDeleteView.as_view(), name="audit_delete"),
    path("audits/<int:pk>/history/", audits.AuditHistoryView.as_view(), name="audit_history"),
    path("audits/<int:pk>/as-at/", review.AuditAsAtView.as_view(), name="audit_as_at"),
    path("audits/<int:pk>/compare/", review.AuditCompareView.as_view(), name="audit_compare"),
    path(
        "recommendations/<int:rec_pk>/verify/",
        review.VerificationCreateView.as_view(),
        name="verification_create",
    ),
    path(
        "audits/<int:audit_pk>/recommendations/add/",
        audits.RecommendationCreateView.as_view(),
        name="recommendation_create",
    ),
    path("recommendations/", audits.RecommendationListView.as_view(), name="recommendation_list"),
    path(
        "recommendations/export/",
        audits.RecommendationListView.as_view(export=True),
        name="recommendation_list_export",
    ),
    path(
        "recommendations/<int:pk>/",
        audits.RecommendationDetailView.as_view(),
        name="recommendation_detail",
    ),
    path(
        "recommendations/<int:pk>/edit/",
        audits.RecommendationUpdateView.as_view(),
        name="recommendation_update",
    ),
    path(
        "recommendations/<int:pk>/status/",
        audits.RecommendationStatusView.as_view(),
        name="recommendation_status",
    ),
    path(
        "recommendations/<int:pk>/delete/",
        audits.RecommendationDeleteView.as_view(),
        name="recommendation_delete",
    ),
    path(
        "recommendations/<int:pk>/history/",
        audits.RecommendationHistoryView.as_view(),
        name="recommendation_history",
    ),
    path(
        "recommendations/<int:carrier_pk>/actions/add/",
        audits.RecommendationActionCreateView.as_view(),
        name="recommendation_action_create",
    ),
    path("audits/<int:pk>/export/", exchange.AuditExportView.as_view(), name="audit_export"),
    path("audits/import/", exchange.ImportAuditView.as_view(), name="audit_import"),
]
