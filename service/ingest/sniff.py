"""Decide what a file is from its bytes; the file name is never trusted.

Formats Rapport reads: PDF, DOCX, HTML and plain text. Known formats it does not
read (images, archives, old Office files, spreadsheets…) are *unsupported*
(HTTP 415); bytes that are none of these are tried as text and rejected as
*unreadable* if they are binary.
"""

from __future__ import annotations

import io
import re
import zipfile
from enum import StrEnum

from service.errors import UnreadableFileError, UnsupportedTypeError


class Format(StrEnum):
    TEXT = "text/plain"
    HTML = "text/html"
    PDF = "application/pdf"
    DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


# Formats recognized only to be refused with a precise message.
_UNSUPPORTED_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office file (.doc/.xls/.ppt)"),
    (b"{\\rtf", "RTF document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x7fELF", "executable"),
    (b"ID3", "MP3 audio"),
    (b"OggS", "Ogg media"),
    (b"%!PS", "PostScript document"),
)

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
# PDF readers accept junk before the header, within the first kilobyte.
_PDF_HEADER_WINDOW = 1024
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    rb"<(?:!doctype\s+html|html|head|body|meta|title|link|script|style|article|main|div|p"
    rb"|h[1-6]|table|section|nav|header|footer|aside|ul|ol|li|span|a|b|i|em|strong|br|img"
    rb"|form|figure|blockquote|pre|font|center)[\s>/]",
    re.IGNORECASE | re.DOTALL,
)


def sniff_format(data: bytes) -> Format:
    if data[:4] in _ZIP_MAGIC:
        return _sniff_zip(data)
    if b"%PDF-" in data[:_PDF_HEADER_WINDOW]:
        return Format.PDF
    for magic, name in _UNSUPPORTED_MAGIC:
        if data.startswith(magic):
            raise _unsupported(name)
    if data[8:12] in (b"WEBP", b"WAVE", b"AVI ") and data.startswith(b"RIFF"):
        raise _unsupported("RIFF media file")
    if data[4:8] == b"ftyp":
        raise _unsupported("MP4/QuickTime media")
    if _looks_like_html(data):
        return Format.HTML
    return Format.TEXT


def _looks_like_html(data: bytes) -> bool:
    head = data[:4096]
    # HTML with a UTF-16 byte-order mark is rare; sniff its ASCII view.
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        head = head.replace(b"\x00", b"")[2:]
    head = head.removeprefix(b"\xef\xbb\xbf")
    return bool(_HTML_START.match(head))


def _sniff_zip(data: bytes) -> Format:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise UnreadableFileError(
            "The file is a damaged ZIP container (a .docx is one).", reason="corrupt"
        ) from exc
    if "word/document.xml" in names:
        return Format.DOCX
    if "xl/workbook.xml" in names:
        raise _unsupported("Excel workbook (.xlsx)")
    if "ppt/presentation.xml" in names:
        raise _unsupported("PowerPoint deck (.pptx)")
    if "mimetype" in names:
        raise _unsupported("OpenDocument or EPUB file")
    raise _unsupported("ZIP archive")


def _unsupported(name: str) -> UnsupportedTypeError:
    return UnsupportedTypeError(
        f"The file is a {name}; Rapport reads plain text, HTML, PDF (with a text layer) and .docx.",
        detected=name,
    )
