"""``GET /search`` and ``GET /documents/{id}/summary`` on real reports, FR and EN.

The real app, extractor (encoder loaded) and stores: the search tables come from
migration 0003 on SQLite (FTS5) and PostgreSQL (tsvector). The expected
document of each query is named by the query's topic, never by a stored score.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from fastapi import FastAPI
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from service.api import create_app
from service.api.routes import search as search_routes
from service.cli import app as cli
from service.search.tables import sentence_sources
from service.settings import Settings
from service.store import DocumentRecord
from tests.service.conftest import BACKENDS, database_url, empty_store
from tests.service.samples import sample_text

REPORTS = {
    "fr": ["fr_lvmh_resultats_s1_2025.txt", "fr_totalenergies_resultats_t3_2025.txt"],
    "en": ["en_intel_q2_loss.txt", "en_nvidia_q3_fy2026_results.txt"],
}
# (query language, query, report it is about, a word the best sentence must hold)
QUERIES = [
    ("fr", "chiffre d'affaires de LVMH au premier semestre", "fr_lvmh_resultats_s1_2025.txt",
     "chiffre d'affaires"),
    ("fr", "résultat net ajusté de TotalEnergies", "fr_totalenergies_resultats_t3_2025.txt",
     "résultat net"),
    ("en", "Intel net loss per share", "en_intel_q2_loss.txt", "loss"),
    ("en", "NVIDIA data center revenue", "en_nvidia_q3_fy2026_results.txt", "Data Center"),
]  # fmt: skip
LANGS = ["fr", "en"]


def with_search(app: FastAPI) -> FastAPI:
    """The app as ``create_app`` builds it, with the search router if app.py lacks it yet."""
    if not any(getattr(route, "path", None) == "/search" for route in app.routes):
        app.include_router(search_routes.router)
    return app


@pytest.fixture(scope="module", params=BACKENDS)
def search_client(
    request: pytest.FixtureRequest, extractor, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[TestClient, dict[str, str]]]:
    """A client on a store holding the four reports, and report name -> document id."""
    url = database_url(request.param, request, tmp_path_factory.mktemp("search"))
    empty_store(url).close()
    app = with_search(create_app(Settings(database_url=url), extractor=extractor))
    with TestClient(app, raise_server_exceptions=False) as client:
        ids = {}
        for lang, names in REPORTS.items():
            for name in names:
                response = client.post("/documents", json={"text": sample_text(name), "lang": lang})
                assert response.status_code == 201, response.text
                ids[name] = response.json()["document"]["id"]
        yield client, ids


def assert_error(response, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code
    assert error["message"]


# -- summary -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("k", [1, 2, 5])
def test_summary_has_k_sentences_at_their_offsets(search_client, lang: str, k: int) -> None:
    client, ids = search_client
    document_id = ids[REPORTS[lang][0]]
    text = client.get(f"/documents/{document_id}/text").text
    response = client.get(f"/documents/{document_id}/summary", params={"k": k})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["document_id"] == document_id and body["document_lang"] == lang
    # TF-IDF until a search has encoded the document's sentences, embeddings after
    assert body["centrality"] in ("tf-idf", "encoder")
    assert len(body["sentences"]) == k
    indices = [span["index"] for span in body["sentence_spans"]]
    assert indices == sorted(indices), "sentences come in document order"
    for sentence, span in zip(body["sentences"], body["sentence_spans"], strict=True):
        assert text[span["start"] : span["end"]].strip() == sentence
    assert set(body["key_facts"]) == {"fr", "en"}
    assert 1 <= len(body["key_facts"]["fr"]) == len(body["key_facts"]["en"]) <= 5
    assert len(body["facts"]) == len(body["line_facts"]) == len(body["key_facts"]["fr"])
    for lead, shown in zip(body["facts"], body["line_facts"], strict=True):
        assert shown[0] == lead  # each line's facts start with its lead
        for fact in shown:
            assert text[fact["start"] : fact["end"]] == fact["text"]


@pytest.mark.parametrize("lang", LANGS)
def test_summary_with_upload_k_is_the_stored_summary(search_client, lang: str) -> None:
    """Recomputed from stored facts, text and vectors, it matches what extraction stored."""
    client, ids = search_client
    document_id = ids[REPORTS[lang][1]]
    stored = client.get(f"/documents/{document_id}").json()["summary"]
    body = client.get(f"/documents/{document_id}/summary", params={"k": 3}).json()
    assert body["sentences"] == stored["sentences"]
    assert body["key_facts"] == stored["key_facts"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("only", LANGS)
def test_summary_lang_keeps_only_that_language(search_client, lang: str, only: str) -> None:
    client, ids = search_client
    document_id = ids[REPORTS[lang][0]]
    both = client.get(f"/documents/{document_id}/summary").json()
    one = client.get(f"/documents/{document_id}/summary", params={"lang": only}).json()
    assert list(one["key_facts"]) == [only]
    assert one["key_facts"][only] == both["key_facts"][only]
    assert one["sentences"] == both["sentences"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("params", [{"k": 0}, {"k": 21}, {"k": "three"}, {"lang": "de"}])
def test_summary_bad_parameters_are_422(search_client, lang: str, params: dict) -> None:
    client, ids = search_client
    response = client.get(f"/documents/{ids[REPORTS[lang][0]]}/summary", params=params)
    assert_error(response, 422, "validation_error")


@pytest.mark.parametrize("document_id", ["0000000000000000", "nope"])
def test_summary_of_unknown_document_is_404(search_client, document_id: str) -> None:
    client, _ = search_client
    assert_error(client.get(f"/documents/{document_id}/summary"), 404, "not_found")


# -- search --------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "query", "report", "word"), QUERIES)
def test_search_finds_the_sentence_in_the_query_language(
    search_client, lang: str, query: str, report: str, word: str
) -> None:
    client, ids = search_client
    response = client.get("/search", params={"q": query, "k": 5})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["mode"] == "hybrid"
    assert body["count"] == len(body["data"]) == 5
    best = body["data"][0]
    assert best["lang"] == lang
    assert best["document_id"] == ids[report]
    assert word.lower() in best["text"].lower()
    scores = [hit["score"] for hit in body["data"]]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize(("lang", "query", "report", "word"), QUERIES)
def test_search_hits_carry_offsets_and_their_facts(
    search_client, lang: str, query: str, report: str, word: str
) -> None:
    client, _ = search_client
    hits = client.get("/search", params={"q": query, "k": 5}).json()["data"]
    assert any(hit["facts"] for hit in hits), "a figure sentence among the best five"
    for hit in hits:
        text = client.get(f"/documents/{hit['document_id']}/text").text
        assert text[hit["start"] : hit["end"]] == hit["text"]
        for fact in hit["facts"]:
            assert fact["document_id"] == hit["document_id"]
            assert hit["start"] <= fact["start"] < hit["end"]
            assert text[fact["start"] : fact["end"]] == fact["text"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("query", ["chiffre d'affaires", "revenue growth"])
def test_search_lang_filter(search_client, lang: str, query: str) -> None:
    client, ids = search_client
    body = client.get("/search", params={"q": query, "lang": lang, "k": 20}).json()
    assert body["data"], "each language has reports with revenue"
    assert {hit["lang"] for hit in body["data"]} == {lang}
    assert {hit["document_id"] for hit in body["data"]} <= {ids[name] for name in REPORTS[lang]}


@pytest.mark.parametrize(
    "params",
    [{"q": ""}, {}, {"q": "revenue", "k": 0}, {"q": "revenue", "k": 101},
     {"q": "revenue", "lang": "de"}, {"q": "x" * 501}],
)  # fmt: skip
def test_search_bad_parameters_are_422(search_client, params: dict) -> None:
    client, _ = search_client
    assert_error(client.get("/search", params=params), 422, "validation_error")


@pytest.mark.parametrize("query", ["!!! ???", "—"])
def test_search_without_words_finds_nothing(search_client, query: str) -> None:
    client, _ = search_client
    body = client.get("/search", params={"q": query}).json()
    assert body == {"data": [], "count": 0, "mode": "hybrid"}


@pytest.mark.parametrize(("lang", "report", "query"), [
    ("fr", "fr_lvmh_resultats_s1_2025.txt", "marge opérationnelle courante LVMH"),
    ("en", "en_intel_q2_loss.txt", "Intel foundry operating loss"),
])  # fmt: skip
def test_index_follows_reprocess_and_delete(
    extractor, tmp_path: Path, lang: str, report: str, query: str
) -> None:
    app = with_search(
        create_app(Settings(database_url=f"sqlite:///{tmp_path / 'r.db'}"), extractor=extractor)
    )
    with TestClient(app, raise_server_exceptions=False) as client:
        created = client.post("/documents", json={"text": sample_text(report), "lang": lang})
        document_id = created.json()["document"]["id"]
        before = client.get("/search", params={"q": query}).json()["data"]
        assert before and {hit["document_id"] for hit in before} == {document_id}

        assert client.post(f"/documents/{document_id}/reprocess").status_code == 200
        processed_at = client.get(f"/documents/{document_id}").json()["document"]["processed_at"]
        after = client.get("/search", params={"q": query}).json()["data"]
        assert [(h["start"], h["text"]) for h in after] == [(h["start"], h["text"]) for h in before]
        with app.state.store.engine.connect() as connection:
            indexed_at = connection.scalar(
                sa.select(sentence_sources.c.processed_at).where(
                    sentence_sources.c.document_id == document_id
                )
            )
        assert indexed_at.replace(tzinfo=UTC) == datetime.fromisoformat(processed_at)

        assert client.delete(f"/documents/{document_id}").status_code == 204
        assert client.get("/search", params={"q": query}).json()["data"] == []
        assert_error(client.get(f"/documents/{document_id}/summary"), 404, "not_found")


@pytest.mark.parametrize(("lang", "query", "report", "word"), [QUERIES[0], QUERIES[2]])
@pytest.mark.parametrize("encoder", ["--encoder", "--no-encoder"])
def test_cli_search(
    extractor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    lang: str, query: str, report: str, word: str, encoder: str,
) -> None:  # fmt: skip
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    store = empty_store(url)
    text = sample_text(report)
    record = DocumentRecord.from_result(
        extractor.extract(text, lang=lang), text=text, media_type="text/plain",
        extractor_version="test",
    )  # fmt: skip
    document_id, _ = store.add_document(record)
    store.close()
    monkeypatch.setenv("RAPPORT_DATABASE_URL", url)
    result = CliRunner().invoke(
        cli, ["search", query, "--lang", lang, "-k", "2", "--json", encoder]
    )
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert body["mode"] == ("hybrid" if encoder == "--encoder" else "text")
    assert body["count"] == 2
    assert body["data"][0]["document_id"] == document_id
    assert word.lower() in body["data"][0]["text"].lower()


@pytest.mark.parametrize("lang", LANGS)
def test_search_encodes_a_document_once_and_summaries_then_use_it(search_client, lang: str) -> None:
    """Uploads store no vectors (TF-IDF summaries); the first search encodes and keeps them."""
    client, _ = search_client
    text = sample_text(REPORTS[lang][1]) + (
        "\n\nNote finale." if lang == "fr" else "\n\nFinal note."
    )
    created = client.post("/documents", json={"text": text, "lang": lang})
    assert created.status_code == 201, created.text
    document_id = created.json()["document"]["id"]
    before = client.get(f"/documents/{document_id}/summary").json()
    assert before["centrality"] == "tf-idf"
    hits = client.get("/search", params={"q": "revenue" if lang == "en" else "chiffre d'affaires"})
    assert hits.status_code == 200, hits.text
    after = client.get(f"/documents/{document_id}/summary").json()
    assert after["centrality"] == "encoder"
    assert after["sentences"], "a summary is still made"
