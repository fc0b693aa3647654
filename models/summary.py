"""Extractive summary of a report: its most salient sentences and its key facts.

Sentences are scored on four signals, each scaled to [0, 1] over the document:
fact density (how many important figures a sentence carries), entity
salience (does it speak of the document's main subject), position (reports
put their gist first) and centrality (closeness to the document's centroid,
in encoder space when embeddings are given, else in TF-IDF space).
Key facts are chosen by ``models.key_facts`` and rendered in every supported
language. Everything is deterministic: ties go to the earlier sentence or fact.
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
from models.fact_lines import FactLine
from models.key_facts import fact_importance, main_subject, select_key_fact_lines, subject_key
from models.render import render_line
from models.schema import SUPPORTED_LANGUAGES

MIN_SENTENCE_WORDS = 6
_WORD = re.compile(r"\w+", re.UNICODE)
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
    key_fact_indices: list[int] = field(default_factory=list)  # each line's lead fact
    key_fact_lines: list[FactLine] = field(default_factory=list)

    @property
    def shown_fact_indices(self) -> list[int]:
        """Every fact the key-fact lines show, line by line, lead first."""
        return [i for line in self.key_fact_lines for i in line.members]

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
    lines = select_key_fact_lines(facts, n_key_facts, text=text)
    key_facts = {
        out_lang: [render_line(facts, line, out_lang) for line in lines]
        for out_lang in SUPPORTED_LANGUAGES
    }
    return Summary(
        sentences=[_sentence_text(text, sentences[i]) for i in chosen],
        sentence_indices=chosen,
        key_facts=key_facts,
        key_fact_indices=[line.lead for line in lines],
        key_fact_lines=lines,
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
    main = main_subject(facts)
    starts = [start for start, _ in sentences]
    for fact in facts:
        position = fact.get("start")
        if position is None:
            continue
        i = bisect.bisect_right(starts, position) - 1
        if 0 <= i < n and position < sentences[i][1]:
            density[i] += fact_importance(fact, main)
            # "l'entreprise a dépassé…" names no one but still speaks of the main subject
            entity[i] = max(entity[i], float(main is not None and subject_key(fact) == main))
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


def _main_subject_names(facts: Sequence[Mapping[str, Any]], main: str | None) -> set[str]:
    if main is None:
        return set()
    names = {main.lower()}
    names.update(
        str(f["subject"]).lower() for f in facts if subject_key(f) == main and f.get("subject")
    )
    return {name for name in names if len(name) >= 2}


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
