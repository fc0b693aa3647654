"""Who states a figure: an analyst or research firm named in the sentence, the
consensus, or "analysts" in general (per-language words in ``cues.json``)."""

from __future__ import annotations

from models.cues import CueSet
from models.document_entities import LayeredKnowledge
from models.knowledge import EntityMention, KnowledgeBase


def find_attribution(
    text: str,
    sentence: tuple[int, int],
    figure_start: int,
    mentions: list[EntityMention],
    kb: KnowledgeBase | LayeredKnowledge,
    cues: CueSet,
) -> tuple[str | None, str | None]:
    """(attribution, kind) where kind is ``analyst_firm``, ``consensus`` or ``analysts``."""
    firms = []
    for m in mentions:
        record = kb.get(m.entity_id)
        if (
            record is not None
            and record.type == "analyst_firm"
            and sentence[0] <= m.start < sentence[1]
        ):
            firms.append((abs(m.start - figure_start), record.name))
    consensus = cues.consensus.search(text, *sentence)
    if firms:
        name = min(firms)[1]
        if consensus:
            return f"{name} consensus", "consensus"
        return name, "analyst_firm"
    if consensus:
        return "consensus", "consensus"
    if cues.analysts.search(text, *sentence):
        return "analysts", "analysts"
    return None, None
