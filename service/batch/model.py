"""The vocabulary of a batch: options, what a worker needs, what each file became.

Everything that crosses a process (or Ray) boundary is a plain ``dict`` or a frozen
dataclass of plain values, so both engines can pickle it without surprises.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from service.settings import Settings


class Engine(StrEnum):
    local = "local"
    ray = "ray"


class Outcome(StrEnum):
    added = "added"  # first time these bytes are stored
    reprocessed = "reprocessed"  # stored before; facts replaced by the current extractor
    skipped = "skipped"  # stored before with the current extractor, or a duplicate file
    failed = "failed"


# A file with one of these outcomes needs no more work when its job resumes.
DONE = frozenset({Outcome.added, Outcome.reprocessed, Outcome.skipped})


class JobStatus(StrEnum):
    queued = "queued"
    running = "running"
    done = "done"  # every file has an outcome (some may be failures)
    stopped = "stopped"  # --fail-fast, Ctrl-C or an engine error: can be resumed
    interrupted = "interrupted"  # its process died (only ever inferred when read)


@dataclass(frozen=True, slots=True)
class WorkerConfig:
    """What a worker process or actor needs to build its extractor and read files."""

    pipelines: dict[str, str]
    encoder_path: str | None
    use_encoder: bool
    summary_k: int
    keep_embeddings: bool
    max_bytes: int
    max_unzipped_bytes: int
    threads: int = 1

    @classmethod
    def from_settings(cls, settings: Settings, threads: int = 1) -> WorkerConfig:
        return cls(
            pipelines=settings.pipelines,
            encoder_path=settings.encoder_path,
            # a worker needs the encoder only to embed summaries; search encodes lazily
            use_encoder=settings.summary_embeddings,
            summary_k=settings.summary_k,
            keep_embeddings=settings.store_embeddings,
            max_bytes=settings.max_upload_bytes,
            max_unzipped_bytes=settings.max_unzipped_bytes,
            threads=threads,
        )


@dataclass(frozen=True, slots=True)
class BatchOptions:
    engine: Engine = Engine.local
    workers: int = 1  # 0: every core here (local), every CPU of the cluster (ray)
    batch_size: int = 16
    reprocess: bool = False
    fail_fast: bool = False
    ray_address: str | None = None


@dataclass(frozen=True, slots=True)
class ItemOutcome:
    path: str
    outcome: Outcome
    sha256: str | None = None
    document_id: str | None = None
    facts: int | None = None
    code: str | None = None
    message: str | None = None
    worker: str | None = None


@dataclass
class BatchReport:
    job_id: str
    resumed: bool
    total: int
    done_before: int = 0  # files finished by earlier runs of a resumed job
    ignored: int = 0  # files in the folders with a suffix Rapport does not read
    counts: dict[str, int] = field(default_factory=lambda: {o.value: 0 for o in Outcome})
    failures: list[ItemOutcome] = field(default_factory=list)
    status: JobStatus = JobStatus.running
    started: float = field(default_factory=time.monotonic)
    elapsed: float = 0.0
    workers_seen: set[str] = field(default_factory=set)
    # When the first worker result arrived, and how many documents were extracted
    # by then: the rate after it excludes the one-off model loading.
    first_result_at: float | None = None
    extracted_before_first: int = 0

    def add(self, item: ItemOutcome) -> None:
        if item.worker and self.first_result_at is None:
            self.first_result_at = time.monotonic()
            self.extracted_before_first = self.extracted
        self.counts[item.outcome.value] += 1
        if item.outcome is Outcome.failed:
            self.failures.append(item)
        if item.worker:
            self.workers_seen.add(item.worker)

    @property
    def extracted(self) -> int:
        """Documents that went through extraction in this run (stored or failed there)."""
        return self.counts["added"] + self.counts["reprocessed"]

    @property
    def docs_per_second(self) -> float:
        return self.extracted / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def steady_docs_per_second(self) -> float:
        """Documents/s once the workers had loaded their models (first result onwards)."""
        if self.first_result_at is None:
            return 0.0
        seconds = self.started + self.elapsed - self.first_result_at
        documents = self.extracted - self.extracted_before_first
        return documents / seconds if seconds > 0 else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "job_id": self.job_id,
            "status": self.status.value,
            "resumed": self.resumed,
            "total": self.total,
            "done_before": self.done_before,
            "ignored": self.ignored,
            "counts": dict(self.counts),
            "failures": [
                {"path": f.path, "code": f.code, "message": f.message} for f in self.failures
            ],
            "elapsed": round(self.elapsed, 3),
            "docs_per_second": round(self.docs_per_second, 3),
            "steady_docs_per_second": round(self.steady_docs_per_second, 3),
            "workers": sorted(self.workers_seen),
        }
