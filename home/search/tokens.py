"""Chinese-aware tokens for the database search backends.

SQLite's FTS5 (unicode61) and PostgreSQL's tsvector treat a run of Chinese characters between
punctuation as one word, so 披露 inside a sentence is never found. Text is therefore turned into
space-separated tokens before it reaches the index, and queries into tokens the same way:

- Chinese runs: rjieba's search segmentation (words and their sub-words), plus every character
  and every pair of neighbouring characters, so any 1- or 2-character word and any longer term
  (三会一课) can be matched;
- Latin letters and digits: the run (iso9001, 5g) and its letter and digit parts;
- numbers with a unit: 2026年, 3月, 第3季度's 3季 and the like, as one token.

Titles and summaries also get the toneless pinyin of each word and of each two neighbouring
words (党费 → dangfei, 三会一课 → sanhuiyike), and the initials of those of three characters or
more (公积金 → gjj, 换届选举 → hjxj), so a reader typing pinyin finds them, and a query whose
characters find too little is retried by its pinyin (党废 → dangfei, see home/search/views.py).

A query becomes the AND of its tokens: each word rjieba finds in it, broken into the character
pairs it contains (or the character itself). A document that contains the query text contains
all of them, so nothing that contains the query is missed. Traditional characters are folded to
simplified on both sides (黨務公開 finds 党务公开), and full-width forms to half-width.
"""

import re
import unicodedata
from functools import lru_cache

import rjieba
import zhconv
from pypinyin import Style, lazy_pinyin

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
RUNS = re.compile(rf"([{CJK}]+)|([0-9a-z]+)")
NUMBER_WITH_UNIT = re.compile(rf"([0-9]+)([{CJK}])")
LETTERS_OR_DIGITS = re.compile(r"[a-z]+|[0-9]+")
MAX_QUERY_TERMS = 32


def fold(text):
    """Full-width forms to half-width and lower case, as ``normalize`` without the (slower)
    traditional-to-simplified step: for stored text, which editors write in simplified."""
    return unicodedata.normalize("NFKC", text or "").lower()


def normalize(text):
    text = unicodedata.normalize("NFKC", text or "").lower()
    return zhconv.convert(text, "zh-hans")


def pairs(run):
    return [run[i : i + 2] for i in range(len(run) - 1)] or [run]


@lru_cache(maxsize=20_000)
def pinyin(word):
    """Toneless pinyin of a Chinese word, one string: 党费 → dangfei."""
    return "".join(lazy_pinyin(word, errors="ignore"))


@lru_cache(maxsize=20_000)
def initials(word):
    return "".join(lazy_pinyin(word, style=Style.FIRST_LETTER, errors="ignore"))


def pinyin_tokens(cjk):
    """Pinyin and initials of the words of a run of Chinese characters and of neighbouring
    pairs of them (see the module's docstring)."""
    words = rjieba.cut(cjk)
    found = {word for word in rjieba.cut_for_search(cjk) if len(word) > 1}
    found.update(word for word in words if len(word) > 1)
    found.update(
        first + second
        for first, second in zip(words, words[1:], strict=False)
        if len(first + second) <= 6
    )
    tokens = [pinyin(word) for word in found]
    tokens.extend(initials(word) for word in found if len(word) > 2)
    return tokens


def index_tokens(text, with_pinyin=False):
    text = normalize(text)
    tokens = []
    for cjk, latin in RUNS.findall(text):
        if cjk:
            tokens.extend(word for word in rjieba.cut_for_search(cjk) if len(word) > 2)
            tokens.extend(cjk)
            tokens.extend(pairs(cjk) if len(cjk) > 1 else [])
            if with_pinyin:
                tokens.extend(pinyin_tokens(cjk))
        else:
            tokens.append(latin)
            parts = LETTERS_OR_DIGITS.findall(latin)
            if len(parts) > 1:
                tokens.extend(parts)
    tokens.extend(number + unit for number, unit in NUMBER_WITH_UNIT.findall(text))
    return tokens


def index_text(text, with_pinyin=False):
    """The text as the index should store it: tokens separated by spaces."""
    return " ".join(index_tokens(text, with_pinyin))


def query_terms(query):
    """The tokens every matching document must contain, at most MAX_QUERY_TERMS."""
    text = normalize(query)
    terms = []
    for cjk, latin in RUNS.findall(text):
        if cjk:
            for word in rjieba.cut(cjk):
                terms.extend(pairs(word))
        else:
            terms.append(latin)
    terms.extend(number + unit for number, unit in NUMBER_WITH_UNIT.findall(text))
    unique = list(dict.fromkeys(terms))
    return unique[:MAX_QUERY_TERMS]
