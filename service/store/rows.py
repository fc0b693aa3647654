"""Rows to and from the FACTS.md shapes: the only place that knows both vocabularies."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import numpy as np
from sqlalchemy.engine import RowMapping

from service.store.periods import period_bounds
from service.store.records import DocumentRecord
from service.store.search import search_text

FACT_FIELDS = (
    "subject",
    "subject_id",
    "metric",
    "value",
    "value_max",
    "previous",
    "unit",
    "period",
    "claim_type",
    "qualifier",
    "attribution",
    "approximate",
    "text",
    "start",
    "end",
    "sentence",
    "confidence",
    "evidence",
)


def document_row(record: DocumentRecord, now: datetime) -> dict[str, Any]:
    meta = record.meta
    vectors = record.embeddings
    has_vectors = vectors is not None and getattr(vectors, "size", 0) > 0
    matrix = np.asarray(vectors, dtype=np.float32) if has_vectors else None
    return {
        "id": record.id,
        "sha256": record.sha256,
        "source": meta.get("source"),
        "title": meta.get("title"),
        "lang": meta["lang"],
        "media_type": record.media_type,
        "text": record.text,
        "chars": len(record.text),
        "extractor_version": record.extractor_version,
        "summary": record.facts_document.get("summary") or {},
        "sentences": [list(span) for span in record.sentences] if record.sentences else None,
        "embeddings": matrix.tobytes() if matrix is not None else None,
        "embedding_dim": int(matrix.shape[-1]) if matrix is not None else None,
        "created_at": now,
        "processed_at": now,
    }


def fact_rows(document_id: str, record: DocumentRecord) -> list[dict[str, Any]]:
    rows = []
    for ordinal, fact in enumerate(record.facts_document.get("facts") or []):
        bounds = period_bounds(fact.get("period"))
        rows.append(
            {
                "document_id": document_id,
                "ordinal": ordinal,
                "subject": fact.get("subject"),
                "subject_id": fact.get("subject_id"),
                "metric": fact.get("metric"),
                "value": fact.get("value"),
                "value_max": fact.get("value_max"),
                "previous": fact.get("previous"),
                "unit": fact.get("unit"),
                "period": fact.get("period"),
                "period_start": bounds[0] if bounds else None,
                "period_end": bounds[1] if bounds else None,
                "claim_type": fact.get("claim_type"),
                "qualifier": fact.get("qualifier"),
                "attribution": fact.get("attribution"),
                "approximate": bool(fact.get("approximate")),
                "text": fact.get("text"),
                "start_char": fact.get("start"),
                "end_char": fact.get("end"),
                "sentence": fact.get("sentence") or "",
                "confidence": fact.get("confidence"),
                "evidence": list(fact.get("evidence") or []),
                "search_text": search_text(
                    (
                        fact.get("subject"),
                        fact.get("subject_id"),
                        (fact.get("metric") or "").replace("_", " "),
                        fact.get("qualifier"),
                        fact.get("attribution"),
                        fact.get("text"),
                        fact.get("sentence"),
                    )
                ),
            }
        )
    return rows


def mention_rows(document_id: str, record: DocumentRecord) -> tuple[list[dict], list[dict]]:
    """``(entity rows, document_entity rows)``, one per entity id, sorted by id.

    Sorted so concurrent writers always lock entity rows in the same order
    (no deadlock on PostgreSQL).
    """
    merged: dict[str, dict[str, Any]] = {}
    for entity in record.facts_document.get("entities") or []:
        known = merged.get(entity["id"])
        if known is None:
            merged[entity["id"]] = {
                "id": entity["id"],
                "name": entity.get("name") or entity["id"],
                "type": entity.get("type") or "company",
                "mentions": int(entity.get("mentions") or 0),
            }
        else:
            known["mentions"] += int(entity.get("mentions") or 0)
    ordered = [merged[key] for key in sorted(merged)]
    entity_rows = [{"id": e["id"], "name": e["name"], "type": e["type"]} for e in ordered]
    links = [
        {"document_id": document_id, "entity_id": e["id"], "mentions": e["mentions"]}
        for e in ordered
    ]
    return entity_rows, links


def fact_dict(row: RowMapping, with_location: bool = False) -> dict[str, Any]:
    """A stored fact in FACTS.md field order; ``with_location`` adds id, document, language."""
    out: dict[str, Any] = {}
    if with_location:
        out = {"id": row["id"], "document_id": row["document_id"], "lang": row["lang"]}
    for name in FACT_FIELDS:
        column = {"start": "start_char", "end": "end_char"}.get(name, name)
        out[name] = row[column]
    out["approximate"] = bool(out["approximate"])
    out["evidence"] = list(out["evidence"] or [])
    return out


def document_meta(row: RowMapping) -> dict[str, Any]:
    return {
        "id": row["id"],
        "source": row["source"],
        "lang": row["lang"],
        "title": row["title"],
        "sha256": row["sha256"],
        "chars": row["chars"],
        "media_type": row["media_type"],
        "extractor_version": row["extractor_version"],
        "created_at": _iso(row["created_at"]),
        "processed_at": _iso(row["processed_at"]),
    }


def _iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    # SQLite hands datetimes back naive; they were written in UTC.
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).isoformat()
