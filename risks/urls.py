from django.urls import path

from trust.trails import record_urls

from . import views
from .models import Risk, RiskRegister

app_name = "risks"

urlpatterns = [
    *record_urls("registers/", RiskRegister, views),
    *record_urls("risks/", Risk, views),
    path(
        "registers/<int:pk>/review/",
        views.RiskRegisterReviewView.as_view(),
        name="riskregister_review",
    ),
]
