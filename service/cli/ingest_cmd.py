"""``rapport ingest``: load folders of reports into the store, on every core or on Ray.

Resumable: run the same command again after a crash (even ``kill -9``) and it
finishes the job, skipping what is already stored. A file that fails is reported
and the others go on; any failure makes the exit code 1.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from models.errors import RapportError
from service.batch.model import BatchOptions, BatchReport, Engine, ItemOutcome, Outcome
from service.batch.runner import BatchRunner
from service.cli import app
from service.settings import Settings
from service.store import FactStore
from service.store.engine import normalize_url

EXIT_FAILURES = 1
EXIT_SETUP = 2
EXIT_INTERRUPTED = 130
FAILURES_SHOWN = 50


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        return Text(f"{task.speed or 0:.1f} docs/s", style="progress.data.speed")


class ProgressListener:
    """Draws the bar and prints each failure above it as it happens."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.task = progress.add_task("ingest", total=None, failed=0)

    def on_start(self, report: BatchReport) -> None:
        label = f"job {report.job_id[:8]}" + (" (resumed)" if report.resumed else "")
        self.progress.update(
            self.task, description=label, total=report.total, completed=report.done_before
        )

    def on_item(self, item: ItemOutcome, report: BatchReport) -> None:
        self.progress.update(self.task, advance=1, failed=report.counts[Outcome.failed.value])
        if item.outcome is Outcome.failed:
            self.progress.console.print(
                f"[red]failed[/red] {escape(item.path)} {escape(f'[{item.code}]')} "
                f"{escape(item.message or '')}",
                soft_wrap=True,
            )


def _progress(console: Console) -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        _RateColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        TextColumn("[red]{task.fields[failed]} failed"),
        console=console,
    )


def print_summary(console: Console, report: BatchReport) -> None:
    console.print(
        f"job {report.job_id}: {report.status.value}" + (" (resumed)" if report.resumed else "")
    )
    table = Table()
    table.add_column("outcome")
    table.add_column("files", justify="right")
    for outcome in Outcome:
        table.add_row(outcome.value, str(report.counts[outcome.value]))
    if report.done_before:
        table.add_row("done by earlier runs", str(report.done_before))
    if report.ignored:
        table.add_row("ignored (other suffixes)", str(report.ignored))
    table.add_row("total", str(report.total), end_section=True)
    table.add_row("elapsed", f"{report.elapsed:.1f} s")
    table.add_row("docs/s (whole run)", f"{report.docs_per_second:.2f}")
    table.add_row("docs/s (models loaded)", f"{report.steady_docs_per_second:.2f}")
    table.add_row("workers", str(len(report.workers_seen)))
    console.print(table)
    if report.failures:
        failures = Table(title=f"{len(report.failures)} failed", title_justify="left")
        for column in ("path", "code", "message"):
            failures.add_column(column, overflow="fold")
        for item in report.failures[:FAILURES_SHOWN]:
            failures.add_row(item.path, item.code or "", item.message or "")
        console.print(failures)
        hidden = len(report.failures) - FAILURES_SHOWN
        if hidden > 0:
            console.print(f"… and {hidden} more (GET /batches/{report.job_id} lists them).")


@app.command()
def ingest(
    paths: Annotated[
        list[Path], typer.Argument(help="Files or folders (.txt, .html, .pdf, .docx).")
    ],
    workers: Annotated[
        int,
        typer.Option(
            min=0,
            help="Worker processes (local) or actors (ray); 0 = every core here, or every "
            "CPU of the Ray cluster.",
        ),
    ] = 0,
    engine: Annotated[Engine, typer.Option(help="Where extraction runs.")] = Engine.local,
    ray_address: Annotated[
        str | None,
        typer.Option(help="Join this Ray cluster (e.g. 10.0.0.5:6379) instead of a local one."),
    ] = None,
    reprocess: Annotated[
        bool, typer.Option(help="Re-extract documents already stored by this extractor.")
    ] = False,
    fail_fast: Annotated[bool, typer.Option(help="Stop at the first failed file.")] = False,
    batch_size: Annotated[
        int, typer.Option(min=1, max=1000, help="Documents per worker batch.")
    ] = 16,
) -> None:
    """Ingest files and folders into the store (RAPPORT_DATABASE_URL), resumably."""
    console = Console(stderr=True)
    settings = Settings()
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        console.print(f"[red]error[/red]: no such file or folder: {escape(', '.join(missing))}")
        raise typer.Exit(EXIT_SETUP)
    if ray_address and engine is not Engine.ray:
        console.print("[red]error[/red]: --ray-address needs --engine ray")
        raise typer.Exit(EXIT_SETUP)
    options = BatchOptions(
        engine=engine,
        workers=workers,
        batch_size=batch_size,
        reprocess=reprocess,
        fail_fast=fail_fast,
        ray_address=ray_address,
    )
    url = normalize_url(settings.database_url).render_as_string(hide_password=True)
    shown = workers or ("all CPUs" if engine is Engine.ray else os.cpu_count())
    console.print(f"store: {escape(url)} · engine: {engine.value} · workers: {shown}")
    store = FactStore.from_url(settings.database_url)
    try:
        store.migrate()
        with _progress(console) as progress:
            runner = BatchRunner(store, settings, options, ProgressListener(progress))
            report = runner.run(paths)
    except KeyboardInterrupt:
        console.print("[yellow]interrupted[/yellow]: run the same command again to resume.")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except RapportError as err:
        console.print(f"[red]error[/red] {escape(f'[{err.code}]')} {escape(err.message)}")
        raise typer.Exit(EXIT_SETUP) from None
    finally:
        store.close()
    print_summary(Console(), report)
    if report.failures:
        raise typer.Exit(EXIT_FAILURES)
