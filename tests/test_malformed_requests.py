"""Malformed requests never get a 5xx: every address of the site and the API, hostile values.

Every URL pattern (``django.urls.get_resolver()``) and every page's address and sub-routes
(routable pages' ``feed/``, ``report/`` …) is filled with hostile path values and requested with
hostile query strings (huge numbers, bad percent-encoding, NUL bytes, very long and repeated
parameters) and odd methods, anonymously and as a logged-in learner, with demo-like content in
place: organisations, disclosures of every audience with attachments, a monthly programme, a
course with a certificate and a screen. Admin, account and login pages are requested with GET
only (their forms have tests of their own). One assertion lists every response of 500 or more.
"""

import logging
import re
import time
from itertools import cycle

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction

from screens.models import ItemKind, PlaylistItem, Screen
from tests.integrity.test_programme import (  # noqa: F401 - fixtures
    integrity_index,
    poster,
    programme,
    this_month,
)
from tests.privacy_world import world  # noqa: F401 - fixture
from tests.training.conftest import activist, course, film, make_member  # noqa: F401 - fixtures
from tests.training.test_certificates import certificate  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"
PATH_VALUES = [
    HUGE,
    "9223372036854775808",
    "-1",
    "0",
    "abc",
    "%00",
    "..",
    "%2e%2e",
    "%2F%2F",
    "x" * 300,
    "😀",
    "%27%20OR%201%3D1--",
    "%ZZ",
    "%E4%B8",
    "1.5",
    "%20",
]
ADMIN_PATH_VALUES = [HUGE, "abc", "%00"]
QUERIES = [
    "",
    f"page={HUGE}&p={HUGE}",
    "page=-1&page=abc&page=2&p=abc&=&&;;",
    "q=%00&search=%00&%00=%00",
    "q=%ZZ%E4%B8&kind=%ff&type=%C0%AF",
    f"year={HUGE}&category=abc&organization=..&org_type=x&validity=%00&withdrawn=😀",
    "kind=party&kind=enterprise&year=2026&year=abc&category=-1",
    f"id={HUGE}",
    "id=abc",
    f"offset={HUGE}",
    "limit=-1&offset=abc",
    "type=%27%20OR%201%3D1--&order=-&fields=((",
    f"child_of=abc&descendant_of={HUGE}&ancestor_of=-1&translation_of=😀",
    "type=disclosure.DisclosurePage&published_on=abc&date_written=2024-13-45&withdrawn_at=x",
    "search=x",
    "search=党费&search_operator=xor",
    "search=%22&order=title&html_path=..%2F..&locale=%00",
    "format=api",
    "format=%00&_=1&size=%00&preview=1&next=//evil.example&table=overdue&code=" + "x" * 300,
    "a" * 3000 + "=" + "b" * 3000,
    "q=" + "党" * 1000,
]
JUNK_BODIES = [
    b"\x00\xff{",
    f'{{"version": {HUGE}, "item": "\\u0000", "videos": {{"1": [[1e999, -1]]}}}}'.encode(),
]
ODD_METHODS = [("head", None), ("options", None), ("post", None), ("put", None)]
ODD_METHODS += [("post", body) for body in JUNK_BODIES]
GET_ONLY = ("admin/", "accounts/", "_util/")  # forms (login, password) tested elsewhere
ROUTE_SLOT = re.compile(r"<(?:[^>:]+:)?([^>]+)>")


def regex_template(regex):
    """The text of a URL regex with each top-level group as a ``{slot}``, and its slot names."""
    text, slots, depth, group, i = [], [], 0, "", 0
    while i < len(regex):
        char = regex[i]
        if char == "\\":
            if depth:
                group += regex[i : i + 2]
            else:
                text.append(regex[i + 1])
            i += 2
            continue
        if char == "(":
            depth += 1
            group += char if depth > 1 else ""
        elif char == ")":
            depth -= 1
            if depth:
                group += char
            else:
                name = re.match(r"\?P<(\w+)>", group)
                slots.append(name.group(1) if name else f"_{len(slots) + 1}")
                text.append("{" + slots[-1] + "}")
                group = ""
        elif depth:
            group += char
        elif char == ".":
            text.append("x")
        elif char not in "^$*+?":
            text.append(char)
        i += 1
    return "".join(text), slots


def pattern_template(pattern):
    if isinstance(pattern, RegexPattern):
        return regex_template(str(pattern))
    route = str(pattern)
    slots = ROUTE_SLOT.findall(route)
    return ROUTE_SLOT.sub(lambda match: "{" + match.group(1) + "}", route), slots


def url_templates(resolver=None, prefix="", slots=()):
    """(template, slot names) of every URL pattern, e.g. ("screens/{token}/", ["token"])."""
    for entry in (resolver or get_resolver()).url_patterns:
        template, names = pattern_template(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from url_templates(entry, prefix + template, [*slots, *names])
        elif isinstance(entry, URLPattern):
            yield prefix + template, [*slots, *names]


def fills(slots, real, values):
    """(slot values, is_real): each combination of real values, then each hostile value in
    every slot, then (with several slots) one hostile slot at a time beside real ones."""
    choices = [real.get(slot, ("1",)) for slot in slots]
    for number in range(max(map(len, choices), default=1)):
        yield (
            {
                slot: options[number % len(options)]
                for slot, options in zip(slots, choices, strict=True)
            },
            True,
        )
    base = {slot: options[0] for slot, options in zip(slots, choices, strict=True)}
    for value in values:
        yield dict.fromkeys(slots, value), False
    if len(slots) > 1:
        for slot in slots:
            for value in values[:4]:
                yield {**base, slot: value}, False


def fill(template, values):
    return "/" + template.format_map(values) if values else "/" + template


def page_templates():
    """The address of one page of each type and access (public or restricted; drafts too), a
    hostile child of it, and the routes of routable pages."""
    restricted = set(PageViewRestriction.objects.values_list("page__path", flat=True))
    chosen = {}
    for page in Page.objects.specific().order_by("path"):
        closed = any(page.path.startswith(path) for path in restricted)
        chosen.setdefault((type(page), closed), page)
    for page in chosen.values():
        url = page.get_url_parts()
        if url is None:
            continue
        path = url[2].lstrip("/")
        yield path, []
        yield path + "{child}/", ["child"]
        if isinstance(page, RoutablePageMixin):
            for pattern in page.get_subpage_urls():
                template, names = pattern_template(pattern.pattern)
                if template:
                    yield path + template, names


@pytest.fixture
def demo(world, programme, poster, certificate, activist, make_disclosure):  # noqa: F811
    """The content the addresses point at, and a real value for each kind of path slot."""
    public = world["pages"]["public"]
    make_disclosure(title="党费收缴情况公示", summary="2026年第一季度党费。")
    screen = Screen(name="营业厅大屏", place="一楼", organization=world["org"])
    screen.items = [
        PlaylistItem(kind=ItemKind.NOTICE, text="欢迎监督", sort_order=0),
        PlaylistItem(kind=ItemKind.PAGE, page=public, sort_order=1),
    ]
    screen.save()
    document = world["documents"]["public"]
    restriction = PageViewRestriction.objects.first()
    learned = certificate.enrolment.course
    attempt = certificate.enrolment.attempts.first()
    return {
        "page_id": (str(public.pk), str(programme.pk)),
        "pk": (str(public.pk), str(attempt.pk)),
        "course_id": (str(learned.pk),),
        "lesson_id": tuple(str(pk) for pk in learned.get_children().values_list("pk", flat=True)),
        "token": (screen.token,),
        "code": (certificate.code,),
        "extension": ("csv", "xlsx"),
        "_1": (str(document.pk),),
        "_2": (document.filename,),
        "restriction_id": (str(restriction.pk),),
        "page_view_restriction_id": (str(restriction.pk),),
        "path": (poster.file.name,),
        "child": ("feed",),
    }


def requests_to_make(real):
    """(method, url, logged_in, body) of the sweep. A real address gets a plain GET, a third of
    the hostile query strings in turn (so each string reaches a third of the addresses, of every
    kind) anonymously and every other one of them as a member, and the odd methods; an address
    with hostile path values gets GET with the next query string in turn."""
    queries = cycle(QUERIES[1:])
    templates = dict.fromkeys((t, tuple(s)) for t, s in [*url_templates(), *page_templates()])
    for position, (template, slots) in enumerate(templates):
        get_only = template.startswith(GET_ONLY)
        values = ADMIN_PATH_VALUES if template.startswith("admin/") else PATH_VALUES
        for slot_values, is_real in fills(slots, real, values):
            url = fill(template, slot_values)
            if get_only:
                yield "get", url, False, None
            elif is_real:
                for index, query in enumerate(QUERIES):
                    if index and (index + position) % 3:
                        continue
                    with_query = f"{url}?{query}" if query else url
                    yield "get", with_query, False, None
                    if index % 2 == 0:
                        yield "get", with_query, True, None
                for method, body in ODD_METHODS:
                    yield method, url, False, body
                yield "post", url, True, JUNK_BODIES[-1]
            else:
                yield "get", f"{url}?{next(queries)}", False, None


@pytest.fixture
def quiet_logs():
    """4xx warnings by the thousand are noise here; 5xx are collected from the responses."""
    loggers = [logging.getLogger(name) for name in ("django.request", "django.security")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    yield
    for logger, level in zip(loggers, levels, strict=True):
        logger.setLevel(level)


SHARDS = 3  # the sweep in parts, so parallel test workers share it


def test_the_sweep_is_large(demo):  # noqa: F811
    assert sum(1 for _request in requests_to_make(demo)) >= 2000


@pytest.mark.parametrize("shard", range(SHARDS))
def test_no_malformed_request_gets_a_server_error(demo, activist, quiet_logs, shard):  # noqa: F811
    clients = {logged_in: Client(raise_request_exception=False) for logged_in in (False, True)}
    clients[True].force_login(activist)
    failures, count, started = [], 0, time.monotonic()
    for number, (method, url, logged_in, body) in enumerate(requests_to_make(demo)):
        if number % SHARDS != shard:
            continue
        data = {} if body is None else {"data": body, "content_type": "application/json"}
        response = getattr(clients[logged_in], method)(url, **data)
        count += 1
        if response.status_code >= 500:
            error = getattr(response, "exc_info", None)
            who = "member" if logged_in else "anonymous"
            failures.append(
                f"{method.upper()} {url[:160]} ({who}): {response.status_code} "
                + (repr(error[1])[:200] if error else "")
            )
    print(f"\n{count} requests in {time.monotonic() - started:.1f} s")
    assert count >= 600
    assert not failures, f"{len(failures)} of {count} requests got a 5xx:\n" + "\n".join(failures)
