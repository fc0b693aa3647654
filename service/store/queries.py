"""SELECT statements for facts and entities: filters, free text, sorting.

Kept apart from ``FactStore`` so each query reads as one function; the store
only runs them and shapes the rows.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.sql.elements import ColumnElement

from service.errors import InvalidRequestError
from service.store.periods import period_bounds
from service.store.records import FACT_SORTS, FactFilters
from service.store.search import fts5_match, query_words
from service.store.tables import document_entities, documents, entities, facts

ENTITY_SORTS = ("id", "name", "type", "documents", "mentions", "facts")


def fact_conditions(filters: FactFilters, dialect: str) -> list[ColumnElement[bool]]:
    f, d = facts.c, documents.c
    conditions: list[ColumnElement[bool]] = []
    if filters.subject:
        wanted = sa.func.lower(sa.literal(filters.subject))
        conditions.append(
            sa.or_(sa.func.lower(f.subject) == wanted, sa.func.lower(f.subject_id) == wanted)
        )
    if filters.subject_id:
        conditions.append(sa.func.lower(f.subject_id).in_([s.lower() for s in filters.subject_id]))
    for column, values in (
        (f.metric, filters.metric),
        (f.claim_type, filters.claim_type),
        (f.unit, filters.unit),
        (d.lang, filters.lang),
        (f.document_id, filters.document_id),
    ):
        if values:
            conditions.append(column.in_(values))
    if filters.attribution:
        wanted = sa.func.lower(sa.literal(filters.attribution))
        conditions.append(sa.func.lower(f.attribution) == wanted)
    if filters.period:
        conditions.append(f.period == filters.period)
    if filters.period_from:
        conditions.append(f.period_start >= _bounds(filters.period_from, "period_from")[0])
    if filters.period_to:
        conditions.append(f.period_end <= _bounds(filters.period_to, "period_to")[1])
    if filters.min_value is not None:
        conditions.append(f.value >= filters.min_value)
    if filters.max_value is not None:
        conditions.append(f.value <= filters.max_value)
    if filters.q is not None:
        conditions.append(_full_text(filters.q, dialect))
    return conditions


def _bounds(period: str, name: str):
    bounds = period_bounds(period)
    if bounds is None:
        raise InvalidRequestError(
            f"{name} must be a FACTS.md period (2025, 2025-Q2, 2025-H1, 2025-03, 2025-03-31, "
            f"FY2026, FY2026-Q3); got {period!r}.",
            parameter=name,
            value=period,
        )
    return bounds


def _full_text(query: str, dialect: str) -> ColumnElement[bool]:
    terms = query_words(query)
    if not terms:
        return sa.false()
    if dialect == "postgresql":
        vector = sa.literal_column("facts.search_vector")
        return vector.op("@@")(sa.func.plainto_tsquery("simple", " ".join(terms)))
    matching = sa.text("SELECT rowid FROM facts_fts WHERE facts_fts MATCH :match").bindparams(
        match=fts5_match(terms)
    )
    return facts.c.id.in_(matching.columns(sa.column("rowid")))


def fact_order(sort: str) -> list[ColumnElement]:
    descending = sort.startswith("-")
    key = sort.removeprefix("-")
    if key not in FACT_SORTS:
        raise InvalidRequestError(
            f"Unknown sort {sort!r}; use one of {', '.join(FACT_SORTS)} (prefix - to reverse).",
            parameter="sort",
        )
    f, d = facts.c, documents.c
    columns = {
        "period": [f.period_start, f.period_end],
        "value": [f.value],
        "confidence": [f.confidence],
        "metric": [f.metric],
        "subject": [f.subject_id],
        "created": [d.created_at],
        "position": [d.created_at, f.document_id, f.ordinal],
    }[key]
    order = [(c.desc() if descending else c.asc()).nulls_last() for c in columns]
    return [*order, f.id.desc() if descending else f.id.asc()]


def facts_select(filters: FactFilters, dialect: str) -> tuple[sa.Select, sa.Select]:
    """``(rows statement, count statement)`` sharing the same joins and conditions."""
    joined = facts.join(documents, documents.c.id == facts.c.document_id)
    conditions = fact_conditions(filters, dialect)
    rows = sa.select(*facts.c, documents.c.lang).select_from(joined).where(*conditions)
    count = sa.select(sa.func.count()).select_from(joined).where(*conditions)
    return rows, count


def entities_select(
    q: str | None, types: list[str], sort: str, ids: list[str] | None = None
) -> tuple[sa.Select, sa.Select]:
    """Entities named by at least one stored document or fact, with their counts."""
    links = (
        sa.select(
            document_entities.c.entity_id,
            sa.func.count().label("documents"),
            sa.func.sum(document_entities.c.mentions).label("mentions"),
        )
        .group_by(document_entities.c.entity_id)
        .subquery()
    )
    fact_counts = (
        sa.select(facts.c.subject_id, sa.func.count().label("facts"))
        .where(facts.c.subject_id.is_not(None))
        .group_by(facts.c.subject_id)
        .subquery()
    )
    counts = {
        "documents": sa.func.coalesce(links.c.documents, 0),
        "mentions": sa.func.coalesce(links.c.mentions, 0),
        "facts": sa.func.coalesce(fact_counts.c.facts, 0),
    }
    joined = entities.outerjoin(links, links.c.entity_id == entities.c.id).outerjoin(
        fact_counts, fact_counts.c.subject_id == entities.c.id
    )
    conditions: list[ColumnElement[bool]] = [
        sa.or_(links.c.entity_id.is_not(None), fact_counts.c.subject_id.is_not(None))
    ]
    if q:
        pattern = (
            "%" + q.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        )
        conditions.append(
            sa.or_(
                sa.func.lower(entities.c.name).like(pattern, escape="\\"),
                sa.func.lower(entities.c.id).like(pattern, escape="\\"),
            )
        )
    if types:
        conditions.append(entities.c.type.in_(types))
    if ids:
        conditions.append(entities.c.id.in_(ids))
    rows = (
        sa.select(
            entities.c.id,
            entities.c.name,
            entities.c.type,
            counts["documents"].label("documents"),
            counts["mentions"].label("mentions"),
            counts["facts"].label("facts"),
        )
        .select_from(joined)
        .where(*conditions)
        .order_by(*_entity_order(sort, counts))
    )
    count = sa.select(sa.func.count()).select_from(joined).where(*conditions)
    return rows, count


def _entity_order(sort: str, counts: dict[str, ColumnElement]) -> list[ColumnElement]:
    descending = sort.startswith("-")
    key = sort.removeprefix("-")
    if key not in ENTITY_SORTS:
        raise InvalidRequestError(
            f"Unknown sort {sort!r}; use one of {', '.join(ENTITY_SORTS)} (prefix - to reverse).",
            parameter="sort",
        )
    column = counts.get(key, getattr(entities.c, key, None))
    first = column.desc() if descending else column.asc()
    return [first, entities.c.id.asc()]
