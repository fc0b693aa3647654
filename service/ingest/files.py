"""Reading a document from a path, as a typed result instead of an exception (CLI, eval)."""

from __future__ import annotations

from pathlib import Path

from models.errors import RapportError
from service.errors import UnreadableFileError
from service.ingest import IngestedDocument, ingest_bytes


def read_document(path: Path) -> IngestedDocument | RapportError:
    """The document's plain text, or the typed error that explains why it has none."""
    try:
        data = path.read_bytes()
    except OSError as err:
        return UnreadableFileError(f"{path}: cannot be read ({err.strerror}).")
    try:
        return ingest_bytes(data, source=str(path))
    except RapportError as err:
        return err
