"""Free-text search: the same word folding for what is indexed and what is asked.

Both backends index ``facts.search_text``, which Python builds by folding
accents and case; queries are folded the same way and reduced to plain words,
so user input can never inject FTS5 or tsquery syntax, and "dépenses" finds
"depenses" on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_WORD = re.compile(r"[^\W_]+")
MAX_QUERY_WORDS = 16


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def search_text(parts: Iterable[str | None]) -> str:
    return " ".join(" ".join(words(part)) for part in parts if part)


def query_words(query: str) -> list[str]:
    """The distinct words of a query, in order, at most ``MAX_QUERY_WORDS``."""
    return list(dict.fromkeys(words(query)))[:MAX_QUERY_WORDS]


def fts5_match(terms: list[str]) -> str:
    """Every word must occur: quoted terms, implicitly ANDed by FTS5."""
    return " ".join(f'"{term}"' for term in terms)
