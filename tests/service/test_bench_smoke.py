"""``python -m service.bench`` runs end to end and writes every number it prints.

The figures section runs in ``--quick`` mode on two one-paragraph reports. No
assertion is about speed (``make bench`` reports speed, the suite never times
anything): the checks are that the JSON has its keys and that the bench really
ran the figure layer on the given texts.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from models.figures import find_figures

TINY_REPORTS = {
    "fr": "Le chiffre d'affaires d'Amazon a progressé de 13 % à 167,7 milliards de dollars "
    "au T2 2025. JPMorgan relève son objectif de cours de 240 à 265 dollars.",
    "en": "Amazon's revenue rose 13% to $167.7 billion in Q2 2025. JPMorgan raised its "
    "price target to $265 from $240.",
}
TOOL_KEYS = ("seconds_per_pass", "words_per_s", "rounds", "all_seconds_per_pass")


@pytest.fixture(scope="module")
def bench_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, str]:
    folder = tmp_path_factory.mktemp("bench")
    samples = folder / "samples"
    samples.mkdir()
    for lang, text in TINY_REPORTS.items():
        (samples / f"{lang}_tiny.txt").write_text(text, encoding="utf-8")
    output = folder / "bench-results.json"
    done = subprocess.run(
        [sys.executable, "-m", "service.bench", "--only", "figures", "--quick",
         "--samples", str(samples), "--output", str(output)],
        capture_output=True, text=True, timeout=600, cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(output.read_text(encoding="utf-8")), done.stdout


def test_results_name_the_run(bench_run: tuple[dict, str]) -> None:
    results, _ = bench_run
    assert results["meta"]["quick"] is True
    assert results["meta"]["sections"] == ["figures"]
    assert set(results["budgets"]) >= {"serve_peak_rss_mb", "worker_peak_rss_mb"}
    assert results["sections"]["figures"]["status"] == "ok"
    assert set(results["sections"]) == {"figures"}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_each_tool_has_its_numbers(bench_run: tuple[dict, str], lang: str) -> None:
    row = bench_run[0]["sections"]["figures"]["languages"][lang]
    assert row["docs"] == 1
    assert row["words"] == len(TINY_REPORTS[lang].split())
    for tool in ("figure_layer", "spacy_full"):
        for key in TOOL_KEYS:
            assert key in row[tool], (tool, key)
        assert row[tool]["words_per_s"] > 0
    recognizers = row["recognizers_text"]
    assert "skipped" in recognizers or recognizers["matches"] > 0
    assert set(row["ratios"]) == {"figure_layer_vs_spacy_full", "figure_layer_vs_recognizers"}
    assert set(row["targets"]) == {"vs_recognizers_ge_20x", "vs_spacy_ge_1x"}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_figure_layer_really_read_the_texts(bench_run: tuple[dict, str], lang: str) -> None:
    row = bench_run[0]["sections"]["figures"]["languages"][lang]
    assert row["figure_layer"]["figures"] == len(find_figures(TINY_REPORTS[lang], lang))
    assert row["figure_layer"]["figures"] > 0


@pytest.mark.parametrize(
    "expected",
    ["== 1. Figure layer", "[fr] 1 reports", "[en] 1 reports", "ratio figure layer / spaCy"],
)
def test_the_report_is_printed(bench_run: tuple[dict, str], expected: str) -> None:
    assert expected in bench_run[1]
