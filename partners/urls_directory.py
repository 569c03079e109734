"""URL patterns of the partner directory, people and hosted priorities."""

urlpatterns = []
