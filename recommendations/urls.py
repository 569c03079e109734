from django.urls import path

from . import views, views_review
from .urls_exchange import urlpatterns as exchange_urlpatterns

app_name = "recommendations"

urlpatterns = [
    path("audits/", views.AuditListView.as_view(), name="audit_list"),
    path("audits/add/", views.AuditEditView.as_view(), name="audit_create"),
    path("audits/<int:pk>/", views.AuditDetailView.as_view(), name="audit_detail"),
    path("audits/<int:pk>/edit/", views.AuditEditView.as_view(), name="audit_update"),
    path("audits/<int:pk>/delete/", views.AuditDeleteView.as_view(), name="audit_delete"),
    path("audits/<int:pk>/history/", views.AuditHistoryView.as_view(), name="audit_history"),
    path("audits/<int:pk>/as-at/", views_review.AuditAsAtView.as_view(), name="audit_as_at"),
    path("audits/<int:pk>/compare/", views_review.AuditCompareView.as_view(), name="audit_compare"),
    path(
        "recommendations/<int:rec_pk>/verify/",
        views_review.VerificationCreateView.as_view(),
        name="verification_create",
    ),
    path(
        "audits/<int:audit_pk>/recommendations/add/",
        views.RecommendationCreateView.as_view(),
        name="recommendation_create",
    ),
    path("recommendations/", views.RecommendationListView.as_view(), name="recommendation_list"),
    path(
        "recommendations/<int:pk>/",
        views.RecommendationDetailView.as_view(),
        name="recommendation_detail",
    ),
    path(
        "recommendations/<int:pk>/edit/",
        views.RecommendationUpdateView.as_view(),
        name="recommendation_update",
    ),
    path(
        "recommendations/<int:pk>/status/",
        views.RecommendationStatusView.as_view(),
        name="recommendation_status",
    ),
    path(
        "recommendations/<int:pk>/delete/",
        views.RecommendationDeleteView.as_view(),
        name="recommendation_delete",
    ),
    path(
        "recommendations/<int:pk>/history/",
        views.RecommendationHistoryView.as_view(),
        name="recommendation_history",
    ),
    path(
        "recommendations/<int:carrier_pk>/actions/add/",
        views.RecommendationActionCreateView.as_view(),
        name="recommendation_action_create",
    ),
]

urlpatterns += exchange_urlpatterns
