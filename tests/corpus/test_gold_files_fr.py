"""Validation of the French gold corpus (``corpus/*/fr_*``) against ``spec/EVAL.md``.

Every gold file is checked for shape, vocabulary (metrics, claim types, units, periods),
internal consistency (ranges, signs of declines, units that fit the metric) and that each
figure's surface ``text`` really occurs in its document. Corpus-level tests check the
counts and coverage the gold brief asks for, so a missing file or a thin corpus fails.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from models.schema import CLAIM_TYPES, METRICS, SPEC_UNITS

LANG = "fr"
CORPUS = Path(__file__).resolve().parents[2] / "corpus"
DEV_SAMPLES = CORPUS / "samples"
DEV_GOLD_FILES = sorted((CORPUS / "gold").glob(f"{LANG}_*.json"))
HELDOUT_SAMPLES = CORPUS / "heldout" / "samples"
HELDOUT_GOLD_FILES = sorted((CORPUS / "heldout" / "gold").glob(f"{LANG}_*.json"))
SUMMARY_FILES = sorted((CORPUS / "summaries").glob(f"{LANG}_*.json"))

# The seed report predates the full gold format (it may omit previous/attribution/optional)
# and is longer than the 250–700 words asked of the written documents.
SEED_DOCS = {"fr_amazon_trainium_nvidia.txt"}

PERIOD_RE = re.compile(
    r"^(\d{4}|\d{4}-Q[1-4]|\d{4}-H[12]|\d{4}-\d{2}|\d{4}-\d{2}-\d{2}|FY\d{4}|FY\d{4}-Q[1-4])$"
)
CURRENCIES = {"USD", "EUR", "GBP", "JPY", "CNY", "TWD", "CHF", "KRW", "HKD", "INR", "CAD", "SEK"}
FACT_KEYS = {
    "subject",
    "metric",
    "value",
    "value_max",
    "previous",
    "unit",
    "period",
    "claim_type",
    "attribution",
    "text",
    "optional",
}
SEED_OPTIONAL_KEYS = {"previous", "attribution", "optional"}
HEADLINE_KEYS = {"subject", "metric", "value", "value_max", "unit"}

MONEY_METRICS = {
    "revenue",
    "net_income",
    "operating_income",
    "capex",
    "opex",
    "free_cash_flow",
    "buyback",
    "market_size",
    "market_cap",
    "valuation",
    "price_target",
    "share_price",
}
PER_SHARE_METRICS = {"eps", "dividend"}
RATIO_METRICS = {
    "revenue_growth",
    "net_income_growth",
    "eps_growth",
    "operating_margin",
    "gross_margin",
    "return_on_equity",
    "market_share",
    "share_price_change",
    "growth_rate",
    "price_performance_gain",
}
MULTIPLE_METRICS = {"valuation_multiple", "performance_gain"}

# A decline or a loss written in words must carry a negative value (FACTS.md, "Signs").
DECLINE_CUE = re.compile(
    r"\b(baisse|recul|recule|reculé|reculent|chuté|plongé|cédé|fond|perte)\b", re.IGNORECASE
)
NEGATIVE_NOTATION = re.compile(r"^(\(\d|[−-]\d)")


def load_json(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def document_text(gold_path: Path) -> str:
    samples = HELDOUT_SAMPLES if gold_path.parent.parent.name == "heldout" else DEV_SAMPLES
    return (samples / load_json(gold_path)["doc"]).read_text(encoding="utf-8")


def unit_fits_metric(unit: str, metric: str) -> bool:
    if metric == "other":
        return True
    if metric in MONEY_METRICS:
        return unit in CURRENCIES
    if metric in PER_SHARE_METRICS:
        currency, _, per = unit.partition("/")
        return currency in CURRENCIES and per == "share"
    if metric in RATIO_METRICS:
        return unit in {"%", "pp"}
    if metric in MULTIPLE_METRICS:
        return unit == "x"
    if metric == "chip_spec":
        return unit in SPEC_UNITS
    if metric == "units":
        return unit == "count"
    return False


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def required_facts(paths: list[Path]) -> list[dict[str, Any]]:
    return [
        fact
        for path in paths
        for fact in load_json(path)["facts"]
        if not fact.get("optional", False)
    ]


def fact_rows(paths: list[Path]) -> list[Any]:
    return [
        pytest.param(path, index, id=f"{path.stem}#{index}")
        for path in paths
        for index in range(len(load_json(path)["facts"]))
    ]


@pytest.fixture(scope="module")
def dev_gold() -> list[dict[str, Any]]:
    """All French dev gold files; fails if the corpus is thinner than the brief asks."""
    golds = [load_json(path) for path in DEV_GOLD_FILES]
    assert len(golds) >= 15, f"expected at least 15 FR dev gold files, found {len(golds)}"
    return golds


ALL_GOLD_FILES = DEV_GOLD_FILES + HELDOUT_GOLD_FILES


@pytest.mark.parametrize("gold_path", ALL_GOLD_FILES, ids=lambda p: p.stem)
def test_gold_file_shape(gold_path: Path) -> None:
    gold = load_json(gold_path)
    assert gold["lang"] == LANG
    assert gold["doc"] == gold_path.stem + ".txt"
    assert isinstance(gold["facts"], list) and gold["facts"]
    document_text(gold_path)  # the document exists and is UTF-8


@pytest.mark.parametrize(("gold_path", "index"), fact_rows(ALL_GOLD_FILES))
def test_gold_fact(gold_path: Path, index: int) -> None:
    gold = load_json(gold_path)
    fact = gold["facts"][index]
    keys = set(fact)
    missing = FACT_KEYS - keys
    if gold["doc"] in SEED_DOCS:
        missing -= SEED_OPTIONAL_KEYS
    assert not missing, f"missing keys {missing}"
    assert keys <= FACT_KEYS, f"unknown keys {keys - FACT_KEYS}"

    assert fact["subject"] and all(isinstance(s, str) and s for s in fact["subject"])
    assert fact["metric"] and set(fact["metric"]) <= set(METRICS)
    assert fact["claim_type"] and set(fact["claim_type"]) <= set(CLAIM_TYPES)
    for metric in fact["metric"]:
        assert unit_fits_metric(fact["unit"], metric), f"unit {fact['unit']} for {metric}"

    assert is_number(fact["value"])
    if fact["value_max"] is not None:
        assert is_number(fact["value_max"]) and fact["value_max"] >= fact["value"]
    assert fact.get("previous") is None or is_number(fact["previous"])
    assert fact["period"] is None or PERIOD_RE.match(fact["period"])
    assert fact.get("attribution") is None or isinstance(fact["attribution"], str)
    assert isinstance(fact.get("optional", False), bool)

    assert fact["text"] and fact["text"] in document_text(gold_path)
    if "price_target" in fact["metric"]:
        assert "target" in fact["claim_type"]
    if fact["value_max"] is None and (
        DECLINE_CUE.search(fact["text"]) or NEGATIVE_NOTATION.match(fact["text"])
    ):
        assert fact["value"] < 0, f"decline or loss {fact['text']!r} must be negative"


@pytest.mark.parametrize("gold_path", ALL_GOLD_FILES, ids=lambda p: p.stem)
def test_document_format(gold_path: Path) -> None:
    text = document_text(gold_path)
    assert "\r" not in text
    assert "\n\n" in text, "paragraphs are separated by a blank line"
    if load_json(gold_path)["doc"] not in SEED_DOCS:
        assert 250 <= len(text.split()) <= 700


@pytest.mark.parametrize(
    ("samples", "gold_files"),
    [(DEV_SAMPLES, DEV_GOLD_FILES), (HELDOUT_SAMPLES, HELDOUT_GOLD_FILES)],
    ids=["dev", "heldout"],
)
def test_every_sample_has_gold(samples: Path, gold_files: list[Path]) -> None:
    docs = {path.name for path in samples.glob(f"{LANG}_*.txt")}
    assert docs
    assert docs == {path.stem + ".txt" for path in gold_files}


def test_heldout_is_separate_from_dev() -> None:
    assert len(HELDOUT_GOLD_FILES) >= 3
    assert not {p.name for p in HELDOUT_GOLD_FILES} & {p.name for p in DEV_GOLD_FILES}


@pytest.mark.parametrize("gold_path", HELDOUT_GOLD_FILES, ids=lambda p: p.stem)
def test_heldout_company_is_absent_from_dev(gold_path: Path) -> None:
    """A held-out document measures generalization only if its main company is new."""
    subjects = Counter(fact["subject"][0] for fact in load_json(gold_path)["facts"])
    main_company = subjects.most_common(1)[0][0]
    dev_texts = [document_text(path).casefold() for path in DEV_GOLD_FILES]
    assert not any(main_company.casefold() in text for text in dev_texts)


def test_required_fact_count(dev_gold: list[dict[str, Any]]) -> None:
    assert len(required_facts(DEV_GOLD_FILES)) >= 200


@pytest.mark.parametrize("metric", [m for m in METRICS if m != "other"])
def test_metric_coverage(dev_gold: list[dict[str, Any]], metric: str) -> None:
    primary = Counter(fact["metric"][0] for fact in required_facts(DEV_GOLD_FILES))
    assert primary[metric] >= 3


@pytest.mark.parametrize("claim_type", CLAIM_TYPES)
def test_claim_type_coverage(dev_gold: list[dict[str, Any]], claim_type: str) -> None:
    primary = Counter(fact["claim_type"][0] for fact in required_facts(DEV_GOLD_FILES))
    assert primary[claim_type] >= 8


@pytest.mark.parametrize(
    ("separator", "name"), [("\u00a0", "no-break space"), ("\u202f", "narrow no-break space")]
)
def test_french_thousands_separators_are_covered(separator: str, name: str) -> None:
    pattern = re.compile(rf"\d{separator}\d{{3}}(?!\d)")
    texts = [document_text(path) for path in DEV_GOLD_FILES]
    assert sum(bool(pattern.search(text)) for text in texts) >= 2, name


def test_summary_count() -> None:
    assert len(SUMMARY_FILES) >= 10


@pytest.mark.parametrize("summary_path", SUMMARY_FILES, ids=lambda p: p.stem)
def test_summary_file(summary_path: Path) -> None:
    summary = load_json(summary_path)
    assert summary["lang"] == LANG
    assert summary["doc"] == summary_path.stem + ".txt"
    gold_facts = load_json(CORPUS / "gold" / (summary_path.stem + ".json"))["facts"]

    assert 3 <= len(summary["headline_facts"]) <= 5
    for head in summary["headline_facts"]:
        assert set(head) == HEADLINE_KEYS
        assert any(
            head["unit"] == fact["unit"]
            and head["subject"][0] in fact["subject"]
            and head["metric"][0] in fact["metric"]
            and abs(head["value"] - fact["value"]) <= 0.005 * abs(fact["value"])
            and head["value_max"] == fact["value_max"]
            for fact in gold_facts
        ), f"headline fact not in gold: {head}"

    sentences = re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Þ«])", summary["reference"].strip())
    assert 2 <= len(sentences) <= 3, sentences
