"""Section 5: ``rapport ingest`` on ≥ 500 documents, 1 and 2 local workers and Ray (issue 5).

Each configuration ingests the same freshly written corpus (variants of the sample
reports, each with other bytes) into its own fresh SQLite file, as a subprocess of
the real CLI. Two rates are reported: end to end (documents / wall time, with the
workers' model loading) and steady (documents stored between the first stored one
and the last, over that time, read from the database while the run goes), the
latter being what more workers can speed up. Worker memory is the peak resident
size of the largest process below the CLI. Target: 2 workers ≥ 1.7× one worker;
budget: a worker ≤ 800 MB.
"""

from __future__ import annotations

import importlib.util
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


def _stored(db: Path) -> int | None:
    if not db.exists():
        return None
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.5) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return None  # not migrated yet, or locked for a moment


def _ingest(ctx: BenchContext, corpus: Path, name: str, engine: str, workers: int) -> dict:
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
    env = child_env(f"sqlite:///{db}", RAY_USAGE_STATS_ENABLED="0")
    run = Monitored(argv, env, repo_root(), ctx.workdir / "batch", name, interval=0.2)
    first: tuple[float, int] | None = None
    last: tuple[float, int] | None = None
    while run.running() and time.perf_counter() - run.started_at < RUN_TIMEOUT_SECONDS:
        count = _stored(db)
        now = time.perf_counter() - run.started_at
        if count:
            first = first or (now, count)
            if last is None or count > last[1]:
                last = (now, count)
        time.sleep(0.25)
    timed_out = run.running()
    code = run.stop()
    wall = time.perf_counter() - run.started_at
    stored = _stored(db) or 0
    children = run.memory.children_peaks()
    worker_peak = children[0][1] if children else None
    steady = None
    if first and last and last[0] > first[0]:
        steady = (last[1] - first[1]) / (last[0] - first[0])
    row = {
        "engine": engine,
        "workers": workers,
        "argv": argv,
        "exit_code": code,
        "timed_out": timed_out,
        "docs_stored": stored,
        "wall_seconds": round(wall, 2),
        "first_doc_seconds": None if first is None else round(first[0], 2),
        "docs_per_s_end_to_end": round(stored / wall, 2) if wall else None,
        "docs_per_s_steady": None if steady is None else round(steady, 2),
        "cli_peak_rss_mb": mb(run.memory.root_peak()),
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
    rows: dict[str, Any] = {}
    for name, engine, workers in CONFIGS:
        if engine == "ray" and importlib.util.find_spec("ray") is None:
            rows[name] = {"skipped": "ray is not installed (pip install rapport[ray])"}
            continue
        rows[name] = _ingest(ctx, corpus, name, engine, workers)
    result: dict[str, Any] = {"status": "ok", "docs": len(paths), "words": words, "runs": rows}
    for key in ("docs_per_s_steady", "docs_per_s_end_to_end"):
        one, two = rows["local_1"].get(key), rows["local_2"].get(key)
        result[f"speedup_2_workers_{key.removeprefix('docs_per_s_')}"] = ratio(two, one)
        ray_rate = rows["ray_2"].get(key) if "skipped" not in rows["ray_2"] else None
        result[f"speedup_ray_2_{key.removeprefix('docs_per_s_')}"] = ratio(ray_rate, one)
    steady = result["speedup_2_workers_steady"]
    result["target_met"] = None if steady is None else steady >= TARGET_TWO_WORKERS
    complete = all(r.get("docs_stored") == len(paths) for r in rows.values() if "skipped" not in r)
    result["all_documents_stored"] = complete
    return result


def render(result: dict[str, Any]) -> list[str]:
    lines = [f"  {result['docs']} documents, {result['words']:,} words, fresh SQLite per run"]
    for name, row in result["runs"].items():
        if "skipped" in row:
            lines.append(f"    {name:<8} skipped: {row['skipped']}")
            continue
        status = (
            "ok"
            if row["exit_code"] == 0 and not row["timed_out"]
            else ("TIMED OUT" if row["timed_out"] else f"exit {row['exit_code']}")
        )
        steady = row["docs_per_s_steady"]
        lines.append(
            f"    {name:<8} {row['docs_per_s_end_to_end']:>7.2f} docs/s end to end,"
            f" {'n/a' if steady is None else f'{steady:.2f}':>7} docs/s steady,"
            f" {row['docs_stored']} stored in {row['wall_seconds']:.0f} s ({status});"
            f" largest worker {megabytes(row['worker_peak_rss_mb'])}"
            f" ≤ 800 MB: {verdict(row['worker_within_budget'])}"
        )
        if "log_tail" in row:
            lines.extend(f"      | {line}" for line in row["log_tail"].splitlines())
    lines.append(
        f"    2 workers / 1 worker: steady {times(result['speedup_2_workers_steady'])},"
        f" end to end {times(result['speedup_2_workers_end_to_end'])}"
        f"  target ≥ 1.7× (steady): {verdict(result['target_met'])}"
    )
    lines.append(
        f"    Ray 2 CPUs / 1 local worker: steady {times(result['speedup_ray_2_steady'])},"
        f" end to end {times(result['speedup_ray_2_end_to_end'])}"
    )
    return lines
