"""The storage contract: every ``FactStore`` backend (SQLite, PostgreSQL) passes the same tests.

Expected results are computed from the hand-built input facts with plain Python
predicates, so each filter is checked against an independent oracle.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
import sqlalchemy as sa

from service.errors import InvalidRequestError
from service.store import FACT_SORTS, FactFilters, FactStore
from service.store.migrate import head_revision
from service.store.tables import document_entities, documents, entities, facts
from tests.service.facts_data import BUILDERS, TEXTS, record

ALL = list(BUILDERS)


def load(store: FactStore, names: list[str] = ALL) -> dict[str, str]:
    """Store the named documents; return name -> document id."""
    return {name: store.add_document(record(name))[0] for name in names}


def input_facts(names: list[str] = ALL) -> list[tuple[str, dict[str, Any]]]:
    return [
        (BUILDERS[name]()["document"]["lang"], fact)
        for name in names
        for fact in BUILDERS[name]()["facts"]
    ]


def row_count(store: FactStore, table: sa.Table) -> int:
    with store.engine.connect() as connection:
        return connection.scalar(sa.select(sa.func.count()).select_from(table))


def texts_of(rows: list[dict[str, Any]]) -> list[str]:
    return sorted(row["text"] for row in rows)


# -- documents ------------------------------------------------------------------


@pytest.mark.parametrize("name", ALL)
def test_document_round_trip_keeps_every_field(store: FactStore, name: str) -> None:
    rec = record(name)
    document_id, created = store.add_document(rec)
    stored = store.get_document(document_id)
    expected = rec.facts_document
    assert created is True
    assert document_id == expected["document"]["sha256"][:16]
    for key in ("source", "lang", "title", "sha256", "chars"):
        assert stored["document"][key] == expected["document"][key]
    assert stored["document"]["extractor_version"] == "test-1"
    assert stored["facts"] == expected["facts"]
    by_id = sorted(expected["entities"], key=lambda entity: entity["id"])
    assert sorted(stored["entities"], key=lambda entity: entity["id"]) == by_id
    assert stored["summary"] == expected["summary"]
    assert store.get_text(document_id) == TEXTS[name]


@pytest.mark.parametrize("name", ALL)
def test_offsets_point_into_the_stored_text(store: FactStore, name: str) -> None:
    document_id = load(store, [name])[name]
    text = store.get_text(document_id)
    for fact in store.get_document(document_id)["facts"]:
        assert text[fact["start"] : fact["end"]] == fact["text"]


@pytest.mark.parametrize("name", ALL)
def test_same_bytes_twice_store_one_document(store: FactStore, name: str) -> None:
    first = store.add_document(record(name))
    second = store.add_document(record(name, version="test-2"))
    assert second == (first[0], False)
    assert row_count(store, documents) == 1
    assert row_count(store, facts) == len(BUILDERS[name]()["facts"])
    assert store.get_document(first[0])["document"]["extractor_version"] == "test-1"


@pytest.mark.parametrize("name", ["fr", "en"])
def test_concurrent_writers_of_the_same_bytes_create_it_once(store: FactStore, name: str) -> None:
    results: list[tuple[str, bool]] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(8)

    def add() -> None:
        try:
            barrier.wait()
            results.append(store.add_document(record(name)))
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=add) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len({document_id for document_id, _ in results}) == 1
    assert sum(created for _, created in results) == 1
    assert row_count(store, documents) == 1
    assert row_count(store, facts) == len(BUILDERS[name]()["facts"])


def test_concurrent_writers_of_different_documents_share_entities(store: FactStore) -> None:
    errors: list[BaseException] = []
    variants = [("fr", f"v{i}") for i in range(6)] + [("en_aws", f"v{i}") for i in range(6)]

    def add(name: str, suffix: str) -> None:
        rec = record(name)
        rec.text = rec.text + " " + suffix
        rec.facts_document["document"]["sha256"] = f"{suffix}{name}".encode().hex().ljust(64, "0")
        try:
            store.add_document(rec)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=add, args=variant) for variant in variants]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert row_count(store, documents) == len(variants)
    assert row_count(store, entities) == 3  # AMZN, jpmorgan, aws
    amazon = store.get_entity("AMZN")["entity"]
    assert amazon["documents"] == len(variants)


def test_a_failing_fact_leaves_nothing_stored(store: FactStore) -> None:
    broken = record("fr")
    broken.facts_document["facts"][-1]["value"] = None  # NOT NULL: the insert fails last
    with pytest.raises(sa.exc.IntegrityError):
        store.add_document(broken)
    for table in (documents, facts, document_entities):
        assert row_count(store, table) == 0
    assert store.find_by_sha256(broken.sha256) is None


def test_list_documents_pages_newest_first(store: FactStore) -> None:
    ids = load(store)
    everything, total = store.list_documents(limit=10, offset=0)
    assert total == len(ALL)
    assert [row["id"] for row in everything] == [ids[name] for name in reversed(ALL)]
    pages = [store.list_documents(limit=1, offset=i)[0] for i in range(len(ALL))]
    assert [page[0]["id"] for page in pages] == [row["id"] for row in everything]
    assert store.list_documents(limit=5, offset=len(ALL))[0] == []
    by_id = {row["id"]: row for row in everything}
    for name, document_id in ids.items():
        assert by_id[document_id]["facts"] == len(BUILDERS[name]()["facts"])


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_list_documents_by_language(store: FactStore, lang: str) -> None:
    load(store)
    rows, total = store.list_documents(limit=10, offset=0, lang=[lang])
    expected = [n for n in ALL if BUILDERS[n]()["document"]["lang"] == lang]
    assert total == len(expected) == len(rows)
    assert all(row["lang"] == lang for row in rows)


@pytest.mark.parametrize("name", ALL)
def test_delete_takes_facts_mentions_and_search_hits_along(store: FactStore, name: str) -> None:
    ids = load(store)
    words = {"fr": "dépenses", "en": "UBS", "en_aws": "expenditures"}[name]
    assert store.query_facts(FactFilters(q=words))[1] > 0
    assert store.delete_document(ids[name]) is True
    assert store.get_document(ids[name]) is None
    assert store.query_facts(FactFilters(document_id=[ids[name]]))[1] == 0
    assert store.query_facts(FactFilters(q=words))[1] == 0
    remaining = sum(len(BUILDERS[n]()["facts"]) for n in ALL if n != name)
    assert row_count(store, facts) == remaining
    assert store.delete_document(ids[name]) is False


def test_embeddings_and_sentences_round_trip(store: FactStore) -> None:
    rec = record("en")
    rec.sentences = [(0, 10), (12, 40)]
    rec.embeddings = np.arange(2 * 384, dtype=np.float32).reshape(2, 384) / 1000
    document_id, _ = store.add_document(rec)
    kept = store.get_embeddings(document_id)
    assert kept["sentences"] == [(0, 10), (12, 40)]
    np.testing.assert_array_equal(kept["embeddings"], rec.embeddings)
    assert store.get_embeddings("0" * 16) is None


@pytest.mark.parametrize("name", ["fr", "en"])
def test_embeddings_saved_after_the_document(store: FactStore, name: str) -> None:
    """Search encodes lazily: vectors added later are kept, and only for existing ids."""
    rec = record(name)
    rec.sentences = [(0, 10), (12, 40), (41, 60)]
    document_id, _ = store.add_document(rec)
    assert store.get_embeddings(document_id)["embeddings"] is None
    vectors = np.full((3, 8), 0.5, dtype=np.float32)
    assert store.save_embeddings(document_id, vectors) is True
    np.testing.assert_array_equal(store.get_embeddings(document_id)["embeddings"], vectors)
    assert store.save_embeddings("0" * 16, vectors) is False


# -- re-extraction --------------------------------------------------------------


@pytest.mark.parametrize("name", ["fr", "en"])
def test_replace_facts_swaps_them_atomically(store: FactStore, name: str) -> None:
    document_id = load(store, [name])[name]
    newer = record(name, version="test-2")
    newer.facts_document["facts"] = newer.facts_document["facts"][:2]
    newer.facts_document["facts"][0]["confidence"] = 0.42
    assert store.replace_facts(document_id, newer) is True
    stored = store.get_document(document_id)
    assert stored["document"]["extractor_version"] == "test-2"
    assert stored["facts"] == newer.facts_document["facts"]
    assert row_count(store, facts) == 2


@pytest.mark.parametrize("name", ["fr", "en"])
def test_a_failing_replacement_keeps_the_old_facts(store: FactStore, name: str) -> None:
    document_id = load(store, [name])[name]
    before = store.get_document(document_id)
    broken = record(name, version="test-2")
    broken.facts_document["facts"][-1]["metric"] = None
    with pytest.raises(sa.exc.IntegrityError):
        store.replace_facts(document_id, broken)
    assert store.get_document(document_id) == before


def test_replace_facts_of_an_unknown_document(store: FactStore) -> None:
    assert store.replace_facts("0" * 16, record("fr")) is False
    assert row_count(store, facts) == 0


# -- fact queries ---------------------------------------------------------------

Predicate = Callable[[str, dict[str, Any]], bool]

FILTER_CASES: list[tuple[str, dict[str, Any], Predicate]] = [
    ("subject name, any case", {"subject": "amazon"}, lambda lang, f: f["subject"] == "Amazon"),
    ("subject id via subject", {"subject": "nvda"}, lambda lang, f: f["subject_id"] == "NVDA"),
    (
        "subject ids",
        {"subject_id": ["AMZN", "aws"]},
        lambda lang, f: f["subject_id"] in ("AMZN", "aws"),
    ),
    ("metric", {"metric": ["revenue"]}, lambda lang, f: f["metric"] == "revenue"),
    (
        "metrics",
        {"metric": ["price_target", "capex"]},
        lambda lang, f: f["metric"] in ("price_target", "capex"),
    ),
    ("claim type", {"claim_type": ["target"]}, lambda lang, f: f["claim_type"] == "target"),
    ("attribution FR", {"attribution": "jpmorgan"}, lambda lang, f: f["attribution"] == "JPMorgan"),
    ("attribution EN", {"attribution": "UBS"}, lambda lang, f: f["attribution"] == "UBS"),
    ("unit", {"unit": ["%"]}, lambda lang, f: f["unit"] == "%"),
    ("language fr", {"lang": ["fr"]}, lambda lang, f: lang == "fr"),
    ("language en", {"lang": ["en"]}, lambda lang, f: lang == "en"),
    ("period equal", {"period": "2025-Q2"}, lambda lang, f: f["period"] == "2025-Q2"),
    (
        "period within 2025",
        {"period_from": "2025-Q1", "period_to": "2025-Q4"},
        lambda lang, f: (f["period"] or "").startswith("2025"),
    ),
    (
        "period from 2026 (fiscal on its calendar year)",
        {"period_from": "2026"},
        lambda lang, f: f["period"] in ("2026", "FY2026-Q2"),
    ),
    ("period to H1 2025", {"period_to": "2025-H1"}, lambda lang, f: f["period"] == "2025-Q2"),
    ("min value", {"min_value": 1e9}, lambda lang, f: f["value"] >= 1e9),
    ("max value", {"max_value": 100}, lambda lang, f: f["value"] <= 100),
    (
        "value between",
        {"min_value": 50, "max_value": 300},
        lambda lang, f: 50 <= f["value"] <= 300,
    ),
    (
        "text FR phrase",
        {"q": "chiffre d'affaires"},
        lambda lang, f: "chiffre d'affaires" in f["sentence"],
    ),
    (
        "text FR without accents",
        {"q": "depenses capital"},
        lambda lang, f: "dépenses en capital" in f["sentence"],
    ),
    (
        "text EN, and the metric code in any language",
        {"q": "price target"},
        lambda lang, f: "price target" in f["sentence"] or f["metric"] == "price_target",
    ),
    ("text EN any case", {"q": "GROSS margin"}, lambda lang, f: "Gross margin" in f["sentence"]),
    ("text matches metric codes", {"q": "capex"}, lambda lang, f: f["metric"] == "capex"),
    ("text with no word", {"q": "%%% ---"}, lambda lang, f: False),
    ("text with FTS syntax", {"q": 'NEAR("x" OR) AND *'}, lambda lang, f: False),
    (
        "combined EN revenue",
        {"metric": ["revenue"], "lang": ["en"]},
        lambda lang, f: f["metric"] == "revenue" and lang == "en",
    ),
    ("nothing", {}, lambda lang, f: True),
]


@pytest.mark.parametrize(
    ("filters", "predicate"),
    [pytest.param(filters, predicate, id=name) for name, filters, predicate in FILTER_CASES],
)
def test_query_facts_filters(store: FactStore, filters: dict, predicate: Predicate) -> None:
    load(store)
    rows, total = store.query_facts(FactFilters(**filters), limit=100)
    expected = sorted(f["text"] for lang, f in input_facts() if predicate(lang, f))
    assert texts_of(rows) == expected
    assert total == len(expected)


def test_query_facts_by_document(store: FactStore) -> None:
    ids = load(store)
    for name, document_id in ids.items():
        rows, _ = store.query_facts(FactFilters(document_id=[document_id]), limit=100)
        assert texts_of(rows) == sorted(f["text"] for f in BUILDERS[name]()["facts"])
        assert {row["document_id"] for row in rows} == {document_id}


def _sort_key(key: str, row: dict[str, Any], created: dict[str, int]) -> Any:
    return {
        "period": row["period"] and (row["period"].removeprefix("FY"),),
        "value": row["value"],
        "confidence": row["confidence"],
        "metric": row["metric"],
        "subject": row["subject_id"],
        "created": created[row["document_id"]],
        "position": (created[row["document_id"]], row["start"]),
    }[key]


@pytest.mark.parametrize("descending", [False, True], ids=["asc", "desc"])
@pytest.mark.parametrize("key", list(FACT_SORTS))
def test_query_facts_sorts_and_pages(store: FactStore, key: str, descending: bool) -> None:
    ids = load(store)
    created = {document_id: order for order, document_id in enumerate(ids.values())}
    sort = f"-{key}" if descending else key
    rows, total = store.query_facts(FactFilters(), sort=sort, limit=100)
    keys = [_sort_key(key, row, created) for row in rows]
    present = [k for k in keys if k is not None]
    assert present == sorted(present, reverse=descending)
    assert keys[len(present) :] == [None] * (len(keys) - len(present))  # nulls last
    paged = [
        r
        for offset in range(0, total, 3)
        for r in store.query_facts(FactFilters(), sort=sort, limit=3, offset=offset)[0]
    ]
    assert [r["id"] for r in paged] == [r["id"] for r in rows]


@pytest.mark.parametrize(
    "filters",
    [{"period_from": "Q2 2025"}, {"period_to": "2025-Q5"}, {"period_from": "FY2025-03-01"}],
)
def test_unreadable_period_bounds_are_refused(store: FactStore, filters: dict) -> None:
    with pytest.raises(InvalidRequestError):
        store.query_facts(FactFilters(**filters))


def test_unknown_sort_is_refused(store: FactStore) -> None:
    with pytest.raises(InvalidRequestError):
        store.query_facts(FactFilters(), sort="colour")


# -- entities -------------------------------------------------------------------


def test_list_entities_counts_documents_mentions_and_facts(store: FactStore) -> None:
    load(store)
    rows, total = store.list_entities(limit=100)
    by_id = {row["id"]: row for row in rows}
    assert total == len(rows) == 5
    facts_by_subject: dict[str, int] = {}
    for _, fact in input_facts():
        facts_by_subject[fact["subject_id"]] = facts_by_subject.get(fact["subject_id"], 0) + 1
    for entity_id, row in by_id.items():
        assert row["facts"] == facts_by_subject.get(entity_id, 0)
    assert by_id["AMZN"]["documents"] == 2
    assert by_id["AMZN"]["mentions"] == 2
    assert [row["facts"] for row in rows] == sorted((row["facts"] for row in rows), reverse=True)


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"q": "amaz"}, ["AMZN"]),
        ({"q": "nvd"}, ["NVDA"]),
        ({"types": ["analyst_firm"]}, ["jpmorgan", "ubs"]),
        ({"types": ["business_unit", "company"], "sort": "id"}, ["AMZN", "NVDA", "aws"]),
        ({"q": "100%_"}, []),
    ],
)
def test_list_entities_filters(store: FactStore, kwargs: dict, expected: list[str]) -> None:
    load(store)
    rows, total = store.list_entities(limit=100, **{"sort": "id", **kwargs})
    assert [row["id"] for row in rows] == expected
    assert total == len(expected)


@pytest.mark.parametrize("asked", ["AMZN", "amzn", "NVDA", "aws"])
def test_get_entity_lists_its_facts_over_time(store: FactStore, asked: str) -> None:
    load(store)
    found = store.get_entity(asked)
    assert found["entity"]["id"].lower() == asked.lower()
    expected = [f for _, f in input_facts() if f["subject_id"].lower() == asked.lower()]
    assert found["count"] == len(expected)
    assert texts_of(found["facts"]) == sorted(f["text"] for f in expected)
    periods = [f["period"].removeprefix("FY") for f in found["facts"] if f["period"]]
    assert periods == sorted(periods)


def test_unknown_or_orphaned_entities_are_not_found(store: FactStore) -> None:
    ids = load(store, ["en"])
    assert store.get_entity("TSLA") is None
    store.delete_document(ids["en"])
    assert store.get_entity("NVDA") is None
    assert store.list_entities()[1] == 0


# -- operations -----------------------------------------------------------------


def test_health_and_repeated_migrations(store: FactStore) -> None:
    load(store, ["fr"])
    assert store.migrate() == head_revision()
    health = store.health()
    assert health["ok"] is True
    assert health["documents"] == 1
    assert health["schema"] == head_revision()
    assert health["backend"] in ("sqlite", "postgresql")
