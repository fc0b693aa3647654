"""The path of one document after ingestion: extract once, store once.

Shared by the REST API and ``rapport serve --load`` so an upload and a folder
load behave the same: bytes already stored are recognized by their SHA-256
before any extraction, and what is stored is exactly what the extractor saw.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from models.errors import RapportError
from service.ingest import IngestedDocument, ingest_bytes
from service.store import DocumentRecord, FactStore

if TYPE_CHECKING:
    from models import Extractor
    from service.settings import Settings


# spaCy does not promise that one pipeline may run in several threads at once, and
# extraction is CPU-bound anyway: one at a time per process. Parallelism comes
# from worker processes (uvicorn workers, batch actors), each with its own models.
EXTRACTION_LOCK = threading.Lock()


def extractor_version() -> str:
    from models import EXTRACTOR_VERSION

    return EXTRACTOR_VERSION


def store_ingested(
    document: IngestedDocument,
    store: FactStore,
    extractor: Extractor,
    lang: str = "auto",
    summary_k: int = 3,
    keep_embeddings: bool = True,
) -> tuple[str, bool]:
    """Extract and store a document unless its bytes are already stored: ``(id, created)``."""
    existing = store.find_by_sha256(document.sha256)
    if existing is not None:
        return existing, False
    with EXTRACTION_LOCK:
        result = extractor.extract(
            document.text,
            lang=lang,
            source=document.source,
            title=document.title,
            sha256=document.sha256,
            summary_k=summary_k,
        )
    record = DocumentRecord.from_result(
        result,
        text=document.text,
        media_type=document.media_type,
        extractor_version=extractor_version(),
        keep_embeddings=keep_embeddings,
    )
    return store.add_document(record)


def reprocess(
    document_id: str,
    store: FactStore,
    extractor: Extractor,
    summary_k: int = 3,
    keep_embeddings: bool = True,
) -> bool:
    """Re-extract a stored document with the current extractor; facts swap atomically."""
    source = store.get_source(document_id)
    if source is None:
        return False
    # The stored language was already decided (detected or forced) for this text;
    # keeping it means a re-run cannot flip a document to the other pipeline.
    with EXTRACTION_LOCK:
        result = extractor.extract(
            source["text"],
            lang=source["lang"],
            source=source["source"],
            title=source["title"],
            sha256=source["sha256"],
            summary_k=summary_k,
        )
    record = DocumentRecord.from_result(
        result,
        text=source["text"],
        media_type=source["media_type"],
        extractor_version=extractor_version(),
        keep_embeddings=keep_embeddings,
    )
    return store.replace_facts(document_id, record)


@dataclass
class LoadReport:
    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # path, code, message


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files under the given paths in a stable order, skipping hidden files and folders."""
    for path in paths:
        if path.is_file():
            yield path
        elif path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and not hidden:
                    yield child
        else:
            raise FileNotFoundError(f"No such file or folder: {path}")


def load_paths(
    paths: Iterable[Path],
    store: FactStore,
    extractor: Extractor,
    settings: Settings,
    on_file: Callable[[Path, str], Any] | None = None,
) -> LoadReport:
    """Ingest, extract and store every file; one bad file is reported, not fatal."""
    report = LoadReport()
    for path in iter_files(paths):
        name = str(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            report.failed.append((name, "unreadable_file", f"cannot be read ({exc.strerror})"))
            if on_file is not None:
                on_file(path, "failed: unreadable_file")
            continue
        try:
            document = ingest_bytes(
                data,
                source=name,
                max_bytes=settings.max_upload_bytes,
                max_unzipped_bytes=settings.max_unzipped_bytes,
            )
            _, created = store_ingested(
                document,
                store,
                extractor,
                summary_k=settings.summary_k,
                keep_embeddings=settings.store_embeddings,
            )
        except RapportError as exc:
            report.failed.append((name, exc.code, exc.message))
            outcome = f"failed: {exc.code}"
        else:
            (report.added if created else report.skipped).append(name)
            outcome = "added" if created else "already stored"
        if on_file is not None:
            on_file(path, outcome)
    return report
