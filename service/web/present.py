"""How a fact reads on a page: English labels, normalized values, colours by metric.

The wording comes from the English render templates of ``models/render.py``
(the same ones the English key facts use), so a value reads the same in the
key facts, the tooltips, the tables and the chart axes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

from models.key_facts import select_key_fact_lines
from models.render import format_figure, format_period, render_line, templates_for
from models.schema import METRICS, SUPPORTED_LANGUAGES

# Metrics that belong together share a colour; the legend names each metric.
METRIC_FAMILIES: dict[str, tuple[str, ...]] = {
    "revenue": ("revenue", "revenue_growth"),
    "profit": (
        "net_income",
        "net_income_growth",
        "operating_income",
        "operating_margin",
        "gross_margin",
        "eps",
        "eps_growth",
        "return_on_equity",
    ),
    "cash": ("capex", "opex", "free_cash_flow", "dividend", "buyback"),
    "market": ("market_share", "market_size", "market_cap", "valuation"),
    "price": ("price_target", "share_price", "share_price_change", "valuation_multiple"),
    "growth": ("growth_rate",),
    "tech": ("performance_gain", "price_performance_gain", "chip_spec", "units"),
    "other": ("other",),
}
FAMILY_OF: dict[str, str] = {
    metric: family for family, metrics in METRIC_FAMILIES.items() for metric in metrics
}

CLAIM_LABELS: dict[str, str] = {
    "reported": "Reported",
    "guidance": "Guidance (company outlook)",
    "estimate": "Estimate (third party)",
    "forecast": "Forecast",
    "target": "Target",
    "claimed": "Claimed (relayed, not endorsed)",
}
ENTITY_TYPE_LABELS: dict[str, str] = {
    "company": "Company",
    "business_unit": "Business unit",
    "product": "Product",
    "analyst_firm": "Analyst firm",
    "market": "Market",
    "person": "Person",
    "index": "Index",
}
LANGUAGE_NAMES: dict[str, str] = {"fr": "French", "en": "English"}


@cache
def _english() -> dict[str, Any]:
    return templates_for("en")


def family(metric: str | None) -> str:
    return FAMILY_OF.get(metric or "other", "other")


def metric_label(metric: str | None) -> str:
    label = _english()["metrics"].get(metric or "other", metric or "figure")
    return label[:1].upper() + label[1:]


def metric_choices() -> list[tuple[str, str]]:
    return [(code, metric_label(code)) for code in METRICS]


def value_text(fact: Mapping[str, Any]) -> str:
    """The normalized value in English: "$167.7B", "30–40%", "$1.68 per share"."""
    text = format_figure(fact, _english())
    previous = fact.get("previous")
    if previous is not None:
        before = format_figure(
            {"value": previous, "unit": fact.get("unit"), "metric": fact.get("metric")},
            _english(),
        )
        text += f" (from {before})"
    return text


def axis_text(value: float, unit: str) -> str:
    """A tick label on a chart axis, in the unit's usual form."""
    return format_figure({"value": value, "unit": unit, "metric": "other"}, _english())


def period_text(period: str | None) -> str:
    if not period:
        return ""
    return format_period({"period": period}, _english()) or period


def fact_view(fact: Mapping[str, Any]) -> dict[str, Any]:
    """The fact plus the strings a page shows for it (tooltips read these too)."""
    claim = fact.get("claim_type") or "reported"
    return {
        **fact,
        "family": family(fact.get("metric")),
        "metric_label": metric_label(fact.get("metric")),
        "value_text": value_text(fact),
        "period_text": period_text(fact.get("period")),
        "claim_label": CLAIM_LABELS.get(claim, claim),
    }


def legend(facts: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The metrics present, in vocabulary order, with their colour and count."""
    counts: dict[str, int] = {}
    for fact in facts:
        metric = fact.get("metric") or "other"
        counts[metric] = counts.get(metric, 0) + 1
    order = {metric: position for position, metric in enumerate(METRICS)}
    return [
        {"metric": m, "label": metric_label(m), "family": family(m), "count": counts[m]}
        for m in sorted(counts, key=lambda m: order.get(m, len(order)))
    ]


DEFAULT_KEY_FACTS = 5  # the extractor's default, for a document stored without a summary


def key_fact_lines(
    facts: Sequence[Mapping[str, Any]],
    text: str,
    summary: Mapping[str, Any],
    anchors: Mapping[int, str],
) -> tuple[dict[str, list[str]], list[list[str]]]:
    """The key-fact lines in each language and, line by line, the anchors of the figures
    each shows in the text (its lead first), so a reader can check every number at its
    source. Recomputed from the stored facts like ``GET /documents/{id}/summary``, with
    as many lines as the stored summary has."""
    stored = (summary.get("key_facts") or {}).get("fr")
    n = len(stored) if isinstance(stored, list) else DEFAULT_KEY_FACTS
    lines = select_key_fact_lines(facts, n, text=text)
    rendered = {
        lang: [render_line(facts, line, lang) for line in lines] for lang in SUPPORTED_LANGUAGES
    }
    sources = [[anchors[i] for i in line.members if i in anchors] for line in lines]
    return rendered, sources
