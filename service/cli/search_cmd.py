"""``rapport search "…"``: sentences of the stored documents and their facts, best first.

The same hybrid ranking as ``GET /search`` (``service.search``), on the store of
``RAPPORT_DATABASE_URL``. Only the encoder is loaded (not the spaCy pipelines):
the query is the only text to read.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from service.cli import app
from service.search import SearchHit, SearchService
from service.settings import Settings
from service.store import FactStore


class LangFilter(StrEnum):
    fr = "fr"
    en = "en"


def _search_service(settings: Settings, use_encoder: bool) -> SearchService:
    if not (use_encoder and settings.use_encoder):
        return SearchService(None)
    from models.encoder import SentenceEncoder

    return SearchService(SentenceEncoder(settings.encoder_path))


def _print_hits(console: Console, hits: list[SearchHit], mode: str) -> None:
    table = Table(title=f"{len(hits)} sentences ({mode})", title_justify="left", show_lines=True)
    for column in ("score", "document", "sentence", "facts"):
        table.add_column(column, justify="right" if column == "score" else "left")
    for hit in hits:
        facts = "\n".join(
            f"{fact['metric']} {fact['subject'] or '?'} {fact['text']!r}" for fact in hit.facts
        )
        where = f"{hit.document_id} ({hit.lang})\n{hit.start}-{hit.end}"
        # Report text may hold "[...]", which rich would read as markup.
        table.add_row(f"{hit.score:.3f}", where, escape(hit.text), escape(facts) or "-")
    console.print(table)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words or a question, French or English.")],
    lang: Annotated[
        LangFilter | None, typer.Option(help="Only documents in this language.")
    ] = None,
    k: Annotated[int, typer.Option("-k", "--k", min=1, max=100, help="Sentences to show.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    encoder: Annotated[
        bool, typer.Option(help="Rank by encoder similarity too (else full text only).")
    ] = True,
) -> None:
    """Search the stored documents' sentences (full text + encoder similarity)."""
    settings = Settings()
    store = FactStore.from_url(settings.database_url)
    try:
        store.migrate()
        service = _search_service(settings, encoder)
        hits = service.search(store, query, [lang.value] if lang else [], k)
    finally:
        store.close()
    if as_json:
        payload = {
            "data": [hit.to_dict() for hit in hits],
            "count": len(hits),
            "mode": service.mode,
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return
    _print_hits(Console(), hits, service.mode)
