"""``rapport extract``: facts of files or folders, as JSON, JSON lines, a table or CSV."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from models import Extractor
from models.errors import RapportError, UnsupportedLanguageError
from service.cli import app
from service.cli.output import as_csv, as_json, print_table
from service.ingest.files import read_document
from service.ingest.pipeline import iter_files
from service.settings import Settings


class OutputFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"
    csv = "csv"


class LangChoice(StrEnum):
    auto = "auto"
    fr = "fr"
    en = "en"


def build_extractor(settings: Settings, use_encoder: bool | None = None) -> Extractor:
    """``use_encoder`` here means summaries ranked with embeddings (the CLI searches nothing)."""
    embeddings = settings.summary_embeddings if use_encoder is None else use_encoder
    return Extractor(pipelines=settings.pipelines, encoder_path=settings.encoder_path,
                     use_encoder=embeddings, summary_embeddings=embeddings).load()  # fmt: skip


@app.command()
def extract(
    paths: Annotated[
        list[Path], typer.Argument(help="Files or folders (.txt, .html, .pdf, .docx).")
    ],
    lang: Annotated[
        LangChoice, typer.Option(help="Force a language instead of detecting it.")
    ] = LangChoice.auto,
    output: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.json,
    summary_k: Annotated[int, typer.Option(min=1, max=20, help="Summary sentences.")] = 3,
    encoder: Annotated[
        bool, typer.Option(help="Rank summary sentences with encoder embeddings (slower).")
    ] = False,
) -> None:
    """Extract the facts of each document, in input order."""
    err = Console(stderr=True)
    try:
        files = list(iter_files(paths))
    except FileNotFoundError as missing:
        err.print(f"[red]error[/red]: {escape(str(missing))}")
        raise typer.Exit(2) from None
    extractor = build_extractor(Settings(), use_encoder=encoder)
    console = Console()
    documents, failures = [], 0
    for path in files:
        document = read_document(path)
        try:
            if isinstance(document, RapportError):
                raise document
            result = extractor.extract(document.text, lang=lang.value, source=str(path),
                                       title=document.title, sha256=document.sha256,
                                       summary_k=summary_k)  # fmt: skip
        except RapportError as problem:
            failures += 1
            language = problem.detected if isinstance(problem, UnsupportedLanguageError) else None
            detail = f" (detected: {language})" if language else ""
            # escaped: rich would read "[unsupported_language]" as a style tag and drop it
            err.print(
                "[red]error[/red] " + escape(f"{path}: [{problem.code}] {problem.message}{detail}")
            )
            continue
        data = result.to_dict()
        if output is OutputFormat.jsonl:
            sys.stdout.write(as_json(data, indent=None) + "\n")
        elif output is OutputFormat.table:
            print_table(console, data)
        documents.append(data)
    if output is OutputFormat.json:
        sys.stdout.write(as_json(documents[0] if len(documents) == 1 else documents) + "\n")
    elif output is OutputFormat.csv:
        sys.stdout.write(as_csv(documents))
    if failures:
        raise typer.Exit(2)
