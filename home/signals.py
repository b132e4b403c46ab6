"""Every signal handler of the home app, connected in one place.

``register_signal_handlers()`` is called once from ``HomeConfig.ready()``; the handlers stay in
the modules whose rule they keep (the audit trail, the content version, the idle clock, the
per-request memory). ``connect``, which every app's ``register_signal_handlers`` uses, makes a
second call harmless.
"""

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.signals import request_finished, request_started
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from wagtail.models import ModelLogEntry, Page, PageLogEntry, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move


def register_signal_handlers():
    from home import account_security, audit, caching, request_cache, visibility
    from home.models import SiteSettings

    User = get_user_model()
    connections = [
        # Per-request memory (home.request_cache).
        (request_started, request_cache.begin_request, None),
        (request_finished, request_cache.end_request, None),
        # The content version that every cache of published content is keyed on.
        (post_save, caching.page_saved, None),
        (post_save, caching.content_changed, PageViewRestriction),
        (post_delete, caching.content_changed, PageViewRestriction),
        (post_delete, caching.content_changed, Page),
        (page_published, caching.content_changed, None),
        (page_unpublished, caching.content_changed, None),
        (post_page_move, caching.content_changed, None),
        (post_save, caching.content_changed, SiteSettings),
        # The audit trail's day files and the events Wagtail does not log.
        (post_save, audit.write_entry_to_file, PageLogEntry),
        (post_save, audit.write_entry_to_file, ModelLogEntry),
        (user_login_failed, audit.login_failed, None),
        (user_logged_in, audit.logged_in, None),
        (user_locked_out, audit.locked_out, None),
        (pre_save, audit.account_changed, User),
        (m2m_changed, audit.groups_changed, User.groups.through),
        (m2m_changed, visibility.forget_user_groups, User.groups.through),
        # The idle timeout's clock starts at login.
        (user_logged_in, account_security.start_the_idle_clock, None),
    ]
    for signal, handler, sender in connections:
        connect(signal, handler, sender)


def connect(signal, handler, sender=None):
    """Connect once, however often ``ready()`` runs (a uid per handler, signal and sender)."""
    uid = f"{handler.__module__}.{handler.__name__}:{getattr(sender, '__name__', '')}"
    signal.connect(handler, sender=sender, dispatch_uid=uid, weak=False)
