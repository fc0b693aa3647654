"""The Ray engine: a pool of actors, each holding one loaded extractor, fed by the driver.

Ray is optional (``pip install rapport[ray]``) and imported only here, only when
``--engine ray`` is asked for. The driver keeps two batches queued per actor,
collects whichever finishes first with ``ray.wait`` and hands its results to the
one writer, so results stream into the store while the cluster keeps working.

Workers read the files themselves: on a multi-machine cluster the paths must be
the same on every node (a shared file system), as with any Ray data job.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from service.batch.errors import EngineNotAvailableError
from service.batch.local import batch_failures
from service.batch.model import WorkerConfig

ACTOR_LOST_MESSAGE = (
    "The Ray actor holding this file's batch died (node lost, out of memory or a crash); "
    "run the job again to retry it."
)
IN_FLIGHT_PER_ACTOR = 2


def load_ray() -> Any:
    try:
        import ray
    except ImportError as err:
        raise EngineNotAvailableError(
            "The Ray engine needs the optional 'ray' package: pip install 'rapport[ray]'.",
            engine="ray",
        ) from err
    return ray


class _ExtractionActor:
    """One extractor per actor, loaded when the actor starts, reused for every batch."""

    def __init__(self, config: WorkerConfig) -> None:
        from service.batch.worker import init_worker, worker_name

        init_worker(config)
        self.name = worker_name()

    def process(self, batch: list[dict[str, Any]]) -> list[dict[str, Any]]:
        from service.batch.worker import process_batch

        return process_batch(batch)


class RayEngine:
    name = "ray"

    def __init__(self, config: WorkerConfig, workers: int, address: str | None = None) -> None:
        # One CPU per actor, so one math thread each, whatever the driver's core count.
        self.config = replace(config, threads=1)
        self.requested_workers = workers
        self.address = address
        self.workers = workers
        self._ray: Any = None
        self._started_cluster = False
        self._actors: list[Any] = []

    def _start(self) -> None:
        ray = load_ray()
        self._ray = ray
        if not ray.is_initialized():
            if self.address:
                ray.init(address=self.address, logging_level=logging.WARNING, log_to_driver=False)
            else:
                # A private cluster for this run, on loopback only, no dashboard.
                ray.init(
                    num_cpus=self.requested_workers or None,
                    include_dashboard=False,
                    _node_ip_address="127.0.0.1",
                    logging_level=logging.WARNING,
                    log_to_driver=False,
                )
                self._started_cluster = True
        cpus = int(ray.cluster_resources().get("CPU", 1))
        self.workers = max(1, min(self.requested_workers or cpus, cpus))
        actor_class = ray.remote(num_cpus=1, max_restarts=1)(_ExtractionActor)
        threads = {
            name: str(self.config.threads)
            for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
        }
        self._actors = [
            actor_class.options(
                runtime_env={"env_vars": {**threads, "HF_HUB_OFFLINE": "1"}}
            ).remote(self.config)
            for _ in range(self.workers)
        ]

    def run(self, batches: Iterable[list[dict[str, Any]]]) -> Iterator[list[dict[str, Any]]]:
        source = iter(batches)
        first = next(source, None)
        if first is None:
            return
        in_flight: dict[Any, tuple[Any, list[dict[str, Any]]]] = {}
        pending_batch: list[dict[str, Any]] | None = first
        try:
            self._start()
            ray = self._ray
            free = deque(actor for actor in self._actors for _ in range(IN_FLIGHT_PER_ACTOR))
            while True:
                while free and pending_batch is not None:
                    actor = free.popleft()
                    in_flight[actor.process.remote(pending_batch)] = (actor, pending_batch)
                    pending_batch = next(source, None)
                if not in_flight:
                    return
                ready, _ = ray.wait(list(in_flight), num_returns=1)
                for ref in ready:
                    actor, batch = in_flight.pop(ref)
                    free.append(actor)
                    try:
                        results = ray.get(ref)
                    except (ray.exceptions.RayActorError, ray.exceptions.WorkerCrashedError):
                        results = batch_failures(batch, "worker_crashed", ACTOR_LOST_MESSAGE)
                    yield results
        finally:
            self.close()

    def close(self) -> None:
        if self._ray is None:
            return
        for actor in self._actors:
            self._ray.kill(actor)
        self._actors = []
        if self._started_cluster:
            self._ray.shutdown()
            self._started_cluster = False
