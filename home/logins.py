"""Generated demo logins, kept in a private file so `make run` can show them again.

Only for local demo sites (settings.DEMO_ENABLED); production has no such file (there
`manage.py ensure_admin` prints the administrator's password once instead).
"""

import json
import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from home.validators import CharacterClassesValidator

LOGINS_FILE = "demo-logins.json"


def logins_path():
    return settings.VAR_DIR / LOGINS_FILE


def generate_password():
    """A random password that passes the password policy (three kinds of character, 16 long)
    and is easy to copy: letters, digits, "-" and "_"."""
    while True:
        password = secrets.token_urlsafe(12)
        if CharacterClassesValidator.classes(password) >= 3:
            return password


def stored_logins():
    """Role → {"username", "password"} as recorded, in the order they were created."""
    try:
        return json.loads(logins_path().read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}


def record_login(role, label, username, password):
    logins = stored_logins()
    logins[role] = {"label": str(label), "username": username, "password": password}
    path = logins_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written owner-only: the file holds passwords.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump(logins, handle, ensure_ascii=False, indent=2)


def ensure_login(role, label, username, **user_fields):
    """Return (user, password, created): create the user with a generated password if missing."""
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is not None:
        return user, stored_logins().get(role, {}).get("password"), False
    user, password = create_with_generated_password(username, **user_fields)
    record_login(role, label, username, password)
    return user, password, True


def create_with_generated_password(username, **user_fields):
    """Create the user with a new generated password; return (user, password)."""
    password = generate_password()
    user = get_user_model()(username=username, **user_fields)
    user.set_password(password)
    user.save()
    return user, password


def login_lines():
    """One readable line for every stored login whose user still exists."""
    User = get_user_model()
    lines = []
    for login in stored_logins().values():
        user = User.objects.filter(username=login["username"]).first()
        if user is None:
            continue
        if user.check_password(login["password"]):
            password = login["password"]
        else:
            password = _("(changed since it was generated)")
        lines.append(
            _("%(label)s: username %(username)s, password %(password)s")
            % {"label": login["label"], "username": login["username"], "password": password}
        )
    return lines
