"""Document routes through the real app, extractor and SQLite store, in French and English.

The oracle for each upload is the extractor run directly on the ingested text: the API
must store and return exactly what extraction produced, with offsets into /text.
"""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from models import EXTRACTOR_VERSION
from service.ingest import ingest_bytes, ingest_text
from service.store.tables import documents, facts
from tests.service.samples import FILE_FORMATS, FORMAT_SAMPLES, sample_text

LANGS = ["fr", "en"]


def expected_facts(extractor, text: str, lang: str = "auto") -> list[dict[str, Any]]:
    return [fact.to_dict() for fact in extractor.extract(text, lang=lang).facts]


def assert_offsets_match(client: TestClient, body: dict[str, Any]) -> None:
    text = client.get(f"/documents/{body['document']['id']}/text").text
    assert len(text) == body["document"]["chars"]
    for fact in body["facts"]:
        assert text[fact["start"] : fact["end"]] == fact["text"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("file_format", list(FILE_FORMATS))
def test_upload_every_format(client: TestClient, extractor, lang: str, file_format: str) -> None:
    name, build = FILE_FORMATS[file_format]
    data = build(sample_text(FORMAT_SAMPLES[lang]))
    created = client.post("/documents", files={"file": (name, data)})
    assert created.status_code == 201, created.text
    body = created.json()
    ingested = ingest_bytes(data)
    assert body["document"]["id"] == ingested.sha256[:16]
    assert body["document"]["sha256"] == ingested.sha256
    assert body["document"]["lang"] == lang
    assert body["document"]["media_type"] == ingested.media_type
    assert body["document"]["source"] == name
    assert body["document"]["extractor_version"] == EXTRACTOR_VERSION
    assert created.headers["location"] == f"/documents/{body['document']['id']}"
    assert body["facts"] == expected_facts(extractor, ingested.text)
    assert len(body["facts"]) >= 5  # real reports: a figure-free result means a broken path
    assert client.get(f"/documents/{body['document']['id']}/text").text == ingested.text
    assert_offsets_match(client, body)

    again = client.post("/documents", files={"file": ("other-name.bin", data)})
    assert again.status_code == 200
    assert again.json() == body
    assert client.get("/documents").json()["count"] == 1


@pytest.mark.parametrize("lang", LANGS)
def test_upload_json_text_detects_language(client: TestClient, extractor, lang: str) -> None:
    text = sample_text(FORMAT_SAMPLES[lang])
    created = client.post("/documents", json={"text": text, "title": "Mon titre"})
    assert created.status_code == 201
    body = created.json()
    assert body["document"]["lang"] == lang
    assert body["document"]["title"] == "Mon titre"
    assert body["document"]["source"] is None
    assert body["facts"] == expected_facts(extractor, ingest_text(text).text)
    assert body["summary"]["sentences"]
    assert set(body["summary"]["key_facts"]) == {"fr", "en"}
    assert client.post("/documents", json={"text": text}).status_code == 200


@pytest.mark.parametrize(("text_lang", "forced"), [("en", "fr"), ("fr", "en")])
def test_upload_with_forced_language(
    client: TestClient, extractor, text_lang: str, forced: str
) -> None:
    text = sample_text(FORMAT_SAMPLES[text_lang])
    as_json = client.post("/documents", json={"text": text, "lang": forced})
    assert as_json.status_code == 201
    assert as_json.json()["document"]["lang"] == forced
    assert as_json.json()["facts"] == expected_facts(extractor, ingest_text(text).text, forced)
    data = text.encode("utf-16")
    as_file = client.post(
        "/documents", files={"file": ("r.txt", data)}, data={"lang": forced, "title": "T"}
    )
    assert as_file.status_code == 201
    assert as_file.json()["document"]["lang"] == forced
    assert as_file.json()["document"]["title"] == "T"


def upload_all(client: TestClient) -> dict[str, str]:
    ids = {}
    for lang, name in FORMAT_SAMPLES.items():
        response = client.post("/documents", json={"text": sample_text(name)})
        ids[lang] = response.json()["document"]["id"]
    return ids


@pytest.mark.parametrize("lang", LANGS)
def test_list_get_and_filter_documents(client: TestClient, lang: str) -> None:
    ids = upload_all(client)
    listed = client.get("/documents").json()
    assert listed["count"] == 2
    assert [row["id"] for row in listed["data"]] == [ids["en"], ids["fr"]]  # newest first
    page = client.get("/documents", params={"limit": 1, "offset": 1}).json()
    assert page == {"data": [listed["data"][1]], "count": 2}
    only = client.get("/documents", params={"lang": lang}).json()
    assert [row["id"] for row in only["data"]] == [ids[lang]] and only["count"] == 1
    body = client.get(f"/documents/{ids[lang]}").json()
    assert body["document"]["lang"] == lang
    row = next(r for r in listed["data"] if r["id"] == ids[lang])
    assert row["facts"] == len(body["facts"])
    assert_offsets_match(client, body)


@pytest.mark.parametrize("lang", LANGS)
def test_delete_removes_the_document_and_its_facts(client: TestClient, lang: str) -> None:
    ids = upload_all(client)
    other = "en" if lang == "fr" else "fr"
    other_facts = client.get("/facts", params={"document_id": ids[other]}).json()["count"]
    assert client.delete(f"/documents/{ids[lang]}").status_code == 204
    for path in (f"/documents/{ids[lang]}", f"/documents/{ids[lang]}/text"):
        assert client.get(path).json()["error"]["code"] == "not_found"
    assert client.get("/facts", params={"document_id": ids[lang]}).json()["count"] == 0
    assert client.get("/facts").json()["count"] == other_facts
    assert client.delete(f"/documents/{ids[lang]}").status_code == 404
    again = client.post("/documents", json={"text": sample_text(FORMAT_SAMPLES[lang])})
    assert again.status_code == 201  # deleted bytes can be stored anew


@pytest.mark.parametrize("lang", LANGS)
def test_reprocess_replaces_facts_with_the_current_extractor(client: TestClient, lang: str) -> None:
    document_id = upload_all(client)[lang]
    before = client.get(f"/documents/{document_id}").json()
    store = client.app.state.store
    with store.engine.begin() as connection:  # pretend an older extractor stored it
        connection.execute(sa.delete(facts).where(facts.c.document_id == document_id))
        connection.execute(
            sa.update(documents)
            .where(documents.c.id == document_id)
            .values(extractor_version="0.0.1-old")
        )
    assert client.get(f"/documents/{document_id}").json()["facts"] == []
    response = client.post(f"/documents/{document_id}/reprocess")
    assert response.status_code == 200
    after = response.json()
    assert after["document"]["extractor_version"] == EXTRACTOR_VERSION
    assert after["facts"] == before["facts"]
    assert after["document"]["processed_at"] > before["document"]["processed_at"]
    assert after["document"]["created_at"] == before["document"]["created_at"]
    assert client.get(f"/documents/{document_id}").json() == after
