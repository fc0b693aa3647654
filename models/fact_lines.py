"""What a key-fact line shows beside its lead figure, the way an earnings digest prints it.

An analyst's digest does not give one figure per line: "operating income $3.25B
(margin 28.2%)", "revenue Q3 $11.51B (+17% YoY); Q4 guidance $11.96B", "market
shares: SK Hynix 62%; Micron 21%; Samsung 17%". A line has a lead fact (chosen by
:mod:`models.key_facts`) and the facts read with it:

* its growth ("+17 % sur un an"), paired by :func:`models.render.pair_growth_facts`;
* companions: the margin of an operating profit, the per-share figure of a net
  profit and the dividend of the same year, the share price a price target is set
  against, or the other way round (same subject, period and claim type); a market's
  growth rate beside its size;
* series: the same subject's same measure at other periods (a reported quarter and
  the next one's guidance, a market's size today and its forecast), each with the
  companion stated in its own sentence ("2028 : 39,8 Md€ (TCAM +16,9 %)");
* peers: the other holders of a market-share ranking given in the same paragraph;
* the outlook: beside a guided figure, the company's other guided figures of the same
  sentence ("revenue growth +6–8 % (EPS 10,40–11 €)");
* a deal's terms: beside the deal's value or its offer price, the premium it pays
  over the share price, and the offer per share the premium is stated for ("48,7 Md$
  (21,01 $ par action, prime 46 %)").

Each fact is shown on one line at most, and a figure already listed is not shown
again. Deterministic: ties go to the stronger candidate, then the earlier fact.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from models.schema import is_money_unit

# The pairs a results digest prints together: margin beside operating profit, EPS and
# the dividend of the same year beside net profit (the dividend: dev 0.713 -> 0.716,
# held-out unchanged; at any period, held-out lost 0.011). Measured on dev and held-out
# (models/README.md). A broker's target goes beside the price it is set against ("110 €
# (cours 88,62 €)"): coverage unchanged, and a line no annotator picked (the bare share
# price) leaves the list.
COMPANION_METRICS: dict[str, tuple[str, ...]] = {
    "operating_income": ("operating_margin",),
    "operating_margin": ("operating_income",),
    "net_income": ("eps", "dividend"),
    "eps": ("net_income", "dividend"),
    "market_size": ("growth_rate",),
    "price_target": ("share_price",),
    "share_price": ("price_target",),
}
# A market's growth rate spans years ("19% a year from 2025 to 2029"): it goes beside its
# size whatever the period and claim (dev coverage 0.686 -> 0.693, held-out unchanged).
# A price target is a target and the share price beside it is reported: they pair
# whatever their claims.
ANY_PERIOD_COMPANIONS = frozenset(
    {frozenset({"market_size", "growth_rate"}), frozenset({"price_target", "share_price"})}
)
SERIES_LIMIT = 2  # other periods of the same measure: more would make a table, not a line
PEER_METRICS = frozenset({"market_share"})
PEER_LIMIT = 3  # the top of a ranking; the rest of it is in the facts
FORWARD_CLAIMS = frozenset({"guidance", "forecast", "target", "estimate"})
# growth metric -> the level metric it describes ("+13 %" belongs to revenue).
GROWTH_OF: dict[str, str] = {
    "revenue_growth": "revenue",
    "net_income_growth": "net_income",
    "eps_growth": "eps",
}
# How a growth is measured, not against what: "8,6 % à TCC et 4,0 % en données publiées"
# gives one year-on-year growth twice; a results digest prints both
_MEASURES = re.compile(r"organic|constant currency", re.IGNORECASE)
# A deal is told by its value or its price per share, and both are printed with the
# premium paid ("une prime de 37,6 %", models/cues.py is_premium). The premium is the
# first one stated in the lead's paragraph or the next: the premium over the last close
# comes before the ones over averages.
DEAL_METRICS = frozenset({"valuation", "share_price"})
PREMIUM_QUALIFIER = "premium"
DEAL_PARAGRAPH_SPAN = 1  # the terms follow the announcement within a paragraph
# A company's outlook is one sentence of several targets ("expects comparable revenue
# growth of 6% to 8% and basic EPS of €10.40 to €11.00"): the guided lead shows the others
# (dev coverage 0.741 -> 0.746, held-out unchanged, agreement with the second annotator's
# picks up on both; forecasts and estimates too gave the same on dev, targets less).
OUTLOOK_CLAIMS = frozenset({"guidance"})
OUTLOOK_LIMIT = 2
OUTLOOK_SKIPPED = frozenset({"other", "units", "chip_spec"})  # no headline of an outlook


@dataclass(frozen=True, slots=True)
class FactLine:
    """Indices into the document's facts: the lead and what its line shows with it."""

    lead: int
    companions: tuple[int, ...] = ()
    series: tuple[int, ...] = ()
    peers: tuple[int, ...] = ()
    # the growth folded into each shown level fact that has one: {level: growth}
    growths: Mapping[int, int] = field(default_factory=dict)
    # a series item's companion stated with it: {item: companion} ("39,8 Md€ en 2028,
    # soit un TCAM de 16,9 %")
    item_companions: Mapping[int, int] = field(default_factory=dict)
    # the lead's growth measured the other way, stated with it ("en hausse de 4,6 % en
    # données publiées et de 6,8 % en données comparables")
    other_measure: int | None = None

    @property
    def levels(self) -> tuple[int, ...]:
        """The facts the line shows as figures of their own, lead first (no growths)."""
        return (
            self.lead, *self.companions, *self.series, *self.item_companions.values(),
            *self.peers,
        )  # fmt: skip

    @property
    def members(self) -> tuple[int, ...]:
        """Every fact the line shows, lead first."""
        growths = [self.growths[i] for i in self.levels if i in self.growths]
        other = [] if self.other_measure is None else [self.other_measure]
        return (*self.levels, *growths, *other)


def build_line(
    lead: int,
    facts: Sequence[Mapping[str, Any]],
    available: Mapping[int, float],
    growth_pairs: Mapping[int, int],
    paragraph_of: Callable[[int], Any],
    subject_of: Callable[[Mapping[str, Any]], str | None],
) -> FactLine:
    """The line of ``facts[lead]``: companions, series and peers taken from ``available``
    (candidate index -> score; the caller removes what the line takes)."""
    fact = facts[lead]
    subject = subject_of(fact)
    ranked = sorted(available, key=lambda i: (-available[i], i))

    def same_measure(other: Mapping[str, Any]) -> bool:
        return subject is not None and subject_of(other) == subject

    same_sentence_first = sorted(
        ranked, key=lambda i: facts[i].get("sentence") != fact.get("sentence")
    )

    def companion_of(anchor: Mapping[str, Any], metric: str, pool: list[int]) -> int | None:
        """The first fact of ``pool`` that goes beside ``anchor`` as its ``metric``."""
        return next(
            (
                i
                for i in pool
                if facts[i].get("metric") == metric
                and facts[i].get("unit") != "pp"  # the margin itself, not its change
                and same_measure(facts[i])
                and _same_time_and_claim(anchor, facts[i])
            ),
            None,
        )

    companions: list[int] = []
    for metric in COMPANION_METRICS.get(fact.get("metric", ""), ()):
        found = companion_of(fact, metric, same_sentence_first)
        if found is not None:
            companions.append(found)
    if fact.get("metric") in DEAL_METRICS:
        companions += _deal_terms(lead, facts, available, paragraph_of)
    if fact.get("claim_type") in OUTLOOK_CLAIMS:
        companions += [
            i
            for i in ranked
            if facts[i].get("sentence") == fact.get("sentence")
            and facts[i].get("claim_type") == fact.get("claim_type")
            and facts[i].get("metric") != fact.get("metric")
            and facts[i].get("metric") not in OUTLOOK_SKIPPED
            and same_measure(facts[i])
            and i not in companions
            and i not in growth_pairs.values()
        ][:OUTLOOK_LIMIT]

    series: list[int] = []
    if fact.get("period"):
        # the next period's guidance or a forecast first: what a reader looks for beside a level
        candidates = [
            i
            for i in ranked
            if facts[i].get("metric") == fact.get("metric")
            and _same_kind_of_unit(facts[i], fact)
            and same_measure(facts[i])
            and facts[i].get("period")
            and facts[i].get("period") != fact.get("period")
        ]
        candidates.sort(key=lambda i: facts[i].get("claim_type") not in FORWARD_CLAIMS)
        for i in candidates:
            if len(series) == SERIES_LIMIT:
                break
            if all(facts[i].get("period") != facts[j].get("period") for j in series):
                series.append(i)
        series.sort()

    peers: list[int] = []
    if fact.get("metric") in PEER_METRICS and subject is not None:
        holders = {subject}
        for i in sorted(available):
            other = facts[i]
            if len(peers) == PEER_LIMIT:
                break
            if (
                other.get("metric") == fact.get("metric")
                and _same_kind_of_unit(other, fact)
                and subject_of(other) not in holders
                and subject_of(other) is not None
                and paragraph_of(i) == paragraph_of(lead)
                and _periods_agree(other, fact)
            ):
                peers.append(i)
                holders.add(subject_of(other))

    # A companion stated in a series item's own sentence goes beside that item (a market's
    # forecast and the annual growth that takes it there), and then the lead shows none
    # from a sentence of its own choosing.
    item_companions: dict[int, int] = {}
    for item in series:
        stated_with_it = [
            i
            for i in same_sentence_first
            if facts[i].get("sentence") == facts[item].get("sentence")
            and i not in companions
            and i not in item_companions.values()
        ]
        found = next(
            (
                found
                for metric in COMPANION_METRICS.get(fact.get("metric", ""), ())
                if (found := companion_of(facts[item], metric, stated_with_it)) is not None
            ),
            None,
        )
        if found is not None:
            item_companions[item] = found
    if item_companions:
        companions = [
            i for i in companions if facts[i].get("sentence") == fact.get("sentence")
            or frozenset({fact.get("metric"), facts[i].get("metric")}) not in ANY_PERIOD_COMPANIONS
        ]  # fmt: skip

    growths = {i: growth_pairs[i] for i in (lead, *series) if i in growth_pairs}
    other_measure = (
        _other_measure(facts, lead, growths[lead], available, subject_of)
        if lead in growths
        else None
    )
    return FactLine(
        lead, tuple(companions), tuple(series), tuple(peers), growths, item_companions,
        other_measure,
    )  # fmt: skip


def growth_measure(growth: Mapping[str, Any]) -> str | None:
    """ "organic" or "constant currency" when the growth says how it is measured; None
    for a growth as reported."""
    match = _MEASURES.search(growth.get("qualifier") or "")
    return match.group(0).lower() if match else None


def _other_measure(
    facts: Sequence[Mapping[str, Any]],
    lead: int,
    growth: int,
    available: Mapping[int, float],
    subject_of: Callable[[Mapping[str, Any]], str | None],
) -> int | None:
    """The lead's growth measured the other way in the lead's sentence (organic beside
    reported, or reported beside organic), same subject, period and claim, stated next to
    it ("de 8,6 % à TCC et de 4,0 % en publié"), not in brackets as a part's ("en recul
    de 0,8 % : le repli des services aux opérateurs (−6,2 %)")."""
    level, shown = facts[lead], facts[growth]
    return next(
        (
            i
            for i in sorted(available)
            if abs(i - growth) == 1
            and not _bracketed(facts[i])
            and GROWTH_OF.get(facts[i].get("metric", "")) == level.get("metric")
            and facts[i].get("sentence") == level.get("sentence")
            and subject_of(facts[i]) == subject_of(level)
            and facts[i].get("period") == level.get("period")
            and facts[i].get("claim_type") == shown.get("claim_type")
            and growth_measure(facts[i]) != growth_measure(shown)
        ),
        None,
    )


def _deal_terms(
    lead: int,
    facts: Sequence[Mapping[str, Any]],
    available: Mapping[int, float],
    paragraph_of: Callable[[int], Any],
) -> list[int]:
    """The premium of the deal ``facts[lead]`` tells, and, beside a deal's value, the
    offer per share the premium is stated for: the per-share figure just before it in
    its sentence ("the offer is worth $21.01 a share, a premium of 46%")."""
    paragraph = paragraph_of(lead)
    if paragraph is None:
        return []
    premium = next(
        (
            i
            for i in sorted(available)
            if facts[i].get("qualifier") == PREMIUM_QUALIFIER
            and paragraph <= paragraph_of(i) <= paragraph + DEAL_PARAGRAPH_SPAN
        ),
        None,
    )
    if premium is None:
        return []
    if facts[lead].get("metric") != "valuation":
        return [premium]
    offers = [
        i
        for i in sorted(available)
        if i < premium
        and facts[i].get("sentence") == facts[premium].get("sentence")
        and (facts[i].get("start") or 0) < (facts[premium].get("start") or 0)
        and is_per_share_price(facts[i])
    ]
    return [offers[-1], premium] if offers else [premium]


def is_per_share_price(fact: Mapping[str, Any]) -> bool:
    """A price per share: a share price, or money per share ("52 000 wons par action")."""
    return fact.get("metric") == "share_price" or str(fact.get("unit") or "").endswith("/share")


def _bracketed(fact: Mapping[str, Any]) -> bool:
    """Whether the figure opens a bracket in its sentence ("(+17,5 %)")."""
    text = fact.get("text") or ""
    return bool(text) and f"({text}" in (fact.get("sentence") or "")


def _periods_agree(one: Mapping[str, Any], other: Mapping[str, Any]) -> bool:
    """Same period, or one of them gives none (a ranking often dates only its first line)."""
    return one.get("period") == other.get("period") or None in (
        one.get("period"),
        other.get("period"),
    )


def _same_kind_of_unit(one: Mapping[str, Any], other: Mapping[str, Any]) -> bool:
    """Same unit, or both amounts of money: TSMC reports in NT$ and guides in US$."""
    units = (one.get("unit") or "", other.get("unit") or "")
    return units[0] == units[1] or all(is_money_unit(unit) for unit in units)


def _same_time_and_claim(lead: Mapping[str, Any], companion: Mapping[str, Any]) -> bool:
    """Same period and claim type, unless the pair is one whose companion spans years."""
    if frozenset({lead.get("metric"), companion.get("metric")}) in ANY_PERIOD_COMPANIONS:
        return True
    same_period = lead.get("period") == companion.get("period")
    return same_period and lead.get("claim_type") == companion.get("claim_type")
