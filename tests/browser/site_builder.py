"""The browser tests' demo site, built once per test run.

Building it (migrate, load_demo, ensure_admin) takes a minute of CPU. The first worker starts
it in the background as soon as the tests are collected (``tests/conftest.py`` puts the browser
tests last), so it overlaps with the other tests; a worker that needs the site first waits on
the same lock, or builds it itself if the background build failed. Every worker then serves a
copy of the folder.

Run as ``python -m tests.browser.site_builder FOLDER`` for the background build.
"""

import fcntl
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "var" / "screenshots"
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
COMMANDS = (["migrate", "--noinput"], ["load_demo"], ["ensure_admin"])


def server_env(folder):
    """The environment of a site whose database, media and var folder are in ``folder``."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DEBUG="false",
        VAR_DIR=str(folder / "var"),
        MEDIA_ROOT=str(folder / "media"),
        DATABASE_URL=f"sqlite:///{folder / 'site.sqlite3'}",
        PYTHONUNBUFFERED="1",
    )
    return env


def shared_folder(config):
    """A folder every worker of this run shares: beside the workers' own temporary folders,
    so pytest removes it with them (it keeps the last three runs)."""
    base = config._tmp_path_factory.getbasetemp()  # the fixture's factory, before any fixture
    shared = base.parent if hasattr(config, "workerinput") else base
    return shared / "demo-site"


def build_once(folder):
    """Build the site in ``folder`` unless this run already has; wait while another builds."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    with open(folder.parent / "demo-site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (folder / "built").exists():
            return
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(SCREENSHOTS, ignore_errors=True)  # the last run's, once per run
        folder.mkdir()
        env = server_env(folder)
        for command in COMMANDS:
            result = subprocess.run(
                [sys.executable, "manage.py", *command], cwd=ROOT, env=env, capture_output=True
            )
            if result.returncode:
                raise RuntimeError(
                    f"manage.py {' '.join(command)} failed:\n{result.stdout.decode()}"
                    f"\n{result.stderr.decode()}"
                )
        (folder / "built").touch()


def start_in_background(folder):
    """Start building ``folder`` in another process; returns the process."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    return subprocess.Popen(
        [sys.executable, "-m", "tests.browser.site_builder", str(folder)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


if __name__ == "__main__":
    build_once(Path(sys.argv[1]))
