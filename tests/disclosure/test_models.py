"""Catalogue rules of organisations and disclosures: credit codes, 索引号, periods, 公示期."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import PageViewRestriction

from disclosure.models import Audience, DisclosurePage, Kind, Validity
from disclosure.periods import period_label
from disclosure.validators import validate_credit_code
from tests.factories import category, credit_code

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("code", "valid"),
    [
        ("91350100M000100Y43", True),  # a published example code
        (credit_code(1), True),
        (credit_code(2, "52430600"), True),
        ("91350100M000100Y44", False),  # wrong check character
        ("91350100M000100Y4", False),  # 17 characters
        ("91350100M000100I43", False),  # I is never used
        ("", False),
    ],
)
def test_credit_code_validation(code, valid):
    if valid:
        validate_credit_code(code)
    else:
        with pytest.raises(ValidationError):
            validate_credit_code(code)


@pytest.mark.parametrize(
    ("start", "end", "label"),
    [
        ((2026, 10, 1), (2026, 10, 31), "2026年10月"),
        ((2026, 7, 1), (2026, 9, 30), "2026年第三季度"),
        ((2026, 1, 1), (2026, 6, 30), "2026年上半年"),
        ((2025, 1, 1), (2025, 12, 31), "2025年度"),
        ((2026, 3, 5), (2026, 4, 1), "2026年3月5日至2026年4月1日"),
        ((2026, 2, 1), (2026, 4, 30), "2026年2月1日至2026年4月30日"),
    ],
)
def test_period_labels(start, end, label):
    assert period_label(datetime.date(*start), datetime.date(*end)) == label


def test_first_publication_fixes_index_number_and_date(make_disclosure, org):
    first = make_disclosure()
    second = make_disclosure()
    year = timezone.localdate().year
    assert first.index_number == f"{org.credit_code}/{year}-0001"
    assert second.index_number == f"{org.credit_code}/{year}-0002"
    assert first.published_on == timezone.localdate()
    assert first.organization == org


def test_restricted_items_count_in_their_own_series(make_disclosure, org):
    public = make_disclosure()
    restricted = make_disclosure(audience=Audience.PARTY)
    later_public = make_disclosure()
    assert restricted.index_number.endswith("-N0001")
    # Public numbers run without a gap that would betray the restricted item.
    assert public.index_number.endswith("-0001")
    assert later_public.index_number.endswith("-0002")


def test_index_number_never_changes_when_an_older_revision_is_published(make_disclosure):
    page = make_disclosure(live=False)
    assert page.index_number is None
    draft = page.save_revision()
    draft.publish()
    page.refresh_from_db()
    number, published_on = page.index_number, page.published_on
    assert number
    # The draft revision was made before the number existed; publishing it again keeps it.
    draft.publish()
    page.refresh_from_db()
    assert page.index_number == number
    assert page.published_on == published_on


def test_draft_has_no_index_number(make_disclosure):
    page = make_disclosure(live=False)
    assert page.index_number is None
    assert page.published_on is None


def test_enterprise_notice_is_displayed_at_least_15_days(make_disclosure):
    page = make_disclosure(kind=Kind.ENTERPRISE, category=category(Kind.ENTERPRISE))
    assert page.display_until == timezone.localdate() + datetime.timedelta(days=15)
    assert page.display_state == "showing"
    page.display_until = timezone.localdate() + datetime.timedelta(days=3)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "display_until" in error.value.message_dict


def test_display_state_after_the_period(make_disclosure):
    page = make_disclosure(
        kind=Kind.ENTERPRISE,
        category=category(Kind.ENTERPRISE),
        published_on=datetime.date(2025, 3, 1),
    )
    assert page.display_until == datetime.date(2025, 3, 16)
    assert page.display_state == "ended"


def test_category_must_match_kind(make_disclosure):
    page = make_disclosure()
    page.category = category(Kind.ENTERPRISE)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "category" in error.value.message_dict


def test_superseded_item_cannot_stay_valid(make_disclosure):
    old, new = make_disclosure(), make_disclosure()
    old.superseded_by = new
    old.validity = Validity.VALID
    with pytest.raises(ValidationError):
        old.full_clean()
    old.validity = Validity.REPEALED
    old.full_clean()


def test_period_label_is_filled_from_the_dates(make_disclosure):
    page = make_disclosure(
        period_start=datetime.date(2026, 7, 1), period_end=datetime.date(2026, 9, 30)
    )
    assert page.period_label == "2026年第三季度"


@pytest.mark.parametrize(
    ("audience", "restricted"),
    [(Audience.PUBLIC, False), (Audience.ORGANIZATION, True), (Audience.PARTY, True)],
)
def test_audience_sets_the_view_restriction(make_disclosure, audience, restricted):
    page = make_disclosure(audience=audience)
    assert PageViewRestriction.objects.filter(page=page).exists() == restricted
    page.audience = Audience.PUBLIC
    page.save_revision().publish()
    assert not PageViewRestriction.objects.filter(page=page).exists()


def test_organization_rules(org):
    org.slug = "feed"
    org.model_branch_revoked_on = datetime.date(2026, 1, 1)
    with pytest.raises(ValidationError) as error:
        org.full_clean()
    assert {"slug", "model_branch_revoked_on", "model_branch_revoke_reason"} <= set(
        error.value.message_dict
    )


def test_moving_a_disclosure_follows_its_new_organisation(make_disclosure, other_org):
    page = make_disclosure()
    page.move(other_org, pos="last-child")
    assert DisclosurePage.objects.get(pk=page.pk).organization_id == other_org.pk
