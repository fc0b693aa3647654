"""``rapport serve``: migrate the store, load folders, serve the REST API with uvicorn."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
import uvicorn
from rich.console import Console
from sqlalchemy.engine import make_url

from service.api.app import build_extractor, create_app
from service.cli import app
from service.ingest.pipeline import load_paths
from service.settings import Settings
from service.store import FactStore
from service.store.engine import normalize_url


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    load: Annotated[
        list[Path] | None,
        typer.Option(
            "--load",
            help="File or folder to store before serving (repeatable); "
            "documents already stored are skipped.",
        ),
    ] = None,
    log_level: Annotated[str, typer.Option(help="uvicorn log level.")] = "info",
) -> None:
    """Serve the REST API (docs at /docs); settings come from RAPPORT_* variables."""
    console = Console(soft_wrap=True)
    missing = [path for path in load or [] if not path.exists()]
    if missing:
        console.print(f"[red]error[/red]: no such file or folder: {missing[0]}")
        raise typer.Exit(2)
    settings = Settings()
    shown_url = make_url(str(normalize_url(settings.database_url))).render_as_string(
        hide_password=True
    )
    store = FactStore.from_url(settings.database_url)
    try:
        revision = store.migrate()
        console.print(f"Store: {shown_url} (schema {revision})")
        with console.status("Loading the French and English pipelines…"):
            extractor = build_extractor(settings).load()
        if load:

            def show(path: Path, outcome: str) -> None:
                console.print(f"  {outcome:<24} {path}")

            report = load_paths(load, store, extractor, settings, on_file=show)
            console.print(
                f"Loaded: {len(report.added)} added, {len(report.skipped)} already stored, "
                f"{len(report.failed)} failed."
            )
    finally:
        store.close()
    server_app = create_app(settings, extractor=extractor)
    shown_host = f"[{host}]" if ":" in host else host
    console.print(
        f"[bold]Rapport serves on http://{shown_host}:{port}[/bold] "
        f"(API docs: http://{shown_host}:{port}/docs)"
    )
    uvicorn.run(server_app, host=host, port=port, log_level=log_level)
