"""Reading preferences (适老化): what the server sends for large text and high contrast.

The preferences live in the reader's browser (js/prefs.js); the browser tests switch them. Here:
every public page offers both as real buttons, hidden until the script can work them, and the
script is loaded before the stylesheet and without ``defer``, so a chosen mode is on the page
before its first paint.
"""

import re

import pytest
from django.templatetags.static import static

pytestmark = pytest.mark.django_db

PAGES = ["/", "/accounts/login/", "/search/?q=党"]


@pytest.mark.parametrize("path", PAGES)
def test_both_preferences_are_buttons_hidden_without_scripts(client, home_page, path):
    html = client.get(path).content.decode()
    for key, label in (("textSize", "大字模式"), ("contrast", "High contrast|高对比度")):
        button = re.search(rf"<button [^>]*data-pref=\"{key}\"[^>]*>({label})</button>", html)
        assert button, key
        assert 'type="button"' in button.group(0)
        assert 'aria-pressed="false"' in button.group(0)
        assert " hidden" in button.group(0)


@pytest.mark.parametrize("path", PAGES)
def test_preferences_apply_before_the_first_paint(client, home_page, path):
    head = client.get(path).content.decode().split("</head>")[0]
    script = head.index(f'<script src="{static("js/prefs.js")}"></script>')
    assert script < head.index('rel="stylesheet"')
