from django.urls import path

from trust.trails import record_urls

from . import views
from .models import (
    Action,
    AgendaItem,
    Decision,
    HostedPriority,
    KeyMessage,
    KeyRole,
    Meeting,
    Membership,
    Memorandum,
    MemorandumSection,
    Partner,
    Person,
    TermsOfReference,
)

app_name = "partners"

urlpatterns = [
    *record_urls("actions/", Action, views),
    *record_urls("partners/", Partner, views),
    *record_urls("people/", Person, views),
    *record_urls("hosted-priorities/", HostedPriority, views),
    # Meetings: added from their component's page (one or a series), then on their own.
    *record_urls("meetings/", Meeting, views),
    path(
        "components/<int:component_pk>/meetings/add/",
        views.MeetingCreateView.as_view(),
        name="meeting_create",
    ),
    path(
        "components/<int:component_pk>/meetings/series/",
        views.MeetingSeriesView.as_view(),
        name="meeting_series",
    ),
    path("meetings/<int:pk>/edit/", views.MeetingUpdateView.as_view(), name="meeting_update"),
    path(
        "meetings/<int:carrier_pk>/actions/add/",
        views.MeetingActionCreateView.as_view(),
        name="meeting_action_create",
    ),
    *record_urls("agenda-items/", AgendaItem, views),
    path(
        "meetings/<int:meeting_pk>/agenda/add/",
        views.AgendaItemCreateView.as_view(),
        name="agendaitem_create",
    ),
    path(
        "agenda-items/<int:pk>/edit/",
        views.AgendaItemUpdateView.as_view(),
        name="agendaitem_update",
    ),
    *record_urls("decisions/", Decision, views),
    path(
        "meetings/<int:meeting_pk>/decisions/add/",
        views.DecisionCreateView.as_view(),
        name="decision_create",
    ),
    path("decisions/<int:pk>/edit/", views.DecisionUpdateView.as_view(), name="decision_update"),
    *record_urls("key-messages/", KeyMessage, views),
    path(
        "meetings/<int:meeting_pk>/key-messages/add/",
        views.KeyMessageCreateView.as_view(),
        name="keymessage_create",
    ),
    path(
        "key-messages/<int:pk>/edit/",
        views.KeyMessageUpdateView.as_view(),
        name="keymessage_update",
    ),
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
    # Governance: terms of reference (added from their component's page), the memorandum of
    # understanding with its sections, and the key roles.
    *record_urls("terms-of-reference/", TermsOfReference, views),
    path(
        "components/<int:component_pk>/terms-of-reference/add/",
        views.TermsOfReferenceCreateView.as_view(),
        name="termsofreference_create",
    ),
    path(
        "terms-of-reference/<int:pk>/edit/",
        views.TermsOfReferenceUpdateView.as_view(),
        name="termsofreference_update",
    ),
    path(
        "memorandum/in-force/",
        views.MemorandumInForceView.as_view(),
        name="memorandum_in_force",
    ),
    *record_urls("memorandum/", Memorandum, views),
    path(
        "memorandum/<int:from_pk>/new-version/",
        views.MemorandumNewVersionView.as_view(),
        name="memorandum_new_version",
    ),
    *record_urls("memorandum-sections/", MemorandumSection, views),
    path(
        "memorandum/<int:memorandum_pk>/sections/add/",
        views.MemorandumSectionCreateView.as_view(),
        name="memorandumsection_create",
    ),
    path(
        "memorandum-sections/<int:pk>/edit/",
        views.MemorandumSectionUpdateView.as_view(),
        name="memorandumsection_update",
    ),
    *record_urls("key-roles/", KeyRole, views),
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
