"""One batch run, end to end: discover → plan → engine → one writer → ledger.

The parent process is the only writer. Each document is stored with its facts in
one transaction by ``FactStore`` (``add_document`` is idempotent on the SHA-256,
``replace_facts`` swaps facts atomically), so a run killed at any instant leaves
every document either fully stored or absent, and the next run of the same job
stores exactly what is missing.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy.exc import DataError, IntegrityError

from models.errors import ModelLoadError
from service.batch.ledger import JobLedger, job_key
from service.batch.model import (
    BatchOptions,
    BatchReport,
    Engine,
    ItemOutcome,
    JobStatus,
    Outcome,
    WorkerConfig,
)
from service.batch.plan import Planner, chunks, discover
from service.ingest.pipeline import extractor_version
from service.settings import Settings
from service.store import DocumentRecord, FactStore

LEDGER_FLUSH_ITEMS = 32
LEDGER_FLUSH_SECONDS = 1.0


class BatchListener(Protocol):
    def on_start(self, report: BatchReport) -> None: ...

    def on_item(self, item: ItemOutcome, report: BatchReport) -> None: ...


def check_pipelines(pipelines: dict[str, str]) -> None:
    """Fail before starting any worker if a spaCy pipeline is not installed."""
    for lang, name in pipelines.items():
        if importlib.util.find_spec(name) is None and not Path(name).exists():
            raise ModelLoadError(f"spaCy pipeline '{name}' for '{lang}' is not installed.")


def make_engine(options: BatchOptions, config: WorkerConfig) -> Any:
    if options.engine is Engine.ray:
        from service.batch.ray_engine import RayEngine

        return RayEngine(config, options.workers, options.ray_address)
    from service.batch.local import LocalEngine

    return LocalEngine(config, options.workers)


def write_result(store: FactStore, result: dict[str, Any]) -> ItemOutcome:
    """Store one worker result (the one writer); a failure comes back as an outcome."""
    path, worker = result["path"], result.get("worker")
    if not result["ok"]:
        return ItemOutcome(
            path,
            Outcome.failed,
            sha256=result.get("sha256"),
            code=result["code"],
            message=result["message"],
            worker=worker,
        )
    record = DocumentRecord(**result["record"])
    facts = len(record.facts_document["facts"])
    try:
        # Replace only when the bytes are still those planned: a file rewritten since
        # it was hashed is a new document, not a new version of the old one.
        replace = result["mode"] == "replace" and record.sha256 == result.get("sha256")
        if replace and store.replace_facts(result["document_id"], record):
            return ItemOutcome(
                path,
                Outcome.reprocessed,
                sha256=record.sha256,
                document_id=record.id,
                facts=facts,
                worker=worker,
            )
        stored_id, created = store.add_document(record)
    except (DataError, IntegrityError) as err:
        # This document's data, not the database, is at fault: report it, go on.
        return ItemOutcome(
            path,
            Outcome.failed,
            sha256=record.sha256,
            code="store_error",
            message=f"The store refused this document: {err.orig}",
            worker=worker,
        )
    if created:
        return ItemOutcome(
            path,
            Outcome.added,
            sha256=record.sha256,
            document_id=stored_id,
            facts=facts,
            worker=worker,
        )
    return ItemOutcome(
        path,
        Outcome.skipped,
        sha256=record.sha256,
        document_id=stored_id,
        message="Stored meanwhile by another writer.",
        worker=worker,
    )


class BatchRunner:
    def __init__(
        self,
        store: FactStore,
        settings: Settings,
        options: BatchOptions,
        listener: BatchListener | None = None,
        stop: threading.Event | None = None,
    ) -> None:
        self.store = store
        self.settings = settings
        self.options = options
        self.listener = listener
        self.stop = stop or threading.Event()
        self.ledger = JobLedger(store.engine)
        self._unflushed: list[ItemOutcome] = []
        self._flushed_at = time.monotonic()

    def prepare_job(self, paths: Iterable[Path]) -> tuple[str, bool]:
        """The job for these folders: the unfinished one of an earlier run, or a new one."""
        roots = [str(Path(p).absolute()) for p in paths]
        key = job_key(roots, self.options.reprocess, extractor_version())
        found = self.ledger.find_resumable(key)
        if found is not None:
            return found, True
        job_id = self.ledger.create_job(
            key=key,
            paths=roots,
            engine=self.options.engine.value,
            workers=self.options.workers,
            reprocess=self.options.reprocess,
            extractor_version=extractor_version(),
        )
        return job_id, False

    def run(
        self,
        paths: list[Path],
        job_id: str | None = None,
        resumed: bool = False,
        within: Path | None = None,
    ) -> BatchReport:
        found = discover(paths, within)
        if job_id is None:
            job_id, resumed = self.prepare_job(paths)
        self.ledger.start(job_id, self.options.engine.value, self.options.workers)
        report = BatchReport(
            job_id=job_id,
            resumed=resumed,
            total=len(found.files) + len(found.outside),
            ignored=found.ignored,
        )
        try:
            self.ledger.set_total(job_id, report.total)
            done = self.ledger.done_paths(job_id) if resumed else set()
            report.done_before = sum(1 for path in found.files if str(path) in done)
            if self.listener:
                self.listener.on_start(report)
            for path in found.outside:
                self._handle(
                    ItemOutcome(
                        str(path),
                        Outcome.failed,
                        code="forbidden_path",
                        message="A link to a file outside the corpus root.",
                    ),
                    report,
                )
            todo = [path for path in found.files if str(path) not in done]
            self._process(todo, report)
        except BaseException as err:
            report.status = JobStatus.stopped
            report.elapsed = time.monotonic() - report.started
            self._abort(job_id, err)
            raise
        self._flush(job_id, force=True)
        report.elapsed = time.monotonic() - report.started
        stopped = self.stop.is_set() or (self.options.fail_fast and report.failures)
        report.status = JobStatus.stopped if stopped else JobStatus.done
        reason = "stopped at the first failure" if stopped and report.failures else None
        self.ledger.finish(job_id, report.status, error=reason)
        return report

    def _abort(self, job_id: str, err: BaseException) -> None:
        """Keep what was done and say why the job stopped; never hide the original error."""
        reason = (
            "interrupted" if isinstance(err, KeyboardInterrupt) else f"{type(err).__name__}: {err}"
        )
        with contextlib.suppress(Exception):  # the store itself may be what failed
            self._flush(job_id, force=True)
        with contextlib.suppress(Exception):
            self.ledger.finish(job_id, JobStatus.stopped, error=reason[:2000])

    def _process(self, todo: list[Path], report: BatchReport) -> None:
        check_pipelines(self.settings.pipelines)
        planner = Planner(self.store.engine, extractor_version(), self.options.reprocess)
        cores = os.cpu_count() or 1
        threads = max(1, cores // (self.options.workers or cores))
        config = WorkerConfig.from_settings(self.settings, threads=threads)
        engine = make_engine(self.options, config)

        def work() -> Iterator[dict[str, Any]]:
            # Files that need no extraction get their outcome here, as planning goes.
            for planned in planner.plan(todo):
                if self._should_stop(report):
                    return
                if isinstance(planned, ItemOutcome):
                    self._handle(planned, report)
                else:
                    yield planned

        results = engine.run(chunks(work(), self.options.batch_size))
        try:
            for batch_results in results:
                for result in batch_results:
                    self._handle(write_result(self.store, result), report)
                if self._should_stop(report):
                    break
        finally:
            results.close()  # stops the workers now when we leave early

    def _should_stop(self, report: BatchReport) -> bool:
        return self.stop.is_set() or bool(self.options.fail_fast and report.failures)

    def _handle(self, item: ItemOutcome, report: BatchReport) -> None:
        report.add(item)
        self._unflushed.append(item)
        self._flush(report.job_id)
        if self.listener:
            self.listener.on_item(item, report)

    def _flush(self, job_id: str, force: bool = False) -> None:
        due = (
            len(self._unflushed) >= LEDGER_FLUSH_ITEMS
            or time.monotonic() - self._flushed_at >= LEDGER_FLUSH_SECONDS
        )
        if self._unflushed and (force or due):
            self.ledger.record(job_id, self._unflushed)
            self._unflushed = []
            self._flushed_at = time.monotonic()


def run_batch(
    paths: list[Path],
    store: FactStore,
    settings: Settings,
    options: BatchOptions | None = None,
    listener: BatchListener | None = None,
    **kwargs: Any,
) -> BatchReport:
    return BatchRunner(store, settings, options or BatchOptions(), listener).run(paths, **kwargs)
