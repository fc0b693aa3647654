"""French data: figures, periods, cues, language markers (JSON beside this file)."""

from __future__ import annotations

from typing import Any

from models.lexicon import load_language_data

LANG = "fr"


def data(name: str) -> dict[str, Any]:
    """The validated data file ``name`` of this language."""
    return load_language_data(LANG, name)
