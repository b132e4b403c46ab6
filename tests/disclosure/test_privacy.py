"""The audience rule on every channel, as one table: roles × channels × audiences.

A restricted disclosure, its title included, reaches only the people its audience names:
organisation audience → the organisation's employees, party members and editors, and the
committee; party audience → its party members, editors and the committee.
"""

from contextlib import contextmanager
from urllib.parse import unquote

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import override_settings
from wagtail.documents import get_document_model
from wagtail.models import Site

from disclosure.access import moderators_group
from disclosure.models import (
    Audience,
    DisclosureAttachment,
    DisclosurePage,
    Membership,
    OrganizationPage,
    Role,
)
from tests.factories import (
    DisclosureIndexPageFactory,
    DisclosurePageFactory,
    OrganizationPageFactory,
    make_image,
)
from tests.privacy_world import (  # noqa: F401 - ROLES … are used by the screens' table too
    READERS,
    ROLES,
    TITLES,
    build_world,
    client_for,
    listed_titles,
)

pytestmark = pytest.mark.django_db


# ---- the world, built once for this module ------------------------------------------------------
# Built inside a transaction that is rolled back after the module (as TestCase.setUpTestData
# does); each test runs in its own savepoint and gets fresh copies of the objects, so nothing a
# test changes reaches the next.


@contextmanager
def module_transaction(django_db_blocker, media):
    """Objects made here outlive one test: built once per module, rolled back after it."""
    with override_settings(MEDIA_ROOT=media), django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def privacy_base(django_db_setup, django_db_blocker, tmp_path_factory):
    folder = tmp_path_factory.mktemp("privacy")
    with module_transaction(django_db_blocker, folder):
        home = Site.objects.get(is_default_site=True).root_page.specific
        index = DisclosureIndexPageFactory(parent=home)
        org = OrganizationPageFactory(parent=index, title="南湖甲科技有限公司", slug="jia")
        other = OrganizationPageFactory(
            parent=index, title="南湖乙商会", slug="yi", org_type="social"
        )

        def make(parent=None, **fields):
            return DisclosurePageFactory(parent=parent or org, **fields)

        world = build_world(org, other, make, get_user_model())
        yield {
            "index": index.pk,
            "org": org.pk,
            "other_org": other.pk,
            "users": {role: user.pk for role, user in world["users"].items()},
            "pages": {audience: page.pk for audience, page in world["pages"].items()},
            "documents": {audience: doc.pk for audience, doc in world["documents"].items()},
            "media": folder,
        }


@pytest.fixture
def index_page(privacy_base, db):
    return (
        DisclosurePage.objects.none()
        .model._meta.apps.get_model("disclosure", "DisclosureIndexPage")
        .objects.get(pk=privacy_base["index"])
    )


@pytest.fixture
def org(privacy_base, db):
    return OrganizationPage.objects.get(pk=privacy_base["org"])


@pytest.fixture
def other_org(privacy_base, db):
    return OrganizationPage.objects.get(pk=privacy_base["other_org"])


@pytest.fixture
def world(privacy_base, org):
    users = get_user_model().objects.in_bulk(privacy_base["users"].values())
    pages = DisclosurePage.objects.in_bulk(privacy_base["pages"].values())
    documents = get_document_model().objects.in_bulk(privacy_base["documents"].values())
    return {
        "users": {role: users[pk] for role, pk in privacy_base["users"].items()},
        "pages": {audience: pages[pk] for audience, pk in privacy_base["pages"].items()},
        "documents": {a: documents[pk] for a, pk in privacy_base["documents"].items()},
        "org": org,
    }


def page_access(client, world, audience):
    response = client.get(world["pages"][audience].url)
    return response.status_code, response


def document_access(client, world, audience):
    response = client.get(world["documents"][audience].url)
    return response.status_code, response


def expected_status(role, audience):
    """Readers get the item; everyone else the same 404 as for an address that does not exist."""
    return 200 if role in READERS[audience] else 404


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("channel", ["page", "document"])
def test_opening(client, world, role, channel):
    client_for(client, world, role)
    check = page_access if channel == "page" else document_access
    nothing = client.get(world["pages"][Audience.PUBLIC].url + "bu-cun-zai/")
    for audience in TITLES:
        status, response = check(client, world, audience)
        assert status == expected_status(role, audience), (role, channel, audience)
        if status != 200:
            body = response.content.decode(errors="ignore")
            assert TITLES[audience] not in body
            # No existence oracle: the same page as for an address that does not exist.
            assert strip_path(body, response) == strip_path(nothing.content.decode(), nothing)


def strip_path(body, response):
    """The 404 page without the address it was asked for (its login link carries it back)
    and without the per-response CSRF token of the language switcher."""
    import re
    from urllib.parse import quote

    path = response.wsgi_request.path
    body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", body)
    return body.replace(quote(path, safe=""), "").replace(quote(path), "").replace(path, "")


def test_the_404_offers_anonymous_visitors_the_login_page(client, world):
    page = world["pages"][Audience.PARTY]
    html = client.get(page.url).content.decode()
    assert "/accounts/login/?next=" in html


def test_wagtails_password_form_names_nothing(client, world):
    """Password restrictions are off; their form answered 200 for any existing ids."""
    from wagtail.models import PageViewRestriction

    page = world["pages"][Audience.PARTY]
    restriction = PageViewRestriction.objects.get(page=page)
    assert (
        client.get(f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/").status_code
        == 404
    )


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("channel", ["listing", "organisation", "home", "listing_withdrawn"])
def test_member_listings(client, world, role, channel):
    """Listings show each person what they may read, restricted items marked as such."""
    client_for(client, world, role)
    url = {
        "listing": "/disclosures/",
        "organisation": world["org"].url,
        "home": "/",
        "listing_withdrawn": "/disclosures/?withdrawn=include",
    }[channel]
    response = client.get(url)
    expected = {TITLES[a] for a in TITLES if role in READERS[a]}
    assert listed_titles(response.content.decode()) == expected, (role, channel)
    if role != "anonymous":
        assert "private" in response["Cache-Control"]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "url",
    [
        "/disclosures/feed/",
        "/sitemap.xml",
        "/api/v2/pages/?type=disclosure.DisclosurePage&fields=*",
        "/disclosures/export.csv",
    ],
)
def test_reuse_channels_carry_public_items_only(client, world, role, url):
    """Feeds, sitemap, API and exports are for reuse: the same public content for everyone."""
    client_for(client, world, role)
    response = client.get(url)
    body = (
        b"".join(response.streaming_content) if response.streaming else response.content
    ).decode()
    if "sitemap" in url:
        found = {a for a, page in world["pages"].items() if page.url in body}
        assert found == {Audience.PUBLIC}
    else:
        assert listed_titles(body) == {TITLES[Audience.PUBLIC]}


def test_restricted_items_are_marked_for_members(client, world):
    client_for(client, world, "party_member_a")
    html = client.get("/disclosures/").content.decode()
    assert "本支部党员" in html and "本单位职工" in html


def test_restricted_api_detail_is_404_for_everyone(client, world):
    client_for(client, world, "moderator")
    page = world["pages"][Audience.PARTY]
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404


def test_a_hand_made_restriction_is_put_back_to_the_audience(
    world, django_capture_on_commit_callbacks
):
    from wagtail.models import PageViewRestriction

    page = world["pages"][Audience.PARTY]
    restriction = PageViewRestriction.objects.get(page=page)
    with django_capture_on_commit_callbacks(execute=True):
        restriction.groups.set([])
        restriction.restriction_type = PageViewRestriction.LOGIN
        restriction.save()
    restriction = PageViewRestriction.objects.get(page=page)
    assert restriction.restriction_type == PageViewRestriction.GROUPS
    assert restriction.groups.filter(pk=moderators_group().pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.filter(page=world["pages"][Audience.PUBLIC]).delete()
        PageViewRestriction.objects.create(page=world["pages"][Audience.PUBLIC])
    assert not PageViewRestriction.objects.filter(page=world["pages"][Audience.PUBLIC]).exists()


def test_membership_changes_follow_into_groups(world):
    user = world["users"]["employee_a"]
    access = world["org"].access
    assert list(user.groups.all()) == [access.employees]
    membership = Membership.objects.get(user=user)
    membership.role = Role.PARTY_MEMBER
    membership.save()
    assert list(user.groups.all()) == [access.party_members]
    membership.delete()
    assert not user.groups.exists()


def test_a_membership_moved_to_another_organisation_leaves_the_old_groups(client, world, other_org):
    user = world["users"]["party_member_a"]
    membership = Membership.objects.get(user=user)
    membership.organization = other_org
    membership.save()
    assert list(user.groups.all()) == [other_org.access.party_members]
    client_for(client, world, "party_member_a")
    assert client.get(world["pages"][Audience.PARTY].url).status_code == 404


def test_a_document_linked_from_a_restricted_body_is_guarded(client, world, make_disclosure):
    document = get_document_model()(title="正文中链接的文件")
    document.file.save("linked.pdf", ContentFile(b"%PDF-1.4 linked"), save=True)
    make_disclosure(
        title="正文链接文件的党员事项",
        audience=Audience.PARTY,
        body=[("document", {"document": document, "title": ""})],
    )
    assert client.get(document.url).status_code == 404
    client_for(client, world, "employee_a")
    assert client.get(document.url).status_code == 404
    client_for(client, world, "party_member_a")
    assert client.get(document.url).status_code == 200


def test_a_document_used_by_no_page_is_only_for_those_who_manage_documents(client, world):
    document = get_document_model()(title="未使用的文件")
    document.file.save("unused.pdf", ContentFile(b"%PDF-1.4 unused"), save=True)
    assert client.get(document.url).status_code == 404
    client_for(client, world, "moderator")
    assert client.get(document.url).status_code == 200


def test_editors_see_only_their_own_collection(client, world):
    access_a, access_b = world["org"].access, None
    from disclosure.models import OrganizationAccess

    access_b = OrganizationAccess.objects.exclude(pk=access_a.pk).get()
    for access, title in ((access_a, "甲公司文件"), (access_b, "乙商会文件")):
        document = get_document_model()(title=title, collection=access.collection)
        document.file.save(f"{access.pk}.pdf", ContentFile(b"%PDF-1.4"), save=True)
    client_for(client, world, "editor_a")
    html = client.get("/admin/documents/").content.decode()
    assert "甲公司文件" in html and "乙商会文件" not in html
    html = client.get("/admin/documents/chooser/").content.decode()
    assert "乙商会文件" not in html


def test_the_admin_privacy_setting_is_off_for_disclosures(admin_client, world):
    page = world["pages"][Audience.PARTY]
    response = admin_client.get(f"/admin/pages/{page.pk}/privacy/")
    assert response.status_code in (200, 404)
    assert "restriction_type" not in response.content.decode()


# ---- files: images, renditions and path variants (home.media_files) ----------------------------

FILE_MANAGERS = {"editor_a", "moderator"}  # they may choose images in organisation A's collection


@pytest.fixture
def files(world, make_disclosure):
    """Per audience, an image shown only in that audience's disclosure body; and a photo that
    no page uses (a practice report's), in organisation A's collection."""
    images = {}
    for audience in TITLES:
        image = make_image(f"{audience}图片", "张三身份证.png")
        make_disclosure(
            title=f"{TITLES[audience]}配图",
            audience=audience,
            body=[("image", {"image": image, "alt": "配图", "caption": ""})],
        )
        images[audience] = image
    photo = make_image("实践照片", "张三身份证.png", collection=world["org"].access.collection)
    return {"images": images, "photo": photo}


def image_urls(image):
    return {
        "original": image.file.url,
        "rendition": image.get_rendition("width-1200|format-webp").url,
    }


def test_stored_names_are_random_not_the_uploaders(files):
    for image in [*files["images"].values(), files["photo"]]:
        for url in image_urls(image).values():
            assert "身份证" not in url and "shen" not in url.lower()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("form", ["original", "rendition"])
def test_images_follow_the_pages_that_show_them(client, world, files, role, form):
    client_for(client, world, role)
    for audience, image in files["images"].items():
        allowed = role in READERS[audience] or role in FILE_MANAGERS
        response = client.get(image_urls(image)[form])
        assert response.status_code == (200 if allowed else 404), (role, form, audience)
    allowed = role in FILE_MANAGERS
    response = client.get(image_urls(files["photo"])[form])
    assert response.status_code == (200 if allowed else 404), (role, form, "photo")


def path_variants(url):
    """Other spellings of the same /media/ path, as an attacker would try them."""
    rest = url.removeprefix("/media/")
    folder, name = rest.split("/", 1)
    return [
        f"/media//{rest}",
        f"/media/./{rest}",
        f"/media/x/../{rest}",
        f"/media/%2e/{rest}",
        f"/media/{folder}//{name}",
        f"/media/{folder}/./{name}",
        f"/media/{folder}%2f{name}",
        f"/media/%2e%2e/media/{rest}",
        f"/media/{rest}%00",
        f"/media/{folder}\\{name}",
    ]


@pytest.mark.parametrize("role", ["anonymous", "editor_a", "moderator"])
def test_no_spelling_of_a_path_reaches_documents(client, world, role):
    client_for(client, world, role)
    for document in world["documents"].values():
        name = document.file.name  # documents/<name>.pdf
        for url in [f"/media/{name}", *path_variants(f"/media/{name}")]:
            response = client.get(url)
            assert response.status_code == 404, (role, url)
            assert b"%PDF" not in b"".join(getattr(response, "streaming_content", [b""]))


@pytest.mark.parametrize("role", ["anonymous", "moderator"])
def test_path_variants_of_an_image_are_404(client, world, files, role):
    client_for(client, world, role)
    for url in image_urls(files["images"][Audience.PUBLIC]).values():
        assert client.get(url).status_code == 200
        for variant in path_variants(url):
            if unquote(variant) == url:
                continue  # the server decodes it to the canonical path itself
            assert client.get(variant).status_code == 404, (role, variant)


# ---- the states a page moves through: withdrawn (撤回), taken down (撤下), copied --------------

SECRET = "蓝鲸名单"  # a word only in the body of the item below


@pytest.fixture(scope="module")
def states_base(privacy_base, django_db_blocker):
    """Per state, a public item of organisation A with a secret word in its body and its own
    attachment: withdrawn (text stays), taken down (only the record stays), and a draft copy of
    a party-only item (never published, no 索引号). Built once for the module."""
    from wagtail.rich_text import RichText

    items = {}
    with module_transaction(django_db_blocker, privacy_base["media"]):
        org = OrganizationPage.objects.get(pk=privacy_base["org"])
        for state in ("withdrawn", "removed"):
            page = DisclosurePageFactory(
                parent=org,
                title=f"{state}状态事项",
                body=[("paragraph", RichText(f"<p>{SECRET}</p>"))],
            )
            document = get_document_model()(title=f"{state}附件")
            document.file.save(f"{state}.pdf", ContentFile(b"%PDF-1.4 state"), save=True)
            DisclosureAttachment.objects.create(page=page, document=document)
            page.save_revision().publish()
            page.refresh_from_db()
            page.withdraw(state, "个人信息未做脱敏。")
            items[state] = (page.pk, document.pk)
        original = DisclosurePage.objects.get(pk=privacy_base["pages"][Audience.PARTY])
        copy = original.copy(update_attrs={"title": "党员事项的副本", "slug": "party-copy"})
        items["copy"] = (copy.pk, privacy_base["documents"][Audience.PARTY])
        yield items


@pytest.fixture
def states(states_base, world):
    documents = get_document_model().objects
    return {
        state: (DisclosurePage.objects.get(pk=page), documents.get(pk=document))
        for state, (page, document) in states_base.items()
    }


def state_readers(state, channel):
    """Who gets the item's content on a channel, by state."""
    if state == "withdrawn":
        return set(ROLES)  # public, marked 已撤回, text and attachment kept
    if state == "removed":
        return {"moderator"} if channel == "document" else set()  # moderators manage files
    # The copy is a draft: nobody reads it; its attachment follows the live party item.
    return READERS[Audience.PARTY] if channel == "document" else set()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("state", ["withdrawn", "removed", "copy"])
@pytest.mark.parametrize("channel", ["page", "document", "search", "api"])
def test_states_on_every_channel(client, world, states, role, state, channel):
    page, document = states[state]
    client_for(client, world, role)
    allowed = role in state_readers(state, channel)
    if channel == "page":
        response = client.get(page.url) if page.live else None
        got = response is not None and response.status_code == 200 and SECRET in response.text
    elif channel == "document":
        got = client.get(document.url).status_code == 200
    elif channel == "search":
        query = SECRET if page.live else page.title  # the page echoes the query: look for links
        got = page.url in client.get("/search/", {"q": query}).text
        allowed = allowed and state != "copy"
    else:
        response = client.get(f"/api/v2/pages/{page.pk}/", {"fields": "*"})
        got = response.status_code == 200 and SECRET in response.text
    assert got == allowed, (role, state, channel)


def test_a_taken_down_item_keeps_its_record(client, states):
    page, _ = states["removed"]
    html = client.get(page.url).text
    assert page.title in html and page.index_number in html and "个人信息未做脱敏" in html


# ---- the admin names a page only to those who may read or edit it (home.admin_privacy) --------
#
# One row per admin address that lists or names pages. editor_b (organisation B) must never see
# the title of organisation A's restricted items or of its never-published draft, on the page
# itself, in a message after a redirect, or in JSON; every address still answers (no 500).

ADMIN_DRAFT_TITLE = "甲公司从未发布的草稿"
ADMIN_DRAFT_SLUG = "jia-weifabu-caogao"
ADMIN_OWN_TITLE = "乙商会自己的事项"


@pytest.fixture(scope="module")
def admin_base(privacy_base, django_db_blocker):
    """The privacy world plus: A's draft in review, edits and a lock by editor_a, B's own page
    that A's draft refers to, and a document of B's that A's draft attaches. Built once for the
    module; the pages' and workflow's ids."""
    from django.utils import timezone
    from wagtail.models import Page, Workflow

    from disclosure.access import WORKFLOW

    with module_transaction(django_db_blocker, privacy_base["media"]):
        users = get_user_model().objects.in_bulk(privacy_base["users"].values())
        editor_a = users[privacy_base["users"]["editor_a"]]
        editor_b = users[privacy_base["users"]["editor_b"]]
        org = OrganizationPage.objects.get(pk=privacy_base["org"])
        other_org = OrganizationPage.objects.get(pk=privacy_base["other_org"])
        own = DisclosurePageFactory(parent=other_org, title=ADMIN_OWN_TITLE, slug="yi-ziji")
        own.save_revision(user=editor_b, log_action=True)
        secret = DisclosurePage.objects.get(pk=privacy_base["pages"][Audience.PARTY])
        secret.save_revision(user=editor_a, log_action=True)
        Page.objects.filter(pk=secret.pk).update(
            locked=True, locked_by=editor_a, locked_at=timezone.now()
        )
        draft = DisclosurePageFactory(
            parent=org,
            title=ADMIN_DRAFT_TITLE,
            slug=ADMIN_DRAFT_SLUG,
            live=False,
            validity="amended",
            superseded_by=own,
        )
        document = get_document_model()(title="乙商会文件", collection=other_org.access.collection)
        document.file.save("yi.pdf", ContentFile(b"%PDF-1.4 yi"), save=True)
        DisclosureAttachment.objects.create(page=draft, document=document)
        draft.save()  # index the attachment's reference
        draft.save_revision(user=editor_a, log_action=True)
        Workflow.objects.get(name=WORKFLOW).start(draft, editor_a)
        draft.refresh_from_db()
        workflow_state = draft.current_workflow_state
        task_state = workflow_state.current_task_state
        yield {
            "org": org.pk,
            "secret": secret.pk,
            "draft": draft.pk,
            "own": own.pk,
            "ids": "&".join(f"id={pk}" for pk in Page.objects.values_list("pk", flat=True)),
            "task_state": task_state.pk,
            "task": task_state.task_id,
            "workflow_state": workflow_state.pk,
            "workflow": workflow_state.workflow_id,
            "document": document.pk,
        }


@pytest.fixture
def admin_world(world, admin_base):
    pages = DisclosurePage.objects.in_bulk([admin_base[key] for key in ("secret", "draft", "own")])
    secret, draft, own = (pages[admin_base[key]] for key in ("secret", "draft", "own"))
    return {
        **world,
        "secret": secret,
        "draft": draft,
        "own": own,
        "hidden": [world["pages"][Audience.PARTY], world["pages"][Audience.ORGANIZATION], draft],
        "values": dict(admin_base),
    }


def admin_body(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode(errors="ignore")


def admin_names(body, title):
    """Whether ``body`` shows ``title``, as HTML or as JSON (which escapes Chinese)."""
    import json

    return title in body or json.dumps(title)[1:-1] in body


PAGE_REPORTS = [  # (URL name, path) of Wagtail's reports that list pages
    ("locked_pages", "locked"),
    ("workflow", "workflow"),
    ("workflow_tasks", "workflow_tasks"),
    ("site_history", "site-history"),
    ("aging_pages", "aging-pages"),
    ("page_types_usage", "page-types-usage"),
]


def admin_row(name, url, method="get", suffix=""):
    return pytest.param(name, method, url, id=f"{name}{suffix}-{method}")


ADMIN_ROWS = [
    admin_row("wagtailadmin_home", "/admin/"),
    admin_row("wagtailadmin_explore_root", "/admin/pages/"),
    admin_row("wagtailadmin_explore", "/admin/pages/{org}/"),
    admin_row("wagtailadmin_explore_results", "/admin/pages/{org}/results/"),
    # bulk actions: chosen ids, "select all", "select all" under A
    *(
        admin_row("wagtail_bulk_action", f"/admin/bulk/wagtailcore/page/{action}/?{query}", m, s)
        for action in ["delete", "move", "publish", "unpublish"]
        for query, s in [("{ids}", f"-{action}"), ("id=all", f"-{action}-all")]
        for m in ["get", "post"]
    ),
    *(
        admin_row(
            "wagtail_bulk_action",
            f"/admin/bulk/wagtailcore/page/{action}/?id=all&childOf={{org}}",
            suffix=f"-{action}-under-a",
        )
        for action in ["delete", "move", "publish", "unpublish"]
    ),
    admin_row(
        "wagtail_bulk_action",
        "/admin/bulk/wagtailcore/page/move/?id={own}&chooser={draft}",
        "post",
        "-move-to-a",
    ),
    # page views; {page} is tried with the restricted item and the draft
    admin_row("wagtailadmin_pages:add", "/admin/pages/add/disclosure/disclosurepage/{org}/"),
    admin_row(
        "wagtailadmin_pages:preview_on_add",
        "/admin/pages/add/disclosure/disclosurepage/{org}/preview/",
    ),
    admin_row("wagtailadmin_pages:type_use", "/admin/pages/usage/disclosure/disclosurepage/"),
    admin_row(
        "wagtailadmin_pages:type_use_results",
        "/admin/pages/usage/disclosure/disclosurepage/results/",
    ),
    admin_row("wagtailadmin_pages:choose_parent", "/admin/pages/create/disclosure/disclosurepage"),
    admin_row("wagtailadmin_pages:usage", "/admin/pages/{page}/usage/"),
    admin_row("wagtailadmin_pages:usage", "/admin/pages/{own}/usage/", suffix="-own"),
    admin_row("wagtailadmin_pages:edit", "/admin/pages/{page}/edit/"),
    admin_row("wagtailadmin_pages:preview_on_edit", "/admin/pages/{page}/edit/preview/"),
    admin_row("wagtailadmin_pages:view_draft", "/admin/pages/{page}/view_draft/"),
    admin_row("wagtailadmin_pages:add_subpage", "/admin/pages/{page}/add_subpage/"),
    admin_row("wagtailadmin_pages:delete", "/admin/pages/{page}/delete/"),
    admin_row("wagtailadmin_pages:unpublish", "/admin/pages/{page}/unpublish/"),
    admin_row("wagtailadmin_pages:convert_alias", "/admin/pages/{page}/convert_alias/"),
    admin_row("wagtailadmin_pages:search", "/admin/pages/search/?q=甲"),
    admin_row("wagtailadmin_pages:search_results", "/admin/pages/search/results/?q=甲"),
    admin_row("wagtailadmin_pages:move", "/admin/pages/{page}/move/"),
    admin_row("wagtailadmin_pages:move_confirm", "/admin/pages/{page}/move/{org}/confirm/"),
    admin_row("wagtailadmin_pages:move_confirm", "/admin/pages/{page}/move/{org}/confirm/", "post"),
    admin_row("wagtailadmin_pages:set_page_position", "/admin/pages/{page}/set_position/", "post"),
    admin_row("wagtailadmin_pages:copy", "/admin/pages/{page}/copy/"),
    *(
        admin_row(
            f"wagtailadmin_pages:{name}",
            f"/admin/pages/workflow/{path}/{{page}}/{action}/{{task_state}}/",
            method,
            f"-{action}",
        )
        for name, path in [
            ("workflow_action", "action"),
            ("collect_workflow_action_data", "collect_action_data"),
        ]
        for action in ["approve", "reject"]
        for method in ["get", "post"]
    ),
    admin_row(
        "wagtailadmin_pages:confirm_workflow_cancellation",
        "/admin/pages/workflow/confirm_cancellation/{page}/",
    ),
    admin_row(
        "wagtailadmin_pages:workflow_preview", "/admin/pages/workflow/preview/{page}/{task}/"
    ),
    admin_row("wagtailadmin_pages:set_privacy", "/admin/pages/{page}/privacy/"),
    admin_row("wagtailadmin_pages:lock", "/admin/pages/{page}/lock/", "post"),
    admin_row("wagtailadmin_pages:unlock", "/admin/pages/{page}/unlock/", "post"),
    admin_row("wagtailadmin_pages:revisions_index", "/admin/pages/{page}/revisions/"),
    admin_row(
        "wagtailadmin_pages:revisions_view", "/admin/pages/{page}/revisions/{revision}/view/"
    ),
    admin_row(
        "wagtailadmin_pages:revisions_revert", "/admin/pages/{page}/revisions/{revision}/revert/"
    ),
    admin_row(
        "wagtailadmin_pages:revisions_unschedule",
        "/admin/pages/{page}/revisions/{revision}/unschedule/",
    ),
    admin_row(
        "wagtailadmin_pages:revisions_compare",
        "/admin/pages/{page}/revisions/compare/earliest...latest/",
    ),
    admin_row("wagtailadmin_pages:workflow_history", "/admin/pages/{page}/workflow_history/"),
    admin_row(
        "wagtailadmin_pages:workflow_history_detail",
        "/admin/pages/{draft}/workflow_history/detail/{workflow_state}/",
    ),
    admin_row("wagtailadmin_pages:history", "/admin/pages/{page}/history/"),
    admin_row("wagtailadmin_pages:history_results", "/admin/pages/{page}/history/results/"),
    # reports, with their spreadsheet exports
    *(
        admin_row(f"wagtailadmin_reports:{name}{results}", f"/admin/reports/{path}/{results_path}")
        for name, path in PAGE_REPORTS
        for results, results_path in [("", ""), ("_results", "results/")]
    ),
    *(
        admin_row(
            f"wagtailadmin_reports:{name}", f"/admin/reports/{path}/?export=csv", suffix="-csv"
        )
        for name, path in PAGE_REPORTS
    ),
    # workflows
    admin_row("wagtailadmin_workflows:index", "/admin/workflows/list/"),
    admin_row("wagtailadmin_workflows:edit", "/admin/workflows/edit/{workflow}/"),
    admin_row("wagtailadmin_workflows:usage", "/admin/workflows/usage/{workflow}/"),
    admin_row("wagtailadmin_workflows:usage_results", "/admin/workflows/usage/{workflow}/results/"),
    # choosers and the explorer's API
    admin_row("wagtailadmin_choose_page", "/admin/choose-page/"),
    admin_row("wagtailadmin_choose_page_child", "/admin/choose-page/{org}/"),
    admin_row("wagtailadmin_choose_page_search", "/admin/choose-page/search/?q=甲"),
    admin_row(
        "wagtailadmin_choose_page_chosen_multiple",
        "/admin/choose-page/chosen-multiple/?id={secret}&id={draft}",
    ),
    admin_row("wagtailadmin_api:pages:listing", "/admin/api/main/pages/?child_of={org}"),
    admin_row("wagtailadmin_api:pages:listing", "/admin/api/main/pages/?search=甲", suffix="-q"),
    admin_row("wagtailadmin_api:pages:detail", "/admin/api/main/pages/{page}/"),
    admin_row("wagtailadmin_api:pages:find", "/admin/api/main/pages/find/?id={page}"),
    admin_row("wagtailadmin_api:pages:action", "/admin/api/main/pages/{page}/action/copy/", "post"),
    # other admin addresses that name pages
    admin_row("wagtaildocs:document_usage", "/admin/documents/usage/{document}/"),
    admin_row(
        "wagtailadmin_editing_sessions:ping",
        "/admin/editing-sessions/ping/wagtailcore/page/{page}/0/",
        "post",
    ),
    admin_row("wagtailforms:index", "/admin/forms/"),
    admin_row("disclosure_withdraw", "/admin/disclosures/{page}/withdraw/"),
]


def admin_addresses(admin_world, url):
    """``url`` filled in: once for each of A's pages when it has a {page}."""
    values = admin_world["values"]
    if "{page}" not in url:
        return [url.format(**values)]
    return [
        url.format(**values, page=page.pk, revision=page.get_latest_revision().pk)
        for page in (admin_world["secret"], admin_world["draft"])
    ]


@pytest.mark.parametrize(("name", "method", "url"), ADMIN_ROWS)
def test_the_admin_never_names_another_organisations_page(client, admin_world, name, method, url):
    from urllib.parse import parse_qsl, urlsplit

    client.force_login(admin_world["users"]["editor_b"])
    for address in admin_addresses(admin_world, url):
        # A form's fields travel in the body too (the move destination "chooser").
        data = dict(parse_qsl(urlsplit(address).query)) if method == "post" else None
        response = getattr(client, method)(address, data, follow=True)
        statuses = [status for _, status in response.redirect_chain] + [response.status_code]
        assert set(statuses) <= {200, 302, 400, 403, 404}, (address, statuses)
        body = admin_body(response)
        for page in admin_world["hidden"]:
            assert not admin_names(body, page.title), (address, page.title)
        assert ADMIN_DRAFT_SLUG not in body, address


ADMIN_SEES = [
    ("editor_a", "/admin/", ["secret", "draft"]),  # recent edits, in review
    ("editor_a", "/admin/bulk/wagtailcore/page/delete/?{ids}", ["secret", "draft"]),
    ("editor_a", "/admin/bulk/wagtailcore/page/unpublish/?id=all&childOf={org}", ["secret"]),
    ("editor_a", "/admin/reports/page-types-usage/", ["draft"]),
    ("editor_a", "/admin/reports/site-history/", ["secret", "draft"]),
    ("editor_a", "/admin/reports/workflow/", ["draft"]),
    ("editor_a", "/admin/pages/{secret}/history/", ["secret"]),
    ("editor_a", "/admin/choose-page/search/?q=甲", ["secret", "draft"]),
    ("editor_a", "/admin/choose-page/chosen-multiple/?id={secret}&id={draft}", ["secret", "draft"]),
    ("moderator", "/admin/", ["draft"]),  # awaiting review
    ("moderator", "/admin/bulk/wagtailcore/page/publish/?{ids}", ["secret", "draft"]),
    ("moderator", "/admin/reports/locked/", ["secret"]),
    ("moderator", "/admin/reports/workflow_tasks/", ["draft"]),
    ("moderator", "/admin/pages/{secret}/move/{org}/confirm/", ["secret"]),
    ("moderator", "/admin/pages/workflow/preview/{draft}/{task}/", ["draft"]),
    ("editor_b", "/admin/reports/page-types-usage/", ["own"]),
    ("editor_b", "/admin/bulk/wagtailcore/page/delete/?{ids}", ["own"]),
]


@pytest.mark.parametrize(("role", "url", "seen"), ADMIN_SEES)
def test_the_admin_still_names_pages_to_those_who_may_edit_them(
    client, admin_world, role, url, seen
):
    client.force_login(admin_world["users"][role])
    response = client.get(url.format(**admin_world["values"]), follow=True)
    assert response.status_code == 200
    body = admin_body(response)
    for key in seen:
        assert admin_names(body, admin_world[key].title), (role, url, key)


def test_an_editor_moved_to_another_organisation_no_longer_sees_its_pages(
    client, admin_world, other_org
):
    """Wagtail's dashboard lists what the user edited, locked or sent to review, whatever they
    may do now."""
    editor = admin_world["users"]["editor_a"]
    client.force_login(editor)
    titles = [admin_world["secret"].title, ADMIN_DRAFT_TITLE]
    html = client.get("/admin/").content.decode()
    assert all(title in html for title in titles)
    Membership.objects.get(user=editor).delete()
    Membership.objects.create(user=editor, organization=other_org, role=Role.EDITOR)
    for url in ["/admin/", "/admin/reports/site-history/", "/admin/reports/workflow/"]:
        html = client.get(url).content.decode()
        assert not any(title in html for title in titles), url


def test_every_page_bulk_action_looks_up_visible_pages_only():
    from wagtail.admin.views.bulk_action.registry import bulk_action_registry

    from home.admin_privacy import VisiblePagesOnly

    actions = list(bulk_action_registry.get_bulk_actions_for_model("wagtailcore", "page"))
    assert {action.action_type for action in actions} >= {"delete", "move", "publish", "unpublish"}
    assert all(issubclass(action, VisiblePagesOnly) for action in actions)


def test_every_admin_address_about_pages_is_a_row():
    """A page address Wagtail adds in an upgrade fails here until it has a row above."""
    from django.urls import URLResolver, get_resolver

    def names(patterns, namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from names(pattern.url_patterns, inner)
            elif pattern.name:
                yield f"{namespace}{pattern.name}"

    about_pages = {
        name
        for name in names(get_resolver().url_patterns)
        if name.startswith(
            ("wagtailadmin_pages:", "wagtailadmin_reports:", "wagtailadmin_api:pages")
        )
        or name.startswith(("wagtailadmin_explore", "wagtailadmin_choose_page", "wagtail_bulk"))
    }
    rows = {param.values[0] for param in ADMIN_ROWS}
    # Links to addresses outside the site, nothing about pages:
    rows |= {f"wagtailadmin_choose_page_{kind}_link" for kind in ["external", "email", "phone"]}
    rows.add("wagtailadmin_choose_page_anchor_link")
    assert about_pages - rows == set()


@pytest.mark.parametrize(
    "url",
    [
        "/admin/bulk/wagtailcore/page/delete/?id=abc&id=-1&id=99999999999999999999999&id=²",
        "/admin/bulk/wagtailcore/page/move/?id=all&childOf=abc",
        "/admin/bulk/wagtailcore/page/publish/?id=all&childOf=999999",
        "/admin/bulk/wagtailcore/page/unpublish/?id=%00",
        "/admin/choose-page/chosen-multiple/?id=abc&id=99999999999999999999999",
        "/admin/choose-page/chosen-multiple/?id=1",  # the root page
        "/admin/reports/page-types-usage/?page_locale=%00&site=x",
    ],
)
@pytest.mark.parametrize("role", ["editor_b", "moderator"])
def test_bad_ids_in_admin_addresses_are_not_errors(client, admin_world, url, role):
    client.force_login(admin_world["users"][role])
    assert client.get(url).status_code in (200, 404)


# ---- …and documents, images and snippet records only to those who manage them ----------------
#
# editor_b must not see organisation A's documents and images (titles, file names, /media paths)
# on the admin API or in bulk actions, nor act on them; nor the records of a snippet it has no
# permission on (memberships: who is a party member of A) in that snippet's chooser.

FILE_TITLES = {"document": "甲公司内部文件", "image": "甲公司内部图片"}


def org_a_files(world):
    """A document and an image in organisation A's collection, used by no page."""
    collection = world["org"].access.collection
    document = get_document_model()(title=FILE_TITLES["document"], collection=collection)
    document.file.save("jia-neibu.pdf", ContentFile(b"%PDF-1.4 jia"), save=True)
    return document, make_image(FILE_TITLES["image"], "jia-neibu.png", collection=collection)


@pytest.fixture
def admin_files(world):
    document, image = org_a_files(world)
    return {
        **world,
        "document": document,
        "image": image,
        "values": {
            "document": document.pk,
            "image": image.pk,
            "collection": world["org"].access.collection.pk,
            "memberships": "&".join(
                f"id={pk}" for pk in Membership.objects.values_list("pk", flat=True)
            ),
            "membership": Membership.objects.get(user__username="party_member_a").pk,
        },
    }


FILE_ROWS = [
    *(
        url
        for kind, plural in [("document", "documents"), ("image", "images")]
        for url in [
            f"/admin/api/main/{plural}/",
            f"/admin/api/main/{plural}/?limit=20&offset=0",
            f"/admin/api/main/{plural}/{{{kind}}}/",
            f"/admin/api/main/{plural}/find/?id={{{kind}}}",
        ]
    ),
    *(
        f"/admin/bulk/{model}/{action}/?{query}"
        for model, query in [
            ("wagtaildocs/document", "id={document}"),
            ("wagtailimages/image", "id={image}"),
        ]
        for action in ["delete", "add_tags", "add_to_collection"]
    ),
    *(
        f"/admin/bulk/{model}/{action}/?id=all&childOf={{collection}}"
        for model in ["wagtaildocs/document", "wagtailimages/image"]
        for action in ["delete", "add_tags", "add_to_collection"]
    ),
]


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("url", FILE_ROWS)
def test_the_admin_never_names_another_organisations_files(client, admin_files, url, method):
    client.force_login(admin_files["users"]["editor_b"])
    address = url.format(**admin_files["values"])
    collection_b = Membership.objects.get(user__username="editor_b").organization.access.collection
    data = {"tags": "泄露", "collection": collection_b.pk}  # tag, or move into B's collection
    response = getattr(client, method)(address, data if method == "post" else None, follow=True)
    assert response.status_code in (200, 404, 405), address
    body = admin_body(response)
    for key in ("document", "image"):
        item = admin_files[key]
        assert not admin_names(body, item.title), (address, key)
        assert item.file.name.rsplit("/", 1)[-1] not in body, (address, key)
        unchanged = {"pk": item.pk, "tags__isnull": True, "collection": item.collection}
        assert type(item).objects.filter(**unchanged).exists(), (address, key)


FILE_SEES = [
    ("editor_a", "/admin/api/main/documents/", "document"),
    ("editor_a", "/admin/api/main/documents/{document}/", "document"),
    ("editor_a", "/admin/api/main/documents/find/?id={document}", "document"),
    ("editor_a", "/admin/api/main/images/?limit=20&offset=0", "image"),
    ("editor_a", "/admin/api/main/images/{image}/", "image"),
    ("editor_a", "/admin/bulk/wagtaildocs/document/delete/?id={document}", "document"),
    ("editor_a", "/admin/bulk/wagtaildocs/document/add_tags/?id=all", "document"),
    ("editor_a", "/admin/bulk/wagtailimages/image/add_to_collection/?id={image}", "image"),
    ("moderator", "/admin/api/main/images/", "image"),
    ("moderator", "/admin/bulk/wagtailimages/image/delete/?id=all&childOf={collection}", "image"),
]


@pytest.mark.parametrize(("role", "url", "key"), FILE_SEES)
def test_the_admin_still_names_files_to_those_who_manage_them(client, admin_files, role, url, key):
    client.force_login(admin_files["users"][role])
    response = client.get(url.format(**admin_files["values"]), follow=True)
    assert response.status_code == 200
    assert admin_names(admin_body(response), admin_files[key].title), (role, url)


def test_a_bulk_action_on_files_acts_only_on_those_the_user_manages(client, admin_files):
    """editor_b's own document is deleted, A's (in the same request) is not."""
    collection_b = Membership.objects.get(user__username="editor_b").organization.access.collection
    own = get_document_model()(title="乙商会自己的文件", collection=collection_b)
    own.file.save("yi-ziji.pdf", ContentFile(b"%PDF-1.4 yi"), save=True)
    client.force_login(admin_files["users"]["editor_b"])
    document = admin_files["document"]
    ids = f"id={document.pk}&id={own.pk}"
    url = f"/admin/bulk/wagtaildocs/document/delete/?{ids}&next=/admin/documents/"
    response = client.post(url, follow=True)
    assert response.status_code == 200
    assert not admin_names(admin_body(response), document.title)
    assert get_document_model().objects.filter(pk=document.pk).exists()
    assert not get_document_model().objects.filter(pk=own.pk).exists()


XHR = {"x-requested-with": "XMLHttpRequest"}


def snippet_chooser_urls(model):
    from django.urls import reverse

    namespace = model.snippet_viewset.get_chooser_admin_url_namespace()
    return [
        reverse(f"{namespace}:choose"),
        reverse(f"{namespace}:choose_results") + "?q=a",
        reverse(f"{namespace}:chosen", args=[1]),
        reverse(f"{namespace}:chosen_multiple") + "?id=1&id=2&id=3",
    ]


def snippet_models():
    from wagtail.snippets.models import get_snippet_models

    return [model for model in get_snippet_models() if model._meta.label != "disclosure.Category"]


def test_no_snippet_chooser_answers_a_user_without_a_permission_on_it(client, admin_files):
    """Learners, certificates, questions, practice reports, screens …: editor_b has no
    permission on them, so their choosers refuse it (Category is the public catalogue)."""
    from training.models import Learner

    assert Learner.objects.filter(user__username="party_member_a").exists()
    client.force_login(admin_files["users"]["editor_b"])
    models = snippet_models()
    assert {model._meta.label for model in models} >= {
        "disclosure.Membership",
        "training.Learner",
        "training.Certificate",
        "training.Question",
        "integrity.PracticeReport",
    }
    for model in models:
        for url in snippet_chooser_urls(model):
            # The chooser's modal asks with XMLHttpRequest: a 403. Opened as an address: back
            # to the dashboard with Wagtail's "no permission" message.
            assert client.get(url, headers=XHR).status_code == 403, url
            response = client.get(url, follow=True)
            assert response.redirect_chain == [("/admin/", 302)], url
            assert "party_member_a" not in admin_body(response), url


MEMBERSHIP_CHOOSER = [
    "/admin/snippets/choose/disclosure/membership/",
    "/admin/snippets/choose/disclosure/membership/results/?q=party",
    "/admin/snippets/choose/disclosure/membership/chosen/{membership}/",
    "/admin/snippets/choose/disclosure/membership/chosen-multiple/?{memberships}",
]


@pytest.mark.parametrize("url", MEMBERSHIP_CHOOSER)
def test_the_membership_chooser_names_members_to_moderators_only(client, admin_files, url):
    address = url.format(**admin_files["values"])
    for role, named in [("editor_b", False), ("editor_a", False), ("moderator", True)]:
        client.force_login(admin_files["users"][role])
        response = client.get(address, headers=XHR)
        assert response.status_code == (200 if named else 403), (role, address)
        assert ("party_member_a" in admin_body(response)) is named, (role, address)


def test_editors_still_choose_a_category(client, admin_files):
    from disclosure.models import Category
    from disclosure.models.choices import Kind

    category = Category.objects.create(kind=Kind.values[0], name="人事任免事项")
    client.force_login(admin_files["users"]["editor_b"])
    response = client.get("/admin/snippets/choose/disclosure/category/")
    assert response.status_code == 200
    assert admin_names(admin_body(response), category.name)


def test_every_file_bulk_action_and_snippet_chooser_is_checked():
    """A bulk action or snippet Wagtail (or the project) adds fails here until it is checked."""
    from wagtail.admin.views.bulk_action.registry import bulk_action_registry

    from home.admin_privacy import ManagedFilesOnly, PermissionCheckedChooserViewSet

    for app_label, model_name in [("wagtaildocs", "document"), ("wagtailimages", "image")]:
        actions = list(bulk_action_registry.get_bulk_actions_for_model(app_label, model_name))
        assert len(actions) >= 3
        assert all(issubclass(action, ManagedFilesOnly) for action in actions), model_name
    for model in snippet_models():
        assert issubclass(
            model.snippet_viewset.chooser_viewset_class, PermissionCheckedChooserViewSet
        ), model


@pytest.mark.parametrize(
    "url",
    [
        "/admin/api/main/documents/99999999999999999999999/",
        "/admin/api/main/images/find/?id=abc",
        "/admin/api/main/documents/find/?id=99999999999999999999999",
        "/admin/bulk/wagtaildocs/document/delete/?id=abc&id=-1&id=99999999999999999999999",
        "/admin/bulk/wagtailimages/image/add_tags/?id=all&childOf=abc",
        "/admin/snippets/choose/disclosure/membership/chosen/abc/",
        "/admin/snippets/choose/disclosure/membership/chosen-multiple/?id=abc&id=99999999999999999999999",
    ],
)
def test_bad_ids_in_file_and_chooser_addresses_are_not_errors(client, admin_files, url):
    for role in ["editor_b", "moderator"]:
        client.force_login(admin_files["users"][role])
        assert client.get(url, headers=XHR).status_code in (200, 403, 404), (role, url)


# ---- admin forms never name what the user may not see (home.admin_choosers) ------------------
#
# editor_b posts forms that hold an id of organisation A's restricted page, never-published
# draft, document or image: the form comes back (or answers 404) without its title, thumbnail or
# file name, and nothing is saved; a valid save that uses A's document or image is refused.

CHOOSER_FILES = FILE_TITLES


@pytest.fixture
def chooser_world(admin_world):
    document, image = org_a_files(admin_world)
    values = {**admin_world["values"], "a_document": document.pk, "a_image": image.pk}
    return {**admin_world, "a_document": document, "a_image": image, "values": values}


def page_form(page, **changes):
    """The edit form of ``page`` as posted by "save draft", with ``changes``."""
    from tests.disclosure.test_publishing import edit_data

    data = edit_data(page, **changes)
    data.pop("action-publish")
    return data


def foreign_names(chooser_world, body):
    """What of A's hidden pages and files ``body`` names."""
    titles = [page.title for page in chooser_world["hidden"]] + list(CHOOSER_FILES.values())
    named = [title for title in titles if admin_names(body, title)]
    return named + [name for name in ("jia-neibu", ADMIN_DRAFT_SLUG) if name in body]


def chosen(kind, pk):
    from wagtail.test.utils.form_data import inline_formset, streamfield

    if kind == "superseded_by":
        return {"superseded_by": pk}
    if kind == "attachment":
        return {"attachments": inline_formset([{"document": pk, "title": ""}])}
    block = "image" if kind == "image_block" else "document"
    return {"body": streamfield([(block, {block: pk, "alt": "", "caption": "", "title": ""})])}


FORM_ROWS = [  # (what holds the id, whose id)
    ("superseded_by", "secret"),
    ("superseded_by", "draft"),
    ("attachment", "a_document"),
    ("image_block", "a_image"),
    ("document_block", "a_document"),
]


@pytest.mark.parametrize("valid", [False, True], ids=["invalid", "valid"])
@pytest.mark.parametrize(("kind", "item"), FORM_ROWS)
def test_a_page_form_never_shows_or_keeps_what_the_editor_may_not_choose(
    client, chooser_world, kind, item, valid
):
    own = chooser_world["own"]
    client.force_login(chooser_world["users"]["editor_b"])
    revision = own.get_latest_revision().pk
    data = page_form(own, **chosen(kind, chooser_world["values"][item]))
    if not valid:
        data["title"] = ""  # the form comes back with its chosen items shown
    response = client.post(f"/admin/pages/{own.pk}/edit/", data)
    assert response.status_code == 200, (kind, item)
    assert not foreign_names(chooser_world, admin_body(response)), (kind, item)
    form = response.context["form"]
    if kind == "attachment":
        assert "document" in form.formsets["attachments"].forms[0].errors
    else:
        assert {"superseded_by": "superseded_by"}.get(kind, "body") in form.errors, form.errors
    assert own.get_latest_revision().pk == revision
    assert not DisclosureAttachment.objects.filter(page=own).exists()


CHOOSER_ADDRESSES = [
    ("post", "/admin/pages/{own}/copy/", {"new_parent_page": "{secret}", "new_slug": ""}),
    ("post", "/admin/pages/{own}/copy/", {"new_parent_page": "{draft}", "new_slug": ""}),
    ("post", "/admin/pages/{own}/copy/", {"new_title": "副本", "new_slug": "fu-ben"}),
    ("post", "/admin/pages/{own}/copy/", {"new_parent_page": "abc", "new_slug": "fu-ben"}),
    ("post", "/admin/pages/{own}/copy/", {"new_parent_page": "99999", "new_slug": "fu-ben"}),
    ("post", "/admin/bulk/wagtailcore/page/move/?id={own}", {"chooser": "{draft}"}),
    ("post", "/admin/bulk/wagtailcore/page/move/?id={own}", {"chooser": "{secret}"}),
    ("get", "/admin/choose-page/{secret}/", None),
    ("get", "/admin/choose-page/{draft}/", None),
]


@pytest.mark.parametrize(("method", "url", "data"), CHOOSER_ADDRESSES)
def test_copy_move_and_chooser_never_name_a_hidden_page(client, chooser_world, method, url, data):
    from wagtail.models import Page

    values = chooser_world["values"]
    client.force_login(chooser_world["users"]["editor_b"])
    pages = Page.objects.count()
    parent = chooser_world["own"].get_parent().pk
    data = {key: value.format(**values) for key, value in (data or {}).items()}
    response = getattr(client, method)(url.format(**values), data)
    assert response.status_code in (200, 404), (url, data)
    assert not foreign_names(chooser_world, admin_body(response)), (url, data)
    assert Page.objects.count() == pages
    assert Page.objects.get(pk=chooser_world["own"].pk).get_parent().pk == parent


def test_the_copy_form_still_shows_a_parent_the_editor_may_see(client, chooser_world):
    own, org_b = chooser_world["own"], chooser_world["own"].get_parent()
    client.force_login(chooser_world["users"]["editor_b"])
    response = client.post(f"/admin/pages/{own.pk}/copy/", {"new_parent_page": org_b.pk})
    assert response.status_code == 200
    assert org_b.title in admin_body(response)


def test_an_editor_still_attaches_their_own_collections_documents(client, chooser_world):
    page = chooser_world["pages"][Audience.PUBLIC]
    document = chooser_world["a_document"]
    client.force_login(chooser_world["users"]["editor_a"])
    image = chooser_world["a_image"]
    data = page_form(page, **chosen("attachment", document.pk), **chosen("image_block", image.pk))
    assert client.post(f"/admin/pages/{page.pk}/edit/", data).status_code == 302
    page.refresh_from_db()
    draft = page.get_latest_revision_as_object()
    assert document in [attachment.document for attachment in draft.attachments.all()]
    assert draft.body[0].value["image"] == image


def test_an_editor_keeps_what_a_moderator_put_on_the_live_page(client, chooser_world):
    """The live version's items stay choosable: A's document on B's live page, put there by
    the committee, does not block B's editor from saving."""
    own = chooser_world["own"]
    document = chooser_world["a_document"]
    DisclosureAttachment.objects.create(page=own, document=document)
    own.save_revision().publish()
    client.force_login(chooser_world["users"]["editor_b"])
    data = page_form(own, summary="乙改过的摘要", **chosen("attachment", document.pk))
    assert client.post(f"/admin/pages/{own.pk}/edit/", data).status_code == 302
    own.refresh_from_db()
    assert own.get_latest_revision_as_object().summary == "乙改过的摘要"


def test_a_moderator_still_sets_superseded_by_across_organisations(client, chooser_world):
    own, secret = chooser_world["own"], chooser_world["secret"]
    client.force_login(chooser_world["users"]["moderator"])
    data = page_form(own, validity="amended", superseded_by=secret.pk)
    assert client.post(f"/admin/pages/{own.pk}/edit/", data).status_code == 302
    own.refresh_from_db()
    assert own.get_latest_revision_as_object().superseded_by == secret
