"""Take-down (撤下) beside withdrawal (撤回), and copies of published disclosures.

A withdrawn disclosure keeps its text, marked; a taken-down one keeps only its record (title,
索引号, publication facts, date and reason): its summary, text and attachments leave the page,
search, the API, feeds and file downloads, and no later publication brings them back. Its
earlier revisions are for the committee only, and each look is logged.
"""

import json

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import PageLogEntry, Revision
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, rich_text, streamfield

from disclosure import signals
from disclosure.models import Audience, DisclosureAmendment, DisclosurePage, OrganizationPage
from home.visibility import can_view_file
from tests import privacy_world
from tests.disclosure.test_publishing import edit_data
from tests.factories import make_image

pytestmark = pytest.mark.django_db

world = privacy_world.world  # the privacy table's users and pages, as a fixture here too
client_for = privacy_world.client_for


SECRET = "蓝鲸计划"  # a word only in the body
SUMMARY = "报名人员身份证号汇总"
REASON = "个人信息未做脱敏，身份证号误发布。"
TITLE = "甲公司公开事项"  # the world's public disclosure
ENGLISH = {"site_language": "en"}  # new sentences, checked before their translation lands


@pytest.fixture
def exposed(world):
    """The world's public disclosure, published again with a summary, a body that links a
    document and shows an image, and its attachment: what a take-down must remove."""
    linked = get_document_model()(title="报名表")
    linked.file.save("signup.pdf", ContentFile(b"%PDF-1.4 signup"), save=True)
    image = make_image("现场照片")
    page = DisclosurePage.objects.get(pk=world["pages"][Audience.PUBLIC].pk)
    page.summary = SUMMARY
    page.body = [
        ("paragraph", RichText(f"<p>参加{SECRET}的人员名单</p>")),
        ("document", {"document": linked, "title": ""}),
        ("image", {"image": image, "alt": "", "caption": ""}),
    ]
    page.minor_change = True
    first = page.save_revision()
    first.publish()
    page.refresh_from_db()
    return {
        "page": page,
        "first_revision": first,
        "documents": [world["documents"][Audience.PUBLIC], linked],
        "image": image,
    }


def shows(html, word):
    """Whether ``html`` holds ``word``, also as the admin's StreamField data escapes it (JSON in
    JSON: ``\\u84dd``)."""
    escaped = json.dumps(word)[1:-1]
    return any(form in html for form in (word, escaped, json.dumps(escaped)[1:-1]))


def withdraw_url(page):
    return f"/admin/disclosures/{page.pk}/withdraw/"


def take_down(client, world, page, role="moderator", reason=REASON):
    client_for(client, world, role)
    response = client.post(withdraw_url(page), {"kind": "removed", "reason": reason})
    client.logout()
    page.refresh_from_db()
    return response


def search_finds(client, query, page):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return page.pk in {item["page"].pk for item in response.context["results"] or []}


# ---- the admin view -------------------------------------------------------------------------


def test_the_kind_and_the_reason_are_both_required(admin_client, world):
    page = world["pages"][Audience.PUBLIC]
    html = admin_client.get(withdraw_url(page)).content.decode()
    assert 'value="withdrawn"' in html and 'value="removed"' in html
    for data in (
        {"reason": REASON},
        {"kind": "removed"},
        {"kind": "deleted", "reason": REASON},
        {"kind": "removed", "reason": "   "},
    ):
        assert admin_client.post(withdraw_url(page), data).status_code == 200, data
        page.refresh_from_db()
        assert not page.is_withdrawn, data


def test_withdrawal_keeps_the_text_and_take_down_removes_it(client, world, exposed):
    page = exposed["page"]
    client_for(client, world, "editor_a")
    response = client.post(withdraw_url(page), {"kind": "withdrawn", "reason": "已另行发布。"})
    assert response.status_code == 302
    client.logout()
    page.refresh_from_db()
    assert (page.withdrawal_kind, page.withdrawal_reason) == ("withdrawn", "已另行发布。")
    html = client.get(page.url).content.decode()
    assert "已撤回" in html and SECRET in html and SUMMARY in html
    for document in exposed["documents"]:
        assert client.get(document.url).status_code == 200

    # Escalation: the withdrawn page is taken down; it cannot be merely withdrawn again.
    client_for(client, world, "editor_a")
    form = client.get(withdraw_url(page)).content.decode()
    assert 'value="removed"' in form and 'value="withdrawn"' not in form
    client.post(withdraw_url(page), {"kind": "withdrawn", "reason": "再撤回一次。"})
    page.refresh_from_db()
    assert page.withdrawal_reason == "已另行发布。"
    assert client.post(withdraw_url(page), {"kind": "removed", "reason": REASON}).status_code == 302
    page.refresh_from_db()
    assert (page.withdrawal_kind, page.withdrawal_reason) == ("removed", REASON)
    # Taken down is final: the admin refuses any further withdrawal.
    response = client.get(withdraw_url(page))
    assert (response.status_code, response["Location"]) == (302, "/admin/")


def test_the_choice_and_reason_are_in_the_history(client, world, exposed):
    page = exposed["page"]
    take_down(client, world, page)
    entry = PageLogEntry.objects.get(page=page, action="disclosure.take_down")
    assert entry.data == {"kind": "removed", "reason": REASON}
    assert entry.user == world["users"]["moderator"]
    client_for(client, world, "editor_a")
    html = client.get(f"/admin/pages/{page.pk}/history/").content.decode()
    assert REASON in html


# ---- after a take-down, on every channel ----------------------------------------------------


def test_the_page_keeps_its_record_and_shows_the_reason_only(client, world, exposed):
    page = exposed["page"]
    number = page.index_number
    published_on = page.published_on
    assert take_down(client, world, page).status_code == 302
    assert (page.summary, len(page.body), page.attachments.count()) == ("", 0, 0)
    assert (page.index_number, page.published_on) == (number, published_on)
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert TITLE in html and number in html and REASON in html
    assert SECRET not in html and SUMMARY not in html
    assert all(document.url not in html for document in exposed["documents"])
    client.cookies.load(ENGLISH)
    html = client.get(page.url).content.decode()
    assert "This item was taken down on" in html and f"Reason: {REASON}" in html
    # The edit form and the latest revision agree with the live row.
    client_for(client, world, "moderator")
    form = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert not shows(form, SECRET) and not shows(form, SUMMARY)
    assert SECRET not in str(page.get_latest_revision().content)


@pytest.mark.parametrize(
    "role", ["anonymous", "employee_a", "party_member_a", "editor_a", "employee_b", "editor_b"]
)
def test_files_are_unreachable_for_those_who_do_not_manage_them(client, world, exposed, role):
    client_for(client, world, role)
    for document in exposed["documents"]:
        assert client.get(document.url).status_code == 200, role
    take_down(client, world, exposed["page"])
    client_for(client, world, role)
    for document in exposed["documents"]:
        response = client.get(document.url)
        assert response.status_code in (302, 403, 404), (role, document.title)
        assert b"%PDF" not in b"".join(getattr(response, "streaming_content", [response.content]))


def test_images_and_files_stay_with_those_who_manage_them(client, world, exposed):
    anonymous = AnonymousUser()
    assert can_view_file(anonymous, exposed["image"])
    take_down(client, world, exposed["page"])
    assert not can_view_file(anonymous, exposed["image"])
    assert not can_view_file(world["users"]["employee_a"], exposed["image"])
    client_for(client, world, "moderator")
    assert client.get(exposed["documents"][0].url).status_code == 200


def test_search_forgets_the_text_but_finds_the_record(client, world, exposed):
    page = exposed["page"]
    assert search_finds(client, SECRET, page)
    take_down(client, world, page)
    assert not search_finds(client, SECRET, page)
    assert not search_finds(client, SUMMARY, page)
    assert search_finds(client, TITLE, page)


def test_the_api_gives_no_content(client, world, exposed):
    page = exposed["page"]
    take_down(client, world, page)
    detail = client.get(f"/api/v2/pages/{page.pk}/")
    if detail.status_code == 200:
        data = detail.json()
        assert (data["summary"], data["body"], data["attachments"]) == ("", [], [])
        assert data["withdrawal_kind"] == "removed"
    else:
        assert detail.status_code == 404
    listing = client.get("/api/v2/pages/", {"type": "disclosure.DisclosurePage", "fields": "*"})
    assert listing.status_code == 200
    text = listing.content.decode()
    assert SECRET not in text and SUMMARY not in text
    assert all(document.url not in text for document in exposed["documents"])


@pytest.mark.parametrize(
    "url", ["/disclosures/", "/disclosures/feed/", "/disclosures/jia/", "/disclosures/jia/feed/"]
)
def test_listings_and_feeds_leave_it_out(client, world, exposed, url):
    assert TITLE in client.get(url).content.decode()
    take_down(client, world, exposed["page"])
    assert TITLE not in client.get(url).content.decode()


# ---- earlier revisions -----------------------------------------------------------------------


def revision_urls(page, revision):
    latest = page.get_latest_revision()
    return {
        "revisions_view": f"/admin/pages/{page.pk}/revisions/{revision.pk}/view/",
        "revisions_compare": (
            f"/admin/pages/{page.pk}/revisions/compare/{revision.pk}...{latest.pk}/"
        ),
        "revisions_revert": f"/admin/pages/{page.pk}/revisions/{revision.pk}/revert/",
    }


def test_editors_may_not_open_earlier_revisions_of_a_taken_down_page(client, world, exposed):
    page = exposed["page"]
    urls = revision_urls(page, exposed["first_revision"])
    client_for(client, world, "editor_a")
    for name, url in urls.items():  # before: an ordinary revision (compared with itself)
        response = client.get(url)
        assert response.status_code == 200, name
        assert name == "revisions_compare" or shows(response.content.decode(), SECRET), name
    client.logout()
    take_down(client, world, page)
    client_for(client, world, "editor_a")
    for name, url in revision_urls(page, exposed["first_revision"]).items():
        response = client.get(url)
        assert response.status_code in (302, 403), name
        if response.status_code == 302:
            assert response["Location"] == f"/admin/pages/{page.pk}/history/"
        assert not shows(response.content.decode(), SECRET)
    assert not PageLogEntry.objects.filter(
        page=page, action="disclosure.view_removed_revision"
    ).exists()


def test_moderators_may_and_each_look_is_logged(client, world, exposed):
    page = exposed["page"]
    take_down(client, world, page)
    client_for(client, world, "moderator")
    urls = revision_urls(page, exposed["first_revision"])
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, name
        assert shows(response.content.decode(), SECRET), name
    entries = PageLogEntry.objects.filter(page=page, action="disclosure.view_removed_revision")
    assert sorted(entry.data["view"] for entry in entries) == sorted(urls)
    assert {entry.user for entry in entries} == {world["users"]["moderator"]}
    # The history lists those looks (its formatter renders them).
    assert client.get(f"/admin/pages/{page.pk}/history/").status_code == 200


# ---- no publication brings the content back --------------------------------------------------


def assert_no_content(page, client):
    page.refresh_from_db()
    assert (page.summary, len(page.body), page.attachments.count()) == ("", 0, 0)
    assert SECRET not in str(page.live_revision.content)
    assert SECRET not in client.get(page.url).content.decode()


def test_publishing_an_old_revision_does_not_bring_the_content_back(client, world, exposed):
    page = exposed["page"]
    take_down(client, world, page)
    Revision.objects.get(pk=exposed["first_revision"].pk).publish()
    assert_no_content(page, client)
    assert page.withdrawal_kind == "removed"
    for document in exposed["documents"]:
        assert client.get(document.url).status_code in (302, 403, 404)


def test_reverting_in_the_admin_does_not_bring_the_content_back(client, world, exposed):
    page = exposed["page"]
    take_down(client, world, page)
    client_for(client, world, "moderator")
    document = exposed["documents"][0]
    data = edit_data(
        page,
        summary=SUMMARY,
        body=streamfield([("paragraph", rich_text(f"<p>{SECRET}</p>"))]),
        attachments=inline_formset([{"document": document.pk, "title": ""}]),
        change_note="恢复旧版本。",
    )
    url = f"/admin/pages/{page.pk}/revisions/{exposed['first_revision'].pk}/revert/"
    assert client.post(url, data).status_code == 302
    client.logout()
    assert_no_content(page, client)
    assert SECRET not in str(page.get_latest_revision().content)


# ---- copies ----------------------------------------------------------------------------------


def assert_is_a_fresh_draft(copy, organization):
    assert not copy.live
    assert copy.index_number is None and copy.published_on is None
    assert copy.last_amended_on is None and copy.display_until is None
    assert (copy.change_note, copy.minor_change) == ("", False)
    assert (copy.withdrawn_at, copy.withdrawal_reason, copy.withdrawal_kind) == (None, "", "")
    assert copy.superseded_by is None and copy.validity == "valid"
    assert not DisclosureAmendment.objects.filter(page=copy).exists()
    assert copy.organization_id == organization.pk


@pytest.fixture
def published(make_disclosure, org):
    """A published, amended, superseded and withdrawn disclosure: everything a copy must drop."""
    newer = make_disclosure(title="新版制度", slug="new-rule")
    page = make_disclosure(
        title="旧版制度", slug="old-rule", validity="amended", superseded_by=newer
    )
    page.change_note = "更正第二条。"
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.amendments.exists() and page.last_amended_on
    page.withdraw("withdrawn", "已由新版替代。")
    page.refresh_from_db()
    return page


@pytest.mark.parametrize("role", ["moderator", "editor_a"])
def test_copying_in_the_admin_gives_a_draft_without_the_publication_facts(
    client, world, published, role
):
    client_for(client, world, role)
    url = f"/admin/pages/{published.pk}/copy/"
    form = client.get(url)
    assert form.status_code == 200
    assert 'name="publish_copies"' not in form.content.decode()
    assert 'name="alias"' not in form.content.decode()
    response = client.post(
        url,
        {
            "new_title": "下月的制度",
            "new_slug": "next-rule",
            "new_parent_page": world["org"].pk,
            "publish_copies": "on",
        },
    )
    assert response.status_code == 302
    copy = DisclosurePage.objects.get(slug="next-rule")
    assert_is_a_fresh_draft(copy, world["org"])
    revisions = [str(revision.content) for revision in copy.revisions.all()]
    assert revisions and not any(published.index_number in content for content in revisions)
    # Numbered at its own first publication.
    copy.save_revision().publish()
    copy.refresh_from_db()
    assert copy.index_number and copy.index_number != published.index_number
    assert not copy.amendments.exists()


def test_copying_in_code_gives_a_draft_in_the_new_organisation(published, other_org):
    copy = published.copy(to=other_org, update_attrs={"title": "乙商会的制度", "slug": "rule"})
    copy = DisclosurePage.objects.get(pk=copy.pk)
    assert_is_a_fresh_draft(copy, other_org)


def test_a_copy_of_a_taken_down_page_has_no_content_in_any_revision(client, world, exposed):
    page = exposed["page"]
    take_down(client, world, page)
    page.refresh_from_db()
    copy = page.copy(update_attrs={"title": "重新发布的名单", "slug": "again"})
    assert not copy.live and copy.index_number is None
    assert copy.revisions.count() >= 2
    assert not any(SECRET in str(revision.content) for revision in copy.revisions.all())
    assert not any(SUMMARY in str(revision.content) for revision in copy.revisions.all())


def test_an_organisation_is_not_copied(admin_client, org, index_page):
    response = admin_client.post(
        f"/admin/pages/{org.pk}/copy/",
        {"new_title": "甲公司副本", "new_slug": "jia-2", "new_parent_page": index_page.pk},
    )
    assert response.status_code == 302
    assert OrganizationPage.objects.count() == 1


@pytest.mark.parametrize("audience", [Audience.ORGANIZATION, Audience.PARTY])
@pytest.mark.parametrize("role", ["moderator", "editor_a"])
def test_copying_a_restricted_disclosure_keeps_its_audience(
    client, world, audience, role, monkeypatch
):
    """Wagtail copies the view restriction with its groups; the audience's own restriction
    must not be put back in between (it was a 500, and the draft was left behind)."""
    original = world["pages"][audience]
    client_for(client, world, role)
    # A server runs in autocommit, where on_commit callbacks run at once.
    monkeypatch.setattr(signals.transaction, "on_commit", lambda callback, *a, **k: callback())
    response = client.post(
        f"/admin/pages/{original.pk}/copy/",
        {
            "new_title": "受限事项副本",
            "new_slug": "restricted-copy",
            "new_parent_page": world["org"].pk,
        },
    )
    assert response.status_code == 302
    copy = DisclosurePage.objects.get(slug="restricted-copy")
    assert copy.audience == audience and not copy.live
    restrictions = list(copy.view_restrictions.all())
    assert len(restrictions) == 1
    readers = {group.pk for group in restrictions[0].groups.all()}
    expected = {group.pk for group in original.view_restrictions.get().groups.all()}
    assert readers == expected
