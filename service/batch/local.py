"""The local engine: N worker processes on this machine, each with its own extractor.

Processes are *spawned* (never forked): a fork would copy the parent's threads and
open database connections, and spaCy/torch state is not fork-safe. Each worker
loads the pipelines once in the pool initializer, then extracts batches of files.
At most ``2 × workers`` batches are in flight, so memory stays flat on any corpus
size and the parent writes while the workers extract.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from service.batch.model import WorkerConfig
from service.batch.worker import init_worker, process_batch

CRASH_MESSAGE = (
    "A worker process died while this file's batch was in flight (out of memory, or a "
    "crash in a parser); run the job again to retry it."
)


def cap_threads(threads: int) -> None:
    """Spawned workers inherit the environment: cap their math threads before they start."""
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, str(threads))


def batch_failures(batch: list[dict[str, Any]], code: str, message: str) -> list[dict[str, Any]]:
    return [
        {
            "path": item["path"],
            "sha256": item.get("sha256"),
            "mode": item["mode"],
            "worker": None,
            "ok": False,
            "code": code,
            "message": message,
        }
        for item in batch
    ]


class LocalEngine:
    name = "local"

    def __init__(self, config: WorkerConfig, workers: int, max_restarts: int = 3) -> None:
        self.config = config
        self.workers = workers if workers > 0 else os.cpu_count() or 1
        self.max_restarts = max_restarts
        self._pool: ProcessPoolExecutor | None = None

    def _start(self) -> ProcessPoolExecutor:
        cap_threads(self.config.threads)
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=init_worker,
            initargs=(self.config,),
        )

    def run(self, batches: Iterable[list[dict[str, Any]]]) -> Iterator[list[dict[str, Any]]]:
        """Each batch's results, in completion order; the pool starts with the first batch."""
        source = iter(batches)
        pending: dict[Future, list[dict[str, Any]]] = {}
        restarts = 0
        exhausted = False
        try:
            while True:
                while not exhausted and len(pending) < 2 * self.workers:
                    batch = next(source, None)
                    if batch is None:
                        exhausted = True
                        break
                    if self._pool is None:
                        self._pool = self._start()
                    pending[self._pool.submit(process_batch, batch)] = batch
                if not pending:
                    return
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                broken = False
                for future in finished:
                    batch = pending.pop(future)
                    try:
                        yield future.result()
                    except BrokenProcessPool:
                        broken = True
                        yield batch_failures(batch, "worker_crashed", CRASH_MESSAGE)
                if broken:
                    # Every batch still queued in the dead pool is lost with it.
                    for batch in pending.values():
                        yield batch_failures(batch, "worker_crashed", CRASH_MESSAGE)
                    pending.clear()
                    self.close()
                    restarts += 1
                    if restarts > self.max_restarts:
                        raise RuntimeError(f"Worker processes crashed {restarts} times; giving up.")
        finally:
            self.close()

    def close(self) -> None:
        if self._pool is not None:
            # Batches not yet started are dropped: their files have no outcome, so
            # the next run of the job picks them up.
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
