"""Run the bench sections in order, print the report, write ``bench-results.json``.

A section whose component is not in the tree yet reports ``skipped`` with the
reason; one that fails reports ``error`` and the others still run. Targets and
budgets are printed as met / NOT MET: the bench measures, it never fails a build
over a number (nor does the test suite, which holds no timed assertion).
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from service.bench import api, batch, extraction, figures
from service.bench.context import BenchContext, repo_root


@dataclass(frozen=True)
class Section:
    name: str
    title: str
    run: Callable[[BenchContext], dict[str, Any]]
    render: Callable[[dict[str, Any]], list[str]]


SECTIONS = (
    Section(
        "figures",
        "1. Figure layer vs spaCy full pipeline vs Recognizers-Text",
        figures.run,
        figures.render,
    ),
    Section(
        "extract",
        "2. End-to-end extraction vs spaCy full pipeline",
        extraction.run_extract,
        extraction.render_extract,
    ),
    Section(
        "summary",
        "3. Summary + encoder cost per document",
        extraction.run_summary,
        extraction.render_summary,
    ),
    Section("api", "4. API: rapport serve on loopback", api.run, api.render),
    Section("batch", "5. Batch: rapport ingest, local workers and Ray", batch.run, batch.render),
)
SECTION_NAMES = tuple(s.name for s in SECTIONS)
BUDGETS = {
    "serve_peak_rss_mb": 1200,
    "serve_health_seconds": 20,
    "worker_peak_rss_mb": 800,
    "upload_1000_words_p95_ms_one_client": 300,
}


def _git_commit() -> str | None:
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=repo_root(),
            capture_output=True,
            text=True,
            timeout=10,
        )
    except OSError:
        return None
    return done.stdout.strip() or None


def _meta(ctx: BenchContext, only: tuple[str, ...]) -> dict[str, Any]:
    return {
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": _git_commit(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": len(os.sched_getaffinity(0)),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "quick": ctx.quick,
        "sections": list(only),
        "samples_dir": str(ctx.samples_dir),
    }


def _write(path: Path, results: dict[str, Any]) -> None:
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str) + "\n")


def run(ctx: BenchContext, only: tuple[str, ...], output: Path) -> int:
    """Run the chosen sections; 1 if any section crashed, else 0 (targets only reported)."""
    start = time.perf_counter()
    results: dict[str, Any] = {"meta": _meta(ctx, only), "budgets": BUDGETS, "sections": {}}
    mode = "quick" if ctx.quick else "full"
    meta = results["meta"]
    print(
        f"Rapport bench ({mode}), commit {meta['commit']}, {meta['cpus']} CPUs,"
        f" load average {meta['load_average_at_start']} at start"
    )
    print(
        "Ratios compare tools measured side by side in this run on the same texts; a load"
        " average above the CPU count means other processes compete for the CPUs, which"
        " moves absolute numbers far more than the interleaved ratios."
    )
    crashed = False
    for section in SECTIONS:
        if section.name not in only:
            continue
        if section.name == "batch":
            ctx.release_models()  # the ingest workers load their own
        print(f"[bench] running {section.name}…", file=sys.stderr, flush=True)
        began = time.perf_counter()
        load = round(os.getloadavg()[0], 2)
        try:
            result = section.run(ctx)
        except Exception as err:  # one broken section must not hide the others' numbers
            crashed = True
            result = {
                "status": "error",
                "reason": f"{type(err).__name__}: {err}",
                "traceback": traceback.format_exc(),
            }
        result["section_seconds"] = round(time.perf_counter() - began, 1)
        result["load_average_1min_at_start"] = load
        results["sections"][section.name] = result
        print(f"\n== {section.title} ({result['section_seconds']:.0f} s, load average {load})")
        if result["status"] == "ok":
            print("\n".join(section.render(result)))
        else:
            print(f"  {result['status']}: {result['reason']}")
            if "log_tail" in result:
                print("\n".join(f"  | {line}" for line in result["log_tail"].splitlines()))
        sys.stdout.flush()
        _write(output, results)
    results["meta"]["load_seconds"] = ctx.load_seconds
    results["meta"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    results["meta"]["duration_seconds"] = round(time.perf_counter() - start, 1)
    _write(output, results)
    print(f"\nTotal {results['meta']['duration_seconds']:.0f} s; every number is in {output}")
    return 1 if crashed else 0
