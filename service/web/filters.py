"""The explorer's query string, read leniently: a page shows what it could not use.

The JSON ``/facts`` answers 422 to a bad parameter; a page instead keeps the
valid filters, says in words which ones it dropped, and builds the matching
``/facts?format=csv`` link from exactly the filters it applied.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from starlette.datastructures import QueryParams

from models.schema import CLAIM_TYPES, METRICS, SUPPORTED_LANGUAGES
from service.store import FACT_SORTS, FactFilters
from service.store.periods import period_bounds
from service.store.search import query_words

PAGE_SIZE = 50
MAX_TEXT = 200
TEXT_FIELDS = ("subject", "attribution", "q", "period", "period_from", "period_to")
LIST_FIELDS = ("metric", "claim_type", "unit", "lang", "document_id")
SORT_KEYS = tuple(key for name in FACT_SORTS for key in (name, f"-{name}"))
PERIOD_HELP = "a period like 2025, 2025-Q2, 2025-H1, 2025-06 or FY2026-Q3"


@dataclass(slots=True)
class ExplorerQuery:
    values: dict[str, str | list[str]] = field(default_factory=dict)
    sort: str = "period"
    page: int = 1
    problems: list[str] = field(default_factory=list)

    def filters(self) -> FactFilters:
        return FactFilters(**self.values)  # type: ignore[arg-type]

    def single(self, name: str) -> str:
        value = self.values.get(name)
        if isinstance(value, list):
            return value[0] if len(value) == 1 else ""
        return value or ""

    def pairs(self) -> list[tuple[str, str]]:
        """The applied filters as query-string pairs, in a stable order."""
        pairs: list[tuple[str, str]] = []
        for name in (*TEXT_FIELDS, *LIST_FIELDS):
            value = self.values.get(name)
            if isinstance(value, list):
                pairs += [(name, item) for item in value]
            elif value:
                pairs.append((name, value))
        return pairs

    def url(self, base: str = "/explorer", **extra: str | int | None) -> str:
        pairs = self.pairs() + [(k, str(v)) for k, v in extra.items() if v not in (None, "")]
        return base + ("?" + urlencode(pairs) if pairs else "")

    def csv_url(self) -> str:
        return self.url("/facts", sort=self.sort, format="csv")

    def sort_url(self, key: str, series: str | None = None) -> str:
        """Sort by ``key``; asking again for the current key reverses it."""
        sort = f"-{key}" if self.sort == key else key
        return self.url(sort=sort, series=series)


def _text(params: QueryParams, name: str) -> str:
    return (params.get(name) or "").strip()[:MAX_TEXT]


def read_query(params: QueryParams) -> ExplorerQuery:
    query = ExplorerQuery()
    allowed = {
        "metric": set(METRICS),
        "claim_type": set(CLAIM_TYPES),
        "lang": set(SUPPORTED_LANGUAGES),
    }
    for name in LIST_FIELDS:
        items = [item.strip() for item in params.getlist(name) if item.strip()]
        known = allowed.get(name)
        if known is not None:
            unknown = [item for item in items if item not in known]
            if unknown:
                query.problems.append(f"Ignored unknown {name.replace('_', ' ')}: {unknown[0]!r}.")
            items = [item for item in items if item in known]
        if items:
            query.values[name] = list(dict.fromkeys(item[:MAX_TEXT] for item in items))
    for name in TEXT_FIELDS:
        value = _text(params, name)
        if not value:
            continue
        if name.startswith("period") and period_bounds(value) is None:
            query.problems.append(f"Ignored {name.replace('_', ' ')} {value!r}: use {PERIOD_HELP}.")
            continue
        if name == "q" and not query_words(value):
            query.problems.append(f"Ignored the search {value!r}: it has no word to look for.")
            continue
        query.values[name] = value
    sort = params.get("sort") or "period"
    query.sort = sort if sort in SORT_KEYS else "period"
    page = params.get("page") or "1"
    query.page = int(page) if page.isdigit() and 0 < int(page) <= 100_000 else 1
    return query
