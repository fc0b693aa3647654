"""Cue lexicons (``lang/<lang>/cues.json`` + ``data/metrics.json``) compiled to matchers.

Cues set flags on figures and never delete them (the ConText model, see DESIGN.md):
each match carries its category (a metric code or a claim type) and the direction
in which it reaches figures, and the assigner picks the nearest applicable one.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from models.errors import DataFileError
from models.lexicon import alternation, load_language_data
from models.schema import CLAIM_TYPES, METRICS

_DIRECTIONS = ("forward", "backward", "both", "none")


@dataclass(frozen=True, slots=True)
class CueMatch:
    category: str
    start: int
    end: int
    text: str
    direction: str = "both"
    # a company moving its own forecast ("raised its capex forecast"): the guidance it
    # gives holds over the forecast words that follow in the sentence
    revision: bool = False
    # a verb in the conditional mood ("porterait"): hearsay, unless a forecast governs it
    conditional: bool = False


_DESCRIPTOR_WINDOW = 60
_TWO_WORDS_AT_MOST = re.compile(r"(?:[^\W\d_]+\s+){0,2}")  # "la prime à plus de 120 %"
_OWNER_WINDOW = 30  # chars before a name searched for an owner link
_GAP_WORDS = 3  # the words a "…" of a cue phrase stands for


@dataclass(frozen=True)
class CueSet:
    lang: str
    metric_pattern: re.Pattern[str]
    metric_by_phrase: dict[str, str]
    claim_pattern: re.Pattern[str]
    claim_by_phrase: dict[str, tuple[str, str]]
    # claim phrases that are a conditional mood ("would"): hearsay unless a forecast governs
    conditional_claims: frozenset[str]
    growth: re.Pattern[str]
    growth_coordinated: re.Pattern[str]
    coordinator: re.Pattern[str]
    margin: re.Pattern[str]
    # right after a percent: "10,7 % du chiffre d'affaires", "10.7% of revenue"
    share_of_revenue: re.Pattern[str]
    share_of_market: re.Pattern[str]
    # in a market piece, a part's share of the market's total ("roughly 51% of the total",
    # "55 % des ventes d'occasion"): a share, not a bare percent
    share_of_part: re.Pattern[str]
    # a ranking's words ("led with", "followed by", "devant"): its percents are shares
    ranking_words: re.Pattern[str]
    # "96 % de l'activité", "85% of the total": a part of the company's own business
    share_of_business: re.Pattern[str]
    # right before a figure, a level reached, not a change: "progresse … à 14,2 % du marché"
    level_before: re.Pattern[str]
    # a deal's premium: "une prime de 37,6 % sur le cours", "a 46% premium to"
    premium_word: re.Pattern[str]
    premium_after: re.Pattern[str]
    analysts: re.Pattern[str]
    consensus: re.Pattern[str]
    subject_reference: re.Pattern[str]
    comparison_before: re.Pattern[str]
    conditional_suffixes: tuple[str, ...]
    not_organisations: frozenset[str]
    company_descriptor: re.Pattern[str]
    apposition_open: re.Pattern[str]
    agent_before: re.Pattern[str]
    agent_phrase_before: re.Pattern[str]
    owner_before: re.Pattern[str]
    # "Analysts at Telsey Advisory Group": the organisation named next is a broker
    analyst_firm_before: re.Pattern[str]
    # "EBITDA, the company's preferred profit measure,": an apposition's first word
    apposition_opener: re.Pattern[str]
    threshold_before: re.Pattern[str]
    threshold_after: re.Pattern[str]
    owner_after: re.Pattern[str]
    source_cue: re.Pattern[str]
    clause_break: re.Pattern[str]
    subject_clause_break: re.Pattern[str]
    of_after_cue: re.Pattern[str]
    of_after_figure: re.Pattern[str]
    own_figure_link: re.Pattern[str]
    relative_link: re.Pattern[str]
    ranking_share: re.Pattern[str]
    sentence_topic: re.Pattern[str]
    possessive_after: re.Pattern[str]
    conditional_exclusions: frozenset[str]
    revision: re.Pattern[str] = re.compile(r"(?!x)x")
    # a company's own outlook section (models/document_facts.py): a short heading line
    # ("Outlook", "Fiscal 2026 guidance"), a paragraph opening ("Perspectives 2025."), or a
    # word of the line introducing a list ("NVIDIA's outlook … is as follows:")
    outlook_heading: re.Pattern[str] = re.compile(r"(?!x)x")
    outlook_run_in: re.Pattern[str] = re.compile(r"(?!x)x")
    outlook_word: re.Pattern[str] = re.compile(r"(?!x)x")
    growth_qualifiers: tuple[tuple[str, re.Pattern[str]], ...] = ()
    # how a growth is measured ("organically", "en organique"): a metric cue of its own
    # only when no other metric is named ("operating profit to grow organically by 4%")
    basis_phrases: frozenset[str] = frozenset()
    metric_cue_exclusions: re.Pattern[str] = re.compile(r"(?!x)x")
    # unknown organisations (models/document_entities.py)
    organisation_suffixes: frozenset[str] = frozenset()
    name_endings: frozenset[str] = frozenset()
    name_stopwords: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()  # "Brazil", "Taipei": never an organisation
    # what a place is still written with ("Europe's", "L'Europe"), stripped before the check
    place_form: re.Pattern[str] = re.compile(r"(?!x)x")
    place_before: re.Pattern[str] = re.compile(r"(?!x)x")
    # "(NASDAQ: ANET)", "(FRVIA FP)" right after a name: its listing, the ticker captured
    listing: re.Pattern[str] = re.compile(r"(?!x)x")
    # "(MSFT)": a bare ticker, read as a listing only in a title
    bare_listing: re.Pattern[str] = re.compile(r"(?!x)x")

    def introduced_as_company(self, text: str, start: int) -> bool:
        """Whether the name at ``start`` follows a company descriptor ("l'équipementier",
        "cloud provider"): the report itself says it is a company."""
        return bool(self.company_descriptor.search(text, max(0, start - _DESCRIPTOR_WINDOW), start))

    def leads_into(self, text: str, end: int, figure_start: int) -> bool:
        """Whether the words ending at ``end`` run straight into the figure at
        ``figure_start`` ("an estimate of 42 cents"), with no comma or "and" between
        ("dans nos estimations et 9,63 Md€" ends one figure's phrase, starts another)."""
        gap = text[end:figure_start]
        return not any(mark in gap for mark in ",;:") and not self.coordinator.search(gap)

    def names_an_owner(self, text: str, start: int, end: int) -> bool:
        """Whether the name at ``start:end`` owns the company described ("the
        SoftBank-controlled chip designer", "filiale de SoftBank"): not what it is about."""
        return bool(self.owner_after.match(text, end) or self.owner_named_before(text, start))

    def is_premium(self, text: str, start: int, end: int, sentence_start: int) -> bool:
        """Whether the percent at ``start:end`` is a premium: "une prime de 37,6 %", "a 46%
        premium to", or a second one joined to it ("… (61,05 €) et de 44,2 % sur la
        moyenne")."""
        if self.premium_after.match(text, end):
            return True
        words = list(self.premium_word.finditer(text, sentence_start, start))
        if not words:
            return False
        last = words[-1].end()
        return bool(_TWO_WORDS_AT_MOST.fullmatch(text, last, start)) or (
            "%" in text[last:start] and bool(self.growth_coordinated.match(text, last, start))
        )

    def is_basis(self, cue: CueMatch) -> bool:
        """Whether ``cue`` only says how a growth is measured ("organically")."""
        return _key(cue.text) in self.basis_phrases

    def analyst_firm_named_at(self, text: str, start: int) -> bool:
        """Whether "analysts at" ("les analystes de") leads into ``start``."""
        window = max(0, start - _OWNER_WINDOW)
        return bool(self.analyst_firm_before.search(text, window, start))

    def owner_named_before(self, text: str, start: int) -> bool:
        """Whether an owner link ("filiale de", "a subsidiary of") leads into ``start``."""
        return bool(self.owner_before.search(text, max(0, start - _OWNER_WINDOW), start))

    def rules_out_organisation(self, name: str) -> bool:
        """Whether ``name`` is never an organisation: its first word is a generic head or
        a rating ("Groupe", "Hold"), it is a place ("Taipei") or a metric ("EBITA")."""
        words = name.split()
        return bool(
            (words and words[0].lower() in self.not_organisations)
            or self.place_form.sub("", name.lower()) in self.places
            or self.metric_pattern.fullmatch(name)
        )

    def plausible_organisation(self, name: str, text: str, start: int | None = None) -> bool:
        """Statistical NER also tags metric acronyms ("EBITA", "BPA") and generic heads
        ("Groupe"): keep an unlinked organisation only if it looks like a name and recurs,
        or if the report introduces it as a company ("l'équipementier VAT Group", "cloud
        provider Vultr": named once, but named as a company)."""
        if len(name) < 3 or not name.split() or self.rules_out_organisation(name):
            return False
        if start is not None and self.introduced_as_company(text, start):
            return True
        if name.isupper() and len(name) <= 5:
            return False
        return text.count(name) >= 2

    def metric_cues(self, text: str, start: int, end: int) -> list[CueMatch]:
        # "au titre de l'exercice" holds "titre" (a share) but speaks of no share
        excluded = [m.span() for m in self.metric_cue_exclusions.finditer(text, start, end)]
        return [
            CueMatch(self.metric_by_phrase[_key(m.group(0))], m.start(), m.end(), m.group(0))
            for m in self.metric_pattern.finditer(text, start, end)
            if not any(a <= m.start() and m.end() <= b for a, b in excluded)
        ]

    def claim_cues(self, text: str, start: int, end: int) -> list[CueMatch]:
        revisions = [
            CueMatch("guidance", m.start(), m.end(), m.group(0), "forward", revision=True)
            for m in self.revision.finditer(text, start, end)
        ]
        found = list(revisions)
        for m in self.claim_pattern.finditer(text, start, end):
            if any(r.start < m.end() and m.start() < r.end for r in revisions):
                continue  # "forecast to" inside "raised its capex forecast to": the revision's
            key = _key(m.group(0))
            category, direction = self.claim_by_phrase[key]
            found.append(
                CueMatch(
                    category,
                    m.start(),
                    m.end(),
                    m.group(0),
                    direction,
                    conditional=key in self.conditional_claims,
                )
            )
        return sorted(found, key=lambda c: c.start)

    def growth_qualifier(
        self, text: str, before: int, start: int, end: int, after: int
    ) -> str | None:
        """What a growth figure at ``start:end`` is measured against ("year over year",
        "sequential", "organic"…), read in ``text[end:after]`` and, for words that lead
        ("year-over-year growth of 13%"), in ``text[before:start]``; None when unsaid."""
        found = [
            name
            for name, pattern in self.growth_qualifiers
            if pattern.search(text, end, after) or pattern.search(text, before, start)
        ]
        return ", ".join(found) or None


def _phrase_right_after(phrases: list[str]) -> re.Pattern[str]:
    """One of ``phrases`` right after a position (spaces allowed), as a whole word; a
    pattern that never matches when the list is empty."""
    return re.compile(rf"\s*(?:{alternation(phrases) or '(?!x)x'})(?![\w])", re.IGNORECASE)


def _share_phrase(phrases: list[str]) -> re.Pattern[str]:
    """One of ``phrases`` right after a percent, as whole words, where "…" stands for up to
    _GAP_WORDS words ("of global … revenue" matches "of global satellite broadband
    revenue")."""
    gap = rf"\s+(?:[\w'’.-]+\s+){{0,{_GAP_WORDS}}}"
    alternatives = "|".join(
        gap.join(alternation([part.strip()]) for part in phrase.split("…"))
        for phrase in sorted(phrases, key=len, reverse=True)
    )
    return re.compile(rf"\s*(?<![\w])(?:{alternatives})(?![\w])", re.IGNORECASE)


def _key(phrase: str) -> str:
    return " ".join(phrase.replace("’", "'").split()).lower()


def _words(phrases: list[str] | dict[str, Any]) -> str:
    return rf"(?<![\w]){'(?:' + alternation(phrases) + ')'}(?![\w])"


@cache
def metric_rules() -> dict[str, Any]:
    """Language-neutral metric rules: accepted figure kinds, growth counterparts."""
    ref = resources.files("models").joinpath("data").joinpath("metrics.json")
    data = json.loads(ref.read_text(encoding="utf-8"))
    metrics = data.get("metrics", {})
    missing = set(METRICS) - set(metrics)
    unknown = set(metrics) - set(METRICS)
    if missing or unknown:
        raise DataFileError(f"models/data/metrics.json: missing {missing}, unknown {unknown}")
    for code, rule in metrics.items():
        for target in (rule.get("by_qualifier") or {}).values():
            if target not in METRICS:
                raise DataFileError(
                    f"models/data/metrics.json: {code}.by_qualifier '{target}' is not a metric"
                )
        for key in ("growth", "of_a_market", "margin"):
            target = rule.get(key)
            if target is not None and target not in METRICS:
                raise DataFileError(
                    f"models/data/metrics.json: {code}.{key} '{target}' is not a metric"
                )
    return data


@cache
def growth_metrics() -> frozenset[str]:
    """The metrics that are a growth rate of something (``revenue_growth``, ``growth_rate``…)."""
    rules = metric_rules()["metrics"].values()
    return frozenset(rule["growth"] for rule in rules if rule.get("growth")) | {"growth_rate"}


@cache
def cue_set(lang: str) -> CueSet:
    data = load_language_data(lang, "cues")
    figures = load_language_data(lang, "figures")
    metric_by_phrase: dict[str, str] = {}
    for metric, phrases in data["metrics"].items():
        if metric not in METRICS:
            raise DataFileError(f"models/lang/{lang}/cues.json: unknown metric '{metric}'")
        for phrase in phrases:
            # The first metric that lists a phrase keeps it: order in the file is priority.
            metric_by_phrase.setdefault(_key(phrase), metric)
    claim_by_phrase: dict[str, tuple[str, str]] = {}
    for record in data["claims"]:
        if (
            record.get("category") not in CLAIM_TYPES
            or record.get("direction") not in _DIRECTIONS
            or not isinstance(record.get("conditional", False), bool)
        ):
            raise DataFileError(f"models/lang/{lang}/cues.json: bad claim cue {record!r}")
        claim_by_phrase.setdefault(
            _key(record["phrase"]), (record["category"], record["direction"])
        )
    attribution = data["attribution"]
    return CueSet(
        lang=lang,
        metric_pattern=_metric_regex(data["metrics"]),
        metric_by_phrase=metric_by_phrase,
        claim_pattern=re.compile(_words([r["phrase"] for r in data["claims"]]), re.IGNORECASE),
        claim_by_phrase=claim_by_phrase,
        conditional_claims=frozenset(
            _key(record["phrase"]) for record in data["claims"] if record.get("conditional")
        ),
        growth=re.compile(_growth_regex(data["growth_cues"]), re.IGNORECASE),
        # what stands between two growth figures of one thing: "en hausse de 8,6 % à TCC
        # et de 4,0 % en données publiées", "up 8.6% at CER and 4.0% reported"
        growth_coordinated=re.compile(
            rf"[^;:]*?(?<![\w])(?:{alternation(data['growth_coordinators'])})\s+"
            rf"(?:(?:{alternation(figures['approx_before'])})\s*)?$",
            re.IGNORECASE,
        ),
        coordinator=re.compile(_words(data["growth_coordinators"]), re.IGNORECASE),
        margin=re.compile(_words(data["margin_cues"]), re.IGNORECASE),
        share_of_revenue=re.compile(rf"\s*{_words(data['share_of_revenue'])}", re.IGNORECASE),
        share_of_market=_share_phrase(data["share_of_market"]),
        share_of_part=_share_phrase(data["share_of_part"]),
        ranking_words=re.compile(_words(data["ranking_words"]), re.IGNORECASE),
        share_of_business=re.compile(rf"\s*{_words(data['share_of_business'])}", re.IGNORECASE),
        level_before=re.compile(
            rf"(?<![\w])(?:{alternation(figures['level_before'])})\s*$",
            re.I,
        ),
        premium_word=re.compile(
            rf"(?<![\w])(?:{alternation(data['premiums']['before']) or '(?!x)x'})\s*"
            rf"(?:(?:{alternation(figures['approx_before'])})\s*)?",
            re.I,
        ),
        premium_after=_phrase_right_after(data["premiums"]["after"]),
        analysts=re.compile(_words(attribution["analysts"]), re.IGNORECASE),
        consensus=re.compile(_words(attribution["consensus"]), re.IGNORECASE),
        subject_reference=re.compile(_words(data["subject_references"]), re.IGNORECASE),
        comparison_before=re.compile(
            rf"(?<![\w])(?:{alternation(data['comparison_before'])})\s+[^,.;()]{{0,30}}$",
            re.IGNORECASE,
        ),
        conditional_suffixes=tuple(data["conditional_suffixes"]),
        not_organisations=frozenset(w.lower() for w in data["not_organisations"]),
        # the descriptor, then at most three words ("le spécialiste des plaquettes
        # épitaxiales IQE"), right before the name
        company_descriptor=re.compile(
            rf"(?<![\w])(?:{alternation(data['company_descriptors'])})"
            rf"(?:\s+[\w'’-]+){{0,3}}\s+$",
            re.IGNORECASE,
        ),
        source_cue=re.compile(_words(attribution["source_cues"]), re.IGNORECASE),
        **_subject_links(data["subject_links"], figures),
        # ", the maker of the Claude models," / ", fournisseur d'ASML,": between a name and
        # the comma closing what describes it
        apposition_open=re.compile(
            rf"^[^,;:.()]{{0,20}},\s*(?:(?:{alternation(data['subject_links']['articles'])})\s*"
            rf"|(?:{alternation(data['company_descriptors'])})\s"
            rf"|(?:{alternation(data['subject_links']['apposition_openers'])})\s)"
            rf"[^,;:.()]{{0,60}}$",
            re.IGNORECASE,
        ),
        agent_before=re.compile(rf"(?<![\w])(?:{alternation(data['agent_before'])})\s+$", re.I),
        threshold_before=re.compile(
            rf"(?<![\w])(?:{alternation(data['threshold_links']['before']) or '(?!x)x'})"
            rf"\s+(?:(?:{alternation(data['subject_links']['articles'])})\s*)?$",
            re.I,
        ),
        threshold_after=_phrase_right_after(data["threshold_links"]["after"]),
        apposition_opener=re.compile(
            rf"(?:{alternation(data['apposition_openers'])})(?:\s+|(?<=')|(?<=’))", re.I
        ),
        analyst_firm_before=re.compile(
            rf"(?<![\w])(?:{alternation(data['analyst_firm_before'])})\s+$", re.I
        ),
        owner_before=re.compile(
            rf"(?<![\w])(?:{alternation(data['owner_links']['before']) or '(?!x)x'})\s+$", re.I
        ),
        owner_after=re.compile(
            rf"(?:{alternation(data['owner_links']['after']) or '(?!x)x'})(?![\w])", re.I
        ),
        agent_phrase_before=re.compile(
            rf"(?<![\w])(?:{alternation(data['agent_phrase_before'])})\s+$", re.I
        ),
        conditional_exclusions=frozenset(data.get("conditional_exclusions", [])),
        revision=_revision_regex(data["revisions"], lang),
        **_outlook_cues(data["outlook_headings"], lang),
        metric_cue_exclusions=re.compile(
            _words(data["metric_cue_exclusions"]["phrases"]), re.IGNORECASE
        ),
        growth_qualifiers=tuple(
            (name, re.compile(_words(phrases), re.IGNORECASE))
            for name, phrases in data["growth_qualifiers"].items()
            if not name.startswith("_")
        ),
        basis_phrases=frozenset(_key(p) for p in data["growth_qualifiers"]["organic"]),
        **_organisation_cues(data["organisations"], lang),
    )


_ORGANISATION_KEYS = (
    "legal_suffixes",
    "name_endings",
    "exchanges",
    "market_codes",
    "name_stopwords",
    "place_before",
    "places",
    "place_forms",
)
_TICKER = r"[A-Z][A-Z0-9]{0,5}(?:\.[A-Z]{1,2})?"
_BRACKETED = r"(?:[ \u00a0]*\([^()]{1,60}\))"  # "(Intermarché, Netto)" after a name
_PERCENT = r"[+−-]?\d[\d.,]*[ \u00a0\u202f]?%"


def require_word_lists(
    data: dict[str, Any], keys: tuple[str, ...], lang: str, section: str
) -> None:
    """Each of ``keys`` in ``data`` is a non-empty list of non-empty strings, or the data
    file is refused at load."""
    for key in keys:
        words = data.get(key)
        if (
            not isinstance(words, list)
            or not words
            or not all(isinstance(w, str) and w.strip() for w in words)
        ):
            raise DataFileError(
                f"models/lang/{lang}/cues.json: {section}.{key} must be a non-empty "
                "list of non-empty strings"
            )


def _place_form(forms: list[str], lang: str) -> re.Pattern[str]:
    """The words around a place in its forms ("{place}'s", "l'{place}"), as one pattern."""
    if not all(form.count("{place}") == 1 for form in forms):
        raise DataFileError(
            f"models/lang/{lang}/cues.json: organisations.place_forms must each hold "
            "'{place}' once"
        )
    affixes = []
    for form in forms:
        before, after = form.lower().split("{place}")
        affixes.append(f"^{alternation([before])}" if before else f"{alternation([after])}$")
    return re.compile("|".join(affixes))


def _organisation_cues(data: dict[str, Any], lang: str) -> dict[str, Any]:
    require_word_lists(data, _ORGANISATION_KEYS, lang, "organisations")
    exchanges, codes = alternation(data["exchanges"]), alternation(data["market_codes"])
    return {
        "organisation_suffixes": frozenset(w.lower().rstrip(".") for w in data["legal_suffixes"]),
        "name_endings": frozenset(w.lower() for w in data["name_endings"]),
        "name_stopwords": frozenset(w.lower() for w in data["name_stopwords"]),
        "places": frozenset(w.lower() for w in data["places"]),
        "place_form": _place_form(data["place_forms"], lang),
        "place_before": re.compile(rf"(?<![\w])(?:{alternation(data['place_before'])})\s+$", re.I),
        "listing": re.compile(
            rf"^\.?,?\s*\(\s*(?:(?:{exchanges})\s*:\s*({_TICKER})|({_TICKER})\s+(?:{codes}))\s*\)"
        ),
        "bare_listing": re.compile(rf"^\.?,?\s*\(\s*({_TICKER})\s*\)"),
    }


_REVISION_KEYS = ("verbs", "possessives", "objects")


def _revision_regex(data: dict[str, Any], lang: str) -> re.Pattern[str]:
    """A revision verb, the company's possessive, at most ``words_between`` words, then a
    forecast-like noun: "raised its 2025 capital expenditure forecast", "a relevé sa
    prévision"."""
    require_word_lists(data, _REVISION_KEYS, lang, "revisions")
    between = data.get("words_between")
    if not isinstance(between, int) or isinstance(between, bool) or between < 0:
        raise DataFileError(
            f"models/lang/{lang}/cues.json: revisions.words_between must be an integer >= 0"
        )
    return re.compile(
        rf"(?<![\w])(?:{alternation(data['verbs'])})\s+(?:{alternation(data['possessives'])})"
        rf"\s+(?:[\w'’.-]+\s+){{0,{between}}}?(?:{alternation(data['objects'])})(?![\w])",
        re.IGNORECASE,
    )


def _outlook_cues(data: dict[str, Any], lang: str) -> dict[str, re.Pattern[str]]:
    require_word_lists(data, ("words",), lang, "outlook_headings")
    heads = alternation(data["words"])
    return {
        # the heading word, after at most two words ("Fourth-quarter outlook", "Fiscal 2026
        # guidance"), and no sentence end
        "outlook_heading": re.compile(
            rf"^(?:[\w'’-]+\s+){{0,2}}(?:{heads})(?![\w])[^.!?;]*$", re.IGNORECASE
        ),
        # "Perspectives. Le Groupe…", "Perspectives 2025. Sanofi…", "Outlook: …"
        "outlook_run_in": re.compile(
            rf"^(?:{heads})(?:\s+[\w'’-]+){{0,3}}\s*[.:](?:\s|$)", re.IGNORECASE
        ),
        "outlook_word": re.compile(_words(data["words"]), re.IGNORECASE),
    }


def _growth_regex(phrases: list[str]) -> str:
    words = [p for p in phrases if p != "+"]
    return rf"(?<![\w])(?:{alternation(words)})(?![\w])|(?<![\w\d])\+(?=\s?\d)"


def _metric_regex(metrics: dict[str, list[str]]) -> re.Pattern[str]:
    """Acronym cues (``CA``, ``PT``, ``PER``) match with their case; words match any case."""
    acronyms, words = [], []
    for phrases in metrics.values():
        for phrase in phrases:
            (acronyms if phrase.isupper() and len(phrase) <= 4 else words).append(phrase)
    parts = [f"(?i:{alternation(words)})"]
    if acronyms:
        parts.append(alternation(acronyms))
    return re.compile(rf"(?<![\w/])(?:{'|'.join(parts)})(?![\w])")


def _subject_links(links: dict[str, list[str]], figures: dict[str, Any]) -> dict[str, Any]:
    """The little words that tie a mention to a figure ("revenus d'AWS", "Micron at 21%",
    "AWS's revenue") and split clauses ("…, and Google Cloud …")."""
    never = r"(?!x)x"

    def words(key: str) -> str:
        return alternation(links[key]) if links[key] else never

    article = rf"(?:(?:{words('articles')})\s*)"
    approx = alternation(figures["approx_before"])
    return {
        "clause_break": re.compile(rf"[;:]|,\s*(?:{words('clause_breaks')})\b", re.I),
        # for subjects, a subordinate clause opens another clause too ("… by 2028 as
        # hyperscalers shift …"), but not "such as" / "as well as"
        "subject_clause_break": re.compile(
            rf"[;:]|,\s*(?:{words('clause_breaks')})\b"
            rf"|(?<![\w])(?<!such )(?<!well )(?:{words('subordinators')})\s",
            re.I,
        ),
        "of_after_cue": re.compile(rf"^\s*(?:{words('of_words')})\s*{article}?$", re.I),
        "of_after_figure": re.compile(
            rf"^\s*(?:{words('of_after_figure_words')})\s*{article}?$", re.I
        ),
        # "Micron at 21%", "Les Mousquetaires (Intermarché, Netto) à 17,4 %", "SNCF Connect,
        # à 12,8 %"
        "own_figure_link": re.compile(
            rf"^{_BRACKETED}?,?\s+(?:{words('own_figure_links')})\s+(?:(?:{approx})\s+)?$", re.I
        ),
        # "dépasser par Lidl, qui atteint 8,6 %": the name a relative clause gives the figure
        "relative_link": re.compile(
            rf"^,?\s+(?:{words('relative_pronouns')})\s+[^\W\d_]+"
            rf"(?:\s+(?:{words('own_figure_links')}))?\s+(?:(?:{approx})\s+)?$",
            re.I,
        ),
        # "followed by Cisco at 5.9%, CrowdStrike at 4.6%", "Les Mousquetaires (Intermarché,
        # Netto) à 17,4 %": a name given its share in a list, an organisation
        "ranking_share": re.compile(
            rf"^(?:{_BRACKETED}?,?"
            rf"[ \u00a0]+(?:{words('own_figure_links')})[ \u00a0]+"
            rf"(?:(?:{approx})[ \u00a0]+)?{_PERCENT}"
            # "Suivent Culture Vélo (8,6 %), Intersport (6,1 %)": the share in brackets
            rf"|(?P<bracketed>[ \u00a0]*\(\s*(?:(?:{approx})[ \u00a0]+)?{_PERCENT}\s*\)))",
            re.I,
        ),
        "sentence_topic": re.compile(rf"^{article}?$", re.I),
        "possessive_after": re.compile(rf"^(?:{words('possessive_after')})(?![\w])"),
    }
