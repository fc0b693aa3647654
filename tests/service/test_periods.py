"""Period strings (FACTS.md) to calendar bounds, and the OpenAPI pattern that mirrors them."""

from __future__ import annotations

import re
from datetime import date

import pytest

from service.store.periods import PERIOD_PATTERN, period_bounds

CASES = [
    ("2025", date(2025, 1, 1), date(2025, 12, 31)),
    ("2025-Q1", date(2025, 1, 1), date(2025, 3, 31)),
    ("2025-Q4", date(2025, 10, 1), date(2025, 12, 31)),
    ("2024-H1", date(2024, 1, 1), date(2024, 6, 30)),
    ("2025-H2", date(2025, 7, 1), date(2025, 12, 31)),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
    ("2025-03-31", date(2025, 3, 31), date(2025, 3, 31)),
    ("2025-02-30", date(2025, 2, 28), date(2025, 2, 28)),
    ("FY2026", date(2026, 1, 1), date(2026, 12, 31)),
    ("FY2026-Q3", date(2026, 7, 1), date(2026, 9, 30)),
    ("FY2025-H1", date(2025, 1, 1), date(2025, 6, 30)),
]
REFUSED = ["", "T2 2025", "Q2 2025", "2025-Q5", "2025-H3", "2025-13", "2025-03-32",
           "FY2025-03-01", "0000", "25-Q1", "2025Q2", "2025-q2"]  # fmt: skip


@pytest.mark.parametrize(("period", "start", "end"), CASES)
def test_bounds(period: str, start: date, end: date) -> None:
    assert period_bounds(period) == (start, end)
    assert re.match(PERIOD_PATTERN, period)


@pytest.mark.parametrize("period", REFUSED)
def test_refused(period: str) -> None:
    assert period_bounds(period) is None
    assert not re.match(PERIOD_PATTERN, period)
