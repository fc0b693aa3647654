"""``POST /batches`` and ``GET /batches/{id}`` on the real app, with a real background run."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from service.api import create_app
from tests.service.batch.conftest import batch_settings
from tests.service.batch.corpus import SAMPLES

REPORTS = {
    "fr_airbus.txt": "fr_airbus_resultats_s1_2025.txt",
    "fr_sanofi.txt": "fr_sanofi_resultats_annuels_2024.txt",
    "en_asml.txt": "en_asml_q3_bookings.txt",
    "en_tsmc.txt": "en_tsmc_october_sales.txt",
}


@pytest.fixture(scope="module")
def corpus_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("api")
    root, outside = base / "corpus", base / "outside"
    (root / "reports").mkdir(parents=True)
    outside.mkdir()
    for name, sample in REPORTS.items():
        (root / "reports" / name).write_bytes((SAMPLES / sample).read_bytes())
    (root / "reports" / "empty.txt").write_bytes(b"")
    (outside / "private.txt").write_text("Revenue rose 5% to $3bn.")
    (root / "escape").symlink_to(outside)
    return root


@pytest.fixture(scope="module")
def client(rules_extractor, corpus_root: Path) -> Iterator[TestClient]:
    url = f"sqlite:///{corpus_root.parent / 'api.db'}"
    app = create_app(batch_settings(url, corpus_root=corpus_root), extractor=rules_extractor)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def wait_for_end(client: TestClient, batch_id: str, timeout: float = 180) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body = client.get(f"/batches/{batch_id}").json()
        if body["status"] not in ("queued", "running"):
            return body
        time.sleep(0.2)
    raise AssertionError(f"batch {batch_id} still running after {timeout} s")


@pytest.fixture(scope="module")
def finished_batch(client: TestClient) -> tuple[dict, dict, dict]:
    accepted = client.post("/batches", json={"folder": "reports", "workers": 1})
    # A second batch while the first runs is refused, not queued behind it.
    refused = client.post("/batches", json={"folder": "reports"})
    return accepted, refused, wait_for_end(client, accepted.json()["id"])


def test_post_answers_202_with_the_job_id_at_once(finished_batch) -> None:
    accepted, _, _ = finished_batch
    assert accepted.status_code == 202, accepted.text
    body = accepted.json()
    assert accepted.headers["location"] == f"/batches/{body['id']}"
    assert body["resumed"] is False and body["folder"] == "reports"


def test_a_second_batch_while_one_runs_is_409(finished_batch) -> None:
    _, refused, _ = finished_batch
    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "batch_running"


def test_get_reports_counts_and_each_failure(finished_batch) -> None:
    _, _, progress = finished_batch
    assert progress["status"] == "done"
    assert progress["total"] == progress["processed"] == len(REPORTS) + 1
    assert progress["counts"] == {
        "added": len(REPORTS),
        "reprocessed": 0,
        "skipped": 0,
        "failed": 1,
    }
    [failure] = progress["failures"]
    assert failure["path"].endswith("empty.txt") and failure["code"] == "empty_text"
    assert progress["finished_at"] is not None


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_batch_documents_are_served_with_their_facts(client, finished_batch, lang) -> None:
    page = client.get("/documents", params={"lang": lang}).json()
    assert page["count"] == sum(1 for name in REPORTS if name.startswith(lang))
    for document in page["data"]:
        assert document["facts"] > 0


@pytest.mark.parametrize(
    "folder",
    ["../outside", "reports/../../outside", "/etc", "escape", "escape/../reports/../../outside"],
)
def test_folders_outside_the_corpus_root_are_403(client, folder) -> None:
    response = client.post("/batches", json={"folder": folder})
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden_path"


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"folder": "no-such-folder"}, 404, "not_found"),
        ({}, 422, "validation_error"),
        ({"folder": "reports", "workers": 0}, 422, "validation_error"),
        ({"folder": "reports", "engine": "ray"}, 422, "validation_error"),
        ({"folder": "rep\u0000orts"}, 404, "not_found"),
        ({"folder": "x" * 4000}, 404, "not_found"),
    ],
)
def test_bad_batch_requests(client, body, status, code) -> None:
    response = client.post("/batches", json=body)
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code


def test_an_unknown_batch_is_404(client) -> None:
    response = client.get("/batches/0123456789abcdef0123456789abcdef")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_both_routes_are_documented(client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for method, path in (("post", "/batches"), ("get", "/batches/{batch_id}")):
        operation = paths[path][method]
        assert operation["summary"] and operation["description"]
    assert {"202", "403", "409", "422"} <= set(paths["/batches"]["post"]["responses"])


def test_writes_need_the_key_when_one_is_set(rules_extractor, corpus_root: Path) -> None:
    url = f"sqlite:///{corpus_root.parent / 'keyed.db'}"
    settings = batch_settings(url, corpus_root=corpus_root, api_key="k3y")
    with TestClient(create_app(settings, extractor=rules_extractor)) as keyed:
        assert keyed.post("/batches", json={"folder": "/etc"}).status_code == 401
        allowed = keyed.post("/batches", json={"folder": "/etc"}, headers={"X-API-Key": "k3y"})
        assert allowed.status_code == 403
