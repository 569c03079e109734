from django.conf import settings

from . import clock
from .navigation import navigation
from .permissions import role_of


def service(request):
    user = getattr(request, "user", None)
    role = role_of(user)
    return {
        "service_name": settings.SERVICE_NAME,
        "organisation_name": settings.ORGANISATION_NAME,
        "user_role": role,
        "navigation": navigation(request) if role else [],
        "today": clock.today(),
        "demo_clock": clock.is_moved(),
        "user_role_label": user.get_role_display()
        if role and hasattr(user, "get_role_display")
        else "",
    }
