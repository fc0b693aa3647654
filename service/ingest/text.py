"""Bytes of a text file to a clean ``str``: encoding detection without a chardet dependency.

Order matters: a byte-order mark is the only reliable signal, strict UTF-8 almost
never accepts text in another encoding by accident, and cp1252 (the Windows
superset of latin-1) accepts nearly anything, so its result must look like prose.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from service.errors import UnreadableFileError

# UTF-32 LE's mark starts with UTF-16 LE's, so the longer marks are tried first.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control characters that never appear in prose (tab, newlines and form feed are fine).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_MAX_CONTROL_RATIO = 0.005
# French prose has a few percent of accented letters; bytes decoded with the wrong
# single-byte code page (or random bytes) turn into far more non-ASCII characters.
_MAX_NON_ASCII_RATIO = 0.25


def looks_like_prose(text: str, single_byte: bool = False) -> bool:
    if not text:
        return True
    if "\x00" in text:
        return False
    if len(_CONTROL.findall(text)) / len(text) > _MAX_CONTROL_RATIO:
        return False
    if single_byte:
        non_ascii = sum(1 for ch in text if ord(ch) > 127)
        return non_ascii / len(text) <= _MAX_NON_ASCII_RATIO
    return True


def decode_text(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise ``UnreadableFileError`` for binary content."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise UnreadableFileError(
                    f"The file starts with a {encoding} byte-order mark but is not valid "
                    f"{encoding} text.",
                    reason="bad_encoding",
                    encoding=encoding,
                ) from exc
            return _checked(text, encoding, single_byte=False)
    if b"\x00" in data:
        raise _binary()
    try:
        return _checked(data.decode("utf-8"), "utf-8", single_byte=False)
    except UnicodeDecodeError:
        pass
    try:
        text, encoding = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        # The five bytes cp1252 leaves undefined: latin-1 maps them to C1 controls,
        # which the prose check then counts against the text.
        text, encoding = data.decode("latin-1"), "latin-1"
    return _checked(text, encoding, single_byte=True)


def _checked(text: str, encoding: str, single_byte: bool) -> tuple[str, str]:
    if not looks_like_prose(text, single_byte=single_byte):
        raise _binary()
    return text, encoding


def _binary() -> UnreadableFileError:
    return UnreadableFileError(
        "The file is binary data, not text in a known encoding "
        "(UTF-8, UTF-16/32 with a byte-order mark, cp1252 or latin-1).",
        reason="binary",
    )


_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_STRAY = re.compile(r"[\ufeff\u200b\x00]")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")


def clean_text(text: str) -> str:
    """One canonical plain text: NFC, ``\\n`` newlines, page breaks as blank lines.

    Fact offsets are computed on this string and stored with it, so any change here
    is safe for new documents and must never be applied to already stored text.
    """
    text = unicodedata.normalize("NFC", without_surrogates(text))
    text = _NEWLINES.sub("\n", text).replace("\f", "\n\n")
    text = _STRAY.sub("", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _MANY_BLANK_LINES.sub("\n\n", text).strip()


def without_surrogates(text: str) -> str:
    """Lone surrogates (possible in JSON strings) cannot be stored as UTF-8: drop them."""
    return text.encode("utf-8", errors="ignore").decode("utf-8")


def single_line(text: str | None, max_chars: int = 300) -> str | None:
    """A title or source name fit for a database column: no controls, one line."""
    if not text:
        return None
    text = _CONTROL.sub(" ", without_surrogates(text))
    return " ".join(text.split())[:max_chars] or None


def guess_title(text: str, max_chars: int = 150) -> str | None:
    """The first line, when it reads like a heading (short, no final full stop)."""
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if len(line) <= max_chars and not line.endswith((".", ":", ";")):
            return line
        return None
    return None
