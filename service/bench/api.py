"""Section 4: a real server on loopback, measured from the outside (issue 4 + budgets).

The server is ``rapport serve`` when that command exists, else uvicorn on the
``service.api.app:create_app`` factory; either way a separate process with a fresh
SQLite file, started cold. Measured: seconds until ``/health`` answers 200, peak
resident memory of the server (``VmHWM``), and ``POST /documents`` multipart uploads
of distinct ~1,000-word reports with 1 and 4 concurrent clients. The same documents
also go one by one through the same extractor configuration in this process
("extract only"): with one client, each document is extracted here then uploaded,
alternately; before the 4-client run, while the server idles. The ratio is what the
service adds; CPU seconds per document (server vs this process) give the same
ratio without the noise of other users' load on a shared machine.
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


def _post(client: Any, index: int, text: str) -> int:
    import httpx

    files = {"file": (f"bench_{index:04d}.txt", text.encode("utf-8"), "text/plain")}
    try:
        return int(client.post("/documents", files=files).status_code)
    except httpx.HTTPError:
        return -1


def _api_stats(latencies: list[float], statuses: list[int], wall: float) -> dict[str, Any]:
    counts = {str(code): statuses.count(code) for code in sorted(set(statuses))}
    return {
        "docs": len(latencies),
        "wall_seconds": round(wall, 3),
        "docs_per_s": round(len(latencies) / wall, 2),
        "statuses": counts,
        "created": statuses.count(201),
        **latency_stats(latencies),
    }


def _extract_stats(latencies: list[float], cpu: float) -> dict[str, Any]:
    return {
        "docs": len(latencies),
        "docs_per_s": round(len(latencies) / sum(latencies), 2),
        "cpu_ms_per_doc": round(1000 * cpu / len(latencies), 1),
        "use_encoder": True,
        **latency_stats(latencies),
    }


def _timed_extract(extractor: Any, text: str) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    extractor.extract(text)
    return time.perf_counter() - wall, time.process_time() - cpu


def _one_client(extractor: Any, base_url: str, documents: list[str]) -> tuple[dict, dict]:
    """Each document extracted here, then uploaded: alternating, so load from other users
    of the machine falls on both alike (the server idles while this process extracts)."""
    import httpx

    extract_latencies, upload_latencies, statuses = [], [], []
    extract_cpu = 0.0
    with httpx.Client(base_url=base_url, timeout=120.0) as client:
        for index, text in enumerate(documents):
            wall, cpu = _timed_extract(extractor, text)
            extract_latencies.append(wall)
            extract_cpu += cpu
            start = time.perf_counter()
            statuses.append(_post(client, index, text))
            upload_latencies.append(time.perf_counter() - start)
    api = _api_stats(upload_latencies, statuses, sum(upload_latencies))
    return api, _extract_stats(extract_latencies, extract_cpu)


def _concurrent(base_url: str, documents: list[str], clients: int) -> dict[str, Any]:
    """Upload every document once from ``clients`` threads, each with its own connection."""
    import httpx

    work: queue.SimpleQueue[tuple[int, str]] = queue.SimpleQueue()
    for item in enumerate(documents):
        work.put(item)
    latencies: list[float] = []
    statuses: list[int] = []
    lock = threading.Lock()

    def client_loop() -> None:
        with httpx.Client(base_url=base_url, timeout=120.0) as client:
            while True:
                try:
                    index, text = work.get_nowait()
                except queue.Empty:
                    return
                start = time.perf_counter()
                status = _post(client, index, text)
                with lock:
                    latencies.append(time.perf_counter() - start)
                    statuses.append(status)

    start = time.perf_counter()
    threads = [threading.Thread(target=client_loop) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {"clients": clients, **_api_stats(latencies, statuses, time.perf_counter() - start)}


def _sequential_extract(extractor: Any, documents: list[str]) -> dict[str, Any]:
    timings = [_timed_extract(extractor, text) for text in documents]
    return _extract_stats([w for w, _ in timings], sum(c for _, c in timings))


def _server_cpu_ms_per_doc(server: Monitored, before: float, docs: int) -> float:
    server.tree.sample()
    return round(1000 * (server.tree.cpu_by_pid.get(server.tree.root, 0.0) - before) / docs, 1)


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
    extractor = ctx.extractor(use_encoder=True)  # the server's default configuration
    extractor.extract(warmup[0])

    port = free_port()
    argv, how = _server_argv(port)
    db = ctx.workdir / "api" / "bench.db"
    db.parent.mkdir(parents=True, exist_ok=True)
    env = child_env(f"sqlite:///{db}")
    server = Monitored(argv, env, repo_root(), ctx.workdir / "api", "server", interval=0.5)
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
        server.tree.sample()
        rss_ready = server.tree.root_peak()
        _concurrent(base_url, warmup, 1)
        server.tree.sample()
        cpu_before = server.tree.cpu_by_pid.get(server.tree.root, 0.0)
        api_one, extract_one = _one_client(extractor, base_url, one)
        api_one["server_cpu_ms_per_doc"] = _server_cpu_ms_per_doc(server, cpu_before, len(one))
        extract_four = _sequential_extract(extractor, four)  # the server idles meanwhile
        cpu_before = server.tree.cpu_by_pid.get(server.tree.root, 0.0)
        api_four = _concurrent(base_url, four, 4)
        api_four["server_cpu_ms_per_doc"] = _server_cpu_ms_per_doc(server, cpu_before, len(four))
    finally:
        server.stop()
    peak = server.tree.root_peak()
    return {
        "status": "ok",
        "server": how,
        "argv": argv,
        "words_per_doc": {"min": min(words), "max": max(words)},
        "health_seconds": round(health_seconds, 2),
        "rss_at_health_mb": mb(rss_ready),
        "peak_rss_mb": mb(peak),
        "peak_tree_rss_mb": mb(server.tree.peak_tree_rss),
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
        "ratio_cpu_per_doc_api_vs_extract": ratio(
            api["server_cpu_ms_per_doc"], extract["cpu_ms_per_doc"]
        ),
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
            f"      CPU per document: server {api['server_cpu_ms_per_doc']:.0f} ms,"
            f" extract only {ext['cpu_ms_per_doc']:.0f} ms"
            f"  → {times(row['ratio_cpu_per_doc_api_vs_extract'])}"
        )
    lines.append(
        f"    p95 one client {result['one_client']['api']['p95_ms']:.0f} ms"
        f"  budget ≤ 300 ms: {verdict(budgets['p95_one_client_le_300ms'])}"
    )
    return lines
