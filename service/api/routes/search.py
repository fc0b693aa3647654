"""Sentence search across documents, and a stored document's summary of any length.

``/search`` ranks sentences by a hybrid of full-text score and encoder similarity
(``service.search``); ``/documents/{id}/summary`` recomputes the summary from the
stored text, facts and sentence vectors, without re-extraction. The router brings
its own lifespan step: after the app's (store open, models loaded) it builds the
search service around the extractor's already loaded encoder.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any, Literal

from fastapi import APIRouter, FastAPI, Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from models.errors import ModelLoadError
from service.api.deps import NO_NUL, StoreDep
from service.api.errors import error_responses
from service.api.schemas import FACT_EXAMPLE, FactOut, FactRow
from service.errors import NotFoundError
from service.ingest.pipeline import EXTRACTION_LOCK
from service.search import SearchService
from service.search.summaries import document_summary

Language = Literal["fr", "en"]
MAX_QUERY_CHARS = 500


@asynccontextmanager
async def search_lifespan(app: FastAPI) -> AsyncIterator[None]:
    app.state.search = await run_in_threadpool(_build_search, app)
    try:
        yield
    finally:
        app.state.search = None


def _build_search(app: FastAPI) -> SearchService:
    """Reuse the extractor's encoder: the query must be encoded by the one that made the
    stored vectors, and loading it twice would double its memory."""
    extractor = getattr(app.state, "extractor", None)
    encoder = extractor.encoder
    if encoder is not None:
        # Shared with uploads: the extraction lock keeps the tokenizer single-threaded.
        return SearchService(encoder, encoder_lock=EXTRACTION_LOCK)
    settings = app.state.settings
    if not settings.use_encoder:
        return SearchService(None)
    from models.encoder import SentenceEncoder

    return SearchService(SentenceEncoder(settings.encoder_path))


router = APIRouter(tags=["search"], lifespan=search_lifespan)


_BUILD_LOCK = threading.Lock()


def get_search(request: Request) -> SearchService:
    """The app's search service; built here on first use if no lifespan built it
    (an app whose state was wired by hand), once the extractor is loaded."""
    app = request.app
    search = getattr(app.state, "search", None)
    if search is not None:
        return search
    extractor = getattr(app.state, "extractor", None)
    if extractor is None or not extractor.loaded:
        raise ModelLoadError("The search service is not ready yet; the service is starting.")
    with _BUILD_LOCK:
        if getattr(app.state, "search", None) is None:
            app.state.search = _build_search(app)
        return app.state.search


HIT_EXAMPLE: dict[str, Any] = {
    "document_id": "3f1c9a0b7d2e4c11",
    "document_title": "Amazon intensifie ses investissements dans le matériel d'IA",
    "lang": "fr",
    "sentence_index": 14,
    "start": 2803,
    "end": 2990,
    "text": FACT_EXAMPLE["sentence"],
    "score": 0.8123,
    "text_score": 1.0,
    "semantic_score": 0.6246,
    "facts": [{"id": 42, "document_id": "3f1c9a0b7d2e4c11", "lang": "fr", **FACT_EXAMPLE}],
}


SEARCH_PAGE_EXAMPLE: dict[str, Any] = {"data": [HIT_EXAMPLE], "count": 1, "mode": "hybrid"}


class SearchHitOut(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [HIT_EXAMPLE]})
    document_id: str
    document_title: str | None
    lang: Language = Field(description="The document's language.")
    sentence_index: int = Field(description="Position of the sentence in its document, from 0.")
    start: int = Field(description="Offset of the sentence in the document's stored text.")
    end: int = Field(description="End offset (exclusive): `text == document_text[start:end]`.")
    text: str
    score: float = Field(
        description="Half text score, half similarity (the text score alone in `text` mode)."
    )
    text_score: float = Field(description="Full-text score scaled by the query's best, 0-1.")
    semantic_score: float = Field(
        description="Cosine between the encoded query and the sentence, floored at 0 "
        "(0 when the sentence has no stored vector)."
    )
    facts: list[FactRow] = Field(description="The facts whose figure lies in this sentence.")


class SearchPage(BaseModel):
    data: list[SearchHitOut]
    count: int = Field(description="Number of sentences returned (at most k).")
    mode: Literal["hybrid", "text"] = Field(
        description="`text` when the service runs without the encoder."
    )


class SentenceSpan(BaseModel):
    index: int = Field(description="Position of the sentence in its document, from 0.")
    start: int
    end: int


SUMMARY_OUT_EXAMPLE: dict[str, Any] = {
    "document_id": "3f1c9a0b7d2e4c11",
    "document_lang": "fr",
    "k": 1,
    "centrality": "encoder",
    "sentences": [FACT_EXAMPLE["sentence"]],
    "sentence_spans": [{"index": 14, "start": 2803, "end": 2990}],
    "key_facts": {
        "fr": ["Amazon — chiffre d'affaires T2 2025 : 167,7 Md$"],
        "en": ["Amazon — Q2 2025 revenue: $167.7B"],
    },
    "facts": [FACT_EXAMPLE],
    "line_facts": [[FACT_EXAMPLE]],
}


class DocumentSummaryOut(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [SUMMARY_OUT_EXAMPLE]})
    document_id: str
    document_lang: Language
    k: int = Field(description="Sentences asked for (fewer when the document has fewer).")
    centrality: Literal["encoder", "tf-idf"] = Field(
        description="Space of the centrality signal: stored sentence vectors, or TF-IDF "
        "when the document was stored without them."
    )
    sentences: list[str] = Field(description="The most salient sentences, in document order.")
    sentence_spans: list[SentenceSpan]
    key_facts: dict[str, list[str]] = Field(
        description="Key facts rendered per language (`fr`, `en`, or the one asked for)."
    )
    facts: list[FactOut] = Field(
        description="Each key-fact line's lead fact, most important first (one per line)."
    )
    line_facts: list[list[FactOut]] = Field(
        description="Every fact each line shows, lead first: its growth, the margin or EPS "
        "beside a profit, the same measure at other periods, a market-share ranking's peers."
    )


@router.get(
    "/search",
    response_model=SearchPage,
    summary="Search sentences and their facts",
    description=(
        "Sentences of every stored document ranked by a hybrid of full-text score "
        "(SQLite FTS5 bm25 / PostgreSQL ts_rank; any query word may match, accents and "
        "case ignored) and the cosine between the encoded query and the sentence vectors "
        "stored at upload. Each sentence comes with its document, offsets and the facts "
        "whose figure lies inside it. A query with no word finds nothing."
    ),
    responses={
        200: {"content": {"application/json": {"example": SEARCH_PAGE_EXAMPLE}}},
        **error_responses("validation_error", "model_not_available", "store_unavailable"),
    },
)
def search_sentences(
    store: StoreDep,
    request: Request,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=MAX_QUERY_CHARS,
            pattern=NO_NUL,
            description="Words or a question, French or English.",
            examples=["chiffre d'affaires de LVMH", "data center revenue guidance"],
        ),
    ],
    lang: Annotated[
        Language | None,
        Query(description="Only sentences of documents in this language (default: both)."),
    ] = None,
    k: Annotated[int, Query(ge=1, le=100, description="Sentences to return.")] = 10,
) -> dict[str, Any]:
    search = get_search(request)
    hits = search.search(store, q, [lang] if lang else [], k)
    return {"data": [hit.to_dict() for hit in hits], "count": len(hits), "mode": search.mode}


@router.get(
    "/documents/{document_id}/summary",
    response_model=DocumentSummaryOut,
    summary="A document's summary with k sentences and its key facts",
    description=(
        "The `k` most salient sentences (fact density, main-subject salience, position, "
        "centrality) in document order, and the five key-fact lines rendered in French and "
        "English — or only in `lang` — with the facts each line shows. Recomputed from the "
        "stored text, facts and sentence vectors: no re-extraction; with the upload's `k` "
        "it is the stored summary."
    ),
    responses=error_responses("not_found", "validation_error"),
)
def get_summary(
    store: StoreDep,
    document_id: Annotated[
        str,
        Path(
            description="Document id: the first 16 hex digits of the SHA-256 of its bytes.",
            examples=["3f1c9a0b7d2e4c11"],
            max_length=64,
            pattern=NO_NUL,
        ),
    ],
    k: Annotated[int, Query(ge=1, le=20, description="Summary sentences.")] = 3,
    lang: Annotated[
        Language | None,
        Query(description="Render key facts in this language only (default: fr and en)."),
    ] = None,
) -> dict[str, Any]:
    summary = document_summary(store, document_id, k=k, langs=[lang] if lang else [])
    if summary is None:
        raise NotFoundError(f"No document with id {document_id!r}.", id=document_id)
    return summary
