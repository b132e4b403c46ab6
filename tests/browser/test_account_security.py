"""Account security in a real browser: setting up two-factor login, and the pause after
wrong passwords; each page checked with axe."""

import base64
import time

from tests.browser.conftest import axe_violations, check_page, demo_login, screenshot


def totp(secret_text):
    """The current code for a base32 secret, as an authenticator app computes it."""
    from django_otp.oath import totp as compute

    key = base64.b32decode(secret_text.replace(" ", ""))
    return f"{compute(key, step=30, t0=0, digits=6, drift=0):06d}"


def test_a_moderator_sets_up_two_factor_login(live_site, page):
    demo_login(page, live_site, "moderator")
    check_page(page, live_site + "/accounts/two-factor/setup/", "two-factor-setup")
    assert page.locator("svg").first.is_visible()  # the QR code, drawn on the page
    secret = page.locator("#totp-secret").inner_text()
    page.get_by_label("验证码").fill("000000" if totp(secret) != "000000" else "111111")
    page.get_by_role("button", name="确认").click()
    page.wait_for_load_state()
    assert page.get_by_text("验证码不正确").first.is_visible()
    time.sleep(2)  # a wrong code makes the next one wait a second (django-otp's throttling)
    if int(time.time()) % 30 > 27:  # let the code not change between reading and sending
        time.sleep(3)
    page.get_by_label("验证码").fill(totp(secret))
    page.get_by_role("button", name="确认").click()
    page.wait_for_load_state("networkidle")
    codes = page.locator("code").all_inner_texts()
    assert len(codes) == 10, page.locator("main").inner_text()
    screenshot(page, "two-factor-recovery-codes")
    assert axe_violations(page) == []


def test_wrong_passwords_pause_the_login_with_a_clear_page(live_site, page):
    for _ in range(6):
        page.goto(live_site + "/accounts/login/")
        page.get_by_label("用户名").fill("no-such-person")
        page.get_by_label("密码").fill("wrong-password")
        page.get_by_role("button", name="登录").click()
        page.wait_for_load_state()
    assert page.get_by_role("heading", name="登录失败次数过多").is_visible()
    assert page.get_by_text("15 分钟").is_visible()
    screenshot(page, "login-paused")
    assert axe_violations(page) == []
