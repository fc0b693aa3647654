"""The analyst pages: upload, document view, facts explorer, entities.

Pages read the store the API writes, in the same process, and render on the
server; the little JavaScript there is adds upload progress, tooltips, the
FR/EN switch and the jump from a table row to its highlight.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from models.errors import RapportError
from models.schema import CLAIM_TYPES, ENTITY_TYPES, METRICS, SUPPORTED_LANGUAGES
from service.web.chart import SERIES_CHOICES, build_chart
from service.web.filters import PAGE_SIZE, read_query
from service.web.highlight import anchors_by_fact, segments
from service.web.negotiation import HtmlPageRoute
from service.web.pages import STATIC_DIR, error_page, render, store_of, unavailable
from service.web.present import fact_view, key_fact_lines, legend, metric_choices

# Pages on URLs the REST API also answers: matched only when a browser asks for HTML.
shared_urls = APIRouter(route_class=HtmlPageRoute, include_in_schema=False)
own_urls = APIRouter(include_in_schema=False)

ENTITY_PAGE_SIZE = 50
ENTITY_SORT_KEYS = ("name", "type", "facts", "documents", "mentions")
MAX_ENTITY_FACTS = 1000
MAX_CHART_FACTS = 500


@own_urls.get("/", response_class=HTMLResponse)
def upload_page(request: Request) -> HTMLResponse:
    store = store_of(request)
    recent: list[dict[str, Any]] = []
    total = 0
    if store is not None:
        recent, total = store.list_documents(limit=15, offset=0)
    settings = request.app.state.settings
    return render(
        request,
        "upload.html",
        {
            "title": "Upload a report",
            "recent": recent,
            "total": total,
            "max_upload_bytes": settings.max_upload_bytes,
            "needs_key": settings.api_key_value() is not None,
        },
    )


@shared_urls.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(request: Request, document_id: str) -> HTMLResponse:
    store = store_of(request)
    if store is None:
        return unavailable(request)
    document = store.get_document(document_id[:64])
    text = store.get_text(document_id[:64]) if document else None
    if document is None or text is None:
        return error_page(request, 404, "No such document", f"No document has id {document_id!r}.")
    facts = [fact_view(fact) for fact in document["facts"]]
    parts = segments(text, facts)
    anchors = anchors_by_fact(parts)
    meta = document["document"]
    summary = document.get("summary") or {}
    key_facts, key_sources = key_fact_lines(document["facts"], text, summary, anchors)
    wanted = request.query_params.get("kf")
    key_lang = wanted if wanted in key_facts else meta["lang"]
    tips = [
        {
            k: f.get(k)
            for k in (
                "subject",
                "metric_label",
                "value_text",
                "period_text",
                "claim_label",
                "attribution",
                "qualifier",
                "text",
                "confidence",
                "family",
            )
        }
        for f in facts
    ]
    return render(
        request,
        "document.html",
        {
            "title": meta.get("title") or meta["id"],
            "meta": meta,
            "segments": parts,
            "facts": facts,
            "anchors": anchors,
            "tips": tips,
            "entities": document.get("entities", []),
            "sentences": summary.get("sentences") or [],
            "key_facts": key_facts,
            "key_sources": key_sources,
            "key_lang": key_lang,
            "legend": legend(facts),
        },
    )


@own_urls.get("/explorer", response_class=HTMLResponse)
def explorer_page(request: Request) -> HTMLResponse:
    store = store_of(request)
    if store is None:
        return unavailable(request)
    query = read_query(request.query_params)
    series = request.query_params.get("series") or ""
    series = series if series in SERIES_CHOICES else ""
    rows: list[dict[str, Any]] = []
    total = 0
    chart = None
    chart_hint = None
    try:
        rows, total = store.query_facts(
            query.filters(), sort=query.sort, limit=PAGE_SIZE, offset=(query.page - 1) * PAGE_SIZE
        )
        subject, metric = query.single("subject"), query.single("metric")
        if subject and metric:
            charted, _ = store.query_facts(query.filters(), sort="period", limit=MAX_CHART_FACTS)
            chart = build_chart(charted, subject=subject, metric=metric, series_by=series or None)
        else:
            chart_hint = "Choose a subject and one metric to chart it over periods."
    except RapportError as exc:
        query.problems.append(exc.message)
    pages = max(1, -(-total // PAGE_SIZE))
    return render(
        request,
        "explorer.html",
        {
            "title": "Facts explorer",
            "query": query,
            "rows": [fact_view(row) for row in rows],
            "total": total,
            "page": query.page,
            "pages": pages,
            "first": (query.page - 1) * PAGE_SIZE + 1 if rows else 0,
            "last": (query.page - 1) * PAGE_SIZE + len(rows),
            "series": series,
            "series_choices": SERIES_CHOICES,
            "chart": chart,
            "chart_hint": chart_hint,
            "metrics": metric_choices(),
            "claim_types": CLAIM_TYPES,
            "languages": SUPPORTED_LANGUAGES,
        },
    )


@shared_urls.get("/entities", response_class=HTMLResponse)
def entities_page(request: Request) -> HTMLResponse:
    store = store_of(request)
    if store is None:
        return unavailable(request)
    params = request.query_params
    q = (params.get("q") or "").strip()[:200]
    kind = params.get("type") or ""
    kind = kind if kind in ENTITY_TYPES else ""
    sort = params.get("sort") or "-facts"
    sort = sort if sort.removeprefix("-") in ENTITY_SORT_KEYS else "-facts"
    page_text = params.get("page") or "1"
    page = int(page_text) if page_text.isdigit() and 0 < int(page_text) <= 100_000 else 1
    rows, total = store.list_entities(
        q=q or None,
        types=[kind] if kind else [],
        sort=sort,
        limit=ENTITY_PAGE_SIZE,
        offset=(page - 1) * ENTITY_PAGE_SIZE,
    )
    return render(
        request,
        "entities.html",
        {
            "title": "Entities",
            "rows": rows,
            "total": total,
            "q": q,
            "kind": kind,
            "sort": sort,
            "page": page,
            "pages": max(1, -(-total // ENTITY_PAGE_SIZE)),
            "entity_types": ENTITY_TYPES,
        },
    )


@shared_urls.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: str) -> HTMLResponse:
    store = store_of(request)
    if store is None:
        return unavailable(request)
    found = store.get_entity(entity_id[:200], limit=MAX_ENTITY_FACTS)
    if found is None:
        return error_page(
            request, 404, "No such entity", f"No stored document names an entity {entity_id!r}."
        )
    entity, facts = found["entity"], [fact_view(f) for f in found["facts"]]
    metrics = Counter(f["metric"] for f in facts)
    wanted = request.query_params.get("metric") or ""
    metric = wanted if wanted in metrics else _most_dated_metric(facts)
    chosen = [f for f in facts if f["metric"] == metric]
    chart = build_chart(chosen, subject=entity["name"], metric=metric) if metric else None
    return render(
        request,
        "entity.html",
        {
            "title": entity["name"],
            "entity": entity,
            "facts": facts,
            "count": found["count"],
            "metric": metric,
            "metric_counts": sorted(metrics.items(), key=lambda item: (-item[1], item[0])),
            "chart": chart,
        },
    )


def _most_dated_metric(facts: list[dict[str, Any]]) -> str:
    """The metric that best shows "over time": most distinct dated periods, then most
    figures, then the vocabulary's order (revenue before the rest)."""
    order = {metric: position for position, metric in enumerate(METRICS)}
    scores: dict[str, tuple[int, int, int]] = {}
    for metric in {f["metric"] for f in facts}:
        own = [f for f in facts if f["metric"] == metric]
        dated = {f["period"] for f in own if f["period"]}
        scores[metric] = (len(dated), len(own), -order.get(metric, len(order)))
    return max(scores, key=scores.__getitem__, default="")


router = APIRouter(include_in_schema=False)
router.include_router(shared_urls)
router.include_router(own_urls)
router.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
