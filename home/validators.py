"""Password rules (等保 2.0 level 2): at least 10 characters of three kinds, not the username
or phone number, not a common password; messages in Chinese."""

import re

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's minimum length rule; its 5.2 error message has no zh_Hans translation upstream."""

    def get_error_message(self):
        return ngettext(
            "This password is too short. It must contain at least %(min_length)d character.",
            "This password is too short. It must contain at least %(min_length)d characters.",
            self.min_length,
        ) % {"min_length": self.min_length}


class CharacterClassesValidator:
    """At least ``min_classes`` of the four kinds of character: lower case, upper case, digits
    and others (等保 2.0 level 2 asks for a mix)."""

    def __init__(self, min_classes=3):
        self.min_classes = min_classes

    @staticmethod
    def classes(password):
        kinds = [str.islower, str.isupper, str.isdigit]
        found = {index for char in password for index, kind in enumerate(kinds) if kind(char)}
        if any(not (char.islower() or char.isupper() or char.isdigit()) for char in password):
            found.add(len(kinds))
        return len(found)

    def validate(self, password, user=None):
        if self.classes(password) < self.min_classes:
            raise ValidationError(self.get_help_text(), code="password_too_simple")

    def get_help_text(self):
        return _(
            "Your password must mix at least %(count)d of: lower-case letters, capital letters, "
            "digits and other characters."
        ) % {"count": self.min_classes}


class NotUsernameOrPhoneValidator:
    """The password may not contain the username, nor a mobile phone number of the account
    (usernames are often phone numbers), nor be them reversed."""

    def validate(self, password, user=None):
        if user is None:
            return
        folded = password.lower()
        names = {str(getattr(user, "username", "") or "").lower()}
        names |= set(re.findall(r"1\d{10}", " ".join(str(value) for value in names)))
        for name in names:
            if len(name) >= 4 and (name in folded or name[::-1] in folded):
                raise ValidationError(
                    _("Your password cannot contain your username or phone number."),
                    code="password_contains_username",
                )

    def get_help_text(self):
        return _("Your password cannot contain your username or phone number.")
