"""Ingestion: every format and encoding in both languages, decided by content, never by name."""

from __future__ import annotations

import codecs
import os

import pytest

from models.errors import EmptyTextError, RapportError
from service.errors import TooLargeError, UnreadableFileError, UnsupportedTypeError
from service.ingest import Format, ingest_bytes, ingest_text
from service.ingest.text import clean_text
from tests.service.builders import (
    encrypt_pdf,
    make_docx,
    make_docx_bomb,
    make_html,
    make_pdf,
    make_zip,
)

PARAGRAPHS = {
    "fr": [
        "Amazon a publié un chiffre d'affaires de 167,7 milliards de dollars au deuxième "
        "trimestre 2025, en hausse de 13 % — « un record », selon la direction.",
        "L'objectif de cours d'Oddo passe de 63 à 78 € ; la marge brute s'établit à 46,5 %.",
    ],
    "en": [
        "NVIDIA’s revenue reached $46.7 billion in the second quarter of fiscal 2026 — up 56% "
        "year over year, a “record” quarter.",
        "UBS raised its price target from €180 to €205; gross margin was about 72.4%.",
    ],
}
TITLES = {"fr": "Résultats du deuxième trimestre", "en": "Second-quarter results"}
MENU = ["Accueil", "Marchés", "S'abonner", "Home", "Subscribe"]


def plain(lang: str) -> str:
    return TITLES[lang] + "\n\n" + "\n\n".join(PARAGRAPHS[lang])


TEXT_ENCODINGS = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8 with BOM": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "utf-16 LE with BOM": lambda text: text.encode("utf-16"),
    "utf-16 BE with BOM": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    "cp1252": lambda text: text.encode("cp1252"),
    "windows newlines": lambda text: text.replace("\n", "\r\n").encode("utf-8"),
}


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("encoding", list(TEXT_ENCODINGS))
def test_text_files_in_every_encoding(lang: str, encoding: str) -> None:
    data = TEXT_ENCODINGS[encoding](plain(lang))
    document = ingest_bytes(data, source="report.bin")
    assert document.text == clean_text(plain(lang))
    assert document.media_type == Format.TEXT
    assert document.title == TITLES[lang]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_latin1_text_is_read(lang: str) -> None:
    text = plain(lang).replace("’", "'").replace("“", '"').replace("”", '"').replace("—", "-")
    text = text.replace("€", "EUR")
    assert ingest_bytes(text.encode("latin-1")).text == clean_text(text)


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("misleading_name", ["report.html", "report.pdf", "report.docx", None])
def test_html_main_text_without_menus(lang: str, misleading_name: str | None) -> None:
    html = make_html(TITLES[lang], PARAGRAPHS[lang], MENU)
    for encoded in (html.encode("utf-8"), html.encode("utf-16")):
        document = ingest_bytes(encoded, source=misleading_name)
        assert document.media_type == Format.HTML
        assert document.title == TITLES[lang]
        for paragraph in PARAGRAPHS[lang]:
            assert paragraph in document.text
        for entry in MENU:
            assert entry not in document.text
        assert "Mentions légales" not in document.text


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_short_html_fragment(lang: str) -> None:
    html = f"<nav>{' '.join(MENU)}</nav><p>{PARAGRAPHS[lang][1]}</p>"
    document = ingest_bytes(html.encode("utf-8"))
    assert document.media_type == Format.HTML
    assert document.text == PARAGRAPHS[lang][1]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("name", ["report.pdf", "report.txt"])
def test_pdf_text_layer(lang: str, name: str) -> None:
    data = make_pdf([[TITLES[lang]], PARAGRAPHS[lang]], title=TITLES[lang])
    document = ingest_bytes(data, source=name)
    assert document.media_type == Format.PDF
    assert document.title == TITLES[lang]
    for line in (TITLES[lang], *PARAGRAPHS[lang]):
        assert line in document.text
    assert document.text.index(TITLES[lang]) < document.text.index(PARAGRAPHS[lang][0])


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("name", ["report.docx", "report.txt"])
def test_docx_paragraphs_and_tables(lang: str, name: str) -> None:
    table = [["Indicateur" if lang == "fr" else "Metric", "T2"], ["CA", "167,7 Md$"]]
    data = make_docx(PARAGRAPHS[lang], title=TITLES[lang], table=table)
    document = ingest_bytes(data, source=name)
    assert document.media_type == Format.DOCX
    assert document.title == TITLES[lang]
    assert document.text.split("\n\n")[:3] == [TITLES[lang], *PARAGRAPHS[lang]]
    assert "CA\t167,7 Md$" in document.text


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_same_bytes_same_id_and_caller_title_wins(lang: str) -> None:
    data = plain(lang).encode("utf-8")
    first, second = ingest_bytes(data), ingest_bytes(data, title="  Mon   titre ")
    assert first.sha256 == second.sha256 and first.id == second.id == first.sha256[:16]
    assert second.title == "Mon titre"
    assert ingest_bytes(data + b" ").id != first.id


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_json_text_is_cleaned_like_a_file(lang: str) -> None:
    raw = plain(lang).replace("\n", "\r\n") + "\x00\ud800"
    document = ingest_text(raw)
    assert document.text == clean_text(plain(lang))
    assert document.media_type == Format.TEXT


SMALL_PDF = make_pdf([["Chiffre d'affaires : 167,7 milliards de dollars."]])

ERROR_CASES: list[tuple[str, bytes, type[RapportError], str, str | None]] = [
    ("empty file", b"", EmptyTextError, "empty_text", None),
    ("only spaces", b" \n\t \r\n", EmptyTextError, "empty_text", None),
    ("utf-16 spaces", "   \n".encode("utf-16"), EmptyTextError, "empty_text", None),
    ("html menu only", b"<html><body><nav>Accueil</nav></body></html>", EmptyTextError,
     "empty_text", None),
    ("png", b"\x89PNG\r\n\x1a\n" + os.urandom(64), UnsupportedTypeError, "unsupported_type",
     None),
    ("jpeg", b"\xff\xd8\xff\xe0" + os.urandom(64), UnsupportedTypeError, "unsupported_type",
     None),
    ("gzip", b"\x1f\x8b\x08" + os.urandom(64), UnsupportedTypeError, "unsupported_type", None),
    ("zip", make_zip({"notes.txt": b"hello"}), UnsupportedTypeError, "unsupported_type", None),
    ("xlsx", make_zip({"xl/workbook.xml": b"<x/>"}), UnsupportedTypeError, "unsupported_type",
     None),
    ("old .doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), UnsupportedTypeError,
     "unsupported_type", None),
    ("binary junk", bytes(range(256)) * 8, UnreadableFileError, "unreadable_file", "binary"),
    ("control bytes", b"\x01\x02\x03\x04\x05\x06" * 50, UnreadableFileError, "unreadable_file",
     "binary"),
    ("mojibake-free random high bytes", bytes(range(0xA0, 0x100)) * 10, UnreadableFileError,
     "unreadable_file", "binary"),
    ("bad utf-16", codecs.BOM_UTF16_LE + b"\x00\xd8", UnreadableFileError, "unreadable_file",
     "bad_encoding"),
    ("truncated pdf", SMALL_PDF[:200], UnreadableFileError, "unreadable_file", "corrupt"),
    ("pdf without text layer", make_pdf([[]]), UnreadableFileError, "unreadable_file",
     "no_text_layer"),
    ("encrypted pdf", encrypt_pdf(SMALL_PDF, "secret"), UnreadableFileError, "unreadable_file",
     "encrypted"),
    ("damaged zip", b"PK\x03\x04" + os.urandom(200), UnreadableFileError, "unreadable_file",
     "corrupt"),
    ("docx without its parts", make_zip({"word/document.xml": b"<not-word/>"}),
     UnreadableFileError, "unreadable_file", "corrupt"),
    ("docx bomb", make_docx_bomb(4 * 1024 * 1024), UnreadableFileError, "unreadable_file",
     "zip_bomb"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("data", "error", "code", "reason"),
    [pytest.param(*case[1:], id=case[0]) for case in ERROR_CASES],
)
def test_bad_files_get_typed_errors(
    data: bytes, error: type[RapportError], code: str, reason: str | None
) -> None:
    with pytest.raises(error) as raised:
        ingest_bytes(data, source="report.txt")
    assert raised.value.code == code
    assert raised.value.message
    if reason is not None:
        assert raised.value.details["reason"] == reason


@pytest.mark.parametrize(
    ("data", "limit_name"),
    [
        (plain("fr").encode("utf-8"), "max_bytes"),
        (plain("en").encode("utf-16"), "max_bytes"),
        (make_docx_bomb(2 * 1024 * 1024), "max_unzipped_bytes"),
    ],
)
def test_size_limits(data: bytes, limit_name: str) -> None:
    with pytest.raises(TooLargeError) as raised:
        ingest_bytes(data, **{limit_name: 1024 * 1024 if limit_name != "max_bytes" else 100})
    assert raised.value.code == "too_large"
