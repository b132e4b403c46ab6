"""Screens in the admin: restricted pages refused, health at a glance, new addresses, notices."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from disclosure.access import moderators_group
from disclosure.models import Audience
from screens.models import EmergencyNotice, Screen

pytestmark = pytest.mark.django_db


def screen_form(items=(), hours=()):
    data = {
        "name": "门店屏",
        "place": "一楼",
        "organization": "",
        "orientation": "landscape",
        "seconds_per_slide": 15,
        "poll_seconds": 30,
    }
    for prefix, rows in (("items", items), ("hours", hours)):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": len(rows),
                f"{prefix}-INITIAL_FORMS": 0,
                f"{prefix}-MIN_NUM_FORMS": 0,
                f"{prefix}-MAX_NUM_FORMS": 1000,
            }
        )
        for i, row in enumerate(rows):
            data[f"{prefix}-{i}-id"] = ""
            data[f"{prefix}-{i}-ORDER"] = i + 1
            for key, value in row.items():
                data[f"{prefix}-{i}-{key}"] = value
    return data


def item(kind, **fields):
    row = {
        "kind": kind,
        "page": "",
        "image": "",
        "text": "",
        "count": 5,
        "starts_on": "",
        "ends_on": "",
    }
    row.update(fields)
    return row


@pytest.fixture
def moderator(client, django_user_model):
    user = django_user_model.objects.create_user("gongwei", password="unused")
    user.groups.add(moderators_group())
    client.force_login(user)
    return user


ADD = "/admin/snippets/screens/screen/add/"


def test_a_moderator_adds_a_screen_with_a_public_page(client, moderator, make_disclosure):
    public = make_disclosure(title="公开事项")
    response = client.post(
        ADD,
        screen_form(
            items=[item("page", page=public.pk), item("notice", text="欢迎监督")],
            hours=[{"weekday": 0, "opens": "08:30", "closes": "18:00"}],
        ),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    screen = Screen.objects.get()
    assert [i.kind for i in screen.items.all()] == ["page", "notice"]
    assert screen.hours.get().closes.hour == 18


@pytest.mark.parametrize("audience", [Audience.PARTY, Audience.ORGANIZATION])
def test_a_restricted_page_is_refused(client, moderator, make_disclosure, audience):
    restricted = make_disclosure(title="内部事项", audience=audience)
    response = client.post(ADD, screen_form(items=[item("page", page=restricted.pk)]))
    assert response.status_code == 200
    assert "不是公开的" in response.content.decode() or "not public" in response.content.decode()
    assert not Screen.objects.exists()


def test_a_withdrawn_or_draft_page_and_an_empty_notice_are_refused(
    client, moderator, make_disclosure
):
    draft = make_disclosure(title="草稿", live=False)
    for rows in ([item("page", page=draft.pk)], [item("notice", text="  ")], [item("page")]):
        assert client.post(ADD, screen_form(items=rows)).status_code == 200
    assert not Screen.objects.exists()


def test_the_list_shows_each_screens_health(client, moderator):
    now = timezone.now()
    Screen.objects.create(name="在线屏", place="甲", last_seen_at=now, poll_seconds=30)
    Screen.objects.create(name="掉线屏", place="乙", last_seen_at=now - timedelta(minutes=10))
    Screen.objects.create(name="新屏", place="丙")
    html = client.get("/admin/snippets/screens/screen/").content.decode()
    assert html.count("w-status") >= 3
    for name in ["在线屏", "掉线屏", "新屏"]:
        assert name in html


def test_a_new_address_replaces_the_old_one(client, moderator):
    screen = Screen.objects.create(name="门店屏", place="一楼")
    old = screen.token
    url = f"/admin/screens/{screen.pk}/new-token/"
    assert client.get(url).status_code == 200
    assert Screen.objects.get(pk=screen.pk).token == old  # a GET changes nothing
    client.post(url)
    assert Screen.objects.get(pk=screen.pk).token != old
    assert client.get(f"/screens/{old}/").status_code == 404


def test_only_moderators_manage_screens(client, django_user_model):
    screen = Screen.objects.create(name="门店屏", place="一楼")
    user = django_user_model.objects.create_user("someone", password="unused")
    client.force_login(user)
    assert client.post(f"/admin/screens/{screen.pk}/new-token/").status_code in (302, 403)
    assert Screen.objects.get(pk=screen.pk).token == screen.token


def test_a_moderator_pushes_an_emergency_notice(client, moderator):
    screen = Screen.objects.create(name="门店屏", place="一楼")
    start = timezone.localtime()
    response = client.post(
        "/admin/snippets/screens/emergencynotice/add/",
        {
            "text": "暴雨红色预警，请注意安全",
            "starts_at": start.strftime("%Y-%m-%d %H:%M"),
            "expires_at": (start + timedelta(hours=1)).strftime("%Y-%m-%d %H:%M"),
            "all_screens": "on",
            "cleared_at": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    notice = EmergencyNotice.objects.get()
    assert notice.created_by == moderator
    # In the audit trail: who pushed it.
    entry = ModelLogEntry.objects.get(action="wagtail.create", object_id=str(notice.pk))
    assert entry.user == moderator and entry.label == "暴雨红色预警，请注意安全"
    data = client.get(f"/screens/{screen.token}/playlist.json").json()
    assert data["emergency"]["text"] == "暴雨红色预警，请注意安全"


def test_the_admin_links_to_a_preview_of_each_player(client, moderator):
    screen = Screen.objects.create(name="门店屏", place="一楼")
    html = client.get("/admin/snippets/screens/screen/").content.decode()
    assert f"/screens/{screen.token}/?preview=1" in html


def test_a_moderator_clears_a_notice_from_every_screen(client, moderator):
    screen = Screen.objects.create(name="门店屏", place="一楼")
    notice = EmergencyNotice.objects.create(text="停电通知")
    assert client.get(f"/screens/{screen.token}/playlist.json").json()["emergency"]
    edit = client.get(f"/admin/snippets/screens/emergencynotice/edit/{notice.pk}/")
    assert f"/admin/screens/notices/{notice.pk}/clear/" in edit.content.decode()
    client.post(f"/admin/screens/notices/{notice.pk}/clear/")
    entry = ModelLogEntry.objects.get(action="screens.clear_notice", object_id=str(notice.pk))
    assert entry.user == moderator
    assert client.get(f"/admin/screens/notices/{notice.pk}/clear/").status_code == 200
    client.post(f"/admin/screens/notices/{notice.pk}/clear/")
    notice.refresh_from_db()
    assert notice.cleared_at is not None
    assert client.get(f"/screens/{screen.token}/playlist.json").json()["emergency"] is None
