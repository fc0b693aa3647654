"""Eight clients upload 100 documents (30 of them duplicates) at once to a live uvicorn.

Afterwards every distinct document is stored exactly once, with exactly the facts
the extractor finds in it, and no request failed. Runs on SQLite and PostgreSQL:
the duplicate race is won differently by each (SQLite serializes writers with
BEGIN IMMEDIATE, PostgreSQL raises a unique violation the store absorbs).
"""

from __future__ import annotations

import queue
import random
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from service.api import create_app
from service.ingest import ingest_bytes, ingest_text
from service.settings import Settings
from tests.service.conftest import database_url, empty_store
from tests.service.samples import FILE_FORMATS, SAMPLES

CLIENTS = 8
UNIQUE = 70
DUPLICATES = 30
SUFFIXES = ["Copie de travail", "Working copy", "Exemplaire annoté", "Annotated copy"]


@pytest.fixture(scope="module")
def fast_extractor():
    """The real extractor without the sentence encoder.

    This test is about storage under concurrency; the encoder would multiply the run
    time by ten without touching what is checked (documents, facts, no failure).
    """
    from models import Extractor

    return Extractor(use_encoder=False).load()


Upload = dict[str, Any]  # keyword arguments of httpx.Client.post


def distinct_uploads() -> list[tuple[Upload, str]]:
    """``UNIQUE`` uploads of distinct bytes, each with the plain text the store will hold."""
    # the first UNIQUE reports (the corpus grows), then variants of them up to UNIQUE
    texts = [path.read_text(encoding="utf-8") for path in sorted(SAMPLES.glob("*.txt"))][:UNIQUE]
    variants = [
        f"{texts[i % len(texts)]}\n\n{SUFFIXES[i % len(SUFFIXES)]} {chr(65 + i // len(texts))}."
        for i in range(UNIQUE - len(texts))
    ]
    uploads = []
    formats = ["json", "txt utf-8", "txt utf-16", "html", "docx"]
    for index, text in enumerate(texts + variants):
        kind = formats[index % len(formats)]
        if kind == "json":
            uploads.append(({"json": {"text": text}}, ingest_text(text).text))
        else:
            name, build = FILE_FORMATS[kind]
            data = build(text)
            uploads.append(({"files": {"file": (name, data)}}, ingest_bytes(data).text))
    return uploads


@pytest.fixture
def live_url(
    fast_extractor, backend: str, request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[str]:
    url = database_url(backend, request, tmp_path)
    empty_store(url).close()
    app = create_app(Settings(database_url=url), extractor=fast_extractor)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", timeout_keep_alive=30))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=30)
    listener.close()


def test_eight_clients_upload_one_hundred_documents(live_url: str, fast_extractor) -> None:
    uploads = distinct_uploads()
    order = list(range(UNIQUE)) + random.Random(4).choices(range(UNIQUE), k=DUPLICATES)
    random.Random(7).shuffle(order)
    work: queue.SimpleQueue[int] = queue.SimpleQueue()
    for index in order:
        work.put(index)
    results: list[tuple[int, int, dict[str, Any]]] = []
    failures: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(CLIENTS)

    def client() -> None:
        with httpx.Client(base_url=live_url, timeout=300) as http:
            start.wait()
            while True:
                try:
                    index = work.get_nowait()
                except queue.Empty:
                    return
                try:
                    response = http.post("/documents", **uploads[index][0])
                    body = response.json()
                except Exception as exc:  # a failed request is the finding, not a crash
                    with lock:
                        failures.append(f"{index}: {exc!r}")
                    continue
                with lock:
                    results.append((index, response.status_code, body))

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    assert len(results) == len(order) == 100
    assert {status for _, status, _ in results} <= {200, 201}, [
        (i, s, b) for i, s, b in results if s not in (200, 201)
    ]
    created = Counter(index for index, status, _ in results if status == 201)
    assert created == Counter(range(UNIQUE))  # each distinct upload created exactly once
    ids_by_upload: dict[int, set[str]] = {}
    for index, _, body in results:
        ids_by_upload.setdefault(index, set()).add(body["document"]["id"])
    assert all(len(ids) == 1 for ids in ids_by_upload.values())
    assert len({next(iter(ids)) for ids in ids_by_upload.values()}) == UNIQUE

    with httpx.Client(base_url=live_url, timeout=60) as http:
        listed = http.get("/documents", params={"limit": 500}).json()
        assert listed["count"] == UNIQUE
        total_facts = 0
        for index, (_, text) in enumerate(uploads):
            document_id = next(iter(ids_by_upload[index]))
            stored = http.get(f"/documents/{document_id}").json()
            expected = [fact.to_dict() for fact in fast_extractor.extract(text).facts]
            assert stored["facts"] == expected, index
            assert http.get(f"/documents/{document_id}/text").text == text
            total_facts += len(expected)
        assert total_facts > UNIQUE  # real reports: facts on every page
        assert http.get("/facts", params={"limit": 1}).json()["count"] == total_facts
