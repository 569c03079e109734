"""The URL root: every app's pages, sign-in and the pages that gather everything; and the
trust's own pages (components, meetings, plans, priorities) under ``/trust/``.

The one URL module that names every app, so the one module exempt from the layer rule."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from recommendations.views import overview
from trust import views
from trust.forms import SignInForm

# The trust app's own pages, in the "trust" namespace.
trust_patterns = [
    path("components/", views.ComponentListView.as_view(), name="component_list"),
    path(
        "components/export/",
        views.ComponentListView.as_view(export=True),
        name="component_list_export",
    ),
    path("components/<int:pk>/", views.ComponentDetailView.as_view(), name="component_detail"),
    path(
        "components/<int:pk>/history/",
        views.ComponentHistoryView.as_view(),
        name="component_history",
    ),
    path("meetings/<int:pk>/", views.MeetingDetailView.as_view(), name="meeting_detail"),
    path("meetings/<int:pk>/history/", views.MeetingHistoryView.as_view(), name="meeting_history"),
    path("plans/<int:pk>/", views.PlanDetailView.as_view(), name="plan_detail"),
    path("plans/<int:pk>/history/", views.PlanHistoryView.as_view(), name="plan_history"),
    path("priorities/", views.PriorityListView.as_view(), name="priority_list"),
    path(
        "priorities/export/",
        views.PriorityListView.as_view(export=True),
        name="priority_list_export",
    ),
    path("priorities/<int:pk>/", views.PriorityDetailView.as_view(), name="priority_detail"),
    path(
        "priorities/<int:pk>/history/",
        views.PriorityHistoryView.as_view(),
        name="priority_history",
    ),
    # Files attached to any record that takes them: the record as "partners.action/12".
    path(
        "attachments/<str:record>/<int:record_pk>/add/",
        views.AttachmentCreateView.as_view(),
        name="attachment_create",
    ),
    path(
        "attachments/<int:pk>/download/",
        views.AttachmentDownloadView.as_view(),
        name="attachment_download",
    ),
    path(
        "attachments/<int:pk>/delete/",
        views.AttachmentDeleteView.as_view(),
        name="attachment_delete",
    ),
    path(
        "attachments/<int:pk>/history/",
        views.AttachmentHistoryView.as_view(),
        name="attachment_history",
    ),
]

urlpatterns = [
    path("", overview.home, name="home"),
    path("my-actions/", overview.MyActionsView.as_view(), name="my_actions"),
    path("changes/", overview.RecentChangesView.as_view(), name="recent_changes"),
    path(
        "changes/restore/<str:label>/<int:history_id>/",
        overview.RestoreView.as_view(),
        name="restore",
    ),
    path(
        "sign-in/",
        auth_views.LoginView.as_view(authentication_form=SignInForm),
        name="login",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("trust/", include((trust_patterns, "trust"))),
    path("partners/", include("partners.urls")),
    path("risks/", include("risks.urls")),
    path("recommendations/", include("recommendations.urls")),
    path("admin/", admin.site.urls),
]
