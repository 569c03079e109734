"""Tests: fast hashing, mail kept in memory."""

import atexit
import shutil
import tempfile
from pathlib import Path

from .dev import *  # noqa: F403

DEBUG = False
# Tests move the clock themselves (override_settings or monkeypatch), never from outside.
TRUST_CLOCK_START = None
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Attached files go to a temporary directory, removed when the test run ends: never the repo.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="trust-test-media-"))
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
