"""Later publications carry a public change note; withdrawal keeps the page; no deleting."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from disclosure.models import DisclosurePage

pytestmark = pytest.mark.django_db


def edit_data(page, **changes):
    data = {
        "title": page.title,
        "slug": page.slug,
        "kind": page.kind,
        "category": page.category_id,
        "audience": page.audience,
        "document_number": page.document_number,
        "date_written": page.date_written.isoformat(),
        "period_start": "",
        "period_end": "",
        "period_label": page.period_label,
        "validity": page.validity,
        "superseded_by": "",
        "display_until": page.display_until.isoformat() if page.display_until else "",
        "summary": page.summary,
        "body": streamfield([]),
        "attachments": inline_formset([]),
        "change_note": "",
        "action-publish": "publish",
    }
    data.update(changes)
    return nested_form_data(data)


def edit(client, page, **changes):
    return client.post(f"/admin/pages/{page.pk}/edit/", edit_data(page, **changes))


def test_republishing_without_a_note_is_refused(admin_client, make_disclosure):
    page = make_disclosure()
    response = edit(admin_client, page, summary="改过的摘要")
    assert response.status_code == 200
    assert "请向读者说明修改了什么" in response.content.decode()
    page.refresh_from_db()
    assert page.summary == "一段摘要。"


def test_change_note_is_published_in_the_history(admin_client, client, make_disclosure):
    page = make_disclosure()
    number = page.index_number
    response = edit(admin_client, page, summary="更正后的摘要", change_note="更正第二项金额。")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.summary == "更正后的摘要"
    assert page.index_number == number
    assert page.last_amended_on is not None
    html = client.get(page.url).content.decode()
    assert "更正第二项金额。" in html
    assert "已修订" in html
    # The next edit starts with an empty note, so an old note is never repeated.
    form_html = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "更正第二项金额。" not in form_html.split('name="change_note"')[1][:200]


def test_minor_change_needs_no_note(admin_client, make_disclosure):
    page = make_disclosure()
    response = edit(admin_client, page, title="改正错别字后的标题", minor_change="on")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "改正错别字后的标题"
    assert not page.amendments.exists()


def test_first_publication_needs_no_note(admin_client, make_disclosure):
    page = make_disclosure(live=False)
    response = edit(admin_client, page, title="首次发布")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live and page.index_number
    assert not page.amendments.exists()


def test_withdrawal_needs_a_reason_and_keeps_the_page(admin_client, client, make_disclosure):
    page = make_disclosure(title="将被撤回的公示")
    url = f"/admin/disclosures/{page.pk}/withdraw/"
    assert "撤回原因" in admin_client.get(url).content.decode()
    response = admin_client.post(url, {"kind": "withdrawn", "reason": ""})
    assert response.status_code == 200
    page.refresh_from_db()
    assert page.withdrawn_at is None
    response = admin_client.post(url, {"kind": "withdrawn", "reason": "统计口径有误，已另行发布。"})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.withdrawn_at is not None
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "已撤回" in html and "统计口径有误，已另行发布。" in html
    assert page.index_number in html
    # Withdrawn once is withdrawn: it can still be taken down, never withdrawn again.
    response = admin_client.post(url, {"kind": "withdrawn", "reason": "再撤回一次。"})
    assert response.status_code == 200
    page.refresh_from_db()
    assert page.withdrawal_reason == "统计口径有误，已另行发布。"


def test_withdrawal_survives_a_later_publication(admin_client, make_disclosure):
    page = make_disclosure()
    admin_client.post(
        f"/admin/disclosures/{page.pk}/withdraw/", {"kind": "withdrawn", "reason": "内容有误。"}
    )
    page.refresh_from_db()
    page.save_revision().publish()
    page.refresh_from_db()
    assert (page.withdrawal_reason, page.withdrawal_kind) == ("内容有误。", "withdrawn")


@pytest.fixture
def org_editor(django_user_model, org):
    """An editor with every page permission on the organisation, but not the moderators' one."""
    group = Group.objects.create(name="测试编辑")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ["add_page", "change_page", "publish_page", "delete_page"]:
        GroupPagePermission.objects.create(
            group=group, page=org, permission=Permission.objects.get(codename=codename)
        )
    user = django_user_model.objects.create_user("editor", password="x")
    user.groups.add(group)
    return user


def test_editor_cannot_delete_a_published_disclosure(client, org_editor, make_disclosure):
    page = make_disclosure()
    client.force_login(org_editor)
    response = client.post(f"/admin/pages/{page.pk}/delete/", follow=True)
    assert DisclosurePage.objects.filter(pk=page.pk).exists()
    assert "已发布的公开信息不能删除" in response.content.decode()
    response = client.post(f"/admin/bulk/wagtailcore/page/delete/?id={page.pk}", {}, follow=True)
    assert DisclosurePage.objects.filter(pk=page.pk).exists()


def test_editor_can_delete_a_draft(client, org_editor, make_disclosure):
    page = make_disclosure(live=False)
    client.force_login(org_editor)
    client.post(f"/admin/pages/{page.pk}/delete/")
    assert not DisclosurePage.objects.filter(pk=page.pk).exists()


def test_editor_can_withdraw_in_their_organisation(client, org_editor, make_disclosure):
    page = make_disclosure()
    client.force_login(org_editor)
    response = client.post(
        f"/admin/disclosures/{page.pk}/withdraw/", {"kind": "withdrawn", "reason": "重复发布。"}
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.withdrawn_at is not None


def test_moderators_may_delete_through_the_bulk_action(admin_client, make_disclosure):
    # The same bulk request that the editor's test sends does delete for those allowed.
    page = make_disclosure()
    admin_client.post(f"/admin/bulk/wagtailcore/page/delete/?id={page.pk}", {})
    assert not DisclosurePage.objects.filter(pk=page.pk).exists()


def test_scheduled_publishing_gives_the_index_number_when_it_goes_live(make_disclosure):
    import datetime

    from django.core.management import call_command
    from django.utils import timezone
    from wagtail.models import Revision

    page = make_disclosure(live=False)
    page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live and page.index_number is None
    # An hour passes: the scheduled time is now behind us.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision = Revision.objects.get(object_id=str(page.pk), approved_go_live_at__isnull=False)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live and page.index_number
