"""Reading the gold corpus and scoring an extractor on it (``spec/EVAL.md``).

Shared by ``rapport eval`` and the gold-quality tests so both measure the same way.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from models import Extractor
from models.errors import RapportError
from models.evaluation.facts import DocumentScore, score_document
from service.ingest.files import read_document


def load_gold(gold_dir: Path) -> list[dict[str, Any]]:
    """Every gold file of a folder, in name order."""
    return [json.loads(f.read_text(encoding="utf-8")) for f in sorted(gold_dir.glob("*.json"))]


def score_corpus(
    extractor: Extractor, gold: list[dict[str, Any]], docs_dir: Path
) -> list[DocumentScore]:
    """Extract each gold document (in its gold language) and score it."""
    scores = []
    for record in gold:
        document = read_document(docs_dir / record["doc"])
        if isinstance(document, RapportError):
            raise document
        result = extractor.extract(document.text, lang=record["lang"], source=record["doc"])
        predictions = [f.to_dict() for f in result.facts]
        scores.append(score_document(record["doc"], record["lang"], predictions, record["facts"]))
    return scores
