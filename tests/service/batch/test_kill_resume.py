"""``kill -9`` in the middle of ``rapport ingest``, then the same command again.

The resumed store must equal the store of one clean run of the same corpus (run
alongside, with one worker):
same documents, same facts and mentions, nothing twice, nothing missing.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

from tests.service.batch.conftest import ingest_command, ingest_env, run_ingest
from tests.service.batch.corpus import make_corpus, store_picture

DOCUMENTS = 40
ARGS = ("--workers", "2", "--batch-size", "4")


def stored_documents(database: Path) -> int:
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=1) as connection:
            return connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:  # not created or not migrated yet
        return 0


def kill_when_stored(
    command: list[str], env: dict[str, str], database: Path, at_least: int, timeout: float = 180
) -> int:
    """Start the ingest, SIGKILL it (workers included) once ``at_least`` documents are in."""
    # Its own session: one killpg reaches the CLI and the worker processes it spawned.
    process = subprocess.Popen(
        command,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + timeout
    try:
        while stored_documents(database) < at_least:
            assert process.poll() is None, "the ingest ended before it could be killed"
            assert time.monotonic() < deadline, "the ingest stored nothing in time"
            time.sleep(0.05)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    return stored_documents(database)


def test_killed_ingest_resumes_to_the_same_store_as_a_clean_run(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus, DOCUMENTS)
    killed_db, clean_db = tmp_path / "killed.db", tmp_path / "clean.db"
    killed_url, clean_url = f"sqlite:///{killed_db}", f"sqlite:///{clean_db}"

    # The reference runs meanwhile, with one worker and other batches: the result must
    # depend on neither.
    clean = subprocess.Popen(
        ingest_command(str(corpus), "--workers", "1"),
        env=ingest_env(clean_url),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    at_kill = kill_when_stored(
        ingest_command(str(corpus), *ARGS), ingest_env(killed_url), killed_db, at_least=3
    )
    assert 3 <= at_kill < DOCUMENTS, f"the kill did not land mid-run ({at_kill} stored)"

    resumed = run_ingest(killed_url, str(corpus), *ARGS)
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert "(resumed)" in resumed.stdout

    clean_output, _ = clean.communicate(timeout=240)
    assert clean.returncode == 0, clean_output

    after_kill, reference = store_picture(killed_url), store_picture(clean_url)
    assert reference["document_rows"] == DOCUMENTS
    assert after_kill["document_rows"] == len(after_kill["documents"]) == DOCUMENTS
    assert after_kill["fact_rows"] == reference["fact_rows"] > 0
    assert after_kill["documents"].keys() == reference["documents"].keys()
    for sha, facts in reference["facts"].items():
        assert after_kill["facts"][sha] == facts, after_kill["documents"][sha]["source"]
    assert after_kill["mentions"] == reference["mentions"]
