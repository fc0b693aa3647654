"""Sentence and paragraph boundaries by rule: fast, and exact on character offsets.

spaCy runs only on sentences that hold a figure, so the boundaries come from here
rather than from the parser; abbreviations that end in a full stop are per-language data
(``lang/<lang>/language.json``).
"""

from __future__ import annotations

import re
from functools import cache

from models.lexicon import load_language_data

_PARAGRAPH = re.compile(r"\n\s*\n")


# End of sentence: . ! ? (optionally closed by a quote or bracket) then space and a
# capital, digit or quote; or a line break. Abbreviations are checked after matching.
_BOUNDARY = re.compile(r"(?<=[.!?…])[\"»”’)]*\s+(?=[A-ZÀ-ÖØ-Þ0-9\"«“(])|\n+")
_LAST_WORD = re.compile(r"([\w.°]+)[.]$")


@cache
def _abbreviations(lang: str) -> frozenset[str]:
    return frozenset(load_language_data(lang, "language")["abbreviations"])


def _boundaries(text: str, lang: str) -> list[re.Match[str]]:
    found = []
    for m in _BOUNDARY.finditer(text):
        if m.group(0).startswith("\n") or "\n" in m.group(0):
            found.append(m)
            continue
        last = _LAST_WORD.search(text, max(0, m.start() - 12), m.start())
        if last and last.group(1) in _abbreviations(lang):
            continue
        found.append(m)
    return found


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _PARAGRAPH.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def sentence_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, trimmed of surrounding white space."""
    spans = []
    start = 0
    for m in _boundaries(text, lang):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    trimmed = []
    for s, e in spans:
        chunk = text[s:e]
        if not chunk.strip():
            continue
        s += len(chunk) - len(chunk.lstrip())
        e -= len(chunk) - len(chunk.rstrip())
        trimmed.append((s, e))
    return trimmed
