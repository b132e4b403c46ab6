"""Path converters shared by the apps' URLs."""

from django.urls import register_converter


class IdConverter:
    """A database id: 1 to 18 digits, so that an absurdly long number is a 404, not an integer
    overflow in the database driver (SQLite raises on anything past 2**63 - 1)."""

    regex = "[0-9]{1,18}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


register_converter(IdConverter, "id")
