"""Who a figure is about: scoring the entity mentions of its sentence.

Signals, strongest first: a mention just before a bracketed figure ("Azure (39 %)"),
a mention governed by the metric cue ("revenus d'AWS", "AWS's revenue"), a mention
right after the figure with "de/of" ("45x de NVIDIA"), the grammatical subject of
the figure's clause, and proximity. Comparison phrases ("que", "than") push a
mention away; analyst firms never are subjects (they are attribution).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from models.cues import CueMatch, CueSet

_BRACKET_BETWEEN = re.compile(r"^\s*\(\s*[^()]{0,12}$")
_NOT_SUBJECT_TYPES = frozenset({"person", "index"})
_AGENT_PENALTY = 60
_CLOSED_AGENT_PENALTY = 60
_TOPIC_BONUS = 25
_MODIFIER_PENALTY = 40
_COMPOUND_AFTER = re.compile(r"^-[a-zà-ÿ]")
_CLAUSE_BREAK_PENALTY = 45
_INDEX_METRICS = frozenset({"valuation_multiple", "share_price_change", "share_price"})
_UNLINKED_PENALTY = 20
_PRODUCT_METRICS = frozenset({"performance_gain", "price_performance_gain", "chip_spec", "units"})
_MARKET_METRICS = frozenset({"market_size"})
_CATEGORY_METRICS = frozenset({"market_share", "growth_rate"})
IN_COMPARISON = "its figure in a comparison"
RELATIVE = "its figure in the clause it opens"
_COMPARED_SIDE_PENALTY = 80


@dataclass(slots=True)
class Candidate:
    entity_id: str
    name: str
    type: str
    start: int
    end: int
    parent: str | None = None
    in_clause_subject: bool = False
    is_main: bool = False
    linked: bool = True  # found in the knowledge base, not only by statistical NER
    sentence_start: int | None = None
    # the span of the apposition this mention sits in ("Anthropic, the maker of Claude,")
    apposition: tuple[int, int] | None = None


@dataclass(slots=True)
class SubjectChoice:
    candidate: Candidate
    score: float
    reason: str


def choose_subject(
    text: str,
    fig_start: int,
    fig_end: int,
    metric: str,
    metric_cue: CueMatch | None,
    candidates: list[Candidate],
    other_figures: list[tuple[int, int]],
    cues: CueSet,
) -> SubjectChoice | None:
    scored: list[SubjectChoice] = []
    for cand in candidates:
        if cand.type in _NOT_SUBJECT_TYPES and not (
            cand.type == "index" and metric in _INDEX_METRICS
        ):
            continue
        if cand.type == "analyst_firm" and (not cand.is_main or len(candidates) > 1):
            continue  # a broker or data provider is the source (attribution), not the subject
        if cues.names_an_owner(text, cand.start, cand.end):
            continue  # "the SoftBank-controlled chip designer": the owner of what is described
        score, reason = _score(
            text, fig_start, fig_end, metric, metric_cue, cand, other_figures, cues
        )
        scored.append(SubjectChoice(cand, score, reason))
    if any(choice.reason == IN_COMPARISON for choice in scored):
        # "X carries 288GB, against 192GB on NVIDIA's B200": the 192GB is the compared
        # product's, so whatever stands before the comparison word is the other side
        window = max(0, fig_start - 40)
        cue = cues.comparison_before.search(text[window:fig_start])
        for choice in scored:
            if cue is not None and choice.candidate.end <= window + cue.start():
                choice.score -= _COMPARED_SIDE_PENALTY
    return max(scored, key=lambda choice: choice.score, default=None)


def _score(
    text: str,
    fig_start: int,
    fig_end: int,
    metric: str,
    cue: CueMatch | None,
    cand: Candidate,
    other_figures: list[tuple[int, int]],
    cues: CueSet,
) -> tuple[float, str]:
    after_break = False
    if cand.end <= fig_start:
        distance = fig_start - cand.end
        score, reason = 100 - distance / 4, "nearest before"
        between = text[cand.end : fig_start]
        if _BRACKET_BETWEEN.match(between) or cues.own_figure_link.match(between):
            score, reason = score + 45, "its own figure right after it"
        elif cues.relative_link.match(between):
            # "dépasser par Lidl, qui atteint 8,6 %": an agent there, the subject here
            score, reason = score + 45, RELATIVE
        if any(cand.end <= s and e <= fig_start for s, e in other_figures):
            score -= 15
    else:
        distance = cand.start - fig_end
        score, reason = 55 - distance / 3, "nearest after"
        if cues.subject_clause_break.search(text[fig_end : cand.start]):
            score -= _CLAUSE_BREAK_PENALTY  # "… $102.3 billion, and Google Cloud revenue grew …"
            after_break = True
        if cues.of_after_figure.match(text[fig_end : cand.start]):
            score, reason = score + 35, "'of' after the figure"
        if any(fig_end <= s and e <= cand.start for s, e in other_figures):
            score -= 15  # "8 To/s, soit 50 % de plus que le B200": the nearer figure's
    if cand.apposition is not None and not cand.apposition[0] <= fig_start < cand.apposition[1]:
        score -= _MODIFIER_PENALTY  # it describes the name before it, which is the subject
    if _COMPOUND_AFTER.match(text[cand.end : cand.end + 2]):
        score -= _MODIFIER_PENALTY  # "the SoftBank-controlled chip designer": a modifier
    if cand.sentence_start is not None and cues.sentence_topic.match(
        text[cand.sentence_start : cand.start]
    ):
        score, reason = score + _TOPIC_BONUS, "topic of the sentence"
    if (
        cue is not None
        and cue.end <= cand.start
        and cues.of_after_cue.match(text[cue.end : cand.start])
    ):
        score, reason = score + 30, f"complement of '{cue.text}'"
    if cues.possessive_after.match(text[cand.end : cand.end + 3]):
        score += 15
    if cand.in_clause_subject and not after_break:  # the parser can join the two clauses
        score, reason = score + 8, "subject of the clause"
    if reason != RELATIVE and cues.agent_before.search(text[max(0, cand.start - 25) : cand.start]):
        score -= _AGENT_PENALTY  # "gravée par TSMC", "according to IDC": an agent, not the subject
        if (
            cand.end <= fig_start
            and "," in text[cand.end : fig_start]
            and cues.agent_phrase_before.search(text[max(0, cand.start - 25) : cand.start])
        ):
            # "Gravées en 3 nm par TSMC, ces puces embarquent 288 Go": the agent's phrase
            # closed before the figure's clause opened ("chez Micron, la marge" stays open)
            score -= _CLOSED_AGENT_PENALTY
    if not cand.linked:
        score -= _UNLINKED_PENALTY
    own_figure = text[cand.end : fig_start] if cand.end <= fig_start else ""
    bracketed = own_figure and (
        _BRACKET_BETWEEN.match(own_figure) or cues.own_figure_link.match(own_figure)
    )
    window = max(0, cand.start - 40)
    comparison = None if bracketed else cues.comparison_before.search(text[window : cand.start])
    if comparison is not None:
        if window + comparison.start() < fig_start < cand.start:
            # "contre 22x le PER pour Siemens": the figure is inside the comparison, so it
            # is the compared company's own
            reason = IN_COMPARISON
        else:
            score -= 40  # "than AWS" is a reference point, unless its own figure follows
    score += _type_fit(metric, cand.type, cand.parent)
    return score, reason


def _type_fit(metric: str, entity_type: str, parent: str | None = None) -> float:
    if entity_type == "product" and parent is None and metric in _CATEGORY_METRICS:
        return 0  # "custom ASICs accounted for 11%": a product category holds its own share
    if metric in _MARKET_METRICS:
        return 50 if entity_type == "market" else -20
    if entity_type == "market":
        return 0 if metric == "growth_rate" else -50
    if metric in _PRODUCT_METRICS:
        return 20 if entity_type == "product" else 0
    return -45 if entity_type == "product" else 0
