"""Stored sentence vectors, kept in memory per process for the similarity half of search.

The vectors were computed once, at extraction, and stored with their document
(``FactStore.get_embeddings``). Reading every blob for every query would cost
more than the query itself, so each process keeps them, keyed by document and
its ``processed_at``: a re-extracted document is read again, a deleted one
dropped. A zero row is a sentence the extractor did not encode (see
``models.pipeline._candidate_embeddings``): it gets no similarity score.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime

import numpy as np
import sqlalchemy as sa

from service.store import FactStore
from service.store.tables import documents


@dataclass(frozen=True, slots=True)
class DocumentVectors:
    processed_at: datetime
    lang: str
    ordinals: np.ndarray  # sentence ordinal of each row kept
    matrix: np.ndarray  # (rows, dim), unit rows


class VectorCache:
    def __init__(self) -> None:
        self._documents: dict[str, DocumentVectors] = {}
        self._lock = threading.Lock()

    def refresh(self, store: FactStore, dim: int) -> dict[str, DocumentVectors]:
        """Bring the cache in step with the store; returns a snapshot safe to read."""
        statement = sa.select(documents.c.id, documents.c.processed_at, documents.c.lang).where(
            documents.c.embedding_dim == dim
        )
        with store.engine.connect() as connection, connection.begin():
            current = {row.id: row for row in connection.execute(statement)}
        with self._lock:
            for gone in set(self._documents) - set(current):
                del self._documents[gone]
            stale = [
                row
                for document_id, row in current.items()
                if document_id not in self._documents
                or self._documents[document_id].processed_at != row.processed_at
            ]
        for row in stale:
            loaded = _load(store, row.id, row.processed_at, row.lang)
            with self._lock:
                if loaded is None:
                    self._documents.pop(row.id, None)
                else:
                    self._documents[row.id] = loaded
        with self._lock:
            return dict(self._documents)


def _load(store: FactStore, document_id: str, processed_at: datetime, lang: str):
    stored = store.get_embeddings(document_id)
    if stored is None or stored["embeddings"] is None:
        return None
    matrix = np.asarray(stored["embeddings"], dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1)
    kept = np.flatnonzero(norms > 1e-6)
    return DocumentVectors(
        processed_at=processed_at,
        lang=lang,
        ordinals=kept,
        matrix=matrix[kept] / norms[kept, None],
    )
