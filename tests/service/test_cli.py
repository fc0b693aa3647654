"""``rapport extract``, ``eval`` and ``summarize`` as a user runs them, on real files.

Each call loads the real pipelines, so the calls are few and each checks a lot.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from service.cli import app

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"
FR = SAMPLES / "fr_amazon_trainium_nvidia.txt"
EN = SAMPLES / "en_nvidia_q3_fy2026_results.txt"
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("reports")
    (root / "b_en.txt").write_bytes(EN.read_bytes())
    (root / "a_fr.txt").write_bytes(FR.read_bytes())
    return root


def test_jsonl_one_document_per_line_in_input_order(folder: Path) -> None:
    result = run("extract", str(folder), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert [d["document"]["source"] for d in lines] == [
        str(folder / "a_fr.txt"),
        str(folder / "b_en.txt"),
    ]
    assert [d["document"]["lang"] for d in lines] == ["fr", "en"]
    for document in lines:
        text = (folder / Path(document["document"]["source"]).name).read_text(encoding="utf-8")
        assert document["facts"], "every report has facts"
        for fact in document["facts"]:
            assert text[fact["start"] : fact["end"]] == fact["text"]
        assert set(document["summary"]["key_facts"]) == {"fr", "en"}


@pytest.mark.parametrize(("path", "revenue"), [(FR, 167.7e9), (EN, 57.0e9)])
def test_json_csv_and_table_carry_the_same_facts(path: Path, revenue: float) -> None:
    as_json = json.loads(run("extract", str(path), "--format", "json").stdout)
    assert any(f["metric"] == "revenue" and f["value"] == revenue for f in as_json["facts"])
    rows = list(csv.DictReader(io.StringIO(run("extract", str(path), "--format", "csv").stdout)))
    assert len(rows) == len(as_json["facts"])
    table = run("extract", str(path), "--format", "table").stdout
    assert f"{len(as_json['facts'])} facts" in table


@pytest.mark.parametrize(
    ("content", "name", "code"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "scan.txt", "unsupported_type"),
        (b"", "empty.txt", "empty_text"),
        (
            "El mercado de chips de IA crecerá un 20 % en 2025 según los analistas.".encode(),
            "informe.txt",
            "unsupported_language",
        ),
    ],
)
def test_unreadable_or_foreign_input_is_a_clear_error(
    tmp_path: Path, content: bytes, name: str, code: str
) -> None:
    target = tmp_path / name
    target.write_bytes(content)
    result = run("extract", str(target))
    assert result.exit_code == 2
    assert code in result.stderr and "Traceback" not in result.output
    if code == "unsupported_language":
        assert "detected: es" in result.stderr


def test_forced_language_and_cp1252_text(tmp_path: Path) -> None:
    target = tmp_path / "note.txt"
    target.write_bytes(
        "Le chiffre d'affaires de LVMH a reculé de 4 % à 39,8 milliards d'euros "
        "au premier semestre 2025.".encode("cp1252")
    )
    document = json.loads(run("extract", str(target), "--lang", "fr").stdout)
    assert document["document"]["lang"] == "fr"
    values = {(f["metric"], f["value"], f["unit"]) for f in document["facts"]}
    assert ("revenue", 39.8e9, "EUR") in values
    assert ("revenue_growth", -4.0, "%") in values


def test_missing_path() -> None:
    result = run("extract", "/no/such/report.txt")
    assert result.exit_code == 2 and "No such file" in result.stderr


def test_eval_json_reports_every_number() -> None:
    gold = SAMPLES.parent.parent / "corpus" / "gold"
    result = run("eval", "--gold", str(gold), "--docs", str(SAMPLES), "--json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    for subset in ("all", "fr", "en"):
        report = payload[subset]
        assert {"strict", "lenient", "figure_recall", "claim_type_accuracy", "by_metric"} <= set(
            report
        )
        # the quality floors live in tests/corpus/test_gold_quality.py; here, sane numbers
        assert 0.0 < report["figure_recall"] <= 1.0
        assert 0.0 < report["strict"]["f1"] <= report["lenient"]["f1"] <= 1.0


def test_eval_summaries_reads_the_summary_gold_folder_it_is_given(tmp_path: Path) -> None:
    """A held-out summary set is scored with --summary-gold (and its --docs)."""
    summaries = SAMPLES.parent / "summaries"
    for name in ("fr_lvmh_resultats_s1_2025.json", "en_intel_q2_loss.json"):
        (tmp_path / name).write_bytes((summaries / name).read_bytes())
    result = run("eval", "--summaries", "--summary-gold", str(tmp_path), "--docs", str(SAMPLES),
                 "--json")  # fmt: skip
    assert result.exit_code == 0, result.output
    runs = json.loads(result.stdout)["runs"]
    assert [r["encoder"] for r in runs] == [True, False]
    assert all(r["all"]["documents"] == 2 for r in runs)
    assert {d["doc"] for d in runs[0]["documents"]} == {
        "fr_lvmh_resultats_s1_2025.txt",
        "en_intel_q2_loss.txt",
    }


@pytest.mark.parametrize(("path", "lang"), [(FR, "fr"), (EN, "en")])
def test_summarize_gives_k_sentences_and_both_languages(path: Path, lang: str) -> None:
    result = run("summarize", str(path), "-k", "2", "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["lang"] == lang
    assert len(summary["sentences"]) == 2
    assert set(summary["key_facts"]) == {"fr", "en"}
    assert all(summary["key_facts"]["fr"]) and all(summary["key_facts"]["en"])
