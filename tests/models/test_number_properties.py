"""Property tests: any amount written the French or the English way reads back to its value.

Issue 2: "any number formatted the French or English way, with any scale word and
currency, parses back to its value". Numbers run from 0.01 to 999,999 with up to two
decimals; French groups thousands with a space, a no-break space or a narrow no-break
space and uses a decimal comma; English groups with commas and uses a decimal point.
Scale words and currency forms follow each language's usage (FACTS.md, issue 2).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.figures import find_figures
from models.numbers import parse_number

PROPERTY_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

FRENCH_GROUP_SEPARATORS = (" ", "\u00a0", "\u202f")


@dataclass(frozen=True)
class Numeral:
    """A number and how it is written: integer part, decimals, language conventions."""

    value: Decimal
    integer: int
    decimals: str  # "" or 1-2 digits as written

    def french(self, separator: str) -> str:
        body = f"{self.integer:,}".replace(",", separator)
        return f"{body},{self.decimals}" if self.decimals else body

    def english(self, grouped: bool = True) -> str:
        body = f"{self.integer:,}" if grouped else str(self.integer)
        return f"{body}.{self.decimals}" if self.decimals else body


@st.composite
def numerals(draw: st.DrawFn, integers_only: bool = False) -> Numeral:
    integer = draw(st.integers(min_value=0, max_value=999_999))
    places = 0 if integers_only else draw(st.sampled_from((0, 1, 2)))
    digits = "".join(draw(st.sampled_from("0123456789")) for _ in range(places))
    value = Decimal(f"{integer}.{digits}") if digits else Decimal(integer)
    if value < Decimal("0.01"):  # the range starts at 0.01
        integer, digits, value = 1, "", Decimal(1)
    return Numeral(value=value, integer=integer, decimals=digits)


# --- French -----------------------------------------------------------------

# Currency after the number, bare: written form -> ISO code.
FRENCH_CURRENCIES_AFTER = {
    "€": "EUR",
    "euros": "EUR",
    "EUR": "EUR",
    "$": "USD",
    "dollars": "USD",
    "USD": "USD",
    "£": "GBP",
    "livres sterling": "GBP",
    "CHF": "CHF",
    "francs suisses": "CHF",
    "yens": "JPY",
    "yuans": "CNY",
    "TWD": "TWD",
}
# After a scale word the currency word takes "de" ("2 milliards de dollars").
FRENCH_CURRENCIES_AFTER_SCALE_WORD = {
    "de dollars": "USD",
    "d'euros": "EUR",
    "de livres sterling": "GBP",
    "de francs suisses": "CHF",
    "de yens": "JPY",
    "de yuans": "CNY",
    "€": "EUR",
    "$": "USD",
    "EUR": "EUR",
    "USD": "USD",
    "CHF": "CHF",
}
# (singular, plural, factor); French "billion" is 10^12.
FRENCH_SCALE_WORDS = (
    ("million", "millions", 10**6),
    ("milliard", "milliards", 10**9),
    ("billion", "billions", 10**12),
)
# Abbreviation glued to its currency: written form -> (factor, ISO code).
FRENCH_ABBREVIATIONS = {
    "Md€": (10**9, "EUR"),
    "Md$": (10**9, "USD"),
    "Mds€": (10**9, "EUR"),
    "Mds$": (10**9, "USD"),
    "M€": (10**6, "EUR"),
    "M$": (10**6, "USD"),
    "MEUR": (10**6, "EUR"),
    "k€": (10**3, "EUR"),
}


@st.composite
def french_amounts(draw: st.DrawFn) -> tuple[str, float, str]:
    """A French amount as written, its value in base units and its ISO code."""
    form = draw(st.sampled_from(("bare", "mille", "scale_word", "abbreviation")))
    numeral = draw(numerals(integers_only=form == "mille"))
    written = numeral.french(draw(st.sampled_from(FRENCH_GROUP_SEPARATORS)))
    if form == "bare":
        currency = draw(st.sampled_from(sorted(FRENCH_CURRENCIES_AFTER)))
        return f"{written} {currency}", float(numeral.value), FRENCH_CURRENCIES_AFTER[currency]
    if form == "mille":  # "mille" is invariable and takes no "de"
        currency = draw(st.sampled_from(("euros", "dollars", "€", "$")))
        value = float(numeral.value * 1000)
        return f"{written} mille {currency}", value, FRENCH_CURRENCIES_AFTER[currency]
    if form == "scale_word":
        singular, plural, factor = draw(st.sampled_from(FRENCH_SCALE_WORDS))
        word = singular if numeral.value < 2 else plural  # "1,5 milliard", "2 milliards"
        currency = draw(st.sampled_from(sorted(FRENCH_CURRENCIES_AFTER_SCALE_WORD)))
        code = FRENCH_CURRENCIES_AFTER_SCALE_WORD[currency]
        return f"{written} {word} {currency}", float(numeral.value * factor), code
    abbreviation = draw(st.sampled_from(sorted(FRENCH_ABBREVIATIONS)))
    factor, code = FRENCH_ABBREVIATIONS[abbreviation]
    return f"{written} {abbreviation}", float(numeral.value * factor), code


# --- English ----------------------------------------------------------------

ENGLISH_CURRENCIES_BEFORE = {
    "$": "USD",
    "US$": "USD",
    "€": "EUR",
    "£": "GBP",
    "NT$": "TWD",
    "USD ": "USD",
    "EUR ": "EUR",
    "GBP ": "GBP",
    "CHF ": "CHF",
}
ENGLISH_CURRENCIES_AFTER = {
    "dollars": "USD",
    "euros": "EUR",
    "yen": "JPY",
    "yuan": "CNY",
    "Swiss francs": "CHF",
    "USD": "USD",
    "EUR": "EUR",
}
ENGLISH_SCALE_WORDS = {"million": 10**6, "billion": 10**9, "trillion": 10**12}
ENGLISH_ABBREVIATIONS = {"bn": 10**9, "B": 10**9, "M": 10**6, "mn": 10**6, "k": 10**3}


@st.composite
def english_amounts(draw: st.DrawFn) -> tuple[str, float, str]:
    """An English amount as written, its value in base units and its ISO code."""
    form = draw(st.sampled_from(("bare", "thousand", "scale_word", "abbreviation")))
    numeral = draw(numerals(integers_only=form == "thousand"))
    written = numeral.english()
    if form == "thousand":
        scale, factor = " thousand", 1000
    elif form == "scale_word":
        word = draw(st.sampled_from(sorted(ENGLISH_SCALE_WORDS)))
        scale, factor = f" {word}", ENGLISH_SCALE_WORDS[word]
    elif form == "abbreviation":
        word = draw(st.sampled_from(sorted(ENGLISH_ABBREVIATIONS)))
        scale, factor = word, ENGLISH_ABBREVIATIONS[word]
    else:
        scale, factor = "", 1
    value = float(numeral.value * factor)
    # Abbreviations are written after a symbol or code ("$2.5bn"), never before a word.
    placements = ("before",) if form == "abbreviation" else ("before", "after")
    if draw(st.sampled_from(placements)) == "before":
        currency = draw(st.sampled_from(sorted(ENGLISH_CURRENCIES_BEFORE)))
        return f"{currency}{written}{scale}", value, ENGLISH_CURRENCIES_BEFORE[currency]
    currency = draw(st.sampled_from(sorted(ENGLISH_CURRENCIES_AFTER)))
    return f"{written}{scale} {currency}", value, ENGLISH_CURRENCIES_AFTER[currency]


def _assert_one_amount(text: str, lang: str, value: float, code: str) -> None:
    figures = find_figures(text, lang)
    described = [(f.text, f.value, f.unit) for f in figures]
    assert len(figures) == 1, f"{text!r}: {described}"
    assert figures[0].value == pytest.approx(value, rel=1e-9), f"{text!r}: {described}"
    assert figures[0].unit == code, f"{text!r}: {described}"
    assert figures[0].value_max is None and figures[0].previous is None


@PROPERTY_SETTINGS
@given(french_amounts())
def test_any_french_amount_reads_back(amount: tuple[str, float, str]) -> None:
    written, value, code = amount
    _assert_one_amount(f"Le groupe a annoncé un montant de {written}.", "fr", value, code)


@PROPERTY_SETTINGS
@given(english_amounts())
def test_any_english_amount_reads_back(amount: tuple[str, float, str]) -> None:
    written, value, code = amount
    _assert_one_amount(f"The group announced an amount of {written}.", "en", value, code)


@PROPERTY_SETTINGS
@given(
    numerals(),
    st.sampled_from((*FRENCH_GROUP_SEPARATORS, "")),
    st.sampled_from(FRENCH_GROUP_SEPARATORS),  # the space before "%"
)
def test_any_french_percentage_reads_back(numeral: Numeral, separator: str, space: str) -> None:
    text = f"Une marge de {numeral.french(separator)}{space}%."
    figures = find_figures(text, "fr")
    assert [(f.value, f.unit) for f in figures] == [
        (pytest.approx(float(numeral.value), rel=1e-9), "%")
    ], text


@PROPERTY_SETTINGS
@given(numerals(), st.booleans())
def test_any_english_percentage_reads_back(numeral: Numeral, grouped: bool) -> None:
    text = f"A margin of {numeral.english(grouped)}%."
    figures = find_figures(text, "en")
    assert [(f.value, f.unit) for f in figures] == [
        (pytest.approx(float(numeral.value), rel=1e-9), "%")
    ], text


@PROPERTY_SETTINGS
@given(numerals(), st.sampled_from(FRENCH_GROUP_SEPARATORS))
def test_parse_number_round_trips_french(numeral: Numeral, separator: str) -> None:
    written = numeral.french(separator)
    assert parse_number(written, "fr") == pytest.approx(float(numeral.value), rel=1e-9)


@PROPERTY_SETTINGS
@given(numerals(), st.booleans())
def test_parse_number_round_trips_english(numeral: Numeral, grouped: bool) -> None:
    written = numeral.english(grouped)
    assert parse_number(written, "en") == pytest.approx(float(numeral.value), rel=1e-9)


# --- parse_number: fixed rows, both languages ---------------------------------

PARSE_ROWS = [
    ("fr", "1 234,5", 1234.5),
    ("fr", "1\u00a0234,5", 1234.5),
    ("fr", "1\u202f234,5", 1234.5),
    ("fr", "1,68", 1.68),
    ("fr", "1,234", 1.234),  # a decimal comma, not a thousands separator
    ("fr", "1 000 000", 1_000_000.0),
    ("fr", "0,5", 0.5),
    ("fr", "12", 12.0),
    ("en", "1,234.5", 1234.5),
    ("en", "1.68", 1.68),
    ("en", "1,234", 1234.0),
    ("en", "1,000,000", 1_000_000.0),
    ("en", "0.5", 0.5),
    ("en", "12", 12.0),
]


@pytest.mark.parametrize(("lang", "written", "value"), PARSE_ROWS, ids=str)
def test_parse_number(lang: str, written: str, value: float) -> None:
    assert parse_number(written, lang) == pytest.approx(value, rel=1e-12)


GARBAGE_ROWS = [
    ("en", "1,68"),  # French decimals in English must not become 168
    ("en", "1,2345"),
    ("en", "12,34"),
    ("en", "1.2.3"),
    ("en", "abc"),
    ("en", ""),
    ("fr", "1,2,3"),
    ("fr", "12 34"),
    ("fr", "abc"),
    ("fr", ""),
]


@pytest.mark.parametrize(("lang", "written"), GARBAGE_ROWS, ids=str)
def test_parse_number_rejects_garbage(lang: str, written: str) -> None:
    with pytest.raises(ValueError):
        parse_number(written, lang)
