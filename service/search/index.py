"""Keep the sentence index in step with the stored documents.

The store writes documents; this module derives their sentence rows. Before a
search, ``sync`` indexes every document that has no rows yet or whose rows
come from an older extraction (``processed_at`` moved on: reprocess). Deleted
documents take their rows with them (foreign keys cascade; on SQLite the FTS
trigger sees each cascaded delete). The check is one indexed join, so a
search on an up-to-date store pays almost nothing for it.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from models.errors import RapportError
from models.schema import SUPPORTED_LANGUAGES
from models.sentences import sentence_spans
from service.search.tables import sentence_sources, sentences
from service.store.engine import WRITE_OPTION
from service.store.search import search_text
from service.store.tables import documents


def stale_documents(engine: Engine) -> list[str]:
    """Ids of documents whose sentence rows are missing or older than their extraction."""
    statement = (
        sa.select(documents.c.id)
        .outerjoin(sentence_sources, sentence_sources.c.document_id == documents.c.id)
        .where(
            sa.or_(
                sentence_sources.c.document_id.is_(None),
                sentence_sources.c.processed_at != documents.c.processed_at,
            )
        )
        .order_by(documents.c.id)
    )
    with engine.connect() as connection, connection.begin():
        return list(connection.scalars(statement))


def sync(engine: Engine) -> int:
    """Index every stale document; returns how many were (re)indexed."""
    indexed = 0
    for document_id in stale_documents(engine):
        indexed += index_document(engine, document_id)
    return indexed


def index_document(engine: Engine, document_id: str) -> bool:
    """Rebuild one document's sentence rows in one transaction; False if nothing to do."""
    try:
        with engine.connect() as connection:
            connection.execution_options(**{WRITE_OPTION: True})
            with connection.begin():
                return _rebuild(connection, document_id)
    except IntegrityError:
        # PostgreSQL: a concurrent search indexed the same document first; its rows stand.
        return False


def _rebuild(connection: Connection, document_id: str) -> bool:
    row = (
        connection.execute(
            sa.select(
                documents.c.text,
                documents.c.title,
                documents.c.lang,
                documents.c.sentences,
                documents.c.processed_at,
            ).where(documents.c.id == document_id)
        )
        .mappings()
        .first()
    )
    if row is None:
        return False
    current = connection.scalar(
        sa.select(sentence_sources.c.processed_at).where(
            sentence_sources.c.document_id == document_id
        )
    )
    if current is not None and current == row["processed_at"]:
        return False  # another writer got here between the check and this transaction
    connection.execute(sa.delete(sentences).where(sentences.c.document_id == document_id))
    connection.execute(
        sa.delete(sentence_sources).where(sentence_sources.c.document_id == document_id)
    )
    rows = sentence_rows(document_id, row["text"], _spans(row), context=row["title"])
    if rows:
        connection.execute(sa.insert(sentences), rows)
    connection.execute(
        sa.insert(sentence_sources),
        [{"document_id": document_id, "processed_at": row["processed_at"]}],
    )
    return True


def _spans(row: Any) -> list[tuple[int, int]]:
    """The extractor's sentence spans as stored, else the same splitter run again."""
    if row["sentences"]:
        return [(int(start), int(end)) for start, end in row["sentences"]]
    if row["lang"] not in SUPPORTED_LANGUAGES:
        return []
    try:
        return sentence_spans(row["text"], row["lang"])
    except RapportError:
        return []


def sentence_rows(
    document_id: str, text: str, spans: list[tuple[int, int]], context: str | None = None
) -> list[dict[str, Any]]:
    context_words = search_text([context])
    rows = []
    for ordinal, (start, end) in enumerate(spans):
        sentence = text[start:end]
        words = search_text([sentence])
        if not words:  # nothing a query could match (a rule, a lone symbol)
            continue
        rows.append(
            {
                "document_id": document_id,
                "ordinal": ordinal,
                "start_char": start,
                "end_char": end,
                "text": sentence,
                "search_text": words,
                "context": context_words,
            }
        )
    return rows
