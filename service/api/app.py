"""The FastAPI application: ``create_app`` wires settings, store, extractor and routes.

Models are loaded once, in the lifespan, before the first request; the store is
migrated there too. Tests and ``rapport serve`` may hand in an already loaded
extractor so its seconds of loading are not paid twice.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from starlette.concurrency import run_in_threadpool

from models import Extractor
from service.api import routes_batches
from service.api.deps import guard_request
from service.api.errors import install_error_handlers
from service.api.routes import documents, entities, facts, health, search
from service.ingest.pipeline import extractor_version
from service.settings import Settings
from service.store import FactStore
from service.web import router as web_pages

DESCRIPTION = """
Rapport reads French and English market reports and turns every figure that matters
(revenue, EPS, capex, price targets, market shares, multiples, chip specs…) into a typed,
sourced fact: what it measures, whom it is about, when, and how sure the report is.

* Upload reports (`POST /documents`): `.txt`, `.html`, `.pdf`, `.docx` or JSON text.
* Query facts across every document (`GET /facts`), in both languages together.
* Follow an entity's figures over time (`GET /entities/{id}`).

Errors always answer `{"error": {"code", "message", "details"}}`. When the server runs
with `RAPPORT_API_KEY`, writes need `X-API-Key` or `Authorization: Bearer`.
"""


def build_extractor(settings: Settings) -> Extractor:
    return Extractor(
        pipelines=settings.pipelines,
        encoder_path=settings.encoder_path,
        use_encoder=settings.use_encoder,
        summary_embeddings=settings.summary_embeddings,
    )


def create_app(settings: Settings | None = None, extractor: Extractor | None = None) -> FastAPI:
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        store = FactStore.from_url(settings.database_url)
        await run_in_threadpool(store.migrate)
        app.state.store = store
        loaded = extractor or build_extractor(settings)
        if not loaded.loaded:
            await run_in_threadpool(loaded.load)
        app.state.extractor = loaded
        try:
            yield
        finally:
            batches = getattr(app.state, "batches", None)
            if batches is not None:
                # let a running batch finish its current document (it resumes next time)
                await run_in_threadpool(batches.stop_all)
            app.state.store = None
            store.close()

    app = FastAPI(
        title="Rapport",
        version=extractor_version(),
        description=DESCRIPTION,
        lifespan=lifespan,
        dependencies=[Depends(guard_request)],
    )
    app.state.settings = settings
    app.state.store = None
    app.state.extractor = None
    install_error_handlers(app)
    app.include_router(web_pages)  # first: its HTML-only routes step aside for API clients
    for module in (documents, facts, entities, health):
        app.include_router(module.router)
    app.include_router(routes_batches.router)
    app.include_router(search.router)
    return app
