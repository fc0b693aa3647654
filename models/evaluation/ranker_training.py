"""Fit the key-fact ranker (models/key_fact_ranker.py) on summary gold, and measure it.

Each gold document gives, for every fact that may lead a key-fact line, its features
and a label: 1 when the fact gives one of the document's headline facts (the
annotator's picks, matched as ``rapport eval --summaries`` matches them). The fit is
an L2 logistic regression. Its worth is measured the way it is used: headline
coverage of the key-fact lines, cross-validated by document (k folds, repeated over
shuffles), beside the hand score alone on the same documents.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from statistics import mean
from typing import Any

from models.evaluation.summaries import headline_coverage, is_headline_match
from models.key_fact_ranker import KeyFactRanker, fit_ranker
from models.key_facts import key_fact_features, select_key_fact_lines

KEY_FACT_LINES = 5  # what the summary shows (models/summary.py)


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One summary gold document, read by the extractor."""

    name: str
    facts: Sequence[Mapping[str, Any]]
    text: str
    headline_facts: Sequence[Mapping[str, Any]]


def training_rows(documents: Sequence[GoldDocument]) -> tuple[list[dict[str, float]], list[int]]:
    """Features and labels of every fact that may lead a line, document after document."""
    rows: list[dict[str, float]] = []
    labels: list[int] = []
    for document in documents:
        for i, features in key_fact_features(document.facts, document.text).items():
            rows.append(features)
            fact = document.facts[i]
            labels.append(int(any(is_headline_match(h, fact) for h in document.headline_facts)))
    return rows, labels


def train(
    documents: Sequence[GoldDocument], *, c: float, hand_share: float, about: Mapping[str, Any]
) -> KeyFactRanker:
    rows, labels = training_rows(documents)
    return fit_ranker(rows, labels, c=c, hand_share=hand_share, about=about)


def coverage(documents: Sequence[GoldDocument], ranker: KeyFactRanker) -> float:
    """Macro headline coverage of the key-fact lines ``ranker`` selects."""
    scores = []
    for document in documents:
        lines = select_key_fact_lines(document.facts, KEY_FACT_LINES, document.text, ranker)
        shown = [document.facts[i] for line in lines for i in line.members]
        scores.append(headline_coverage(document.headline_facts, shown))
    return mean(scores) if scores else 0.0


def cross_validate(
    documents: Sequence[GoldDocument],
    *,
    c: float,
    hand_share: float,
    folds: int = 5,
    repeats: int = 5,
    seed: int = 0,
) -> float:
    """Coverage on held-back folds, each scored with a ranker fitted on the others, averaged
    over ``repeats`` shuffles of the documents."""
    if folds < 2 or len(documents) < folds:
        raise ValueError(f"need at least {max(folds, 2)} documents and 2 folds")
    scores: list[float] = []
    for repeat in range(repeats):
        order = list(range(len(documents)))
        random.Random(seed + repeat).shuffle(order)
        for fold in range(folds):
            held = [documents[j] for k, j in enumerate(order) if k % folds == fold]
            kept = [documents[j] for k, j in enumerate(order) if k % folds != fold]
            ranker = train(kept, c=c, hand_share=hand_share, about={})
            scores += [coverage(held, ranker)] * len(held)
    return mean(scores)
