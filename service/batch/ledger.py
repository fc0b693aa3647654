"""Job state in the database: which job, which files are done, what failed.

The store already makes the *documents* safe to resume (SHA-256 unique, one
transaction per document); the ledger makes the *job* resumable and observable:
a restarted run with the same folders and options continues the unfinished job
(files already done are not even hashed again, ``--reprocess`` does not redo
them), and ``GET /batches/{id}`` reads progress from here.

Outcome rows are flushed in small groups: a row lost to a kill only means that
file is looked at again on resume, where the store's SHA-256 check skips it.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from service.batch.model import DONE, ItemOutcome, JobStatus, Outcome
from service.batch.tables import batch_items, batch_jobs
from service.store.engine import WRITE_OPTION

# A job whose process is on another host is presumed dead after this long silent.
STALE_AFTER = timedelta(minutes=5)


def owner_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def job_key(paths: Iterable[str], reprocess: bool, extractor_version: str) -> str:
    payload = json.dumps([sorted(paths), reprocess, extractor_version])
    return hashlib.sha256(payload.encode()).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(moment: datetime) -> datetime:
    # SQLite hands timestamps back without their zone; they were written in UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def owner_alive(owner: str | None, updated_at: datetime) -> bool:
    """Is the process that last wrote this job still there?"""
    if not owner:
        return False
    host, _, pid = owner.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return _now() - _aware(updated_at) < STALE_AFTER
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, owned by another user
        return True
    return True


class JobLedger:
    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    def _write(self):
        connection = self.engine.connect()
        connection.execution_options(**{WRITE_OPTION: True})
        return connection

    # -- jobs --------------------------------------------------------------------

    def create_job(
        self,
        *,
        key: str,
        paths: list[str],
        engine: str,
        workers: int,
        reprocess: bool,
        extractor_version: str,
        status: JobStatus = JobStatus.queued,
    ) -> str:
        job_id = uuid.uuid4().hex
        now = _now()
        with self._write() as connection, connection.begin():
            connection.execute(
                sa.insert(batch_jobs).values(
                    id=job_id,
                    key=key,
                    status=status.value,
                    engine=engine,
                    workers=workers,
                    paths=paths,
                    reprocess=reprocess,
                    extractor_version=extractor_version,
                    owner=owner_name(),
                    created_at=now,
                    updated_at=now,
                )
            )
        return job_id

    def find_resumable(self, key: str) -> str | None:
        """The latest unfinished job with this key whose process is gone."""
        with self.engine.connect() as connection:
            rows = connection.execute(
                sa.select(
                    batch_jobs.c.id,
                    batch_jobs.c.owner,
                    batch_jobs.c.updated_at,
                    batch_jobs.c.status,
                )
                .where(batch_jobs.c.key == key, batch_jobs.c.status != JobStatus.done.value)
                .order_by(batch_jobs.c.created_at.desc())
            ).all()
        for row in rows:
            if row.status == JobStatus.stopped.value or not owner_alive(row.owner, row.updated_at):
                return row.id
        return None

    def start(self, job_id: str, engine: str, workers: int) -> None:
        self._update(
            job_id,
            status=JobStatus.running.value,
            engine=engine,
            workers=workers,
            owner=owner_name(),
            finished_at=None,
            error=None,
        )

    def set_total(self, job_id: str, total: int) -> None:
        self._update(job_id, total=total)

    def finish(self, job_id: str, status: JobStatus, error: str | None = None) -> None:
        self._update(job_id, status=status.value, error=error, finished_at=_now())

    def _update(self, job_id: str, **values: Any) -> None:
        with self._write() as connection, connection.begin():
            connection.execute(
                sa.update(batch_jobs)
                .where(batch_jobs.c.id == job_id)
                .values(updated_at=_now(), **values)
            )

    # -- items -------------------------------------------------------------------

    def done_paths(self, job_id: str) -> set[str]:
        with self.engine.connect() as connection:
            return set(
                connection.scalars(
                    sa.select(batch_items.c.path).where(
                        batch_items.c.job_id == job_id,
                        batch_items.c.status.in_([o.value for o in DONE]),
                    )
                )
            )

    def record(self, job_id: str, outcomes: list[ItemOutcome]) -> None:
        """Upsert the outcomes (a retried file replaces its earlier failure) + heartbeat."""
        if not outcomes:
            return
        now = _now()
        rows = [
            {
                "job_id": job_id,
                "path": o.path,
                "status": o.outcome.value,
                "sha256": o.sha256,
                "document_id": o.document_id,
                "facts": o.facts,
                "code": o.code,
                "message": o.message,
                "worker": o.worker,
                "updated_at": now,
            }
            for o in outcomes
        ]
        dialect_insert = (
            postgresql.insert if self.engine.dialect.name == "postgresql" else sqlite.insert
        )
        statement = dialect_insert(batch_items)
        statement = statement.on_conflict_do_update(
            index_elements=["job_id", "path"],
            set_={
                name: statement.excluded[name] for name in rows[0] if name not in ("job_id", "path")
            },
        )
        with self._write() as connection, connection.begin():
            connection.execute(statement, rows)
            connection.execute(
                sa.update(batch_jobs).where(batch_jobs.c.id == job_id).values(updated_at=now)
            )

    # -- reading -----------------------------------------------------------------

    def progress(self, job_id: str, failures_limit: int = 100) -> dict[str, Any] | None:
        with self.engine.connect() as connection:
            job = (
                connection.execute(sa.select(batch_jobs).where(batch_jobs.c.id == job_id))
                .mappings()
                .first()
            )
            if job is None:
                return None
            counts = {o.value: 0 for o in Outcome}
            for status, count in connection.execute(
                sa.select(batch_items.c.status, sa.func.count())
                .where(batch_items.c.job_id == job_id)
                .group_by(batch_items.c.status)
            ):
                counts[status] = count
            failures = (
                connection.execute(
                    sa.select(batch_items.c.path, batch_items.c.code, batch_items.c.message)
                    .where(
                        batch_items.c.job_id == job_id, batch_items.c.status == Outcome.failed.value
                    )
                    .order_by(batch_items.c.updated_at, batch_items.c.path)
                    .limit(failures_limit)
                )
                .mappings()
                .all()
            )
        status = job["status"]
        live = status in (JobStatus.running.value, JobStatus.queued.value)
        if live and not owner_alive(job["owner"], job["updated_at"]):
            status = JobStatus.interrupted.value
        return {
            "id": job["id"],
            "status": status,
            "engine": job["engine"],
            "workers": job["workers"],
            "paths": job["paths"],
            "reprocess": job["reprocess"],
            "extractor_version": job["extractor_version"],
            "total": job["total"],
            "processed": sum(counts.values()),
            "counts": counts,
            "failures": [dict(row) for row in failures],
            "error": job["error"],
            "created_at": _aware(job["created_at"]),
            "updated_at": _aware(job["updated_at"]),
            "finished_at": _aware(job["finished_at"]) if job["finished_at"] else None,
        }
