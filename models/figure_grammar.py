"""Compiled regular expressions of the figure layer, built once per language from data.

Everything language-specific (scale words, currency words, decline cues …) comes
from ``models/lang/<lang>/figures.json``; this module only turns those lists into
anchored patterns that ``models.figures`` applies around each numeral.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from models.lexicon import alternation, load_language_data
from models.numbers import number_words_regex, numeral_pattern

# Symbols and ISO codes are the same in every language; words are per language.
CURRENCY_SYMBOLS: dict[str, str] = {
    "US$": "USD", "NT$": "TWD", "HK$": "HKD", "C$": "CAD", "A$": "AUD", "S$": "SGD",
    "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW", "₹": "INR",
}  # fmt: skip
CURRENCY_CODES: tuple[str, ...] = (
    "USD", "EUR", "GBP", "JPY", "CHF", "CNY", "RMB", "TWD", "KRW", "HKD", "INR", "CAD",
    "AUD", "SEK", "NOK", "DKK", "SGD", "BRL",
)  # fmt: skip
CODE_ALIASES: dict[str, str] = {"RMB": "CNY"}

_LETTER = r"A-Za-zÀ-ÖØ-öø-ÿ"
_SAME_LINE = r"[^\S\n]"  # a space, a tab, a no-break space; never a line break
_NOT_LETTER = rf"(?![{_LETTER}0-9])"
# Single letters are scale words only next to a currency ("$30.9B", "97 M$").
_NEVER = r"(?!x)x"
_LETTER_SCALES = {"M", "B", "T", "m", "b", "k", "K"}


def _ci(source: str) -> str:
    return f"(?i:{source})"


@dataclass(frozen=True)
class FigureGrammar:
    lang: str
    numeral: re.Pattern[str]
    number_words: re.Pattern[str]
    vague_quantity: re.Pattern[str]
    prefix_currency: re.Pattern[str]
    compact_money: re.Pattern[str]
    scale: re.Pattern[str]
    currency_after: re.Pattern[str]
    currency_after_scale: re.Pattern[str]
    per_share: re.Pattern[str]
    per_unit: re.Pattern[str]
    percent: re.Pattern[str]
    points: re.Pattern[str]
    multiple: re.Pattern[str]
    spec: re.Pattern[str]
    count_noun: re.Pattern[str]
    # "158 millions de passagers": a scale, a joiner and a lower-case word that is no
    # currency (languages that join a scale to what it counts: French)
    scaled_noun: re.Pattern[str]
    minor_currency: re.Pattern[str]
    multiple_words: re.Pattern[str]
    approx_before: re.Pattern[str]
    decline_before: re.Pattern[str]
    decline_after: re.Pattern[str]
    loss_before: re.Pattern[str]
    range_between: re.Pattern[str]
    range_opener_before: re.Pattern[str]
    move_from_before: re.Pattern[str]
    counterpart_before: re.Pattern[str]
    move_verb_before: re.Pattern[str]
    reverse_move_between: re.Pattern[str]
    reverse_move_to_before: re.Pattern[str]
    rise_words: re.Pattern[str]
    level_before: re.Pattern[str]
    definite_before: re.Pattern[str]
    data: dict


@cache
def grammar(lang: str) -> FigureGrammar:
    data = load_language_data(lang, "figures")
    currency_words = dict(data["currency_words"])
    symbols = alternation(list(CURRENCY_SYMBOLS))
    codes = "|".join(CURRENCY_CODES)
    word_scales = {k: v for k, v in data["scales"].items() if k not in _LETTER_SCALES}
    letter_scales = [k for k in data["scales"] if k in _LETTER_SCALES]
    joiners = alternation(data["scale_currency_joiners"]) if data["scale_currency_joiners"] else ""
    word_currency = f"{_ci(alternation(currency_words))}{_NOT_LETTER}"
    currency_any = rf"(?P<cur>{symbols}|(?:{codes}){_NOT_LETTER}|{word_currency})"
    joiner_part = rf"(?:\s*(?:{joiners})\s*|\s+)" if joiners else r"\s*"
    word_scale = rf"(?P<scale>{_ci(alternation(word_scales))}){_NOT_LETTER}"
    letter_scale = (
        rf"(?P<lscale>{alternation(letter_scales)})(?=\s*(?:{symbols}|{codes})|{_NOT_LETTER})"
    )
    horizon_free = r"[\s\u00a0\u202f]?"
    units = data["spec_units"]
    count_nouns = _ci(alternation(data["count_nouns"]))
    vague = _ci(alternation(data["number_words_vague"]))
    approx = _ci(alternation(data["approx_before"]))
    minor_words = [w for w in data["minor_currency"] if len(w) > 1]
    minor_letters = alternation([w for w in data["minor_currency"] if len(w) == 1]) or _NEVER
    multiple_words = _ci(alternation(data["multiple_words"])) if data["multiple_words"] else _NEVER
    # up to two adjectives before a counted noun: "6.5 million high-end data-center GPUs"
    adjectives = (
        rf"(?:[a-z][a-z-]+{_SAME_LINE}+(?=(?:[a-z][a-z-]+{_SAME_LINE}+)?(?:{count_nouns})"
        rf"{_NOT_LETTER})){{0,2}}"
    )
    between_words = [c for c in data["range_connectors"] if c not in ("et", "and")]
    return FigureGrammar(
        lang=lang,
        numeral=re.compile(
            rf"(?<![{_LETTER}0-9.,/_])(?<![{_LETTER}]-)(?<!\d[ \u00a0\u202f])"
            rf"(?:(?<![^\s(\[«\"'’:;])(?P<sign>[+\-−])(?=\d))?"
            rf"(?P<num>{numeral_pattern(lang)})(?![0-9])"
        ),
        number_words=re.compile(rf"(?<![{_LETTER}\-])(?:{number_words_regex(lang)}){_NOT_LETTER}"),
        vague_quantity=re.compile(rf"(?<![{_LETTER}])(?:{vague}){_NOT_LETTER}"),
        # "$(0.67)" is a negative; "Md$ (+46 %)" is not a prefix (the symbol ends a word).
        prefix_currency=re.compile(rf"(?<![{_LETTER}0-9$€£¥])(?:{symbols}|(?:{codes}))(?:\(|\s)?$"),
        compact_money=re.compile(
            rf"{horizon_free}(?P<compact>{alternation(data['compact_money'])}){_NOT_LETTER}"
            if data["compact_money"]
            else r"(?!x)x"
        ),
        scale=re.compile(rf"{horizon_free}(?:{word_scale}|{letter_scale})"),
        currency_after=re.compile(rf"\s*{currency_any}"),
        scaled_noun=re.compile(rf"\s*(?:{joiners})\s*[a-zà-öø-ÿ]" if joiners else _NEVER),
        currency_after_scale=re.compile(rf"{joiner_part}{currency_any}"),
        per_share=re.compile(rf"\s*(?:{_ci(alternation(data['per_share']))}){_NOT_LETTER}"),
        # "69,1 $/b", "$60 a barrel": the price of one unit of a commodity
        per_unit=re.compile(
            rf"\s*(?P<per>{_ci(alternation(data['per_unit']))}){_NOT_LETTER}"
            if data["per_unit"]
            else _NEVER
        ),
        percent=re.compile(
            rf"{horizon_free}(?:%|{_ci(alternation(data['percent']))}{_NOT_LETTER})"
        ),
        points=re.compile(rf"\s?(?P<pts>{_ci(alternation(data['points']))}){_NOT_LETTER}"),
        multiple=re.compile(
            rf"(?:\s?[x×](?![{_LETTER}0-9])|\s(?:{_ci(alternation(data['multiples']))}){_NOT_LETTER})"
        ),
        spec=re.compile(rf"[\s\u00a0\u202f-]?(?P<spec>{alternation(units)})(?![{_LETTER}])"),
        # "100,000 H100 GPUs", "131 000 MI355X": a model name may stand before the noun
        # or be the thing counted.
        # never across a line break: "— 29 September 2025\n\nFactories installed …"
        count_noun=re.compile(
            rf"(?:{_SAME_LINE}*(?:{joiners}){_SAME_LINE}*|{_SAME_LINE}+){adjectives}"
            rf"(?:(?P<model>[A-Z][A-Za-z]*\d[\w-]*){_SAME_LINE}*)?"
            rf"(?:(?P<noun>{count_nouns}){_NOT_LETTER}|(?<=\w)(?<![a-z]\d)(?=[\s,.;)]))"
            if joiners
            else rf"{_SAME_LINE}+{adjectives}"
            rf"(?:(?P<model>[A-Z][A-Za-z]*\d[\w-]*){_SAME_LINE}*)?"
            rf"(?:(?P<noun>{count_nouns}){_NOT_LETTER}|(?<=\w)(?<![a-z]\d)(?=[\s,.;)]))"
        ),
        # "42 cents", "23.6p": money in a currency's hundredths.
        minor_currency=re.compile(
            rf"(?:\s(?P<word>{_ci(alternation(minor_words))})|(?P<letter>{minor_letters})){_NOT_LETTER}"
        ),
        multiple_words=re.compile(rf"(?<![{_LETTER}])(?:{multiple_words}){_NOT_LETTER}"),
        approx_before=re.compile(rf"(?:^|(?<=[\s(\[«\"'’]))(?:{approx})\s*$"),
        # "recule toutefois de 23 %", "baisse du chiffre d'affaires de 20 %": a few words
        # may stand between the cue and its figure.
        decline_before=re.compile(
            rf"(?<![{_LETTER}])(?:{_ci(alternation(data['decline_before']))})"
            rf"(?:\s+[{_LETTER}'’]+){{0,4}}?\s*(?:(?:{_ci(alternation(data['decline_joiners']))})\s*)?"
            rf"(?:(?:{approx})\s*)?$"
        ),
        decline_after=re.compile(
            rf"^\s*(?:{_ci(alternation(data['decline_after']))}){_NOT_LETTER}"
        ),
        loss_before=re.compile(
            rf"(?<![{_LETTER}])(?:{_ci(alternation(data['loss_before']))})\s*(?:(?:{approx})\s*)?$"
        ),
        range_between=re.compile(
            rf"^\s*(?:{alternation(between_words)})\s*$|^\s*(?P<and>et|and)\s+$"
        ),
        range_opener_before=re.compile(
            rf"(?<![{_LETTER}])(?:{_ci(alternation(data['range_openers']))})\s+(?:{approx}\s*)?$"
        ),
        move_from_before=re.compile(rf"(?<![{_LETTER}])(?:{alternation(data['move_from'])})\s*$"),
        # "306 avions, contre 323 un an plus tôt": the compared number counts the same thing
        counterpart_before=re.compile(
            rf"(?<![{_LETTER}])(?:{_ci(alternation(data['counterpart_before']))})\s+(?:(?:{approx})\s+)?$"
        ),
        move_verb_before=re.compile(
            rf"(?<![{_LETTER}])(?:{_ci(alternation(data['move_verbs']))})(?![{_LETTER}])"
        ),
        # "to $300 from $170", "à 1 000 € (contre 790 €)": a move only after a revision verb
        # (see _relation); without one, French "contre" merely compares
        reverse_move_between=re.compile(
            rf"^\s*,?\s*\(?\s*(?:{_ci(alternation(data['reverse_move_between']))})\s*$"
        ),
        reverse_move_to_before=re.compile(
            rf"(?<![{_LETTER}])(?:{_ci(alternation(data['reverse_move_to']))})\s*$"
        ),
        rise_words=re.compile(
            rf"(?<![{_LETTER}])(?:{_ci(alternation(data['rise_words']))}){_NOT_LETTER}"
        ),
        level_before=re.compile(
            rf"(?<![{_LETTER}])(?:{_ci(alternation(data['level_before']))})\s*$"
        ),
        definite_before=re.compile(
            rf"(?<![{_LETTER}])(?:{_ci(alternation(data['definite_determiners']))})\s+$"
        ),
        data=data,
    )


def currency_code(token: str, lang: str) -> str:
    """ISO 4217 code of a currency token (symbol, code or word of ``lang``)."""
    if token in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[token]
    upper = token.upper()
    if upper in CURRENCY_CODES:
        return CODE_ALIASES.get(upper, upper)
    words = load_language_data(lang, "figures")["currency_words"]
    folded = " ".join(token.split()).lower()
    for word, code in words.items():
        if word.lower() == folded:
            return code
    raise KeyError(token)
