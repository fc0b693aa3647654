"""Real reports of the corpus, and the same report written in every uploadable format."""

from __future__ import annotations

import codecs
import textwrap
from collections.abc import Callable
from pathlib import Path

from tests.service.builders import make_docx, make_html, make_pdf

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"

# One report a language for the format table: both are cp1252-clean, so the cp1252
# and PDF (WinAnsiEncoding) variants hold exactly the same characters.
FORMAT_SAMPLES = {"fr": "fr_totalenergies_resultats_t3_2025.txt", "en": "en_intel_q2_loss.txt"}
QUERY_SAMPLES = {
    "fr": [
        "fr_lvmh_resultats_s1_2025.txt",
        "fr_nvidia_resultats_t3_exercice_2026.txt",
        "fr_totalenergies_resultats_t3_2025.txt",
    ],
    "en": [
        "en_lvmh_h1_results.txt",
        "en_nvidia_q3_fy2026_results.txt",
        "en_intel_q2_loss.txt",
    ],
}
GERMAN = (
    "Der Umsatz von Siemens stieg im dritten Quartal um 5 Prozent auf 19,4 Milliarden Euro. "
    "Der Vorstand bestätigte die Prognose für das Gesamtjahr und erwartet weiteres Wachstum."
)
SPANISH = (
    "Los ingresos de Inditex crecieron un 6 % en el primer semestre hasta 18.000 millones de "
    "euros. La compañía mantiene sus previsiones para el conjunto del ejercicio."
)


def sample_text(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


def paragraphs(text: str) -> list[str]:
    return [block.strip() for block in text.split("\n\n") if block.strip()]


def _pdf(text: str) -> bytes:
    lines: list[str] = []
    for block in paragraphs(text):
        lines.extend(textwrap.wrap(block, 90))
        lines.append("")
    pages = [lines[i : i + 50] for i in range(0, len(lines), 50)]
    return make_pdf(pages)


def _html(text: str) -> bytes:
    blocks = paragraphs(text)
    page = make_html(blocks[0], blocks[1:], ["Accueil", "Marchés", "Home", "Markets"])
    return page.encode("utf-8")


def _docx(text: str) -> bytes:
    blocks = paragraphs(text)
    return make_docx(blocks[1:], title=blocks[0])


# format name -> (file name to send, bytes builder)
FILE_FORMATS: dict[str, tuple[str, Callable[[str], bytes]]] = {
    "txt utf-8": ("report.txt", lambda text: text.encode("utf-8")),
    "txt utf-16": ("report.txt", lambda text: text.encode("utf-16")),
    "txt cp1252": ("report.txt", lambda text: text.encode("cp1252")),
    "txt utf-8 BOM, CRLF": (
        "report.txt",
        lambda text: codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode("utf-8"),
    ),
    "html": ("report.html", _html),
    "pdf": ("report.pdf", _pdf),
    "docx": ("report.docx", _docx),
    "pdf named .txt": ("report.txt", _pdf),
}
