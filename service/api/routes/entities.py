"""Entities (companies, units, products, firms, markets) and their facts over time."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query

from models.schema import ENTITY_TYPES
from service.api.deps import NO_NUL, StoreDep
from service.api.errors import error_responses
from service.api.schemas import ENTITY_ROW_EXAMPLE, FACT_EXAMPLE, EntityDetail, EntityPage
from service.errors import NotFoundError
from service.store.queries import ENTITY_SORTS

router = APIRouter(prefix="/entities", tags=["entities"])

EntityType = Literal[ENTITY_TYPES]  # type: ignore[valid-type]
EntitySort = Literal[tuple(key for n in ENTITY_SORTS for key in (n, f"-{n}"))]  # type: ignore[valid-type]


@router.get(
    "",
    response_model=EntityPage,
    summary="List entities named in stored documents",
    description=(
        "Entities that at least one stored document mentions or states a fact about, with "
        'how many documents, mentions and facts they have. Paged: `{"data", "count"}`.'
    ),
    responses={
        200: {
            "content": {"application/json": {"example": {"data": [ENTITY_ROW_EXAMPLE], "count": 1}}}
        },
        **error_responses("validation_error"),
    },
)
def list_entities(
    store: StoreDep,
    q: Annotated[
        str | None,
        Query(
            max_length=200,
            pattern=NO_NUL,
            description="Part of the name or id, any case.",
            examples=["amaz"],
        ),
    ] = None,
    type: Annotated[list[EntityType] | None, Query(examples=[["company"]])] = None,
    sort: Annotated[
        EntitySort, Query(description="Sort key; prefix `-` for descending.")
    ] = "-facts",
    limit: Annotated[int, Query(ge=1, le=500, examples=[50])] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> dict[str, Any]:
    rows, total = store.list_entities(
        q=q, types=list(type or []), sort=sort, limit=limit, offset=offset
    )
    return {"data": rows, "count": total}


@router.get(
    "/{entity_id}",
    response_model=EntityDetail,
    summary="An entity and its facts over time",
    description=(
        "The entity (id in any case: `amzn` finds `AMZN`) with every fact whose subject it is, "
        "oldest period first, from all documents and both languages; facts without a period "
        "come last. Paged by `limit`/`offset`; `count` is the total number of its facts."
    ),
    responses={
        200: {
            "content": {
                "application/json": {
                    "example": {
                        "entity": ENTITY_ROW_EXAMPLE,
                        "facts": [
                            {"id": 42, "document_id": "3f1c9a0b7d2e4c11", "lang": "fr"}
                            | FACT_EXAMPLE
                        ],
                        "count": 57,
                    }
                }
            }
        },
        **error_responses("not_found", "validation_error"),
    },
)
def get_entity(
    store: StoreDep,
    entity_id: Annotated[
        str, Path(max_length=200, pattern=NO_NUL, description="Ticker or slug.", examples=["AMZN"])
    ],
    limit: Annotated[int, Query(ge=1, le=1000, examples=[200])] = 200,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> dict[str, Any]:
    found = store.get_entity(entity_id, limit=limit, offset=offset)
    if found is None:
        raise NotFoundError(f"No stored document names an entity {entity_id!r}.", id=entity_id)
    return found
