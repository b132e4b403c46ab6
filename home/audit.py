"""The audit trail (等保 2.0): one record of who did what, in Wagtail's log and in a file.

Everything goes through Wagtail's log (``wagtail.log_actions.log``): Wagtail's own entries
(publish, unpublish, create, edit, delete, workflow steps, user and snippet changes) and this
project's (withdrawal and take-down with their reason, imports with the file's hash, group
changes, login failure bursts and pauses, certificate revocations, downloads of restricted
documents). So each shows in the object's history in the admin and in the 审计日志 report
(home.audit_admin), which moderators filter and export as XLSX.

Each entry is also appended, once its transaction commits, as one JSON line to a file of the day
(AUDIT_LOG_DIR/audit-YYYY-MM-DD.jsonl, opened append-only). A new file each day is the rotation;
every process appends whole lines, so several workers never overwrite each other. Entries and
files older than AUDIT_RETENTION_DAYS (at least 180) are removed by ``manage.py prune_audit_log``.
"""

import datetime
import json
import os
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, PageLogEntry, Site

from home.throttle import client_ip, normalise_username, record_login_failure, remember_address

LOGIN_FAILURE_BURST = "nanhu.login_failure_burst"
LOCKOUT = "nanhu.lockout"
GROUPS_CHANGED = "nanhu.groups_changed"
ACCOUNT_CHANGED = "nanhu.account_changed"
WATCHED_ACCOUNT_FIELDS = ("password", "is_superuser", "is_staff", "is_active")
IMPORT_MEMBERS = "nanhu.import_members"
IMPORT_REFUSED = "nanhu.import_refused"
CERTIFICATE_REVOKED = "nanhu.certificate_revoke"
RESTRICTED_DOWNLOAD = "nanhu.restricted_download"
MIN_RETENTION_DAYS = 180


def record(action, instance=None, user=None, data=None):
    """Write ``action`` to the audit trail. ``instance`` is what it concerns; events that concern
    no object (a burst of failed logins for an unknown name) are filed under the site."""
    if instance is None:
        instance = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    if instance is None:
        return None
    return log(instance=instance, action=action, user=user, data=data or {})


# ---- the file ---------------------------------------------------------------------------------


def log_dir():
    return Path(settings.AUDIT_LOG_DIR)


def file_for(day):
    return log_dir() / f"audit-{day.isoformat()}.jsonl"


def append_line(entry):
    """Append one entry as a JSON line to today's file (append-only, owner and group only)."""
    moment = timezone.localtime(entry.get("time") or timezone.now())
    entry = {**entry, "time": moment.isoformat(timespec="seconds")}
    directory = log_dir()
    directory.mkdir(parents=True, exist_ok=True)
    line = json.dumps(entry, ensure_ascii=False, default=str) + "\n"
    descriptor = os.open(file_for(moment.date()), os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
    try:
        os.write(descriptor, line.encode("utf-8"))
    finally:
        os.close(descriptor)


def entry_line(log_entry):
    user = log_entry.user
    return {
        "time": log_entry.timestamp,
        "action": log_entry.action,
        "user_id": log_entry.user_id,
        "username": user.get_username() if user is not None else None,
        "object_type": f"{log_entry.content_type.app_label}.{log_entry.content_type.model}"
        if log_entry.content_type_id
        else None,
        "object_id": str(getattr(log_entry, "page_id", None) or log_entry.object_id),
        "label": log_entry.label,
        "data": log_entry.data,
        "uuid": str(log_entry.uuid) if log_entry.uuid else None,
    }


def write_entry_to_file(sender, instance, created, **kwargs):
    if created:
        line = entry_line(instance)
        transaction.on_commit(lambda: append_line(line))


# ---- logins -----------------------------------------------------------------------------------


def known_user(username):
    if not username:
        return None
    User = get_user_model()
    return User.objects.filter(**{f"{User.USERNAME_FIELD}__iexact": username.strip()}).first()


def login_failed(sender, credentials, request=None, **kwargs):
    """Count the failure for throttling; write it to the file; a burst (every
    AXES_FAILURE_LIMIT failures of one account) also to Wagtail's log."""
    username = normalise_username((credentials or {}).get("username"))
    address = client_ip(request) if request is not None else ""
    failures = record_login_failure(request, username)
    append_line(
        {
            "action": "nanhu.login_failed",
            "username": username,
            "ip": address,
            "counted": bool(failures),
        }
    )
    if failures and failures % settings.AXES_FAILURE_LIMIT == 0:
        record(
            LOGIN_FAILURE_BURST,
            known_user(username),
            data={"username": username, "ip": address, "failures": failures},
        )


def logged_in(sender, request, user, **kwargs):
    remember_address(request, user.get_username())
    append_line(
        {"action": "nanhu.login", "username": user.get_username(), "ip": client_ip(request)}
    )


def locked_out(sender, request, username, ip_address, **kwargs):
    """A pause (axes) or slow-down, once per account and address per pause."""
    username = normalise_username(username)
    key = f"audit:lockout:{username}:{ip_address}"
    if not cache.add(key, True, int(settings.AXES_COOLOFF_TIME * 3600)):
        return
    record(
        LOCKOUT,
        known_user(username),
        data={
            "username": username,
            "ip": ip_address,
            "slowed_down": bool(getattr(request, "login_wait", 0)),
        },
    )


# ---- accounts ----------------------------------------------------------------------------------


def account_changed(sender, instance, update_fields=None, raw=False, **kwargs):
    """A new password (wherever it was set: the site, the admin, a reset link) and a change of
    superuser, staff or active, with what changed (never the password itself)."""
    if raw or instance.pk is None:
        return
    fields = [
        name for name in WATCHED_ACCOUNT_FIELDS if update_fields is None or name in update_fields
    ]
    if not fields:
        return  # e.g. the last_login saved at every login
    before = sender.objects.filter(pk=instance.pk).values(*fields).first()
    if before is None:
        return
    changed = {
        name: getattr(instance, name) for name in fields if before[name] != getattr(instance, name)
    }
    if not changed:
        return
    if "password" in changed:
        changed["password"] = "changed"
    transaction.on_commit(lambda: record(ACCOUNT_CHANGED, instance, data=changed))


# ---- groups -------------------------------------------------------------------------------------


def groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """Who was put in or taken out of which group (roles and the committee)."""
    if action not in ("post_add", "post_remove") or not pk_set:
        return
    from django.contrib.auth.models import Group

    verb = "added" if action == "post_add" else "removed"
    if reverse:  # group.user_set.add(users…)
        users = get_user_model().objects.filter(pk__in=pk_set)
        for user in users:
            record(GROUPS_CHANGED, user, data={verb: [instance.name]})
    else:
        names = sorted(Group.objects.filter(pk__in=pk_set).values_list("name", flat=True))
        record(GROUPS_CHANGED, instance, data={verb: names})


# ---- retention ----------------------------------------------------------------------------------


def retention_days():
    return max(MIN_RETENTION_DAYS, int(settings.AUDIT_RETENTION_DAYS))


def prune(now=None):
    """Remove log entries and day files older than the retention period; returns counts."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=retention_days())
    entries = 0
    for model in (PageLogEntry, ModelLogEntry):
        entries += model.objects.filter(timestamp__lt=cutoff).delete()[0]
    files = 0
    cutoff_day = timezone.localtime(cutoff).date()
    if log_dir().is_dir():
        for path in log_dir().glob("audit-*.jsonl"):
            try:
                day = datetime.date.fromisoformat(path.stem.removeprefix("audit-"))
            except ValueError:
                continue
            if day < cutoff_day:
                path.unlink()
                files += 1
    return entries, files
