"""The fact contract (``spec/FACTS.md``) as typed Python objects.

``Figure`` is what the figure layer reads from text (value, unit, range, sign);
``Fact`` is a figure placed: metric, subject, period, claim type, attribution.
``to_dict`` methods emit exactly the JSON field names of the contract.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

Language = Literal["fr", "en"]
SUPPORTED_LANGUAGES: tuple[str, ...] = ("fr", "en")

METRICS: tuple[str, ...] = (
    "revenue",
    "revenue_growth",
    "net_income",
    "net_income_growth",
    "operating_income",
    "operating_margin",
    "gross_margin",
    "eps",
    "eps_growth",
    "capex",
    "opex",
    "free_cash_flow",
    "return_on_equity",
    "dividend",
    "buyback",
    "market_share",
    "market_size",
    "market_cap",
    "valuation",
    "price_target",
    "share_price",
    "share_price_change",
    "valuation_multiple",
    "growth_rate",
    "performance_gain",
    "price_performance_gain",
    "chip_spec",
    "units",
    "other",
)

CLAIM_TYPES: tuple[str, ...] = (
    "reported",
    "guidance",
    "estimate",
    "forecast",
    "target",
    "claimed",
)

ENTITY_TYPES: tuple[str, ...] = (
    "company",
    "business_unit",
    "product",
    "analyst_firm",
    "market",
    "person",
    "index",
)

SPEC_UNITS: tuple[str, ...] = ("TFLOPS", "GB", "TB/s", "W", "nm", "GHz")
PLAIN_UNITS: tuple[str, ...] = ("%", "pp", "x", "count", *SPEC_UNITS)
_CURRENCY_CODE = re.compile(r"[A-Z]{3}")


def is_money_unit(unit: str | None) -> bool:
    """Whether ``unit`` is an amount of money: an ISO 4217 code (FACTS.md, Units)."""
    return bool(unit) and _CURRENCY_CODE.fullmatch(unit) is not None


@dataclass(slots=True)
class Figure:
    """One figure as written: its normalized value and unit, and where it stands.

    ``kind`` tells the assigner what sort of figure it is (``money``,
    ``per_share``, ``unit_price`` for a commodity price such as ``69,1 $/b``,
    ``percent``, ``pp``, ``multiple``, ``count``, ``spec``, ``number``); ``qualifier``
    carries what the figure itself says it counts or measures (``"campus"``,
    ``"memory"``), ``evidence`` how it was read.
    """

    value: float
    unit: str
    start: int
    end: int
    text: str
    kind: str
    value_max: float | None = None
    previous: float | None = None
    approximate: bool = False
    qualifier: str | None = None
    evidence: list[str] = field(default_factory=list)
    scaled: bool = False  # written with a scale word ("milliards", "bn"): an aggregate
    declined: bool = False  # made negative by a decline cue ("baisse de 7 %")


@dataclass(slots=True)
class PeriodMention:
    """A period named in the text, normalized per FACTS.md (``2025-Q2``, ``FY2026``…)."""

    period: str
    start: int
    end: int
    text: str
    horizon: bool = False  # "d'ici 2029" / "by 2029": a forecast horizon, not a past period
    comparison: bool = False  # "contre 1,04 € au S1 2024", "from a year ago": a reference point


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str
    mentions: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "type": self.type, "mentions": self.mentions}


@dataclass(slots=True)
class Fact:
    subject: str | None
    subject_id: str | None
    metric: str
    value: float
    value_max: float | None
    previous: float | None
    unit: str
    period: str | None
    claim_type: str
    qualifier: str | None
    attribution: str | None
    approximate: bool
    text: str
    start: int
    end: int
    sentence: str
    confidence: float
    evidence: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "subject_id": self.subject_id,
            "metric": self.metric,
            "value": self.value,
            "value_max": self.value_max,
            "previous": self.previous,
            "unit": self.unit,
            "period": self.period,
            "claim_type": self.claim_type,
            "qualifier": self.qualifier,
            "attribution": self.attribution,
            "approximate": self.approximate,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
            "confidence": self.confidence,
            "evidence": list(self.evidence),
        }
