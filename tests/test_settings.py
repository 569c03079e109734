"""Settings come from the environment; production refuses to start half-configured."""

import os
import subprocess
import sys

from django.conf import settings

STRONG_KEY = "k" * 64


def load_settings(module, **env):
    """Import a settings module in a fresh interpreter; return (exit code, output)."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL")
    }
    clean.update(env, DJANGO_SETTINGS_MODULE=module)
    code = (
        "import django; from django.conf import settings; django.setup();"
        "db = settings.DATABASES['default'];"
        "print(db['ENGINE'], db.get('OPTIONS', {}).get('options', ''), settings.DEBUG)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=clean,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    )
    return result.returncode, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    code, output = load_settings("trust.settings.production", ALLOWED_HOSTS="trust.example.org")
    assert code != 0 and "Set SECRET_KEY" in output


def test_production_refuses_the_development_key():
    code, output = load_settings(
        "trust.settings.production",
        SECRET_KEY="django-insecure-development-only-not-for-production",
        ALLOWED_HOSTS="trust.example.org",
    )
    assert code != 0 and "Set SECRET_KEY" in output


def test_production_refuses_to_start_without_allowed_hosts():
    code, output = load_settings("trust.settings.production", SECRET_KEY=STRONG_KEY)
    assert code != 0 and "Set ALLOWED_HOSTS" in output


def test_production_starts_when_configured_and_turns_debug_off():
    code, output = load_settings(
        "trust.settings.production",
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS="trust.example.org",
        DEBUG="true",
    )
    assert code == 0, output
    assert output.split()[-1] == "False"


def test_database_url_moves_the_app_to_postgresql_with_jit_off():
    code, output = load_settings(
        "trust.settings.dev", DATABASE_URL="postgres://postgres@127.0.0.1:5432/trust"
    )
    assert code == 0, output
    assert "postgresql" in output and "jit=off" in output


def test_the_default_database_is_an_sqlite_file_under_var():
    code, output = load_settings("trust.settings.dev")
    assert code == 0, output
    assert "sqlite3" in output


def test_time_zone_and_language_are_british():
    assert settings.TIME_ZONE == "Europe/London"
    assert settings.LANGUAGE_CODE == "en-gb"
    assert settings.USE_TZ
