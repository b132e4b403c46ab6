"""The integrity tests take the privacy world (people of two organisations in every role)."""

from tests.privacy_world import world  # noqa: F401 - fixture
