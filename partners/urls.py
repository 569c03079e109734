from django.urls import path

from . import views

app_name = "partners"

urlpatterns = [
    path("actions/", views.ActionListView.as_view(), name="action_list"),
    path("actions/export/", views.ActionListView.as_view(export=True), name="action_list_export"),
    path("actions/<int:pk>/", views.ActionDetailView.as_view(), name="action_detail"),
    path("actions/<int:pk>/edit/", views.ActionUpdateView.as_view(), name="action_update"),
    path("actions/<int:pk>/due-date/", views.ActionSlipView.as_view(), name="action_slip"),
    path("actions/<int:pk>/status/", views.ActionStatusView.as_view(), name="action_status"),
    path("actions/<int:pk>/delete/", views.ActionDeleteView.as_view(), name="action_delete"),
    path("actions/<int:pk>/history/", views.ActionHistoryView.as_view(), name="action_history"),
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
    path("partners/", views.PartnerListView.as_view(), name="partner_list"),
    path(
        "partners/export/",
        views.PartnerListView.as_view(export=True),
        name="partner_list_export",
    ),
    path("partners/<int:pk>/", views.PartnerDetailView.as_view(), name="partner_detail"),
    path("partners/<int:pk>/history/", views.PartnerHistoryView.as_view(), name="partner_history"),
    path("people/<int:pk>/", views.PersonDetailView.as_view(), name="person_detail"),
    path("people/<int:pk>/history/", views.PersonHistoryView.as_view(), name="person_history"),
    path("hosted-priorities/", views.HostedPriorityListView.as_view(), name="hostedpriority_list"),
    path(
        "hosted-priorities/export/",
        views.HostedPriorityListView.as_view(export=True),
        name="hostedpriority_list_export",
    ),
    path(
        "hosted-priorities/<int:pk>/",
        views.HostedPriorityDetailView.as_view(),
        name="hostedpriority_detail",
    ),
    path(
        "hosted-priorities/<int:pk>/history/",
        views.HostedPriorityHistoryView.as_view(),
        name="hostedpriority_history",
    ),
]
