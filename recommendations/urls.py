from django.urls import path

from trust.trails import record_urls

from .models import Audit, Recommendation
from .views import audits, exchange, review

app_name = "recommendations"

urlpatterns = [
    *record_urls("audits/", Audit, audits),
    *record_urls("recommendations/", Recommendation, audits),
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
        "recommendations/<int:carrier_pk>/actions/add/",
        audits.RecommendationActionCreateView.as_view(),
        name="recommendation_action_create",
    ),
    path("audits/<int:pk>/export/", exchange.AuditExportView.as_view(), name="audit_export"),
    path("audits/import/", exchange.ImportAuditView.as_view(), name="audit_import"),
]
