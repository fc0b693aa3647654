"""Load the per-language data files under ``models/lang/<lang>/`` and validate them.

Rules are data (DESIGN.md): a metric cue or a scale word is a JSON change, not a
code change. Every file is checked at load so a typo fails loudly at start, with
the file and key named, instead of silently matching nothing at run time.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from models.errors import DataFileError
from models.schema import SUPPORTED_LANGUAGES

# For each data file: the keys it must have and the JSON type of each.
_REQUIRED_KEYS: dict[str, dict[str, type | tuple[type, ...]]] = {
    "figures": {
        "decimal": str,
        "group": list,
        "scales": dict,
        "scale_currency_joiners": list,
        "currency_words": dict,
        "compact_money": dict,
        "per_share": list,
        "per_unit": dict,
        "percent": list,
        "points": dict,
        "multiples": list,
        "spec_units": dict,
        "spec_qualifiers": dict,
        "approx_before": list,
        "decline_before": list,
        "decline_after": list,
        "decline_joiners": list,
        "minor_currency": dict,
        "multiple_words": dict,
        "loss_before": list,
        "range_connectors": list,
        "range_openers": list,
        "move_verbs": list,
        "move_from": list,
        "move_to": list,
        "number_words_vague": dict,
        "number_words_excluded": list,
        "definite_determiners": list,
        "count_nouns": list,
        "rise_words": list,
        "level_before": list,
        "reverse_move_between": list,
        "reverse_move_to": list,
        "counterpart_before": list,
    },
    "periods": {
        "months": dict,
        "ordinals": dict,
        "quarter_words": list,
        "half_words": list,
        "quarter_abbrev": list,
        "half_abbrev": list,
        "fiscal_words": list,
        "year_links": list,
        "horizon_before": list,
        "year_before": list,
        "partial_before": list,
        "in_a_row": list,  # "a second quarter in a row" counts quarters, names none
        # "Intuitive's third quarter": a name's quarter is a period (none in French)
        "possessive_endings": list,
        "comparison_before": list,
        "current_period": list,
        "annual_words": list,
        "month_before": list,
        "month_after": list,
        "month_not_after": list,
        "month_capitalized": bool,
        "relative_periods": dict,
        "relative_links": list,
        # "growth of 2.3% in the same period last year": the links that date a growth
        "relative_period_of": list,
        # "3 050 M€ en 2026e": the link that dates a figure right after it
        "figure_period_links": list,
        "full_year": list,
        "fiscal_ending": list,
        "calendar_words": list,
        "this_year": list,
        "statement_before": list,
    },
    "cues": {
        "metrics": dict,
        "growth_coordinators": list,
        "claims": list,
        "revisions": dict,
        "outlook_headings": dict,
        "attribution": dict,
        "subject_references": list,
        "conditional_suffixes": list,
        "not_organisations": list,
        "company_descriptors": list,
        "agent_before": list,
        "agent_phrase_before": list,
        "owner_links": dict,
        "threshold_links": dict,
        "subject_links": dict,
        "growth_qualifiers": dict,
        "metric_cue_exclusions": dict,
        "share_of_revenue": list,
        # "96 % de l'activité", "85% of the total": a part of the company's own business
        "share_of_business": list,
        "share_of_part": list,
        "ranking_words": list,
        # "EBITDA, the company's preferred profit measure,": an apposition's first word
        "apposition_openers": list,
        # "Analysts at Telsey Advisory Group": the organisation named next is a broker
        "analyst_firm_before": list,
        "premiums": dict,
        "share_move_horizons": list,
        "organisations": dict,
    },
    "language": {"stopwords": list, "abbreviations": list},
}


def _check_keys(name: str, lang: str, data: dict[str, Any]) -> None:
    where = f"models/lang/{lang}/{name}.json"
    if data.get("lang") != lang:
        raise DataFileError(f"{where}: 'lang' must be '{lang}', found {data.get('lang')!r}")
    for key, expected in _REQUIRED_KEYS[name].items():
        if key not in data:
            raise DataFileError(f"{where}: missing key '{key}'")
        if not isinstance(data[key], expected):
            raise DataFileError(f"{where}: key '{key}' must be a {expected}")


def read_packaged_json(package: str, name: str, path: Path | None, what: str) -> tuple[Any, str]:
    """(parsed JSON, source name) of the data file ``name`` in ``package``, or of the file at
    ``path``; a file that cannot be read or parsed is refused, naming it and ``what`` it is."""
    source = str(path) if path is not None else f"{package}/{name}"
    try:
        if path is not None:
            text = Path(path).read_text(encoding="utf-8")
        else:
            text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    except OSError as err:
        raise DataFileError(f"{source}: cannot read {what} ({err})", source=source) from err
    try:
        return json.loads(text), source
    except json.JSONDecodeError as err:
        raise DataFileError(f"{source}: not valid JSON ({err})", source=source) from err


@cache
def load_language_data(lang: str, name: str) -> dict[str, Any]:
    """Return the validated data file ``name`` (``figures``, ``periods``, ``cues``…) of ``lang``."""
    if lang not in SUPPORTED_LANGUAGES:
        raise DataFileError(f"no data for language '{lang}'")
    if name not in _REQUIRED_KEYS:
        raise DataFileError(f"unknown data file '{name}'")
    ref = resources.files("models").joinpath("lang").joinpath(lang).joinpath(f"{name}.json")
    try:
        data = json.loads(ref.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise DataFileError(f"models/lang/{lang}/{name}.json: cannot be read: {err}") from err
    if not isinstance(data, dict):
        raise DataFileError(f"models/lang/{lang}/{name}.json: top level must be an object")
    _check_keys(name, lang, data)
    return data


def alternation(phrases: list[str] | dict[str, Any] | tuple[str, ...]) -> str:
    """A regex alternation of literal phrases, longest first so the longest wins.

    Spaces inside a phrase match any run of white space (incl. no-break spaces),
    and straight and curly apostrophes match each other.
    """
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        pieces = []
        for char in phrase:
            if char in "'’":
                pieces.append("['’]")
            elif char.isspace():
                pieces.append(r"\s+")
            else:
                pieces.append(re.escape(char))
        parts.append("".join(pieces))
    return "|".join(parts)
