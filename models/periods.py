"""Periods named in a text, normalized per ``spec/FACTS.md``.

``T2 2025`` / ``Q2 2025`` / ``deuxième trimestre 2025`` → ``2025-Q2``; ``second
semestre 2025`` / ``H2 2025`` → ``2025-H2``; ``troisième trimestre de l'exercice 2026``
→ ``FY2026-Q3``; ``d'ici 2029`` / ``by 2029`` → ``2029`` (a horizon). The words
come from ``models/lang/<lang>/periods.json``; the shapes are shared.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from models.lexicon import alternation, load_language_data
from models.schema import PeriodMention

_YEAR4 = r"(?:19|20)\d{2}"
_YEAR = rf"(?:{_YEAR4}|['’]?\d{{2}}(?![\d%]))"
_END = r"(?:[eE](?![\w%]))?(?![\w%])"  # "2026e", "FY26E": a broker's estimate year
_START = r"(?<![\w/\-])"
_COMPARISON_REACH = 45  # chars before a period or figure searched for "compared with …"

Builder = Callable[[re.Match[str]], tuple[str, bool] | None]


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    build: Builder


def _year(raw: str) -> int:
    digits = raw.lstrip("'’")
    return int(digits) if len(digits) == 4 else 2000 + int(digits)


def _ordinal(words: dict[str, int], raw: str) -> int:
    return words[raw.lower()]


@cache
def _rules(lang: str) -> tuple[_Rule, ...]:
    d = load_language_data(lang, "periods")
    ords = d["ordinals"]
    ordinal = f"(?P<ord>(?i:{alternation(ords)}))"
    quarter = f"(?i:{alternation(d['quarter_words'])})"
    half = f"(?i:{alternation(d['half_words'])})"
    fiscal = f"(?i:{alternation(d['fiscal_words'])})"
    links = f"(?i:{alternation([x for x in d['year_links'] if x])})"
    q_abbr = "|".join(d["quarter_abbrev"])
    h_abbr = "|".join(d["half_abbrev"])
    months = f"(?P<month>(?i:{alternation(d['months'])}))"
    horizon = f"(?i:{alternation(d['horizon_before'])})"
    paren_abbr = rf"(?:\s*\((?:{q_abbr}|{h_abbr})[1-4]\))?"

    fiscal_inside = re.compile(fiscal)

    def fy(m: re.Match[str]) -> str:
        # "de l'exercice 2026" is a link word that is itself fiscal; so is "FQ2 2026"
        fiscal_abbrev = m.group(0)[:2].upper() == "FQ"
        return "FY" if m.group("fy") or fiscal_inside.search(m.group(0)) or fiscal_abbrev else ""

    def quarter_of(m: re.Match[str]) -> tuple[str, bool]:
        n = (
            m.group("q")
            if "q" in m.groupdict() and m.group("q")
            else _ordinal(ords, m.group("ord"))
        )
        year = _year(m.group("year"))
        prefix = fy(m)
        return (f"FY{year}-Q{n}" if prefix else f"{year}-Q{n}"), False

    def half_of(m: re.Match[str]) -> tuple[str, bool]:
        n = (
            m.group("h")
            if "h" in m.groupdict() and m.group("h")
            else _ordinal(ords, m.group("ord"))
        )
        if int(n) > 2:
            return None  # type: ignore[return-value]
        year = _year(m.group("year"))
        return (f"FY{year}-H{n}" if fy(m) else f"{year}-H{n}"), False

    def month_of(m: re.Match[str]) -> tuple[str, bool]:
        month = d["months"][m.group("month").lower()]
        day = m.groupdict().get("day")
        base = f"{_year(m.group('year'))}-{month:02d}"
        return (f"{base}-{int(day):02d}" if day else base), False

    def fiscal_year(m: re.Match[str]) -> tuple[str, bool]:
        year = _year(m.group("year2") or m.group("year"))
        return f"FY{year}", False

    def plain_year(m: re.Match[str], horizon_: bool = False) -> tuple[str, bool]:
        return str(_year(m.group("year"))), horizon_

    rules = [
        # "T3 de l'exercice 2026", "Q3 FY2026", "Q2 2025", "Q2'25"
        rf"{_START}(?:{q_abbr})(?P<q>[1-4])(?:\s+|\s*(?=['’]))(?:{links}\s+)?(?P<fy>{fiscal})?\s*(?P<year>{_YEAR}){_END}",
        # "troisième trimestre (T3) de l'exercice 2026", "third quarter of fiscal 2026"
        rf"{_START}(?P<fy0>{fiscal}\s+)?{ordinal}[\s-]+{quarter}{paren_abbr}(?:\s+{links})?\s*(?P<fy>{fiscal})?\s*(?P<year>{_YEAR4}){_END}",
        # "fiscal 2026 third quarter"
        rf"{_START}(?P<fy>{fiscal})\s*(?P<year>{_YEAR})\s+{ordinal}[\s-]+{quarter}{_END}",
        # "2Q25", "3QFY26", "4QCY25", and "F2Q26" (fiscal)
        rf"{_START}(?P<fyx>F)?(?P<q>[1-4])Q(?:(?P<fy>FY)|CY)?(?P<year>\d{{2}}|{_YEAR4}){_END}",
    ]
    half_rules = [
        # "1H25", "2HFY26"
        rf"{_START}(?P<h>[12])H(?:(?P<fy>FY)|CY)?(?P<year>\d{{2}}|{_YEAR4}){_END}",
        rf"{_START}(?:{h_abbr})(?P<h>[12])(?:\s+|\s*(?=['’]))(?:{links}\s+)?(?P<fy>{fiscal})?\s*(?P<year>{_YEAR}){_END}",
        rf"{_START}{ordinal}[\s-]+{half}{paren_abbr}(?:\s+{links})?\s*(?P<fy>{fiscal})?\s*(?P<year>{_YEAR4}){_END}",
    ]
    built: list[_Rule] = []
    for source in rules:
        pattern = re.compile(source.replace("(?P<fy0>", "(?P<fyx>"))
        built.append(_Rule(pattern, _with_leading_fiscal(quarter_of)))
    for source in half_rules:
        built.append(_Rule(re.compile(source), half_of))
    fiscal_source = (
        rf"{_START}(?P<fy>{fiscal})\s*(?P<year>{_YEAR})(?:\s*[/\-–]\s*(?P<year2>{_YEAR}))?{_END}"
    )
    built.append(_Rule(re.compile(fiscal_source), fiscal_year))
    # "l'exercice qui se clôt en mars 2026", "fiscal year ending January 2026": a fiscal
    # year is named after the calendar year it ends in
    ending = f"(?i:{alternation(d['fiscal_ending'])})"
    day_first_part = r"(?:[0-3]?\d(?:er|st|nd|rd|th)?\s+)?"
    fiscal_ending_source = (
        rf"{_START}(?P<fy>{fiscal})\s+{ending}\s+{day_first_part}(?:{months}\.?\s+)?"
        rf"(?:[0-3]?\d,?\s+)?(?P<year>{_YEAR4}){_END}"
    )
    built.append(
        _Rule(re.compile(fiscal_ending_source), lambda m: (f"FY{_year(m.group('year'))}", False))
    )
    # "CY2026 EPS", "calendar 2026": a calendar year where fiscal years are about
    calendar = f"(?:{alternation(d['calendar_words'])})"
    calendar_source = rf"{_START}{calendar}\s*(?P<year>{_YEAR}){_END}"
    built.append(_Rule(re.compile(calendar_source), plain_year))
    # "30 juillet 2025", "30 July 2025"; and in English also "July 30, 2025"
    ordinal_suffix = "(?:er|st|nd|rd|th)?"
    day_first = rf"{_START}(?P<day>[0-3]?\d){ordinal_suffix}\s+{months}\s+(?P<year>{_YEAR4}){_END}"
    built.append(_Rule(re.compile(day_first), month_of))
    if lang == "en":
        month_first = (
            rf"{_START}{months}\s+(?P<day>[0-3]?\d){ordinal_suffix},?\s+(?P<year>{_YEAR4}){_END}"
        )
        built.append(_Rule(re.compile(month_first), month_of))
    built.append(_Rule(re.compile(rf"{_START}{months}\s+(?P<year>{_YEAR4}){_END}"), month_of))
    horizon_source = rf"{_START}(?:{horizon})\s+(?P<year>{_YEAR4}){_END}"
    built.append(_Rule(re.compile(horizon_source), lambda m: plain_year(m, True)))
    year_source = (
        rf"(?<![\w/\-.,\u00a0\u202f])(?<!\d )(?P<year>{_YEAR4})(?:[eE](?![\w%]))?"
        rf"(?![\w%/\-]|[ \u00a0\u202f]\d)"
    )
    built.append(_Rule(re.compile(year_source), plain_year))
    return tuple(built)


def _with_leading_fiscal(build: Callable[[re.Match[str]], tuple[str, bool]]) -> Builder:
    """ "fiscal third quarter 2026": the fiscal word may stand before the ordinal."""

    def wrapped(m: re.Match[str]) -> tuple[str, bool] | None:
        period, horizon = build(m)
        if m.groupdict().get("fyx") and not period.startswith("FY"):
            period = "FY" + period
        return period, horizon

    return wrapped


def find_periods(text: str, lang: str) -> list[PeriodMention]:
    """Every complete period (with a year) named in ``text``, longest reading first."""
    candidates: list[PeriodMention] = []
    for rule in _rules(lang):
        for m in rule.pattern.finditer(text):
            built = rule.build(m)
            if built is None:
                continue
            period, horizon = built
            candidates.append(PeriodMention(period, m.start(), m.end(), m.group(0), horizon))
    candidates.sort(key=lambda p: (p.start, -(p.end - p.start)))
    chosen: list[PeriodMention] = []
    comparison = _comparison_before(lang)
    for cand in candidates:
        if chosen and cand.start < chosen[-1].end:
            continue
        before = max(0, cand.start - _COMPARISON_REACH)
        cand.comparison = bool(
            comparison.search(text, before, cand.start)
            or _BRACKETED_FIGURE_BEFORE.search(text, before, cand.start)
        )
        chosen.append(cand)
    return chosen


# "… soit 10,7 % du chiffre d'affaires (10,4 % au S1 2024)": a figure and its period in
# brackets after another figure give the comparison, not the period of what follows
_BRACKETED_FIGURE_BEFORE = re.compile(r"\([^()]*\d[^()]*$")


_STATEMENT_REACH = 25  # chars before a period searched for "the range it gave in"


def dates_a_statement(text: str, start: int, lang: str) -> bool:
    """Whether the period at ``start`` dates when something was said ("the range it gave
    in July", "annoncé en juillet"), not a figure."""
    return bool(_statement_before(lang).search(text, max(0, start - _STATEMENT_REACH), start))


@cache
def _statement_before(lang: str) -> re.Pattern[str]:
    words = alternation(load_language_data(lang, "periods")["statement_before"])
    return re.compile(rf"(?<![\w])(?:{words})\s*$", re.IGNORECASE)


def is_comparison_point(text: str, position: int, lang: str) -> bool:
    """Whether what starts at ``position`` follows a comparison cue ("contre 1,04 €")."""
    return bool(
        _comparison_before(lang).search(text, max(0, position - _COMPARISON_REACH), position)
    )


@cache
def _comparison_before(lang: str) -> re.Pattern[str]:
    words = alternation(load_language_data(lang, "periods")["comparison_before"])
    # the cue, then at most a few words ("contre 1,04 € au", "from $19.31 billion in the")
    return re.compile(rf"(?i:(?<![\w])(?:{words}))(?:\s+\S+){{0,4}}?\s+(?:\S+\s+)?$")


@cache
def _in_a_row(lang: str) -> re.Pattern[str]:
    words = alternation(load_language_data(lang, "periods")["in_a_row"])
    return re.compile(rf"\s+(?:{words})(?![\w])", re.IGNORECASE)


@cache
def _partial_pattern(lang: str) -> re.Pattern[str]:
    d = load_language_data(lang, "periods")
    q_abbr = "|".join(d["quarter_abbrev"])
    h_abbr = "|".join(d["half_abbrev"])
    ordinal = f"(?P<ord>(?i:{alternation(d['ordinals'])}))"
    quarter = f"(?P<qw>(?i:{alternation(d['quarter_words'])}))"
    half = f"(?P<hw>(?i:{alternation(d['half_words'])}))"
    # Months without a year are left out: "six months to the end of June" or "since
    # April" name a moment, far more often than the period of a figure.
    return re.compile(
        rf"{_START}(?:(?:{q_abbr})(?P<q>[1-4])|(?:{h_abbr})(?P<h>[12])"
        rf"|{ordinal}[\s-]+(?:{quarter}|{half})){_END}"
    )


@cache
def _partial_before(lang: str) -> frozenset[str]:
    words = load_language_data(lang, "periods")["partial_before"]
    return frozenset(w.split()[-1].lower() for w in words)


def find_partial_periods(
    text: str, lang: str, full: list[PeriodMention] | None = None
) -> list[tuple[int, int, str]]:
    """Quarters and halves named without a year (``au T2``): ``(start, end, "Q2"|"H1")``.

    Their year comes from context (paragraph or document), so the assigner resolves them.
    ``full`` is ``find_periods(text, lang)`` when the caller has it already.
    """
    full = find_periods(text, lang) if full is None else full
    found = []
    for m in _current_period(lang).finditer(text):
        found.append((m.start(), m.end(), CURRENT))  # "in the quarter": the report's own
    for m in _partial_pattern(lang).finditer(text):
        if any(p.start <= m.start() < p.end for p in full):
            continue
        if m.group("ord"):
            hyphenated = "-" in m.group(0)
            before = text[max(0, m.start() - 30) : m.start()].lower().split()
            # "in the third quarter", and "a strong third quarter": one adjective may
            # stand between the little word and the ordinal
            introduced = bool(before) and (
                before[-1] in _partial_before(lang)
                or (len(before) >= 2 and before[-2] in _partial_before(lang)
                    and before[-1].isalpha())
                or _named_owner(text, m.start(), lang)
            )  # fmt: skip
            if not hyphenated and not introduced:
                continue  # "the company's first quarter above …" names no period
            if _in_a_row(lang).match(text, m.end()):
                continue  # "profitable for a second quarter in a row" counts, names no period
            n = load_language_data(lang, "periods")["ordinals"][m.group("ord").lower()]
            if m.group("hw") and n > 2:
                continue
            label = f"Q{n}" if m.group("qw") else f"H{n}"
        else:
            label = f"Q{m.group('q')}" if m.group("q") else f"H{m.group('h')}"
        found.append((m.start(), m.end(), label))
    found += _month_partials(text, lang, full)
    return sorted(found)


def _month_partials(text: str, lang: str, full: list[PeriodMention]) -> list[tuple[int, int, str]]:
    """Months named as a figure's period ("October revenue", "en octobre", "ventes
    d'octobre"), not as a moment ("since April", "à fin juin") nor a day ("October 26")."""
    d = load_language_data(lang, "periods")
    before, after, not_after = _month_context(lang)
    found = []
    for m in _month_pattern(lang).finditer(text):
        if any(p.start <= m.start() < p.end for p in full):
            continue
        if d["month_capitalized"] and not m.group(0)[0].isupper():
            continue  # "revenue may fall": the modal, not the month
        if re.match(r"\s*\d", text[m.end() : m.end() + 3]):
            continue  # a day without its year
        preceding = text[max(0, m.start() - 30) : m.start()]
        if not_after.search(preceding):
            continue
        if before.search(preceding) or after.match(text, m.end()):
            found.append((m.start(), m.end(), f"M{d['months'][m.group(0).lower()]:02d}"))
    return found


@cache
def _month_pattern(lang: str) -> re.Pattern[str]:
    months = alternation(list(load_language_data(lang, "periods")["months"]))
    return re.compile(rf"(?i:{_START}(?:{months}){_END})")


@cache
def _month_context(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    d = load_language_data(lang, "periods")

    def ending(words: list[str]) -> re.Pattern[str]:
        # "ventes d'octobre", "TSMC's October": a word ending in an apostrophe sticks
        glued = [w for w in words if w[-1] in "'’" or w[0] in "'’"]
        spaced = [w for w in words if w not in glued]
        parts = [rf"(?<![\w])(?:{alternation(spaced)})\s+$"] if spaced else []
        parts += [rf"(?:{alternation(glued)})$"] if glued else []
        return re.compile("|".join(parts) or r"(?!x)x", re.IGNORECASE)

    after = d["month_after"]
    following = (
        re.compile(rf"\s+(?:{alternation(after)})(?![\w])", re.IGNORECASE)
        if after
        else re.compile(r"(?!x)x")
    )
    return ending(d["month_before"]), following, ending(d["month_not_after"])


CURRENT = "Q0"  # label of "in the quarter" / "au trimestre": the document's own period


@cache
def _current_period(lang: str) -> re.Pattern[str]:
    phrases = load_language_data(lang, "periods")["current_period"]
    return re.compile(rf"(?i:(?<![\w])(?:{alternation(phrases)})(?![\w]))")


def year_of_partial(
    label: str,
    dateline: PeriodMention | None,
    years: list[str] = (),  # type: ignore[assignment]
) -> int | None:
    """The year of a quarter, half or month named without one: the nearest to the
    dateline (a fourth quarter reported in February is last year's, a third quarter
    announced in June this year's, a December sales report dated January last year's);
    without a dateline, the first year the report names."""
    if dateline is None:
        return int(years[0]) if years else None
    year, month = int(dateline.period[:4]), int(dateline.period[5:7])
    last_month = int(label[1:]) * {"Q": 3, "H": 6, "M": 1}[label[0]]
    return min((year - 1, year, year + 1), key=lambda y: abs((y - year) * 12 + last_month - month))


def date_partial(year_prefix: str, label: str) -> str:
    """``("2025", "Q3")`` → ``2025-Q3``; ``("FY2026", "Q3")`` → ``FY2026-Q3``;
    ``("2025", "M10")`` → ``2025-10`` (a month is always calendar)."""
    if label.startswith("M"):
        return f"{year_prefix[-4:]}-{label[1:]}"
    return f"{year_prefix}-{label}"


def period_kind(period_or_label: str) -> str:
    """``Q``, ``H`` or ``M`` for a sub-annual period or label; ``Y`` otherwise."""
    tail = period_or_label.split("-")[-1] if "-" in period_or_label else period_or_label
    if tail[:1] in ("Q", "H", "M"):
        return tail[:1]
    return "M" if period_or_label.count("-") == 1 and tail.isdigit() else "Y"


_PERIOD_YEAR = re.compile(r"^(?:FY)?(\d{4})")


def period_year(period: str | None) -> int | None:
    """The (fiscal) year a period falls in: 2025 for "2025-Q3", "FY2025" or "2025-09"."""
    match = _PERIOD_YEAR.match(period or "")
    return int(match.group(1)) if match else None


@cache
def _possessive(lang: str) -> re.Pattern[str] | None:
    endings = load_language_data(lang, "periods")["possessive_endings"]
    return re.compile(rf"\w(?:{alternation(endings)})$") if endings else None


def _named_owner(text: str, start: int, lang: str) -> bool:
    """Whether a name's possessive stands right before ``start``: "Intuitive's third
    quarter" is its quarter, but "the company's first quarter above …" names none."""
    possessive = _possessive(lang)
    before = text[max(0, start - 30) : start].split()
    return (
        possessive is not None
        and bool(before)
        and before[-1][:1].isupper()
        and possessive.search(before[-1]) is not None
    )


_RELATIVE_REACH = 60  # chars after a figure searched for "a year earlier"


@dataclass(frozen=True)
class RelativeShift:
    """A figure dated against the report's own period: "25.6% a year earlier" is the
    same period one year back, "contre 72,7 % au trimestre précédent" one quarter back."""

    unit: str  # "Y", "Q" or "H"
    steps: int
    text: str


@cache
def _relative_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    d = load_language_data(lang, "periods")
    phrase = re.compile(rf"(?i:(?<![\w])(?:{alternation(d['relative_periods'])})(?![\w]))")
    links = alternation(d["relative_links"])
    # only punctuation and a few little words may stand between figure and phrase
    filler = re.compile(rf"(?i:[\s,()\u00a0\u202f]*(?:(?:{links})[\s,\u00a0\u202f]+)*)")
    return phrase, filler


def relative_shift(
    text: str,
    figure_end: int,
    limit: int,
    other_figures: list[tuple[int, int]],
    lang: str,
    *,
    period_of_only: bool = False,
) -> RelativeShift | None:
    """The shift named right after a figure ("$(1.6) billion, or $(0.38) per share, a year
    ago", "contre 1,9 milliard un an plus tôt"); None when other words intervene ("flat
    from a year earlier" dates no figure before it). With ``period_of_only`` (a growth),
    only a period the figure is of counts ("growth of 2.3% in the same period last
    year"), not the base it is measured against ("up 5% on a year earlier")."""
    phrase, filler = _relative_patterns(lang)
    m = phrase.search(text, figure_end, min(limit, figure_end + _RELATIVE_REACH))
    if m is None:
        return None
    between = text[figure_end : m.start()]
    for start, end in sorted(other_figures, reverse=True):
        if figure_end <= start and end <= m.start():
            # "$(1.6) billion, or $(0.38) per share, a year ago": both figures are dated
            between = between[: start - figure_end] + " " + between[end - figure_end :]
    if not filler.fullmatch(between):
        return None
    data = load_language_data(lang, "periods")
    if period_of_only and not set(between.lower().split()) & set(data["relative_period_of"]):
        return None
    code = data["relative_periods"][_fold_phrase(m.group(0))]
    return RelativeShift(code[0], int(code[1:]), m.group(0))


def _fold_phrase(phrase: str) -> str:
    return " ".join(phrase.split()).lower()


def shift_period(period: str, shift: RelativeShift) -> str | None:
    """``2025-Q2`` a year back is ``2024-Q2``; ``FY2026-Q3`` a quarter back ``FY2026-Q2``;
    None when the shift does not fit the period (a quarter back from a year)."""
    prefix = "FY" if period.startswith("FY") else ""
    body = period[len(prefix) :]
    year, _, tail = body.partition("-")
    if not year.isdigit():
        return None
    if shift.unit == "Y":
        return f"{prefix}{int(year) - shift.steps}{'-' + tail if tail else ''}"
    if not tail or tail[0] != shift.unit:
        return None
    per_year = 4 if shift.unit == "Q" else 2
    index = int(year) * per_year + int(tail[1:]) - 1 - shift.steps
    return f"{prefix}{index // per_year}-{shift.unit}{index % per_year + 1}"


FULL_YEAR = "YF"  # "full-year", "sur l'ensemble de l'exercice": the year the report is in
THIS_YEAR = "YC"  # "this year", "d'ici la fin de l'année": the calendar year of the dateline


@cache
def _year_phrases(lang: str) -> re.Pattern[str]:
    d = load_language_data(lang, "periods")
    return re.compile(
        rf"(?i:(?<![\w])(?:(?P<full>{alternation(d['full_year'])})"
        rf"|(?P<this>{alternation(d['this_year'])}))(?![\w]))"
    )


def find_year_phrases(
    text: str, lang: str, full: list[PeriodMention]
) -> list[tuple[int, int, str]]:
    """Years named without a number ("full-year costs", "this year", "cette année"):
    ``(start, end, FULL_YEAR | THIS_YEAR)``, unless a period with its year overlaps
    ("for the fiscal year 2026" is FY2026 already)."""
    found = []
    for m in _year_phrases(lang).finditer(text):
        if any(p.start < m.end() + 1 and m.start() < p.end for p in full):
            continue
        found.append((m.start(), m.end(), FULL_YEAR if m.group("full") else THIS_YEAR))
    return found


def date_year_phrase(
    label: str, document_period: str | None, dateline_year: int | None
) -> str | None:
    """``full-year`` is the year of the report's period (fiscal if it is: ``FY2026``);
    ``this year`` the dateline's calendar year, else the report's calendar year."""
    doc_year = document_period.split("-")[0] if document_period else None
    if label == FULL_YEAR and doc_year:
        return doc_year
    if dateline_year:
        return str(dateline_year)
    if doc_year and doc_year.isdigit():
        return doc_year
    return None
