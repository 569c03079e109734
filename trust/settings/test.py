"""Tests: fast hashing, mail kept in memory."""

from .dev import *  # noqa: F403

DEBUG = False
# Tests move the clock themselves (override_settings or monkeypatch), never from outside.
TRUST_CLOCK_START = None
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
