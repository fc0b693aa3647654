"""``rapport serve`` end to end, and the folder loading it runs before serving."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from service.ingest.pipeline import load_paths
from service.settings import Settings
from service.store import FactStore
from tests.service.builders import make_docx
from tests.service.samples import FORMAT_SAMPLES, sample_text

RAPPORT = str(Path(sys.executable).with_name("rapport"))  # the installed console script


def write_folder(folder: Path) -> None:
    folder.mkdir()
    (folder / "rapport_fr.txt").write_text(sample_text(FORMAT_SAMPLES["fr"]), encoding="utf-8")
    (folder / "report_en.bin").write_bytes(
        make_docx(sample_text(FORMAT_SAMPLES["en"]).split("\n\n"))
    )
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (folder / ".hidden.txt").write_text("ignored", encoding="utf-8")


def test_load_paths_adds_then_skips(extractor, tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    write_folder(folder)
    store = FactStore.from_url(f"sqlite:///{tmp_path / 'load.db'}")
    store.migrate()
    settings = Settings(database_url="sqlite://")
    first = load_paths([folder], store, extractor, settings)
    assert sorted(Path(p).name for p in first.added) == ["rapport_fr.txt", "report_en.bin"]
    assert [(Path(p).name, code) for p, code, _ in first.failed] == [
        ("image.png", "unsupported_type")
    ]
    second = load_paths([folder], store, extractor, settings)
    assert second.added == [] and sorted(second.skipped) == sorted(first.added)
    rows, total = store.list_documents(limit=10, offset=0)
    assert total == 2 and {row["lang"] for row in rows} == {"fr", "en"}
    store.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_rapport_serve_loads_a_folder_and_serves(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    write_folder(folder)
    port = free_port()
    env = {
        **os.environ,
        "RAPPORT_DATABASE_URL": f"sqlite:///{tmp_path / 'data' / 'serve.db'}",
        "RAPPORT_USE_ENCODER": "false",  # the test is about serving; the encoder only adds time
        "HF_HUB_OFFLINE": "1",
    }
    command = [RAPPORT, "serve", "--port", str(port), "--load", str(folder)]
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        deadline = time.monotonic() + 180
        health = None
        while time.monotonic() < deadline and server.poll() is None:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/health", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.5)
        assert health is not None and health.status_code == 200, "server did not come up"
        documents = httpx.get(f"http://127.0.0.1:{port}/documents").json()
        assert documents["count"] == 2
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    assert f"Rapport serves on http://127.0.0.1:{port}" in output
    assert "Loaded: 2 added, 0 already stored, 1 failed." in output
    assert "failed: unsupported_type" in output


@pytest.mark.parametrize("missing", ["no-such-folder"])
def test_rapport_serve_refuses_a_missing_folder(tmp_path: Path, missing: str) -> None:
    env = {**os.environ, "RAPPORT_DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}",
           "RAPPORT_USE_ENCODER": "false"}  # fmt: skip
    done = subprocess.run(
        [RAPPORT, "serve", "--load", str(tmp_path / missing)],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 2
    assert "no such file or folder" in done.stdout
