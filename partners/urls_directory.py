"""URL patterns of the partner directory, people and hosted priorities."""

from django.urls import path

from . import views

urlpatterns = [
    path("partners/", views.PartnerListView.as_view(), name="partner_list"),
    path("partners/<int:pk>/", views.PartnerDetailView.as_view(), name="partner_detail"),
    path("partners/<int:pk>/history/", views.PartnerHistoryView.as_view(), name="partner_history"),
    path("people/<int:pk>/", views.PersonDetailView.as_view(), name="person_detail"),
    path("people/<int:pk>/history/", views.PersonHistoryView.as_view(), name="person_history"),
    path("hosted-priorities/", views.HostedPriorityListView.as_view(), name="hostedpriority_list"),
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
