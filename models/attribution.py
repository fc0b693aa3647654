"""Who states a figure: an analyst or research firm named in the sentence, the
consensus, or "analysts" in general (per-language words in ``cues.json``)."""

from __future__ import annotations

from collections.abc import Sequence

from models.cues import CueSet
from models.document_entities import LayeredKnowledge
from models.knowledge import EntityMention, KnowledgeBase

# "expects revenue of $1.2 billion, compared with analysts' estimate of $1.23 billion":
# a source named after the figure and just before another one introduces that one
_INTRODUCES_REACH = 40


def belongs_to_another(
    text: str,
    figure_start: int,
    start: int,
    end: int,
    other_figures: Sequence[tuple[int, int]],
    cues: CueSet,
) -> bool:
    """Whether words at ``start:end``, after the figure at ``figure_start``, speak of
    another figure: one stands between them, or the words lead into one ("against an
    estimate of 42 cents")."""
    if start < figure_start:
        return False
    return any(
        figure_start < f_start < start
        or (end <= f_start <= end + _INTRODUCES_REACH and cues.leads_into(text, end, f_start))
        for f_start, _ in other_figures
    )


def find_attribution(
    text: str,
    sentence: tuple[int, int],
    figure_start: int,
    mentions: list[EntityMention],
    kb: KnowledgeBase | LayeredKnowledge,
    cues: CueSet,
    other_figures: Sequence[tuple[int, int]] = (),
) -> tuple[str | None, str | None]:
    """(attribution, kind) where kind is ``analyst_firm``, ``consensus`` or ``analysts``."""

    def belongs(start: int, end: int) -> bool:
        return not belongs_to_another(text, figure_start, start, end, other_figures, cues)

    firms = []
    for m in mentions:
        record = kb.get(m.entity_id)
        if (
            record is not None
            and record.type == "analyst_firm"
            and sentence[0] <= m.start < sentence[1]
            and belongs(m.start, m.end)
        ):
            firms.append((abs(m.start - figure_start), record.name))
    consensus = next(
        (c for c in cues.consensus.finditer(text, *sentence) if belongs(*c.span())), None
    )
    if firms:
        name = min(firms)[1]
        if consensus:
            return f"{name} consensus", "consensus"
        return name, "analyst_firm"
    if consensus:
        return "consensus", "consensus"
    if any(belongs(*a.span()) for a in cues.analysts.finditer(text, *sentence)):
        return "analysts", "analysts"
    return None, None
