"""Stored sentence vectors, kept in memory per process for the similarity half of search.

Vectors are computed once per document and stored with it (``FactStore.
save_embeddings``): at extraction when summaries use embeddings, else here, the
first time a search meets a document without them — so uploads and batch workers
never pay for the encoder. Reading every blob for every query would cost more
than the query itself, so each process keeps them, keyed by document and its
``processed_at``: a re-extracted document is read again, a deleted one dropped.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

import numpy as np
import sqlalchemy as sa

from service.store import FactStore
from service.store.tables import documents

Encode = Callable[[Sequence[str]], np.ndarray]


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

    def refresh(
        self, store: FactStore, dim: int, encode: Encode | None = None
    ) -> dict[str, DocumentVectors]:
        """Bring the cache in step with the store (encoding documents stored without
        vectors when ``encode`` is given); returns a snapshot safe to read."""
        if encode is not None:
            _encode_missing(store, encode)
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


def _encode_missing(store: FactStore, encode: Encode) -> None:
    statement = sa.select(documents.c.id).where(documents.c.embedding_dim.is_(None))
    with store.engine.connect() as connection, connection.begin():
        missing = [row.id for row in connection.execute(statement)]
    for document_id in missing:
        text = store.get_text(document_id)
        stored = store.get_embeddings(document_id)
        spans = (stored or {}).get("sentences")
        if text is None or not spans:
            continue
        store.save_embeddings(document_id, encode([text[s:e] for s, e in spans]))


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
