"""``rapport eval --summaries``: the evaluation function on real gold files, FR and EN."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from rich.console import Console

from service.cli.eval_summaries import (
    AGREEMENT,
    SCORES,
    SECOND_ANNOTATOR_DIR,
    SummaryGoldError,
    evaluate_summaries,
    load_second_annotations,
    print_summary_report,
)

ROOT = Path(__file__).resolve().parents[2]
SUMMARIES = ROOT / "corpus" / "summaries"
SAMPLES = ROOT / "corpus" / "samples"
GOLD = {"fr": "fr_lvmh_resultats_s1_2025.json", "en": "en_intel_q2_loss.json"}
DOCUMENT_KEYS = {"doc", "lang", "headline_facts", *SCORES, AGREEMENT}
AGGREGATE_KEYS = {"documents", *SCORES, AGREEMENT, "coverage_target_met", "beats_lead3"}
HEADLINE_FIELDS = {"subject", "metric", "value", "value_max", "unit"}
SECOND_FILES = {
    tree: sorted((tree / SECOND_ANNOTATOR_DIR).glob("*.json"))
    for tree in (SUMMARIES, ROOT / "corpus" / "heldout" / "summaries")
}


def gold_dir(tmp_path: Path, *langs: str, second: bool = True) -> Path:
    folder = tmp_path / "summaries"
    folder.mkdir()
    if second:
        (folder / SECOND_ANNOTATOR_DIR).mkdir()
    for lang in langs:
        shutil.copy(SUMMARIES / GOLD[lang], folder / GOLD[lang])
        if second:
            shutil.copy(SUMMARIES / SECOND_ANNOTATOR_DIR / GOLD[lang],
                        folder / SECOND_ANNOTATOR_DIR / GOLD[lang])  # fmt: skip
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
    # The second annotator's picks are scored like ours, against the same gold.
    assert 0.0 <= row[AGREEMENT] <= 1.0


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
    for name in (*SCORES, AGREEMENT):
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


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_without_a_second_annotator_agreement_is_absent(extractor, tmp_path: Path, lang: str):
    report = evaluate_summaries(gold_dir(tmp_path, lang, second=False), SAMPLES, extractor)
    assert report["documents"][0][AGREEMENT] is None
    assert report["all"][AGREEMENT] is None
    console = Console(record=True, width=200)
    print_summary_report(console, [report])
    (line,) = [line for line in console.export_text().splitlines() if f" {lang} " in line]
    assert "—" in line


@pytest.mark.parametrize(
    "content",
    [{"doc": "x.txt", "headline_facts": []}, {"headline_facts": [{"value": 1}]}, ["not", "a dict"]],
)
def test_unusable_second_annotation_is_an_error(tmp_path: Path, content) -> None:
    (tmp_path / SECOND_ANNOTATOR_DIR).mkdir()
    (tmp_path / SECOND_ANNOTATOR_DIR / "bad.json").write_text(json.dumps(content), "utf-8")
    with pytest.raises(SummaryGoldError, match="needs doc and headline_facts"):
        load_second_annotations(tmp_path)


# (metric, unit a reader wrote, unit scored): a price per share is money in the contract
SECOND_UNIT_ROWS = [
    ("price_target", "EUR/share", "EUR"),
    ("price_target", "USD/share", "USD"),
    ("share_price", "EUR/share", "EUR"),
    ("price_target", "EUR", "EUR"),
    ("eps", "USD/share", "USD/share"),  # an EPS is per share in the contract too
]


@pytest.mark.parametrize(("metric", "written", "scored"), SECOND_UNIT_ROWS)
def test_second_annotations_are_read_in_the_contract_units(
    tmp_path: Path, metric: str, written: str, scored: str
) -> None:
    pick = {"subject": "Acme", "metric": metric, "value": 24.0, "value_max": None, "unit": written}
    (tmp_path / SECOND_ANNOTATOR_DIR).mkdir()
    (tmp_path / SECOND_ANNOTATOR_DIR / "acme.json").write_text(
        json.dumps({"doc": "acme.txt", "lang": "fr", "headline_facts": [pick]}), "utf-8"
    )
    (loaded,) = load_second_annotations(tmp_path)["acme.txt"]
    assert loaded["unit"] == scored


@pytest.mark.parametrize(
    "path",
    [path for files in SECOND_FILES.values() for path in files],
    ids=lambda path: f"{path.parents[1].parent.name}/{path.stem}",
)
def test_second_annotations_pick_five_facts_of_a_gold_document(path: Path) -> None:
    """Each file answers one summary gold file, with five headline facts in the gold's fields."""
    record = json.loads(path.read_text(encoding="utf-8"))
    gold = json.loads((path.parents[1] / path.name).read_text(encoding="utf-8"))
    assert (record["doc"], record["lang"]) == (gold["doc"], gold["lang"])
    assert len(record["headline_facts"]) == 5
    for fact in record["headline_facts"]:
        assert set(fact) >= HEADLINE_FIELDS, fact


@pytest.mark.parametrize("tree", list(SECOND_FILES), ids=lambda tree: tree.parent.name)
def test_every_summary_gold_file_has_a_second_annotation(tree: Path) -> None:
    gold = {path.name for path in tree.glob("*.json")}
    assert {path.name for path in SECOND_FILES[tree]} == gold
