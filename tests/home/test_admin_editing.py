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
