"""Development: the defaults that `make run` relies on. Never used in production."""

from .base import *  # noqa: F403
from .base import env

# Off by default, so `make run` shows the app's own error pages; DEBUG=1 for Django's.
DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="django-insecure-development-only-not-for-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])

# Serve static files straight from static/ (no collectstatic) while developing and testing.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
