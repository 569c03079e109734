"""The URL root: every app's pages, sign-in and the pages that gather everything; and the
trust's own pages (components, meetings, plans, priorities) under ``/trust/``.

The one URL module that names every app, so the one module exempt from the layer rule."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from recommendations.views import overview
from trust import accounts, structure_views, views
from trust.forms import SignInForm
from trust.models import (
    Attachment,
    Component,
    ExternalBody,
    Function,
    MembershipRole,
    Plan,
    Priority,
    ReportingLine,
    Sector,
)
from trust.trails import record_urls

# The trust app's own pages, in the "trust" namespace.
trust_patterns = [
    *record_urls("components/", Component, views),
    path("structure/", structure_views.StructureView.as_view(), name="structure"),
    *record_urls("functions/", Function, structure_views),
    *record_urls("external-bodies/", ExternalBody, structure_views),
    # A reporting line is added from its component's page; it has no list of its own.
    *record_urls("reporting-lines/", ReportingLine, structure_views),
    path(
        "components/<int:component_pk>/reporting-lines/add/",
        structure_views.ReportingLineCreateView.as_view(),
        name="reportingline_create",
    ),
    path(
        "reporting-lines/<int:pk>/edit/",
        structure_views.ReportingLineUpdateView.as_view(),
        name="reportingline_update",
    ),
    *record_urls("plans/", Plan, views),
    *record_urls("priorities/", Priority, views),
    *record_urls("sectors/", Sector, views),
    *record_urls("membership-roles/", MembershipRole, views),
    *record_urls("attachments/", Attachment, views),
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
    # People set their own passwords (trust/accounts.py): forgotten, or a new sign-in's link.
    path("password/forgotten/", accounts.ForgottenPasswordView.as_view(), name="password_reset"),
    path(
        "password/forgotten/sent/",
        accounts.ForgottenPasswordSentView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password/set/<uidb64>/<token>/",
        accounts.SetPasswordView.as_view(),
        name="password_reset_confirm",
    ),
    path("password/set/done/", accounts.PasswordSetView.as_view(), name="password_reset_complete"),
    path("trust/", include((trust_patterns, "trust"))),
    path("partners/", include("partners.urls")),
    path("risks/", include("risks.urls")),
    path("recommendations/", include("recommendations.urls")),
    path("admin/", admin.site.urls),
]
