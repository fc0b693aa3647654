"""The learned key-fact ranker: its data file, its fit, its features and its effect."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from models import key_fact_ranker
from models.errors import DataFileError
from models.key_fact_ranker import (
    FEATURES,
    KeyFactRanker,
    default_ranker,
    fit_logistic,
    fit_ranker,
)
from models.key_facts import key_fact_features, select_key_facts


def test_the_packaged_ranker_loads_and_weighs_every_feature() -> None:
    ranker = default_ranker()
    assert set(ranker.weights) == set(FEATURES)
    assert all(math.isfinite(weight) for weight in ranker.weights.values())
    assert ranker.about["trained_on"]  # it says what it was trained on
    if "coverage_cross_validated" in ranker.about:  # and what that was worth, held back
        assert ranker.about["coverage_cross_validated"] > ranker.about["coverage_hand_score"]


def test_a_broken_packaged_ranker_fails_the_extractor_at_load(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The weights are read when the extractor loads, so a broken file stops the service
    at start instead of its first summary."""
    from models.pipeline import Extractor

    monkeypatch.setattr(key_fact_ranker, "DATA_FILE", "no_such_ranker.json")
    default_ranker.cache_clear()
    try:
        with pytest.raises(DataFileError, match=r"no_such_ranker\.json: cannot read the ranker"):
            Extractor(use_encoder=False).load()
    finally:
        default_ranker.cache_clear()


def _valid() -> dict[str, Any]:
    return KeyFactRanker.neutral().to_dict()


def _without(name: str) -> dict[str, Any]:
    data = _valid()
    del data["weights"][name]
    return data


def _with(path: tuple[str, ...], value: Any) -> dict[str, Any]:
    data = _valid()
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "expected a JSON object"),
        ({"intercept": 0, "hand_share": 1}, "'weights' must be an object"),
        (_without("metric:revenue"), "missing: metric:revenue"),
        (_without("restated"), "missing: restated"),
        (
            _with(("weights", "metric:chiffre_d_affaires"), 1.0),
            "unknown: metric:chiffre_d_affaires",
        ),
        (_with(("weights", "lede"), "0.9"), "'lede' must be a number"),
        (_with(("weights", "lede"), True), "'lede' must be a number"),
        (_with(("weights", "early"), float("nan")), "'early' must be finite"),
        (_with(("intercept",), None), "'intercept' must be a number"),
        (_with(("hand_share",), -0.5), "'hand_share' must be zero or more"),
    ],
)
def test_a_broken_ranker_file_is_refused_with_the_key_named(data: Any, message: str) -> None:
    with pytest.raises(DataFileError, match=message.replace("(", r"\(")):
        KeyFactRanker.from_dict(data, "ranker.json")


@pytest.mark.parametrize(
    ("content", "message"), [("{not json", "not valid JSON"), (None, "cannot read the ranker")]
)
def test_an_unreadable_ranker_file_is_refused(
    tmp_path: Path, content: str | None, message: str
) -> None:
    path = tmp_path / "ranker.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        KeyFactRanker.load(path)


def test_a_ranker_file_round_trips(tmp_path: Path) -> None:
    ranker = KeyFactRanker(
        weights={name: i / 10 for i, name in enumerate(FEATURES)},
        intercept=-2.5,
        hand_share=0.75,
        about={"trained_on": "test"},
    )
    path = tmp_path / "ranker.json"
    path.write_text(json.dumps(ranker.to_dict()), encoding="utf-8")
    assert KeyFactRanker.load(path) == ranker


def _gradient(matrix: np.ndarray, labels: np.ndarray, w: np.ndarray, b: float, c: float):
    predicted = 1 / (1 + np.exp(-(matrix @ w + b)))
    return matrix.T @ (predicted - labels) + w / c, float(np.sum(predicted - labels))


@pytest.mark.parametrize("c", [0.1, 1.0, 10.0])
def test_the_fit_reaches_the_optimum_of_its_objective(c: float) -> None:
    rng = np.random.default_rng(0)
    matrix = rng.normal(size=(200, 4))
    labels = (matrix[:, 0] - 0.5 * matrix[:, 1] + rng.normal(size=200) > 0.8).astype(float)
    w, b = fit_logistic(matrix, labels, c=c)
    gradient, intercept_gradient = _gradient(matrix, labels, w, b, c)
    # the regularised log loss is flat there: its gradient vanishes
    assert np.max(np.abs(gradient)) < 1e-6
    assert abs(intercept_gradient) < 1e-6
    assert w[0] > 0 > w[1]  # it finds what predicts the label, with its sign


def test_a_stronger_penalty_shrinks_the_weights() -> None:
    matrix = np.array([[1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]] * 5)
    labels = np.array([1.0, 1.0, 0.0, 0.0] * 5)
    strong, _ = fit_logistic(matrix, labels, c=0.01)
    weak, _ = fit_logistic(matrix, labels, c=100.0)
    assert abs(strong[0]) < abs(weak[0])


def test_a_feature_no_fact_has_gets_no_weight() -> None:
    rows = [{"lede": 1.0}, {"lede": 0.0}, {"lede": 1.0}, {"lede": 0.0}]
    ranker = fit_ranker(rows, [1, 0, 1, 1], c=1.0, hand_share=0.75)
    assert ranker.weights["session_move"] == 0.0
    assert ranker.weights["lede"] > 0
    assert ranker.hand_share == 0.75


def test_the_fit_refuses_a_non_positive_strength() -> None:
    with pytest.raises(ValueError, match="c must be positive"):
        fit_logistic(np.zeros((2, 1)), np.zeros(2), c=0.0)


# (lang, text, figures as (surface, subject, metric, value, unit, attribution)): a figure
# stated twice, one relayed from a named source, two of one metric.
FEATURE_ROWS = [
    ("fr", "Acme : le chiffre d'affaires atteint 3,6 Md€\n\n"
           "Le chiffre d'affaires atteint 3,6 Md€, et 1,2 Md€ pour la division Outils. "
           "Selon Oddo, le résultat net atteindrait 0,4 Md€. Le chiffre d'affaires de "
           "2024 était de 3,1 Md€.\n",
     [("3,6 Md€", "Acme", "revenue", 3.6e9, "EUR", None),
      ("3,6 Md€", "Acme", "revenue", 3.6e9, "EUR", None),
      ("1,2 Md€", "Outils", "revenue", 1.2e9, "EUR", None),
      ("0,4 Md€", "Acme", "net_income", 0.4e9, "EUR", "Oddo"),
      ("3,1 Md€", "Acme", "revenue", 3.1e9, "EUR", None)]),
    ("en", "Acme: revenue reaches $3.6 billion\n\n"
           "Revenue reached $3.6 billion, and $1.2 billion at the Tools division. "
           "According to Oddo, net income would reach $0.4 billion. Revenue in 2024 was "
           "$3.1 billion.\n",
     [("$3.6 billion", "Acme", "revenue", 3.6e9, "USD", None),
      ("$3.6 billion", "Acme", "revenue", 3.6e9, "USD", None),
      ("$1.2 billion", "Tools", "revenue", 1.2e9, "USD", None),
      ("$0.4 billion", "Acme", "net_income", 0.4e9, "USD", "Oddo"),
      ("$3.1 billion", "Acme", "revenue", 3.1e9, "USD", None)]),
]  # fmt: skip


def _facts(text: str, figures: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    facts, cursor = [], 0
    for surface, subject, metric, value, unit, attribution in figures:
        start = text.index(surface, cursor)
        cursor = start + len(surface)
        facts.append({"subject": subject, "subject_id": subject.lower(), "metric": metric,
                      "value": value, "unit": unit, "claim_type": "reported",
                      "attribution": attribution, "start": start, "end": cursor,
                      "text": surface, "sentence": text[:start].count(". "),
                      "confidence": 0.9})  # fmt: skip
    return facts


@pytest.mark.parametrize(("lang", "text", "figures"), FEATURE_ROWS)
def test_features_read_what_a_reader_sees_of_each_figure(
    lang: str, text: str, figures: list[tuple[Any, ...]]
) -> None:
    facts = _facts(text, figures)
    features = key_fact_features(facts, text)
    title, body, division, relayed, earlier = (features.get(i) for i in range(5))
    assert title is not None and title["in_title"] == 1.0 and title["title_twin"] == 1.0
    assert body is not None and body["restated"] == pytest.approx(2 / 3)
    assert body["metric:revenue"] == 1.0 and body["claim:reported"] == 1.0
    assert body["first_of_metric"] == 0.0  # the title's twin came first
    assert body["largest_of_metric"] == 0.0 and title["largest_of_metric"] == 1.0
    assert division is not None and division["main_subject"] == 0.0
    assert division["first_of_metric"] == 1.0  # the division's first revenue
    assert relayed is not None and relayed["attributed"] == 1.0
    assert relayed["main_subject_weight"] > 0  # Acme's own net income
    assert earlier is not None and earlier["restated"] == pytest.approx(1 / 3)
    assert earlier["early"] < body["early"]
    assert set().union(*features.values()) <= set(FEATURES)


@pytest.mark.parametrize(("lang", "text", "figures"), FEATURE_ROWS)
def test_the_ranker_moves_the_figures_it_was_taught_to(
    lang: str, text: str, figures: list[tuple[Any, ...]]
) -> None:
    facts = _facts(text, figures)
    relayed = 3
    hand = select_key_facts(facts, 3, text=text, ranker=KeyFactRanker.neutral())
    assert relayed in hand  # the hand score lists Acme's net income
    weights = dict.fromkeys(FEATURES, 0.0)
    distrust = KeyFactRanker(weights={**weights, "attributed": -5.0}, intercept=0.0)
    assert relayed not in select_key_facts(facts, 3, text=text, ranker=distrust)
    # and a ranker that only scales the hand score changes nothing
    scaled = KeyFactRanker(weights=weights, intercept=-3.0, hand_share=2.0)
    assert select_key_facts(facts, 3, text=text, ranker=scaled) == hand


@pytest.mark.parametrize("intercept", [-10.0, -1.0, 3.0])
def test_a_repeated_metric_counts_less_whatever_the_sign_of_the_scores(intercept: float) -> None:
    """A ranker's log-odds make scores negative: the penalty for a second figure of a listed
    metric is subtracted, so it still counts less (a factor of 0.6 made -10 into -6, and the
    second revenue won over the operating income)."""
    facts = [
        {"subject_id": "acme", "metric": metric, "value": value, "unit": "USD",
         "claim_type": "reported", "period": "2025", "sentence": sentence, "start": start}
        for metric, value, sentence, start in [
            ("revenue", 3.6e9, 0, 0), ("revenue", 1.0e9, 1, 50), ("operating_income", 0.5e9, 1, 80)
        ]
    ]  # fmt: skip
    neutral = KeyFactRanker.neutral()
    shifted = KeyFactRanker(weights=neutral.weights, intercept=intercept)
    assert select_key_facts(facts, 2, ranker=shifted) == select_key_facts(facts, 2, ranker=neutral)
