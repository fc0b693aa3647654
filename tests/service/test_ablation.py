"""The KB-ablation harness (``python -m service.ablation``): which companies a report's
title names, and what a gazetteer copy loses with them, FR and EN, on the real KB."""

from __future__ import annotations

import pytest

from models.knowledge import KnowledgeBase
from service.ablation import ablated, title_companies


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


# (report: title line, then body, companies the title names)
TITLE_ROWS = [
    ("ASML bookings beat as AI chip demand offsets China slowdown\n\nNVIDIA and TSMC…", {"ASML"}),
    ("LVMH : le luxe marque le pas, la rentabilité recule\n\nTSMC et NVIDIA…", {"MC"}),
    # a lower-case grouping is no organisation to resolve; the body is not the title
    ("Les hyperscalers accélèrent leurs investissements\n\nNVIDIA…", set()),
    ("Hyperscalers keep spending on AI\n\nNVIDIA and Microsoft…", set()),
]


@pytest.mark.parametrize(("text", "companies"), TITLE_ROWS)
def test_title_companies(kb: KnowledgeBase, text: str, companies: set[str]) -> None:
    assert title_companies(kb, text) == companies


def test_an_ablated_copy_loses_the_company_and_what_hangs_under_it(kb: KnowledgeBase) -> None:
    units = {entity.id for entity in kb.entities if entity.parent == "MC"}
    assert units  # LVMH's business groups are in the gazetteer
    small = ablated(kb, {"MC"})
    assert small.get("MC") is None
    assert all(small.get(unit) is None for unit in units)
    assert len(kb.entities) - len(small.entities) == 1 + len(units)
    assert small.get("NVDA") is not None and kb.get("MC") is not None  # the original is intact
