"""FACTS.md period strings to calendar bounds, so ``period_from``/``period_to`` compare dates.

Fiscal periods (``FY2026``, ``FY2026-Q3``) are placed on the calendar year of
the same number: the report rarely says when a company's fiscal year starts,
and an approximate place beats leaving them out of every range query.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

_PERIOD = re.compile(
    r"^(?P<fy>FY)?(?P<year>\d{4})"
    r"(?:-(?:Q(?P<quarter>[1-4])|H(?P<half>[12])|(?P<month>0[1-9]|1[0-2])(?:-(?P<day>0[1-9]|[12]\d|3[01]))?))?$"
)


# The same grammar for OpenAPI (ECMA regex: explicit classes only), so a client
# knows what the period filters accept before sending one.
PERIOD_PATTERN = (
    r"^(?:[1-9][0-9]{3}(?:-(?:Q[1-4]|H[12]|(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?))?"
    r"|FY[1-9][0-9]{3}(?:-(?:Q[1-4]|H[12]|0[1-9]|1[0-2]))?)$"
)


def period_bounds(period: str | None) -> tuple[date, date] | None:
    """``"2025-Q2"`` -> (2025-04-01, 2025-06-30); None for no or unreadable period."""
    if not period:
        return None
    match = _PERIOD.match(period.strip())
    if match is None:
        return None
    year = int(match["year"])
    if year < 1:
        return None
    if match["quarter"]:
        first_month = 3 * (int(match["quarter"]) - 1) + 1
        return date(year, first_month, 1), _month_end(year, first_month + 2)
    if match["half"]:
        first_month = 1 if match["half"] == "1" else 7
        return date(year, first_month, 1), _month_end(year, first_month + 5)
    if match["month"]:
        month = int(match["month"])
        if match["day"]:
            if match["fy"]:
                return None
            # An impossible day (2025-02-30) reads as the month's last: a bound, not a claim.
            day = date(year, month, min(int(match["day"]), _month_end(year, month).day))
            return day, day
        return date(year, month, 1), _month_end(year, month)
    return date(year, 1, 1), date(year, 12, 31)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])
