"""URL patterns of the trust's structure and plan: components, meetings, plans, priorities."""

from django.urls import path

from . import views

app_name = "trust"

urlpatterns = [
    path("components/", views.ComponentListView.as_view(), name="component_list"),
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
    path("priorities/<int:pk>/", views.PriorityDetailView.as_view(), name="priority_detail"),
    path(
        "priorities/<int:pk>/history/",
        views.PriorityHistoryView.as_view(),
        name="priority_history",
    ),
]
