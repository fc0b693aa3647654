"""Every error path of the API: status, machine-readable code, message, and nothing stored."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.service.builders import encrypt_pdf, make_docx_bomb, make_pdf, make_zip
from tests.service.conftest import api_client
from tests.service.samples import FORMAT_SAMPLES, GERMAN, SPANISH, sample_text

UNKNOWN_ID = "0123456789abcdef"
SMALL_LIMIT = 3000  # bytes: below every sample report
PDF = make_pdf([["Le chiffre d'affaires atteint 12 milliards d'euros au T3 2025."]])


@pytest.fixture
def small_client(extractor, tmp_path: Path) -> Iterator[TestClient]:
    url = f"sqlite:///{tmp_path / 'api.db'}"
    with api_client(extractor, url, max_upload_bytes=SMALL_LIMIT) as test_client:
        yield test_client


def upload_file(data: bytes, name: str = "report.txt", **fields: str) -> dict[str, Any]:
    return {"files": {"file": (name, data)}, "data": fields}


FR, EN = sample_text(FORMAT_SAMPLES["fr"]), sample_text(FORMAT_SAMPLES["en"])
LONG = {"fr": FR * 2, "en": EN * 2}

# (id, method, path, request kwargs, status, code)
ERROR_CASES: list[tuple[str, str, str, dict[str, Any], int, str]] = [
    # language
    ("German text", "POST", "/documents", {"json": {"text": GERMAN}}, 422,
     "unsupported_language"),
    ("Spanish file", "POST", "/documents", upload_file(SPANISH.encode()), 422,
     "unsupported_language"),
    ("lang=de json", "POST", "/documents", {"json": {"text": FR, "lang": "de"}}, 422,
     "validation_error"),
    ("lang=de form", "POST", "/documents", upload_file(EN.encode(), lang="de"), 422,
     "validation_error"),
    # empty
    ("empty json text", "POST", "/documents", {"json": {"text": ""}}, 422, "empty_text"),
    ("blank json text", "POST", "/documents", {"json": {"text": " \n\t"}}, 422, "empty_text"),
    ("empty file", "POST", "/documents", upload_file(b""), 422, "empty_text"),
    ("menu-only html", "POST", "/documents",
     upload_file(b"<html><body><nav>Accueil Home</nav></body></html>"), 422, "empty_text"),
    # type
    ("png", "POST", "/documents", upload_file(b"\x89PNG\r\n\x1a\n" + os.urandom(99), "a.txt"),
     415, "unsupported_type"),
    ("xlsx", "POST", "/documents", upload_file(make_zip({"xl/workbook.xml": b"<x/>"}), "a.docx"),
     415, "unsupported_type"),
    ("text/plain body", "POST", "/documents",
     {"content": FR.encode(), "headers": {"content-type": "text/plain"}}, 415, "unsupported_type"),
    ("no content type", "POST", "/documents", {"content": b"abc"}, 415, "unsupported_type"),
    # unreadable
    ("encrypted pdf", "POST", "/documents", upload_file(encrypt_pdf(PDF, "pw"), "a.pdf"), 422,
     "unreadable_file"),
    ("scanned pdf", "POST", "/documents", upload_file(make_pdf([[]]), "a.pdf"), 422,
     "unreadable_file"),
    ("corrupt pdf", "POST", "/documents", upload_file(PDF[:150], "a.pdf"), 422, "unreadable_file"),
    ("binary junk", "POST", "/documents", upload_file(bytes(range(256)) * 4), 422,
     "unreadable_file"),
    ("docx bomb", "POST", "/documents", upload_file(make_docx_bomb(2 << 20), "a.docx"), 422,
     "unreadable_file"),
    # malformed requests
    ("json without text", "POST", "/documents", {"json": {"title": "x"}}, 422, "validation_error"),
    ("json extra field", "POST", "/documents", {"json": {"text": FR, "colour": 1}}, 422,
     "validation_error"),
    ("json text not a string", "POST", "/documents", {"json": {"text": 12}}, 422,
     "validation_error"),
    ("json array", "POST", "/documents", {"json": [FR]}, 422, "validation_error"),
    ("broken json", "POST", "/documents",
     {"content": b'{"text": "abc', "headers": {"content-type": "application/json"}}, 422,
     "validation_error"),
    ("form without file", "POST", "/documents",
     {"data": {"title": "x"}, "files": {"other": ("a", b"x")}}, 422, "validation_error"),
    ("limit 0", "GET", "/documents", {"params": {"limit": 0}}, 422, "validation_error"),
    ("limit too big", "GET", "/facts", {"params": {"limit": 100000}}, 422, "validation_error"),
    ("negative offset", "GET", "/entities", {"params": {"offset": -1}}, 422, "validation_error"),
    ("documents lang=de", "GET", "/documents", {"params": {"lang": "de"}}, 422, "validation_error"),
    ("unknown metric", "GET", "/facts", {"params": {"metric": "ebitda_ish"}}, 422,
     "validation_error"),
    ("unknown claim type", "GET", "/facts", {"params": {"claim_type": "rumour"}}, 422,
     "validation_error"),
    ("unknown sort", "GET", "/facts", {"params": {"sort": "colour"}}, 422, "validation_error"),
    ("French period syntax", "GET", "/facts", {"params": {"period_from": "T2 2025"}}, 422,
     "validation_error"),
    ("bad period_to", "GET", "/facts", {"params": {"period_to": "2025-Q7"}}, 422,
     "validation_error"),
    ("min_value not a number", "GET", "/facts", {"params": {"min_value": "beaucoup"}}, 422,
     "validation_error"),
    ("min_value nan", "GET", "/facts", {"params": {"min_value": "nan"}}, 422, "validation_error"),
    ("NUL in query", "GET", "/facts", {"params": {"subject": "a\x00b"}}, 422, "validation_error"),
    ("one-value parameter twice", "GET", "/facts", {"params": [("limit", 5), ("limit", 500)]},
     422, "validation_error"),
    ("subject twice", "GET", "/facts", {"params": [("subject", "A"), ("subject", "B")]}, 422,
     "validation_error"),
    ("unknown entity type", "GET", "/entities", {"params": {"type": "planet"}}, 422,
     "validation_error"),
    ("bad csv format", "GET", "/facts", {"params": {"format": "xlsx"}}, 422, "validation_error"),
    # not found
    ("unknown document", "GET", f"/documents/{UNKNOWN_ID}", {}, 404, "not_found"),
    ("unknown text", "GET", f"/documents/{UNKNOWN_ID}/text", {}, 404, "not_found"),
    ("delete unknown", "DELETE", f"/documents/{UNKNOWN_ID}", {}, 404, "not_found"),
    ("reprocess unknown", "POST", f"/documents/{UNKNOWN_ID}/reprocess", {}, 404, "not_found"),
    ("unknown entity", "GET", "/entities/NO-SUCH-ENTITY", {}, 404, "not_found"),
    ("unknown route", "GET", "/rapports", {}, 404, "not_found"),
    ("wrong method", "PUT", "/documents", {}, 405, "method_not_allowed"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status", "code"),
    [pytest.param(*case[1:], id=case[0]) for case in ERROR_CASES],
)
def test_error_paths(
    client: TestClient, method: str, path: str, kwargs: dict, status: int, code: str
) -> None:
    response = client.request(method, path, **kwargs)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    error = response.json()["error"]
    assert error["code"] == code
    assert isinstance(error["message"], str) and len(error["message"]) > 10
    assert isinstance(error["details"], dict)
    assert client.get("/documents").json()["count"] == 0


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("how", ["file", "json", "chunked file"])
def test_uploads_over_the_size_limit(small_client: TestClient, lang: str, how: str) -> None:
    text = LONG[lang]
    if how == "file":
        response = small_client.post("/documents", files={"file": ("r.txt", text.encode())})
    elif how == "json":
        response = small_client.post("/documents", json={"text": text})
    else:  # no Content-Length: the limit must hold while the body streams in
        body = text.encode()
        chunks = (body[i : i + 500] for i in range(0, len(body), 500))
        response = small_client.post(
            "/documents", content=chunks, headers={"content-type": "application/json"}
        )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"
    assert small_client.get("/documents").json()["count"] == 0


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_uploads_under_the_size_limit_pass(small_client: TestClient, lang: str) -> None:
    text = sample_text(FORMAT_SAMPLES[lang])[: SMALL_LIMIT // 2]
    response = small_client.post("/documents", files={"file": ("r.txt", text.encode())})
    assert response.status_code == 201, response.text


@pytest.mark.parametrize("q", ["%% -- !!", "«»", "___"])
def test_a_query_without_words_finds_nothing(loaded_client: TestClient, q: str) -> None:
    response = loaded_client.get("/facts", params={"q": q})
    assert response.status_code == 200
    assert response.json() == {"data": [], "count": 0}


KEY = "s3cret-key"


@pytest.fixture
def locked_client(extractor, tmp_path: Path) -> Iterator[TestClient]:
    url = f"sqlite:///{tmp_path / 'api.db'}"
    with api_client(extractor, url, api_key=KEY) as test_client:
        yield test_client


WRONG_CREDENTIALS = [
    {},
    {"X-API-Key": "wrong"},
    {"Authorization": "Bearer wrong"},
    {"Authorization": f"Basic {KEY}"},
    {"X-API-Key": ""},
]


@pytest.mark.parametrize("headers", WRONG_CREDENTIALS)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_writes_need_the_api_key(locked_client: TestClient, lang: str, headers: dict) -> None:
    text = sample_text(FORMAT_SAMPLES[lang])
    stored = locked_client.post("/documents", json={"text": text}, headers={"X-API-Key": KEY})
    document_id = stored.json()["document"]["id"]
    attempts = [
        ("POST", "/documents", {"json": {"text": text + " bis"}}),
        ("POST", "/documents", {"content": b"\x89PNG", "headers": {"content-type": "image/png"}}),
        ("DELETE", f"/documents/{document_id}", {}),
        ("POST", f"/documents/{document_id}/reprocess", {}),
    ]
    for method, path, kwargs in attempts:
        merged = {**kwargs, "headers": {**kwargs.get("headers", {}), **headers}}
        response = locked_client.request(method, path, **merged)
        assert response.status_code == 401, (method, path)
        assert response.json()["error"]["code"] == "unauthorized"
        assert response.headers["www-authenticate"].startswith("Bearer")
    assert locked_client.get("/documents").json()["count"] == 1


@pytest.mark.parametrize(
    "headers", [{"X-API-Key": KEY}, {"Authorization": f"Bearer {KEY}"}], ids=["header", "bearer"]
)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_api_key_opens_writes_and_reads_stay_open(
    locked_client: TestClient, lang: str, headers: dict
) -> None:
    created = locked_client.post(
        "/documents", json={"text": sample_text(FORMAT_SAMPLES[lang])}, headers=headers
    )
    assert created.status_code == 201
    document_id = created.json()["document"]["id"]
    for path in ("/documents", f"/documents/{document_id}", "/facts", "/entities", "/health"):
        assert locked_client.get(path).status_code == 200, path
    assert (
        locked_client.post(f"/documents/{document_id}/reprocess", headers=headers).status_code
        == 200
    )
    assert locked_client.delete(f"/documents/{document_id}", headers=headers).status_code == 204
