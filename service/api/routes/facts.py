"""Facts across all stored documents: structured filters, free text, sorting, CSV."""

from __future__ import annotations

import csv
import io
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response
from pydantic import StringConstraints

from models.schema import CLAIM_TYPES, METRICS
from service.api.deps import NO_NUL, SettingsDep, StoreDep
from service.api.errors import error_responses
from service.api.schemas import FACT_EXAMPLE, FactPage
from service.store import FACT_SORTS, FactFilters
from service.store.periods import PERIOD_PATTERN
from service.store.rows import FACT_FIELDS

router = APIRouter(tags=["facts"])

Metric = Literal[METRICS]  # type: ignore[valid-type]
ClaimType = Literal[CLAIM_TYPES]  # type: ignore[valid-type]
SORT_VALUES = tuple(key for name in FACT_SORTS for key in (name, f"-{name}"))
Sort = Literal[SORT_VALUES]  # type: ignore[valid-type]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=NO_NUL)]
CSV_COLUMNS = ("id", "document_id", "lang", *FACT_FIELDS)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow([_cell(row[column]) for column in CSV_COLUMNS])
    return out.getvalue()


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        value = " | ".join(str(item) for item in value)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        # A leading quote keeps spreadsheets from running report text as a formula.
        return "'" + value
    return value


@router.get(
    "/facts",
    response_model=FactPage,
    summary="Query facts across all documents",
    description=(
        "Every filter narrows the result (list filters match any of their values). "
        "`period` matches exactly; `period_from`/`period_to` keep facts whose period lies "
        "within the range (fiscal periods are placed on their calendar year). `q` searches "
        "the fact's sentence, figure, subject, attribution, qualifier and metric, ignoring "
        "accents and case; all its words must match. `format=csv` returns a spreadsheet of "
        "all matches (up to the server's cap) unless `limit` is given; its text cells that "
        "start with = + - @ get a leading `'` so spreadsheets do not run them as formulas."
    ),
    responses={
        200: {
            "description": "A page of facts, or CSV with `format=csv`.",
            "content": {
                "application/json": {
                    "example": {
                        "data": [
                            {"id": 42, "document_id": "3f1c9a0b7d2e4c11", "lang": "fr"}
                            | FACT_EXAMPLE
                        ],
                        "count": 1,
                    }
                },
                "text/csv": {
                    "schema": {"type": "string"},
                    "example": ",".join(CSV_COLUMNS) + "\n42,3f1c9a0b7d2e4c11,fr,Amazon,AMZN,"
                    "revenue,167700000000.0,,,USD,2025-Q2,reported,,,False,"
                    '"167,7 milliards de dollars",2871,2897,…,0.93,metric revenue\n',
                },
            },
        },
        **error_responses("validation_error"),
    },
)
def query_facts(
    store: StoreDep,
    settings: SettingsDep,
    subject: Annotated[
        str | None,
        Query(
            max_length=200,
            pattern=NO_NUL,
            description="Subject name or id, any case.",
            examples=["Amazon"],
        ),
    ] = None,
    subject_id: Annotated[
        list[ShortText] | None,
        Query(description="Entity ids (tickers, slugs).", examples=[["NVDA"]]),
    ] = None,
    metric: Annotated[list[Metric] | None, Query(examples=[["price_target"]])] = None,
    claim_type: Annotated[list[ClaimType] | None, Query(examples=[["guidance"]])] = None,
    attribution: Annotated[
        str | None,
        Query(
            max_length=200, pattern=NO_NUL, description="Who states it, any case.", examples=["UBS"]
        ),
    ] = None,
    unit: Annotated[
        list[ShortText] | None, Query(description="USD, EUR, %, x…", examples=[["USD"]])
    ] = None,
    lang: Annotated[list[Literal["fr", "en"]] | None, Query(examples=[["fr", "en"]])] = None,
    document_id: Annotated[list[ShortText] | None, Query(examples=[["3f1c9a0b7d2e4c11"]])] = None,
    period: Annotated[
        str | None,
        Query(max_length=32, pattern=NO_NUL, description="Exact period.", examples=["2025-Q2"]),
    ] = None,
    period_from: Annotated[
        str | None,
        Query(pattern=PERIOD_PATTERN, description="Earliest period, inclusive.", examples=["2024"]),
    ] = None,
    period_to: Annotated[
        str | None,
        Query(
            pattern=PERIOD_PATTERN, description="Latest period, inclusive.", examples=["2025-H1"]
        ),
    ] = None,
    min_value: Annotated[float | None, Query(allow_inf_nan=False, examples=[1e9])] = None,
    max_value: Annotated[float | None, Query(allow_inf_nan=False, examples=[5e10])] = None,
    q: Annotated[
        str | None,
        Query(
            max_length=500,
            pattern=NO_NUL,
            description="Words to find (full text); no word at all finds nothing.",
            examples=["dépenses en capital"],
        ),
    ] = None,
    sort: Annotated[
        Sort, Query(description="Sort key; prefix `-` for descending. Ties keep storage order.")
    ] = "period",
    limit: Annotated[int | None, Query(ge=1, le=500, description="Page size (default 50).")] = None,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    format: Annotated[Literal["json", "csv"], Query(description="json or csv.")] = "json",
) -> Any:
    filters = FactFilters(
        subject=subject,
        subject_id=subject_id or [],
        metric=list(metric or []),
        claim_type=list(claim_type or []),
        attribution=attribution,
        unit=unit or [],
        lang=list(lang or []),
        document_id=document_id or [],
        period=period,
        period_from=period_from,
        period_to=period_to,
        min_value=min_value,
        max_value=max_value,
        q=q,
    )
    if format == "csv":
        rows, total = store.query_facts(
            filters, sort=sort, limit=limit or settings.max_csv_rows, offset=offset
        )
        return Response(
            _csv(rows),
            media_type="text/csv; charset=utf-8",
            headers={
                "Content-Disposition": 'attachment; filename="rapport-facts.csv"',
                "X-Total-Count": str(total),
            },
        )
    rows, total = store.query_facts(filters, sort=sort, limit=limit or 50, offset=offset)
    return {"data": rows, "count": total}
