"""The search tables of migration ``0003_search``, as SQLAlchemy Core tables.

Kept apart from ``service.store.tables``: the rows are derived from stored
documents (rebuilt by ``service.search.index``), not part of the fact store's
own contract. The full-text column/table of each backend lives only in the
migration, as for facts.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

SentenceId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

sentence_sources = sa.Table(
    "sentence_sources",
    metadata,
    sa.Column("document_id", sa.String(16), primary_key=True),
    # The document's processed_at when its sentences were indexed: a newer
    # extraction (reprocess) makes the rows stale.
    sa.Column("processed_at", sa.DateTime(timezone=True), nullable=False),
)

sentences = sa.Table(
    "sentences",
    metadata,
    sa.Column("id", SentenceId, primary_key=True, autoincrement=True),
    sa.Column("document_id", sa.String(16), nullable=False),
    sa.Column("ordinal", sa.Integer(), nullable=False),
    sa.Column("start_char", sa.Integer(), nullable=False),
    sa.Column("end_char", sa.Integer(), nullable=False),
    sa.Column("text", sa.Text(), nullable=False),
    sa.Column("search_text", sa.Text(), nullable=False),
    # Folded words of the document's title: weaker full-text evidence for every sentence.
    sa.Column("context", sa.Text(), nullable=False),
)
