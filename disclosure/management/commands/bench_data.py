"""Synthetic disclosures for the benchmarks in bench/: `manage.py bench_data --disclosures 10000`.

The benchmarks measure pages, search and screens at the size of several years of a district's
disclosures. This command tops the demo catalogue (`load_demo` first) up to N disclosures in all,
spread over the organisations, categories and two years; 10,000 take under two minutes. Running
it again with the same N adds nothing. Like the demo, it refuses to run on production settings.
"""

import datetime
import random
from contextlib import contextmanager

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.translation import gettext as _
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.signal_handlers import disable_reference_index_auto_update

from disclosure.demo import publish_at
from disclosure.demo.data import FIRST_DAY, PARTY_AUDIENCES, SEED
from disclosure.models import Category, DisclosurePage, OrganizationPage
from home.progress_bar import Progress
from home.slugs import pinyin_slug

BATCH = 500


class Command(BaseCommand):
    help = _("Add synthetic disclosures for benchmarks, spread over the demo organisations.")

    def add_arguments(self, parser):
        parser.add_argument(
            "--disclosures",
            type=int,
            required=True,
            metavar="N",
            help=_("Add synthetic disclosures until there are N in all (for benchmarks)."),
        )

    def handle(self, *args, disclosures, **options):
        if not settings.DEMO_ENABLED:
            raise CommandError(_("Demo content is off in these settings."))
        organizations = list(OrganizationPage.objects.order_by("path"))
        if not organizations:
            raise CommandError(
                _("There are no organisations to add disclosures to: run load_demo.")
            )
        if not add_synthetic(self.stdout, organizations, disclosures):
            self.stdout.write(
                _("There are already %(count)d disclosures; nothing added.")
                % {"count": DisclosurePage.objects.count()}
            )


def add_synthetic(stdout, organizations, target):
    """Synthetic disclosures, spread over ``organizations`` and two years, until ``target``."""
    existing = DisclosurePage.objects.count()
    missing = target - existing
    if missing <= 0:
        return 0
    rng = random.Random(SEED + existing)
    categories = list(Category.objects.all())
    slug_words = {category.pk: pinyin_slug(category.name) for category in categories}
    today = timezone.localdate()
    progress = Progress(missing, stdout, _("Synthetic disclosures"))
    backend = get_search_backend()
    for start in range(0, missing, BATCH):
        batch = {organization.pk: [] for organization in organizations}
        for number in range(start, min(start + BATCH, missing)):
            category = rng.choice(categories)
            day = FIRST_DAY + datetime.timedelta(days=rng.randint(0, (today - FIRST_DAY).days))
            title = f"{category.name}事项公示（{day.year}年{day.month}月第{number % 9 + 1}号）"
            page = DisclosurePage(
                title=title,
                slug=f"{slug_words[category.pk]}-{existing + number + 1}",
                kind=category.kind,
                category=category,
                audience=rng.choice(PARTY_AUDIENCES),
                date_written=day,
                summary=f"{category.name}方面的例行公开事项。",
                body=[("paragraph", f"<p>{title}。本条为性能测试生成的内容。</p>")],
            )
            publish_at(page, day)
            batch[rng.choice(organizations).pk].append(page)
        with transaction.atomic(), bulk_saving(DisclosurePage):
            for organization in organizations:
                append_children(organization, batch[organization.pk])
                progress.advance(len(batch[organization.pk]))
        pages = [page for pages in batch.values() for page in pages]
        for page in pages:
            # New pages have no attachments; saying so in memory spares the search index three
            # queries a page (DisclosurePage.attachment_titles).
            page.attachments = []
        backend.add_bulk(DisclosurePage, pages)
    progress.finish(_("Added %(count)d synthetic disclosures.") % {"count": missing})
    return missing


def append_children(parent, pages):
    """Add new leaf pages under ``parent`` the quick way: the one place that bypasses Wagtail.

    Wagtail's public way, ``parent.add_child(instance=page)``, validates every page (a query per
    foreign key and unique field), looks up the last child and updates the parent's child count,
    page by page: it took twice as long, over the two minutes that 10,000 pages may take. Here
    the tree fields that treebeard's ``add_child`` would set come from the previous page in memory
    (treebeard's internal ``_inc_path`` and ``_get_path``), pages are saved unvalidated (they are
    valid by construction) and the parent's count is updated once. The model's own rules still
    run in ``DisclosurePage.save`` (索引号, view restrictions); no creation is logged, and search
    and reference-index updates are left to the caller (``bulk_saving``).
    """
    if not pages:
        return
    last = parent.get_last_child()
    for page in pages:
        page.path = last._inc_path() if last else Page._get_path(parent.path, parent.depth + 1, 1)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.locale_id = parent.locale_id
        page.draft_title = page.title
        page.organization = parent
        page._cached_parent_obj = parent
        page.save(clean=False, log_action=None)
        last = page
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)


@contextmanager
def bulk_saving(model):
    """Save pages of ``model`` without updating the reference index or the search index on
    each save; the caller indexes the batch with the search backend's ``add_bulk``."""
    post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.connect(post_save_signal_handler, sender=model)
