"""Key facts of a report: the few figures an analyst wants first, most important first.

Each fact is scored on what a reader looks for: its metric (revenue before a chip's
process node), its claim type (a vendor's claim is the least reliable figure), where
it stands (the lede, the figure opening a paragraph or a sentence, earlier before
later) and the extractor's confidence. A greedy pass then lists distinct figures: the
same figure is listed once, a rounded restatement gives way to the precise figure, a
second figure of the same subject and metric counts less, and the main subject's own
guidance is always shown. Each listed fact leads a line that shows the facts read with
it (its growth, its margin or EPS, other periods, ranking peers: models/fact_lines.py),
and what a line shows is not listed again. Deterministic: ties go to the earlier fact.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from models.document_entities import end_of_title
from models.fact_lines import GROWTH_OF, FactLine, build_line
from models.key_fact_ranker import KeyFactRanker, default_ranker
from models.render import pair_growth_facts
from models.share_moves import is_longer_run_move, is_session_move

# How much an analyst cares about a figure of this metric (1 = headline).
METRIC_WEIGHTS: dict[str, float] = {
    "revenue": 1.0, "eps": 0.95, "net_income": 0.95, "price_target": 0.9,
    "operating_income": 0.8, "capex": 0.8, "revenue_growth": 0.8, "free_cash_flow": 0.75,
    "operating_margin": 0.75, "gross_margin": 0.7, "market_cap": 0.7, "valuation": 0.7,
    "net_income_growth": 0.7, "eps_growth": 0.7, "market_size": 0.65, "market_share": 0.65,
    "dividend": 0.6, "buyback": 0.6, "share_price_change": 0.6, "return_on_equity": 0.6,
    "opex": 0.55, "share_price": 0.5, "valuation_multiple": 0.5, "performance_gain": 0.5,
    "growth_rate": 0.45, "price_performance_gain": 0.45, "chip_spec": 0.35, "units": 0.2,
    "other": 0.1,
}  # fmt: skip
# Relayed claims are the least reliable figures of a report.
CLAIM_BONUS: dict[str, float] = {
    "guidance": 0.05, "target": 0.0, "reported": 0.0, "estimate": -0.05,
    "forecast": -0.05, "claimed": -0.15,
}  # fmt: skip
# Readers look for the main subject's own outlook: one guided figure is always listed.
# (Forcing forecasts and targets too cost 0.015 coverage on dev and on held-out.)
OUTLOOK_CLAIM_TYPES: tuple[str, ...] = ("guidance",)
OUTLOOK_MIN_WEIGHT = 0.5  # a guided power draw is no reason to drop a revenue line
# Checked on dev and on a second annotator's dev picks, then on held-out: the main
# subject's figures need little help (segments and markets make headlines too), while
# the figure that opens a paragraph or a sentence is the one its writer put forward.
MAIN_SUBJECT_BONUS = 0.1
PARAGRAPH_OPENER_BONUS = 0.6
SENTENCE_OPENER_BONUS = 0.2
CONFIDENCE_FLOOR = 0.5
GROWTH_FOLDED_BONUS = 0.1
LEDE_BONUS = 0.5  # the report's first figure is the one its writer chose to lead with
LEAD_WEIGHT = 0.5
LEAD_SHARE = 0.4  # the first facts of a report, where news puts what matters
LEAD_DECAY = 1.0  # and, within them and after, earlier still weighs more
# A second figure of the same subject and metric counts less: subtracted, not multiplied,
# since the ranker's log-odds make a score negative (a factor would then favour it).
REPEATED_METRIC_PENALTY = 0.4
# The market's verdict on the day (models/share_moves.py): a results or deal story's
# headline wherever it stands, often in its last paragraph (dev coverage 0.689 -> 0.710,
# held-out 0.608 -> 0.618; any bonus from 1.0 up gives the same).
SESSION_MOVE_BONUS = 1.0
# A broker's note is read for its own earnings estimates, which it gives late, after the
# quarter ("Nous attendons désormais un BPA de 6,95 € en 2025e, de 7,62 € en 2026e"): their
# line shows the years side by side (dev coverage 0.744 -> 0.750, held-out unchanged;
# 0.3 gave 0.746, 1.0 gave 0.747).
BROKER_ESTIMATE_BONUS = 0.6
BROKER_ESTIMATE_METRICS = frozenset({"eps"})
# and its valuation paragraph opens on the market value, which no reader picked there
# (dev 0.750 -> 0.754, held-out unchanged; any penalty from 0.3 up gives the same)
BROKER_BACKGROUND_PENALTY = 0.3
BROKER_BACKGROUND_METRICS = frozenset({"market_cap"})
ROUNDING_TOLERANCE = 0.01  # "le seuil des 13 milliards ... à 13 072 M€": one figure, twice
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def select_key_facts(
    facts: Sequence[Mapping[str, Any]],
    n: int,
    text: str | None = None,
    ranker: KeyFactRanker | None = None,
) -> list[int]:
    """Indices of the ``n`` most important distinct facts, most important first: the
    leads of :func:`select_key_fact_lines`."""
    return [line.lead for line in select_key_fact_lines(facts, n, text, ranker)]


def select_key_fact_lines(
    facts: Sequence[Mapping[str, Any]],
    n: int,
    text: str | None = None,
    ranker: KeyFactRanker | None = None,
) -> list[FactLine]:
    """The ``n`` key-fact lines, most important first: each lead is the most important
    fact not shown yet, and its line takes the facts read with it (models/fact_lines.py).

    ``text`` (the document the facts' offsets point into) lets the figure that
    opens a paragraph count as such, and a market-share ranking stay within its
    paragraph; without it only sentence openers and sentences do. ``ranker`` (the
    packaged one by default) adds its learned log-odds to the hand score.
    """
    if n == 0 or not facts:
        return []
    reading = _read(facts, text)
    ranker = default_ranker() if ranker is None else ranker
    base = {
        i: ranker.hand_share * _hand_score(i, reading) + ranker.log_odds(features)
        for i, features in _ranking_features(reading).items()
    }
    # The title is the writer's headline: its figure, read in the body, keeps the title's
    # standing (a note's "Price target raised to $640" restated in its last paragraph).
    for title_index, body_index in reading.title_twins.items():
        title_score = base.pop(title_index)
        if body_index in base:
            base[body_index] = max(base[body_index], title_score)
    pairs, paragraphs, main = reading.pairs, reading.paragraphs, reading.main
    # Greedy: a figure already listed is skipped, a metric already listed counts less.
    lines: list[FactLine] = []
    seen_figures: set[tuple[Any, ...]] = set()
    metric_uses: Counter[tuple[Any, str]] = Counter()
    candidates = dict(base)

    def take(line: FactLine) -> FactLine:
        for i in line.levels:
            seen_figures.add(_figure_key(facts[i]))
            metric_uses[_metric_key(facts[i])] += 1
        for i in line.members:  # a growth shown is not listed again either
            candidates.pop(i, None)
        return line

    def line_of(lead: int) -> FactLine:
        listed = seen_figures | {_figure_key(facts[lead])}
        available = {
            i: score
            for i, score in candidates.items()
            if i != lead and _figure_key(facts[i]) not in listed
        }
        return build_line(lead, facts, available, pairs, paragraphs.__getitem__, subject_key)

    while candidates and len(lines) < n:
        best = min(
            candidates,
            key=lambda i: (
                -(candidates[i] - REPEATED_METRIC_PENALTY * metric_uses[_metric_key(facts[i])]),
                i,
            ),
        )
        if _figure_key(facts[best]) in seen_figures:
            del candidates[best]
            continue
        lines.append(take(line_of(best)))
    return _ensure_outlook(lines, base, facts, main, seen_figures, line_of)


@dataclass(frozen=True, slots=True)
class _Reading:
    """What the selection reads of a document's facts before scoring them."""

    facts: Sequence[Mapping[str, Any]]
    text: str | None
    main: str | None
    pairs: Mapping[int, int]  # level -> its growth
    position: Sequence[float]
    early: frozenset[int]  # the report's first facts (LEAD_SHARE of them)
    session_moves: frozenset[int]
    title_end: int  # 0 without a text
    title_twins: Mapping[int, int]
    aside: frozenset[int]
    lede: int | None
    paragraphs: Sequence[int | None]
    paragraph_openers: frozenset[int]
    sentence_openers: frozenset[int]
    broker_estimates: frozenset[int]
    broker_background: frozenset[int]


def _read(facts: Sequence[Mapping[str, Any]], text: str | None) -> _Reading:
    pairs = pair_growth_facts(facts)
    title_end = end_of_title(text) if text else 0
    # Restatements stand aside like a folded growth: a rounded figure for its precise twin,
    # an upside for the price target it comes from.
    title_twins = _title_restatements(facts, title_end)
    rounded = _rounded_restatements(facts) | set(title_twins)
    # A share's run since January is background to a report (dev coverage 0.716 -> 0.721,
    # held-out unchanged): it leads no line.
    longer_runs = {i for i, fact in enumerate(facts) if is_longer_run_move(fact)}
    aside = set(pairs.values()) | rounded | _upsides_of_listed_targets(facts) | longer_runs
    paragraphs = _paragraphs(facts, text)
    paragraph_openers, sentence_openers = _openers(facts, aside, paragraphs)
    main = main_subject(facts)
    broker_estimates, broker_background = _broker_note_facts(facts, main)
    return _Reading(
        facts=facts,
        text=text,
        main=main,
        pairs=pairs,
        position=_sentence_positions(facts),
        # News puts what matters first: the report's first figures weigh more (a step, so
        # that among them the metric still decides: revenue before EPS, then a gentle slope).
        early=frozenset(i for i in range(len(facts)) if i / max(len(facts) - 1, 1) < LEAD_SHARE),
        session_moves=frozenset(i for i, fact in enumerate(facts) if is_session_move(fact)),
        title_end=title_end,
        title_twins=title_twins,
        aside=frozenset(aside),
        lede=min((i for i in range(len(facts)) if i not in aside), default=None),
        paragraphs=paragraphs,
        paragraph_openers=paragraph_openers,
        sentence_openers=sentence_openers,
        broker_estimates=frozenset(broker_estimates),
        broker_background=frozenset(broker_background),
    )


def _hand_score(i: int, reading: _Reading) -> float:
    """The hand-set score: metric, subject and claim, then where the fact stands."""
    fact, facts = reading.facts[i], reading.facts
    return _confidence_scaled(
        fact,
        fact_importance(fact, reading.main, scale=False)
        + (GROWTH_FOLDED_BONUS if _headline_growth(i, reading.pairs, facts) else 0.0)
        + (LEAD_WEIGHT if i in reading.early else 0.0)
        + LEAD_DECAY * (1 - reading.position[i])
        + (LEDE_BONUS if i == reading.lede else 0.0)
        + (PARAGRAPH_OPENER_BONUS if i in reading.paragraph_openers else 0.0)
        + (SENTENCE_OPENER_BONUS if i in reading.sentence_openers else 0.0)
        + (SESSION_MOVE_BONUS if i in reading.session_moves else 0.0)
        + (BROKER_ESTIMATE_BONUS if i in reading.broker_estimates else 0.0)
        - (BROKER_BACKGROUND_PENALTY if i in reading.broker_background else 0.0),
    )


def key_fact_features(
    facts: Sequence[Mapping[str, Any]], text: str | None = None
) -> dict[int, dict[str, float]]:
    """The ranker's features (models/key_fact_ranker.py) of every fact that may lead a line."""
    return _ranking_features(_read(facts, text)) if facts else {}


def _ranking_features(reading: _Reading) -> dict[int, dict[str, float]]:
    facts = reading.facts
    restated = Counter(_figure_key(fact) for fact in facts)
    first_of: dict[tuple[Any, Any], int] = {}
    largest_of: dict[tuple[Any, Any, Any], int] = {}
    for i, fact in enumerate(facts):
        first_of.setdefault((subject_key(fact), fact.get("metric")), i)
        key = (subject_key(fact), fact.get("metric"), fact.get("unit"))
        if key not in largest_of or abs(fact.get("value") or 0) > abs(
            facts[largest_of[key]].get("value") or 0
        ):
            largest_of[key] = i
    last_paragraph = max((p for p in reading.paragraphs if p is not None), default=0) or 1
    features: dict[int, dict[str, float]] = {}
    for i, fact in enumerate(facts):
        if i in reading.aside and i not in reading.title_twins:
            continue
        metric = fact.get("metric", "other")
        is_main = reading.main is not None and subject_key(fact) == reading.main
        confidence = fact.get("confidence")
        signals = {
            "main_subject": is_main,
            "lede": i == reading.lede,
            "paragraph_opener": i in reading.paragraph_openers,
            "sentence_opener": i in reading.sentence_openers,
            "early": 1 - reading.position[i],
            "lead_share": i in reading.early,
            "headline_growth": _headline_growth(i, reading.pairs, facts),
            "has_growth": i in reading.pairs,
            "session_move": i in reading.session_moves,
            "broker_estimate": i in reading.broker_estimates,
            "broker_background": i in reading.broker_background,
            "confidence": 1.0 if confidence is None else float(confidence),
            "in_title": (fact.get("start") or 0) < reading.title_end,
            "title_twin": i in reading.title_twins,
            "restated": min(restated[_figure_key(fact)], 3) / 3,
            "attributed": bool(fact.get("attribution")),
            "has_period": bool(fact.get("period")),
            "paragraph_depth": (reading.paragraphs[i] or 0) / last_paragraph,
            "main_subject_weight": METRIC_WEIGHTS.get(metric, 0.1) if is_main else 0.0,
            "first_of_metric": first_of[(subject_key(fact), fact.get("metric"))] == i,
            "largest_of_metric": largest_of[(subject_key(fact), metric, fact.get("unit"))] == i,
        }
        row = {name: float(value) for name, value in signals.items()}
        row[f"metric:{metric}"] = 1.0
        row[f"claim:{fact.get('claim_type') or 'reported'}"] = 1.0
        features[i] = row
    return features


def fact_importance(
    fact: Mapping[str, Any], main_subject: str | None, *, scale: bool = True
) -> float:
    """Metric weight, main-subject bonus and claim bonus, scaled by confidence unless asked."""
    score = METRIC_WEIGHTS.get(fact.get("metric", "other"), 0.1)
    if main_subject is not None and subject_key(fact) == main_subject:
        score += MAIN_SUBJECT_BONUS
    score += CLAIM_BONUS.get(fact.get("claim_type") or "reported", 0.0)
    return _confidence_scaled(fact, score) if scale else score


def _headline_growth(
    index: int, pairs: Mapping[int, int], facts: Sequence[Mapping[str, Any]]
) -> bool:
    """Whether the fact carries its revenue, net income or EPS growth ("+13 % sur un
    an"): the lines a results headline gives. A generic growth rate folded into an
    operating profit or a cash flow is shown too, but earns no bonus (with one, dev
    coverage lost 0.007 and the second annotator's picks 0.013; held-out unchanged)."""
    return index in pairs and facts[pairs[index]].get("metric") in GROWTH_OF


def _broker_note_facts(
    facts: Sequence[Mapping[str, Any]], main: str | None
) -> tuple[set[int], set[int]]:
    """In a broker's note (the main subject has a price target of the author's own, no
    one else's): the author's estimates of its earnings per share, and the note's
    background figures (the market values it gives)."""

    def own(fact: Mapping[str, Any]) -> bool:
        return subject_key(fact) == main and not fact.get("attribution")

    if main is None or not any(
        fact.get("metric") == "price_target" and fact.get("claim_type") == "target" and own(fact)
        for fact in facts
    ):
        return set(), set()
    estimates = {
        i
        for i, fact in enumerate(facts)
        if fact.get("metric") in BROKER_ESTIMATE_METRICS
        and fact.get("claim_type") == "estimate"
        and own(fact)
    }
    background = {
        i for i, fact in enumerate(facts) if fact.get("metric") in BROKER_BACKGROUND_METRICS
    }
    return estimates, background


def _upsides_of_listed_targets(facts: Sequence[Mapping[str, Any]]) -> set[int]:
    """The upside to a price target ("un potentiel de 18 %", "23% upside") when the report
    gives the target itself: the same view, restated against the share price."""
    targets = {subject_key(fact) for fact in facts if fact.get("metric") == "price_target"}
    return {
        i
        for i, fact in enumerate(facts)
        if fact.get("metric") == "share_price_change"
        and fact.get("claim_type") == "target"
        and subject_key(fact) in targets
    }


def _title_restatements(facts: Sequence[Mapping[str, Any]], title_end: int) -> dict[int, int]:
    """Facts of the title (the text before ``title_end``) that the body gives again, same
    metric, unit and value ("Bain Capital lance une OPA à 84 euros par action sur Alten" …
    "au prix de 84 € par action"), each to its first twin in the body: the body's figure,
    read in its sentence, is the one listed."""
    if not title_end:
        return {}

    def measure(fact: Mapping[str, Any]) -> tuple[Any, ...]:
        return (fact.get("metric"), fact.get("unit"), fact.get("value"), fact.get("value_max"))

    in_body: dict[tuple[Any, ...], int] = {}
    for i, fact in enumerate(facts):
        if (fact.get("start") or 0) >= title_end:
            in_body.setdefault(measure(fact), i)
    return {
        i: in_body[measure(fact)]
        for i, fact in enumerate(facts)
        if fact.get("start") is not None and fact["start"] < title_end and measure(fact) in in_body
    }


def _rounded_restatements(facts: Sequence[Mapping[str, Any]]) -> set[int]:
    """Facts that round another fact of the same subject, metric, unit and period
    (within ROUNDING_TOLERANCE, with fewer significant digits): the precise one is listed."""

    def digits(fact: Mapping[str, Any]) -> int:
        return len("".join(ch for ch in str(fact.get("text") or "") if ch.isdigit()).strip("0"))

    by_measure: dict[tuple[Any, ...], list[int]] = {}
    for i, fact in enumerate(facts):
        if fact.get("value"):
            key = (subject_key(fact), fact.get("metric"), fact.get("unit"), fact.get("period"))
            by_measure.setdefault(key, []).append(i)
    rounded = set()
    for members in by_measure.values():
        for i in members:
            value = facts[i]["value"]
            if any(
                facts[j]["value"] != value
                and abs(value - facts[j]["value"]) <= ROUNDING_TOLERANCE * abs(facts[j]["value"])
                and digits(facts[i]) < digits(facts[j])
                for j in members
            ):
                rounded.add(i)
    return rounded


def _paragraphs(facts: Sequence[Mapping[str, Any]], text: str | None) -> list[int | None]:
    """Each fact's paragraph number in ``text`` (None for all without a text)."""
    breaks = [match.end() for match in _PARAGRAPH_BREAK.finditer(text)] if text else []
    return [
        bisect.bisect_right(breaks, fact["start"])
        if text and fact.get("start") is not None
        else None
        for fact in facts
    ]


def _openers(
    facts: Sequence[Mapping[str, Any]], aside: set[int], paragraphs: Sequence[int | None]
) -> tuple[frozenset[int], frozenset[int]]:
    """The first listed figure of each paragraph, and of each sentence (facts set aside
    skipped)."""
    paragraph_openers: set[int] = set()
    sentence_openers: set[int] = set()
    seen_paragraphs: set[int] = set()
    seen_sentences: set[Any] = set()
    for i, fact in enumerate(facts):
        if i in aside or fact.get("start") is None:
            continue
        paragraph = paragraphs[i]
        if paragraph is not None and paragraph not in seen_paragraphs:
            seen_paragraphs.add(paragraph)
            paragraph_openers.add(i)
        sentence = (paragraph, fact.get("sentence"))
        if sentence not in seen_sentences:
            seen_sentences.add(sentence)
            sentence_openers.add(i)
    return frozenset(paragraph_openers), frozenset(sentence_openers)


def _sentence_positions(facts: Sequence[Mapping[str, Any]]) -> list[float]:
    """Each fact's sentence rank among the fact-bearing sentences, scaled to [0, 1]:
    figures of one sentence stand at the same place (and their metric decides)."""
    ranks, rank, previous = [], -1, object()
    for fact in facts:
        sentence = fact.get("sentence") or fact.get("start")
        if sentence != previous:
            rank, previous = rank + 1, sentence
        ranks.append(rank)
    return [r / max(rank, 1) for r in ranks]


def _confidence_scaled(fact: Mapping[str, Any], score: float) -> float:
    """``score`` times a factor from CONFIDENCE_FLOOR (confidence 0) to 1 (confidence 1):
    a doubtful fact weighs less, wherever it stands."""
    confidence = fact.get("confidence")
    if confidence is None:
        return score
    return score * (CONFIDENCE_FLOOR + (1.0 - CONFIDENCE_FLOOR) * float(confidence))


def _ensure_outlook(
    lines: list[FactLine],
    base: Mapping[int, float],
    facts: Sequence[Mapping[str, Any]],
    main: str | None,
    seen_figures: set[tuple[Any, ...]],
    line_of: Callable[[int], FactLine],
) -> list[FactLine]:
    """Swap the weakest line for the main subject's best forward figure when no line
    shows one."""

    def is_outlook(i: int) -> bool:
        return (
            facts[i].get("claim_type") in OUTLOOK_CLAIM_TYPES
            and subject_key(facts[i]) == main
            and METRIC_WEIGHTS.get(facts[i].get("metric", ""), 0.0) >= OUTLOOK_MIN_WEIGHT
        )

    shown = {i for line in lines for i in line.members}
    if not lines or main is None or any(is_outlook(i) for i in shown):
        return lines
    candidates = [
        i for i in base
        if is_outlook(i) and i not in shown and _figure_key(facts[i]) not in seen_figures
    ]  # fmt: skip
    if candidates:
        return [*lines[:-1], line_of(min(candidates, key=lambda i: (-base[i], i)))]
    return lines


def main_subject(facts: Sequence[Mapping[str, Any]]) -> str | None:
    """The subject that carries the most weight of figures in the document."""
    totals: dict[str, float] = {}
    for fact in facts:
        key = subject_key(fact)
        if key:
            totals[key] = totals.get(key, 0.0) + METRIC_WEIGHTS.get(fact.get("metric", ""), 0.1)
    if not totals:
        return None
    first_seen = {key: i for i, key in reversed(list(enumerate(subject_key(f) for f in facts)))}
    return min(totals, key=lambda key: (-totals[key], first_seen[key]))


def subject_key(fact: Mapping[str, Any]) -> str | None:
    return fact.get("subject_id") or fact.get("subject")


def _metric_key(fact: Mapping[str, Any]) -> tuple[Any, str]:
    metric = fact.get("metric", "other")
    return subject_key(fact), GROWTH_OF.get(metric, metric)


def _figure_key(fact: Mapping[str, Any]) -> tuple[Any, ...]:
    """Same subject, unit and value: the same figure, whatever metric it was given."""

    def rounded(value: Any) -> float | None:
        if value is None:
            return None
        value = float(value)
        return 0.0 if value == 0 else round(value, 3 - math.floor(math.log10(abs(value))))

    return (
        subject_key(fact),
        fact.get("unit"),
        rounded(fact.get("value")),
        rounded(fact.get("value_max")),
    )
