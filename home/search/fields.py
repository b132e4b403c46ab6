"""Search fields whose text is tokenized for Chinese before it is indexed (see tokens.py)."""

from modelsearch import index

from home.search.tokens import index_text


def flatten(value):
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(flatten(item) for item in value)
    if isinstance(value, dict):
        return " ".join(flatten(item) for item in value.values())
    return str(value)


# Fields whose words are also indexed by their pinyin (home.search.tokens).
PINYIN_FIELDS = {"title", "summary"}


class ChineseSearchField(index.SearchField):
    def get_value(self, obj):
        return index_text(flatten(super().get_value(obj)), self.field_name in PINYIN_FIELDS)

    def __eq__(self, other):
        # Stands in for the plain SearchField of the same field, so Wagtail's check that page
        # types keep Page.search_fields (wagtailsearch.W001) recognises it.
        if isinstance(other, index.SearchField):
            return (self.field_name, self.boost) == (other.field_name, other.boost)
        return NotImplemented

    def __hash__(self):
        return hash((self.field_name, self.boost))


def chinese(fields):
    """The same search fields, with each SearchField tokenized for Chinese, recursively."""
    result = []
    for field in fields:
        if isinstance(field, index.SearchField) and not isinstance(field, ChineseSearchField):
            result.append(ChineseSearchField(field.field_name, boost=field.boost, **field.kwargs))
        elif isinstance(field, index.RelatedFields):
            result.append(index.RelatedFields(field.field_name, chinese(field.fields)))
        else:
            result.append(field)
    return result
