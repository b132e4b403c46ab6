"""Editors of one organisation never reach another's pages in the admin, drafts included."""

import pytest

from disclosure.models import Membership, Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(org, other_org, make_disclosure, django_user_model):
    editor_b = django_user_model.objects.create_user("editor_b", password="x")
    Membership.objects.create(user=editor_b, organization=other_org, role=Role.EDITOR)
    editor_a = django_user_model.objects.create_user("editor_a", password="x")
    Membership.objects.create(user=editor_a, organization=org, role=Role.EDITOR)
    return {
        "editor_a": editor_a,
        "editor_b": editor_b,
        "draft": make_disclosure(title="甲公司未发布草稿", live=False),
        "published": make_disclosure(title="甲公司已发布事项"),
        "own": make_disclosure(parent=other_org, title="乙商会自己的事项"),
        "org": org,
        "other_org": other_org,
    }


@pytest.mark.parametrize("target", ["draft", "published"])
@pytest.mark.parametrize(
    "action",
    ["edit/", "edit/preview/", "copy/", "move/", "delete/", "history/", "revisions/", ""],
)
def test_editor_b_cannot_touch_organisation_a(client, setup, target, action):
    client.force_login(setup["editor_b"])
    page = setup[target]
    url = f"/admin/pages/{page.pk}/{action}" if action else f"/admin/pages/{page.pk}/"
    response = client.get(url, follow=True)
    # Refused: a 403/404, or a redirect elsewhere (the dashboard, or B's own organisation).
    final = response.redirect_chain[-1][0] if response.redirect_chain else url
    assert response.status_code in (403, 404) or final != url, final
    assert page.title not in response.content.decode()


def test_editor_b_cannot_explore_organisation_a(client, setup):
    client.force_login(setup["editor_b"])
    response = client.get(f"/admin/pages/{setup['org'].pk}/", follow=True)
    assert "甲公司" not in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/admin/pages/search/?q=甲公司",
        "/admin/choose-page/search/?q=甲公司",
        "/admin/choose-page/",
    ],
)
def test_editor_b_does_not_find_organisation_a(client, setup, url):
    client.force_login(setup["editor_b"])
    html = client.get(url, follow=True).content.decode()
    assert "甲公司未发布草稿" not in html  # a published public page may be linked by anyone


def test_editor_a_works_in_their_own_organisation(client, setup):
    client.force_login(setup["editor_a"])
    assert client.get(f"/admin/pages/{setup['draft'].pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{setup['org'].pk}/").status_code == 200
    html = client.get("/admin/pages/search/?q=甲公司").content.decode()
    assert "甲公司未发布草稿" in html


def test_editors_submit_and_moderators_publish(client, setup, admin_client):
    from tests.disclosure.test_publishing import edit_data

    client.force_login(setup["editor_a"])
    draft = setup["draft"]
    data = edit_data(draft, title="提交审核的事项")
    data.pop("action-publish")
    data["action-submit"] = "submit"
    response = client.post(f"/admin/pages/{draft.pk}/edit/", data)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert not draft.live
    state = draft.current_workflow_state
    assert state is not None and state.workflow.name == "两新工委审核"
    # Publishing directly is not offered to the editor.
    data = edit_data(draft, title="想直接发布")
    response = client.post(f"/admin/pages/{draft.pk}/edit/", data)
    draft.refresh_from_db()
    assert not draft.live


def test_moderator_rejects_with_a_comment_and_the_editor_sees_it(client, setup, django_user_model):
    from disclosure.access import moderators_group
    from tests.disclosure.test_publishing import edit_data

    moderator = django_user_model.objects.create_user("moderator", password="x")
    moderator.groups.add(moderators_group())
    draft = setup["draft"]
    client.force_login(setup["editor_a"])
    data = edit_data(draft, title="待审核的事项")
    data.pop("action-publish")
    data["action-submit"] = "submit"
    client.post(f"/admin/pages/{draft.pk}/edit/", data)
    client.force_login(moderator)
    assert "待审核的事项" in client.get("/admin/").content.decode()  # awaiting review
    state = draft.current_workflow_state.current_task_state
    response = client.post(
        f"/admin/pages/workflow/action/{draft.pk}/reject/{state.pk}/",
        {"comment": "请补充会议记录。"},
    )
    assert response.status_code in (200, 302)
    client.force_login(setup["editor_a"])
    html = client.get("/admin/").content.decode()
    assert "退回修改" in html and "请补充会议记录。" in html
    client.force_login(setup["editor_b"])
    assert "请补充会议记录。" not in client.get("/admin/").content.decode()


def test_moderators_publish_directly(client, setup, django_user_model):
    from disclosure.access import moderators_group
    from tests.disclosure.test_publishing import edit_data

    moderator = django_user_model.objects.create_user("moderator", password="x")
    moderator.groups.add(moderators_group())
    client.force_login(moderator)
    draft = setup["draft"]
    response = client.post(f"/admin/pages/{draft.pk}/edit/", edit_data(draft, title="直接发布"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.live and draft.index_number


def test_approving_without_changes_logs_no_draft_by_the_moderator(client, setup, django_user_model):
    """A moderator who only approves is not recorded as having saved a draft (a field with a
    computed default, such as the date written, once looked changed on every post)."""
    from wagtail.models import PageLogEntry

    from disclosure.access import moderators_group
    from tests.disclosure.test_publishing import edit_data

    moderator = django_user_model.objects.create_user("moderator", password="x")
    moderator.groups.add(moderators_group())
    draft = setup["draft"]
    client.force_login(setup["editor_a"])
    data = edit_data(draft, title="只需批准的事项")
    data.pop("action-publish")
    data["action-submit"] = "submit"
    client.post(f"/admin/pages/{draft.pk}/edit/", data)
    draft.refresh_from_db()
    client.force_login(moderator)
    data = edit_data(draft)
    data.pop("action-publish")
    data.update({"action-workflow-action": "true", "workflow-action-name": "approve"})
    response = client.post(f"/admin/pages/{draft.pk}/edit/", data)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.live
    by_moderator = PageLogEntry.objects.filter(page=draft, user=moderator)
    assert "wagtail.workflow.approve" in set(by_moderator.values_list("action", flat=True))
    assert not by_moderator.filter(action="wagtail.edit").exists()
