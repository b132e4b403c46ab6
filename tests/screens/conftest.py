"""The monthly programme fixtures of the integrity tests, for screens and boards."""

from tests.integrity.test_programme import (  # noqa: F401 - fixtures
    integrity_index,
    poster,
    programme,
    this_month,
)
