from django.conf import settings

from . import clock
from .navigation import navigation
from .permissions import has_role, role_label, sees_everything


def service(request):
    # Flags, never the role itself: templates display, the access module decides.
    user = getattr(request, "user", None)
    return {
        "service_name": settings.SERVICE_NAME,
        "organisation_name": settings.ORGANISATION_NAME,
        "sees_everything": sees_everything(user),
        "navigation": navigation(request) if has_role(user) else [],
        "today": clock.today(),
        "demo_clock": clock.is_moved(),
        "user_role_label": role_label(user),
    }
