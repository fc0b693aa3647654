"""Section 5: ``rapport ingest`` on ≥ 500 documents, 1 and 2 local workers and Ray (issue 5).

Each configuration ingests the same freshly written corpus (variants of the sample
reports, each with other bytes) into its own fresh SQLite file, as a subprocess of
the real CLI. Two rates are reported: end to end (documents / wall time, with the
workers' model loading) and steady (documents stored between the first stored one
and the last, over that time, read from the database while the run goes), the
latter being what more workers can speed up. Worker memory is the peak resident
size of the largest process below the CLI. Target: 2 workers ≥ 1.7× one worker;
budget: a worker ≤ 800 MB.

The three throughput runs set ``RAPPORT_USE_ENCODER=false``: with the encoder, 500
reports take minutes per configuration on 2 cores (its cost per document is section
3's number), which would push ``make bench`` far past its ten minutes.
``--batch-encoder`` runs them in the default configuration instead. Either way one
more run, 2 local workers on a small corpus in the default configuration (encoder
loaded), gives the worker memory that the budget is about.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sqlite3
import time
from pathlib import Path
from typing import Any

from service.bench.context import BenchContext, repo_root
from service.bench.fmt import megabytes, times, verdict
from service.bench.measure import MB, mb, ratio
from service.bench.processes import Monitored, child_env, help_text, rapport_command
from service.bench.texts import write_corpus

TARGET_TWO_WORKERS = 1.7
BUDGET_WORKER_BYTES = 800 * MB
RUN_TIMEOUT_SECONDS = 900.0
CONFIGS = (("local_1", "local", 1), ("local_2", "local", 2), ("ray_2", "ray", 2))
MEMORY_RUN = "local_2_encoder"
MIN_COMMITS_FOR_RATE = 5
MEMORY_RUN_DOCS = {False: 32, True: 16}  # two worker batches of 16  # by quick mode


_CLI_STEADY = re.compile(r"docs/s \(models loaded\)\W*([\d.]+)")


def _cli_steady_rate(run: Monitored) -> float | None:
    """The rate ``rapport ingest`` prints itself once models are loaded (a cross-check)."""
    text = run.stdout_path.read_text(errors="replace") if run.stdout_path.exists() else ""
    found = _CLI_STEADY.search(text)
    return float(found.group(1)) if found else None


def _stored(db: Path) -> int | None:
    if not db.exists():
        return None
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.5) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return None  # not migrated yet, or locked for a moment


def _ingest(
    ctx: BenchContext, corpus: Path, name: str, engine: str, workers: int, use_encoder: bool
) -> dict:
    db = ctx.workdir / "batch" / f"{name}.db"
    argv = [
        *rapport_command(),
        "ingest",
        str(corpus),
        "--workers",
        str(workers),
        "--engine",
        engine,
    ]
    extra = {} if use_encoder else {"RAPPORT_USE_ENCODER": "false"}
    env = child_env(f"sqlite:///{db}", RAY_USAGE_STATS_ENABLED="0", **extra)
    load_before = os.getloadavg()[0]
    run = Monitored(argv, env, repo_root(), ctx.workdir / "batch", name, interval=0.2)
    first: tuple[float, int] | None = None
    last: tuple[float, int] | None = None
    increments = 0
    while run.running() and time.perf_counter() - run.started_at < RUN_TIMEOUT_SECONDS:
        count = _stored(db)
        now = time.perf_counter() - run.started_at
        if count:
            first = first or (now, count)
            if last is None or count > last[1]:
                last = (now, count)
                increments += 1
        time.sleep(0.25)
    timed_out = run.running()
    code = run.stop()
    wall = time.perf_counter() - run.started_at
    stored = _stored(db) or 0
    children = run.tree.children_peaks()
    worker_peak = children[0][1] if children else None
    steady = None
    # Workers commit in batches: a rate needs enough of them to mean anything.
    if first and last and last[0] > first[0] and increments >= MIN_COMMITS_FOR_RATE:
        steady = (last[1] - first[1]) / (last[0] - first[0])
    row = {
        "engine": engine,
        "workers": workers,
        "use_encoder": use_encoder,
        "docs": sum(1 for _ in corpus.glob("*.txt")),
        "argv": argv,
        "exit_code": code,
        "timed_out": timed_out,
        "docs_stored": stored,
        "wall_seconds": round(wall, 2),
        "first_doc_seconds": None if first is None else round(first[0], 2),
        "docs_per_s_end_to_end": round(stored / wall, 2) if wall else None,
        "docs_per_s_steady": None if steady is None else round(steady, 2),
        "docs_per_s_models_loaded_cli": _cli_steady_rate(run),
        "cpu_seconds": round(run.tree.cpu_total(), 1),
        "cpu_ms_per_doc": round(1000 * run.tree.cpu_total() / stored, 1) if stored else None,
        "load_average_1min": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "cli_peak_rss_mb": mb(run.tree.root_peak()),
        "worker_peak_rss_mb": mb(worker_peak),
        "largest_children": [
            {"pid": pid, "peak_rss_mb": mb(peak), "command": command}
            for pid, peak, command in children[:4]
        ],
        "worker_within_budget": None if worker_peak is None else worker_peak <= BUDGET_WORKER_BYTES,
    }
    if code != 0 or timed_out:
        row["log_tail"] = run.log_tail()
    return row


def run(ctx: BenchContext) -> dict[str, Any]:
    if importlib.util.find_spec("service.cli.ingest_cmd") is None:
        return {
            "status": "skipped",
            "reason": "rapport ingest is not in the tree yet (service/cli/ingest_cmd.py)",
        }
    usage = help_text([*rapport_command(), "ingest"])
    missing = [opt for opt in ("--workers", "--engine") if opt not in usage]
    if missing:
        return {"status": "skipped", "reason": f"rapport ingest has no {', '.join(missing)}"}
    corpus = ctx.workdir / "batch" / "corpus"
    paths = write_corpus(corpus, ctx.samples, ctx.sizes.batch_docs)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    with_encoder = ctx.batch_with_encoder
    rows: dict[str, Any] = {}
    for name, engine, workers in CONFIGS:
        if engine == "ray" and importlib.util.find_spec("ray") is None:
            rows[name] = {"skipped": "ray is not installed (pip install rapport[ray])"}
            continue
        rows[name] = _ingest(ctx, corpus, name, engine, workers, with_encoder)
    if not with_encoder:
        small = ctx.workdir / "batch" / "corpus_default_config"
        write_corpus(small, ctx.samples, MEMORY_RUN_DOCS[ctx.quick])
        rows[MEMORY_RUN] = _ingest(ctx, small, MEMORY_RUN, "local", 2, use_encoder=True)
    result: dict[str, Any] = {
        "status": "ok",
        "docs": len(paths),
        "words": words,
        "throughput_runs_use_encoder": with_encoder,
        "runs": rows,
    }
    for key in ("docs_per_s_steady", "docs_per_s_end_to_end"):
        one, two = rows["local_1"].get(key), rows["local_2"].get(key)
        result[f"speedup_2_workers_{key.removeprefix('docs_per_s_')}"] = ratio(two, one)
        ray_rate = rows["ray_2"].get(key) if "skipped" not in rows["ray_2"] else None
        result[f"speedup_ray_2_{key.removeprefix('docs_per_s_')}"] = ratio(ray_rate, one)
    result["cpu_per_doc_2_workers_vs_1"] = ratio(
        rows["local_2"].get("cpu_ms_per_doc"), rows["local_1"].get("cpu_ms_per_doc")
    )
    steady = result["speedup_2_workers_steady"]
    result["target_met"] = None if steady is None else steady >= TARGET_TWO_WORKERS
    measured = [r for r in rows.values() if "skipped" not in r]
    result["all_documents_stored"] = all(r["docs_stored"] == r["docs"] for r in measured)
    peaks = [
        r["worker_peak_rss_mb"] for r in measured if r["use_encoder"] and r["worker_peak_rss_mb"]
    ]
    result["worker_peak_rss_mb_default_config"] = max(peaks) if peaks else None
    result["worker_budget_met"] = None if not peaks else max(peaks) * MB <= BUDGET_WORKER_BYTES
    return result


def _rate(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def render(result: dict[str, Any]) -> list[str]:
    lines = [
        f"  {result['docs']} documents, {result['words']:,} words, fresh SQLite per run;"
        " steady = stored documents/s from the first stored one to the last;",
        "  throughput runs "
        + (
            "in the default configuration (encoder on)"
            if result["throughput_runs_use_encoder"]
            else "with RAPPORT_USE_ENCODER=false (encoder cost: section 3)"
        ),
    ]
    for name, row in result["runs"].items():
        if "skipped" in row:
            lines.append(f"    {name:<15} skipped: {row['skipped']}")
            continue
        status = "ok" if row["exit_code"] == 0 else f"exit {row['exit_code']}"
        status = "TIMED OUT" if row["timed_out"] else status
        lines.append(
            f"    {name:<15} {_rate(row['docs_per_s_end_to_end']):>6} docs/s end to end,"
            f" {_rate(row['docs_per_s_steady']):>6} steady"
            f" (the CLI's own 'models loaded' rate: {_rate(row['docs_per_s_models_loaded_cli'])});"
            f" {row['docs_stored']}/{row['docs']} stored"
            f" in {row['wall_seconds']:.0f} s, {status}"
        )
        # workers load the encoder only with RAPPORT_SUMMARY_EMBEDDINGS=true
        encoder = "default settings" if row["use_encoder"] else "RAPPORT_USE_ENCODER=false"
        lines.append(
            f"    {'':<15} largest worker peak RSS {megabytes(row['worker_peak_rss_mb'])}"
            f" ({encoder}); CPU {row['cpu_ms_per_doc']} ms/doc for the whole process tree;"
            f" load average {row['load_average_1min'][0]} → {row['load_average_1min'][1]}"
        )
        if "log_tail" in row:
            lines.extend(f"      | {line}" for line in row["log_tail"].splitlines())
    lines.append(
        f"    2 workers / 1 worker: steady {times(result['speedup_2_workers_steady'])},"
        f" end to end {times(result['speedup_2_workers_end_to_end'])}"
        f"  target ≥ 1.7× (steady): {verdict(result['target_met'])};"
        f" CPU per document 2 workers / 1: {times(result['cpu_per_doc_2_workers_vs_1'])}"
    )
    lines.append(
        f"    Ray 2 CPUs / 1 local worker: steady {times(result['speedup_ray_2_steady'])},"
        f" end to end {times(result['speedup_ray_2_end_to_end'])}"
    )
    lines.append(
        f"    worker peak RSS, default configuration:"
        f" {megabytes(result['worker_peak_rss_mb_default_config'])}"
        f"  budget ≤ 800 MB: {verdict(result['worker_budget_met'])}"
    )
    return lines
