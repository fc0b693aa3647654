"""PDF text layer to plain text, with typed errors for what cannot be read.

Scanned PDFs (images only) have no text layer; Rapport does not OCR, so they are
reported as unreadable rather than stored as empty documents.
"""

from __future__ import annotations

import io
import logging

from pypdf import PdfReader

from service.errors import UnreadableFileError

# pypdf logs every repaired cross-reference table at WARNING; one bad upload
# should not flood the service log.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def pdf_to_text(data: bytes) -> tuple[str, str | None]:
    """Return ``(text, title)``; pages are separated by blank lines."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not _opens_without_password(reader):
            raise UnreadableFileError(
                "The PDF is encrypted with a password; upload an unprotected copy.",
                reason="encrypted",
            )
        pages = [page.extract_text() or "" for page in reader.pages]
        title = _metadata_title(reader)
    except UnreadableFileError:
        raise
    except Exception as exc:  # pypdf raises a dozen unrelated types on damaged input
        raise UnreadableFileError(
            f"The PDF is damaged and cannot be read ({type(exc).__name__}).", reason="corrupt"
        ) from exc
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    if not text:
        raise UnreadableFileError(
            "The PDF has no text layer (a scan?); Rapport does not read images of text.",
            reason="no_text_layer",
            pages=len(pages),
        )
    return text, title


def _opens_without_password(reader: PdfReader) -> bool:
    # Many "encrypted" PDFs only restrict printing and open with the empty password.
    try:
        return bool(reader.decrypt(""))
    except Exception:  # unsupported cipher or missing crypto backend: treat as locked
        return False


def _metadata_title(reader: PdfReader) -> str | None:
    try:
        title = reader.metadata.title if reader.metadata else None
    except Exception:  # a malformed info dictionary must not lose the text
        return None
    return (str(title).strip() or None) if title else None
