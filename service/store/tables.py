"""The schema as SQLAlchemy Core tables, shared by the queries and by Alembic.

The migrations in ``migrations/versions`` create exactly these tables, plus the
full-text index each backend needs (an FTS5 table on SQLite, a generated
``tsvector`` column on PostgreSQL), which is not expressible portably here.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# SQLite only makes an INTEGER PRIMARY KEY the rowid, which FTS5 external content needs.
FactId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.String(16), primary_key=True),
    sa.Column("sha256", sa.String(64), nullable=False, unique=True),
    sa.Column("source", sa.Text()),
    sa.Column("title", sa.Text()),
    sa.Column("lang", sa.String(8), nullable=False, index=True),
    sa.Column("media_type", sa.String(128), nullable=False),
    sa.Column("text", sa.Text(), nullable=False),
    sa.Column("chars", sa.Integer(), nullable=False),
    sa.Column("extractor_version", sa.String(64), nullable=False),
    sa.Column("summary", sa.JSON(), nullable=False),
    sa.Column("sentences", sa.JSON()),
    sa.Column("embeddings", sa.LargeBinary()),
    sa.Column("embedding_dim", sa.Integer()),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, index=True),
    sa.Column("processed_at", sa.DateTime(timezone=True), nullable=False),
)

entities = sa.Table(
    "entities",
    metadata,
    sa.Column("id", sa.String(200), primary_key=True),
    sa.Column("name", sa.Text(), nullable=False),
    sa.Column("type", sa.String(32), nullable=False),
)

document_entities = sa.Table(
    "document_entities",
    metadata,
    sa.Column(
        "document_id",
        sa.String(16),
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("entity_id", sa.String(200), sa.ForeignKey("entities.id"), primary_key=True),
    sa.Column("mentions", sa.Integer(), nullable=False),
    sa.Index(None, "entity_id"),
)

facts = sa.Table(
    "facts",
    metadata,
    sa.Column("id", FactId, primary_key=True, autoincrement=True),
    sa.Column(
        "document_id",
        sa.String(16),
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("ordinal", sa.Integer(), nullable=False),
    sa.Column("subject", sa.Text()),
    sa.Column("subject_id", sa.String(200), index=True),
    sa.Column("metric", sa.String(64), nullable=False, index=True),
    sa.Column("value", sa.Double(), nullable=False),
    sa.Column("value_max", sa.Double()),
    sa.Column("previous", sa.Double()),
    sa.Column("unit", sa.String(32), nullable=False),
    sa.Column("period", sa.String(32)),
    # Calendar bounds of ``period``, so period ranges compare as dates, not strings.
    sa.Column("period_start", sa.Date(), index=True),
    sa.Column("period_end", sa.Date()),
    sa.Column("claim_type", sa.String(32), nullable=False),
    sa.Column("qualifier", sa.Text()),
    sa.Column("attribution", sa.Text()),
    sa.Column("approximate", sa.Boolean(), nullable=False),
    sa.Column("text", sa.Text(), nullable=False),
    # "start"/"end" are SQL keywords; the API still calls them start/end.
    sa.Column("start_char", sa.Integer(), nullable=False),
    sa.Column("end_char", sa.Integer(), nullable=False),
    sa.Column("sentence", sa.Text(), nullable=False),
    sa.Column("confidence", sa.Double(), nullable=False),
    sa.Column("evidence", sa.JSON(), nullable=False),
    # Accent-folded, lower-cased words of the fact, indexed by each backend's full text.
    sa.Column("search_text", sa.Text(), nullable=False),
    sa.UniqueConstraint("document_id", "ordinal"),
)
