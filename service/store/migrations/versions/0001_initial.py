"""Documents, entities, mentions and facts, with each backend's full-text index.

Revision ID: 0001
Revises:
Create Date: 2025-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

FactId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

# FTS5 over the external-content facts table, kept in step by triggers so the
# index can never disagree with the rows (deletes cascade through the trigger).
SQLITE_FTS = (
    "CREATE VIRTUAL TABLE facts_fts USING fts5(search_text, content='facts', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER facts_fts_insert AFTER INSERT ON facts BEGIN "
    "INSERT INTO facts_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER facts_fts_delete AFTER DELETE ON facts BEGIN "
    "INSERT INTO facts_fts(facts_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER facts_fts_update AFTER UPDATE OF search_text ON facts BEGIN "
    "INSERT INTO facts_fts(facts_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO facts_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
)

# 'simple' (no stemming): facts mix French and English, and search_text is
# already accent-folded and lower-cased in Python, the same way as on SQLite.
POSTGRES_FTS = (
    "ALTER TABLE facts ADD COLUMN search_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED",
    "CREATE INDEX ix_facts_search_vector ON facts USING gin (search_vector)",
)


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(16), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("source", sa.Text()),
        sa.Column("title", sa.Text()),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("media_type", sa.String(128), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("chars", sa.Integer(), nullable=False),
        sa.Column("extractor_version", sa.String(64), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.Column("sentences", sa.JSON()),
        sa.Column("embeddings", sa.LargeBinary()),
        sa.Column("embedding_dim", sa.Integer()),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("processed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
        sa.UniqueConstraint("sha256", name="uq_documents_sha256"),
    )
    op.create_index("ix_documents_lang", "documents", ["lang"])
    op.create_index("ix_documents_created_at", "documents", ["created_at"])
    op.create_table(
        "entities",
        sa.Column("id", sa.String(200), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_entities"),
    )
    op.create_table(
        "document_entities",
        sa.Column("document_id", sa.String(16), nullable=False),
        sa.Column("entity_id", sa.String(200), nullable=False),
        sa.Column("mentions", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_document_entities_document_id_documents",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["entities.id"], name="fk_document_entities_entity_id_entities"
        ),
        sa.PrimaryKeyConstraint("document_id", "entity_id", name="pk_document_entities"),
    )
    op.create_index("ix_document_entities_entity_id", "document_entities", ["entity_id"])
    op.create_table(
        "facts",
        sa.Column("id", FactId, nullable=False, autoincrement=True),
        sa.Column("document_id", sa.String(16), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("subject", sa.Text()),
        sa.Column("subject_id", sa.String(200)),
        sa.Column("metric", sa.String(64), nullable=False),
        sa.Column("value", sa.Double(), nullable=False),
        sa.Column("value_max", sa.Double()),
        sa.Column("previous", sa.Double()),
        sa.Column("unit", sa.String(32), nullable=False),
        sa.Column("period", sa.String(32)),
        sa.Column("period_start", sa.Date()),
        sa.Column("period_end", sa.Date()),
        sa.Column("claim_type", sa.String(32), nullable=False),
        sa.Column("qualifier", sa.Text()),
        sa.Column("attribution", sa.Text()),
        sa.Column("approximate", sa.Boolean(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("confidence", sa.Double(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_facts_document_id_documents",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_facts"),
        sa.UniqueConstraint("document_id", "ordinal", name="uq_facts_document_id_ordinal"),
    )
    op.create_index("ix_facts_subject_id", "facts", ["subject_id"])
    op.create_index("ix_facts_metric", "facts", ["metric"])
    op.create_index("ix_facts_period_start", "facts", ["period_start"])
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": SQLITE_FTS, "postgresql": POSTGRES_FTS}.get(dialect, ()):
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS facts_fts")
    op.drop_table("facts")
    op.drop_table("document_entities")
    op.drop_table("entities")
    op.drop_table("documents")
