from trust.trails import record_urls

from . import views
from .models import Risk, RiskRegister

app_name = "risks"

urlpatterns = [
    *record_urls("registers/", RiskRegister, views),
    *record_urls("risks/", Risk, views),
]
