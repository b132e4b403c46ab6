"""Importing members: the command and the admin, all rows or none, repeatable."""

import base64
import hashlib
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command

from disclosure.access import moderators_group
from disclosure.models import Membership, Role

pytestmark = pytest.mark.django_db

GOOD = """姓名,用户名,手机号,邮箱,角色
张伟,zhangwei,,zhangwei@example.com,职工
李娜,,13800138000,,党员
王强,wangqiang,,,编辑
"""


def write(tmp_path, text, encoding="utf-8-sig"):
    path = tmp_path / "members.csv"
    path.write_bytes(text.encode(encoding))
    return path


def run(org, path):
    out = io.StringIO()
    call_command("import_members", org.slug, str(path), stdout=out, stderr=out)
    return out.getvalue()


def test_import_creates_accounts_memberships_and_groups(org, tmp_path):
    output = run(org, write(tmp_path, GOOD))
    User = get_user_model()
    zhang = User.objects.get(username="zhangwei")
    assert not zhang.has_usable_password()
    assert Membership.objects.get(user=zhang).role == Role.EMPLOYEE
    assert list(zhang.groups.all()) == [org.access.employees]
    assert Membership.objects.get(user__username="13800138000").role == Role.PARTY_MEMBER
    # Email for those who have one; a printed link for the others.
    assert len(mail.outbox) == 1 and "zhangwei@example.com" in mail.outbox[0].to
    assert "13800138000" in output and "/accounts/password/reset/" in output
    assert "3 new accounts" in output or "新建账号 3 个" in output


def test_the_set_password_link_works(client, org, tmp_path):
    output = run(org, write(tmp_path, GOOD))
    link = re.search(r"http://\S+(/accounts/password/reset/\S+/)", output).group(1)
    response = client.get(link, follow=True)
    assert response.status_code == 200 and "设置新密码" in response.content.decode()


def test_importing_the_same_file_again_changes_nothing(org, tmp_path):
    path = write(tmp_path, GOOD)
    run(org, path)
    before = list(Membership.objects.values_list("pk", "role"))
    output = run(org, path)
    assert list(Membership.objects.values_list("pk", "role")) == before
    assert "3" in output and len(mail.outbox) == 1


def test_gbk_files_from_excel_are_read(org, tmp_path):
    run(org, write(tmp_path, GOOD, encoding="gb18030"))
    assert get_user_model().objects.get(username="zhangwei").first_name == "张伟"


@pytest.mark.parametrize(
    ("bad_row", "message"),
    [
        ("赵六,zhaoliu,,not-an-email,职工", "第 5 行"),
        (",noname,,,职工", "第 5 行"),
        ("钱七,,12345,,职工", "第 5 行"),
        ("孙八,sunba,,,董事长", "第 5 行"),
        ("张伟二,zhangwei,,,职工", "第 5 行"),
    ],
)
def test_a_bad_row_is_named_and_nothing_is_written(org, tmp_path, bad_row, message):
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_members",
            org.slug,
            str(write(tmp_path, GOOD + bad_row + "\n")),
            stdout=out,
            stderr=out,
        )
    assert message in out.getvalue()
    assert not Membership.objects.exists()
    assert not get_user_model().objects.filter(username="zhangwei").exists()


def test_unknown_organisation_and_bad_header(org, tmp_path):
    with pytest.raises(CommandError):
        run(type("Org", (), {"slug": "nope"}), write(tmp_path, GOOD))
    with pytest.raises(CommandError):
        run(org, write(tmp_path, "foo,bar\n1,2\n"))


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user("moderator", password="x")
    user.groups.add(moderators_group())
    return user


def test_admin_import_previews_then_confirms(client, moderator, org):
    client.force_login(moderator)
    url = "/admin/members/import/"
    assert "CSV" in client.get(url).content.decode()
    upload = io.BytesIO(GOOD.encode())
    upload.name = "members.csv"
    response = client.post(url, {"organization": org.pk, "csv_file": upload})
    html = response.content.decode()
    assert "张伟" in html and not Membership.objects.exists()
    data = re.search(r'name="data" value="([^"]+)"', html).group(1)
    response = client.post(url, {"organization": org.pk, "data": data, "confirm": "1"})
    assert response.status_code == 200
    assert Membership.objects.filter(organization=org).count() == 3
    assert "13800138000" in response.content.decode()  # its set-password link


def test_admin_import_shows_row_errors_and_offers_no_confirm(client, moderator, org):
    client.force_login(moderator)
    upload = io.BytesIO((GOOD + "孙八,sunba,,,董事长\n").encode())
    upload.name = "members.csv"
    html = client.post("/admin/members/import/", {"organization": org.pk, "csv_file": upload})
    html = html.content.decode()
    assert "第 5 行" in html
    assert 'name="confirm"' not in html


def test_editors_import_only_into_their_own_organisation(client, org, other_org, django_user_model):
    editor = django_user_model.objects.create_user("editor", password="x")
    Membership.objects.create(user=editor, organization=org, role=Role.EDITOR)
    client.force_login(editor)
    html = client.get("/admin/members/import/").content.decode()
    assert org.title in html and other_org.title not in html
    upload = io.BytesIO(GOOD.encode())
    upload.name = "members.csv"
    response = client.post(
        "/admin/members/import/", {"organization": other_org.pk, "csv_file": upload}
    )
    assert not Membership.objects.filter(organization=other_org).exists()
    assert response.status_code == 200


def test_readers_cannot_import(client, django_user_model, org):
    reader = django_user_model.objects.create_user("reader", password="x")
    Membership.objects.create(user=reader, organization=org, role=Role.EMPLOYEE)
    client.force_login(reader)
    response = client.get("/admin/members/import/")
    assert response.status_code in (302, 403)


# ---- imports cannot capture accounts --------------------------------------------------------

REFUSED = "该账号不能由本单位导入，请联系两新工委"


@pytest.fixture
def org_editor(django_user_model, org):
    editor = django_user_model.objects.create_user("editor", password="x")
    Membership.objects.create(user=editor, organization=org, role=Role.EDITOR)
    return editor


@pytest.fixture
def accounts_elsewhere(django_user_model, other_org, moderator):
    """The reported attack's names: the superuser, the moderator, another organisation's
    editor, plus a staff account and an account of no organisation."""
    django_user_model.objects.create_superuser("admin", "admin@example.com", "x")
    django_user_model.objects.create_user("staffer", password="x", is_staff=True)
    django_user_model.objects.create_user("loner", password="x")
    other = django_user_model.objects.create_user("other-editor", password="x")
    Membership.objects.create(user=other, organization=other_org, role=Role.EDITOR)
    return ["admin", "moderator", "other-editor", "staffer", "loner"]


def preview(client, org, text):
    upload = io.BytesIO(text.encode())
    upload.name = "members.csv"
    return client.post("/admin/members/import/", {"organization": org.pk, "csv_file": upload})


def snapshot(django_user_model):
    return (
        sorted(Membership.objects.values_list("user__username", "organization_id", "role")),
        sorted(django_user_model.objects.values_list("username", "groups__name")),
    )


def test_an_editors_import_cannot_capture_existing_accounts(
    client, org, org_editor, accounts_elsewhere, django_user_model
):
    client.force_login(org_editor)
    before = snapshot(django_user_model)
    rows = "".join(f"某人,{name},,编辑\n" for name in accounts_elsewhere)
    html = preview(client, org, "姓名,用户名,邮箱,角色\n" + rows).content.decode()
    for line in range(2, 2 + len(accounts_elsewhere)):
        assert f"第 {line} 行：{REFUSED}" in html
    assert 'name="confirm"' not in html
    # The refusal is the same for every kind of account and names none of their details.
    assert "两新工委·" not in html and "超级" not in html
    assert snapshot(django_user_model) == before


def test_a_forged_confirmation_writes_nothing(client, org, org_editor, accounts_elsewhere):
    client.force_login(org_editor)
    data = base64.b64encode("姓名,用户名,角色\n冒名,moderator,编辑\n".encode()).decode()
    client.post("/admin/members/import/", {"organization": org.pk, "data": data, "confirm": "1"})
    assert not Membership.objects.filter(user__username="moderator").exists()


def test_the_preview_does_not_say_who_has_an_account(
    client, org, org_editor, accounts_elsewhere, django_user_model
):
    """An editor learns nothing from an existing name that a refused row would not tell:
    there is no 'joins' for them, only new accounts and their own members."""
    client.force_login(org_editor)
    member = django_user_model.objects.create_user("own-member", password="x")
    Membership.objects.create(user=member, organization=org, role=Role.EMPLOYEE)
    html = preview(
        client, org, "姓名,用户名,角色\n新人,brand-new,职工\n本单位,own-member,党员\n"
    ).content.decode()
    assert "新建账号" in html and "角色变更" in html
    assert "加入本单位" not in html


def test_editors_may_still_import_their_own_members(client, org, org_editor, django_user_model):
    member = django_user_model.objects.create_user("own-member", password="x")
    Membership.objects.create(user=member, organization=org, role=Role.EMPLOYEE)
    client.force_login(org_editor)
    data = base64.b64encode("姓名,用户名,角色\n本单位,own-member,党员\n".encode()).decode()
    client.post("/admin/members/import/", {"organization": org.pk, "data": data, "confirm": "1"})
    assert Membership.objects.get(user=member).role == Role.PARTY_MEMBER


def test_moderators_may_add_an_ordinary_account_of_another_organisation(
    client, org, other_org, moderator, accounts_elsewhere
):
    client.force_login(moderator)
    text = "姓名,用户名,角色\n调入,other-editor,职工\n"
    html = preview(client, org, text).content.decode()
    assert REFUSED not in html
    data = base64.b64encode(text.encode()).decode()
    client.post("/admin/members/import/", {"organization": org.pk, "data": data, "confirm": "1"})
    assert Membership.objects.filter(user__username="other-editor", organization=org).exists()
    # Privileged accounts stay out of every import, the committee's included.
    html = preview(client, org, "姓名,用户名,角色\n某人,admin,职工\n").content.decode()
    assert f"第 2 行：{REFUSED}" in html


def test_every_import_is_in_the_audit_log(client, org, moderator):
    from wagtail.models import PageLogEntry

    client.force_login(moderator)
    data = base64.b64encode(GOOD.encode()).decode()
    client.post("/admin/members/import/", {"organization": org.pk, "data": data, "confirm": "1"})
    entry = PageLogEntry.objects.get(action="nanhu.import_members", page=org)
    assert entry.user == moderator
    assert entry.data["sha256"] == hashlib.sha256(GOOD.encode()).hexdigest()
    assert entry.data["rows"] == 3 and entry.data["new"] == 3
    assert ["zhangwei", "new", Role.EMPLOYEE] in entry.data["changes"]


def test_probing_for_names_is_logged_and_stops_for_the_day(
    client, org, org_editor, accounts_elsewhere, settings
):
    from wagtail.models import PageLogEntry

    settings.IMPORT_REFUSALS_PER_DAY = 6
    client.force_login(org_editor)
    rows = "".join(f"某人,{name},,编辑\n" for name in accounts_elsewhere)  # 5 refused
    html = preview(client, org, "姓名,用户名,邮箱,角色\n" + rows).content.decode()
    assert REFUSED in html
    entry = PageLogEntry.objects.get(action="nanhu.import_refused")
    assert entry.user == org_editor and entry.data["usernames"] == accounts_elsewhere
    # The next file pushes the day's refusals past the limit: no row is checked or shown.
    html = preview(client, org, "姓名,用户名,邮箱,角色\n" + rows).content.decode()
    assert "今天被拒绝的导入行过多" in html and REFUSED not in html
    # From then on no file is checked that day, not even one of unknown names only: each would
    # still say "none of these exist".
    html = preview(client, org, GOOD).content.decode()
    assert "今天被拒绝的导入行过多" in html and "新建账号" not in html


def test_a_look_alike_of_an_existing_name_is_refused(client, org, org_editor, accounts_elsewhere):
    client.force_login(org_editor)
    html = preview(client, org, "姓名,用户名,角色\n冒名,Admin,职工\n").content.decode()
    assert f"第 2 行：{REFUSED}" in html


def test_an_own_member_may_be_named_in_another_case(client, org, org_editor, django_user_model):
    member = django_user_model.objects.create_user("own-member", password="x")
    Membership.objects.create(user=member, organization=org, role=Role.EMPLOYEE)
    client.force_login(org_editor)
    data = base64.b64encode("姓名,用户名,角色\n本单位,Own-Member,党员\n".encode()).decode()
    client.post("/admin/members/import/", {"organization": org.pk, "data": data, "confirm": "1"})
    assert Membership.objects.get(user=member).role == Role.PARTY_MEMBER
    assert not django_user_model.objects.filter(username="Own-Member").exists()
