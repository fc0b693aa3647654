"""DOCX to plain text (paragraphs and tables in reading order), guarded against zip bombs."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.table import Table

from service.errors import TooLargeError, UnreadableFileError

_MAX_MEMBERS = 5000
# Word XML compresses about 10:1; a member far beyond this is a decompression bomb.
_MAX_COMPRESSION_RATIO = 200
_RATIO_CHECK_FLOOR = 1024 * 1024  # small members may compress arbitrarily well


def check_zip_sizes(data: bytes, max_unzipped_bytes: int) -> None:
    """Refuse an archive from its directory alone, before any member is inflated.

    zipfile never inflates a member past the size its header declares, so the
    declared sizes are a safe upper bound on what reading the file will cost.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise UnreadableFileError("The .docx is a damaged ZIP file.", reason="corrupt") from exc
    if len(members) > _MAX_MEMBERS:
        raise UnreadableFileError(
            f"The .docx holds {len(members)} files; a Word document has a few dozen.",
            reason="zip_bomb",
        )
    total = sum(member.file_size for member in members)
    if total > max_unzipped_bytes:
        raise TooLargeError(
            f"The .docx unzips to {total} bytes, over the limit of {max_unzipped_bytes}.",
            unzipped_bytes=total,
            limit=max_unzipped_bytes,
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > _RATIO_CHECK_FLOOR and ratio > _MAX_COMPRESSION_RATIO:
            raise UnreadableFileError(
                f"The .docx member {member.filename!r} inflates {ratio:.0f} times: "
                "a decompression bomb, not a document.",
                reason="zip_bomb",
            )


def docx_to_text(data: bytes, max_unzipped_bytes: int) -> tuple[str, str | None]:
    """Return ``(text, title)``; paragraphs are separated by blank lines, cells by tabs."""
    check_zip_sizes(data, max_unzipped_bytes)
    try:
        document = docx.Document(io.BytesIO(data))
        blocks: list[str] = []
        heading: str | None = None
        for item in document.iter_inner_content():
            if isinstance(item, Table):
                blocks.extend(_table_rows(item))
                continue
            text = item.text.strip()
            if not text:
                continue
            style = item.style.name if item.style is not None else ""
            if heading is None and style in ("Title", "Heading 1"):
                heading = text
            blocks.append(text)
        title = (document.core_properties.title or "").strip() or heading
    except Exception as exc:  # python-docx/lxml raise many types on a damaged package
        raise UnreadableFileError(
            f"The .docx is damaged and cannot be read ({type(exc).__name__}).", reason="corrupt"
        ) from exc
    return "\n\n".join(blocks), title


def _table_rows(table: Table) -> list[str]:
    rows = []
    for row in table.rows:
        cells = [cell.text.strip() for cell in row.cells]
        if any(cells):
            rows.append("\t".join(cells))
    return rows
