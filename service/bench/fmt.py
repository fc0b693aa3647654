"""Small formatters shared by the sections' printed reports."""

from __future__ import annotations

from typing import Any


def wps(stats: dict[str, Any]) -> str:
    return f"{stats['words_per_s']:>12,.0f} words/s"


def times(value: float | None) -> str:
    return "n/a" if value is None else f"{value:,.2f}×"


def percent(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:,.1f} %"


def megabytes(value: float | None) -> str:
    return "n/a" if value is None else f"{value:,.0f} MB"


def verdict(met: bool | None) -> str:
    return "n/a" if met is None else ("met" if met else "NOT MET")
