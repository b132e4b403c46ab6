"""Fixtures shared with other apps' tests: the monthly programme, and the privacy table's world."""

from tests.integrity.test_programme import (  # noqa: F401 - fixtures
    integrity_index,
    poster,
    programme,
    this_month,
)
from tests.privacy_world import world  # noqa: F401 - fixture
