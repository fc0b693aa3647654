"""``rapport eval --summaries``: the evaluation function on real gold files, FR and EN."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from rich.console import Console

from service.cli.eval_summaries import (
    SCORES,
    SummaryGoldError,
    evaluate_summaries,
    print_summary_report,
)

ROOT = Path(__file__).resolve().parents[2]
SUMMARIES = ROOT / "corpus" / "summaries"
SAMPLES = ROOT / "corpus" / "samples"
GOLD = {"fr": "fr_lvmh_resultats_s1_2025.json", "en": "en_intel_q2_loss.json"}
DOCUMENT_KEYS = {"doc", "lang", "headline_facts", *SCORES}
AGGREGATE_KEYS = {"documents", *SCORES, "coverage_target_met", "beats_lead3"}


def gold_dir(tmp_path: Path, *langs: str) -> Path:
    folder = tmp_path / "summaries"
    folder.mkdir()
    for lang in langs:
        shutil.copy(SUMMARIES / GOLD[lang], folder / GOLD[lang])
    return folder


@pytest.fixture(scope="module")
def both(extractor, tmp_path_factory: pytest.TempPathFactory) -> dict:
    return evaluate_summaries(gold_dir(tmp_path_factory.mktemp("both"), "fr", "en"), SAMPLES,
                              extractor)  # fmt: skip


def test_report_keys(both: dict) -> None:
    assert both["encoder"] is True
    assert {"encoder", "documents", "by_lang", "all", "seconds"} <= set(both)
    assert set(both["by_lang"]) == {"fr", "en"}
    assert set(both["all"]) == AGGREGATE_KEYS
    assert both["all"]["documents"] == 2


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_document_scores(both: dict, lang: str) -> None:
    (row,) = [row for row in both["documents"] if row["lang"] == lang]
    assert set(row) == DOCUMENT_KEYS
    gold = json.loads((SUMMARIES / GOLD[lang]).read_text(encoding="utf-8"))
    assert row["doc"] == gold["doc"]
    assert row["headline_facts"] == len(gold["headline_facts"])
    for name in SCORES:
        assert 0.0 <= row[name] <= 1.0, name
    # Selected key facts are a subset of every extracted fact.
    assert row["coverage"] <= row["coverage_ceiling"]
    # A summary made of the document's own sentences shares words with the reference.
    assert row["ours_rouge1"] > 0 and row["lead3_rouge1"] > 0
    assert row["ours_rouge2"] <= row["ours_rouge1"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_per_language_aggregate_is_its_document(both: dict, lang: str) -> None:
    (row,) = [row for row in both["documents"] if row["lang"] == lang]
    scores = both["by_lang"][lang]
    assert scores["documents"] == 1
    for name in SCORES:
        assert scores[name] == pytest.approx(row[name], abs=1e-4)
    beats = row["ours_rouge1"] > row["lead3_rouge1"] and row["ours_rouge2"] > row["lead3_rouge2"]
    assert scores["beats_lead3"] is beats
    assert scores["coverage_target_met"] is (scores["coverage"] >= 0.8)


def test_overall_is_the_mean_of_documents(both: dict) -> None:
    for name in SCORES:
        mean = sum(row[name] for row in both["documents"]) / 2
        assert both["all"][name] == pytest.approx(mean, abs=1e-4)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_printer_shows_each_language_and_both_settings(both: dict, lang: str) -> None:
    console = Console(record=True, width=200)
    print_summary_report(console, [both, {**both, "encoder": False}])
    output = console.export_text()
    assert "lead-3" in output
    rows = [line for line in output.splitlines() if f" {lang} " in line]
    assert {line.split()[1] for line in rows} == {"on", "off"}


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no summary gold files"), ({"doc": "x.txt", "lang": "fr"}, "missing")],
)
def test_unusable_gold_is_an_error(extractor, tmp_path: Path, content, message: str) -> None:
    if content is not None:
        (tmp_path / "bad.json").write_text(json.dumps(content), encoding="utf-8")
    with pytest.raises(SummaryGoldError, match=message):
        evaluate_summaries(tmp_path, SAMPLES, extractor)
