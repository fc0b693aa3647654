"""ROUGE-N, lead-k and headline coverage, table by table, in French and English."""

from __future__ import annotations

from typing import Any

import pytest

from models.evaluation.summaries import (
    headline_coverage,
    lead_k,
    rouge_n,
    same_figure,
    tokenize,
)


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Le chiffre d'affaires a progressé de 13 %.",
         ["le", "chiffre", "d", "affaires", "a", "progressé", "de", "13"]),
        ("Résultat NET : «record» !", ["résultat", "net", "record"]),
        ("Revenue rose 13% to $167.7B.", ["revenue", "rose", "13", "to", "167", "7b"]),
        ("EV/EBITDA of 20x_forward", ["ev", "ebitda", "of", "20x", "forward"]),
        ("", []),
    ],
)  # fmt: skip
def test_tokenize_lowercases_keeps_accents_drops_punctuation(text: str, tokens: list[str]) -> None:
    assert tokenize(text) == tokens


# (candidate, reference, n, lang, precision, recall)
ROUGE_ROWS = [
    ("Amazon a dépassé les attentes.", "Amazon a dépassé les attentes.", 1, "fr", 1.0, 1.0),
    ("Amazon a dépassé les attentes.", "Amazon a dépassé les attentes.", 2, "fr", 1.0, 1.0),
    ("les revenus ont augmenté", "les revenus d'AWS ont augmenté de 17,5 %", 1, "fr", 1.0, 4 / 9),
    ("les revenus ont augmenté", "les revenus d'AWS ont augmenté de 17,5 %", 2, "fr", 2 / 3, 2 / 8),
    ("Résultat record", "resultat record", 1, "fr", 0.5, 0.5),  # accents are kept
    ("Revenue rose 13%.", "revenue ROSE 13 %", 1, "en", 1.0, 1.0),  # case and punctuation
    ("the the the cat", "the cat", 1, "en", 2 / 4, 1.0),  # counts are clipped
    ("revenue rose", "EPS fell", 1, "en", 0.0, 0.0),
    (
        "NVIDIA expects revenue of $65 billion",
        "revenue of $65 billion expected",
        2,
        "en",
        3 / 5,
        3 / 4,
    ),
    ("NVIDIA expects revenue", "", 1, "en", 0.0, 0.0),
    ("", "NVIDIA expects revenue", 1, "en", 0.0, 0.0),
    ("short", "short", 2, "en", 0.0, 0.0),  # no bigram on either side
]


@pytest.mark.parametrize(("candidate", "reference", "n", "lang", "precision", "recall"), ROUGE_ROWS)
def test_rouge_n(
    candidate: str, reference: str, n: int, lang: str, precision: float, recall: float
) -> None:
    scores = rouge_n(candidate, reference, n, lang)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    assert scores == pytest.approx({"p": precision, "r": recall, "f": f1})


@pytest.mark.parametrize(("n", "lang"), [(0, "fr"), (-1, "en"), (1, "de")])
def test_rouge_n_refuses_bad_arguments(n: int, lang: str) -> None:
    with pytest.raises(ValueError):
        rouge_n("a b", "a b", n, lang)


SENTENCES = ["Première phrase.", "Second sentence.", "Troisième.", "Fourth."]


@pytest.mark.parametrize(
    ("k", "expected"),
    [(3, SENTENCES[:3]), (1, SENTENCES[:1]), (0, []), (10, SENTENCES)],
)
def test_lead_k(k: int, expected: list[str]) -> None:
    assert lead_k(SENTENCES, k) == expected


def test_lead_k_defaults_to_three() -> None:
    assert lead_k(SENTENCES) == SENTENCES[:3]


def figure(metric: Any, value: float, unit: str, value_max: float | None = None) -> dict:
    return {"metric": metric, "value": value, "unit": unit, "value_max": value_max}


# (expected, found, same figure?)
FIGURE_ROWS = [
    (figure("revenue", 167.7e9, "USD"), figure("revenue", 167.7e9, "USD"), True),
    (figure("revenue", 167.7e9, "USD"), figure("revenue", 168.5e9, "USD"), True),  # 0.48 %
    (figure("revenue", 167.7e9, "USD"), figure("revenue", 168.6e9, "USD"), False),  # 0.53 %
    (figure("revenue", 167.7e9, "USD"), figure("revenue", 167.7e9, "EUR"), False),
    (figure("market_share", 80, "%", 90), figure("market_share", 80, "%", 90), True),
    (figure("market_share", 80, "%", 90), figure("market_share", 80, "%"), False),
    (figure("market_share", 80, "%", 90), figure("market_share", 80, "%", 95), False),
    (figure("eps", 1.68, "USD/share"), figure("eps", 1.68, "USD/share", 1.68), True),
    (figure("net_income", -97e6, "USD"), figure("net_income", -97e6, "USD"), True),
    (figure("net_income", -97e6, "USD"), figure("net_income", 97e6, "USD"), False),
    (figure("growth_rate", 0, "%"), figure("growth_rate", 0, "%"), True),
]


@pytest.mark.parametrize(("expected", "found", "same"), FIGURE_ROWS)
def test_same_figure(expected: dict, found: dict, same: bool) -> None:
    assert same_figure(expected, found) is same


AMAZON_HEADLINES = [
    figure(["revenue"], 167.7e9, "USD"),
    figure(["eps"], 1.68, "USD/share"),
    figure(["price_target"], 265, "USD"),
    figure(["market_cap", "valuation"], 3.67e12, "USD"),
]


@pytest.mark.parametrize(
    ("selected", "coverage"),
    [
        ([figure("revenue", 167.7e9, "USD"), figure("eps", 1.68, "USD/share"),
          figure("price_target", 265, "USD"), figure("valuation", 3.67e12, "USD")], 1.0),
        ([figure("revenue", 167.7e9, "USD"), figure("eps", 1.68, "USD/share")], 0.5),
        # right figure, metric outside the headline's list: not covered
        ([figure("revenue", 167.7e9, "USD"), figure("share_price", 265, "USD")], 0.25),
        ([figure("capex", 31.4e9, "USD")], 0.0),
        ([], 0.0),
    ],
)  # fmt: skip
def test_headline_coverage(selected: list[dict], coverage: float) -> None:
    assert headline_coverage(AMAZON_HEADLINES, selected) == pytest.approx(coverage)


def test_headline_metric_may_be_a_single_code() -> None:
    headline = [figure("revenue", 30.9e9, "USD")]
    assert headline_coverage(headline, [figure("revenue", 30.9e9, "USD")]) == 1.0


def test_no_headline_fact_means_nothing_to_miss() -> None:
    assert headline_coverage([], [figure("revenue", 1e9, "USD")]) == 1.0
