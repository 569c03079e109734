from django.urls import path

from trust.trails import record_urls

from . import views
from .models import Action, HostedPriority, Meeting, Membership, Partner, Person

app_name = "partners"

urlpatterns = [
    *record_urls("actions/", Action, views),
    *record_urls("partners/", Partner, views),
    *record_urls("people/", Person, views),
    *record_urls("hosted-priorities/", HostedPriority, views),
    *record_urls("meetings/", Meeting, views),
    path(
        "meetings/<int:pk>/attendance/",
        views.MeetingAttendanceView.as_view(),
        name="meeting_attendance",
    ),
    path(
        "meetings/<int:pk>/apologies/",
        views.MeetingApologiesView.as_view(),
        name="meeting_apologies",
    ),
    path("attendance/", views.AttendanceView.as_view(), name="attendance"),
    path(
        "partners/<int:parent_pk>/people/add/",
        views.PartnerPersonCreateView.as_view(),
        name="partner_person_create",
    ),
    path("people/<int:pk>/sign-in/", views.PersonSignInView.as_view(), name="person_sign_in"),
    # Memberships: added from their component's page, edited and ended on their own.
    *record_urls("memberships/", Membership, views),
    path(
        "components/<int:component_pk>/members/add/",
        views.MembershipCreateView.as_view(),
        name="membership_create",
    ),
    path(
        "memberships/<int:pk>/edit/", views.MembershipUpdateView.as_view(), name="membership_update"
    ),
    path("memberships/<int:pk>/end/", views.MembershipEndView.as_view(), name="membership_end"),
    path("actions/<int:pk>/edit/", views.ActionUpdateView.as_view(), name="action_update"),
    path("actions/<int:pk>/due-date/", views.ActionSlipView.as_view(), name="action_slip"),
    path("actions/<int:pk>/status/", views.ActionStatusView.as_view(), name="action_status"),
    path(
        "hosted-priorities/<int:carrier_pk>/actions/add/",
        views.HostedPriorityActionCreateView.as_view(),
        name="hostedpriority_action_create",
    ),
    path(
        "actions/<int:action_pk>/progress/add/",
        views.ProgressUpdateCreateView.as_view(),
        name="progressupdate_create",
    ),
    path(
        "progress-updates/<int:pk>/edit/",
        views.ProgressUpdateUpdateView.as_view(),
        name="progressupdate_update",
    ),
    path(
        "progress-updates/<int:pk>/withdraw/",
        views.ProgressUpdateWithdrawView.as_view(),
        name="progressupdate_delete",
    ),
]
