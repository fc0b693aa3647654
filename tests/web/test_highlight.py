"""Cutting a report's text into plain runs and highlighted figures (no browser)."""

from __future__ import annotations

import pytest

from service.web.highlight import anchors_by_fact, segments

FR = "Amazon a publié un chiffre d'affaires de 167,7 milliards de dollars, en hausse de 13 %."
EN = "NVIDIA reported revenue of $57.0 billion, up 62% from a year ago."


def _fact(text: str, figure: str, occurrence: int = 0) -> dict:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(figure, start + 1)
    return {"text": figure, "start": start, "end": start + len(figure)}


@pytest.mark.parametrize(
    ("text", "figures", "marked"),
    [
        pytest.param(
            FR,
            ["167,7 milliards de dollars", "13 %"],
            ["167,7 milliards de dollars", "13 %"],
            id="fr-two-figures",
        ),
        pytest.param(EN, ["62%", "$57.0 billion"], ["$57.0 billion", "62%"], id="en-out-of-order"),
        pytest.param(FR, [], [], id="fr-no-fact"),
        pytest.param(EN, ["NVIDIA"], ["NVIDIA"], id="en-at-start"),
        pytest.param(FR, ["13 %."], ["13 %."], id="fr-at-end"),
    ],
)
def test_segments_rebuild_the_text_and_mark_each_figure(text, figures, marked):
    facts = [_fact(text, figure) for figure in figures]
    parts = segments(text, facts)
    assert "".join(part.text for part in parts) == text
    assert [part.text for part in parts if part.facts] == marked
    for part in parts:
        assert text[part.start : part.end] == part.text
        for index in part.facts:
            assert facts[index]["text"] == part.text


@pytest.mark.parametrize(
    ("text", "spans", "expected_marks"),
    [
        # Two facts on the same figure (a level and its range end) share one mark.
        pytest.param(
            FR,
            [("167,7 milliards de dollars",), ("167,7 milliards de dollars",)],
            [("167,7 milliards de dollars", (0, 1))],
            id="fr-same-span",
        ),
        # A figure inside another one: the outer mark carries both.
        pytest.param(
            EN, [("$57.0 billion",), ("57.0",)], [("$57.0 billion", (0, 1))], id="en-nested"
        ),
    ],
)
def test_overlapping_facts_share_a_mark(text, spans, expected_marks):
    facts = [_fact(text, figure) for (figure,) in spans]
    parts = segments(text, facts)
    assert [(p.text, p.facts) for p in parts if p.facts] == expected_marks
    anchors = anchors_by_fact(parts)
    assert set(anchors) == set(range(len(facts)))


@pytest.mark.parametrize(
    "bad",
    [
        pytest.param({"start": -1, "end": 3}, id="negative"),
        pytest.param({"start": 5, "end": 5}, id="empty"),
        pytest.param({"start": 10, "end": 10_000}, id="past-the-end"),
        pytest.param({"start": None, "end": 4}, id="missing"),
    ],
)
def test_facts_with_impossible_offsets_get_no_mark(bad):
    parts = segments(EN, [bad])
    assert [p for p in parts if p.facts] == []
    assert "".join(p.text for p in parts) == EN
