"""`load_demo`, `ensure_admin` and `show_logins`, as `make run` uses them."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def private_var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path


def run(command, *args):
    out = io.StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


def test_ensure_admin_generates_a_password_that_works_and_is_shown_again(home_page):
    output = run("ensure_admin", "--port", "8123")
    assert "http://127.0.0.1:8123/admin/" in output
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser
    password = next(word for word in output.split() if user.check_password(word.rstrip("，,")))
    assert len(password) >= 12
    again = run("show_logins")
    assert password in again
    # Running it again keeps the same account and password.
    assert password in run("ensure_admin")
    assert get_user_model().objects.filter(username="admin").count() == 1


def test_generated_passwords_differ(settings, tmp_path, home_page):
    from home.logins import generate_password

    assert len({generate_password() for _ in range(20)}) == 20


def test_changed_password_is_not_shown(home_page):
    run("ensure_admin")
    user = get_user_model().objects.get(username="admin")
    user.set_password("Something-else-2026")
    user.save()
    output = run("show_logins")
    assert "Something-else-2026" not in output
    assert "已修改" in output


@pytest.mark.parametrize("command", ["load_demo", "show_logins"])
def test_demo_commands_refuse_without_demo_settings(settings, command, home_page):
    settings.DEMO_ENABLED = False
    with pytest.raises(CommandError):
        run(command)
    assert not get_user_model().objects.filter(username="admin").exists()
