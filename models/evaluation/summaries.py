"""Summary metrics: ROUGE-N against a reference, the lead-k baseline, headline coverage.

ROUGE is computed on lowercased word tokens with punctuation dropped and
accents kept ("Résultat" and "resultat" are different words in French).
Headline coverage uses the figure rule of ``spec/EVAL.md`` (value within
0.5 % relative, same unit, ``value_max`` likewise) plus the metric list.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from models.schema import SUPPORTED_LANGUAGES

RELATIVE_TOLERANCE = 0.005
_WORD = re.compile(r"[^\W_]+", re.UNICODE)  # letters and digits, not "_"


def tokenize(text: str) -> list[str]:
    """Lowercased word tokens; "l'entreprise" gives "l" and "entreprise" like any splitter."""
    return _WORD.findall(text.lower())


def ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def rouge_n(candidate: str, reference: str, n: int, lang: str) -> dict[str, float]:
    """ROUGE-N precision, recall and F1 of ``candidate`` against one ``reference``.

    N-gram counts are clipped (an n-gram counts at most as often as in the
    reference). An empty side gives zeros rather than a division error.
    """
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    if lang not in SUPPORTED_LANGUAGES:
        raise ValueError(f"lang must be one of {SUPPORTED_LANGUAGES}, got {lang!r}")
    candidate_grams = ngrams(tokenize(candidate), n)
    reference_grams = ngrams(tokenize(reference), n)
    overlap = sum((candidate_grams & reference_grams).values())
    candidate_total = sum(candidate_grams.values())
    reference_total = sum(reference_grams.values())
    precision = overlap / candidate_total if candidate_total else 0.0
    recall = overlap / reference_total if reference_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": precision, "r": recall, "f": f1}


def lead_k(sentences_text: Sequence[str], k: int = 3) -> list[str]:
    """The baseline summary: the document's first ``k`` sentences, as they are."""
    if k < 0:
        raise ValueError(f"k must be zero or more, got {k}")
    return list(sentences_text[:k])


def same_figure(expected: Mapping[str, Any], found: Mapping[str, Any]) -> bool:
    """Same unit, value within 0.5 % relative, and ``value_max`` likewise (EVAL.md)."""
    if expected.get("unit") != found.get("unit"):
        return False
    if not _close(expected.get("value"), found.get("value")):
        return False
    expected_max, found_max = expected.get("value_max"), found.get("value_max")
    if expected_max is None:
        # a single value: the prediction may repeat it as its own max
        return found_max is None or _close(expected.get("value"), found_max)
    return _close(expected_max, found_max)


def headline_coverage(
    headline_facts: Sequence[Mapping[str, Any]], selected_facts: Sequence[Mapping[str, Any]]
) -> float:
    """Share of headline facts found among the selected key facts.

    A headline fact is covered when some selected fact has the same figure and
    a metric in the headline's metric list (a gold list, or a single code).
    With no headline fact there is nothing to miss: 1.0.
    """
    if not headline_facts:
        return 1.0
    covered = sum(
        any(is_headline_match(headline, found) for found in selected_facts)
        for headline in headline_facts
    )  # fmt: skip
    return covered / len(headline_facts)


def is_headline_match(headline: Mapping[str, Any], found: Mapping[str, Any]) -> bool:
    """Whether ``found`` gives the ``headline`` fact: a metric in its list, the same figure."""
    return _metric_accepted(headline, found) and same_figure(headline, found)


def _metric_accepted(headline: Mapping[str, Any], found: Mapping[str, Any]) -> bool:
    accepted = headline.get("metric")
    if isinstance(accepted, str):
        accepted = [accepted]
    return found.get("metric") in (accepted or [])


def _close(expected: Any, found: Any) -> bool:
    if expected is None or found is None:
        return False
    expected, found = float(expected), float(found)
    return abs(expected - found) <= RELATIVE_TOLERANCE * max(abs(expected), abs(found))
