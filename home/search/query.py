"""What a reader means by a search: the concepts a query asks for, each with its equivalents.

``understand("今年第三季度党费交了多少")`` gives the concepts 第三季度 (any spelling: 三季度,
第3季度) and 党费, with this year preferred in the ranking:

- question and filler words are dropped (多少, 怎么, 有没有, 什么时候, 的 …), and single characters
  left beside longer words (交, 开, 算): questions ask for what their nouns name;
- 今年, 去年 and 前年 become a preferred year rather than words a notice must contain;
- month and quarter numerals take every spelling (十月份 and 10月; 三季度 and 第3季度);
- words a moderator listed as synonyms (``home.models.SearchSynonym``: 社保 → 社会保险、五险一金)
  bring in their equivalents; a synonym is found anywhere in the query, before the query is cut
  into words, so 五险一金 stays one concept.

The search (home/search/views.py) asks for every concept first, and only when that finds too
little for any concept, ranking notices by how much of the query they answer.
"""

import re
from dataclasses import dataclass, field

import rjieba
from django.core.cache import cache
from django.utils import timezone
from modelsearch.query import And, Or, PlainText

from home.models import SYNONYMS_CACHE_KEY, SearchSynonym
from home.search.tokens import CJK, RUNS, initials, normalize, pinyin

QUESTION_WORDS = frozenset(
    [
        "多少",
        "几个",
        "几次",
        "几号",
        "几月",
        "怎么",
        "怎么样",
        "怎样",
        "如何",
        "为何",
        "为什么",
        "有没有",
        "有无",
        "是否",
        "是不是",
        "能否",
        "可否",
        "什么",
        "什么样",
        "什么时候",
        "何时",
        "哪些",
        "哪个",
        "哪里",
        "哪儿",
        "哪天",
        "谁",
        "吗",
        "呢",
        "吧",
        "啊",
        "呀",
        "了",
        "的",
        "地",
        "得",
        "着",
        "过",
        "是",
        "在",
        "给",
        "把",
        "被",
        "和",
        "与",
        "及",
        "或",
        "请问",
        "请",
        "一下",
        "查询",
        "查看",
        "查",
        "想",
        "想要",
        "知道",
        "了解",
        "我",
        "我们",
        "你",
        "你们",
        "咱们",
        "这个",
        "那个",
        "这些",
        "那些",
        "现在",
        "目前",
        "已经",
        "还",
        "都",
        "也",
        "就",
        "要",
        "会",
        "能",
        "可以",
        "应该",
        "需要",
        "有",
        "没有",
        "情况如何",
        "怎么办",
    ]
)
YEAR_WORDS = {"今年": 0, "本年": 0, "本年度": 0, "去年": -1, "上年": -1, "上年度": -1, "前年": -2}
NUMERALS = "零一二三四五六七八九十"
# 十月份, 10月, 9月份; not the 一月 of 一月一课一片一实践.
MONTH = re.compile(r"(十[一二]|[一二三四五六七八九十]|1[0-2]|0?[1-9])月(?:份|(?!一课))")
QUARTER = re.compile(r"第([一二三四1-4])季度?|([一二三四1-4])季度")


def chinese_number(n):
    return NUMERALS[n] if n <= 10 else "十" + NUMERALS[n - 10]


def arabic(text):
    if text.isdigit():
        return int(text)
    if text.startswith("十"):
        return 10 + (NUMERALS.index(text[1]) if len(text) > 1 else 0)
    return NUMERALS.index(text)


@dataclass
class Concept:
    """One thing the query asks for, and the spellings that count as it."""

    text: str
    alternatives: list = field(default_factory=list)

    @property
    def weight(self):
        """Longer words say more (a single character matches nearly everything)."""
        return min(len(self.text), 4)

    def search_query(self):
        spellings = [PlainText(spelling) for spelling in self.alternatives]
        return Or(spellings) if len(spellings) > 1 else spellings[0]

    def found_in(self, folded_text):
        return any(spelling in folded_text for spelling in self.alternatives)


@dataclass
class Understood:
    concepts: list
    year: int | None = None
    phrase: str = ""

    def search_query(self, concepts=None):
        parts = [concept.search_query() for concept in concepts or self.concepts]
        return And(parts) if len(parts) > 1 else parts[0]


def synonym_table():
    """{word: [the word and every spelling it stands for]}, from the moderators' table."""
    table = cache.get(SYNONYMS_CACHE_KEY)
    if table is None:
        table = {}
        for synonym in SearchSynonym.objects.all():
            term = normalize(synonym.term).strip()
            equivalents = synonym.equivalent_list()
            table.setdefault(term, [term]).extend(equivalents)
            if synonym.both_ways:
                for word in equivalents:
                    table.setdefault(word, [word]).extend([term, *equivalents])
        table = {word: list(dict.fromkeys(spellings)) for word, spellings in table.items()}
        cache.set(SYNONYMS_CACHE_KEY, table, 3600)
    return table


def month_concept(match):
    number = arabic(match.group(1))
    return Concept(match.group(0), [f"{number}月", f"{chinese_number(number)}月"])


def quarter_concept(match):
    number = arabic(match.group(1) or match.group(2))
    return Concept(match.group(0), [f"{chinese_number(number)}季度", f"{number}季度"])


def content_words(cjk):
    """The words of a run of Chinese characters that are not question or filler words. Single
    characters in a row that make no word (党废, typed for 党费) stay together as one."""
    words, single = [], []
    for word in [*rjieba.cut(cjk), ""]:
        if len(word) == 1 and word not in QUESTION_WORDS:
            single.append(word)
            continue
        if single:
            words.append("".join(single))
            single = []
        if word and word not in QUESTION_WORDS:
            words.append(word)
    return words


def with_pinyin(understood):
    """The same query with each Chinese concept also spelled in pinyin (党废 → dangfei), for a
    query whose characters found too little (home/search/views.py)."""
    concepts = [
        Concept(concept.text, [*concept.alternatives, pinyin(concept.text)])
        if is_chinese(concept.text) and len(concept.text) > 1
        else concept
        for concept in understood.concepts
    ]
    return Understood(concepts=concepts, year=understood.year, phrase=understood.phrase)


def is_chinese(text):
    return re.fullmatch(f"[{CJK}]+", text) is not None


def spelled_in(titles, concepts):
    """For each concept typed in pinyin or initials (dangfei, gjj) or retried by its pinyin,
    the Chinese words of ``titles`` it stands for: {concept text: [words]}."""
    wanted = {}
    for concept in concepts:
        for spelling in concept.alternatives:
            if spelling.isascii() and spelling.isalpha():
                wanted.setdefault(spelling, concept.text)
    found = {}
    if not wanted:
        return found
    for title in titles:
        for cjk, _latin in RUNS.findall(normalize(title)):
            words = rjieba.cut(cjk)
            candidates = {*words, *(a + b for a, b in zip(words, words[1:], strict=False))}
            for word in candidates:
                if len(word) < 2:
                    continue
                for key in (pinyin(word), initials(word) if len(word) > 2 else None):
                    if key in wanted and word not in found.get(wanted[key], []):
                        found.setdefault(wanted[key], []).append(word)
    return found


def understand(query, today=None):
    """The concepts of ``query`` (an empty list when nothing in it is searchable)."""
    text = normalize(query)
    today = today or timezone.localdate()
    concepts, year = [], None
    for word, offset in sorted(YEAR_WORDS.items(), key=lambda item: -len(item[0])):
        if word in text:
            year = today.year + offset
            text = text.replace(word, " ")
    synonyms = synonym_table()
    for word in sorted(synonyms, key=len, reverse=True):
        if len(word) > 1 and word in text:
            concepts.append(Concept(word, list(synonyms[word])))
            text = text.replace(word, " ")
    for pattern, make in ((MONTH, month_concept), (QUARTER, quarter_concept)):
        for match in pattern.finditer(text):
            concepts.append(make(match))
        text = pattern.sub(" ", text)
    words = []
    for cjk, latin in RUNS.findall(text):
        if latin:
            words.append(latin)
            continue
        words.extend(content_words(cjk))
    if any(len(word) > 1 for word in [*words, *(c.text for c in concepts)]):
        words = [word for word in words if len(word) > 1 or word.isdigit()]
    for word in dict.fromkeys(words):
        concepts.append(Concept(word, list(synonyms.get(word, [word]))))
    phrase = "".join(concept.text for concept in concepts)
    return Understood(concepts=concepts, year=year, phrase=phrase)
