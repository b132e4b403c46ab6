"""Importing members: the command and the admin, all rows or none, repeatable."""

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
