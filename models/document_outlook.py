"""The report's own outlook section: where a company's forecasts are its guidance.

A results release gives its outlook under a heading ("Outlook", "Perspectives"), in a
paragraph that opens with one ("Perspectives 2025."), in the items a line such as
"NVIDIA's outlook for the fourth quarter is as follows:" lists, or in a paragraph whose
first sentence gives the company's guidance. Found once per document, by paragraph;
the placing rules then read the company's own forecasts there as guidance. Heading
words are data (``lang/*/cues.json``, ``outlook_headings``).
"""

from __future__ import annotations

import re

from models.cues import CueMatch, CueSet

MAX_LIST_ITEMS = 6  # paragraphs an introducing "…as follows:" reaches
_MAX_HEADING_WORDS = 6
# what a heading line may hold of digits: a year, a quarter or a half ("Q4 2025 outlook")
_HEADING_PERIOD = re.compile(r"\b(?:[QTHS][1-4]|FY\d{2,4}|(?:19|20)\d{2})\b")


def _is_heading_line(body: str) -> bool:
    """A short line that ends no sentence and holds no figure: a section heading."""
    words = body.split()
    return (
        0 < len(words) <= _MAX_HEADING_WORDS
        and body[-1] not in ".!?;,"
        and not any(c.isdigit() for c in _HEADING_PERIOD.sub("", body))
    )


def outlook_paragraphs(
    text: str, paragraphs: list[tuple[int, int]], cues: CueSet
) -> frozenset[int]:
    """The paragraphs of the report's own outlook section: those under an outlook heading
    line up to the next heading, one opening with the heading ("Perspectives. …"), and the
    items a line such as "NVIDIA's outlook for the fourth quarter is as follows:" lists."""
    found: set[int] = set()
    in_section, items_left = False, 0
    for index, (start, end) in enumerate(paragraphs):
        body = text[start:end].strip()
        if _is_heading_line(body):
            # the title is no section heading ("Nvidia raises guidance")
            in_section, items_left = index > 0 and bool(cues.outlook_heading.match(body)), 0
            continue
        if in_section or items_left or cues.outlook_run_in.match(body):
            found.add(index)
        items_left = max(0, items_left - 1)
        if body.endswith(":") and cues.outlook_word.search(body):
            items_left = MAX_LIST_ITEMS
    return frozenset(found)


def guidance_led_paragraphs(
    paragraphs: list[tuple[int, int]],
    sentences: list[tuple[int, int]],
    claim_cues: list[list[CueMatch]],
) -> frozenset[int]:
    """Paragraphs whose first sentence gives the company's guidance ("Pour le quatrième
    trimestre, la direction prévoit …"): the forecasts that follow in it continue it."""
    found = set()
    for index, (start, end) in enumerate(paragraphs):
        first = next((i for i, (s0, _) in enumerate(sentences) if start <= s0 < end), None)
        if first is not None and any(c.category == "guidance" for c in claim_cues[first]):
            found.add(index)
    return frozenset(found)
