"""``rapport train-ranker`` as a user runs it: real extractor, real summary gold, a real file."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from models.key_fact_ranker import FEATURES, KeyFactRanker
from service.cli import app

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
# Two of each language: enough for two folds, each holding a French and an English report.
DOCUMENTS = (
    "fr_lvmh_resultats_s1_2025.json",
    "fr_note_oddo_bhf_air_liquide.json",
    "en_intel_q2_loss.json",
    "en_smartphone_market_q3_2025.json",
)
runner = CliRunner()


def train(gold: Path, out: Path, *args: str):
    """``rapport train-ranker`` on ``gold`` into ``out``, wide enough for its messages."""
    command = ["train-ranker", "--summary-gold", str(gold), "--docs", str(CORPUS / "samples"),
               "--out", str(out), *args]  # fmt: skip
    return runner.invoke(app, command, env={"COLUMNS": "200"})


@pytest.fixture(scope="module")
def gold(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("summary_gold")
    for name in DOCUMENTS:
        (folder / name).write_bytes((CORPUS / "summaries" / name).read_bytes())
    return folder


def test_train_ranker_writes_a_valid_ranker_and_reports_held_back_coverage(
    gold: Path, tmp_path: Path
) -> None:
    out = tmp_path / "ranker.json"
    result = train(gold, out, "--folds", "2", "--repeats", "1", "--c", "1.5")
    assert result.exit_code == 0, result.output
    assert "hand score alone" in result.output and "held-back" in result.output
    ranker = KeyFactRanker.load(out)  # the service can load what it wrote
    assert set(ranker.weights) == set(FEATURES)
    assert ranker.hand_share == 0.75
    assert ranker.about["trained_on"].endswith("(4 documents)")
    assert 0.0 <= ranker.about["coverage_cross_validated"] <= 1.0
    assert any(weight != 0.0 for weight in ranker.weights.values())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--folds", "5"], "4 documents for 5 folds"),
        (["--dry-run", "--c", "0"], "Invalid value for '--c'"),
        # a gold file naming a document the folder does not hold
        (["--docs", str(CORPUS / "heldout" / "samples")], "cannot be read"),
    ],
)
def test_train_ranker_refuses_what_it_cannot_fit(
    gold: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    out = tmp_path / "ranker.json"
    result = train(gold, out, *args)
    assert result.exit_code == 2
    assert message in result.output
    assert not out.exists()


def test_train_ranker_dry_run_writes_nothing(gold: Path, tmp_path: Path) -> None:
    out = tmp_path / "ranker.json"
    result = train(gold, out, "--folds", "2", "--repeats", "1", "--dry-run")
    assert result.exit_code == 0, result.output
    assert not out.exists()
