"""Numerals as written in French and English, to floats.

Decimal comma vs point is the classic trap (``"1,68"`` is 1.68 in French and
nonsense in English, never 168), so parsing is strict: a numeral either follows
the language's grouping and decimal conventions exactly or raises ``ValueError``.
"""

from __future__ import annotations

import re
from functools import cache

from text_to_num import text2num

_MINUS_SIGNS = "-−–"
_SPACES = " \u00a0\u202f\u2009"


@cache
def numeral_pattern(lang: str) -> str:
    """Regex source for one numeral (no sign) in ``lang``'s conventions."""
    if lang == "fr":
        grouped_space = r"\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:,\d+)?"
        grouped_dot = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?"
        plain = r"\d+(?:[,.]\d+)?"
        return f"(?:{grouped_space}|{grouped_dot}|{plain})"
    grouped = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    plain = r"\d+(?:\.\d+)?|\.\d+"
    return f"(?:{grouped}|{plain})"


@cache
def _full_numeral(lang: str) -> re.Pattern[str]:
    return re.compile(rf"[{_MINUS_SIGNS}+]?{numeral_pattern(lang)}")


def parse_number(text: str, lang: str) -> float:
    """Parse one numeral written the ``lang`` way: ``"1 234,5"`` (fr), ``"1,234.5"`` (en).

    Raises ``ValueError`` for anything else, including an English ``"1,68"``.
    """
    raw = text.strip()
    if not _full_numeral(lang).fullmatch(raw):
        raise ValueError(f"not a {lang} numeral: {text!r}")
    sign = -1.0 if raw[0] in _MINUS_SIGNS else 1.0
    digits = raw.lstrip(_MINUS_SIGNS + "+")
    if lang == "fr":
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", digits):
            digits = digits.replace(".", "")
        for space in _SPACES:
            digits = digits.replace(space, "")
        digits = digits.replace(",", ".")
    else:
        digits = digits.replace(",", "")
    return sign * float(digits)


@cache
def _number_word_pattern(lang: str) -> re.Pattern[str]:
    words = _NUMBER_WORDS[lang]
    word = "|".join(sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:{word})(?:[\s-]+(?:et[\s-]+)?(?:{word}))*", re.IGNORECASE)


def parse_number_words(text: str, lang: str) -> float:
    """``"quatre"`` → 4, ``"vingt-cinq"`` → 25, ``"four"`` → 4 (via text2num)."""
    cleaned = " ".join(text.lower().split())
    try:
        return float(text2num(cleaned, lang))
    except ValueError as err:
        raise ValueError(f"not {lang} number words: {text!r}") from err


def number_words_regex(lang: str) -> str:
    """Regex source for a run of cardinal number words of ``lang``."""
    return _number_word_pattern(lang).pattern


# Cardinal words text2num understands; kept here (not in data) because they are the
# language's grammar, not domain vocabulary, and must agree with text2num itself.
_NUMBER_WORDS: dict[str, tuple[str, ...]] = {
    "fr": (
        "deux",
        "trois",
        "quatre",
        "cinq",
        "six",
        "sept",
        "huit",
        "neuf",
        "dix",
        "onze",
        "douze",
        "treize",
        "quatorze",
        "quinze",
        "seize",
        "vingt",
        "vingts",
        "trente",
        "quarante",
        "cinquante",
        "soixante",
        "cent",
        "cents",
        "mille",
        "un",
        "une",
    ),
    "en": (
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "thousand",
        "one",
    ),
}
