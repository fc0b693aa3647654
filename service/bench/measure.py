"""Timing, percentiles and memory readings shared by every bench section.

Competing tools are timed in interleaved rounds (A, B, C, A, B, C…) so that load
from other users of a shared machine falls on all of them alike; the best round
is the headline number and every round is kept in the JSON. Memory comes from
``/proc/<pid>/status`` (psutil is not a dependency): ``VmHWM`` is the kernel's
own peak resident size of a process, ``VmRSS`` its current one.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

MB = 1_000_000  # budgets are in decimal megabytes / gigabytes


def interleaved(tasks: dict[str, Callable[[], object]], rounds: int) -> dict[str, list[float]]:
    """Run each task once per round, round after round; seconds per run, per task."""
    seconds: dict[str, list[float]] = {name: [] for name in tasks}
    for _ in range(max(1, rounds)):
        for name, task in tasks.items():
            start = time.perf_counter()
            task()
            seconds[name].append(time.perf_counter() - start)
    return seconds


def repeats_for(task: Callable[[], object], min_seconds: float) -> int:
    """How many back-to-back calls make one timing round last at least ``min_seconds``.

    A pass of the figure layer over a few pages takes milliseconds, too short for a
    steady clock reading, so fast tasks are repeated inside one round.
    """
    start = time.perf_counter()
    task()
    once = max(time.perf_counter() - start, 1e-6)
    return max(1, math.ceil(min_seconds / once))


def repeated(task: Callable[[], object], times: int) -> Callable[[], None]:
    def run() -> None:
        for _ in range(times):
            task()

    return run


def throughput(words: int, round_seconds: list[float], repeats: int = 1) -> dict[str, object]:
    """Words/s of the best round (and the median one), with every round kept."""
    per_pass = [s / repeats for s in round_seconds]
    best, median = min(per_pass), float(np.median(per_pass))
    return {
        "seconds_per_pass": round(best, 6),
        "median_seconds_per_pass": round(median, 6),
        "words_per_s": round(words / best, 1),
        "median_words_per_s": round(words / median, 1),
        "rounds": len(per_pass),
        "repeats_per_round": repeats,
        "all_seconds_per_pass": [round(s, 6) for s in per_pass],
    }


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    if numerator is None or not denominator:
        return None
    return round(numerator / denominator, 3)


def latency_stats(seconds: list[float]) -> dict[str, float]:
    """p50/p95/mean/max in milliseconds (linear interpolation between ranks)."""
    values = np.asarray(seconds, dtype=float) * 1000.0
    return {
        "n": len(seconds),
        "p50_ms": round(float(np.percentile(values, 50)), 1),
        "p95_ms": round(float(np.percentile(values, 95)), 1),
        "mean_ms": round(float(values.mean()), 1),
        "max_ms": round(float(values.max()), 1),
    }


def proc_status(pid: int) -> dict[str, int]:
    """``VmRSS``/``VmHWM`` of a live process in bytes; empty when it is gone."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return {}
    values: dict[str, int] = {}
    for line in text.splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0]) * 1024
    return values


def process_name(pid: int) -> str:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return "?"
    words = [w for w in raw.decode(errors="replace").split("\0") if w]
    return " ".join(words)[:120] or "?"


_CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> list[str] | None:
    """Fields of ``/proc/<pid>/stat`` after the command name (field 3 onwards)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name (field 2) may hold spaces and brackets; fields after it are fixed.
    return stat.rsplit(")", 1)[1].split()


def _start_time(pid: int) -> int | None:
    """Kernel start tick of a process: tells a live pid from a recycled one."""
    fields = _stat(pid)
    return None if fields is None else int(fields[19])


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time a process has used so far (all its threads)."""
    fields = _stat(pid)
    return None if fields is None else (int(fields[11]) + int(fields[12])) / _CLOCK_TICKS


def _parents() -> dict[int, int]:
    parents: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    return parents


def descendants(root: int) -> list[int]:
    """Every live process below ``root`` in the process tree."""
    children: dict[int, list[int]] = {}
    for pid, parent in _parents().items():
        children.setdefault(parent, []).append(pid)
    found: list[int] = []
    stack = list(children.get(root, []))
    while stack:
        pid = stack.pop()
        found.append(pid)
        stack.extend(children.get(pid, []))
    return found


@dataclass
class ProcessTree:
    """Peak memory and CPU time of a process and of each process below it, sampled.

    CPU seconds do not depend on how busy the machine is, unlike wall time: on a
    shared machine they are the steadier measure of how much work a run did.
    """

    root: int
    peak_by_pid: dict[int, int] = field(default_factory=dict)
    cpu_by_pid: dict[int, float] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)
    started: dict[int, int | None] = field(default_factory=dict)
    peak_tree_rss: int = 0

    def sample(self) -> None:
        total = 0
        for pid in [self.root, *descendants(self.root)]:
            status = proc_status(pid)
            if not status:
                continue
            if pid not in self.names:
                self.names[pid] = process_name(pid)
                self.started[pid] = _start_time(pid)
            peak = max(status.get("VmHWM", 0), status.get("VmRSS", 0))
            self.cpu_by_pid[pid] = max(self.cpu_by_pid.get(pid, 0.0), cpu_seconds(pid) or 0.0)
            self.peak_by_pid[pid] = max(self.peak_by_pid.get(pid, 0), peak)
            total += status.get("VmRSS", 0)
        self.peak_tree_rss = max(self.peak_tree_rss, total)

    def cpu_total(self) -> float:
        """CPU seconds of the whole tree as last sampled."""
        return sum(self.cpu_by_pid.values())

    def root_peak(self) -> int:
        return self.peak_by_pid.get(self.root, 0)

    def children_peaks(self) -> list[tuple[int, int, str]]:
        """(pid, peak bytes, command line) of each process below the root, largest first."""
        rows = [
            (pid, peak, self.names.get(pid, "?"))
            for pid, peak in self.peak_by_pid.items()
            if pid != self.root
        ]
        return sorted(rows, key=lambda row: -row[1])

    def leftovers(self) -> list[int]:
        """Processes seen below the root that still run (same pid *and* same start)."""
        return [
            pid
            for pid in self.peak_by_pid
            if pid != self.root
            and _start_time(pid) is not None
            and _start_time(pid) == self.started.get(pid)
        ]


def mb(value: float | None) -> float | None:
    return None if value is None else round(value / MB, 1)


def words_in(texts: Iterable[str]) -> int:
    return sum(len(text.split()) for text in texts)
