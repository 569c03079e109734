"""The URL root: every app's pages, sign-in, and the pages that gather everything."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from recommendations import overview
from trust.forms import SignInForm

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
    path("trust/", include("trust.app_urls")),
    path("partners/", include("partners.urls")),
    path("risks/", include("risks.urls")),
    path("recommendations/", include("recommendations.urls")),
    path("admin/", admin.site.urls),
]
