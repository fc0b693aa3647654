"""``rapport eval``: extraction quality over gold files, per ``spec/EVAL.md``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from models.errors import RapportError
from models.evaluation.facts import Report, aggregate
from service.cli import app
from service.cli.eval_summaries import SUMMARY_GOLD, run_summary_eval
from service.cli.extract_cmd import build_extractor
from service.gold import load_gold, score_corpus
from service.settings import Settings


def _row(table: Table, name: str, report: Report) -> None:
    s, lenient = report.strict, report.lenient
    numbers = (report.figure_recall, lenient.precision, lenient.recall, lenient.f1,
               s.precision, s.recall, s.f1, report.claim_accuracy)  # fmt: skip
    table.add_row(name, str(report.documents), str(s.required), str(s.predictions),
                  *(f"{n:.3f}" for n in numbers))  # fmt: skip


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Option(help="Folder of gold JSON files.")] = Path("corpus/gold"),
    docs: Annotated[Path, typer.Option(help="Folder of the documents.")] = Path("corpus/samples"),
    by: Annotated[str | None, typer.Option(help="Break down by 'metric' or 'lang'.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable numbers.")] = False,
    errors: Annotated[bool, typer.Option(help="List misses and spurious facts.")] = False,
    summaries: Annotated[
        bool, typer.Option(help="Score summaries instead (encoder on and off).")
    ] = False,
    summary_gold: Annotated[
        Path, typer.Option(help="With --summaries: folder of summary gold JSON files.")
    ] = SUMMARY_GOLD,
) -> None:
    """Score the extractor against the gold corpus (figure recall, lenient/strict P/R/F1)."""
    if summaries:
        run_summary_eval(summary_gold, docs, as_json, lambda on: build_extractor(Settings(), on))
        return
    extractor = build_extractor(Settings(), use_encoder=False)
    console = Console(width=160)
    records = load_gold(gold)
    if not records:
        raise typer.BadParameter(f"no gold files in {gold}")
    try:
        scores = score_corpus(extractor, records, docs)
    except RapportError as problem:
        raise typer.BadParameter(f"{docs}: [{problem.code}] {problem.message}") from None
    if errors:
        for score in scores:
            for miss in score.misses:
                wanted = f"{miss['metric']} {miss['subject']} {miss.get('period')}"
                console.print(f"[yellow]miss[/yellow] {score.doc}: {miss['text']!r} {wanted}")
            for extra in score.spurious:
                console.print(f"[red]extra[/red] {score.doc}: {extra['text']!r} "
                              f"{extra['metric']} {extra['subject_id']} {extra['period']} "
                              f"{extra['claim_type']}")  # fmt: skip
    reports = aggregate(scores)
    if as_json:
        payload = {name: r.as_dict() for name, r in reports.items()}
        payload["documents"] = [
            {"doc": s.doc, "lang": s.lang, "strict": s.strict.as_dict()} for s in scores
        ]
        typer.echo(json.dumps(payload, indent=2))
        return
    table = Table(title=f"rapport eval — {gold}", title_justify="left")
    for column in ("set", "docs", "gold", "pred", "fig R", "len P", "len R", "len F1",
                   "strict P", "strict R", "strict F1", "claim acc"):  # fmt: skip
        table.add_column(column, justify="right" if column != "set" else "left")
    for name in ("all", "fr", "en"):
        if name in reports:
            _row(table, name, reports[name])
    if by == "lang":
        for score in scores:
            single = Report()
            single.add(score)
            _row(table, score.doc, single)
    console.print(table)
    if by == "metric":
        metrics = Table(title="strict, by metric", title_justify="left")
        for column in ("metric", "gold", "pred", "P", "R", "F1"):
            metrics.add_column(column, justify="right" if column != "metric" else "left")
        for metric, c in sorted(reports["all"].by_metric.items()):
            metrics.add_row(metric, str(c.required), str(c.predictions), f"{c.precision:.3f}",
                            f"{c.recall:.3f}", f"{c.f1:.3f}")  # fmt: skip
        console.print(metrics)
