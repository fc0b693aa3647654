"""Section 4: a real server on loopback, measured from the outside (issue 4 + budgets).

The server is ``rapport serve`` when that command exists, else uvicorn on the
``service.api.app:create_app`` factory; either way a separate process with a fresh
SQLite file, started cold. Measured: seconds until ``/health`` answers 200, peak
resident memory of the server (``VmHWM``), and ``POST /documents`` multipart uploads
of distinct ~1,000-word reports with 1 and 4 concurrent clients. Before the server
starts, the same documents go one by one through the same extractor configuration
in this process ("extract only"): the ratio is what the service adds.
Budgets: ≤ 1.2 GB resident, /health ≤ 20 s after start, p95 ≤ 300 ms on one client.
"""

from __future__ import annotations

import importlib.util
import queue
import sys
import threading
import time
from typing import Any

from service.bench.context import BenchContext, repo_root
from service.bench.fmt import megabytes, times, verdict
from service.bench.measure import MB, latency_stats, mb, ratio
from service.bench.processes import Monitored, child_env, free_port, help_text, rapport_command
from service.bench.texts import distinct_variants, long_reports

BUDGET_RSS_BYTES = 1_200 * MB
BUDGET_HEALTH_SECONDS = 20.0
BUDGET_P95_MS = 300.0
HEALTH_TIMEOUT_SECONDS = 180.0
WARMUP_UPLOADS = 2


def _server_argv(port: int) -> tuple[list[str], str]:
    if importlib.util.find_spec("service.cli.serve_cmd") is not None:
        command = [*rapport_command(), "serve"]
        if "--host" in help_text(command):
            return [*command, "--host", "127.0.0.1", "--port", str(port)], "rapport serve"
    argv = [
        sys.executable,
        "-m",
        "uvicorn",
        "service.api.app:create_app",
        "--factory",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "warning",
    ]
    return argv, "uvicorn service.api.app:create_app --factory"


def _wait_healthy(server: Monitored, base_url: str) -> float | None:
    import httpx

    deadline = server.started_at + HEALTH_TIMEOUT_SECONDS
    with httpx.Client(base_url=base_url, timeout=2.0) as client:
        while time.perf_counter() < deadline and server.running():
            try:
                if client.get("/health").status_code == 200:
                    return time.perf_counter() - server.started_at
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
    return None


def _upload_all(base_url: str, documents: list[str], clients: int) -> dict[str, Any]:
    """Upload every document once with ``clients`` threads; latencies and wall time."""
    import httpx

    work: queue.SimpleQueue[tuple[int, str]] = queue.SimpleQueue()
    for item in enumerate(documents):
        work.put(item)
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()

    def client_loop() -> None:
        with httpx.Client(base_url=base_url, timeout=120.0) as client:
            while True:
                try:
                    index, text = work.get_nowait()
                except queue.Empty:
                    return
                files = {"file": (f"bench_{index:04d}.txt", text.encode("utf-8"), "text/plain")}
                start = time.perf_counter()
                try:
                    status = client.post("/documents", files=files).status_code
                except httpx.HTTPError:
                    status = -1
                elapsed = time.perf_counter() - start
                with lock:
                    latencies.append(elapsed)
                    statuses[status] = statuses.get(status, 0) + 1

    start = time.perf_counter()
    threads = [threading.Thread(target=client_loop) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - start
    return {
        "clients": clients,
        "docs": len(documents),
        "wall_seconds": round(wall, 3),
        "docs_per_s": round(len(documents) / wall, 2),
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "created": statuses.get(201, 0),
        **latency_stats(latencies),
    }


def _extract_only(ctx: BenchContext, documents: list[str]) -> dict[str, Any]:
    extractor = ctx.extractor(use_encoder=True)  # the server's default configuration
    extractor.extract(documents[0])  # warm-up
    latencies = []
    start = time.perf_counter()
    for text in documents:
        begin = time.perf_counter()
        extractor.extract(text)
        latencies.append(time.perf_counter() - begin)
    wall = time.perf_counter() - start
    return {
        "docs": len(documents),
        "docs_per_s": round(len(documents) / wall, 2),
        "use_encoder": True,
        **latency_stats(latencies),
    }


def run(ctx: BenchContext) -> dict[str, Any]:
    for module in ("service.api.app", "httpx", "uvicorn"):
        if importlib.util.find_spec(module) is None:
            return {"status": "skipped", "reason": f"{module} is not available"}
    sizes = ctx.sizes
    reports = long_reports(ctx.samples, sizes.report_words)
    total = WARMUP_UPLOADS + sizes.api_docs_one_client + sizes.api_docs_four_clients
    documents = distinct_variants([r.text for r in reports], total)
    warmup = documents[:WARMUP_UPLOADS]
    one = documents[WARMUP_UPLOADS : WARMUP_UPLOADS + sizes.api_docs_one_client]
    four = documents[WARMUP_UPLOADS + sizes.api_docs_one_client :]
    words = [len(d.split()) for d in documents]
    extract_one, extract_four = _extract_only(ctx, one), _extract_only(ctx, four)

    port = free_port()
    argv, how = _server_argv(port)
    db = ctx.workdir / "api" / "bench.db"
    db.parent.mkdir(parents=True, exist_ok=True)
    server = Monitored(
        argv, child_env(f"sqlite:///{db}"), repo_root(), ctx.workdir / "api", "server"
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        health_seconds = _wait_healthy(server, base_url)
        if health_seconds is None:
            return {
                "status": "error",
                "server": how,
                "reason": f"/health never answered 200 within {HEALTH_TIMEOUT_SECONDS:.0f} s",
                "log_tail": server.log_tail(),
            }
        server.memory.sample()
        rss_ready = server.memory.root_peak()
        _upload_all(base_url, warmup, 1)
        api_one = _upload_all(base_url, one, 1)
        api_four = _upload_all(base_url, four, 4)
        server.memory.sample()
    finally:
        server.stop()
    peak = server.memory.root_peak()
    return {
        "status": "ok",
        "server": how,
        "argv": argv,
        "words_per_doc": {"min": min(words), "max": max(words)},
        "health_seconds": round(health_seconds, 2),
        "rss_at_health_mb": mb(rss_ready),
        "peak_rss_mb": mb(peak),
        "peak_tree_rss_mb": mb(server.memory.peak_tree_rss),
        "one_client": {
            "api": api_one,
            "extract_only": extract_one,
            **_overhead(api_one, extract_one),
        },
        "four_clients": {
            "api": api_four,
            "extract_only": extract_four,
            **_overhead(api_four, extract_four),
        },
        "budgets": {
            "rss_le_1200mb": peak <= BUDGET_RSS_BYTES,
            "health_le_20s": health_seconds <= BUDGET_HEALTH_SECONDS,
            "p95_one_client_le_300ms": api_one["p95_ms"] <= BUDGET_P95_MS,
        },
    }


def _overhead(api: dict[str, Any], extract: dict[str, Any]) -> dict[str, Any]:
    return {
        "ratio_p50_api_vs_extract": ratio(api["p50_ms"], extract["p50_ms"]),
        "ratio_p95_api_vs_extract": ratio(api["p95_ms"], extract["p95_ms"]),
        "ratio_docs_per_s_extract_vs_api": ratio(extract["docs_per_s"], api["docs_per_s"]),
    }


def render(result: dict[str, Any]) -> list[str]:
    budgets = result["budgets"]
    words = result["words_per_doc"]
    lines = [
        f"  server: {result['server']} (fresh SQLite, loopback); "
        f"reports of {words['min']}–{words['max']} words, multipart uploads",
        f"    time to /health 200: {result['health_seconds']:.1f} s"
        f"  budget ≤ 20 s: {verdict(budgets['health_le_20s'])}",
        f"    peak RSS (VmHWM) of the server: {megabytes(result['peak_rss_mb'])}"
        f" (at /health: {megabytes(result['rss_at_health_mb'])})"
        f"  budget ≤ 1,200 MB: {verdict(budgets['rss_le_1200mb'])}",
    ]
    for key, label in (("one_client", "1 client"), ("four_clients", "4 clients")):
        row = result[key]
        api, ext = row["api"], row["extract_only"]
        lines.append(
            f"    {label}: {api['docs']} docs, {api['docs_per_s']:.2f} docs/s,"
            f" p50 {api['p50_ms']:.0f} ms, p95 {api['p95_ms']:.0f} ms, statuses {api['statuses']}"
        )
        lines.append(
            f"      extract only, same docs: {ext['docs_per_s']:.2f} docs/s,"
            f" p50 {ext['p50_ms']:.0f} ms, p95 {ext['p95_ms']:.0f} ms"
            f"  → service overhead p50 {times(row['ratio_p50_api_vs_extract'])},"
            f" throughput {times(row['ratio_docs_per_s_extract_vs_api'])}"
        )
    lines.append(
        f"    p95 one client {result['one_client']['api']['p95_ms']:.0f} ms"
        f"  budget ≤ 300 ms: {verdict(budgets['p95_one_client_le_300ms'])}"
    )
    return lines
