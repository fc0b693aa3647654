"""One subject's metric over periods, laid out for an inline SVG (no JS, no library).

The x axis has one slot per period, in calendar order (fiscal periods on the
calendar year of their number, as the store orders them), and a last "no
period" slot for undated facts (price targets are often undated). Series are
the firms, claim types, languages or documents behind the figures; one unit
per chart (the most common one), the other facts are counted as left out.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from service.store.periods import period_bounds
from service.web.present import axis_text, metric_label, period_text, value_text

WIDTH, HEIGHT = 760, 340
LEFT, RIGHT, TOP = 84, 20, 18
# Room under the plot for period labels: more when there are many and they slant.
BOTTOM, BOTTOM_SLANTED = 40, 72
MAX_LEVEL_LABELS = 6
PALETTE_SIZE = 8
NO_PERIOD = "No period"
SERIES_CHOICES: dict[str, str] = {
    "attribution": "Who states it",
    "claim_type": "Claim type",
    "lang": "Report language",
    "document": "Document",
}


@dataclass(frozen=True, slots=True)
class Point:
    slot: int
    x: float
    y: float
    y_high: float | None
    label: str
    href: str


@dataclass(slots=True)
class Series:
    name: str
    colour: int
    points: list[Point] = field(default_factory=list)
    path: str = ""


@dataclass(frozen=True, slots=True)
class Tick:
    position: float
    label: str


@dataclass(slots=True)
class Chart:
    title: str
    unit: str
    series_by: str
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    series: list[Series]
    left_out: int
    rotate_labels: bool
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    top: int = TOP
    right: int = WIDTH - RIGHT
    bottom: int = HEIGHT - BOTTOM

    @property
    def points(self) -> int:
        return sum(len(s.points) for s in self.series)


def default_series_by(metric: str | None) -> str:
    """Price targets are compared firm by firm; other figures by what kind of claim they are."""
    return "attribution" if metric == "price_target" else "claim_type"


def series_name(fact: Mapping[str, Any], series_by: str) -> str:
    if series_by == "attribution":
        return fact.get("attribution") or "The report itself"
    if series_by == "lang":
        return {"fr": "French reports", "en": "English reports"}.get(fact.get("lang") or "", "?")
    if series_by == "document":
        return f"Document {fact.get('document_id', '?')}"
    return (fact.get("claim_type") or "reported").capitalize()


def _period_key(period: str | None) -> tuple[int, float, int, str]:
    """Order on a time axis: by the middle of the period (a year sits mid-year, between
    its quarters), shorter periods first on a tie; unreadable, then undated, last."""
    if not period:
        return (2, 0.0, 0, "")
    bounds = period_bounds(period)
    if bounds is None:
        return (1, 0.0, 0, period)
    first, last = (day.toordinal() for day in bounds)
    return (0, (first + last) / 2, last - first, period)


def nice_step(span: float, target_ticks: int = 5) -> float:
    """A round tick step (1, 2, 2.5 or 5 times a power of ten) giving about ``target_ticks``."""
    if span <= 0 or not math.isfinite(span):
        return 1.0
    raw = span / target_ticks
    power = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 2.5, 5, 10):
        if raw <= multiple * power:
            return multiple * power
    return 10 * power


def value_range(values: Sequence[float]) -> tuple[float, float, float]:
    """(low, high, step): zero always shown, ends rounded out to whole steps."""
    low, high = min(0.0, *values), max(0.0, *values)
    if low == high:
        high = low + 1.0
    step = nice_step(high - low)
    return math.floor(low / step) * step, math.ceil(high / step) * step, step


def period_kind(period: str | None) -> str:
    """The granularity of a period: a line never joins a year to a quarter."""
    if not period:
        return "none"
    fiscal = "fiscal-" if period.startswith("FY") else ""
    body = period.removeprefix("FY")
    if "-Q" in body:
        return fiscal + "quarter"
    if "-H" in body:
        return fiscal + "half"
    return fiscal + {4: "year", 7: "month", 10: "day"}.get(len(body), "other")


def _line_path(points: Sequence[Point], periods: Sequence[str]) -> str:
    """SVG path joining a series' points of the same granularity, slot after slot.

    Only slots where the series has exactly one figure are joined: two figures
    in one period (two readings, two scopes) would draw a misleading zigzag.
    Undated points have no place in time and are never joined.
    """
    per_slot: dict[int, list[Point]] = {}
    for point in points:
        per_slot.setdefault(point.slot, []).append(point)
    runs: dict[str, list[list[Point]]] = {}
    for slot in sorted(per_slot):
        kind = period_kind(periods[slot])
        if kind == "none":
            continue
        kind_runs = runs.setdefault(kind, [[]])
        if len(per_slot[slot]) == 1:
            kind_runs[-1].append(per_slot[slot][0])
        else:
            kind_runs.append([])
    parts = [
        "M" + " L".join(f"{p.x},{p.y}" for p in run)
        for kind_runs in runs.values()
        for run in kind_runs
        if len(run) >= 2
    ]
    return " ".join(parts)


def build_chart(
    facts: Sequence[Mapping[str, Any]],
    *,
    subject: str,
    metric: str,
    series_by: str | None = None,
) -> Chart | None:
    """The chart of ``facts`` (already narrowed to one subject and metric), or None if empty."""
    if not facts:
        return None
    series_by = series_by if series_by in SERIES_CHOICES else default_series_by(metric)
    unit = Counter(f.get("unit") or "count" for f in facts).most_common(1)[0][0]
    shown = [f for f in facts if (f.get("unit") or "count") == unit]

    periods = sorted({f.get("period") or "" for f in shown}, key=_period_key)
    slot_of = {period: position for position, period in enumerate(periods)}
    plot_width = WIDTH - RIGHT - LEFT
    slot_width = plot_width / len(periods)

    def slot_x(position: int) -> float:
        return LEFT + slot_width * (position + 0.5)

    values = [float(f["value"]) for f in shown]
    values += [float(f["value_max"]) for f in shown if f.get("value_max") is not None]
    low, high, step = value_range(values)
    rotate = len(periods) > MAX_LEVEL_LABELS
    plot_top, plot_bottom = TOP, HEIGHT - (BOTTOM_SLANTED if rotate else BOTTOM)

    def y_of(value: float) -> float:
        return round(plot_bottom - (value - low) / (high - low) * (plot_bottom - plot_top), 1)

    names: list[str] = []
    for fact in shown:
        name = series_name(fact, series_by)
        if name not in names:
            names.append(name)
    series = [Series(name, position % PALETTE_SIZE) for position, name in enumerate(names)]
    by_name = {s.name: s for s in series}

    # Points sharing a slot are spread side by side so none hides another.
    ordered = sorted(
        shown,
        key=lambda f: (
            slot_of[f.get("period") or ""],
            names.index(series_name(f, series_by)),
            float(f["value"]),
        ),
    )
    per_slot = Counter(slot_of[f.get("period") or ""] for f in ordered)
    seen_in_slot: Counter[int] = Counter()
    for fact in ordered:
        slot = slot_of[fact.get("period") or ""]
        crowd, rank = per_slot[slot], seen_in_slot[slot]
        seen_in_slot[slot] += 1
        spread = min(16.0, slot_width * 0.7 / max(crowd, 1))
        x = round(slot_x(slot) + (rank - (crowd - 1) / 2) * spread, 1)
        high_value = fact.get("value_max")
        name = series_name(fact, series_by)
        when = period_text(fact.get("period")) or "no period"
        label = f"{name}: {value_text(fact)}, {when} ({fact.get('subject') or subject})"
        href = f"/documents/{fact.get('document_id')}#at-{fact.get('start')}"
        y_high = y_of(float(high_value)) if high_value is not None else None
        by_name[name].points.append(Point(slot, x, y_of(float(fact["value"])), y_high, label, href))

    for line in series:
        line.path = _line_path(line.points, periods)

    x_ticks = [
        Tick(round(slot_x(i), 1), period_text(p) or NO_PERIOD) for i, p in enumerate(periods)
    ]
    count = round((high - low) / step)
    y_ticks = [
        Tick(y_of(low + i * step), axis_text(low + i * step, unit)) for i in range(count + 1)
    ]
    named = Counter(f.get("subject") for f in shown if f.get("subject")).most_common(1)
    return Chart(
        title=f"{named[0][0] if named else subject} — {metric_label(metric).lower()} over periods",
        unit=unit,
        series_by=series_by,
        x_ticks=x_ticks,
        y_ticks=y_ticks,
        series=series,
        left_out=len(facts) - len(shown),
        rotate_labels=rotate,
        bottom=plot_bottom,
    )
