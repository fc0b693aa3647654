"""``rapport summarize FILE``: a report's gist — its most salient sentences and key facts
rendered in French and English, whatever the report's language."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from models.errors import RapportError
from service.cli import app
from service.cli.extract_cmd import LangChoice, build_extractor
from service.ingest.files import read_document
from service.settings import Settings


class KeyFactLang(StrEnum):
    both = "both"
    fr = "fr"
    en = "en"


@app.command()
def summarize(
    path: Annotated[Path, typer.Argument(help="A report (.txt, .html, .pdf, .docx).")],
    k: Annotated[int, typer.Option("-k", min=1, max=20, help="Summary sentences.")] = 3,
    lang: Annotated[LangChoice, typer.Option(help="The report's language.")] = LangChoice.auto,
    key_facts: Annotated[
        KeyFactLang, typer.Option(help="Language(s) of the key facts.")
    ] = KeyFactLang.both,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Print the k most salient sentences and the five key facts of a report."""
    err = Console(stderr=True)
    document = read_document(path)
    try:
        if isinstance(document, RapportError):
            raise document
        result = build_extractor(Settings()).extract(
            document.text, lang=lang.value, source=str(path), title=document.title, summary_k=k
        )
    except RapportError as problem:
        err.print("[red]error[/red] " + escape(f"{path}: [{problem.code}] {problem.message}"))
        raise typer.Exit(2) from None
    shown = ["fr", "en"] if key_facts is KeyFactLang.both else [key_facts.value]
    summary = {
        "sentences": result.summary["sentences"],
        "key_facts": {code: result.summary["key_facts"][code] for code in shown},
    }
    if as_json:
        sys.stdout.write(json.dumps({"source": str(path), "lang": result.lang, **summary},
                                    ensure_ascii=False, indent=2) + "\n")  # fmt: skip
        return
    console = Console()
    console.print(f"[bold]{result.title or path}[/bold] [{result.lang}]\n")
    for sentence in summary["sentences"]:
        console.print(f"• {sentence}", markup=False)
    for code in shown:
        console.print(f"\n[bold]Key facts ({code})[/bold]")
        for line in summary["key_facts"][code]:
            console.print(f"  {line}", markup=False)
