"""The audience rule on every channel, as one table: roles × channels × audiences.

A restricted disclosure, its title included, reaches only the people its audience names:
organisation audience → the organisation's employees, party members and editors, and the
committee; party audience → its party members, editors and the committee.
"""

from urllib.parse import unquote

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from disclosure.access import moderators_group
from disclosure.models import Audience, DisclosureAttachment, Membership, Role
from tests.factories import make_image

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "employee_a",
    "party_member_a",
    "editor_a",
    "employee_b",
    "editor_b",
    "moderator",
]
READERS = {
    Audience.PUBLIC: set(ROLES),
    Audience.ORGANIZATION: {"employee_a", "party_member_a", "editor_a", "moderator"},
    Audience.PARTY: {"party_member_a", "editor_a", "moderator"},
}
TITLES = {
    Audience.PUBLIC: "甲公司公开事项",
    Audience.ORGANIZATION: "甲公司职工事项",
    Audience.PARTY: "甲支部党员事项",
}


@pytest.fixture
def world(org, other_org, make_disclosure, django_user_model, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    users = {}
    for role, organization, membership_role in [
        ("employee_a", org, Role.EMPLOYEE),
        ("party_member_a", org, Role.PARTY_MEMBER),
        ("editor_a", org, Role.EDITOR),
        ("employee_b", other_org, Role.EMPLOYEE),
        ("editor_b", other_org, Role.EDITOR),
    ]:
        users[role] = django_user_model.objects.create_user(role, password="x")
        Membership.objects.create(user=users[role], organization=organization, role=membership_role)
    users["moderator"] = django_user_model.objects.create_user("moderator", password="x")
    users["moderator"].groups.add(moderators_group())
    pages, documents = {}, {}
    for audience, title in TITLES.items():
        page = make_disclosure(title=title, audience=audience)
        document = get_document_model()(title=f"{title}附件")
        document.file.save(f"{audience}.pdf", ContentFile(b"%PDF-1.4 demo"), save=True)
        DisclosureAttachment.objects.create(page=page, document=document)
        pages[audience], documents[audience] = page, document
    return {"users": users, "pages": pages, "documents": documents, "org": org}


def client_for(client, world, role):
    if role != "anonymous":
        client.force_login(world["users"][role])
    return client


def listed_titles(html):
    return {title for title in TITLES.values() if title in html}


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
