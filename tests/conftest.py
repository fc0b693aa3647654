"""Fixtures shared across the test tree.

``extractor``: the real ``Extractor``, loaded once per session (both spaCy
pipelines and the encoder take seconds to load); tests must not mutate it.
"""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


@pytest.fixture(scope="session")
def extractor():
    from models import Extractor

    return Extractor().load()
