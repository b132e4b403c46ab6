"""Editing without litter (home.admin_editing): the create form never autosaves a draft, a
page made after an abandoned form gets its clean slug, and editors who cannot publish have
“submit for review” as the main button."""

import re

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from disclosure.access import moderators_group
from disclosure.models import DisclosurePage, Membership, Role
from tests.factories import category

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model, org):
    user = django_user_model.objects.create_user("liaison", password="x")
    Membership.objects.create(user=user, organization=org, role=Role.EDITOR)
    client.force_login(user)
    return user


def add_url(parent):
    return f"/admin/pages/add/disclosure/disclosurepage/{parent.pk}/"


def first_footer_action(html):
    """The ``name`` of the main (first) button of the editor's footer; "" for save draft."""
    footer = html[html.index("<footer") :]
    button = re.search(r"<button[^>]*>", footer).group(0)
    name = re.search(r'name="([\w-]+)"', button)
    return name.group(1) if name else ""


def autosaves(html):
    """Whether the editor's form carries Wagtail's autosave controller."""
    return "data-w-autosave-interval-value" in html


def test_the_create_form_does_not_autosave_but_the_edit_form_does(
    client, editor, org, make_disclosure
):
    assert not autosaves(client.get(add_url(org)).content.decode())
    draft = make_disclosure(live=False)
    assert autosaves(client.get(f"/admin/pages/{draft.pk}/edit/").content.decode())


def test_a_page_in_review_does_not_autosave(client, editor, org, make_disclosure):
    """While a page waits for review its form saves nothing by itself: the reviewer's open form
    would otherwise leave a draft under their name beside the approval."""
    page = make_disclosure(live=False)
    edit_url = f"/admin/pages/{page.pk}/edit/"
    assert autosaves(client.get(edit_url).content.decode())
    page.save_revision(user=editor)
    workflow = page.get_workflow()
    assert workflow is not None
    workflow.start(page, editor)
    assert not autosaves(client.get(edit_url).content.decode())


def test_a_page_made_after_an_abandoned_form_gets_the_clean_slug(client, editor, org):
    client.get(add_url(org))  # opened, typed into, left: nothing is posted any more
    assert not DisclosurePage.objects.exists()
    data = nested_form_data(
        {
            "title": "主题党日活动",
            "slug": "主题党日活动",  # what the admin's title-to-slug script fills in
            "kind": "party",
            "category": category().pk,
            "audience": "public",
            "document_number": "",
            "date_written": "2025-03-01",
            "period_start": "",
            "period_end": "",
            "period_label": "",
            "validity": "valid",
            "superseded_by": "",
            "display_until": "",
            "summary": "一段摘要。",
            "body": streamfield([]),
            "attachments": inline_formset([]),
            "change_note": "",
        }
    )
    response = client.post(add_url(org), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert DisclosurePage.objects.get().slug == "zhu-ti-dang-ri-huo-dong"


def test_submit_for_review_is_the_editors_main_button(client, editor, org, make_disclosure):
    draft = make_disclosure(live=False)
    for url in (add_url(org), f"/admin/pages/{draft.pk}/edit/"):
        html = client.get(url).content.decode()
        assert first_footer_action(html) == "action-submit", url
        assert "提交" in re.search(r'name="action-submit"[^>]*>(.*?)</button>', html, re.S).group(1)


def test_moderators_keep_wagtails_order(client, django_user_model, make_disclosure):
    moderator = django_user_model.objects.create_user("gongwei", password="x")
    moderator.groups.add(moderators_group())
    client.force_login(moderator)
    draft = make_disclosure(live=False)
    html = client.get(f"/admin/pages/{draft.pk}/edit/").content.decode()
    assert 'name="action-publish"' in html
    assert first_footer_action(html) != "action-submit"


# ---- the explorer (home.admin_editing.ExplorerView) ---------------------------------------------


def explorer_rows(client, parent, **params):
    """The rows of ``parent``'s explorer, each the HTML of one ``<tr>``."""
    html = client.get(f"/admin/pages/{parent.pk}/", params).content.decode()
    table = html[html.index("<tbody>") : html.index("</tbody>", html.index("<tbody>"))]
    return table.split("<tr")[1:]


def titled(rows, title):
    return [row for row in rows if f"“{title}”的更多选项" in row]


def test_the_explorer_shows_20_rows_a_page(client, editor, org, make_disclosure):
    titles = [f"第{number}号事项" for number in range(22)]
    for title in titles:
        make_disclosure(title=title)
    first, second = explorer_rows(client, org), explorer_rows(client, org, p=2)
    assert len(first) == 20 and len(second) == 2
    assert all(len(titled(first + second, title)) == 1 for title in titles)


def test_the_explorer_marks_restricted_pages_and_only_them(client, editor, org, make_disclosure):
    from wagtail.models import PageViewRestriction

    from disclosure.models import Audience

    make_disclosure(title="公开的事项")
    make_disclosure(title="职工可见的事项", audience=Audience.ORGANIZATION)
    make_disclosure(title="党员可见的事项", audience=Audience.PARTY)
    rows = explorer_rows(client, org)
    assert "privacy-indicator" not in titled(rows, "公开的事项")[0]
    assert "privacy-indicator" in titled(rows, "职工可见的事项")[0]
    assert "privacy-indicator" in titled(rows, "党员可见的事项")[0]
    # A restriction on the organisation itself reaches every row below it.
    PageViewRestriction.objects.create(page=org, restriction_type=PageViewRestriction.LOGIN)
    assert all("privacy-indicator" in row for row in explorer_rows(client, org))


def test_sort_menu_order_only_where_a_page_can_have_children(
    admin_client, index_page, org, make_disclosure
):
    make_disclosure(title="一条事项")
    assert "?ordering=ord" not in titled(explorer_rows(admin_client, org), "一条事项")[0]
    organisation = titled(explorer_rows(admin_client, index_page), org.title)[0]
    assert f"/admin/pages/{org.pk}/?ordering=ord" in organisation
