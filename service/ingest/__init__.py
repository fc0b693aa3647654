"""Bytes in, plain text out: the first step of every document's path.

``ingest_bytes`` decides the format from the content (never the file name),
extracts the text, cleans it once (``clean_text``) and hashes the original bytes.
Fact offsets are computed on, and always refer to, ``IngestedDocument.text``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from models.errors import EmptyTextError
from service.errors import TooLargeError
from service.ingest.docx import docx_to_text
from service.ingest.html import html_to_text
from service.ingest.pdf import pdf_to_text
from service.ingest.sniff import Format, sniff_format
from service.ingest.text import clean_text, decode_text, guess_title, single_line

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_UNZIPPED_BYTES = 50 * 1024 * 1024

__all__ = ["Format", "IngestedDocument", "ingest_bytes", "ingest_text", "sha256_hex"]


@dataclass(frozen=True, slots=True)
class IngestedDocument:
    text: str
    sha256: str
    media_type: str
    title: str | None = None
    source: str | None = None

    @property
    def id(self) -> str:
        return document_id(self.sha256)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def document_id(sha256: str) -> str:
    """A stable, URL-friendly id: the same bytes always get the same id."""
    return sha256[:16]


def ingest_bytes(
    data: bytes,
    source: str | None = None,
    title: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_unzipped_bytes: int = DEFAULT_MAX_UNZIPPED_BYTES,
) -> IngestedDocument:
    """Read any supported file; a ``title`` given by the caller wins over the file's own."""
    if len(data) > max_bytes:
        raise TooLargeError(
            f"The file has {len(data)} bytes, over the limit of {max_bytes}.",
            size=len(data),
            limit=max_bytes,
        )
    if not data.strip():
        raise EmptyTextError("The file is empty.")
    kind = sniff_format(data)
    if kind is Format.PDF:
        raw, found_title = pdf_to_text(data)
    elif kind is Format.DOCX:
        raw, found_title = docx_to_text(data, max_unzipped_bytes)
    elif kind is Format.HTML:
        raw, found_title = html_to_text(decode_text(data)[0])
    else:
        raw, found_title = decode_text(data)[0], None
    text = clean_text(raw)
    if not text:
        raise EmptyTextError("The file holds no readable text.", media_type=kind.value)
    if kind is Format.TEXT:
        found_title = guess_title(text)
    return IngestedDocument(
        text=text,
        sha256=sha256_hex(data),
        media_type=kind.value,
        title=single_line(title) or single_line(found_title),
        source=single_line(source, max_chars=1000),
    )


def ingest_text(text: str, title: str | None = None, source: str | None = None) -> IngestedDocument:
    """Text sent as a string (JSON upload): hashed as its UTF-8 bytes, cleaned like a file."""
    cleaned = clean_text(text)
    if not cleaned:
        raise EmptyTextError("The text is empty.")
    return IngestedDocument(
        text=cleaned,
        sha256=sha256_hex(text.encode("utf-8", errors="surrogatepass")),
        media_type=Format.TEXT.value,
        title=single_line(title) or guess_title(cleaned),
        source=single_line(source, max_chars=1000),
    )
