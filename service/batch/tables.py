"""The batch job tables, as SQLAlchemy Core: what the migration ``0002_batch`` creates.

They live in their own ``MetaData`` (not the store's): the store never reads them,
and a store test that truncates its own tables must not need to know about jobs.
``batch_items`` holds one row per file that reached an outcome; a file with no row
yet is simply still to do, so nothing has to be written before work starts.
"""

from __future__ import annotations

import sqlalchemy as sa

from service.store.tables import metadata as store_metadata

batch_metadata = sa.MetaData(naming_convention=store_metadata.naming_convention)

batch_jobs = sa.Table(
    "batch_jobs",
    batch_metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    # Same folders + same --reprocess + same extractor version = the same job, so a
    # restarted run continues it instead of starting over.
    sa.Column("key", sa.String(64), nullable=False, index=True),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("engine", sa.String(16), nullable=False),
    sa.Column("workers", sa.Integer(), nullable=False),
    sa.Column("paths", sa.JSON(), nullable=False),
    sa.Column("reprocess", sa.Boolean(), nullable=False),
    sa.Column("extractor_version", sa.String(64), nullable=False),
    sa.Column("total", sa.Integer()),
    # host:pid of the process running the job; with updated_at, tells a live job
    # from one whose process was killed.
    sa.Column("owner", sa.String(255)),
    sa.Column("error", sa.Text()),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("finished_at", sa.DateTime(timezone=True)),
)

batch_items = sa.Table(
    "batch_items",
    batch_metadata,
    sa.Column(
        "job_id",
        sa.String(32),
        sa.ForeignKey("batch_jobs.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("path", sa.Text(), primary_key=True),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("sha256", sa.String(64)),
    sa.Column("document_id", sa.String(16)),
    sa.Column("facts", sa.Integer()),
    sa.Column("code", sa.String(64)),
    sa.Column("message", sa.Text()),
    sa.Column("worker", sa.String(255)),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index(None, "job_id", "status"),
)
