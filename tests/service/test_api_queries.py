"""/facts, /entities and /health over six real reports (three French, three English).

Expected results come from the stored documents themselves (GET /documents/{id}),
filtered by plain Python predicates: an independent oracle for every query filter.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.store.migrate import head_revision
from service.store.periods import period_bounds

Fact = dict[str, Any]


def all_facts(client: TestClient) -> list[Fact]:
    """Every stored fact with its document id and language, from the document routes."""
    out = []
    for row in client.get("/documents", params={"limit": 500}).json()["data"]:
        body = client.get(f"/documents/{row['id']}").json()
        for fact in body["facts"]:
            out.append({**fact, "document_id": row["id"], "lang": row["lang"]})
    return out


def folded_words(text: str | None) -> set[str]:
    if not text:
        return set()
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return set(re.findall(r"[^\W_]+", bare.casefold()))


def mentions(fact: Fact, *words: str) -> bool:
    fields = ("sentence", "text", "subject", "subject_id", "qualifier", "attribution")
    found = set().union(*(folded_words(fact[f]) for f in fields))
    found |= set(fact["metric"].split("_"))
    return all(word in found for word in words)


def within(fact: Fact, start: str | None, end: str | None) -> bool:
    bounds = period_bounds(fact["period"])
    if bounds is None:
        return False
    low = period_bounds(start)[0] if start else None
    high = period_bounds(end)[1] if end else None
    return (low is None or bounds[0] >= low) and (high is None or bounds[1] <= high)


def named(fact: Fact, subject: str) -> bool:
    names = ((fact["subject"] or "").lower(), (fact["subject_id"] or "").lower())
    return subject.lower() in names


def strip_location(rows: list[Fact]) -> list[Fact]:
    return [{k: v for k, v in row.items() if k != "id"} for row in rows]


QUERY_CASES: list[tuple[str, dict[str, Any], Callable[[Fact], bool]]] = [
    ("metric revenue", {"metric": "revenue"}, lambda f: f["metric"] == "revenue"),
    ("revenue FR", {"metric": "revenue", "lang": "fr"},
     lambda f: f["metric"] == "revenue" and f["lang"] == "fr"),
    ("revenue EN", {"metric": "revenue", "lang": "en"},
     lambda f: f["metric"] == "revenue" and f["lang"] == "en"),
    ("two metrics", {"metric": ["eps", "operating_margin"]},
     lambda f: f["metric"] in ("eps", "operating_margin")),
    ("claim guidance", {"claim_type": "guidance"}, lambda f: f["claim_type"] == "guidance"),
    ("claim estimate or target", {"claim_type": ["estimate", "target"]},
     lambda f: f["claim_type"] in ("estimate", "target")),
    ("unit EUR", {"unit": "EUR"}, lambda f: f["unit"] == "EUR"),
    ("unit %", {"unit": "%"}, lambda f: f["unit"] == "%"),
    ("language fr", {"lang": "fr"}, lambda f: f["lang"] == "fr"),
    ("language en", {"lang": "en"}, lambda f: f["lang"] == "en"),
    ("period 2025", {"period_from": "2025", "period_to": "2025"},
     lambda f: within(f, "2025", "2025")),
    ("period from 2025-H2", {"period_from": "2025-H2"}, lambda f: within(f, "2025-H2", None)),
    ("period to 2025-Q2", {"period_to": "2025-Q2"}, lambda f: within(f, None, "2025-Q2")),
    ("at least a billion", {"min_value": 1e9}, lambda f: f["value"] >= 1e9),
    ("between 0 and 100", {"min_value": 0, "max_value": 100},
     lambda f: 0 <= f["value"] <= 100),
    ("words FR", {"q": "chiffre d'affaires"}, lambda f: mentions(f, "chiffre", "affaires")),
    ("words FR, no accents", {"q": "resultat operationnel"},
     lambda f: mentions(f, "resultat", "operationnel")),
    ("words EN", {"q": "net loss"}, lambda f: mentions(f, "net", "loss")),
    ("words EN, any case", {"q": "REVENUE"}, lambda f: mentions(f, "revenue")),
    ("words and metric", {"q": "margin", "lang": "en"},
     lambda f: mentions(f, "margin") and f["lang"] == "en"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("params", "predicate"),
    [pytest.param(params, predicate, id=name) for name, params, predicate in QUERY_CASES],
)
def test_fact_filters(loaded_client: TestClient, params: dict, predicate) -> None:
    expected = [f for f in all_facts(loaded_client) if predicate(f)]
    response = loaded_client.get("/facts", params={**params, "limit": 500})
    assert response.status_code == 200
    page = response.json()
    assert page["count"] == len(expected)
    key = lambda f: (f["document_id"], f["start"], f["metric"])  # noqa: E731
    assert sorted(strip_location(page["data"]), key=key) == sorted(expected, key=key)


def test_the_filters_are_not_vacuous(loaded_client: TestClient) -> None:
    """The six reports give every filter above something to find, in both languages."""
    facts = all_facts(loaded_client)
    for name, _, predicate in QUERY_CASES:
        assert any(predicate(f) for f in facts), name


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_subject_and_attribution_filters(loaded_client: TestClient, lang: str) -> None:
    facts = [f for f in all_facts(loaded_client) if f["lang"] == lang]
    subject_id = Counter(f["subject_id"] for f in facts if f["subject_id"]).most_common(1)[0][0]
    subject = next(f["subject"] for f in facts if f["subject_id"] == subject_id)
    everyone = all_facts(loaded_client)
    cases = [
        ({"subject_id": subject_id}, lambda f: f["subject_id"] == subject_id),
        ({"subject_id": subject_id.lower()}, lambda f: f["subject_id"] == subject_id),
        ({"subject": subject.upper()}, lambda f: named(f, subject)),
    ]  # fmt: skip
    attributions = [f["attribution"] for f in facts if f["attribution"]]
    if attributions:
        who = attributions[0]
        cases.append(({"attribution": who.lower()}, lambda f: (f["attribution"] or "") == who))
    for params, predicate in cases:
        page = loaded_client.get("/facts", params={**params, "limit": 500}).json()
        assert page["count"] == sum(1 for f in everyone if predicate(f)) > 0, params


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_period_equal_and_document_filters(loaded_client: TestClient, lang: str) -> None:
    facts = [f for f in all_facts(loaded_client) if f["lang"] == lang]
    period = Counter(f["period"] for f in facts if f["period"]).most_common(1)[0][0]
    page = loaded_client.get("/facts", params={"period": period, "limit": 500}).json()
    assert page["count"] == sum(1 for f in all_facts(loaded_client) if f["period"] == period)
    document_id = facts[0]["document_id"]
    page = loaded_client.get("/facts", params={"document_id": document_id, "limit": 500}).json()
    assert page["count"] == sum(1 for f in facts if f["document_id"] == document_id)


@pytest.mark.parametrize(
    ("sort", "key", "reverse"),
    [
        ("value", lambda f: f["value"], False),
        ("-value", lambda f: f["value"], True),
        ("confidence", lambda f: f["confidence"], False),
        ("-confidence", lambda f: f["confidence"], True),
        ("metric", lambda f: f["metric"], False),
        ("period", lambda f: period_bounds(f["period"]), False),
        ("-period", lambda f: period_bounds(f["period"]), True),
    ],
)
def test_sorting_and_paging(loaded_client: TestClient, sort: str, key, reverse: bool) -> None:
    rows = loaded_client.get("/facts", params={"sort": sort, "limit": 500}).json()["data"]
    keys = [key(row) for row in rows if key(row) is not None]
    assert keys == sorted(keys, reverse=reverse)
    assert all(key(row) is not None for row in rows[: len(keys)])  # nulls last
    pages = []
    for offset in range(0, len(rows), 7):
        params = {"sort": sort, "limit": 7, "offset": offset}
        pages.extend(loaded_client.get("/facts", params=params).json()["data"])
    assert pages == rows


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_csv_export(loaded_client: TestClient, lang: str) -> None:
    params = {"lang": lang, "sort": "-value"}
    as_json = loaded_client.get("/facts", params={**params, "limit": 500}).json()
    response = loaded_client.get("/facts", params={**params, "format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["x-total-count"] == str(as_json["count"])
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == as_json["count"]
    for row, fact in zip(rows, as_json["data"], strict=True):
        assert row["id"] == str(fact["id"])
        assert float(row["value"]) == fact["value"]
        # Spreadsheets run cells starting with = + - @ as formulas: they get a quote.
        guarded = "'" + fact["text"] if fact["text"][0] in "=+-@" else fact["text"]
        assert row["text"] == guarded
        assert row["evidence"] == " | ".join(fact["evidence"])
    limited = loaded_client.get("/facts", params={**params, "format": "csv", "limit": 2})
    assert len(list(csv.DictReader(io.StringIO(limited.text)))) == min(2, as_json["count"])


def test_entities_list(loaded_client: TestClient) -> None:
    facts = all_facts(loaded_client)
    page = loaded_client.get("/entities", params={"limit": 500}).json()
    assert page["count"] == len(page["data"]) > 0
    fact_counts = Counter(f["subject_id"] for f in facts if f["subject_id"])
    for row in page["data"]:
        assert row["facts"] == fact_counts.get(row["id"], 0)
    assert [r["facts"] for r in page["data"]] == sorted(
        (r["facts"] for r in page["data"]), reverse=True
    )
    companies = loaded_client.get("/entities", params={"type": "company", "sort": "id"}).json()
    assert companies["data"] and all(r["type"] == "company" for r in companies["data"])
    assert [r["id"] for r in companies["data"]] == sorted(r["id"] for r in companies["data"])
    first = page["data"][0]
    found = loaded_client.get("/entities", params={"q": first["name"][:3].lower()}).json()
    assert first["id"] in [r["id"] for r in found["data"]]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_entity_facts_over_time(loaded_client: TestClient, lang: str) -> None:
    facts = [f for f in all_facts(loaded_client) if f["lang"] == lang and f["subject_id"]]
    entity_id = Counter(f["subject_id"] for f in facts).most_common(1)[0][0]
    for asked in (entity_id, entity_id.lower(), entity_id.upper()):
        body = loaded_client.get(f"/entities/{asked}").json()
        assert body["entity"]["id"] == entity_id
        expected = [f for f in all_facts(loaded_client) if f["subject_id"] == entity_id]
        assert body["count"] == body["entity"]["facts"] == len(expected)
        assert all(f["subject_id"] == entity_id for f in body["facts"])
        starts = [period_bounds(f["period"]) for f in body["facts"]]
        dated = [s for s in starts if s is not None]
        assert dated == sorted(dated) and starts[: len(dated)] == dated
    limited = loaded_client.get(f"/entities/{entity_id}", params={"limit": 1, "offset": 1}).json()
    assert limited["facts"] == body["facts"][1:2]


def test_health(loaded_client: TestClient) -> None:
    response = loaded_client.get("/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["models_loaded"] is True
    assert body["store"]["ok"] is True and body["store"]["documents"] == 6
    assert body["store"]["schema"] == head_revision()
    assert body["languages"] == ["fr", "en"]
