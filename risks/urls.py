from django.urls import path

from . import views

app_name = "risks"

urlpatterns = [
    path("registers/", views.RiskRegisterListView.as_view(), name="riskregister_list"),
    path(
        "registers/export/",
        views.RiskRegisterListView.as_view(export=True),
        name="riskregister_list_export",
    ),
    path("registers/<int:pk>/", views.RiskRegisterDetailView.as_view(), name="riskregister_detail"),
    path(
        "registers/<int:pk>/history/",
        views.RiskRegisterHistoryView.as_view(),
        name="riskregister_history",
    ),
    path("risks/<int:pk>/", views.RiskDetailView.as_view(), name="risk_detail"),
    path("risks/<int:pk>/history/", views.RiskHistoryView.as_view(), name="risk_history"),
]
