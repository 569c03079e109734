from django.urls import path

from . import views
from .urls_directory import urlpatterns as directory_urlpatterns

app_name = "partners"

urlpatterns = [
    path("actions/", views.ActionListView.as_view(), name="action_list"),
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
]

urlpatterns += directory_urlpatterns
