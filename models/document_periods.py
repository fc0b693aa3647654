"""The periods a report speaks of as a whole: the period it is about (headline, lede,
dateline, most-named quarter), its year, and which quarters it names only as outlook.

Split from ``document_facts`` so that module keeps the placing of each figure.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import cache

from models.assign import resolve_partial
from models.lexicon import alternation, load_language_data
from models.periods import CURRENT, date_partial, period_kind, year_of_partial
from models.schema import PeriodMention
from models.sentences import paragraph_spans

LEDE_CHARS = 400
_OUTLOOK_BEFORE = 90  # chars from an outlook cue to the period it governs
_OUTLOOK_AFTER = 40


class SentenceLookup:
    """The sentence holding a position, by bisection over the sentence starts."""

    def __init__(self, sentences: list[tuple[int, int]]) -> None:
        self.sentences = sentences
        self.starts = [start for start, _ in sentences]

    def get(self, position: int, default: tuple[int, int]) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, position) - 1
        if i >= 0 and position < self.sentences[i][1]:
            return self.sentences[i]
        return default


def is_outlook(
    position: int,
    length: int,
    forward: list[tuple[int, int]],
    sentence_of: SentenceLookup | None,
) -> bool:
    """Whether a period at ``position`` is governed by an outlook cue close before it in
    its sentence ("forecast third-quarter revenue", "outlook for the fourth quarter") or
    just after it ("For the third quarter, Intel forecast …")."""
    s0, s1 = sentence_of.get(position, (0, length)) if sentence_of else (0, length)
    return any(
        s0 <= c0 and c1 <= s1
        and (0 <= position - c1 <= _OUTLOOK_BEFORE or 0 <= c0 - position <= _OUTLOOK_AFTER)
        for c0, c1 in forward
    )  # fmt: skip


def date_current_period(
    text: str,
    lang: str,
    partials: list[tuple[int, int, str]],
    periods: list[PeriodMention],
    document_period: str | None,
    forward: list[tuple[int, int]],
    sentence_of: SentenceLookup,
) -> tuple[list[tuple[int, int, str]], list[PeriodMention]]:
    """ "in the quarter" is the last quarter reported earlier in its paragraph (a
    paragraph about a rival's fiscal quarter), not one it gives as outlook; without one,
    it stays the document's own period (resolved later)."""
    starts = [s for s, _ in paragraph_spans(text)]
    words = load_language_data(lang, "periods")
    kept, dated = [], []
    for s, e, label in partials:
        if label != CURRENT:
            kept.append((s, e, label))
            continue
        p0 = starts[max(0, bisect.bisect_right(starts, s) - 1)] if starts else 0
        phrase = text[s:e].lower()
        kinds = ("H" if any(w in phrase for w in words["half_words"]) else "") + (
            "Q" if any(w in phrase for w in words["quarter_words"]) else ""
        )
        earlier = [p for p in periods if p0 <= p.start < s]
        earlier += [
            PeriodMention(resolve_partial(lbl, ps, periods, document_period) or "", ps, pe, lbl)
            for ps, pe, lbl in partials
            if p0 <= ps < s and lbl != CURRENT and not lbl.startswith("M")
        ]
        reported = [
            p for p in sorted(earlier, key=lambda p: p.start)
            if p.period and period_kind(p.period) in (kinds or "QH")
            and not p.horizon and not p.comparison
            and not is_outlook(p.start, len(text), forward, sentence_of)
        ]  # fmt: skip
        if reported and reported[-1].period != document_period:
            dated.append(PeriodMention(reported[-1].period, s, e, text[s:e]))
        else:
            kept.append((s, e, label))
    return kept, sorted(periods + dated, key=lambda p: p.start)


def dateline_year_of(text: str, periods: list[PeriodMention]) -> int | None:
    """The year of the date a report opens with ("SEOUL, Oct 29, 2025 —")."""
    for p in periods:
        if p.start < LEDE_CHARS and re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", p.period):
            return int(p.period[:4])
    return None


def document_period_of(
    text: str,
    lang: str,
    periods: list[PeriodMention],
    partials: list[tuple[int, int, str]],
    forward: list[tuple[int, int]] = (),  # type: ignore[assignment]
    sentence_of: SentenceLookup | None = None,
) -> str | None:
    """The period a report is about: the quarter or half it names most, counting the
    headline and lede twice (reports open with their own period); quarters named
    without a year ("first-half profit") are dated by the dateline (a fourth quarter
    reported in February is last year's). A report whose headline names only a year
    and says it is annual is about that year. A period named in an outlook sentence
    ("forecast third-quarter revenue") is the next period, not the report's own: it
    votes only when no reported period is named."""

    def outlook(position: int) -> bool:
        return is_outlook(position, len(text), forward, sentence_of)

    lede_end = min(len(text), LEDE_CHARS)
    years = [p.period[:4] for p in periods if p.period[:4].isdigit()]
    dateline = next((p for p in periods if (p.start < lede_end and p.period.count("-") >= 1
                     and period_kind(p.period) == "M") or (p.period.count("-") == 2
                     and p.start < lede_end)), None)  # fmt: skip
    ranked: Counter[str] = Counter()
    for p in periods:
        if period_kind(p.period) in "QH" and not p.horizon and not p.comparison:
            weight = 2 if p.start < lede_end else 1
            ranked[p.period] += weight / 100 if outlook(p.start) else weight
    for start, _, label in partials:
        if label.startswith("M") or label == CURRENT:
            continue  # months name moments; "in the quarter" names no quarter by itself
        year = year_of_partial(label, dateline, years)
        if year:
            weight = 2 if start < lede_end else 1
            ranked[f"{year}-{label}"] += weight / 100 if outlook(start) else weight
    headline = text[: text.find("\n")] if "\n" in text else text[:LEDE_CHARS]
    headline_months = [label for start, _, label in partials
                       if start < len(headline) and label.startswith("M")]  # fmt: skip
    if headline_months and not any(p.start < len(headline) for p in periods
                                   if period_kind(p.period) in "QH"):  # fmt: skip
        # "TSMC October revenue climbs": a monthly report is about its month
        year = year_of_partial(headline_months[0], dateline, years)
        if year:
            return date_partial(str(year), headline_months[0])
    annual = _annual_words(lang).search(headline)
    headline_years = [p.period for p in periods if p.start < len(headline) and p.period.isdigit()]
    # "… sur l'exercice 2024/25": a fiscal year is a year of accounts, annual by itself
    headline_fiscal = [p.period for p in periods
                       if p.start < len(headline) and _FISCAL_YEAR.fullmatch(p.period)]  # fmt: skip
    whole_years = headline_years if annual else []
    if (whole_years or headline_fiscal) and not any(
        p.start < len(headline) for p in periods if period_kind(p.period) in "QH"
    ):
        return (whole_years or headline_fiscal)[0]
    return ranked.most_common(1)[0][0] if ranked else None


_FISCAL_YEAR = re.compile(r"FY\d{4}")


@cache
def _annual_words(lang: str) -> re.Pattern[str]:
    words = alternation(load_language_data(lang, "periods")["annual_words"])
    return re.compile(rf"(?<![\w])(?:{words})(?![\w])", re.IGNORECASE)
