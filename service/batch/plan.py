"""Which files a batch covers and what each one needs, decided before any extraction.

``discover`` walks folders for the formats Rapport reads. ``plan`` hashes each file
(streamed, never loaded whole) and asks the store, many hashes per query, what it
already holds: same bytes and same extractor version → skipped; same bytes from an
older extractor, or ``--reprocess`` → re-extracted in place; new bytes → added.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from service.batch.model import ItemOutcome, Outcome
from service.ingest import document_id
from service.ingest.pipeline import iter_files
from service.store.tables import documents

# Folders are walked for these; a file named explicitly is always read (its type is
# decided from its bytes anyway).
READABLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".pdf", ".docx"})
LOOKUP_CHUNK = 256


@dataclass
class Discovery:
    files: list[Path]
    ignored: int  # files in the folders with a suffix Rapport does not read
    outside: list[Path]  # files that resolve outside the allowed root (symlinks)


def discover(paths: Iterable[Path], within: Path | None = None) -> Discovery:
    """Every readable file under ``paths``, absolute, in a stable order, each once.

    With ``within``, a file whose real location (symlinks resolved) is outside that
    folder is set apart in ``outside`` instead of being read.
    """
    files: list[Path] = []
    outside: list[Path] = []
    seen: set[Path] = set()
    ignored = 0
    for root in paths:
        root = root.absolute()
        for path in iter_files([root]):
            if path != root and path.suffix.lower() not in READABLE_SUFFIXES:
                ignored += 1
                continue
            if path in seen:
                continue
            seen.add(path)
            if within is not None and not path.resolve().is_relative_to(within):
                outside.append(path)
            else:
                files.append(path)
    return Discovery(files, ignored, outside)


def chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """``itertools.batched`` (Python 3.12+) for 3.11, as lists."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def file_sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def stored_versions(engine: sa.Engine, hashes: list[str]) -> dict[str, dict[str, Any]]:
    """``sha256 → {id, extractor_version, lang}`` for the hashes the store already has."""
    if not hashes:
        return {}
    with engine.connect() as connection:
        rows = connection.execute(
            sa.select(
                documents.c.sha256, documents.c.id, documents.c.extractor_version, documents.c.lang
            ).where(documents.c.sha256.in_(hashes))
        ).mappings()
        return {row["sha256"]: dict(row) for row in rows}


@dataclass
class Planner:
    """Turns files into work items, emitting an outcome at once for files needing none."""

    engine: sa.Engine
    extractor_version: str
    reprocess: bool

    def __post_init__(self) -> None:
        self._first_path: dict[str, str] = {}

    def plan(self, files: Iterable[Path]) -> Iterator[dict[str, Any] | ItemOutcome]:
        for chunk in chunks(files, LOOKUP_CHUNK):
            hashed: list[tuple[str, str]] = []
            for path in chunk:
                try:
                    hashed.append((str(path), file_sha256(path)))
                except OSError as err:
                    yield ItemOutcome(
                        str(path),
                        Outcome.failed,
                        code="unreadable_file",
                        message=f"The file cannot be read ({err.strerror or err}).",
                    )
            stored = stored_versions(self.engine, sorted({sha for _, sha in hashed}))
            for path, sha in hashed:
                yield self._decide(path, sha, stored.get(sha))

    def _decide(
        self, path: str, sha: str, stored: dict[str, Any] | None
    ) -> dict[str, Any] | ItemOutcome:
        first = self._first_path.setdefault(sha, path)
        if first != path:
            return ItemOutcome(
                path,
                Outcome.skipped,
                sha256=sha,
                document_id=document_id(sha),
                message=f"Same bytes as {first}.",
            )
        if stored is None:
            return {"path": path, "sha256": sha, "mode": "add"}
        if stored["extractor_version"] == self.extractor_version and not self.reprocess:
            return ItemOutcome(
                path,
                Outcome.skipped,
                sha256=sha,
                document_id=stored["id"],
                message="Already stored by this extractor version.",
            )
        return {
            "path": path,
            "sha256": sha,
            "mode": "replace",
            "document_id": stored["id"],
            "lang": stored["lang"],
        }
