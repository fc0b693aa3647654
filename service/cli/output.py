"""Rendering extraction results for a terminal, a spreadsheet or a pipe."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from rich.console import Console
from rich.table import Table

FACT_COLUMNS = ("subject", "subject_id", "metric", "value", "value_max", "previous", "unit",
                "period", "claim_type", "attribution", "approximate", "qualifier", "text",
                "start", "end", "confidence")  # fmt: skip


def format_value(value: float | None) -> str:
    if value is None:
        return ""
    magnitude = abs(value)
    for scale, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M")):
        if magnitude >= scale:
            return f"{value / scale:,.2f}{suffix}".replace(".00", "")
    return f"{value:,.4g}" if magnitude < 1000 else f"{value:,.0f}"


def as_json(document: dict[str, Any], indent: int | None = 2) -> str:
    return json.dumps(document, ensure_ascii=False, indent=indent)


def as_csv(documents: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(("source", "lang", *FACT_COLUMNS))
    for doc in documents:
        meta = doc["document"]
        for fact in doc["facts"]:
            writer.writerow((meta.get("source"), meta.get("lang"),
                             *(fact.get(c) for c in FACT_COLUMNS)))  # fmt: skip
    return buffer.getvalue()


def print_table(console: Console, document: dict[str, Any]) -> None:
    meta = document["document"]
    table = Table(
        title=f"{meta.get('source') or meta.get('title') or 'text'} [{meta['lang']}]",
        title_justify="left",
        show_lines=False,
    )
    for column, justify in (("subject", "left"), ("metric", "left"), ("value", "right"),
                            ("unit", "left"), ("period", "left"), ("claim", "left"),
                            ("attribution", "left"), ("text", "left")):  # fmt: skip
        table.add_column(column, justify=justify, overflow="fold")  # type: ignore[arg-type]
    for fact in document["facts"]:
        value = format_value(fact["value"])
        if fact.get("value_max") is not None:
            value += f"–{format_value(fact['value_max'])}"
        if fact.get("previous") is not None:
            value += f" (from {format_value(fact['previous'])})"
        if fact.get("approximate"):
            value = "~" + value
        table.add_row(fact.get("subject") or "—", fact["metric"], value, fact["unit"],
                      fact.get("period") or "", fact["claim_type"], fact.get("attribution") or "",
                      fact["text"])  # fmt: skip
    console.print(table)
    console.print(f"{len(document['facts'])} facts, {len(document['entities'])} entities\n")
