"""Extraction quality on the gold corpus, with the real spaCy pipelines.

Floors, not targets: they sit just under what ``rapport eval`` measures so that a
change that loses quality fails here; raise them when quality rises. Extraction is
deterministic, so these are not flaky.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.evaluation.facts import Report, aggregate
from service.gold import load_gold, score_corpus

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "corpus" / "gold"
SAMPLES = ROOT / "corpus" / "samples"
HELDOUT = ROOT / "corpus" / "heldout"
SEED = "fr_amazon_trainium_nvidia.txt"
MIN_DOCUMENTS_PER_LANGUAGE = 15


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    records = load_gold(GOLD)
    for lang in ("fr", "en"):
        count = sum(1 for r in records if r["lang"] == lang)
        assert count >= MIN_DOCUMENTS_PER_LANGUAGE, f"{count} {lang} gold files"
    return records


@pytest.fixture(scope="module")
def reports(extractor_no_encoder, gold) -> dict[str, Report]:
    return aggregate(score_corpus(extractor_no_encoder, gold, SAMPLES))


@pytest.fixture(scope="module")
def extractor_no_encoder():
    from models import Extractor

    return Extractor(use_encoder=False).load()


# 52 documents since twelve were added blind in session 5, in two batches of six (0.928 on
# the first 30 fell to 0.835 on 40 with ten added in session 4). The first six scored 0.35
# when added and 0.63 after the rules they showed were written; the second six, added
# after those rules, scored 0.48 blind and 0.52 now; the first 40 rose 0.844 -> 0.853.
# The new genres (market pieces, deals, broker notes) are where held-out is weak too.
# 58 documents since six more were added blind in session 6 (0.647 strict on the six when
# added; the smartphone tracker 0.18, the cloud market 0.48; 0.726 after the session's
# rules, which took the 58 to 0.783 and claim accuracy to 0.954).
# 64 documents since six more were added blind in session 7 (0.595 strict on the six when
# added: the pet food market 0.20, the cloud gaming market 0.14; the 58 stood at 0.788),
# and 70 since six more were added blind later that session (0.500 when added: the
# satellite broadband market 0.03, Siemens 0.44; the 64 stood at 0.794).
# 82 since twelve more were added blind in session 8 (0.588 strict on the twelve, the market
# pieces lowest: EV charging 0.09, wearables 0.15, French data centres 0.39; the 70 stood at
# 0.771; the session's market-piece fixes took the 82 to 0.751), and 94 since twelve more
# were added blind in a second batch (0.628 strict on them when added; the 82 stood at 0.754).
@pytest.mark.parametrize(
    ("subset", "figure_recall", "strict_f1", "claim_accuracy"),
    [
        ("all", 0.96, 0.73, 0.95),
        ("fr", 0.96, 0.74, 0.96),
        ("en", 0.96, 0.72, 0.94),
    ],
)
def test_quality_floors(
    reports: dict[str, Report],
    subset: str,
    figure_recall: float,
    strict_f1: float,
    claim_accuracy: float,
) -> None:
    report = reports[subset]
    assert report.figure_recall >= figure_recall
    assert report.strict.f1 >= strict_f1
    assert report.claim_accuracy >= claim_accuracy


def test_shared_report(extractor_no_encoder, gold) -> None:
    seed = [r for r in gold if r["doc"] == SEED]
    report = aggregate(score_corpus(extractor_no_encoder, seed, SAMPLES))["all"]
    assert report.figure_recall == 1.0
    assert report.strict.f1 >= 0.90


def test_heldout_floor(extractor_no_encoder) -> None:
    """The held-out set is never tuned on; this floor only makes a loss of generality
    visible (a rule that helps the dev set and hurts here is overfitting)."""
    report = aggregate(
        score_corpus(extractor_no_encoder, load_gold(HELDOUT / "gold"), HELDOUT / "samples")
    )["all"]
    # 20 documents since six were added blind (0.680 on the first 14 fell to 0.552 on 20,
    # then rose to 0.604 with document entities for companies the gazetteer lacks, to
    # 0.624 with document markets, to 0.640 in session 5, to 0.661 in session 6 and to
    # 0.684 in session 7 and to 0.717 in session 8).
    assert report.figure_recall >= 0.97
    assert report.strict.f1 >= 0.71
    assert report.claim_accuracy >= 0.93


@pytest.mark.parametrize(
    ("tree", "coverage"),
    # dev: 0.632 on 30 documents, 0.613 on 36 and 0.589 on 40 (ten added blind in session 4);
    # 0.686 on 40 and 0.598 held-out once key-fact lines show a margin, an EPS, other
    # periods and ranking peers beside their lead (models/fact_lines.py); 0.702 on 46,
    # 0.689 on 52 (six more added blind) and 0.608 held-out with the session-5 fixes;
    # 0.716 on 58 and 0.628 held-out in session 6; 0.746 on 70 (twelve added blind) and
    # 0.667 held-out in session 7; in session 8, with the learned ranker fitted on dev
    # (models/key_fact_ranker.py), 0.774 on 82 in sample (0.752 on held-back folds; on the
    # twelve added blind, the ranker fitted on the other 70 gave 0.683, the hand score 0.600)
    # and 0.668 held-out; 0.769 on 94 (twelve more added blind, where the ranker fitted on
    # 82 tied the hand score at 0.667) and 0.658 held-out, where the hand score alone gives
    # 0.678: the ranker is kept on the dev folds' evidence (0.756 held back against 0.727);
    # after the session's last market-piece fixes, 0.769 on 94 (0.752 held back, the hand
    # score 0.722) and 0.678 held-out (the hand score 0.698)
    [(ROOT / "corpus", 0.76), (HELDOUT, 0.66)],
    ids=["dev", "heldout"],
)
def test_summary_floors(extractor_no_encoder, tree: Path, coverage: float) -> None:
    """Key-fact coverage of the headline facts, and the extractive summary ahead of lead-3
    on both ROUGEs (``rapport eval --summaries``, encoder off)."""
    from service.cli.eval_summaries import evaluate_summaries

    scores = evaluate_summaries(tree / "summaries", tree / "samples", extractor_no_encoder)["all"]
    assert scores["coverage"] >= coverage
    assert scores["beats_lead3"]
