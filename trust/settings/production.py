"""Production: refuses to start without a real secret key and host list."""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    ATTACHMENT_STORAGE,
    MEDIA_ROOT,
    MEDIA_URL,
    SECRET_KEY,
    STATIC_ROOT,
    STATICFILES_DIRS,
    TRUST_CLOCK_START,
    env,
)

if not SECRET_KEY or SECRET_KEY.startswith("django-insecure") or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "Set SECRET_KEY to a random value of at least 50 characters "
        "(python -c 'import secrets; print(secrets.token_urlsafe(64))')."
    )
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS to the host names the service answers on.")

if TRUST_CLOCK_START:
    raise ImproperlyConfigured(
        "TRUST_CLOCK_START moves the clock for the demo only: unset it in production."
    )

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Asks browsers' preload lists to take the site once submitted (hstspreload.org); set 0 where
# the council's domain must never be preloaded.
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
STORAGES = {
    "default": {"BACKEND": ATTACHMENT_STORAGE},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Attached files are served only through the download view, which asks the record: never
# from a directory the static files server (WhiteNoise) or the web server publishes.
_media = Path(MEDIA_ROOT).resolve()
for _public in (Path(STATIC_ROOT), *map(Path, STATICFILES_DIRS)):
    if (
        _media == _public.resolve()
        or _public.resolve() in _media.parents
        or (_media in _public.resolve().parents)
    ):
        raise ImproperlyConfigured(
            f"MEDIA_ROOT ({_media}) must not be inside or contain a static files directory "
            f"({_public}): attached files are served only through the download view."
        )
if MEDIA_URL:
    raise ImproperlyConfigured("Leave MEDIA_URL empty: attached files have no public address.")
