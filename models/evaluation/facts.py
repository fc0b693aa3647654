"""Extraction quality per ``spec/EVAL.md``: one-to-one greedy pairing in gold order.

Pure functions over FACTS.md fact dicts and gold records (no file I/O): the CLI
reads the files, this module counts.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

_REL_TOLERANCE = 0.005

Fact = Mapping[str, Any]


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if a == b:
        return True
    return abs(a - b) <= _REL_TOLERANCE * max(abs(a), abs(b))


def figure_matches(pred: Fact, gold: Fact) -> bool:
    if pred.get("unit") != gold.get("unit") or not _close(pred.get("value"), gold.get("value")):
        return False
    gold_max, pred_max = gold.get("value_max"), pred.get("value_max")
    if gold_max is None:
        return pred_max is None or _close(pred_max, pred.get("value"))
    return _close(pred_max, gold_max)


def lenient_matches(pred: Fact, gold: Fact) -> bool:
    return figure_matches(pred, gold) and pred.get("metric") in gold.get("metric", [])


def strict_matches(pred: Fact, gold: Fact) -> bool:
    if not lenient_matches(pred, gold):
        return False
    accepted = {_fold(s) for s in gold.get("subject", []) if s}
    said = {_fold(str(pred.get(k))) for k in ("subject", "subject_id") if pred.get(k)}
    if not accepted & said:
        return False
    return gold.get("period") is None or pred.get("period") == gold.get("period")


def claim_ok(pred: Fact, gold: Fact) -> bool:
    return pred.get("claim_type") in gold.get("claim_type", [])


def pair(
    preds: Sequence[Fact],
    golds: Sequence[Fact],
    match: Callable[[Fact, Fact], bool],
    claim_first: bool = False,
) -> dict[int, int]:
    """gold index → prediction index, greedily in gold order (EVAL.md)."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    passes = [True, False] if claim_first else [False]
    for with_claim in passes:
        for gi, gold in enumerate(golds):
            if gi in pairs:
                continue
            for pi, pred in enumerate(preds):
                if pi in used or not match(pred, gold):
                    continue
                if with_claim and not claim_ok(pred, gold):
                    continue
                pairs[gi] = pi
                used.add(pi)
                break
    return pairs


@dataclass
class Counts:
    matched: int = 0
    predictions: int = 0
    required: int = 0

    def add(self, other: Counts) -> None:
        self.matched += other.matched
        self.predictions += other.predictions
        self.required += other.required

    @property
    def precision(self) -> float:
        return self.matched / self.predictions if self.predictions else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.required if self.required else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "matched": self.matched,
                "predictions": self.predictions, "required": self.required}  # fmt: skip


def _counts(preds: Sequence[Fact], golds: Sequence[Fact], pairs: dict[int, int]) -> Counts:
    optional_hits = sum(1 for gi in pairs if golds[gi].get("optional"))
    matched = sum(1 for gi in pairs if not golds[gi].get("optional"))
    required = sum(1 for g in golds if not g.get("optional"))
    return Counts(matched, len(preds) - optional_hits, required)


@dataclass
class DocumentScore:
    doc: str
    lang: str
    strict: Counts
    lenient: Counts
    figures_found: int
    figures_required: int
    claims_right: int
    claims_checked: int
    by_metric: dict[str, Counts] = field(default_factory=dict)
    misses: list[dict[str, Any]] = field(default_factory=list)
    spurious: list[dict[str, Any]] = field(default_factory=list)


def score_document(
    doc: str, lang: str, preds: Sequence[Fact], golds: Sequence[Fact]
) -> DocumentScore:
    strict_pairs = pair(preds, golds, strict_matches, claim_first=True)
    lenient_pairs = pair(preds, golds, lenient_matches)
    figure_pairs = pair(preds, golds, figure_matches)
    required = [gi for gi, g in enumerate(golds) if not g.get("optional")]
    claims = [gi for gi in strict_pairs if not golds[gi].get("optional")]
    by_metric: dict[str, Counts] = {}
    paired_preds = {pi: gi for gi, pi in strict_pairs.items()}
    for gi in required:
        metric = golds[gi]["metric"][0]
        by_metric.setdefault(metric, Counts()).required += 1
        if gi in strict_pairs:
            by_metric[metric].matched += 1
    for pi, pred in enumerate(preds):
        gi = paired_preds.get(pi)
        if gi is not None and golds[gi].get("optional"):
            continue
        metric = golds[gi]["metric"][0] if gi is not None else pred.get("metric", "other")
        by_metric.setdefault(metric, Counts()).predictions += 1
    return DocumentScore(
        doc=doc,
        lang=lang,
        strict=_counts(preds, golds, strict_pairs),
        lenient=_counts(preds, golds, lenient_pairs),
        figures_found=sum(1 for gi in required if gi in figure_pairs),
        figures_required=len(required),
        claims_right=sum(1 for gi in claims if claim_ok(preds[strict_pairs[gi]], golds[gi])),
        claims_checked=len(claims),
        by_metric=by_metric,
        misses=[dict(golds[gi]) for gi in required if gi not in strict_pairs],
        spurious=[dict(p) for pi, p in enumerate(preds) if pi not in paired_preds],
    )


@dataclass
class Report:
    strict: Counts = field(default_factory=Counts)
    lenient: Counts = field(default_factory=Counts)
    figures_found: int = 0
    figures_required: int = 0
    claims_right: int = 0
    claims_checked: int = 0
    documents: int = 0
    by_metric: dict[str, Counts] = field(default_factory=dict)

    def add(self, score: DocumentScore) -> None:
        self.strict.add(score.strict)
        self.lenient.add(score.lenient)
        self.figures_found += score.figures_found
        self.figures_required += score.figures_required
        self.claims_right += score.claims_right
        self.claims_checked += score.claims_checked
        self.documents += 1
        for metric, counts in score.by_metric.items():
            self.by_metric.setdefault(metric, Counts()).add(counts)

    @property
    def figure_recall(self) -> float:
        return self.figures_found / self.figures_required if self.figures_required else 0.0

    @property
    def claim_accuracy(self) -> float:
        return self.claims_right / self.claims_checked if self.claims_checked else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "strict": self.strict.as_dict(),
            "lenient": self.lenient.as_dict(),
            "figure_recall": round(self.figure_recall, 4),
            "claim_type_accuracy": round(self.claim_accuracy, 4),
            "by_metric": {m: c.as_dict() for m, c in sorted(self.by_metric.items())},
        }


def aggregate(scores: Iterable[DocumentScore]) -> dict[str, Report]:
    """Reports keyed ``all`` and by language."""
    reports: dict[str, Report] = {"all": Report()}
    for score in scores:
        reports["all"].add(score)
        reports.setdefault(score.lang, Report()).add(score)
    return reports
