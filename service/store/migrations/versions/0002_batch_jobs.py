"""Batch jobs and their per-file outcomes, so an interrupted ingest can resume.

Revision ID: 0002_batch
Revises: 0001
Create Date: 2025-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_batch"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "batch_jobs",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("engine", sa.String(16), nullable=False),
        sa.Column("workers", sa.Integer(), nullable=False),
        sa.Column("paths", sa.JSON(), nullable=False),
        sa.Column("reprocess", sa.Boolean(), nullable=False),
        sa.Column("extractor_version", sa.String(64), nullable=False),
        sa.Column("total", sa.Integer()),
        sa.Column("owner", sa.String(255)),
        sa.Column("error", sa.Text()),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True)),
        sa.PrimaryKeyConstraint("id", name="pk_batch_jobs"),
    )
    op.create_index("ix_batch_jobs_key", "batch_jobs", ["key"])
    op.create_table(
        "batch_items",
        sa.Column("job_id", sa.String(32), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("sha256", sa.String(64)),
        sa.Column("document_id", sa.String(16)),
        sa.Column("facts", sa.Integer()),
        sa.Column("code", sa.String(64)),
        sa.Column("message", sa.Text()),
        sa.Column("worker", sa.String(255)),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["job_id"],
            ["batch_jobs.id"],
            name="fk_batch_items_job_id_batch_jobs",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("job_id", "path", name="pk_batch_items"),
    )
    op.create_index("ix_batch_items_job_id_status", "batch_items", ["job_id", "status"])


def downgrade() -> None:
    op.drop_table("batch_items")
    op.drop_table("batch_jobs")
