"""Cut a document's plain text into plain runs and highlighted figures.

Facts point into the stored text by ``start``/``end``; the page shows the text
as text (the template escapes every run) and wraps each figure in a ``<mark>``.
Two facts may share a span or overlap (one figure read as two facts): they get
one mark that carries both, so every fact still has a highlight to jump to.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Segment:
    """``text[start:end]``; ``facts`` holds the indexes of the facts it shows (none = plain)."""

    start: int
    end: int
    text: str
    facts: tuple[int, ...] = ()

    @property
    def anchor(self) -> str:
        return f"at-{self.start}"


@dataclass(slots=True)
class _Mark:
    start: int
    end: int
    facts: list[int] = field(default_factory=list)


def _valid(fact: Mapping[str, Any], length: int) -> bool:
    start, end = fact.get("start"), fact.get("end")
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= length


def segments(text: str, facts: Sequence[Mapping[str, Any]]) -> list[Segment]:
    """The text as consecutive segments whose concatenation is exactly ``text``."""
    order = sorted(
        (i for i, fact in enumerate(facts) if _valid(fact, len(text))),
        key=lambda i: (facts[i]["start"], -facts[i]["end"], i),
    )
    marks: list[_Mark] = []
    for index in order:
        start, end = facts[index]["start"], facts[index]["end"]
        if marks and start < marks[-1].end:
            marks[-1].end = max(marks[-1].end, end)
            marks[-1].facts.append(index)
        else:
            marks.append(_Mark(start, end, [index]))
    result: list[Segment] = []
    position = 0
    for mark in marks:
        if mark.start > position:
            result.append(Segment(position, mark.start, text[position : mark.start]))
        result.append(Segment(mark.start, mark.end, text[mark.start : mark.end], tuple(mark.facts)))
        position = mark.end
    if position < len(text):
        result.append(Segment(position, len(text), text[position:]))
    return result


def anchors_by_fact(parts: Sequence[Segment]) -> dict[int, str]:
    """Fact index -> the anchor of the mark that shows it."""
    return {index: part.anchor for part in parts for index in part.facts}
