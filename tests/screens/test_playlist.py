"""What a screen plays: only live, public, unwithdrawn content; ETag/304; heartbeat; notices."""

import json
from datetime import time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from disclosure.models import Audience, DisclosurePage
from screens.models import EmergencyNotice, ItemKind, OpeningHours, PlaylistItem, Screen

pytestmark = pytest.mark.django_db


@pytest.fixture
def items(make_disclosure):
    public = make_disclosure(title="公开的党务公开", summary="向社会公开的摘要。")
    party = make_disclosure(title="仅限党员的通知", audience=Audience.PARTY)
    staff = make_disclosure(title="仅限职工的通知", audience=Audience.ORGANIZATION)
    draft = make_disclosure(title="草稿事项", live=False)
    return {"public": public, "party": party, "staff": staff, "draft": draft}


@pytest.fixture
def screen(org, items):
    screen = Screen(name="营业厅大屏", place="一楼", organization=org, poll_seconds=30)
    screen.items = [
        PlaylistItem(kind=ItemKind.NOTICE, text="欢迎监督", sort_order=0),
        PlaylistItem(kind=ItemKind.PAGE, page=items["public"], sort_order=1),
        PlaylistItem(kind=ItemKind.LATEST_DISCLOSURES, count=10, sort_order=2),
    ]
    screen.hours = [OpeningHours(weekday=0, opens=time(8, 30), closes=time(18), sort_order=0)]
    screen.save()
    return screen


def fetch(client, screen, etag=None):
    headers = {"HTTP_IF_NONE_MATCH": etag} if etag else {}
    return client.get(f"/screens/{screen.token}/playlist.json", **headers)


def titles(response):
    return [item["title"] for item in response.json()["items"]]


def test_the_playlist_has_public_content_only(client, screen, items):
    response = fetch(client, screen)
    assert response.status_code == 200
    assert titles(response) == ["欢迎监督", "公开的党务公开"]  # the latest repeats nothing
    body = response.content.decode()
    for hidden in ["仅限党员的通知", "仅限职工的通知", "草稿事项"]:
        assert hidden not in body
    slide = response.json()["items"][1]
    assert slide["url"] == items["public"].get_full_url()
    assert slide["qr"].startswith("data:image/svg+xml")
    assert items["public"].index_number in slide["meta"]
    data = response.json()
    assert data["poll"] == 30 and data["hours"] == [[0, "08:30", "18:00"]]
    assert data["utc_offset"] == 480


@pytest.mark.parametrize("change", ["withdrawn", "removed", "unpublished", "restricted"])
def test_a_page_that_stops_being_public_drops_out_at_the_next_poll(client, screen, items, change):
    first = fetch(client, screen)
    page = DisclosurePage.objects.get(pk=items["public"].pk)
    if change in ("withdrawn", "removed"):
        page.withdraw(change, "有误")
    elif change == "unpublished":
        page.unpublish()
    else:
        page.audience = Audience.PARTY
        page.save_revision().publish()
    second = fetch(client, screen, first["ETag"])
    assert second.status_code == 200 and second["ETag"] != first["ETag"]
    assert "公开的党务公开" not in second.content.decode()


def test_an_unchanged_playlist_is_304_after_one_query(client, screen):
    first = fetch(client, screen)
    with CaptureQueriesContext(connection) as queries:
        second = fetch(client, screen, first["ETag"])
    assert second.status_code == 304 and second["ETag"] == first["ETag"]
    assert len(queries.captured_queries) <= 1
    assert fetch(client, screen, '"something-else"').status_code == 200


def test_editing_the_screen_changes_the_version(client, screen):
    first = fetch(client, screen)
    screen.items.add(PlaylistItem(kind=ItemKind.NOTICE, text="新的提示"))
    screen.save()
    second = fetch(client, screen, first["ETag"])
    assert second.status_code == 200 and "新的提示" in titles(second)


def test_dated_items_show_only_in_their_window(client, screen):
    today = timezone.localdate()
    screen.items.add(
        PlaylistItem(kind=ItemKind.NOTICE, text="已结束", ends_on=today - timedelta(days=1)),
        PlaylistItem(kind=ItemKind.NOTICE, text="未开始", starts_on=today + timedelta(days=1)),
        PlaylistItem(kind=ItemKind.NOTICE, text="进行中", starts_on=today, ends_on=today),
    )
    screen.save()
    shown = titles(fetch(client, screen))
    assert "进行中" in shown and "已结束" not in shown and "未开始" not in shown


def test_this_months_programme(client, screen, programme):
    screen.items.add(PlaylistItem(kind=ItemKind.PROGRAMME))
    screen.save()
    slides = fetch(client, screen).json()["items"]
    slide = next(slide for slide in slides if slide["type"] == "programme")
    assert slide["title"] == programme.title
    assert [part["title"] for part in slide["parts"]] == ["廉洁风险点", "一念之差", "廉洁风险自查"]


def test_emergency_notices_reach_chosen_screens_until_they_end(client, screen, org):
    other = Screen.objects.create(name="办公室", place="三楼")
    first = fetch(client, screen)
    notice = EmergencyNotice.objects.create(text="台风预警，今日停业", all_screens=True)
    second = fetch(client, screen, first["ETag"])
    assert second.status_code == 200
    assert second.json()["emergency"]["text"] == "台风预警，今日停业"
    assert fetch(client, other).json()["emergency"]["text"] == "台风预警，今日停业"

    notice.all_screens = False
    notice.save()
    notice.screens.set([other])
    notice.save()
    assert fetch(client, screen).json()["emergency"] is None
    assert fetch(client, other).json()["emergency"] is not None

    notice.cleared_at = timezone.now()
    notice.save()
    assert fetch(client, other).json()["emergency"] is None

    expired = EmergencyNotice.objects.create(
        text="过期",
        starts_at=timezone.now() - timedelta(hours=3),
        expires_at=timezone.now() - timedelta(hours=1),
    )
    assert expired.pk and fetch(client, other).json()["emergency"] is None


def test_a_notice_expiring_soon_is_not_cached_past_its_end(screen):
    from screens.playlist import build_playlist

    EmergencyNotice.objects.create(
        text="短时通知", expires_at=timezone.now() + timedelta(seconds=20)
    )
    playlist, timeout = build_playlist(Screen.objects.get(pk=screen.pk))
    assert playlist["emergency"]["text"] == "短时通知" and timeout <= 21


@pytest.mark.parametrize(
    "path", ["/screens/{bad}/", "/screens/{bad}/playlist.json", "/screens/x/playlist.json"]
)
def test_unknown_tokens_are_a_plain_404(client, screen, path):
    response = client.get(path.format(bad="A" * 32))
    assert response.status_code == 404
    body = response.content.decode()
    assert "营业厅" not in body and "一楼" not in body


def test_a_new_token_stops_the_old_address_at_once(client, screen):
    old = screen.token
    assert client.get(f"/screens/{old}/playlist.json").status_code == 200
    screen.regenerate_token()
    assert client.get(f"/screens/{old}/playlist.json").status_code == 404
    assert client.get(f"/screens/{old}/").status_code == 404
    assert client.get(f"/screens/{screen.token}/playlist.json").status_code == 200
    assert len(screen.token) >= 32  # 192 bits, URL-safe


def heartbeat(client, screen, body, **extra):
    return client.post(
        f"/screens/{screen.token}/heartbeat", data=body, content_type="application/json", **extra
    )


def test_the_heartbeat_records_when_and_what(client, screen):
    version = fetch(client, screen).json()["version"]
    response = heartbeat(client, screen, json.dumps({"version": version, "item": "notice-1"}))
    assert response.status_code == 200 and response.json()["current"] is True
    screen.refresh_from_db()
    assert screen.last_item == "notice-1" and screen.status() == "online"
    assert heartbeat(client, screen, json.dumps({"version": "old"})).json()["current"] is False


@pytest.mark.parametrize("body", ["{not json", "[1, 2]", '{"version": 5}', "\xff"])
def test_a_malformed_heartbeat_is_400_and_changes_nothing(client, screen, body):
    assert heartbeat(client, screen, body).status_code == 400
    screen.refresh_from_db()
    assert screen.last_seen_at is None


def test_an_oversized_heartbeat_is_413(client, screen):
    body = json.dumps({"version": "v", "item": "x" * 5000})
    assert heartbeat(client, screen, body).status_code == 413
    screen.refresh_from_db()
    assert screen.last_seen_at is None


def test_heartbeats_for_unknown_tokens_are_404(client, screen):
    response = client.post("/screens/nope/heartbeat", data="{}", content_type="application/json")
    assert response.status_code == 404


def test_status_online_late_offline(screen):
    now = timezone.now()
    assert screen.status(now) == "offline"
    screen.last_seen_at = now - timedelta(seconds=20)
    assert screen.status(now) == "online"
    screen.last_seen_at = now - timedelta(seconds=75)
    assert screen.status(now) == "stale"
    screen.last_seen_at = now - timedelta(seconds=91)
    assert screen.status(now) == "offline"


def test_the_player_page_and_service_worker(client, screen):
    response = client.get(f"/screens/{screen.token}/")
    assert response.status_code == 200
    assert f"/screens/{screen.token}/playlist.json" in response.content.decode()
    worker = client.get("/screens/sw.js")
    assert worker.status_code == 200 and worker["Service-Worker-Allowed"] == "/screens/"
    assert worker["Content-Type"].startswith("text/javascript")


def test_a_republished_page_shows_its_new_title(client, screen, items):
    first = fetch(client, screen)
    page = DisclosurePage.objects.get(pk=items["public"].pk)
    page.title = "公开的党务公开（修订）"
    page.change_note = "更正标题"
    page.save_revision().publish()
    second = fetch(client, screen, first["ETag"])
    assert "公开的党务公开（修订）" in titles(second)


def test_every_process_sees_a_change_at_the_next_poll(client, screen, items):
    """The playlist cache is keyed on a version held in the database, not in a process's
    memory: a change made through another process (here: a cache that missed the bump) still
    gives a new playlist at the next poll."""
    from django.core.cache import cache

    from home.caching import VERSION_KEY

    first = fetch(client, screen)
    cache.set(VERSION_KEY, 1)  # as in a worker whose own memory cache did not see the change
    DisclosurePage.objects.filter(pk=items["public"].pk).update(withdrawn_at=timezone.now())
    from django.db.models import F

    from home.models import ContentVersion

    ContentVersion.objects.filter(pk=1).update(number=F("number") + 1)  # what publishing does
    second = fetch(client, screen, first["ETag"])
    assert second.status_code == 200 and "公开的党务公开" not in second.content.decode()


def test_a_304_is_one_query_with_the_shared_version(client, screen):
    first = fetch(client, screen)
    with CaptureQueriesContext(connection) as queries:
        assert fetch(client, screen, first["ETag"]).status_code == 304
    assert len(queries.captured_queries) == 1
    assert "home_contentversion" in queries.captured_queries[0]["sql"]


@pytest.mark.parametrize("body", ["[" * 2000, '{"version": "\\ud800"}', '{"item": "a\\u0000b"}'])
def test_hostile_heartbeats_are_400(client, screen, body):
    assert heartbeat(client, screen, body).status_code == 400
    screen.refresh_from_db()
    assert screen.last_seen_at is None


@pytest.mark.parametrize(
    "path",
    [
        "/screens/%00/playlist.json",
        "/screens/a%00b/",
        "/screens/boards/99999999999999999999999999/",
        "/training/attempts/99999999999999999999999999/",
    ],
)
def test_odd_addresses_are_404(client, screen, path):
    assert client.get(path).status_code == 404
    assert (
        client.post(
            "/screens/short/heartbeat", data="{}", content_type="application/json"
        ).status_code
        == 404
    )


def test_the_playlist_is_chinese_whoever_asks_first(client, screen, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    data = fetch(client, screen).json()
    assert data["utc_offset"] == 480
    slide = next(item for item in data["items"] if item["type"] == "disclosure")
    assert slide["kicker"].startswith("党务公开") or slide["kicker"].startswith("企务公开")
    assert any("发布" in line for line in slide["meta"])


def test_a_draft_making_a_restricted_item_public_does_not_reach_screens(client, screen, items):
    page = DisclosurePage.objects.get(pk=items["party"].pk)
    screen.items.add(PlaylistItem(kind=ItemKind.NOTICE, text="占位"))
    screen.save()
    page.audience = Audience.PUBLIC
    page.save_revision()  # saved as a draft, not published
    assert "仅限党员的通知" not in fetch(client, screen).content.decode()


def test_the_admin_opens_a_preview_that_sends_no_heartbeat(client, screen):
    html = client.get(f"/screens/{screen.token}/?preview=1").content.decode()
    assert 'data-preview="1"' in html
    assert 'data-preview="1"' not in client.get(f"/screens/{screen.token}/").content.decode()
