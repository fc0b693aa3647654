"""Liveness and readiness in one: models loaded, store reachable."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from models.schema import SUPPORTED_LANGUAGES
from service.api.errors import error_responses
from service.api.schemas import HealthOut
from service.ingest.pipeline import extractor_version

router = APIRouter(tags=["health"])


@router.get(
    "/health",
    response_model=HealthOut,
    summary="Is the service ready?",
    description=(
        "200 when both spaCy pipelines are loaded and the store answers; 503 with the same "
        "body otherwise (the Docker HEALTHCHECK and load balancers read the status)."
    ),
    responses={
        503: {
            "model": HealthOut,
            "description": "Models not loaded or store unreachable.",
            "content": {
                "application/json": {
                    "example": {
                        "status": "degraded",
                        "models_loaded": True,
                        "languages": ["fr", "en"],
                        "extractor_version": "0.2.0+rules2",
                        "store": {
                            "ok": False,
                            "backend": "postgresql",
                            "error": "OperationalError",
                        },
                    }
                }
            },
        },
        **error_responses("validation_error"),
    },
)
def health(request: Request) -> Any:
    state = request.app.state
    extractor = getattr(state, "extractor", None)
    models_loaded = bool(extractor is not None and extractor.loaded)
    store = getattr(state, "store", None)
    store_health = (
        store.health()
        if store is not None
        else {"ok": False, "backend": "none", "error": "not open"}
    )
    ok = models_loaded and store_health["ok"]
    body = HealthOut.model_validate(
        {
            "status": "ok" if ok else "degraded",
            "models_loaded": models_loaded,
            "languages": list(SUPPORTED_LANGUAGES),
            "extractor_version": extractor_version(),
            "store": store_health,
        }
    )
    return JSONResponse(body.model_dump(mode="json", by_alias=True), status_code=200 if ok else 503)
