"""URL patterns of exports (XLSX, CSV, PDF) and the import of an audit."""

urlpatterns = []
