"""Validate the English gold corpus against the fact contract (spec/FACTS.md, spec/EVAL.md).

Each English sample needs a gold file whose facts use only contract vocabulary and whose
surface strings really occur in the text; the files are checked one by one (parametrized),
then as a set (size, metric and claim-type coverage, held-out separation, summaries).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from models.schema import CLAIM_TYPES, METRICS, PLAIN_UNITS, SPEC_UNITS

LANG = "en"
CORPUS = Path(__file__).resolve().parents[2] / "corpus"
DEV_SAMPLES = CORPUS / "samples"
DEV_GOLD = CORPUS / "gold"
HELDOUT_SAMPLES = CORPUS / "heldout" / "samples"
HELDOUT_GOLD = CORPUS / "heldout" / "gold"
SUMMARIES = CORPUS / "summaries"

# Money units are ISO 4217 codes; per-share money is "<code>/share" (FACTS.md, Units).
CURRENCIES = {"USD", "EUR", "GBP", "JPY", "CHF", "CNY", "TWD", "KRW", "DKK", "HKD", "CAD", "SEK"}
PER_SHARE_UNITS = {f"{code}/share" for code in CURRENCIES}
UNITS = CURRENCIES | PER_SHARE_UNITS | set(PLAIN_UNITS)
PERIOD_PATTERN = re.compile(
    r"^(\d{4}|\d{4}-Q[1-4]|\d{4}-H[12]|\d{4}-\d{2}|\d{4}-\d{2}-\d{2}|FY\d{4}|FY\d{4}-Q[1-4])$"
)
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
HEADLINE_KEYS = ("subject", "metric", "value", "value_max", "unit")

# Corpus size the gold task asks for (GOLD.md "How many").
MIN_DEV_DOCUMENTS = 15
MIN_REQUIRED_FACTS = 200
MIN_FACTS_PER_METRIC = 3
MIN_FACTS_PER_CLAIM_TYPE = 8
HELDOUT_DOCUMENTS = 10
MIN_SUMMARIES = 10
WORDS_PER_DOCUMENT = (250, 700)

# Surface cues whose reading is fixed by the annotation conventions, so a fact whose
# value or unit contradicts its own text is an annotation slip.
DECLINE_CUE = re.compile(r"^(fell|down|declined|slipped|decrease of|lost)\b", re.IGNORECASE)
POINTS_CUE = re.compile(r"\b(basis points|bps|percentage points|points?)$", re.IGNORECASE)
SCALE_WORDS = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "M": 1e6,
    "bn": 1e9,
    "B": 1e9,
    "tn": 1e12,
}
SCALED_NUMBER = re.compile(
    r"(\d[\d,]*(?:\.\d+)?)\s?(thousand|million|billion|trillion|M|bn|B|tn)\b"
)


def _gold_paths(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"{LANG}_*.json"))


def _load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _sample_for(gold_path: Path) -> Path:
    return gold_path.parent.parent / "samples" / gold_path.with_suffix(".txt").name


DEV_GOLD_PATHS = _gold_paths(DEV_GOLD)
HELDOUT_GOLD_PATHS = _gold_paths(HELDOUT_GOLD)
ALL_GOLD_PATHS = DEV_GOLD_PATHS + HELDOUT_GOLD_PATHS
SUMMARY_PATHS = _gold_paths(SUMMARIES)


def _ids(paths: list[Path]) -> list[str]:
    return [f"{path.parent.parent.name}/{path.stem}" for path in paths]


def _facts(paths: list[Path]) -> list[dict[str, Any]]:
    return [fact for path in paths for fact in _load(path)["facts"]]


@pytest.mark.parametrize(
    ("samples", "gold"),
    [(DEV_SAMPLES, DEV_GOLD), (HELDOUT_SAMPLES, HELDOUT_GOLD)],
    ids=["dev", "heldout"],
)
def test_every_sample_has_a_gold_file_and_back(samples: Path, gold: Path) -> None:
    sample_stems = {path.stem for path in samples.glob(f"{LANG}_*.txt")}
    gold_stems = {path.stem for path in gold.glob(f"{LANG}_*.json")}
    assert sample_stems == gold_stems


@pytest.mark.parametrize("gold_path", ALL_GOLD_PATHS, ids=_ids(ALL_GOLD_PATHS))
def test_sample_is_plain_prose_of_the_right_length(gold_path: Path) -> None:
    text = _sample_for(gold_path).read_text(encoding="utf-8")
    low, high = WORDS_PER_DOCUMENT
    assert low <= len(text.split()) <= high
    assert len([p for p in text.split("\n\n") if p.strip()]) >= 4, "paragraphs need blank lines"


@pytest.mark.parametrize("gold_path", ALL_GOLD_PATHS, ids=_ids(ALL_GOLD_PATHS))
def test_gold_file_shape(gold_path: Path) -> None:
    gold = _load(gold_path)
    assert gold["doc"] == gold_path.with_suffix(".txt").name
    assert gold["lang"] == LANG
    assert gold["facts"], "a gold file without facts"
    for fact in gold["facts"]:
        assert set(fact) == FACT_KEYS, fact
        for key in ("subject", "metric", "claim_type"):
            assert isinstance(fact[key], list) and fact[key], (key, fact)
            assert all(isinstance(item, str) and item for item in fact[key]), (key, fact)
        assert isinstance(fact["value"], float), fact
        for key in ("value_max", "previous"):
            assert fact[key] is None or isinstance(fact[key], float), (key, fact)
        assert fact["attribution"] is None or isinstance(fact["attribution"], str), fact
        assert isinstance(fact["optional"], bool), fact


@pytest.mark.parametrize("gold_path", ALL_GOLD_PATHS, ids=_ids(ALL_GOLD_PATHS))
def test_every_text_occurs_in_its_document(gold_path: Path) -> None:
    text = _sample_for(gold_path).read_text(encoding="utf-8")
    missing = [fact["text"] for fact in _load(gold_path)["facts"] if fact["text"] not in text]
    assert missing == []


@pytest.mark.parametrize("gold_path", ALL_GOLD_PATHS, ids=_ids(ALL_GOLD_PATHS))
def test_vocabularies_come_from_the_contract(gold_path: Path) -> None:
    for fact in _load(gold_path)["facts"]:
        assert set(fact["metric"]) <= set(METRICS), fact
        assert set(fact["claim_type"]) <= set(CLAIM_TYPES), fact
        assert fact["unit"] in UNITS, fact
        assert fact["period"] is None or PERIOD_PATTERN.match(fact["period"]), fact


@pytest.mark.parametrize("gold_path", ALL_GOLD_PATHS, ids=_ids(ALL_GOLD_PATHS))
def test_ranges_are_ordered(gold_path: Path) -> None:
    for fact in _load(gold_path)["facts"]:
        if fact["value_max"] is not None:
            assert fact["value_max"] > fact["value"], fact


@pytest.mark.parametrize("gold_path", ALL_GOLD_PATHS, ids=_ids(ALL_GOLD_PATHS))
def test_units_agree_with_metrics(gold_path: Path) -> None:
    for fact in _load(gold_path)["facts"]:
        metrics, unit = set(fact["metric"]), fact["unit"]
        assert ("chip_spec" in metrics) == (unit in SPEC_UNITS), fact
        if metrics & {"eps", "dividend"}:
            assert unit in PER_SHARE_UNITS, fact
        if metrics & {"price_target", "share_price", "market_cap", "revenue", "capex"}:
            assert unit in CURRENCIES, fact
        if "units" in metrics:
            assert unit == "count", fact
        if metrics & {"valuation_multiple", "performance_gain"}:
            assert unit == "x", fact
        if metrics & {"market_share", "operating_margin", "gross_margin", "return_on_equity"}:
            assert unit in {"%", "pp"}, fact
        if unit == "count":
            assert "units" in metrics, fact


@pytest.mark.parametrize("gold_path", ALL_GOLD_PATHS, ids=_ids(ALL_GOLD_PATHS))
def test_values_agree_with_their_surface_text(gold_path: Path) -> None:
    for fact in _load(gold_path)["facts"]:
        surface, value = fact["text"], fact["value"]
        if "$(" in surface or DECLINE_CUE.match(surface):
            assert value < 0, fact
        if POINTS_CUE.search(surface):
            assert fact["unit"] == "pp", fact
        if "per share" in surface:
            assert fact["unit"].endswith("/share"), fact
        scaled = SCALED_NUMBER.search(surface)
        if scaled and fact["unit"] in CURRENCIES:
            number = float(scaled.group(1).replace(",", "")) * SCALE_WORDS[scaled.group(2)]
            assert abs(abs(value) - number) <= 1e-6 * number, fact


def test_dev_corpus_is_large_enough() -> None:
    required = [fact for fact in _facts(DEV_GOLD_PATHS) if not fact["optional"]]
    assert len(DEV_GOLD_PATHS) >= MIN_DEV_DOCUMENTS
    assert len(required) >= MIN_REQUIRED_FACTS


@pytest.mark.parametrize("metric", [m for m in METRICS if m != "other"])
def test_every_metric_is_covered(metric: str) -> None:
    required = [fact for fact in _facts(DEV_GOLD_PATHS) if not fact["optional"]]
    assert sum(metric in fact["metric"] for fact in required) >= MIN_FACTS_PER_METRIC


@pytest.mark.parametrize("claim_type", CLAIM_TYPES)
def test_every_claim_type_is_covered(claim_type: str) -> None:
    required = [fact for fact in _facts(DEV_GOLD_PATHS) if not fact["optional"]]
    counted = Counter(c for fact in required for c in fact["claim_type"])
    assert counted[claim_type] >= MIN_FACTS_PER_CLAIM_TYPE


def test_heldout_documents_are_about_other_companies() -> None:
    assert len(HELDOUT_GOLD_PATHS) == HELDOUT_DOCUMENTS
    dev_subjects = {fact["subject"][0].casefold() for fact in _facts(DEV_GOLD_PATHS)}
    heldout_subjects = {fact["subject"][0].casefold() for fact in _facts(HELDOUT_GOLD_PATHS)}
    assert dev_subjects & heldout_subjects == set()


def test_enough_summaries() -> None:
    assert len(SUMMARY_PATHS) >= MIN_SUMMARIES


@pytest.mark.parametrize("summary_path", SUMMARY_PATHS, ids=_ids(SUMMARY_PATHS))
def test_summary_headlines_are_gold_facts(summary_path: Path) -> None:
    summary = _load(summary_path)
    gold_path = DEV_GOLD / summary_path.name
    assert summary["doc"] == gold_path.with_suffix(".txt").name
    assert summary["lang"] == LANG
    assert 3 <= len(summary["headline_facts"]) <= 5
    required = [fact for fact in _load(gold_path)["facts"] if not fact["optional"]]
    gold_headlines = [{key: fact[key] for key in HEADLINE_KEYS} for fact in required]
    for headline in summary["headline_facts"]:
        assert headline in gold_headlines, headline
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", summary["reference"].strip()) if s]
    assert 2 <= len(sentences) <= 3, summary["reference"]
