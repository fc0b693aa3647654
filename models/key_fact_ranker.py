"""A learned correction to the key-fact score: how likely a reader is to pick a figure.

The hand-set score of :mod:`models.key_facts` says what a reader looks for (revenue
before a chip's node, the lede, the figure opening a paragraph). Each of its terms was
tuned alone; how they combine, and the signals no hand rule covers (a figure the
writer states twice, a relayed figure, the first figure of its metric) are learned
here: a logistic regression over named features of each fact, fitted on the dev
summary gold (``corpus/summaries``: which facts two annotators' readers chose), whose
log-odds are added to the hand score. The weights are data (``models/data/
key_fact_ranker.json``), validated at load, and written by ``rapport train-ranker``,
which also reports the cross-validated coverage beside the hand score alone.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from models.errors import DataFileError
from models.lexicon import read_packaged_json
from models.schema import CLAIM_TYPES, METRICS

DATA_PACKAGE = "models.data"
DATA_FILE = "key_fact_ranker.json"

# What the ranker sees of a fact, beside its metric and claim type (one-hot):
SIGNALS: tuple[str, ...] = (
    "main_subject",  # the document's main subject's own figure
    "lede",  # the report's first figure
    "paragraph_opener",  # the first figure of its paragraph
    "sentence_opener",  # the first figure of its sentence
    "early",  # 1 for the first fact-bearing sentence, 0 for the last
    "lead_share",  # among the report's first figures (key_facts.LEAD_SHARE)
    "headline_growth",  # carries its revenue, net income or EPS growth
    "has_growth",  # carries a growth of any metric
    "session_move",  # the share's move on the day
    "broker_estimate",  # a broker's own EPS estimate, in its note
    "broker_background",  # a market value in a broker's note
    "confidence",  # the extractor's confidence
    "in_title",  # stated in the title
    "title_twin",  # stated in the title and again in the body
    "restated",  # how often the same figure is stated (1/3, 2/3, 1 for three or more)
    "attributed",  # relayed from a named source ("selon JPMorgan")
    "has_period",  # dated
    "paragraph_depth",  # its paragraph's rank, 0 first, 1 last
    "main_subject_weight",  # the metric's hand weight, for the main subject's figures
    "first_of_metric",  # the first figure of its subject and metric
    "largest_of_metric",  # the largest of its subject, metric and unit
)
FEATURES: tuple[str, ...] = (
    *(f"metric:{metric}" for metric in METRICS),
    *(f"claim:{claim}" for claim in CLAIM_TYPES),
    *SIGNALS,
)


@dataclass(frozen=True, slots=True)
class KeyFactRanker:
    """Logistic weights by feature name; ``hand_share`` scales the hand score it corrects."""

    weights: Mapping[str, float]
    intercept: float
    hand_share: float = 1.0
    about: Mapping[str, Any] = field(default_factory=dict)

    def log_odds(self, features: Mapping[str, float]) -> float:
        """Log-odds that a reader picks the fact with these features (unknown names count 0)."""
        return self.intercept + sum(
            self.weights.get(name, 0.0) * value for name, value in features.items()
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "about": dict(self.about),
            "hand_share": self.hand_share,
            "intercept": self.intercept,
            "weights": {name: self.weights[name] for name in FEATURES},
        }

    @classmethod
    def neutral(cls) -> KeyFactRanker:
        """The hand score alone: every weight zero."""
        return cls(weights=dict.fromkeys(FEATURES, 0.0), intercept=0.0)

    @classmethod
    def from_dict(cls, data: Any, source: str) -> KeyFactRanker:
        """Validate a ranker file's content: every feature weighted, nothing unknown, all finite."""
        if not isinstance(data, dict):
            raise DataFileError(f"{source}: expected a JSON object", source=source)
        weights = data.get("weights")
        if not isinstance(weights, dict):
            raise DataFileError(f"{source}: 'weights' must be an object", source=source)
        missing = [name for name in FEATURES if name not in weights]
        unknown = sorted(set(weights) - set(FEATURES))
        if missing or unknown:
            listed = (
                f"missing: {', '.join(missing) or 'none'}; unknown: {', '.join(unknown) or 'none'}"
            )
            raise DataFileError(
                f"{source}: weights must name exactly the ranker's features ({listed})",
                source=source,
            )
        numbers = {name: weights[name] for name in FEATURES}
        numbers["intercept"] = data.get("intercept")
        numbers["hand_share"] = data.get("hand_share")
        for name, value in numbers.items():
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise DataFileError(f"{source}: '{name}' must be a number", source=source)
            if not math.isfinite(value):
                raise DataFileError(f"{source}: '{name}' must be finite", source=source)
        if numbers["hand_share"] < 0:
            raise DataFileError(f"{source}: 'hand_share' must be zero or more", source=source)
        about = data.get("about", {})
        return cls(
            weights={name: float(weights[name]) for name in FEATURES},
            intercept=float(data["intercept"]),
            hand_share=float(data["hand_share"]),
            about=about if isinstance(about, dict) else {},
        )

    @classmethod
    def load(cls, path: Path | None = None) -> KeyFactRanker:
        """The packaged ranker, or the one at ``path``."""
        data, source = read_packaged_json(DATA_PACKAGE, DATA_FILE, path, "the ranker")
        return cls.from_dict(data, source)


@cache
def default_ranker() -> KeyFactRanker:
    return KeyFactRanker.load()


def fit_ranker(
    rows: Sequence[Mapping[str, float]],
    labels: Sequence[int],
    *,
    c: float,
    hand_share: float,
    about: Mapping[str, Any] | None = None,
) -> KeyFactRanker:
    """Fit the weights to ``rows`` (features of facts) and ``labels`` (1: a reader picked it)."""
    matrix = np.array([[row.get(name, 0.0) for name in FEATURES] for row in rows], dtype=float)
    weights, intercept = fit_logistic(matrix, np.array(labels, dtype=float), c=c)
    return KeyFactRanker(
        weights={name: round(float(w), 6) for name, w in zip(FEATURES, weights, strict=True)},
        intercept=round(intercept, 6),
        hand_share=hand_share,
        about=dict(about or {}),
    )


def fit_logistic(
    matrix: np.ndarray, labels: np.ndarray, *, c: float, iterations: int = 100
) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by Newton's method: minimises the log loss plus
    ||w||² / 2c, the intercept unpenalised (scikit-learn's objective for the same ``c``).
    Deterministic, and exact to the tolerance on a few thousand facts."""
    if c <= 0:
        raise ValueError(f"c must be positive, got {c}")
    rows, columns = matrix.shape
    design = np.hstack([matrix, np.ones((rows, 1))])
    penalty = np.full(columns + 1, 1.0 / c)
    penalty[-1] = 0.0  # the intercept
    theta = np.zeros(columns + 1)
    for _ in range(iterations):
        predicted = 1.0 / (1.0 + np.exp(-(design @ theta)))
        gradient = design.T @ (predicted - labels) + penalty * theta
        curvature = predicted * (1.0 - predicted)
        hessian = design.T @ (design * curvature[:, None]) + np.diag(penalty)
        # a tiny ridge keeps a column no fact has (all zero) from making it singular
        step = np.linalg.solve(hessian + 1e-9 * np.eye(columns + 1), gradient)
        theta -= step
        if np.max(np.abs(step)) < 1e-10:
            break
    return theta[:-1], float(theta[-1])
