"""Read and check the per-language render data, ``models/lang/{fr,en}/render.json``.

:mod:`models.render` turns facts into lines; this module makes sure the words it
needs are there first, so that a missing label or placeholder is reported once,
with the file's name, when a language is loaded rather than as a KeyError in the
middle of a summary.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from models.errors import DataFileError, UnsupportedLanguageError
from models.schema import CLAIM_TYPES, METRICS, SPEC_UNITS, SUPPORTED_LANGUAGES

LANG_DIR = Path(__file__).parent / "lang"

# The period shapes of FACTS.md, in the order they are tried. render.py matches a
# fact's period with them; every kind needs a format under 'periods' in render.json.
PERIOD_SHAPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("year", re.compile(r"^(?P<year>\d{4})$")),
    ("quarter", re.compile(r"^(?P<year>\d{4})-Q(?P<n>[1-4])$")),
    ("half", re.compile(r"^(?P<year>\d{4})-H(?P<n>[12])$")),
    ("month", re.compile(r"^(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])$")),
    ("day", re.compile(r"^(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])-(?P<day>\d{2})$")),
    ("fiscal_year", re.compile(r"^FY(?P<year>\d{4})$")),
    ("fiscal_quarter", re.compile(r"^FY(?P<year>\d{4})-Q(?P<n>[1-4])$")),
    ("fiscal_half", re.compile(r"^FY(?P<year>\d{4})-H(?P<n>[12])$")),
)

# How a growth can be measured (models/fact_lines.py growth_measure), each worded per language.
GROWTH_MEASURES = ("organic", "constant currency", "reported")

# Text entries every render.json must have, with the placeholders each must contain.
_REQUIRED_PLACEHOLDERS = {
    "line": ("{metric_phrase}", "{value}", "{subject}"),
    "line_without_subject": ("{metric_phrase}", "{value}"),
    "metric_phrase": ("{metric}", "{period}"),
    "qualified_metric": ("{qualifier}",),
    "approximate": ("{value}",),
    "range": ("{low}", "{high}"),
    "range_with_negative": ("{low}", "{high}"),
    "move": ("{previous}",),
    "growth": ("{value}",),
    "growth_sequential": ("{value}",),
    "measured_growth": ("{value}", "{measure}"),
    "per_share": ("{money}",),
    "percent": ("{number}",),
    "multiple": ("{number}",),
    "details": ("{details}",),
    "details_separator": (),
    "companion": ("{metric}", "{value}"),
    "series_item": ("{period}", "{value}"),
    "peer_item": ("{subject}", "{value}"),
    "items_separator": (),
}
_REQUIRED_TEXT_KEYS = tuple(_REQUIRED_PLACEHOLDERS)


def load_templates(path: Path) -> dict[str, Any]:
    """Read and validate one language's render data file; DataFileError if incomplete."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataFileError(
            f"Cannot read render templates '{path}': {exc}", path=str(path)
        ) from exc
    problems = _validation_problems(data)
    if problems:
        raise DataFileError(
            f"Render templates '{path}' are invalid: " + "; ".join(problems), path=str(path)
        )
    return data


@cache  # read and checked once per language and process
def templates_for(lang: str) -> dict[str, Any]:
    """The render data of one supported language; UnsupportedLanguageError otherwise."""
    if lang not in SUPPORTED_LANGUAGES:
        raise UnsupportedLanguageError(lang)
    return load_templates(LANG_DIR / lang / "render.json")


def _validation_problems(data: Any) -> list[str]:
    if not isinstance(data, dict):
        return ["top level is not an object"]
    problems = [
        f"missing '{key}'" for key in _REQUIRED_TEXT_KEYS if not isinstance(data.get(key), str)
    ]
    for key, placeholders in _REQUIRED_PLACEHOLDERS.items():
        for placeholder in placeholders:
            if isinstance(data.get(key), str) and placeholder not in data[key]:
                problems.append(f"'{key}' lacks {placeholder}")
    metrics = data.get("metrics") or {}
    problems += [f"no label for metric '{m}'" for m in METRICS if not metrics.get(m)]
    problems += [f"unknown metric '{m}'" for m in metrics if m not in METRICS]
    claims = data.get("claims") or {}
    for claim in CLAIM_TYPES:
        wording = claims.get(claim)
        if not isinstance(wording, dict) or "plain" not in wording:
            problems.append(f"no wording for claim type '{claim}'")
        elif "{attribution}" not in wording.get("attributed", ""):
            problems.append(f"claim type '{claim}' has no attributed wording with {{attribution}}")
    problems += [f"unknown claim type '{c}'" for c in claims if c not in CLAIM_TYPES]
    if "{attribution}" not in (data.get("claims_implied_by_metric") or {}).get("attributed", ""):
        problems.append("'claims_implied_by_metric.attributed' lacks {attribution}")
    for metric, template in (data.get("qualified_metrics") or {}).items():
        if metric not in METRICS or "{qualifier}" not in template:
            problems.append(f"bad qualified_metrics entry '{metric}'")
    measures = data.get("growth_measures") or {}
    problems += [
        f"no growth measure '{m}'"
        for m in GROWTH_MEASURES
        if not isinstance(measures.get(m), str) or not measures.get(m)
    ]
    spec_units = data.get("spec_units") or {}
    problems += [f"no spec unit '{u}'" for u in SPEC_UNITS if u not in spec_units]
    if len(data.get("months") or []) != 12:
        problems.append("'months' must list 12 names")
    periods = data.get("periods") or {}
    problems += [f"no period format '{k}'" for k, _ in PERIOD_SHAPES if k not in periods]
    numbers = data.get("numbers") or {}
    problems += [
        f"no numbers.{k}"
        for k in ("decimal", "group", "unit_space", "minus", "plus")
        if k not in numbers
    ]
    money = data.get("money") or {}
    for key in (
        "symbol_pattern",
        "code_pattern",
        "code_space_after_scale",
        "symbols",
        "scales",
        "scale_from",
    ):
        if key not in money:
            problems.append(f"no money.{key}")
    for key in ("count_scales", "watt_scales", "money"):
        scales = money.get("scales", []) if key == "money" else data.get(key, [])
        factors = [s.get("factor", 0) for s in scales] if isinstance(scales, list) else []
        if not factors or factors != sorted(factors, reverse=True) or not all(factors):
            problems.append(f"'{key}' scales must be listed from largest to smallest")
    if not isinstance(data.get("pp"), dict) or {"one", "many"} - set(data["pp"]):
        problems.append("'pp' needs 'one' and 'many'")
    # a qualifier that names the figure on its own ("premium": a deal's premium has no
    # metric code, and "figure (premium)" would say less than "premium")
    for key in ("qualifiers", "qualifier_labels", "attributions"):
        if not isinstance(data.get(key), dict):
            problems.append(f"'{key}' must be an object")
    return problems
