"""The public API's parameters as a table: each bad input × endpoint is a 400 with a JSON
message, never a 500; good parameters filter, search and page as documented, public pages only."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Locale

from disclosure.models import Audience, DisclosurePage, Kind

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"
LISTING = "/api/v2/pages/"
DETAIL = "/api/v2/pages/{pk}/"
FIND = "/api/v2/pages/find/"
DISCLOSURES = "type=disclosure.DisclosurePage&"
ORGANIZATIONS = "type=disclosure.OrganizationPage&"

# (endpoint, query string, the start of the message)
BAD_PARAMETERS = [
    *[
        (LISTING, f"{DISCLOSURES}{field}={value}", f"{field} must be a date (YYYY-MM-DD)")
        for field in ["published_on", "date_written", "period_start", "period_end"]
        for value in ["abc", "2026-13-01", "2026-02-30", "0000-01-01", HUGE]
    ],
    (LISTING, f"{DISCLOSURES}display_until=2026-1-1x", "display_until must be a date"),
    (LISTING, f"{DISCLOSURES}withdrawn_at=abc", "withdrawn_at must be a date (YYYY-MM-DD) or"),
    (LISTING, "first_published_at=yesterday", "first_published_at must be a date"),
    (LISTING, f"id={HUGE}", "id must be an integer from"),
    (LISTING, "id=abc", "id must be an integer from"),
    (LISTING, "id=1.5", "id must be an integer from"),
    (LISTING, f"{DISCLOSURES}category=abc", "category must be an integer from"),
    (LISTING, f"{DISCLOSURES}organization={HUGE}", "organization must be an integer from"),
    (LISTING, f"{DISCLOSURES}superseded_by={HUGE}", "superseded_by must be an integer from"),
    (LISTING, f"{ORGANIZATIONS}member_count=-5", "member_count must be an integer from 0 to"),
    (LISTING, f"{DISCLOSURES}kind=secret", "kind must be one of: party, enterprise"),
    (LISTING, f"{DISCLOSURES}audience=all", "audience must be one of: public,"),
    (LISTING, "show_in_menus=yes", "show_in_menus must be true or false"),
    (LISTING, f"{DISCLOSURES}body=x", "cannot filter by 'body'"),
    (LISTING, f"{DISCLOSURES}amendments=1", "cannot filter by 'amendments'"),
    (LISTING, "title=%00", "null characters are not allowed in title"),
    (LISTING, f"offset={HUGE}", "offset must be at most"),
    (LISTING, "offset=-1", "offset must be a positive integer"),
    (LISTING, "offset=abc", "offset must be a positive integer"),
    (LISTING, f"limit={HUGE}", "limit cannot be higher than 20"),
    (LISTING, "limit=abc", "limit must be a positive integer"),
    (LISTING, "limit=21", "limit cannot be higher than 20"),
    (LISTING, "child_of=abc", "child_of must be a positive integer"),
    (LISTING, f"child_of={HUGE}", "parent page doesn't exist"),
    (LISTING, f"descendant_of={HUGE}", "ancestor page doesn't exist"),
    (LISTING, "descendant_of=-1", "descendant_of must be a positive integer"),
    (LISTING, "ancestor_of=root", "ancestor_of must be a positive integer"),
    (LISTING, f"ancestor_of={HUGE}", "descendant page doesn't exist"),
    (LISTING, "translation_of=abc", "translation_of must be a positive integer"),
    (LISTING, "type=auth.User", "type doesn't exist"),
    (LISTING, "type=nope", "type doesn't exist"),
    (LISTING, "type=%00", "null characters are not allowed in type"),
    (LISTING, "fields=title(", "fields error"),
    (LISTING, "fields=nonsense", "unknown fields: nonsense"),
    (LISTING, "order=nonsense", "cannot order by 'nonsense'"),
    (LISTING, "order=random&offset=1", "random ordering with offset is not supported"),
    (LISTING, "search=" + "x" * 201, "search must be at most 200 characters"),
    (LISTING, "search=x&search_operator=xor", "search_operator must be one of: and, or"),
    (LISTING, "search=x&order=random", "random ordering with a search is not supported"),
    (LISTING, "search=x&order=slug", "cannot order by 'slug' while searching"),
    (LISTING, "locale=xx", "locale doesn't exist"),
    (LISTING, "html_path=/", "query parameter is not an operation or a recognised field"),
    (LISTING, "nonsense=1", "query parameter is not an operation or a recognised field"),
    (DETAIL, "fields=nonsense", "unknown fields: nonsense"),
    (DETAIL, f"{DISCLOSURES}published_on=abc", "published_on must be a date"),
    (DETAIL, "q=%00", "null characters are not allowed in q"),
    (FIND, "id=abc", "id must be an integer from"),
    (FIND, f"id={HUGE}", "id must be an integer from"),
    (FIND, "id=", "id must be an integer from"),
    (FIND, "html_path=%00", "null characters are not allowed in html_path"),
]


def moment(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))


@pytest.fixture
def items(make_disclosure):
    """Two public party-dues notices, one restricted to party members, one enterprise item."""
    written = datetime.date(2026, 2, 27)
    return {
        "march": make_disclosure(
            title="2026年第一季度党费收缴情况公示",
            published_on=datetime.date(2026, 3, 2),
            date_written=written,
        ),
        "april": make_disclosure(
            title="党费使用情况公示", published_on=datetime.date(2026, 4, 1), date_written=written
        ),
        "restricted": make_disclosure(
            title="党员党费明细（仅限党员）",
            audience=Audience.PARTY,
            published_on=datetime.date(2026, 3, 2),
        ),
        "wages": make_disclosure(
            title="工资集体协商结果",
            kind=Kind.ENTERPRISE,
            published_on=datetime.date(2026, 3, 2),
        ),
    }


def get(client, endpoint, query, page):
    return client.get(endpoint.format(pk=page.pk) + "?" + query)


def titles(response):
    assert response.status_code == 200, response.content
    return {item["title"] for item in response.json()["items"]}


@pytest.mark.parametrize(("endpoint", "query", "message"), BAD_PARAMETERS)
def test_a_bad_parameter_is_a_400_with_a_message(client, items, endpoint, query, message):
    response = get(client, endpoint, query, items["march"])
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/json"
    assert response.json()["message"].startswith(message)


@pytest.mark.parametrize("field", ["published_on", "first_published_at"])
def test_filtering_by_a_date_finds_that_days_items(client, items, field):
    response = client.get(f"{LISTING}?{DISCLOSURES}{field}=2026-03-02")
    assert titles(response) == {items["march"].title, items["wages"].title}


def test_filtering_by_the_day_of_a_withdrawal(client, items):
    DisclosurePage.objects.filter(pk=items["april"].pk).update(
        withdrawn_at=moment(items["april"].published_on)
    )
    response = client.get(f"{LISTING}?{DISCLOSURES}withdrawn_at=2026-04-01")
    assert titles(response) == {items["april"].title}


def test_filters_by_choice_link_and_number_work(client, items, org):
    assert titles(client.get(f"{LISTING}?{DISCLOSURES}kind=enterprise")) == {items["wages"].title}
    category = items["march"].category_id
    by_category = titles(client.get(f"{LISTING}?{DISCLOSURES}category={category}"))
    assert by_category == {items["march"].title, items["april"].title}
    by_organization = titles(client.get(f"{LISTING}?{DISCLOSURES}organization={org.pk}"))
    assert items["wages"].title in by_organization
    assert org.title in titles(client.get(f"{LISTING}?{ORGANIZATIONS}member_count=12"))


@pytest.mark.parametrize(
    "query",
    [
        "search=党费",
        "search=黨費",  # traditional characters fold to simplified
        "search=党费&search_operator=or",
        f"search=党费&{DISCLOSURES}kind=party",
        f"search=党费&{DISCLOSURES}date_written=2026-02-27",
        "search=党费&order=-first_published_at",
    ],
)
def test_search_finds_public_disclosures_and_never_a_restricted_one(client, items, query):
    found = titles(client.get(f"{LISTING}?{query}"))
    assert found == {items["march"].title, items["april"].title}


def test_search_can_be_ordered_and_paged(client, items):
    response = client.get(f"{LISTING}?search=党费&order=-first_published_at&limit=1&offset=1")
    assert response.json()["meta"]["total_count"] == 2
    assert titles(response) == {items["march"].title}


def test_search_for_what_only_a_restricted_page_says_finds_nothing(client, items):
    response = client.get(f"{LISTING}?search=党员党费明细")
    assert response.json() == {"meta": {"total_count": 0}, "items": []}


def test_search_of_only_punctuation_finds_nothing(client, items):
    assert titles(client.get(f'{LISTING}?search="  *')) == set()


def test_children_offset_limit_locale_and_find_work(client, items, org):
    children = titles(client.get(f"{LISTING}?child_of={org.pk}&offset=1&limit=20"))
    assert len(children) == 2 and items["restricted"].title not in children
    locale = Locale.get_default().language_code
    assert items["march"].title in titles(client.get(f"{LISTING}?locale={locale}"))
    found = client.get(f"{FIND}?id={items['march'].pk}")
    assert found.status_code == 302
    assert f"/api/v2/pages/{items['march'].pk}/" in found["Location"]
    assert client.get(f"{FIND}?id={items['restricted'].pk}").status_code == 404
    assert client.get(f"{FIND}?html_path={items['restricted'].url}").status_code == 404


def test_restricted_pages_are_not_found_by_any_endpoint(client, items):
    restricted = items["restricted"]
    assert client.get(DETAIL.format(pk=restricted.pk)).status_code == 404
    assert client.get(f"{LISTING}?child_of={restricted.pk}").json() == {
        "message": "parent page doesn't exist"
    }
    listed = titles(client.get(f"{LISTING}?{DISCLOSURES}published_on=2026-03-02&limit=20"))
    assert restricted.title not in listed


def test_a_link_filter_to_a_restricted_page_matches_nothing(client, items):
    """``?superseded_by=<id>`` must not tell whether a restricted page exists: a public item
    superseded by a restricted one is not found by that id, as for an id that does not exist."""
    public, restricted = items["march"], items["restricted"]
    DisclosurePage.objects.filter(pk=public.pk).update(superseded_by=restricted, validity="amended")
    query = f"{DISCLOSURES}superseded_by="
    assert titles(client.get(f"{LISTING}?{query}{restricted.pk}")) == set()
    assert titles(client.get(f"{LISTING}?{query}999999")) == set()
    DisclosurePage.objects.filter(pk=public.pk).update(superseded_by=items["april"])
    assert titles(client.get(f"{LISTING}?{query}{items['april'].pk}")) == {public.title}


def test_the_api_takes_no_passwords(client, django_user_model, home_page):
    """HTTP Basic would check passwords beside the login page: no throttle, no two-factor."""
    import base64

    django_user_model.objects.create_user("zhangsan", password="Nanhu-test-2026!")
    token = base64.b64encode(b"zhangsan:Nanhu-test-2026!").decode()
    right = client.get("/api/v2/pages/", HTTP_AUTHORIZATION=f"Basic {token}")
    wrong = client.get(
        "/api/v2/pages/", HTTP_AUTHORIZATION="Basic " + base64.b64encode(b"zhangsan:x").decode()
    )
    assert right.status_code == wrong.status_code == 200  # both simply anonymous
    assert right.content == wrong.content
