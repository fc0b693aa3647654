"""What the store takes in (``DocumentRecord``) and the query options it understands."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from service.ingest import document_id


@dataclass(slots=True)
class DocumentRecord:
    """One extracted document ready to store: the FACTS.md object plus what produced it.

    ``facts_document`` is exactly the extractor's ``to_dict()``; ``text`` is the plain
    text its offsets refer to.
    """

    facts_document: dict[str, Any]
    text: str
    media_type: str
    extractor_version: str
    sentences: list[tuple[int, int]] | None = None
    embeddings: np.ndarray | None = None

    @classmethod
    def from_result(
        cls,
        result: Any,
        text: str,
        media_type: str,
        extractor_version: str,
        keep_embeddings: bool = True,
    ) -> DocumentRecord:
        """From an ``ExtractionResult`` (duck-typed: the store does not import models)."""
        sentences = getattr(result, "sentences", None)
        embeddings = getattr(result, "sentence_embeddings", None) if keep_embeddings else None
        return cls(
            facts_document=result.to_dict(),
            text=text,
            media_type=media_type,
            extractor_version=extractor_version,
            sentences=[(int(start), int(end)) for start, end in sentences] if sentences else None,
            embeddings=embeddings,
        )

    @property
    def meta(self) -> dict[str, Any]:
        return self.facts_document["document"]

    @property
    def sha256(self) -> str:
        return self.meta["sha256"]

    @property
    def id(self) -> str:
        return document_id(self.sha256)


FACT_SORTS: dict[str, str] = {
    "period": "period bounds, then document order",
    "value": "value",
    "confidence": "confidence",
    "metric": "metric code",
    "subject": "subject id",
    "created": "when the document was stored",
    "position": "document, then order within the document",
}


@dataclass(slots=True)
class FactFilters:
    """Filters of ``FactStore.query_facts``; list fields match any of their values."""

    subject: str | None = None
    subject_id: list[str] = field(default_factory=list)
    metric: list[str] = field(default_factory=list)
    claim_type: list[str] = field(default_factory=list)
    attribution: str | None = None
    unit: list[str] = field(default_factory=list)
    lang: list[str] = field(default_factory=list)
    document_id: list[str] = field(default_factory=list)
    period: str | None = None
    period_from: str | None = None
    period_to: str | None = None
    min_value: float | None = None
    max_value: float | None = None
    q: str | None = None
