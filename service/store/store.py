"""``FactStore``: the one storage interface of Rapport, on SQLite or PostgreSQL.

Every write is one transaction: a document, its mentions and its facts land
together or not at all, and re-extraction swaps a document's facts atomically.
Adding a document is idempotent on the SHA-256 of its bytes, also when several
writers add the same bytes at the same moment.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import numpy as np
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from service.store import queries
from service.store.engine import WRITE_OPTION, create_store_engine
from service.store.migrate import current_revision, upgrade_to_head
from service.store.records import DocumentRecord, FactFilters
from service.store.rows import document_meta, document_row, fact_dict, fact_rows, mention_rows
from service.store.tables import document_entities, documents, entities, facts


class FactStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.backend = engine.dialect.name

    @classmethod
    def from_url(cls, database_url: str) -> FactStore:
        return cls(create_store_engine(database_url))

    def migrate(self) -> str:
        return upgrade_to_head(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self.engine.connect() as connection:
            connection.execution_options(**{WRITE_OPTION: True})
            with connection.begin():
                yield connection

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self.engine.connect() as connection, connection.begin():
            yield connection

    # -- documents ---------------------------------------------------------------

    def find_by_sha256(self, sha256: str) -> str | None:
        with self._read() as connection:
            return connection.scalar(sa.select(documents.c.id).where(documents.c.sha256 == sha256))

    def add_document(self, record: DocumentRecord) -> tuple[str, bool]:
        """Store a document with its entities and facts; ``(id, created)``.

        Same bytes again (same SHA-256) return the stored id with ``created`` False
        and change nothing.
        """
        try:
            with self._write() as connection:
                existing = connection.scalar(
                    sa.select(documents.c.id).where(documents.c.sha256 == record.sha256)
                )
                if existing is not None:
                    return existing, False
                connection.execute(sa.insert(documents), [document_row(record, _now())])
                self._insert_extraction(connection, record.id, record)
                return record.id, True
        except IntegrityError:
            # A concurrent writer stored the same bytes between our check and insert
            # (PostgreSQL, READ COMMITTED). Anything else is a real error.
            existing = self.find_by_sha256(record.sha256)
            if existing is None:
                raise
            return existing, False

    def replace_facts(self, document_id: str, record: DocumentRecord) -> bool:
        """Swap a document's mentions, facts and summary for a new extraction, atomically."""
        with self._write() as connection:
            found = connection.scalar(
                sa.select(documents.c.id).where(documents.c.id == document_id)
            )
            if found is None:
                return False
            connection.execute(sa.delete(facts).where(facts.c.document_id == document_id))
            connection.execute(
                sa.delete(document_entities).where(document_entities.c.document_id == document_id)
            )
            fresh = document_row(record, _now())
            connection.execute(
                sa.update(documents)
                .where(documents.c.id == document_id)
                .values(
                    {
                        name: fresh[name]
                        for name in (
                            "lang",
                            "extractor_version",
                            "summary",
                            "sentences",
                            "embeddings",
                            "embedding_dim",
                            "processed_at",
                        )
                    }
                )
            )
            self._insert_extraction(connection, document_id, record)
            return True

    def _insert_extraction(self, connection: Connection, document_id: str, record) -> None:
        entity_rows, links = mention_rows(document_id, record)
        if entity_rows:
            connection.execute(self._insert_ignoring_duplicates(entities), entity_rows)
            connection.execute(sa.insert(document_entities), links)
        rows = fact_rows(document_id, record)
        if rows:
            connection.execute(sa.insert(facts), rows)

    def _insert_ignoring_duplicates(self, table: sa.Table):
        dialect_insert = postgresql.insert if self.backend == "postgresql" else sqlite.insert
        return dialect_insert(table).on_conflict_do_nothing(index_elements=["id"])

    def get_document(self, document_id: str) -> dict[str, Any] | None:
        """The FACTS.md object of a stored document (``document``, ``entities``, ``facts``,
        ``summary``)."""
        with self._read() as connection:
            row = (
                connection.execute(sa.select(documents).where(documents.c.id == document_id))
                .mappings()
                .first()
            )
            if row is None:
                return None
            mentions = connection.execute(
                sa.select(
                    entities.c.id, entities.c.name, entities.c.type, document_entities.c.mentions
                )
                .join(entities, entities.c.id == document_entities.c.entity_id)
                .where(document_entities.c.document_id == document_id)
                .order_by(document_entities.c.mentions.desc(), entities.c.id)
            ).mappings()
            fact_list = connection.execute(
                sa.select(*facts.c, documents.c.lang)
                .join(documents, documents.c.id == facts.c.document_id)
                .where(facts.c.document_id == document_id)
                .order_by(facts.c.ordinal)
            ).mappings()
            return {
                "document": document_meta(row),
                "entities": [dict(m) for m in mentions],
                "facts": [fact_dict(f) for f in fact_list],
                "summary": row["summary"] or {},
            }

    def get_text(self, document_id: str) -> str | None:
        with self._read() as connection:
            return connection.scalar(
                sa.select(documents.c.text).where(documents.c.id == document_id)
            )

    def get_embeddings(self, document_id: str) -> dict[str, Any] | None:
        """Sentence spans and their vectors (``float32``, one row a sentence), if kept."""
        with self._read() as connection:
            row = (
                connection.execute(
                    sa.select(
                        documents.c.sentences, documents.c.embeddings, documents.c.embedding_dim
                    ).where(documents.c.id == document_id)
                )
                .mappings()
                .first()
            )
        if row is None:
            return None
        vectors = None
        if row["embeddings"] is not None and row["embedding_dim"]:
            vectors = np.frombuffer(row["embeddings"], dtype=np.float32).reshape(
                -1, row["embedding_dim"]
            )
        sentences = [tuple(span) for span in row["sentences"]] if row["sentences"] else None
        return {"sentences": sentences, "embeddings": vectors}

    def save_embeddings(self, document_id: str, embeddings: np.ndarray) -> bool:
        """Keep sentence vectors computed after the document was stored (search encodes
        lazily); one row per stored sentence. False when the document is gone."""
        matrix = np.ascontiguousarray(embeddings, dtype=np.float32)
        with self._write() as connection:
            updated = connection.execute(
                sa.update(documents)
                .where(documents.c.id == document_id)
                .values(embeddings=matrix.tobytes(), embedding_dim=int(matrix.shape[1]))
            )
        return bool(updated.rowcount)

    def get_source(self, document_id: str) -> dict[str, Any] | None:
        """What re-extraction needs: text, language, title, source, sha256, media type."""
        with self._read() as connection:
            row = (
                connection.execute(
                    sa.select(
                        documents.c.text,
                        documents.c.lang,
                        documents.c.title,
                        documents.c.source,
                        documents.c.sha256,
                        documents.c.media_type,
                    ).where(documents.c.id == document_id)
                )
                .mappings()
                .first()
            )
            return dict(row) if row is not None else None

    def list_documents(
        self, limit: int, offset: int, lang: list[str] | None = None
    ) -> tuple[list[dict[str, Any]], int]:
        fact_counts = (
            sa.select(facts.c.document_id, sa.func.count().label("facts"))
            .group_by(facts.c.document_id)
            .subquery()
        )
        conditions = [documents.c.lang.in_(lang)] if lang else []
        columns = [
            c for c in documents.c if c.name not in ("text", "summary", "sentences", "embeddings")
        ]
        statement = (
            sa.select(*columns, sa.func.coalesce(fact_counts.c.facts, 0).label("facts"))
            .outerjoin(fact_counts, fact_counts.c.document_id == documents.c.id)
            .where(*conditions)
            .order_by(documents.c.created_at.desc(), documents.c.id)
            .limit(limit)
            .offset(offset)
        )
        with self._read() as connection:
            total = connection.scalar(
                sa.select(sa.func.count()).select_from(documents).where(*conditions)
            )
            rows = connection.execute(statement).mappings().all()
        return [{**document_meta(row), "facts": row["facts"]} for row in rows], total or 0

    def delete_document(self, document_id: str) -> bool:
        with self._write() as connection:
            # Facts first and explicitly, so the SQLite FTS trigger sees each delete.
            connection.execute(sa.delete(facts).where(facts.c.document_id == document_id))
            connection.execute(
                sa.delete(document_entities).where(document_entities.c.document_id == document_id)
            )
            deleted = connection.execute(sa.delete(documents).where(documents.c.id == document_id))
            return deleted.rowcount > 0

    # -- facts and entities ------------------------------------------------------

    def query_facts(
        self, filters: FactFilters, sort: str = "period", limit: int = 50, offset: int = 0
    ) -> tuple[list[dict[str, Any]], int]:
        rows_statement, count_statement = queries.facts_select(filters, self.backend)
        rows_statement = (
            rows_statement.order_by(*queries.fact_order(sort)).limit(limit).offset(offset)
        )
        with self._read() as connection:
            total = connection.scalar(count_statement) or 0
            rows = connection.execute(rows_statement).mappings().all()
        return [fact_dict(row, with_location=True) for row in rows], total

    def list_entities(
        self,
        q: str | None = None,
        types: list[str] | None = None,
        sort: str = "-facts",
        limit: int = 50,
        offset: int = 0,
    ) -> tuple[list[dict[str, Any]], int]:
        rows_statement, count_statement = queries.entities_select(q, types or [], sort)
        with self._read() as connection:
            total = connection.scalar(count_statement) or 0
            rows = connection.execute(rows_statement.limit(limit).offset(offset)).mappings().all()
        return [dict(row) for row in rows], total

    def get_entity(
        self, entity_id: str, limit: int = 200, offset: int = 0
    ) -> dict[str, Any] | None:
        """The entity with its counts and its facts in period order (oldest first)."""
        with self._read() as connection:
            candidates = (
                connection.execute(
                    sa.select(entities.c.id).where(
                        sa.func.lower(entities.c.id) == entity_id.lower()
                    )
                )
                .scalars()
                .all()
            )
        if not candidates:
            return None
        resolved = entity_id if entity_id in candidates else sorted(candidates)[0]
        summary_statement, _ = queries.entities_select(None, [], "id", ids=[resolved])
        with self._read() as connection:
            summary = connection.execute(summary_statement).mappings().first()
        if summary is None:  # known id, but no stored document names it any more
            return None
        fact_list, total = self.query_facts(
            FactFilters(subject_id=[resolved]), sort="period", limit=limit, offset=offset
        )
        return {"entity": dict(summary), "facts": fact_list, "count": total}

    # -- health ------------------------------------------------------------------

    def health(self) -> dict[str, Any]:
        try:
            with self._read() as connection:
                documents_count = connection.scalar(
                    sa.select(sa.func.count()).select_from(documents)
                )
            revision = current_revision(self.engine)
        except SQLAlchemyError as exc:
            return {"ok": False, "backend": self.backend, "error": type(exc).__name__}
        return {
            "ok": True,
            "backend": self.backend,
            "documents": documents_count,
            "schema": revision,
        }


def _now() -> datetime:
    return datetime.now(UTC)
