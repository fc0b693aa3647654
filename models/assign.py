"""Place each figure: metric, period, claim type and attribution from cues in context.

Pure functions over offsets in the document text; the subject is chosen in
``models.subjects`` and everything is put together in ``models.pipeline``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from models.attribution import belongs_to_another
from models.cues import CueMatch, CueSet, growth_metrics, metric_rules
from models.lexicon import alternation, load_language_data
from models.periods import (
    CURRENT,
    RelativeShift,
    date_partial,
    is_comparison_point,
    period_kind,
    shift_period,
)
from models.schema import Figure, PeriodMention

_GROWTH_WINDOW_BEFORE = 45
_GROWTH_WINDOW_AFTER = 35
_ATTACH_WINDOW = 70
_APPOSITION_OPENS = re.compile(r"\s*,\s*")  # "EBITDA, the company's …"
_APPOSITION_REACH = 30  # chars from a cue to the comma that closes its apposition
SHARE_OF_OWN_SALES = "a share of the company's own sales"
PREMIUM = "premium"  # the qualifier of a deal's premium, which has no metric code
# Metrics that describe a flow over a period inherit the paragraph's or the document's
# period (so does an unplaced figure, most often a flow such as bookings, and a count,
# most often deliveries, shipments or output); levels such as price targets or multiples
# do not.
PERIODIC_METRICS = frozenset({
    "revenue", "revenue_growth", "net_income", "net_income_growth", "operating_income",
    "operating_margin", "gross_margin", "eps", "eps_growth", "capex", "opex",
    "free_cash_flow", "return_on_equity", "dividend", "buyback", "growth_rate", "other",
    "units",
})  # fmt: skip


@dataclass(slots=True)
class MetricChoice:
    metric: str
    cue: CueMatch | None
    reason: str
    qualifier: str | None = None  # what the choice itself narrows ("premium")


def is_growth(text: str, figure: Figure, cues: CueSet, sentence: tuple[int, int]) -> bool:
    if figure.kind != "percent":
        return False
    if figure.value < 0 or figure.declined or text.startswith("+", figure.start):
        return True  # "ralentit à +5,1 %": a signed change, though reached "à"
    right_after = cues.growth.search(text, figure.end, min(sentence[1], figure.end + 16))
    if right_after is not None and not text[figure.end : right_after.start()].strip():
        return True  # "to grow at 14.5% a year", "de 5 % par an": a rate, though reached "at"
    before = max(sentence[0], figure.start - _GROWTH_WINDOW_BEFORE)
    if cues.level_before.search(text, max(before, figure.start - 20), figure.start):
        return False  # "Google Cloud progresse à 9 %": the level reached, not the change
    after = min(sentence[1], figure.end + _GROWTH_WINDOW_AFTER)
    return cues.growth.search(text, before, after) is not None


def _growth_word_before(
    text: str,
    figure: Figure,
    cues: CueSet,
    sentence: tuple[int, int],
    other_figures: Sequence[tuple[int, int]] = (),
) -> bool:
    """Whether a growth word leads into ``figure`` ("a progressé de 3 %"), not only follows
    it ("46,6 % du marché, mais il a reculé de 8,6 %": the growth is the next figure's) or
    leads into a figure before it ("up 12%, for an 8.3% share": the 12%'s)."""
    before = max(
        sentence[0],
        figure.start - _GROWTH_WINDOW_BEFORE,
        *(end for _, end in other_figures if end <= figure.start),
    )
    return cues.growth.search(text, before, figure.start) is not None


def choose_metric(
    text: str,
    figure: Figure,
    sentence: tuple[int, int],
    cues: CueSet,
    previous: tuple[Figure, str] | None,
    other_figures: list[tuple[int, int]] = (),  # type: ignore[assignment]
    heading: tuple[int, int] | None = None,
    sentence_cues: list[CueMatch] | None = None,
) -> MetricChoice:
    rules = metric_rules()["metrics"]
    growth = is_growth(text, figure, cues, sentence)
    options: list[tuple[float, str, CueMatch | None, str]] = []
    if sentence_cues is None:  # callers placing several figures pass them in once
        sentence_cues = cues.metric_cues(text, *sentence)
    for cue in sentence_cues:
        if cue.start < figure.end and figure.start < cue.end and cue.end <= figure.end:
            continue  # the figure's own words ("fois") are no cue; "fois les bénéfices" is
        if _in_apposition(text, cue, sentence_cues, cues):
            continue  # "Adjusted EBITDA, the company's preferred profit measure, rose"
        before = cue.end <= figure.start
        if not before and not _reaches_back(text, figure, cue, other_figures, cues):
            continue
        if not before and cue.category == _MONEY_PUT_IN:
            continue  # money raised follows its verb: "183 Md$ après avoir levé 13 Md"
        rule = rules[cue.category]
        if cue.category in _PER_SHARE_PRICES and _is_aggregate(figure):
            continue  # "$17.0 billion" is never a share price, a price target or an EPS
        if cue.category in _COMPANY_VALUES and figure.kind == "money" and not figure.scaled:
            # "to €473.25, valuing the group at €236 billion": the unscaled amount beside
            # a market value is the price of one share
            metric = "share_price"
        elif figure.kind in rule["kinds"] and not (growth and rule.get("growth")):
            metric = cue.category
        elif growth and rule.get("growth"):
            metric = rule["growth"]
        elif figure.kind in rule.get("as", {}) and (
            (before and figure.start - cue.end <= 40) or figure.kind == "multiple"
        ):  # "36x le BPA 2026e": an earnings cue after a multiple makes it a valuation
            metric = rule["as"][figure.kind]
        else:
            continue
        # a cue after the figure counts double: "revenue of $X" reads forward
        distance = figure.start - cue.end if before else max(0, cue.start - figure.end) * 2 + 15
        options.append((distance, metric, cue, f"cue '{cue.text}'"))
    if previous is not None and growth:
        prev_figure, prev_metric = previous
        gap = figure.start - prev_figure.end
        prev_growth = rules[prev_metric].get("growth")
        if prev_growth and 0 <= gap <= _ATTACH_WINDOW:
            options.append(
                (gap - 10, prev_growth, None, f"growth of the {prev_metric} figure before it")
            )
    if figure.kind == "percent" and cues.is_premium(text, figure.start, figure.end, sentence[0]):
        # "une prime de 37,6 % sur le cours (…) et de 44,2 % sur la moyenne": a deal's
        # premium, not a share move; no metric code of its own (spec/FACTS.md)
        return MetricChoice("other", None, "a premium over the share price", PREMIUM)
    if (
        figure.kind == "percent"
        and cues.share_of_market.match(text, figure.end)
        and (not growth or not _growth_word_before(text, figure, cues, sentence, other_figures))
    ):
        # "with 38% of global sales", "pèse 3,0 % du marché": a share, whatever verb leads
        # in (a growth figure stays one: with it, dev French strict F1 fell 0.801 -> 0.797;
        # "progresse … à 14,2 % du marché" is no growth, see is_growth)
        return MetricChoice("market_share", None, "share of the market after it")
    if previous is not None and figure.kind == "percent" and not growth:
        prev_figure, prev_metric = previous
        margin = rules[prev_metric].get("margin")
        if margin and cues.share_of_revenue.match(text, figure.end):
            # "ROPA : 3 702 M€, soit 10,7 % du chiffre d'affaires": its operating margin
            return MetricChoice(margin, None, f"share of revenue of the {prev_metric} before it")
        if (
            prev_figure.kind == "percent"
            and prev_metric not in growth_metrics()
            and prev_metric != "other"
            and (
                _BRACKET_OPENS.fullmatch(text, prev_figure.end, figure.start)
                or is_comparison_point(text, figure.start, cues.lang)
            )
            and 0 <= figure.start - prev_figure.end <= _ATTACH_WINDOW
        ):  # "10,7 % du chiffre d'affaires (10,4 % au S1 2024)", "49%, against 47%"
            return MetricChoice(prev_metric, None, f"the {prev_metric} before it, compared")
    if (
        figure.kind == "percent"
        and (
            cues.share_of_revenue.match(text, figure.end)
            or cues.share_of_business.match(text, figure.end)
        )
        and options
        and min(options, key=_basis_last(cues))[1] == "market_share"
    ):
        # "le pôle, qui représente 96 % des ventes, progresse de 2,6 %", "made up about 85%
        # of the total": a share verb before, the company's own sales after; a part of its
        # business, not of a market (no metric code: spec/FACTS.md), whatever growth word
        # stands near
        return MetricChoice("other", None, SHARE_OF_OWN_SALES)
    if previous is not None and figure.kind == "percent":
        prev_figure, prev_metric = previous
        gap = figure.start - prev_figure.end
        if (
            prev_figure.kind == "percent"
            and prev_metric in growth_metrics()
            and 0 <= gap <= _ATTACH_WINDOW
            and cues.growth_coordinated.match(text, prev_figure.end, figure.start)
        ):  # "en hausse de 8,6 % à TCC et de 4,0 % publiés": the same growth, measured twice
            options.append((gap - 10, prev_metric, None, f"joined to the {prev_metric} before it"))
    if options:
        _, metric, cue, reason = min(options, key=_basis_last(cues))
        if metric == "growth_rate" and cue is not None and cue.category == "growth_rate":
            # only a generic growth word borrows the sentence's metric: "operating profit
            # jumped 62%" is the growth of operating profit, whatever else the sentence says
            metric, reason = _growth_of_sentence_metric(sentence_cues, figure, metric, reason)
        return MetricChoice(metric, cue, reason)
    if heading is not None:
        # a table row under "Chiffre d'affaires par activité :" takes the heading's metric
        for cue in cues.metric_cues(text, *heading):
            rule = rules[cue.category]
            if figure.kind in rule["kinds"] and not (growth and rule.get("growth")):
                return MetricChoice(cue.category, cue, f"list heading '{cue.text}'")
            if growth and rule.get("growth"):
                return MetricChoice(rule["growth"], cue, f"growth under heading '{cue.text}'")
    fallback = metric_rules()["fallback_by_kind"].get(figure.kind, "other")
    if figure.kind == "percent" and growth:
        fallback = "growth_rate"
    return MetricChoice(fallback, None, f"no cue: default for {figure.kind}")


def _in_apposition(
    text: str, cue: CueMatch, sentence_cues: Sequence[CueMatch], cues: CueSet
) -> bool:
    """Whether ``cue`` stands in an apposition to a metric named just before it ("Adjusted
    EBITDA, the company's preferred profit measure, increased"): it describes that
    metric, it names none of its own."""
    return any(
        other.end <= cue.start
        and (opening := _APPOSITION_OPENS.match(text, other.end)) is not None
        and cues.apposition_opener.match(text, opening.end()) is not None
        and "," not in text[opening.end() : cue.start]
        and "," in text[cue.end : cue.end + _APPOSITION_REACH]
        for other in sentence_cues
    )


def _basis_last(cues: CueSet) -> Callable[[tuple[float, str, CueMatch | None, str]], Any]:
    """Sort key of metric options: nearest first, but a basis word ("organically") only
    when no other cue names a metric ("operating profit to grow organically by 4%")."""

    def key(option: tuple[float, str, CueMatch | None, str]) -> tuple[bool, float]:
        cue = option[2]
        return (cue is not None and cues.is_basis(cue), option[0])

    return key


# the cues of 'other' name money raised or put in ("levée de fonds", "raised"), added to /
# wiped off a value ("added $150 billion to its market value"), or a charge taken ("une
# provision exceptionnelle de 770 MEUR", "an impairment charge of $1.2 billion")
_MONEY_PUT_IN = "other"
_PER_SHARE_PRICES = frozenset({"price_target", "share_price", "eps"})
_COMPANY_VALUES = frozenset({"market_cap", "valuation"})
_AFTER_WINDOW = 45
_BRACKET_OPENS = re.compile(r"[^()\d]{0,30}\(\s*")  # "… du chiffre d'affaires (" before a figure


def _reaches_back(
    text: str,
    figure: Figure,
    cue: CueMatch,
    other_figures: list[tuple[int, int]],
    cues: CueSet,
) -> bool:
    """A cue after the figure names it only when close, in the same clause, with no
    other figure in between ("$4.2 billion of revenue", "20x EV/EBITDA")."""
    if cue.start < figure.end:
        return True  # it starts inside the figure's words: "7 fois les bénéfices"
    if cue.start - figure.end > _AFTER_WINDOW:
        return False
    if any(figure.end <= s and e <= cue.start for s, e in other_figures):
        return False
    if cues.coordinator.search(text, figure.end, cue.start) and any(
        0 <= s - cue.end <= _AFTER_WINDOW for s, _ in other_figures
    ):
        return False  # "to €78.9 billion and net income reached €10.4 billion": its own
    return not cues.clause_break.search(text[figure.end : cue.start])


def _is_aggregate(figure: Figure) -> bool:
    # by the scale word, not the size: a Korean share price is 520,000 won
    return figure.scaled or figure.unit == "count"


def _growth_of_sentence_metric(
    sentence_cues: list[CueMatch], figure: Figure, metric: str, reason: str
) -> tuple[str, str]:
    """ "un taux de croissance … Azure (39 %)" in a sentence about revenue is revenue growth."""
    rules = metric_rules()["metrics"]
    specific = [
        (abs(figure.start - cue.end), rules[cue.category]["growth"], cue)
        for cue in sentence_cues
        if rules[cue.category].get("growth") not in (None, "growth_rate", "share_price_change")
    ]
    if specific:
        _, growth, cue = min(specific, key=lambda o: o[0])
        return growth, f"{reason}, growth of the sentence's '{cue.text}'"
    return metric, reason


def choose_period(
    figure: Figure,
    metric: str,
    sentence: tuple[int, int],
    periods: list[PeriodMention],
    partials: list[tuple[int, int, str]],
    paragraph_period: str | None,
    document_period: str | None,
    other_figures: list[tuple[int, int]] = (),  # type: ignore[assignment]
    figure_is_comparison: bool = False,
    relative: RelativeShift | None = None,
    clause_breaks: list[int] = (),  # type: ignore[assignment]
) -> tuple[str | None, str, bool]:
    """(period, evidence, horizon) for a figure: the sentence first, then context.

    A period named as a reference point ("contre … au S1 2024", "up from … a year
    earlier") belongs only to a figure that is itself the reference point. A figure
    followed by a relative phrase ("25.6% a year earlier") takes the period it would
    have without it, shifted back."""
    if relative is not None:
        base, _, _ = choose_period(
            figure, metric, sentence, periods, partials, paragraph_period, document_period,
            other_figures,
        )  # fmt: skip
        shifted = shift_period(base, relative) if base else None
        if shifted:
            return shifted, f"period {shifted}: '{relative.text}' from {base}", False
    in_sentence = [p for p in periods if sentence[0] <= p.start and p.end <= sentence[1]]
    in_sentence += [
        PeriodMention(resolve_partial(label, start, periods, document_period), start, end, label)
        for start, end, label in partials
        if sentence[0] <= start and end <= sentence[1]
    ]
    in_sentence = [p for p in in_sentence if p.period]
    if figure_is_comparison and not any(p.comparison for p in in_sentence):
        # "against an estimate of 42 cents", "contre 7,3 % pour Samsung": a point of
        # comparison with no period of its own is measured over the sentence's period
        figure_is_comparison = False
    in_sentence = [p for p in in_sentence if p.comparison == figure_is_comparison]
    if any(period_kind(p.period) in "QH" for p in in_sentence):
        # "fourth-quarter revenue of $11.32 billion in September": a month without its
        # year beside a quarter is when the report came out
        in_sentence = [p for p in in_sentence if not _yearless_month(p)]
    if any(not _is_day(p.period) for p in in_sentence):
        # "third quarter of fiscal 2026, ended October 26, 2025": the day closes the quarter
        in_sentence = [p for p in in_sentence if not _is_day(p.period)]
    # A period after the figure belongs to it only if no other figure stands between them
    # ("$31.91 billion, up 65% on the $19.31 billion earned in Q3 FY2025").
    after = [
        p
        for p in in_sentence
        if p.start >= figure.end
        and p.start - figure.end <= 40
        and not any(figure.end <= s and e <= p.start for s, e in other_figures)
        # "to $15.80 from $15.35, and introduce an FY2027 estimate": another clause
        and not any(figure.end <= b < p.start for b in clause_breaks)
    ]
    before = [p for p in in_sentence if p.end <= figure.start]
    if after:
        chosen = min(after, key=lambda p: p.start)
        where = "after the figure"
    elif before:
        chosen, where = max(before, key=lambda p: p.end), "in the sentence"
    else:
        chosen, where = None, ""
    if chosen is not None:
        return chosen.period, f"period {chosen.period}: '{chosen.text}' {where}", chosen.horizon
    if metric not in PERIODIC_METRICS:
        return None, "period: none stated", False
    if paragraph_period:
        return paragraph_period, f"period {paragraph_period}: paragraph", False
    if document_period:
        return document_period, f"period {document_period}: document", False
    return None, "period: none stated", False


def listed_period(
    text: str,
    figure: Figure,
    figures: Sequence[Figure],
    periods: Sequence[PeriodMention],
    lang: str,
) -> tuple[str, str] | None:
    """(period, evidence) for a figure in a bare list that follows, in its sentence, a
    series of figures each dated ("2 985 M€ en 2025e, 3 050 M€ en 2026e et 3 260 M€ en
    2027e, une marge de 44,9 %, 42,6 % et 44,0 % sur les mêmes exercices"): the list
    takes the series' periods in order, when it has as many figures."""
    list_joiner, period_after_figure = _list_patterns(lang)
    run = _bare_run(text, figure, figures, list_joiner)
    if len(run) < 2:
        return None
    dated = [
        p.period
        for p in periods
        if p.period
        and p.end <= run[0].start
        and any(
            f.end <= p.start and period_after_figure.fullmatch(text, f.end, p.start)
            for f in figures
        )
    ]
    series: list[str] = []
    for period in dated:
        if period not in series:
            series.append(period)
    if len(series) < len(run):
        return None
    chosen = series[-len(run) :][run.index(figure)]
    return chosen, f"period {chosen}: the list's place in the series before it"


@cache
def _list_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What joins a bare list of figures ("7,92 €, 8,55 € et 9,20 €", the cue file's
    growth coordinators), and the link that dates a figure right after it ("3 050 M€ en
    2026e", periods.json ``figure_period_links``)."""
    joiners = alternation(load_language_data(lang, "cues")["growth_coordinators"])
    links = alternation(load_language_data(lang, "periods")["figure_period_links"])
    return (
        re.compile(rf"\s*(?:,|,?\s+(?:{joiners}))\s*", re.IGNORECASE),
        re.compile(rf"\s+(?:{links})\s+", re.IGNORECASE),
    )


def _bare_run(
    text: str, figure: Figure, figures: Sequence[Figure], joiner: re.Pattern[str]
) -> list[Figure]:
    """The figures joined to ``figure`` by commas and "et"/"and" alone, in order."""
    ordered = sorted(figures, key=lambda f: f.start)
    if figure not in ordered:
        return []
    i = j = ordered.index(figure)
    while i > 0 and joiner.fullmatch(text, ordered[i - 1].end, ordered[i].start):
        i -= 1
    while j + 1 < len(ordered) and joiner.fullmatch(text, ordered[j].end, ordered[j + 1].start):
        j += 1
    run = ordered[i : j + 1]
    return run if len({f.unit for f in run}) == 1 else []


def _yearless_month(p: PeriodMention) -> bool:
    """A month named without its year: a partial label ("M09") or a month the dateline
    dated ("in September")."""
    if period_kind(p.period) != "M":
        return False
    return (p.text[:1] == "M" and p.text[1:].isdigit()) or not any(c.isdigit() for c in p.text)


def _is_day(period: str) -> bool:
    return period.count("-") == 2


_YEAR_REACH = 12  # chars between a year and the quarter or half it dates ("en 2025 : au")


def resolve_partial(
    label: str, position: int, periods: list[PeriodMention], document_period: str | None
) -> str | None:
    """``au T2`` is the document's quarter when the document is about a quarter; else it
    takes the year (and fiscal flag) of the nearest full period before it."""
    if label == CURRENT:
        return document_period if document_period and period_kind(document_period) in "QH" else None
    # "en 2025 : au premier semestre", "in 2025, first-half sales": the year just named
    year_just_before = [
        p for p in periods
        if p.period.isdigit() and p.end <= position and position - p.end <= _YEAR_REACH
    ]  # fmt: skip
    if year_just_before:
        return date_partial(year_just_before[-1].period, label)
    if document_period and period_kind(document_period) == period_kind(label):
        return date_partial(document_period.split("-")[0], label)
    earlier = [p for p in periods if p.end <= position and period_kind(p.period) in "QHM"]
    source = earlier[-1].period if earlier else document_period
    if not source:
        return None
    return date_partial(source.split("-")[0], label)


@dataclass(slots=True)
class ClaimChoice:
    claim_type: str
    reason: str


_GOVERNING_CLAIMS = frozenset({"forecast", "estimate", "guidance"})


def choose_claim(
    figure: Figure,
    metric: str,
    sentence: tuple[int, int],
    claim_cues: list[CueMatch],
    horizon: bool,
    attribution_kind: str | None,
    text: str = "",
    other_figures: Sequence[tuple[int, int]] = (),
    cues: CueSet | None = None,
    own_outlook: bool = False,
) -> ClaimChoice:
    if metric == "price_target":
        return ClaimChoice("target", "claim target: price target")
    applicable: list[tuple[int, CueMatch]] = []
    for cue in claim_cues:
        if cue.end <= figure.start and cue.direction in ("forward", "both"):
            applicable.append((figure.start - cue.end, cue))
        elif (
            cue.start >= figure.end
            and cue.direction in ("backward", "both")
            # "earnings of 37 to 45 cents, against an estimate of 42 cents": the other's
            and not (
                cues is not None
                and belongs_to_another(text, figure.start, cue.start, cue.end, other_figures, cues)
            )
        ):
            applicable.append((cue.start - figure.end, cue))
    category, reason = "reported", "claim reported: no cue"
    if applicable:
        _, cue = min(applicable, key=lambda a: a[0])
        governing = [
            c for _, c in applicable
            if cue.conditional and c.end <= cue.start and c.category in _GOVERNING_CLAIMS
        ]  # fmt: skip
        if governing:
            # "Il prévoit une reprise qui porterait le marché à 3,6 Md€": the conditional
            # states the forecast's hypothesis, not hearsay
            cue = max(governing, key=lambda c: c.end)
        category, reason = cue.category, f"claim {cue.category}: cue '{cue.text}'"
    if category == "forecast" and any(c.revision for _, c in applicable):
        # "raised its capex outlook, which is now expected to reach $72 billion": the
        # company's own forecast, moved, is its guidance
        category, reason = "guidance", f"{reason}, under a revision of its own forecast"
    if horizon and category == "reported":
        category, reason = "forecast", "claim forecast: horizon period"
    if own_outlook and category == "forecast":
        # "Outlook … Revenue is expected to be $65.0 billion": the company's own outlook
        # section gives its guidance (analysts' figures there still become estimates below)
        category, reason = "guidance", f"{reason}, in the company's outlook section"
    if attribution_kind in ("analyst_firm", "analysts", "consensus") and category in (
        "guidance",
        "forecast",
    ):
        category, reason = (
            "estimate",
            f"claim estimate: {category} attributed to {attribution_kind}",
        )
    return ClaimChoice(category, reason)
