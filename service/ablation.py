"""KB ablation: how well subjects resolve for companies the knowledge base does not know.

The dev set's companies are all in ``models/data/entities.json`` (the gazetteer grew on
it), while a real user's reports name companies never listed. This harness scores the
dev set with the packaged gazetteer and with ablated copies:

- per document (the held-out situation): each document is read with a copy from which
  the companies named in its own title line, and every unit or product under them,
  are removed; the other companies it names stay known;
- global (harsher): one copy without the title companies of every dev document.

The gap between full and ablated is what unknown-organisation resolution has to close.

    python -m service.ablation                 # dev, full and both ablations
    python -m service.ablation --subjects      # + the subject errors of the per-document run
    python -m service.ablation --heldout       # + the held-out set, aggregate rows only

The held-out line prints only the all/fr/en aggregates (spec/EVAL.md: a test set is
never looked into document by document).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from models import Extractor
from models.evaluation.facts import (
    DocumentScore,
    Report,
    aggregate,
    lenient_matches,
    pair,
    strict_matches,
)
from models.knowledge import KnowledgeBase
from service.gold import load_gold, score_corpus
from service.ingest.files import read_document

ROOT = Path(__file__).resolve().parents[1]
DEV_GOLD = ROOT / "corpus" / "gold"
DEV_DOCS = ROOT / "corpus" / "samples"
HELDOUT = ROOT / "corpus" / "heldout"


def title_companies(kb: KnowledgeBase, text: str) -> set[str]:
    """Ids of the companies the KB finds in the title line of ``text`` (named ones: a
    lower-case grouping such as "hyperscalers" is no organisation to resolve)."""
    title = text.strip().split("\n", 1)[0]
    found = set()
    for mention in kb.find_mentions(title):
        entity = kb.get(mention.entity_id)
        if entity is not None and entity.type == "company" and entity.name[:1].isupper():
            found.add(entity.id)
    return found


class PerDocumentKB:
    """Scores each document with the KB less its own title companies: wraps an extractor
    and swaps its gazetteer before each ``extract``."""

    def __init__(self, extractor: Extractor, kb: KnowledgeBase) -> None:
        self.extractor, self.kb = extractor, kb
        self._cache: dict[frozenset[str], KnowledgeBase] = {}
        self.removed: dict[str, set[str]] = {}

    def extract(self, text: str, **options: Any) -> Any:
        removed = frozenset(title_companies(self.kb, text))
        if removed not in self._cache:
            self._cache[removed] = ablated(self.kb, set(removed))
        if options.get("source"):
            self.removed[options["source"]] = set(removed)
        self.extractor.knowledge = self._cache[removed]
        try:
            return self.extractor.extract(text, **options)
        finally:
            self.extractor.knowledge = self.kb


def ablated(kb: KnowledgeBase, removed: set[str]) -> KnowledgeBase:
    """A copy of ``kb`` without ``removed`` and every entity whose parent chain reaches one."""
    gone = set(removed)
    changed = True
    while changed:
        changed = False
        for entity in kb.entities:
            if entity.id not in gone and entity.parent in gone:
                gone.add(entity.id)
                changed = True
    return KnowledgeBase([e for e in kb.entities if e.id not in gone], kb.name_particles)


def subject_errors(
    extractor: Any, gold: list[dict[str, Any]], docs_dir: Path
) -> list[tuple[str, str, list[str], str | None, str]]:
    """(doc, figure, gold subjects, predicted subject, evidence) for each required gold
    fact whose figure, metric and period were found but whose subject was not."""
    rows = []
    for record in gold:
        document = read_document(docs_dir / record["doc"])
        result = extractor.extract(document.text, lang=record["lang"], source=record["doc"])
        preds = [f.to_dict() for f in result.facts]
        golds = record["facts"]
        strict = pair(preds, golds, strict_matches, claim_first=True)
        used = set(strict.values())
        for gi, g in enumerate(golds):
            if g.get("optional") or gi in strict:
                continue
            for pi, p in enumerate(preds):
                if pi in used or not lenient_matches(p, g):
                    continue
                if g.get("period") is not None and p.get("period") != g.get("period"):
                    continue
                evidence = next((e for e in p["evidence"] if e.startswith("subject")), "")
                rows.append((record["doc"], g["text"], g["subject"], p["subject"], evidence))
                used.add(pi)
                break
    return rows


def _line(name: str, reports: dict[str, Report]) -> str:
    parts = [
        f"{subset} {reports[subset].strict.f1:.3f}" for subset in ("all", "fr", "en")
        if subset in reports
    ]  # fmt: skip
    return f"{name:<14} strict F1 " + "  ".join(parts)


def _scores(extractor: Any, gold_dir: Path, docs_dir: Path) -> list[DocumentScore]:
    return score_corpus(extractor, load_gold(gold_dir), docs_dir)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--subjects", action="store_true", help="list ablated subject errors")
    parser.add_argument("--heldout", action="store_true", help="also score the held-out set")
    args = parser.parse_args(argv)

    kb = KnowledgeBase.load()
    gold = load_gold(DEV_GOLD)
    removed: set[str] = set()
    for record in gold:
        removed |= title_companies(kb, (DEV_DOCS / record["doc"]).read_text(encoding="utf-8"))
    small = ablated(kb, removed)
    full = Extractor(use_encoder=False).load()
    per_document = PerDocumentKB(full, kb)
    print(_line("dev full KB", aggregate(_scores(full, DEV_GOLD, DEV_DOCS))))
    print(_line("dev ablated", aggregate(_scores(per_document, DEV_GOLD, DEV_DOCS))))
    cut = Extractor(use_encoder=False, knowledge=small).load()
    print(_line("dev global-abl", aggregate(_scores(cut, DEV_GOLD, DEV_DOCS))))
    print(f"  (global: {len(kb.entities) - len(small.entities)} entities less: {sorted(removed)})")
    if args.heldout:
        print(_line("held-out", aggregate(_scores(full, HELDOUT / "gold", HELDOUT / "samples"))))
    if args.subjects:
        errors = subject_errors(per_document, gold, DEV_DOCS)
        print(f"\n{len(errors)} subject errors (per-document ablated KB, dev):")
        for doc, text, wanted, said, evidence in errors:
            print(f"  {doc}: {text!r} gold {wanted} got {said!r} ({evidence})")


if __name__ == "__main__":
    main()
