"""Sentences of every document with each backend's full-text index, for ``/search``.

``sentences`` holds one row per sentence: offsets, original text, accent-folded
words, and as ``context`` the folded words of its document's title, indexed with
a lower weight so "NVIDIA data center revenue" finds NVIDIA's data-center
sentence that does not repeat the name. ``sentence_sources`` records which
extraction of a document (its ``processed_at``) the rows were built from, so a
re-extraction is noticed and a document with no sentence is not indexed again
and again. Both cascade with their document. The rows are derived data, rebuilt
by ``service.search.index``.

Revision ID: 0003_search
Revises: 0002_batch
Create Date: 2025-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_search"
down_revision = "0002_batch"
branch_labels = None
depends_on = None

SentenceId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

# Same scheme as facts_fts in 0001: external content kept in step by triggers.
SQLITE_FTS = (
    "CREATE VIRTUAL TABLE sentences_fts USING fts5(search_text, context, "
    "content='sentences', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN "
    "INSERT INTO sentences_fts(rowid, search_text, context) "
    "VALUES (new.id, new.search_text, new.context); END",
    "CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN "
    "INSERT INTO sentences_fts(sentences_fts, rowid, search_text, context) "
    "VALUES ('delete', old.id, old.search_text, old.context); END",
)

POSTGRES_FTS = (
    # Labels: A the sentence, C its document's title (weighted at query time).
    "ALTER TABLE sentences ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('simple', search_text), 'A') || "
    "setweight(to_tsvector('simple', context), 'C')) STORED",
    "CREATE INDEX ix_sentences_search_vector ON sentences USING gin (search_vector)",
)


def upgrade() -> None:
    op.create_table(
        "sentence_sources",
        sa.Column("document_id", sa.String(16), nullable=False),
        sa.Column("processed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_sentence_sources_document_id_documents",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", name="pk_sentence_sources"),
    )
    op.create_table(
        "sentences",
        sa.Column("id", SentenceId, nullable=False, autoincrement=True),
        sa.Column("document_id", sa.String(16), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("context", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_sentences_document_id_documents",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_sentences"),
        sa.UniqueConstraint("document_id", "ordinal", name="uq_sentences_document_id_ordinal"),
    )
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": SQLITE_FTS, "postgresql": POSTGRES_FTS}.get(dialect, ()):
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS sentences_fts")
    op.drop_table("sentences")
    op.drop_table("sentence_sources")
