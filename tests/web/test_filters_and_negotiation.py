"""The explorer's lenient query reading and the HTML-or-JSON choice (no browser)."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest
from starlette.datastructures import QueryParams

from service.web.filters import read_query
from service.web.negotiation import prefers_html


@pytest.mark.parametrize(
    ("query", "values", "problems"),
    [
        pytest.param(
            "subject=Amazon&metric=revenue&lang=fr&period_from=2025-Q1",
            {"subject": "Amazon", "metric": ["revenue"], "lang": ["fr"], "period_from": "2025-Q1"},
            0,
            id="fr-valid",
        ),
        pytest.param(
            "subject=NVDA&metric=price_target&attribution=Bernstein&lang=en&q=price+target",
            {
                "subject": "NVDA",
                "metric": ["price_target"],
                "attribution": "Bernstein",
                "lang": ["en"],
                "q": "price target",
            },
            0,
            id="en-valid",
        ),
        pytest.param("metric=turnover&metric=revenue", {"metric": ["revenue"]}, 1, id="metric"),
        pytest.param("period_to=T2+2025", {}, 1, id="fr-period-words"),
        pytest.param("period_from=Q2+2025", {}, 1, id="en-period-words"),
        pytest.param("q=%2B%2B%2B", {}, 1, id="q-without-words"),
        pytest.param("lang=de&claim_type=rumour", {}, 2, id="unknown-codes"),
        pytest.param("subject=+++&unit=", {}, 0, id="blank-is-absent"),
    ],
)
def test_explorer_keeps_valid_filters_and_names_the_rest(query, values, problems):
    read = read_query(QueryParams(query))
    assert read.values == values
    assert len(read.problems) == problems


@pytest.mark.parametrize(
    ("query", "sort", "page"),
    [
        ("sort=-value&page=3", "-value", 3),
        ("sort=price&page=0", "period", 1),
        ("sort=&page=x", "period", 1),
        ("sort=subject&page=999999999", "subject", 1),
    ],
)
def test_sort_and_page_fall_back_to_defaults(query, sort, page):
    read = read_query(QueryParams(query))
    assert (read.sort, read.page) == (sort, page)


def test_csv_link_carries_exactly_the_applied_filters():
    read = read_query(
        QueryParams("metric=price_target&metric=bogus&subject=NVDA&sort=-value&page=2")
    )
    url = urlsplit(read.csv_url())
    assert url.path == "/facts"
    assert sorted(parse_qsl(url.query)) == sorted(
        [("subject", "NVDA"), ("metric", "price_target"), ("sort", "-value"), ("format", "csv")]
    )


@pytest.mark.parametrize(
    ("accept", "html"),
    [
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", True),  # Chromium
        (
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8",
            True,
        ),  # Firefox
        ("*/*", False),  # curl, httpx, fetch
        ("application/json", False),
        ("application/json, text/html;q=0.5", False),
        ("text/html;q=0", False),
        ("TEXT/HTML", True),
        ("text/html;q=bad", False),
        ("", False),
        (None, False),
    ],
)
def test_only_a_request_for_html_gets_a_page(accept, html):
    assert prefers_html(accept) is html
