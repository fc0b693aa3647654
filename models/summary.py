"""Extractive summary of a report: its most salient sentences and its key facts.

Sentences are scored on four signals, each scaled to [0, 1] over the document:
fact density (how many important figures a sentence carries), entity
salience (does it speak of the document's main subject), position (reports
put their gist first) and centrality (closeness to the document's centroid,
in encoder space when embeddings are given, else in TF-IDF space).
Facts are ranked by metric weight, main-subject bonus and claim type, then
de-duplicated; a growth fact is folded into its level fact. Everything is
deterministic: ties go to the earlier sentence or fact.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from models.errors import UnsupportedLanguageError
from models.render import GROWTH_OF, pair_growth_facts, render_fact
from models.schema import SUPPORTED_LANGUAGES

# How much an analyst cares about a figure of this metric (1 = headline).
METRIC_WEIGHTS: dict[str, float] = {
    "revenue": 1.0, "eps": 0.95, "net_income": 0.95, "price_target": 0.9,
    "operating_income": 0.8, "capex": 0.8, "revenue_growth": 0.8, "free_cash_flow": 0.75,
    "operating_margin": 0.75, "gross_margin": 0.7, "market_cap": 0.7, "valuation": 0.7,
    "net_income_growth": 0.7, "eps_growth": 0.7, "market_size": 0.65, "market_share": 0.65,
    "dividend": 0.6, "buyback": 0.6, "share_price_change": 0.6, "return_on_equity": 0.6,
    "opex": 0.55, "share_price": 0.5, "valuation_multiple": 0.5, "performance_gain": 0.5,
    "growth_rate": 0.45, "price_performance_gain": 0.45, "chip_spec": 0.35, "units": 0.2,
    "other": 0.1,
}  # fmt: skip
# Relayed claims are the least reliable figures of a report.
CLAIM_BONUS: dict[str, float] = {
    "guidance": 0.05, "target": 0.0, "reported": 0.0, "estimate": -0.05,
    "forecast": -0.05, "claimed": -0.15,
}  # fmt: skip
# Readers look for the main subject's own outlook: one guided figure is always listed.
# (Forcing forecasts and targets too cost 0.015 coverage on dev and on held-out.)
OUTLOOK_CLAIM_TYPES: tuple[str, ...] = ("guidance",)
OUTLOOK_MIN_WEIGHT = 0.5  # a guided power draw is no reason to drop a revenue line
# Checked on dev and on a second annotator's dev picks, then on held-out: the main
# subject's figures need little help (segments and markets make headlines too), while
# the figure that opens a paragraph or a sentence is the one its writer put forward.
MAIN_SUBJECT_BONUS = 0.1
PARAGRAPH_OPENER_BONUS = 0.6
SENTENCE_OPENER_BONUS = 0.2
CONFIDENCE_FLOOR = 0.5
GROWTH_FOLDED_BONUS = 0.1
LEDE_BONUS = 0.5  # the report's first figure is the one its writer chose to lead with
LEAD_WEIGHT = 0.5
LEAD_SHARE = 0.4  # the first facts of a report, where news puts what matters
LEAD_DECAY = 1.0  # and, within them and after, earlier still weighs more
REPEATED_METRIC_FACTOR = 0.6  # second figure of the same subject+metric counts less
ROUNDING_TOLERANCE = 0.01  # "le seuil des 13 milliards ... à 13 072 M€": one figure, twice
MIN_SENTENCE_WORDS = 6
_WORD = re.compile(r"\w+", re.UNICODE)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_SENTENCE_END = re.compile(r"[.!?:;…\"»)]\s*$")


@dataclass(frozen=True, slots=True)
class SalienceWeights:
    density: float = 0.35
    entity: float = 0.2
    position: float = 0.2
    centrality: float = 0.25
    # Above this cosine a candidate repeats a chosen sentence and is skipped.
    redundancy_embedding: float = 0.9
    redundancy_lexical: float = 0.7


@dataclass(slots=True)
class Summary:
    sentences: list[str] = field(default_factory=list)
    sentence_indices: list[int] = field(default_factory=list)
    key_facts: dict[str, list[str]] = field(default_factory=dict)
    key_fact_indices: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentences": list(self.sentences),
            "key_facts": {lang: list(lines) for lang, lines in self.key_facts.items()},
        }


def summarize(
    text: str,
    sentences: Sequence[tuple[int, int]],
    facts: Sequence[Mapping[str, Any]],
    lang: str,
    *,
    k: int = 3,
    n_key_facts: int = 5,
    embeddings: np.ndarray | None = None,
    weights: SalienceWeights | None = None,
) -> Summary:
    """Pick the ``k`` most salient sentences and the ``n_key_facts`` key facts.

    ``sentences`` are the (start, end) offsets of the document's sentences in
    document order; ``embeddings`` (one row per sentence, from
    :class:`models.encoder.SentenceEncoder`) switch centrality to encoder space.

    ``lang`` is the document's language; key facts are rendered in every
    supported language whatever it is.
    """
    if k < 0 or n_key_facts < 0:
        raise ValueError("k and n_key_facts must be zero or more")
    if lang not in SUPPORTED_LANGUAGES:
        raise UnsupportedLanguageError(lang)
    if embeddings is not None and embeddings.shape[0] != len(sentences):
        raise ValueError(
            f"embeddings has {embeddings.shape[0]} rows for {len(sentences)} sentences"
        )
    weights = weights or SalienceWeights()
    chosen = select_sentences(text, sentences, facts, k, embeddings, weights)
    fact_indices = select_key_facts(facts, n_key_facts, text=text)
    pairs = pair_growth_facts(facts)
    key_facts = {
        out_lang: [
            render_fact(facts[i], out_lang, growth=facts[pairs[i]] if i in pairs else None)
            for i in fact_indices
        ]
        for out_lang in SUPPORTED_LANGUAGES
    }
    return Summary(
        sentences=[_sentence_text(text, sentences[i]) for i in chosen],
        sentence_indices=chosen,
        key_facts=key_facts,
        key_fact_indices=fact_indices,
    )


def select_sentences(
    text: str,
    sentences: Sequence[tuple[int, int]],
    facts: Sequence[Mapping[str, Any]],
    k: int,
    embeddings: np.ndarray | None = None,
    weights: SalienceWeights | None = None,
) -> list[int]:
    """Indices of the ``k`` most salient sentences, in document order."""
    weights = weights or SalienceWeights()
    if not sentences or k == 0:
        return []
    texts = [_sentence_text(text, span) for span in sentences]
    if embeddings is not None:
        vectors = _unit_rows(np.asarray(embeddings, dtype=np.float32))
        redundancy = weights.redundancy_embedding
    else:
        vectors = _tfidf(texts)
        redundancy = weights.redundancy_lexical
    signals = salience_signals(texts, sentences, facts, vectors)
    score = sum(getattr(weights, name) * values for name, values in signals.items())
    eligible = [i for i in range(len(texts)) if _is_body_sentence(texts[i])]
    # Headings and fragments only when the body has too few sentences.
    fallback = sorted(set(range(len(texts))) - set(eligible))
    ranked = sorted(eligible, key=lambda i: (-score[i], i))
    ranked += sorted(fallback, key=lambda i: (-score[i], i))
    chosen: list[int] = []
    for i in ranked:
        if len(chosen) < k and all(float(vectors[i] @ vectors[j]) <= redundancy for j in chosen):
            chosen.append(i)
    for i in ranked:  # top up with near-duplicates rather than return fewer than k
        if len(chosen) < k and i not in chosen:
            chosen.append(i)
    return sorted(chosen)


def salience_signals(
    texts: Sequence[str],
    sentences: Sequence[tuple[int, int]],
    facts: Sequence[Mapping[str, Any]],
    vectors: np.ndarray,
) -> dict[str, np.ndarray]:
    """The four per-sentence signals, each scaled to [0, 1] over the document."""
    n = len(texts)
    centroid = vectors.mean(axis=0)
    centrality = vectors @ (centroid / max(float(np.linalg.norm(centroid)), 1e-12))
    density = np.zeros(n)
    entity = np.zeros(n)
    main = _main_subject(facts)
    starts = [start for start, _ in sentences]
    for fact in facts:
        position = fact.get("start")
        if position is None:
            continue
        i = bisect.bisect_right(starts, position) - 1
        if 0 <= i < n and position < sentences[i][1]:
            density[i] += fact_importance(fact, main)
            # "l'entreprise a dépassé…" names no one but still speaks of the main subject
            entity[i] = max(entity[i], float(main is not None and _subject_key(fact) == main))
    names = _main_subject_names(facts, main)
    mentions = np.array([float(any(name in t.lower() for name in names)) for t in texts])
    entity = np.maximum(entity, mentions)
    return {
        # log: the fifth figure of a sentence adds less than the first
        "density": _scaled(np.log1p(density)),
        "entity": entity,
        "position": _scaled(1.0 / (1.0 + 0.15 * np.arange(n))),
        "centrality": _scaled(centrality),
    }


def select_key_facts(
    facts: Sequence[Mapping[str, Any]], n: int, text: str | None = None
) -> list[int]:
    """Indices of the ``n`` most important distinct facts, most important first.

    ``text`` (the document the facts' offsets point into) lets the figure that
    opens a paragraph count as such; without it only sentence openers do.
    """
    if n == 0 or not facts:
        return []
    pairs = pair_growth_facts(facts)
    folded = set(pairs.values())
    main = _main_subject(facts)
    # News puts what matters first: the report's first figures weigh more (a step, so
    # that among them the metric still decides: revenue before EPS, then a gentle slope).
    last = max(len(facts) - 1, 1)
    position = _sentence_positions(facts)
    # A rounded restatement stands aside like a folded growth: its precise twin takes its place.
    rounded = _rounded_restatements(facts)
    aside = folded | rounded
    lede = min((i for i in range(len(facts)) if i not in aside), default=None)
    openers = _opener_bonuses(facts, aside, text)
    base = {
        i: _confidence_scaled(
            fact,
            fact_importance(fact, main, scale=False)
            + (GROWTH_FOLDED_BONUS if i in pairs else 0.0)
            + (LEAD_WEIGHT if i / last < LEAD_SHARE else 0.0)
            + LEAD_DECAY * (1 - position[i])
            + (LEDE_BONUS if i == lede else 0.0)
            + openers[i],
        )
        for i, fact in enumerate(facts)
        if i not in aside
    }
    # Greedy: a figure already listed is skipped, a metric already listed counts less.
    chosen: list[int] = []
    seen_figures: set[tuple[Any, ...]] = set()
    metric_uses: Counter[tuple[Any, str]] = Counter()
    candidates = dict(base)
    while candidates and len(chosen) < n:
        best = min(
            candidates,
            key=lambda i: (
                -candidates[i] * REPEATED_METRIC_FACTOR ** metric_uses[_metric_key(facts[i])],
                i,
            ),
        )
        del candidates[best]
        figure = _figure_key(facts[best])
        if figure in seen_figures:
            continue
        seen_figures.add(figure)
        metric_uses[_metric_key(facts[best])] += 1
        chosen.append(best)
    return _ensure_outlook(chosen, base, facts, main, seen_figures)


def fact_importance(
    fact: Mapping[str, Any], main_subject: str | None, *, scale: bool = True
) -> float:
    """Metric weight, main-subject bonus and claim bonus, scaled by confidence unless asked."""
    score = METRIC_WEIGHTS.get(fact.get("metric", "other"), 0.1)
    if main_subject is not None and _subject_key(fact) == main_subject:
        score += MAIN_SUBJECT_BONUS
    score += CLAIM_BONUS.get(fact.get("claim_type") or "reported", 0.0)
    return _confidence_scaled(fact, score) if scale else score


def _rounded_restatements(facts: Sequence[Mapping[str, Any]]) -> set[int]:
    """Facts that round another fact of the same subject, metric, unit and period
    (within ROUNDING_TOLERANCE, with fewer significant digits): the precise one is listed."""

    def digits(fact: Mapping[str, Any]) -> int:
        return len("".join(ch for ch in str(fact.get("text") or "") if ch.isdigit()).strip("0"))

    def same_measure(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
        return all(a.get(key) == b.get(key) for key in ("metric", "unit", "period")) and (
            _subject_key(a) == _subject_key(b)
        )

    rounded = set()
    for i, fact in enumerate(facts):
        value = fact.get("value")
        for other in facts:
            other_value = other.get("value")
            if (
                value and other_value and value != other_value
                and same_measure(fact, other)
                and abs(value - other_value) <= ROUNDING_TOLERANCE * abs(other_value)
                and digits(fact) < digits(other)
            ):  # fmt: skip
                rounded.add(i)
                break
    return rounded


def _opener_bonuses(
    facts: Sequence[Mapping[str, Any]], aside: set[int], text: str | None
) -> list[float]:
    """PARAGRAPH_OPENER_BONUS for the first listed figure of each paragraph, and
    SENTENCE_OPENER_BONUS for the first of each sentence (facts set aside skipped)."""
    breaks = [match.end() for match in _PARAGRAPH_BREAK.finditer(text)] if text else []
    bonuses = [0.0] * len(facts)
    seen_paragraphs: set[int] = set()
    seen_sentences: set[Any] = set()
    for i, fact in enumerate(facts):
        start = fact.get("start")
        if i in aside or start is None:
            continue
        paragraph = bisect.bisect_right(breaks, start) if text else None
        if paragraph is not None and paragraph not in seen_paragraphs:
            seen_paragraphs.add(paragraph)
            bonuses[i] += PARAGRAPH_OPENER_BONUS
        sentence = (paragraph, fact.get("sentence"))
        if sentence not in seen_sentences:
            seen_sentences.add(sentence)
            bonuses[i] += SENTENCE_OPENER_BONUS
    return bonuses


def _sentence_positions(facts: Sequence[Mapping[str, Any]]) -> list[float]:
    """Each fact's sentence rank among the fact-bearing sentences, scaled to [0, 1]:
    figures of one sentence stand at the same place (and their metric decides)."""
    ranks, rank, previous = [], -1, object()
    for fact in facts:
        sentence = fact.get("sentence") or fact.get("start")
        if sentence != previous:
            rank, previous = rank + 1, sentence
        ranks.append(rank)
    return [r / max(rank, 1) for r in ranks]


def _confidence_scaled(fact: Mapping[str, Any], score: float) -> float:
    """``score`` times a factor from CONFIDENCE_FLOOR (confidence 0) to 1 (confidence 1):
    a doubtful fact weighs less, wherever it stands."""
    confidence = fact.get("confidence")
    if confidence is None:
        return score
    return score * (CONFIDENCE_FLOOR + (1.0 - CONFIDENCE_FLOOR) * float(confidence))


def _ensure_outlook(
    chosen: list[int],
    base: Mapping[int, float],
    facts: Sequence[Mapping[str, Any]],
    main: str | None,
    seen_figures: set[tuple[Any, ...]],
) -> list[int]:
    """Swap the weakest pick for the main subject's best forward figure when none made it."""

    def is_outlook(i: int) -> bool:
        return (
            facts[i].get("claim_type") in OUTLOOK_CLAIM_TYPES
            and _subject_key(facts[i]) == main
            and METRIC_WEIGHTS.get(facts[i].get("metric", ""), 0.0) >= OUTLOOK_MIN_WEIGHT
        )

    if not chosen or main is None or any(is_outlook(i) for i in chosen):
        return chosen
    candidates = [
        i for i in base
        if is_outlook(i) and i not in chosen and _figure_key(facts[i]) not in seen_figures
    ]  # fmt: skip
    if candidates:
        chosen[-1] = min(candidates, key=lambda i: (-base[i], i))
    return chosen


def _main_subject(facts: Sequence[Mapping[str, Any]]) -> str | None:
    """The subject that carries the most weight of figures in the document."""
    totals: dict[str, float] = {}
    for fact in facts:
        key = _subject_key(fact)
        if key:
            totals[key] = totals.get(key, 0.0) + METRIC_WEIGHTS.get(fact.get("metric", ""), 0.1)
    if not totals:
        return None
    first_seen = {key: i for i, key in reversed(list(enumerate(_subject_key(f) for f in facts)))}
    return min(totals, key=lambda key: (-totals[key], first_seen[key]))


def _main_subject_names(facts: Sequence[Mapping[str, Any]], main: str | None) -> set[str]:
    if main is None:
        return set()
    names = {main.lower()}
    names.update(
        str(f["subject"]).lower() for f in facts if _subject_key(f) == main and f.get("subject")
    )
    return {name for name in names if len(name) >= 2}


def _subject_key(fact: Mapping[str, Any]) -> str | None:
    return fact.get("subject_id") or fact.get("subject")


def _metric_key(fact: Mapping[str, Any]) -> tuple[Any, str]:
    metric = fact.get("metric", "other")
    return _subject_key(fact), GROWTH_OF.get(metric, metric)


def _figure_key(fact: Mapping[str, Any]) -> tuple[Any, ...]:
    """Same subject, unit and value: the same figure, whatever metric it was given."""

    def rounded(value: Any) -> float | None:
        if value is None:
            return None
        value = float(value)
        return 0.0 if value == 0 else round(value, 3 - math.floor(math.log10(abs(value))))

    return (
        _subject_key(fact),
        fact.get("unit"),
        rounded(fact.get("value")),
        rounded(fact.get("value_max")),
    )


def _sentence_text(text: str, span: tuple[int, int]) -> str:
    return text[span[0] : span[1]].strip()


def _is_body_sentence(sentence: str) -> bool:
    words = _WORD.findall(sentence)
    return len(words) >= MIN_SENTENCE_WORDS and bool(_SENTENCE_END.search(sentence))


def _scaled(values: np.ndarray) -> np.ndarray:
    low, high = float(values.min()), float(values.max())
    if high - low < 1e-12:
        return np.zeros_like(values, dtype=float)
    return (values - low) / (high - low)


def _unit_rows(matrix: np.ndarray) -> np.ndarray:
    return matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)


def _tfidf(texts: Sequence[str]) -> np.ndarray:
    """Unit-norm TF-IDF rows (sublinear tf, smoothed idf), for the no-encoder fallback."""
    tokenized = [[w.lower() for w in _WORD.findall(t)] for t in texts]
    vocabulary = {w: j for j, w in enumerate(sorted({w for words in tokenized for w in words}))}
    matrix = np.zeros((len(texts), max(len(vocabulary), 1)))
    for i, words in enumerate(tokenized):
        for word, count in Counter(words).items():
            matrix[i, vocabulary[word]] = 1.0 + math.log(count)
    document_frequency = (matrix > 0).sum(axis=0)
    matrix *= np.log((1 + len(texts)) / (1 + document_frequency)) + 1.0
    return _unit_rows(matrix)
