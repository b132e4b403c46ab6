"""Demo code stays apart from the product: only `load_demo` imports it, in dependency order."""

import json
import os
import subprocess
import sys
from pathlib import Path

from home.management.commands.load_demo import demo_loaders

ROOT = Path(__file__).resolve().parents[2]

# Everything a serving process loads (the WSGI application, every app's hooks, every URL's view,
# template tag libraries) and every module of the project's apps except their demo packages,
# management commands and migrations. Prints the demo modules that got imported, and what loaded.
PRODUCTION_IMPORTS = """
import json, pkgutil, sys
from importlib import import_module
from pathlib import Path

import django

django.setup()
from django.apps import apps
from django.template import engines
from django.urls import URLResolver, get_resolver
from wagtail import hooks

from config.wsgi import application  # noqa: F401

NOT_PRODUCT = {"demo", "management", "migrations"}


def product_modules(path, prefix):
    for info in pkgutil.iter_modules([str(path)]):
        if info.name not in NOT_PRODUCT:
            yield prefix + info.name
            if info.ispkg:
                yield from product_modules(path / info.name, f"{prefix}{info.name}.")


def views(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from views(pattern.url_patterns)
        else:
            yield pattern.callback


hooks.search_for_hooks()
view_modules = {view.__module__ for view in views(get_resolver().url_patterns)}
engines.all()
project_apps = [app for app in apps.get_app_configs() if Path(app.path).parent == Path.cwd()]
for app in project_apps:
    for name in product_modules(Path(app.path), f"{app.name}."):
        import_module(name)
print(json.dumps({
    "demo": sorted(
        name for name in sys.modules
        if any(part == "demo" or part.startswith("demo_") for part in name.split("."))
    ),
    "apps": [app.name for app in project_apps],
    "loaded": sorted(sys.modules),
    "view_modules": sorted(view_modules),
}))
"""


def production_process_modules(tmp_path):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "demo-isolation-test-" + "x1y2z3" * 10,
        "ALLOWED_HOSTS": "portal.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "VAR_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", PRODUCTION_IMPORTS],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_serving_process_imports_no_demo_code(tmp_path):
    modules = production_process_modules(tmp_path)
    assert modules["demo"] == []
    # It did load the product: every app's hooks and the views behind the URLs.
    assert modules["apps"] == ["home", "disclosure", "integrity", "training", "screens"]
    for app in modules["apps"]:
        assert f"{app}.wagtail_hooks" in modules["loaded"]
    assert {"disclosure.views", "training.views", "screens.views"} <= set(modules["view_modules"])


def test_load_demo_runs_every_apps_demo_in_dependency_order():
    assert [load.__module__ for load in demo_loaders()] == [
        "home.demo",
        "disclosure.demo",
        "integrity.demo",
        "training.demo",
        "screens.demo",
    ]
