"""URL patterns of the trust's structure and plan: components, meetings, plans, priorities."""

app_name = "trust"

urlpatterns = []
