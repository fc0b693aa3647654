"""Language identification: deterministic, right on headlines, clear about the rest."""

from __future__ import annotations

import pytest

from models.errors import EmptyTextError, UnsupportedLanguageError
from models.language import detect_language

ROWS = [
    ("fr", "Amazon dépasse les attentes au T2"),
    ("fr", "NVIDIA relève sa prévision"),
    ("fr", "Le chiffre d'affaires a progressé de 13 %."),
    ("fr", "Les analystes de JPMorgan relèvent leur objectif de cours sur Amazon."),
    ("fr", "Résultats annuels 2024 de Sanofi"),
    ("en", "Amazon beats estimates in Q2"),
    ("en", "Nvidia raises outlook"),
    ("en", "Revenue rose 13%."),
    ("en", "Analysts at UBS kept their price target of $271 on Amazon."),
    ("en", "Arm tops forecasts as data-center royalties lift outlook"),
]
FOREIGN = [
    ("es", "El mercado de chips de IA crecerá un 20 % en 2025 según los analistas de la empresa"),
    ("de", "Der Umsatz stieg um 13 Prozent auf 30 Milliarden Dollar im zweiten Quartal"),
    ("it", "Il mercato dei chip crescerà del 20 per cento secondo gli analisti della società"),
]


@pytest.mark.parametrize(("lang", "text"), ROWS)
def test_french_and_english_even_when_short(lang: str, text: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.parametrize(("lang", "text"), ROWS)
def test_same_text_same_answer(lang: str, text: str) -> None:
    assert {detect_language(text) for _ in range(5)} == {lang}


@pytest.mark.parametrize(("code", "text"), FOREIGN)
def test_other_languages_are_named_in_the_error(code: str, text: str) -> None:
    with pytest.raises(UnsupportedLanguageError) as error:
        detect_language(text)
    assert error.value.detected == code
    assert code in error.value.message and error.value.code == "unsupported_language"


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_empty_text(text: str) -> None:
    with pytest.raises(EmptyTextError):
        detect_language(text)


@pytest.mark.parametrize("text", ["vm", "12 345 678", "€ $ %"])
def test_no_words_to_go_by(text: str) -> None:
    with pytest.raises(UnsupportedLanguageError):
        detect_language(text)
