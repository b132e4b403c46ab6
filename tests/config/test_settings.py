"""Settings come from the environment; bad configuration stops start-up with one clear line."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from config.env import env_database

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, **env):
    clean = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_env(tmp_path, **overrides):
    env = {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "gk.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
    }
    env.update(overrides)
    return {k: v for k, v in env.items() if v is not None}


def test_production_passes_check_deploy_with_documented_variables(tmp_path):
    result = manage("check", "--deploy", "--fail-level", "WARNING", **production_env(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("overrides", "variable"),
    [
        ({"SECRET_KEY": None}, "SECRET_KEY"),
        ({"SECRET_KEY": "short"}, "SECRET_KEY"),
        ({"ALLOWED_HOSTS": None}, "ALLOWED_HOSTS"),
        ({"DATABASE_URL": None}, "DATABASE_URL"),
        ({"DATABASE_URL": "nonsense://x"}, "DATABASE_URL"),
        ({"DATABASE_URL": "postgres://"}, "DATABASE_URL"),
        ({"DEBUG": "maybe"}, "DEBUG"),
    ],
)
def test_bad_production_configuration_stops_with_one_line(tmp_path, overrides, variable):
    result = manage("check", **production_env(tmp_path, **overrides))
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Configuration error:")
    assert variable in lines[0]


def test_malformed_database_url_in_development_stops_too():
    result = manage("check", DATABASE_URL="mysql//nope")
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "DATABASE_URL" in lines[0], result.stderr


def test_default_sqlite_is_tuned_for_concurrent_writers(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    database = env_database("DATABASE_URL", tmp_path / "db.sqlite3")
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert database["OPTIONS"]["timeout"] >= 20
    assert "journal_mode=WAL" in database["OPTIONS"]["init_command"]


def test_redis_url_switches_the_cache(tmp_path):
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
            "REDIS_URL": "redis://127.0.0.1:6399/1",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "django.core.cache.backends.redis.RedisCache", result.stderr


def test_production_serves_compressed_hashed_static_files(tmp_path):
    code = "from django.conf import settings; print(settings.STORAGES['staticfiles']['BACKEND'])"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env={**os.environ, **production_env(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_behind_nginx_django_decides_and_nginx_sends_the_file(client, db, tmp_path, settings):
    """With MEDIA_ACCEL_REDIRECT the file leaves through nginx's internal location, and only
    after the visibility check (an unknown file is still a plain 404)."""
    from tests.factories import make_image

    settings.MEDIA_ROOT = tmp_path
    settings.MEDIA_ACCEL_REDIRECT = "/protected-media/"
    image = make_image("站点标志")
    client.force_login(django_superuser())
    response = client.get(image.file.url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/protected-media/" + image.file.name
    assert response.content == b""
    assert client.get("/media/original_images/unknown.png").status_code == 404


def django_superuser():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser("root", password="x")


def test_suite_runs_on_the_database_named_by_database_url(db):
    from django.db import connection

    url = os.environ.get("DATABASE_URL", "sqlite://")
    expected = "postgresql" if url.startswith(("postgres", "pgsql")) else "sqlite"
    assert connection.vendor == expected


def test_production_workers_share_one_cache_without_redis(tmp_path):
    """Throttles count across gunicorn workers: two processes see one counter."""

    def run(code):
        env = {**os.environ, **production_env(tmp_path, VAR_DIR=str(tmp_path / "var"))}
        env.pop("REDIS_URL", None)
        result = subprocess.run(
            [sys.executable, "-c", f"import django; django.setup(); {code}"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    hit = "from home.throttle import Window; print(Window('reset-address', 3600).hit('1.2.3.4'))"
    assert run(hit) == "1"
    assert run(hit) == "2"  # another process, the same count
