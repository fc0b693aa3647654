"""The job table: which unfinished job a restarted run continues, and what it reports."""

from __future__ import annotations

import socket
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from service.batch.ledger import JobLedger, job_key, owner_name
from service.batch.model import ItemOutcome, JobStatus, Outcome
from service.batch.tables import batch_jobs
from service.store import FactStore


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


@pytest.fixture
def ledger(tmp_path: Path):
    store = FactStore.from_url(f"sqlite:///{tmp_path / 'jobs.db'}")
    store.migrate()
    yield JobLedger(store.engine)
    store.close()


def new_job(ledger: JobLedger, key: str = "k") -> str:
    return ledger.create_job(
        key=key, paths=["/data"], engine="local", workers=2, reprocess=False, extractor_version="v1"
    )


def set_job(ledger: JobLedger, job_id: str, **values) -> None:
    with ledger.engine.begin() as connection:
        connection.execute(sa.update(batch_jobs).where(batch_jobs.c.id == job_id).values(**values))


HOST = socket.gethostname()
RECENT = datetime.now(UTC)
LONG_AGO = RECENT - timedelta(hours=1)
RESUMABLE = [
    # (status, owner, last heartbeat, resumable?)
    ("running", "dead", RECENT, True),  # killed: its process is gone
    ("running", "self", RECENT, False),  # still running right here
    ("stopped", "self", RECENT, True),  # --fail-fast or Ctrl-C: meant to be resumed
    ("done", "dead", RECENT, False),  # finished: a new run starts a new job
    ("running", "other-host:1", RECENT, False),  # another machine, heard from lately
    ("running", "other-host:1", LONG_AGO, True),  # another machine, silent for an hour
]


@pytest.mark.parametrize(("status", "owner", "heartbeat", "resumable"), RESUMABLE)
def test_a_restarted_run_continues_only_an_abandoned_job(
    ledger, status, owner, heartbeat, resumable
) -> None:
    job_id = new_job(ledger)
    owner = {"dead": f"{HOST}:{dead_pid()}", "self": owner_name()}.get(owner, owner)
    set_job(ledger, job_id, status=status, owner=owner, updated_at=heartbeat)
    assert ledger.find_resumable("k") == (job_id if resumable else None)
    assert ledger.find_resumable("another key") is None


def test_a_retried_file_replaces_its_failure(ledger) -> None:
    job_id = new_job(ledger)
    ledger.record(
        job_id,
        [
            ItemOutcome("/data/a.txt", Outcome.failed, code="worker_crashed", message="died"),
            ItemOutcome("/data/b.txt", Outcome.skipped),
        ],
    )
    assert ledger.done_paths(job_id) == {"/data/b.txt"}
    ledger.record(job_id, [ItemOutcome("/data/a.txt", Outcome.added, facts=3)])
    assert ledger.done_paths(job_id) == {"/data/a.txt", "/data/b.txt"}
    progress = ledger.progress(job_id)
    assert progress["processed"] == 2 and progress["failures"] == []
    assert progress["counts"] == {"added": 1, "reprocessed": 0, "skipped": 1, "failed": 0}


def test_progress_of_a_job_whose_process_died_says_interrupted(ledger) -> None:
    job_id = new_job(ledger)
    ledger.start(job_id, "local", 2)
    assert ledger.progress(job_id)["status"] == JobStatus.running
    set_job(ledger, job_id, owner=f"{HOST}:{dead_pid()}")
    assert ledger.progress(job_id)["status"] == JobStatus.interrupted
    assert ledger.progress("no-such-job") is None


@pytest.mark.parametrize(
    ("left", "right", "same"),
    [
        ((["/a", "/b"], False, "v1"), (["/b", "/a"], False, "v1"), True),
        ((["/a"], False, "v1"), (["/a"], True, "v1"), False),
        ((["/a"], False, "v1"), (["/a"], False, "v2"), False),
        ((["/a"], False, "v1"), (["/a", "/b"], False, "v1"), False),
    ],
)
def test_a_job_is_the_same_folders_options_and_extractor(left, right, same) -> None:
    assert (job_key(*left) == job_key(*right)) is same
