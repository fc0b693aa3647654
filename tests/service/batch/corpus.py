"""Test corpora built from ``corpus/samples``, and a comparable picture of a store.

More documents than samples come from writing the same report in other byte forms
(CRLF + BOM, UTF-16, HTML, DOCX): different bytes, so different documents.
"""

from __future__ import annotations

import codecs
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from service.store.engine import create_store_engine
from tests.service.samples import SAMPLES, _docx, _html

SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))

VARIANTS: list[tuple[str, Callable[[str], bytes]]] = [
    (".txt", lambda text: text.encode("utf-8")),
    (".txt", lambda text: codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode("utf-8")),
    (".txt", lambda text: text.encode("utf-16")),
    (".html", _html),
    (".docx", _docx),
]


def make_corpus(folder: Path, count: int, variants: int = 2) -> list[Path]:
    """``count`` distinct documents: every sample in the first form, then the next form…"""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        sample = SAMPLE_FILES[index % len(SAMPLE_FILES)]
        suffix, build = VARIANTS[(index // len(SAMPLE_FILES)) % variants]
        path = folder / f"{index:03d}_{sample.stem}{suffix}"
        path.write_bytes(build(sample.read_text(encoding="utf-8")))
        paths.append(path)
    return paths


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def store_picture(url: str) -> dict[str, Any]:
    """Everything a batch writes, keyed by content so two stores can be compared."""
    engine = create_store_engine(url)
    try:
        with engine.connect() as connection:
            documents = (
                connection.execute(
                    sa.text(
                        "SELECT id, sha256, source, lang, title, extractor_version FROM documents"
                    )
                )
                .mappings()
                .all()
            )
            facts = connection.execute(
                sa.text(
                    "SELECT d.sha256, f.ordinal, f.metric, f.value, f.unit, f.period, "
                    "f.subject_id, f.claim_type, f.start_char, f.end_char "
                    "FROM facts f JOIN documents d ON d.id = f.document_id"
                )
            ).all()
            mentions = connection.execute(
                sa.text(
                    "SELECT d.sha256, m.entity_id, m.mentions FROM document_entities m "
                    "JOIN documents d ON d.id = m.document_id"
                )
            ).all()
    finally:
        engine.dispose()
    by_document: dict[str, list[tuple]] = {row["sha256"]: [] for row in documents}
    for row in facts:
        by_document[row[0]].append(tuple(row[1:]))
    return {
        "documents": {row["sha256"]: dict(row) for row in documents},
        "document_rows": len(documents),
        "facts": {sha: sorted(rows) for sha, rows in by_document.items()},
        "fact_rows": len(facts),
        "mentions": sorted(tuple(row) for row in mentions),
    }
