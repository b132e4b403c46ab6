"""Reading deploy-time settings from the environment.

Every value a deployment may change comes from here, with a safe local default where one exists.
A bad or missing value stops start-up with one line on stderr that names the variable, instead of a
traceback from deep inside Django.
"""

import os
import sys
from urllib.parse import urlsplit

import dj_database_url

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def fail(variable, problem):
    """Stop start-up with one clear line naming the variable."""
    sys.stderr.write(f"Configuration error: {variable} {problem}\n")
    raise SystemExit(2)


def env_str(name, default=None, required=False):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        if required:
            fail(name, "must be set (see README, 'Production').")
        return default
    return value.strip()


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    word = value.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    return fail(name, f"must be true or false, not {value!r}.")


def env_int(name, default):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError:
        return fail(name, f"must be a whole number, not {value!r}.")


def env_list(name, default=()):
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def base_url_problem(value):
    """What is wrong with ``value`` as a site's address (scheme, host and port only), or None."""
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - reading it checks the port
    except ValueError:
        return "is not a web address"
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return "must start with http:// or https:// and name a host"
    if parts.path.strip("/") or parts.query or parts.fragment or parts.username:
        return "must be only the scheme, host and port, with no path or query"
    return None


def env_base_url(name):
    """A site's address such as ``https://gk.example.org`` (no trailing slash), or "" if unset."""
    value = (env_str(name) or "").rstrip("/")
    problem = value and base_url_problem(value)
    if problem:
        fail(name, f"{problem}: {value!r} (for example https://gk.example.org).")
    return value


def env_database(name, default_sqlite_path):
    """Parse DATABASE_URL; default to an SQLite file tuned for concurrent writers."""
    url = env_str(name)
    if url is None:
        config = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(default_sqlite_path)}
    else:
        try:
            config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
        except Exception as error:  # dj-database-url raises several types for bad URLs
            return fail(name, f"is not a valid database URL ({error}).")
        if not config.get("ENGINE") or not config.get("NAME"):
            return fail(name, "is not a valid database URL (no engine or database name).")
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets readers work beside a writer; IMMEDIATE transactions and a busy timeout make
        # concurrent writers wait for the lock instead of failing with "database is locked".
        config["CONN_MAX_AGE"] = 0
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    return config
