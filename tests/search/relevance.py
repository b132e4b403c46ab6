"""Measuring the site search against the graded set in ``relevance_set.py``.

``load_corpus`` publishes the set's organisations and documents as real pages (withdrawn and
repealed ones included); ``evaluate`` runs every query through the search page's ranking, as an
anonymous reader, and gives success@3, MRR, nDCG@10, recall@20 and the queries that found
nothing, overall and per kind. Used by tests/search/test_relevance.py and bench/search.py.
"""

import datetime
import math
from collections import defaultdict

from django.utils import timezone
from wagtail.blocks import StreamValue
from wagtail.models import Page

from tests.search import relevance_set

TODAY = datetime.date(2026, 12, 7)


def dcg(grades):
    return sum((2**grade - 1) / math.log2(rank + 2) for rank, grade in enumerate(grades))


def ndcg_at(found, grades, k=10):
    ideal = dcg(sorted(grades.values(), reverse=True)[:k])
    return dcg([grades.get(key, 0) for key in found[:k]]) / ideal if ideal else 0.0


def success_at(found, grades, k=3):
    """Whether a document of the best grade there is comes within the first ``k``."""
    best = max(grades.values())
    return any(grades.get(key, 0) == best for key in found[:k])


def reciprocal_rank(found, grades):
    best = max(grades.values())
    for rank, key in enumerate(found, start=1):
        if grades.get(key, 0) == best:
            return 1 / rank
    return 0.0


def recall_at(found, grades, k=20):
    relevant = {key for key, grade in grades.items() if grade >= 2}
    return len(relevant & set(found[:k])) / len(relevant) if relevant else 1.0


def load_corpus(parent_index):
    """Publish the set under ``parent_index``; returns {page id: document key}."""
    from disclosure.models import Category, Validity
    from disclosure.models.disclosures import WithdrawalKind
    from tests.factories import DisclosurePageFactory, OrganizationPageFactory

    categories = {(c.kind, c.name): c for c in Category.objects.all()}
    organizations = {
        key: OrganizationPageFactory(parent=parent_index, title=name, org_type=org_type, slug=key)
        for key, (name, org_type) in relevance_set.ORGANIZATIONS.items()
    }
    keys = {}
    for number, doc in enumerate(relevance_set.DOCUMENTS):
        published = datetime.date.fromisoformat(doc["published_on"])
        moment = timezone.make_aware(datetime.datetime.combine(published, datetime.time(9)))
        body = [("paragraph", f"<p>{doc['body']}</p>")] if doc["body"] else []
        if doc.get("attachment_text"):
            body.append(("paragraph", f"<p>{doc['attachment_text']}</p>"))
        page = DisclosurePageFactory(
            parent=organizations[doc["org"]],
            title=doc["title"],
            slug=f"doc-{number}",
            kind=doc["kind"],
            category=categories[(doc["kind"], doc["category"])],
            summary=doc["summary"],
            document_number=doc["document_number"],
            published_on=published,
            first_published_at=moment,
            last_published_at=moment,
        )
        if body:
            page.body = StreamValue(page.body.stream_block, body, is_lazy=False)
            page.save_revision().publish()
        keys[page.pk] = doc["key"]
        if doc["state"] == "expired":
            type(page).objects.filter(pk=page.pk).update(validity=Validity.REPEALED)
        elif doc["state"] == "withdrawn":  # 撤下: only the title and record stay
            page.withdraw(WithdrawalKind.REMOVED, "内容有误，已撤下。")
    return keys


def evaluate(search):
    """Run every query; ``search(query)`` returns document keys, best first."""
    rows = []
    for query, kind, grades in relevance_set.QUERIES:
        found = search(query)
        rows.append(
            {
                "query": query,
                "kind": kind,
                "found": found,
                "success": success_at(found, grades),
                "rr": reciprocal_rank(found, grades),
                "ndcg": ndcg_at(found, grades),
                "recall": recall_at(found, grades),
                "empty": not found,
            }
        )
    return rows


def summary(rows):
    """{"all": figures, kind: figures} with n, success@3 (a count), MRR, nDCG@10, recall@20,
    and the number of queries that found nothing."""
    groups = defaultdict(list)
    for row in rows:
        groups["all"].append(row)
        groups[row["kind"]].append(row)
    return {
        name: {
            "n": len(group),
            "success": sum(row["success"] for row in group),
            "mrr": sum(row["rr"] for row in group) / len(group),
            "ndcg": sum(row["ndcg"] for row in group) / len(group),
            "recall": sum(row["recall"] for row in group) / len(group),
            "empty": sum(row["empty"] for row in group),
        }
        for name, group in groups.items()
    }


def site_search_keys(keys, user=None, within=None):
    """A ``search(query)`` for ``evaluate``: the search page's ranking, as ``user`` (or an
    anonymous reader) would get it, mapped to document keys; ``within`` (a page) keeps the
    search to the set's own corpus in a database that holds other content too."""
    from django.contrib.auth.models import AnonymousUser

    from home.search.query import understand
    from home.search.views import RankedResults
    from home.visibility import readable_by

    reader = user or AnonymousUser()

    def search(query):
        understood = understand(query, today=TODAY)
        if not understood.concepts:
            return []
        pages = readable_by(Page.objects.live(), reader)
        if within is not None:
            pages = pages.descendant_of(within)
        results = RankedResults(understood, pages)
        return [keys[item.pk] for item in results[0:20] if item.pk in keys]

    return search
