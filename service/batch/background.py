"""Batches started by the API: resolved safely under the corpus root, run in a thread.

The request only validates the folder and records the job, then answers 202; the
thread runs the local engine (worker processes) and writes through the app's
store, and ``GET /batches/{id}`` reads progress from the job tables. One batch
runs at a time per server process: a second one would only fight for the cores.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import replace
from pathlib import Path

from service.batch.errors import BatchRunningError, ForbiddenPathError
from service.batch.model import BatchOptions, Engine
from service.batch.runner import BatchRunner
from service.errors import NotFoundError
from service.settings import Settings
from service.store import FactStore

log = logging.getLogger("rapport.batch")


def resolve_under_root(folder: str, root: Path) -> Path:
    """The real folder ``folder`` names under ``root``; anything escaping it is refused.

    Relative names are taken from the root; ``..`` and symlinks are resolved first,
    so neither can lead out of it.
    """
    real_root = root.resolve()
    try:
        if "\x00" in folder:
            raise ValueError("NUL in a path")
        candidate = (real_root / folder).resolve()
        inside = candidate.is_relative_to(real_root)
        is_dir = inside and candidate.is_dir()
    except (OSError, ValueError, RuntimeError):  # NUL, a name too long, a symlink loop
        # No folder can have such a name: it is not there, like any other missing one.
        raise NotFoundError("No such folder under the corpus root.", folder=folder[:200]) from None
    if not inside:
        raise ForbiddenPathError(
            "The folder is outside the corpus root; batches only read folders under it.",
            folder=folder,
        )
    if not is_dir:
        raise NotFoundError(f"No folder {folder!r} under the corpus root.", folder=folder)
    return candidate


class BackgroundBatches:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._threads: dict[str, threading.Thread] = {}
        self._stop = threading.Event()

    def running(self) -> list[str]:
        return [job for job, thread in self._threads.items() if thread.is_alive()]

    def submit(
        self, store: FactStore, settings: Settings, folder: Path, options: BatchOptions
    ) -> tuple[str, bool]:
        """Record the job and start it; ``(job id, resumed)``."""
        options = replace(options, engine=Engine.local)
        with self._lock:
            busy = self.running()
            if busy:
                raise BatchRunningError(
                    "A batch is already running on this server; wait for it to finish.",
                    running=busy[0],
                )
            runner = BatchRunner(store, settings, options, stop=self._stop)
            job_id, resumed = runner.prepare_job([folder])
            thread = threading.Thread(
                target=self._run,
                args=(runner, folder, job_id, resumed, settings.corpus_root),
                name=f"batch-{job_id[:8]}",
                daemon=True,
            )
            self._threads[job_id] = thread
            thread.start()
        return job_id, resumed

    def _run(
        self, runner: BatchRunner, folder: Path, job_id: str, resumed: bool, root: Path
    ) -> None:
        try:
            runner.run([folder], job_id=job_id, resumed=resumed, within=root.resolve())
        except Exception:
            # The runner has already marked the job stopped with the reason.
            log.exception("Batch %s stopped on an error", job_id)

    def stop_all(self, timeout: float = 30.0) -> None:
        """Ask running batches to stop after their current documents (server shutdown)."""
        self._stop.set()
        for thread in list(self._threads.values()):
            thread.join(timeout)
