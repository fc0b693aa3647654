"""Render a structured fact as one line of French or English.

Facts are language-neutral (FACTS.md); this module is where a language comes
back in. Every word, label, period format and typographic convention lives in
``models/lang/{fr,en}/render.json``, read and checked by :mod:`models.render_data`;
the code here only decides which template applies (money or percent, range or
move, which claim wording) and formats numbers. A growth fact is folded into
its level fact ("+13 % sur un an") by :func:`render_key_facts`, and a key-fact line
(:mod:`models.fact_lines`) shows its lead's companions, series and peers
(:func:`render_line`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

# LANG_DIR and load_templates are not used here: the redundant aliases re-export them,
# so code and tests that import them from models.render keep working.
from models.fact_lines import GROWTH_OF, FactLine, growth_measure, is_per_share_price
from models.render_data import LANG_DIR as LANG_DIR
from models.render_data import PERIOD_SHAPES, templates_for
from models.render_data import load_templates as load_templates
from models.schema import is_money_unit

# Metrics whose value is a change: shown with an explicit "+" when positive.
SIGNED_METRICS = frozenset({*GROWTH_OF, "share_price_change", "growth_rate"})
# How far (characters) a generic growth rate may stand from the level it describes.
GENERIC_GROWTH_REACH = 40
# A claim type the metric label already says: no "objectif" after "objectif de cours".
CLAIM_IMPLIED_BY_METRIC: dict[str, str] = {"price_target": "target"}

_PER_SHARE = re.compile(r"^([A-Z]{3})/share$")
# The comparison basis of a growth figure, read from its (English) qualifier.
_YEAR_ON_YEAR = re.compile(r"year|yoy|y/y|annual", re.IGNORECASE)
_SEQUENTIAL = re.compile(r"quarter|sequential|qoq|q/q", re.IGNORECASE)
# how a growth is measured, not against what: "8,6 % à TCC et 4,0 % en données publiées"
# gives one year-on-year growth twice, and the measured one is the headline


def render_fact(
    fact: Mapping[str, Any],
    lang: str,
    *,
    growth: Mapping[str, Any] | None = None,
    companions: Sequence[Mapping[str, Any]] = (),
    other_measure: Mapping[str, Any] | None = None,
) -> str:
    """One line for one fact; ``growth`` is an optional growth fact to fold in,
    ``other_measure`` the same growth measured the other way ("+6,8 % en organique"), and
    ``companions`` facts shown in its details ("operating margin 28.2%")."""
    t = templates_for(lang)
    extra = [] if other_measure is None else [_measured_growth_text(other_measure, t)]
    extra += [_companion_text(fact, other, t) for other in companions]
    metric_phrase = _squeeze(
        t["metric_phrase"].format(metric=metric_label(fact, t), period=format_period(fact, t))
    )
    value = _value_with_details(fact, t, growth, extra)
    subject = fact.get("subject") or fact.get("subject_id")
    if subject:
        return t["line"].format(subject=subject, metric_phrase=metric_phrase, value=value)
    line = t["line_without_subject"].format(metric_phrase=metric_phrase, value=value)
    return line[:1].upper() + line[1:]


def _measured_growth_text(growth: Mapping[str, Any], t: Mapping[str, Any]) -> str:
    """ "+6,8 % en organique", "-2.6% reported": a growth with how it is measured."""
    measure = growth_measure(growth) or "reported"
    return str(
        t["measured_growth"].format(
            value=format_figure(growth, t, signed=True), measure=t["growth_measures"][measure]
        )
    )


def _companion_text(
    fact: Mapping[str, Any], companion: Mapping[str, Any], t: Mapping[str, Any]
) -> str:
    """A companion's text ("marge opérationnelle 28,2 %", "prime 46 %"); beside a deal's
    value, the offer per share is its price, whatever metric it was read as ("21,01 $ par
    action")."""
    if fact.get("metric") == "valuation" and is_per_share_price(companion):
        return str(t["per_share"].format(money=format_figure(companion, t, per_share=False)))
    # a companion's label is short: "marge opérationnelle", not its qualifier too, except
    # for a figure known only by its qualifier ("prime")
    label = t["qualifier_labels"].get(companion.get("qualifier") or "")
    # "EPS $5.87", not "EPS $5.87 per share": the label says it is per share
    return str(
        t["companion"].format(
            metric=label or t["metrics"][companion["metric"]],
            value=format_figure(companion, t, per_share=False),
        )
    )


def render_line(facts: Sequence[Mapping[str, Any]], line: FactLine, lang: str) -> str:
    """A key-fact line: its lead fact, then the same measure at other periods and the
    other holders of a ranking ("… : 11,51 Md$ (+17 % sur un an) ; T4 2025 : 11,96 Md$
    (prévision de la société)")."""
    t = templates_for(lang)

    def growth_of(index: int) -> Mapping[str, Any] | None:
        return facts[line.growths[index]] if index in line.growths else None

    head = render_fact(
        facts[line.lead],
        lang,
        growth=growth_of(line.lead),
        companions=[facts[i] for i in line.companions],
        other_measure=None if line.other_measure is None else facts[line.other_measure],
    )
    # an item says its claim only where it differs from the lead's: "(guidance)" after a
    # reported quarter, but not "according to Counterpoint" three times over
    lead_claim = claim_wording(facts[line.lead], t)

    def extra_of(index: int) -> list[str]:
        companion = line.item_companions.get(index)
        return [] if companion is None else [_companion_text(facts[index], facts[companion], t)]

    items = [
        t["series_item"].format(
            period=format_period(facts[i], t),
            value=_value_with_details(
                facts[i], t, growth_of(i), extra_of(i), drop_claim=lead_claim
            ),
        )
        for i in line.series
    ]
    items += [
        t["peer_item"].format(
            subject=facts[i].get("subject") or facts[i].get("subject_id"),
            value=_value_with_details(facts[i], t, growth_of(i), drop_claim=lead_claim),
        )
        for i in line.peers
    ]
    return t["items_separator"].join([head, *items])


def _value_with_details(
    fact: Mapping[str, Any],
    t: Mapping[str, Any],
    growth: Mapping[str, Any] | None,
    extra: Sequence[str] = (),
    drop_claim: str | None = None,
) -> str:
    """The figure, then in brackets its previous value, growth, companions and claim
    (unless the claim is worded ``drop_claim``)."""
    details = []
    unit = fact.get("unit") or "count"
    if fact.get("previous") is not None:
        signed = fact.get("metric") in SIGNED_METRICS or unit == "pp"
        previous = _with_unit(float(fact["previous"]), unit, t, signed)
        details.append(t["move"].format(previous=previous))
    if growth is not None:
        template = t["growth_sequential" if growth_basis(growth) == "qoq" else "growth"]
        details.append(template.format(value=format_figure(growth, t, signed=True)))
    details.extend(extra)
    claim = claim_wording(fact, t)
    if claim and claim != drop_claim:
        details.append(claim)
    value = format_figure(fact, t)
    if details:
        value += t["details"].format(details=t["details_separator"].join(details))
    return value


def pair_growth_facts(facts: Sequence[Mapping[str, Any]]) -> dict[int, int]:
    """Map the index of a level fact to the index of the growth fact folded into it.

    Candidates share the level fact's family, subject and period. In order: a
    growth marked year-on-year in the level's own sentence; the unmarked one
    beside the level ("revenue rose 34% to $1.14 billion", "royalty revenue grew
    21% to $620 million, while licensing revenue jumped 56% to $515 million":
    each level takes its neighbour, and "3 041 MEUR (-6,9 %)" keeps its own
    figure rather than the next sentence's "excluding this item, +10,5 % year on
    year"); a year-on-year one elsewhere; a single unmarked one (read as year on
    year, the usual basis); the one measured organically or at constant currency
    among unmarked ones ("8,6 % à TCC et 4,0 % publiés"); a sequential one. Two
    unmarked candidates away from the level ("up 22 % from Q2 and 62 % from a
    year ago") are ambiguous: nothing is folded rather than a wrong basis printed.
    """
    pairs: dict[int, int] = {}
    used: set[int] = set()
    # growth facts by (level metric, subject, period), indexed once: one pass, not n²
    growths: dict[tuple[Any, ...], list[int]] = {}
    for index, growth in enumerate(facts):
        level_metric = GROWTH_OF.get(growth.get("metric", ""))
        if level_metric is not None and growth.get("unit") == "%":
            key = (level_metric, _subject_key(growth), growth.get("period"))
            growths.setdefault(key, []).append(index)
    for level_index, level in enumerate(facts):
        key = (level.get("metric"), _subject_key(level), level.get("period"))
        candidates = [index for index in growths.get(key, ()) if index not in used]
        by_basis: dict[str | None, list[int]] = {"yoy": [], None: [], "qoq": []}
        for index in candidates:
            by_basis[growth_basis(facts[index])].append(index)
        sentence = level.get("sentence")
        yoy_here = [i for i in by_basis["yoy"] if sentence and facts[i].get("sentence") == sentence]
        beside = _nearest_in_sentence(facts, level_index, by_basis[None])
        if yoy_here:
            chosen = yoy_here[0]
        elif beside is not None:
            chosen = beside
        elif by_basis["yoy"]:
            chosen = by_basis["yoy"][0]
        elif len(by_basis[None]) == 1:
            chosen = by_basis[None][0]
        elif len(measured := [i for i in by_basis[None] if growth_measure(facts[i])]) == 1:
            chosen = measured[0]
        elif by_basis["qoq"] and not by_basis[None]:
            chosen = by_basis["qoq"][0]
        else:
            continue
        pairs[level_index] = chosen
        used.add(chosen)
    _pair_generic_growths(facts, pairs, used)
    return pairs


def _pair_generic_growths(
    facts: Sequence[Mapping[str, Any]], pairs: dict[int, int], used: set[int]
) -> None:
    """Fold a generic growth rate into the level it stands beside, when that level has
    no growth metric of its own: "profit before tax rose 23% to £5.2bn", "Résultat brut
    d'exploitation : 4 996 MEUR (+11,0 %)", "$772B for 2025, up 22%". Same sentence,
    subject and period, neighbours in the list of facts, within GENERIC_GROWTH_REACH
    characters; of two such levels, the nearer."""
    for index, growth in enumerate(facts):
        if (
            index in used
            or growth.get("metric") != "growth_rate"
            or growth.get("unit") != "%"
            or growth.get("start") is None
        ):
            continue
        gaps = {}
        for level_index in (index - 1, index + 1):
            if not 0 <= level_index < len(facts) or level_index in pairs:
                continue
            level = facts[level_index]
            if (
                level.get("start") is None
                or level.get("unit") in (None, "%")
                or level.get("metric") in SIGNED_METRICS
                or level.get("sentence") != growth.get("sentence")
                or _subject_key(level) != _subject_key(growth)
                or level.get("period") != growth.get("period")
            ):
                continue
            gap = max(level["start"] - growth["end"], growth["start"] - level["end"])
            if gap <= GENERIC_GROWTH_REACH:
                gaps[level_index] = gap
        if gaps:
            pairs[min(gaps, key=lambda i: (gaps[i], i))] = index
            used.add(index)


def _nearest_in_sentence(
    facts: Sequence[Mapping[str, Any]], level_index: int, candidates: Sequence[int]
) -> int | None:
    """The candidate of the level's own sentence with no other figure between them."""
    level = facts[level_index]
    start = level.get("start")
    if start is None or level.get("sentence") is None:
        return None
    beside = [
        index
        for index in candidates
        if facts[index].get("sentence") == level["sentence"]
        and facts[index].get("start") is not None
        # adjacent: the growth is the level's neighbour in the list of facts
        and abs(index - level_index) == 1
    ]
    return min(beside, key=lambda index: abs(facts[index]["start"] - start), default=None)


def render_key_facts(facts: Sequence[Mapping[str, Any]], lang: str) -> list[str]:
    """Render each fact once, folding growth facts into their level fact."""
    pairs = pair_growth_facts(facts)
    folded = set(pairs.values())
    return [
        render_fact(fact, lang, growth=facts[pairs[i]] if i in pairs else None)
        for i, fact in enumerate(facts)
        if i not in folded
    ]


def metric_label(fact: Mapping[str, Any], t: Mapping[str, Any]) -> str:
    metric = fact.get("metric", "other")
    label = t["metrics"].get(metric, t["metrics"]["other"])
    qualifier = fact.get("qualifier")
    if not qualifier:
        return label
    if qualifier in t["qualifier_labels"]:
        return str(t["qualifier_labels"][qualifier])
    shown = _translate_qualifier(qualifier, t["qualifiers"])
    template = t["qualified_metrics"].get(metric, t["qualified_metric"])
    return template.format(metric=label, qualifier=shown)


def claim_wording(fact: Mapping[str, Any], t: Mapping[str, Any]) -> str:
    claim = fact.get("claim_type") or "reported"
    attribution = fact.get("attribution")
    if CLAIM_IMPLIED_BY_METRIC.get(fact.get("metric", "")) == claim:
        wording = {"plain": "", **t["claims_implied_by_metric"]}
    else:
        wording = t["claims"].get(claim, t["claims"]["reported"])
    if attribution:
        # attribution is written in English ("analysts"): a few generic ones are translated
        shown = t["attributions"].get(attribution, attribution)
        return wording["attributed"].format(attribution=shown)
    return wording["plain"]


def format_period(fact: Mapping[str, Any], t: Mapping[str, Any]) -> str:
    period = fact.get("period")
    if not period:
        return ""
    for kind, pattern in PERIOD_SHAPES:
        match = pattern.match(period)
        if match:
            parts = match.groupdict()
            if "month" in parts:
                parts["month"] = t["months"][int(parts["month"]) - 1]
            if "day" in parts:
                day = int(parts["day"])
                parts["day"] = t["periods"]["first_day"] if day == 1 else str(day)
            return t["periods"][kind].format(**parts)
    return str(period)  # an unforeseen shape is shown as written rather than dropped


def format_figure(
    fact: Mapping[str, Any], t: Mapping[str, Any], *, signed: bool = False, per_share: bool = True
) -> str:
    """The value part: single value or range, "environ" and unit (a move's previous
    value goes with the details, see :func:`render_fact`)."""
    unit = fact.get("unit") or "count"
    signed = signed or fact.get("metric") in SIGNED_METRICS or unit == "pp"
    value = float(fact["value"])
    value_max = fact.get("value_max")
    if value_max is not None:
        core = _format_range(value, float(value_max), unit, t, signed)
    else:
        core = _with_unit(value, unit, t, signed)
    if per_share and _PER_SHARE.match(unit):
        core = t["per_share"].format(money=core)
    if fact.get("approximate"):
        core = t["approximate"].format(value=core)
    return core


def format_number(value: float, t: Mapping[str, Any], *, fixed: bool = False) -> str:
    """Unsigned number with the language's decimal mark and thousands grouping.

    Two decimals at most, three below 10 so that a scaled amount keeps the digits the
    report gave ("$1.175B", "4,996 Md€" for 4 996 MEUR, not "$1.18B" and "5 Md€");
    ``fixed`` (cents) always shows two.
    """
    decimals = 3 if abs(value) < 10 and not fixed else 2
    rounded = round(abs(value), decimals)
    text = f"{rounded:.{decimals}f}"
    if not (fixed and rounded != int(rounded)):
        text = text.rstrip("0").rstrip(".") if "." in text else text
    integer, _, fraction = text.partition(".")
    groups = []
    while len(integer) > 3:
        groups.insert(0, integer[-3:])
        integer = integer[:-3]
    grouped = t["numbers"]["group"].join([integer, *groups])
    return grouped + (t["numbers"]["decimal"] + fraction if fraction else "")


def _sign(value: float, t: Mapping[str, Any], signed: bool) -> str:
    if round(value, 2) < 0:
        return t["numbers"]["minus"]
    if signed and round(value, 2) > 0:
        return t["numbers"]["plus"]
    return ""


def _unit_template(value: float, unit: str, t: Mapping[str, Any]) -> tuple[str, float, bool]:
    """(template with ``{number}``, number to show, fixed decimals?) for one value."""
    magnitude = abs(value)
    per_share = _PER_SHARE.match(unit)
    if per_share or is_money_unit(unit):
        return _money_template(magnitude, per_share.group(1) if per_share else unit, t)
    space = t["numbers"]["unit_space"]
    if unit == "%":
        return t["percent"], magnitude, False
    if unit == "pp":
        plural = "one" if magnitude < 2 else "many"
        return t["pp"][plural], magnitude, False
    if unit == "x":
        return t["multiple"], magnitude, False
    if unit == "W":
        for scale in t["watt_scales"]:
            if magnitude >= scale["factor"]:
                return "{number}" + space + scale["suffix"], magnitude / scale["factor"], False
    if unit in t["spec_units"]:
        return "{number}" + space + t["spec_units"][unit], magnitude, False
    if unit == "count":
        for scale in t["count_scales"]:
            if magnitude >= scale["factor"]:
                shown = magnitude / scale["factor"]
                word = scale["one"] if round(shown, 2) < 2 else scale["many"]
                return "{number}" + space + word, shown, False
        return "{number}", magnitude, False
    return "{number}" + space + unit, magnitude, False


def _money_template(magnitude: float, code: str, t: Mapping[str, Any]) -> tuple[str, float, bool]:
    money = t["money"]
    scale_suffix, shown = "", magnitude
    if magnitude >= money["scale_from"]:
        scales = money["scales"]
        for position, scale in enumerate(scales):
            if magnitude >= scale["factor"]:
                # 999.999e6 rounds to "1000 M": step up to the next scale when there is one.
                if round(magnitude / scale["factor"], 2) >= 1000 and position > 0:
                    scale = scales[position - 1]
                scale_suffix, shown = scale["suffix"], magnitude / scale["factor"]
                break
    space = t["numbers"]["unit_space"]
    symbol = money["symbols"].get(code)
    if symbol:
        template = money["symbol_pattern"].format(
            number="{number}", space=space, scale=scale_suffix, symbol=symbol
        )
    else:
        scale_part = scale_suffix + (money["code_space_after_scale"] if scale_suffix else "")
        template = money["code_pattern"].format(
            number="{number}", space=space, scale=scale_part, code=code
        )
    # Unscaled amounts with cents ("1,68 $", "$1.50") keep both decimals.
    return template, shown, not scale_suffix


def _with_unit(value: float, unit: str, t: Mapping[str, Any], signed: bool) -> str:
    template, shown, fixed = _unit_template(value, unit, t)
    number = format_number(shown, t, fixed=fixed)
    return _sign(value, t, signed) + template.format(number=number)


def _format_range(low: float, high: float, unit: str, t: Mapping[str, Any], signed: bool) -> str:
    low_template, low_shown, low_fixed = _unit_template(low, unit, t)
    high_template, _, _ = _unit_template(high, unit, t)
    high_text = _with_unit(high, unit, t, signed)
    low_sign, high_sign = _sign(low, t, signed), _sign(high, t, signed)
    if low_sign == high_sign == t["numbers"]["plus"]:
        high_text = high_text[len(high_sign) :]  # "+5 à 7 %", not "+5 à +7 %"
    if low_template == high_template and low_template.startswith("{number}"):
        # The unit is written once, after the high end: "30 à 40 %", "1,5 à 2 Md$".
        low_text = low_sign + format_number(low_shown, t, fixed=low_fixed)
    else:
        low_text = _with_unit(low, unit, t, signed)
    # "-3–-1%" reads badly: a range with a negative end gets words ("-3 to -1%")
    template = t["range_with_negative" if min(low, high) < 0 else "range"]
    return template.format(low=low_text, high=high_text)


def _translate_qualifier(qualifier: str, table: Mapping[str, str]) -> str:
    if qualifier in table:
        return table[qualifier]
    return ", ".join(table.get(part, part) for part in qualifier.split(", "))


def growth_basis(growth: Mapping[str, Any]) -> str | None:
    """``"yoy"``, ``"qoq"`` or None when the qualifier does not say."""
    qualifier = growth.get("qualifier") or ""
    if _YEAR_ON_YEAR.search(qualifier):  # "same quarter last year" is year on year
        return "yoy"
    if _SEQUENTIAL.search(qualifier):
        return "qoq"
    return None


def _subject_key(fact: Mapping[str, Any]) -> str | None:
    return fact.get("subject_id") or fact.get("subject")


def _squeeze(text: str) -> str:
    return re.sub(r" {2,}", " ", text).strip()  # an empty period leaves a double space
