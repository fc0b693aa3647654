"""Document-wide context for placing figures: entity mentions, the main entity,
periods by paragraph, and the subject carried from one sentence to the next."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from models.assign import (
    SHARE_OF_OWN_SALES,
    ClaimChoice,
    MetricChoice,
    choose_claim,
    choose_metric,
    choose_period,
    is_growth,
    listed_period,
    resolve_partial,
)
from models.attribution import find_attribution
from models.cues import CueMatch, CueSet, cue_set, growth_metrics, metric_rules
from models.document_entities import (
    LayeredKnowledge,
    discover,
    end_of_title,
    is_common_word,
    main_entity,
    name_spans,
)
from models.document_markets import (
    discover_markets,
    is_source_before_verb,
    segment_phrase,
    title_speaks_of_a_market,
)
from models.document_outlook import MAX_LIST_ITEMS, guidance_led_paragraphs, outlook_paragraphs
from models.document_periods import (
    SentenceLookup,
    date_current_period,
    dateline_year_of,
    document_period_of,
)
from models.knowledge import EntityMention, KnowledgeBase
from models.lexicon import load_language_data
from models.parsing import SentenceParse
from models.periods import (
    date_partial,
    date_year_phrase,
    dates_a_statement,
    find_partial_periods,
    find_periods,
    find_year_phrases,
    is_comparison_point,
    period_year,
    relative_shift,
    year_of_partial,
)
from models.schema import Entity, Fact, Figure, PeriodMention
from models.sentences import paragraph_spans
from models.subjects import IN_COMPARISON, Candidate, SubjectChoice, choose_subject

_SHARE_PRICES = frozenset({"share_price", "price_target"})
_PER_SHARE = "/share"
_MAIN_TYPES = ("company", "business_unit")
_MAX_ACRONYM = 5  # "SOI", "HBM": a capitalized run this short is no name by itself
_REFERENCE_PENALTY = 12
_THRESHOLD_DOUBT = 0.35
_DATELINE_CHARS = 60
_MAX_TABLE_ROWS = 12
_MAX_TABLE_ROW_CHARS = 120
_MARKET_METRICS = frozenset({"market_size"})
# a ranking of shares runs over sentences with no cue after the first: carried along
_CARRIED_SHARES = frozenset({"market_share"})
_CARRIED_REASON = "metric of the sentence before"
# a growth whose cue names no other metric: what its basis ("organic") may say it measures
_GROWTH_CUE_CATEGORIES = frozenset({"growth_rate", "revenue_growth"})
_BRACKET_BEFORE = re.compile(r"\(\s*$")
_LISTED_COMPANY_METRICS = frozenset({
    "eps", "eps_growth", "dividend", "buyback", "share_price", "share_price_change",
    "market_cap", "price_target", "valuation_multiple",
})  # fmt: skip
_FORWARD_CLAIMS = frozenset({"guidance", "forecast"})
# an outlook a figure can be compared with (an analyst's estimate of a past year stays
# an estimate)
_OUTLOOK_CLAIMS = frozenset({"guidance", "forecast", "target"})
# a figure placed on these grounds alone may be about its clause's subject instead
_SEGMENT_FALLBACKS = frozenset(
    {"document main entity", "paragraph subject", "named earlier in the paragraph"}
)
_PAYOUT_METRICS = frozenset({"dividend"})  # a buyback "sera exécuté" stays to come (gold)
_REFERENCE_TO_NAME = re.compile(r"^\s+(?:[\w'’-]+\s+){0,3}$")
_APPOSITION_CLOSE = re.compile(r"[^,;:.()]{0,30},")
_QUALIFIER_LOOKBACK = 30  # "year-over-year growth of 13%": the cue leads by a few words
_QUALIFIER_LOOKAHEAD = 60  # "up 62% from a year ago"


@dataclass
class DocumentContext:
    text: str
    lang: str
    kb: KnowledgeBase | LayeredKnowledge
    cues: CueSet
    sentences: list[tuple[int, int]]
    paragraphs: list[tuple[int, int]]
    mentions: list[EntityMention]
    periods: list[PeriodMention]
    partials: list[tuple[int, int, str]]
    statement_dates: list[tuple[int, int]]  # "the range it gave in July": no figure's period
    main_entity: str | None
    document_period: str | None
    sentence_claim_cues: list[list[CueMatch]] = field(default_factory=list)  # found once
    # paragraphs of the report's own outlook section (under "Outlook", "Perspectives.")
    outlook_paragraphs: frozenset[int] = frozenset()
    _paragraph_subject: dict[int, Candidate] = field(default_factory=dict)
    # (figure kind, metric) of each sentence's cued figures, for the next sentence's
    # uncued ones ("Le consensus FactSet tablait sur 54,9 milliards de dollars.")
    _cued_metrics: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    # the paragraph and period of the last dated market share placed
    _ranking_period: tuple[int, str | None] = (-1, None)
    # the metric a sentence opens with ("Le résultat net … intègre une provision de …")
    _topic_metrics: dict[int, str] = field(default_factory=dict)
    _paragraph_subject_sentence: dict[int, int] = field(default_factory=dict)  # who set it

    @classmethod
    def build(
        cls, text: str, lang: str, kb: KnowledgeBase, sentences: list[tuple[int, int]]
    ) -> DocumentContext:
        cues = cue_set(lang)
        markets = discover_markets(text, kb, lang)
        kb = LayeredKnowledge(kb, discover(text, kb, cues) + markets)
        mentions = kb.find_mentions(text)
        # "the range it gave in July": when a forecast was given dates no figure
        found_periods = find_periods(text, lang)
        statement_dates = [
            (p.start, p.end) for p in found_periods if dates_a_statement(text, p.start, lang)
        ]
        all_periods = [p for p in found_periods if (p.start, p.end) not in statement_dates]
        # A day date in a paragraph's opening words is a dateline ("TAIPEI, Nov 10, 2025 —"):
        # when the report was published, never the period of a figure.
        paragraphs = paragraph_spans(text)
        paragraph_starts = [s for s, _ in paragraphs]
        periods = [
            p for p in all_periods
            if not (p.period.count("-") == 2 and any(0 <= p.start - s < _DATELINE_CHARS
                                                     for s in paragraph_starts))
        ]  # fmt: skip
        partials = find_partial_periods(text, lang, all_periods)
        statement_dates += [(s, e) for s, e, _ in partials if dates_a_statement(text, s, lang)]
        partials = [(s, e, label) for s, e, label in partials if (s, e) not in statement_dates]
        horizon_words = {w.lower() for w in load_language_data(lang, "periods")["horizon_before"]}
        claim_cues = [cues.claim_cues(text, s0, s1) for s0, s1 in sentences]
        forward = [
            (c.start, c.end) for found in claim_cues for c in found
            if c.category in _FORWARD_CLAIMS and c.text.lower() not in horizon_words
        ]  # fmt: skip
        sentence_of = SentenceLookup(sentences)
        document_period = document_period_of(
            text, lang, all_periods, partials, forward, sentence_of
        )
        datelines = [p for p in all_periods if p not in periods]
        dateline_year = dateline_year_of(text, all_periods)
        year_phrases = [
            PeriodMention(period, s, e, text[s:e])
            for s, e, label in find_year_phrases(text, lang, all_periods)
            if (period := date_year_phrase(label, document_period, dateline_year))
        ]
        if year_phrases:
            periods = sorted(periods + year_phrases, key=lambda p: p.start)
        if datelines:
            # "its December sales" in a report dated January 5: the last December
            months = [(s, e, label) for s, e, label in partials if label.startswith("M")]
            partials = [partial for partial in partials if partial not in months]
            periods = sorted(
                periods + [
                    PeriodMention(date_partial(str(year_of_partial(label, datelines[0])), label),
                                  s, e, text[s:e])
                    for s, e, label in months
                ],
                key=lambda p: p.start,
            )  # fmt: skip
        partials, periods = date_current_period(
            text, lang, partials, periods, document_period, forward, sentence_of
        )
        main = main_entity(
            mentions, kb, end_of_title(text), title_speaks_of_a_market(text, lang, markets)
        )
        if document_period is None and _is_market(kb, main):
            # a market piece measures its market over a year: its later figures are that
            # year's unless they say otherwise (the video-game market's 2024 segments)
            document_period = _lede_year(text, periods)
        return cls(
            text=text,
            lang=lang,
            kb=kb,
            cues=cues,
            sentences=sentences,
            paragraphs=paragraphs,
            mentions=mentions,
            periods=periods,
            partials=partials,
            statement_dates=statement_dates,
            main_entity=main,
            document_period=document_period,
            sentence_claim_cues=claim_cues,
            outlook_paragraphs=outlook_paragraphs(text, paragraphs, cues)
            | guidance_led_paragraphs(paragraphs, sentences, claim_cues),
        )

    def _growth_qualifier(
        self, figure: Figure, metric: str, sentence: tuple[int, int], spans: list[tuple[int, int]]
    ) -> str | None:
        """The basis of a growth figure ("year over year", "sequential", "organic"), read
        between it and its neighbouring figures so that "up 22% from the previous quarter
        and up 62% from a year ago" gives each its own."""
        if metric not in growth_metrics():
            return None
        before = max([sentence[0], figure.start - _QUALIFIER_LOOKBACK]
                     + [end for _, end in spans if end <= figure.start])  # fmt: skip
        after = min([sentence[1], figure.end + _QUALIFIER_LOOKAHEAD]
                    + [start for start, _ in spans if start >= figure.end])  # fmt: skip
        return self.cues.growth_qualifier(self.text, before, figure.start, figure.end, after)

    def _is_period(self, start: int, end: int) -> bool:
        """Whether ``start:end`` overlaps a period or a partial one ("in July")."""
        return (
            any(p.start < end and start < p.end for p in self.periods)
            or any(a < end and start < b for a, b, _ in self.partials)
            or any(a < end and start < b for a, b in self.statement_dates)
        )

    def _before_sentence_outlook(self, period: str | None, sentence: tuple[int, int]) -> bool:
        """Whether ``period`` is a year before the latest one the sentence names."""
        year = period_year(period)
        years = [
            period_year(p.period) for p in self.periods if sentence[0] <= p.start < sentence[1]
        ]
        return year is not None and any(other is not None and other > year for other in years)

    def _opens_bracketed_comparison(self, figure: Figure, metric: str) -> bool:
        """Whether the figure opens a bracket that gives a comparison period ("(10,4 % au
        S1 2024)"): it is the earlier value, and that period is its own. A growth is not
        ("(+5,4 % par rapport au T3 2024)" is measured against that quarter)."""
        opens = _BRACKET_BEFORE.search(self.text, max(0, figure.start - 3), figure.start)
        if metric in growth_metrics() or not opens:
            return False
        close = self.text.find(")", figure.end)
        return close > 0 and any(
            p.comparison and figure.end <= p.start < close for p in self.periods
        )

    def _metric_of_previous_sentence(self, s_index: int, figure: Figure) -> MetricChoice | None:
        """An uncued figure right after a sentence that named its metric speaks of the same
        thing: "Revenue was $57.0 billion. The FactSet consensus was $54.9 billion." (and
        "il aurait progressé de 10,5 %" is the growth of the net income just named)."""
        if s_index == 0 or self._paragraph_of(self.sentences[s_index - 1][0]) != (
            self._paragraph_of(self.sentences[s_index][0])
        ):
            return None
        rules = metric_rules()["metrics"]
        for kind, metric in reversed(self._cued_metrics.get(s_index - 1, [])):
            if kind == figure.kind and (
                figure.kind != "percent"
                or (
                    metric in _CARRIED_SHARES
                    and not is_growth(self.text, figure, self.cues, self.sentences[s_index])
                )
            ):  # "E.Leclerc détient 24,6 % de part de marché. Carrefour … avec 19,7 %."
                return MetricChoice(metric, None, f"{_CARRIED_REASON} ({metric})")
            growth = rules[metric].get("growth")
            if self._is_growth_of(figure, s_index, growth):
                return MetricChoice(growth, None, f"growth of the sentence before's {metric}")
        # "Le résultat net intègre une provision de 770 MEUR. Hors cet élément, il aurait
        # progressé de 10,5 %": the growth of what the sentence before was about
        topic = self._topic_metrics.get(s_index - 1)
        growth = rules[topic].get("growth") if topic else None
        if self._is_growth_of(figure, s_index, growth):
            return MetricChoice(growth, None, f"growth of the sentence before's topic ({topic})")
        return None

    def _is_growth_of(self, figure: Figure, s_index: int, growth: str | None) -> bool:
        """Whether a percent figure is a growth that ``growth`` (a specific one) can name."""
        return (
            figure.kind == "percent"
            and growth not in (None, "growth_rate")
            and is_growth(self.text, figure, self.cues, self.sentences[s_index])
        )

    def _paragraph_of(self, position: int) -> int:
        starts = [s for s, _ in self.paragraphs]
        return max(0, bisect.bisect_right(starts, position) - 1)

    def _paragraph_period(self, sentence: tuple[int, int]) -> str | None:
        """The last period named earlier in the paragraph; a paragraph introduced by one
        ending in ':' ("outlook for Q4 FY2026 is as follows:") continues it."""
        index = self._paragraph_of(sentence[0]) if self.paragraphs else 0
        end = sentence[0]
        while True:
            p_start = self.paragraphs[index][0] if self.paragraphs else 0
            earlier = [
                p for p in self.periods
                if p_start <= p.start < end and not p.horizon and not p.comparison
            ]  # fmt: skip
            earlier += [
                PeriodMention(resolve_partial(label, s, self.periods, self.document_period),
                              s, e, label)
                for s, e, label in self.partials
                # "That compared with $4.26 billion in the second quarter": a comparison's
                # quarter dates the figure compared, not the paragraph's next figures
                if p_start <= s < end and not is_comparison_point(self.text, s, self.lang)
            ]  # fmt: skip
            earlier = sorted((p for p in earlier if p.period), key=lambda p: p.start)
            if any(p.period.count("-") < 2 for p in earlier):
                # "troisième trimestre de son exercice 2026, clos le 26 octobre 2025": the
                # day closes the quarter
                earlier = [p for p in earlier if p.period.count("-") < 2]
            if earlier:
                return earlier[-1].period
            heading = self._outlook_heading(index)
            if heading is None:
                return None
            index = heading
            end = self.paragraphs[index][1]

    def _outlook_heading(self, index: int) -> int | None:
        """The paragraph ending in ':' that introduces this one ("outlook for Q4 FY2026 is
        as follows:"), across the few period-less items of the list it introduces."""
        for back in range(index - 1, max(-1, index - 1 - MAX_LIST_ITEMS), -1):
            start, end = self.paragraphs[back]
            if self.text[start:end].rstrip().endswith(":"):
                return back
            if any(start <= p.start < end for p in self.periods) or any(
                start <= s < end for s, _, _ in self.partials
            ):
                return None  # an item naming its own period ends the list
            if self.text[start:end].rstrip()[-1:] not in ".!?":
                return None  # a heading line ends the section
        return None

    def _candidates(self, sentence: tuple[int, int], figures: list[Figure]) -> list[Candidate]:
        s0, s1 = sentence
        found: list[Candidate] = []
        for m in self.mentions:
            if s0 <= m.start and m.end <= s1:
                record = self.kb.get(m.entity_id)
                if record is not None:
                    found.append(
                        Candidate(
                            record.id, record.name, record.type, m.start, m.end, record.parent
                        )
                    )
        # A name the report introduces as a company ("l'équipementier Oxford Instruments")
        # is one, and as sure as a linked one; other capitalized runs are not vetted here.
        for a, b, name in name_spans(self.text, s0, s1):
            if any(c.start < b and a < c.end for c in found):
                continue
            if any(f.start < b and a < f.end for f in figures):
                continue  # "Md$" in "1,0 Md$" is no organisation
            # introduced within its own sentence ("…investment bank shines\n\nLONDON" is not),
            # and more than a bare acronym ("le spécialiste des substrats SOI" names a product)
            if not self.cues.introduced_as_company(self.text[s0:b], a - s0):
                continue
            if self._is_period(a, b):
                continue  # "the company had forecast in July": a month, not a name
            if name.isupper() and len(name) <= _MAX_ACRONYM:
                continue
            if not self.cues.plausible_organisation(name, self.text, a):
                continue
            found.append(Candidate(self.kb.slug(name), name, "company", a, b, linked=True))
        for cand in found:
            cand.is_main = cand.entity_id == self.main_entity
        for cand in found:
            cand.apposition = self._apposition(cand, found, s1)
        # "Cambricon, surnommé le « NVIDIA chinois », … sa capitalisation": a name inside
        # an apposition is not what "sa" refers to
        named = [c for c in found if c.type in _MAIN_TYPES and c.apposition is None]
        for m in self.cues.subject_reference.finditer(self.text, s0, s1):
            if any(_REFERENCE_TO_NAME.match(self.text[m.end() : c.start]) for c in found
                   if c.start >= m.end()):  # fmt: skip
                continue  # "its US peer Eaton", "sa filiale AWS": the name is the one meant
            # "sa part de marché", "it guided": the last company named before it in the
            # sentence, else earlier in the paragraph, else the document's main entity.
            earlier = [c for c in named if c.end <= m.start()]
            ref = earlier[-1] if earlier else self._last_named_before(s0)
            if ref is not None:
                found.append(
                    Candidate(ref.entity_id, ref.name, ref.type, m.start(), m.end(), ref.parent)
                )
        for cand in found:
            cand.sentence_start = s0
        return found

    def _apposition(
        self, cand: Candidate, found: list[Candidate], s1: int
    ) -> tuple[int, int] | None:
        """The span of the apposition ``cand`` is named in, when it describes a company
        named right before ("Cambricon, le concepteur surnommé le « NVIDIA chinois »,")."""
        heads = [c for c in found if c.end <= cand.start and c.type in _MAIN_TYPES]
        opened = [
            c for c in heads if self.cues.apposition_open.match(self.text[c.end : cand.start])
        ]
        head = max(opened, key=lambda c: c.end, default=None)
        if head is None:
            return None
        close = _APPOSITION_CLOSE.match(self.text, cand.end, s1)
        return (head.end, close.end()) if close else None

    def _list_heading(self, s_index: int) -> tuple[int, int] | None:
        """The line ending in ':' that heads the short lines (a table) this one belongs to."""
        for back in range(s_index - 1, max(-1, s_index - _MAX_TABLE_ROWS), -1):
            start, end = self.sentences[back]
            line = self.text[start:end].rstrip()
            if line.endswith(":"):
                return start, end
            if len(line) > _MAX_TABLE_ROW_CHARS:
                return None
        return None

    def _last_market_before(self, position: int) -> Candidate | None:
        """A market size with no market in its sentence is about the last market named."""
        for m in reversed(self.mentions):
            record = self.kb.get(m.entity_id)
            if m.start < position and record is not None and record.type == "market":
                return Candidate(record.id, record.name, record.type, m.start, m.end)
        return None

    def _named_in_paragraph(self, entity_id: str | None, position: int) -> bool:
        """Whether ``entity_id`` is named in the paragraph before ``position``."""
        p_start = self.paragraphs[self._paragraph_of(position)][0] if self.paragraphs else 0
        return any(
            m.entity_id == entity_id and p_start <= m.start < position for m in self.mentions
        )

    def _last_named_before(self, position: int, main_fallback: bool = True) -> Candidate | None:
        """What "it"/"its" at the start of a sentence refers to: the first company named
        in the previous sentence of the paragraph (its topic), else the last one named,
        else (with ``main_fallback``) the document's main entity."""
        p_start = self.paragraphs[self._paragraph_of(position)][0] if self.paragraphs else 0
        previous = [s for s in self.sentences if p_start <= s[0] and s[1] <= position]
        named = []
        for m in self.mentions:
            record = self.kb.get(m.entity_id)
            if p_start <= m.start < position and record is not None and record.type in _MAIN_TYPES:
                if self.cues.comparison_before.search(self.text[max(0, m.start - 40) : m.start]):
                    continue  # "contre 22x pour Siemens": a peer compared is not the topic
                if self.cues.names_an_owner(self.text, m.start, m.end):
                    continue  # "The SoftBank-controlled chip designer … It forecast …"
                named.append((m, record))
        if previous and (topic := [x for x in named if previous[-1][0] <= x[0].start]):
            m, record = topic[0]
            reference = self.cues.subject_reference.search(self.text, previous[-1][0], m.start)
            if reference is not None and len(previous) > 1:
                # "Samsung a pris du retard. Le groupe aurait obtenu la qualification de
                # NVIDIA. Son bénéfice…": the previous sentence's topic is itself a reference
                return self._last_named_before(previous[-1][0], main_fallback)
            return Candidate(record.id, record.name, record.type, m.start, m.end, record.parent)
        if named:
            m, record = named[-1]
            return Candidate(record.id, record.name, record.type, m.start, m.end, record.parent)
        main = self.kb.get(self.main_entity) if self.main_entity and main_fallback else None
        if main is None:
            return None
        return Candidate(main.id, main.name, main.type, 0, 0, main.parent)

    def _figure_metric(
        self,
        s_index: int,
        figure: Figure,
        previous: tuple[Figure, str] | None,
        others: list[tuple[int, int]],
        heading: tuple[int, int] | None,
        metric_cues: list[CueMatch],
    ) -> MetricChoice:
        """The figure's metric from its sentence's cues, else the sentence before's; a cued
        one (or a carried share) is remembered for the next sentence's uncued figures."""
        sentence = self.sentences[s_index]
        metric = choose_metric(
            self.text, figure, sentence, self.cues, previous, others, heading, metric_cues
        )
        if metric.reason == SHARE_OF_OWN_SALES and self._main_is_market():
            # in a market piece, "la vente en ligne représente 17 % des ventes" is a share of
            # the market's sales
            return MetricChoice("market_share", None, "share of the market's sales")
        if (
            metric.cue is None
            and metric.reason.startswith("no cue")
            and figure.kind == "percent"
            and self._main_is_market()
            and not is_growth(self.text, figure, self.cues, sentence)
            and (
                self.cues.share_of_part.match(self.text, figure.end)
                or self.cues.ranking_words.search(self.text, *sentence)
            )
        ):
            # in a market piece, "roughly 51% of the total", "55 % des ventes d'occasion",
            # "followed by EnBW at 5.9%": a part's share of the market
            return MetricChoice("market_share", None, "share of the market's total")
        if metric.cue is None and metric.reason.startswith("no cue"):
            metric = self._metric_of_previous_sentence(s_index, figure) or metric
            if metric.metric in _CARRIED_SHARES:  # and on to the next sentence's list
                self._cued_metrics.setdefault(s_index, []).append((figure.kind, metric.metric))
        elif metric.cue is not None or metric.metric in _CARRIED_SHARES:
            # "62 % du marché" names a share as a cue does
            self._cued_metrics.setdefault(s_index, []).append((figure.kind, metric.metric))
        return metric

    def _main_is_market(self) -> bool:
        return _is_market(self.kb, self.main_entity)

    def _figure_subject(
        self,
        s_index: int,
        figure: Figure,
        metric: MetricChoice,
        parse: SentenceParse | None,
        candidates: list[Candidate],
        others: list[tuple[int, int]],
        previous: tuple[Figure, str] | None,
        previous_choice: SubjectChoice | None,
    ) -> tuple[SubjectChoice | None, Candidate | None, str]:
        """(the scored choice, the subject, why): a mention in the sentence when one scores,
        else the paragraph's subject, a company named earlier in it, the main entity."""
        s0, _ = self.sentences[s_index]
        paragraph = self._paragraph_of(s0)
        clause_subject = parse.clause_subject_span(figure.start - s0) if parse else None
        for cand in candidates:
            cand.in_clause_subject = bool(
                clause_subject and s0 + clause_subject[0] <= cand.start < s0 + clause_subject[1]
            )
        choice = choose_subject(self.text, figure.start, figure.end, metric.metric, metric.cue,
                                candidates, others, self.cues)  # fmt: skip
        if choice is not None and self.cues.subject_reference.fullmatch(
            self.text[choice.candidate.start : choice.candidate.end]
        ):
            choice.score -= _REFERENCE_PENALTY
        if metric.metric in _MARKET_METRICS and (
            choice is None or choice.candidate.type != "market"
        ):
            market = self._last_market_before(figure.start)
            if market is not None:
                choice = SubjectChoice(market, 100.0, "market named earlier")
        if (
            previous_choice is not None
            and metric.metric in growth_metrics()
            and previous is not None
            and not any(previous[0].end <= c.start < figure.start for c in candidates)
            and (choice is None or choice.candidate.end <= previous[0].start)
        ):
            # "le marché … dépassera 500 milliards, avec une croissance de 60 %": a
            # growth chained to the figure before it, no name between, shares its subject
            choice = SubjectChoice(previous_choice.candidate, 100.0, "growth of the figure before")
        if choice is not None and choice.score >= 15:
            subject, subject_reason = choice.candidate, choice.reason
            if choice.reason != IN_COMPARISON:
                # a peer named for comparison does not become what the paragraph is about
                self._paragraph_subject[paragraph] = subject
                self._paragraph_subject_sentence[paragraph] = s_index
        elif paragraph in self._paragraph_subject:
            subject, subject_reason = self._paragraph_subject[paragraph], "paragraph subject"
            if (
                subject.type in ("business_unit", "product")
                and self._named_in_paragraph(subject.parent, s0)
                and self._paragraph_subject_sentence[paragraph] != s_index
                and (parent := self.kb.get(subject.parent))
            ):
                # "Microsoft's quarter… Microsoft Cloud revenue reached $49.1bn. Operating
                # income rose 24%": a segment named in passing hands the paragraph back
                # to the company it belongs to
                subject = Candidate(parent.id, parent.name, parent.type, 0, 0, parent.parent)
                subject_reason = f"paragraph subject {parent.id}, back from a segment"
        elif (named := self._last_named_before(s0, main_fallback=False)) is not None:
            # "Meta a déçu. Le bénéfice net a chuté de 83 %": the company the paragraph
            # opened with, though no figure was placed on it yet
            subject, subject_reason = named, "named earlier in the paragraph"
        elif self.main_entity and (main := self.kb.get(self.main_entity)):
            subject = Candidate(main.id, main.name, main.type, 0, 0, main.parent)
            subject_reason = "document main entity"
        else:
            subject, subject_reason = None, "none found"
        share_of_it = (
            metric.metric == "market_share"
            and choice is not None
            and choice.candidate.type == "market"
            and choice.candidate.start >= figure.end
        )  # "Mars Petcare détient 27,5 % du marché européen": the market is the whole
        if (
            subject_reason in _SEGMENT_FALLBACKS
            or share_of_it
            or (choice is not None and choice.reason == "market named earlier")
        ) and self._main_is_market():
            segment = self._segment_of_clause(s_index, figure, parse, candidates)
            if segment is not None:
                # "L'Allemagne reste le premier marché national, avec 6,3 milliards d'euros":
                # in a market piece, the clause's own subject is the part of the market
                # the figure is about
                subject, subject_reason = segment, "segment: the subject of its clause"
        return choice, subject, subject_reason

    def _segment_of_clause(
        self,
        s_index: int,
        figure: Figure,
        parse: SentenceParse | None,
        candidates: list[Candidate],
    ) -> Candidate | None:
        """The grammatical subject of the figure's clause, as a part of the market: a noun
        phrase before the figure that names no entity, metric or market and is no pronoun
        or generic noun (``markets.segment_stops``)."""
        if parse is None:
            return None
        s0, _ = self.sentences[s_index]
        span = parse.clause_subject_span(figure.start - s0)
        if span is None or s0 + span[1] > figure.start:
            return None
        start, end = s0 + span[0], s0 + span[1]
        phrase = segment_phrase(self.text, start, end, self.lang)
        if phrase is None:
            return None
        start, end, name = phrase
        if any(c.start < end and start < c.end for c in candidates) or any(
            m.start < end and start < m.end for m in self.mentions
        ):
            return None
        if self.cues.metric_cues(self.text, start, end):
            return None
        if is_source_before_verb(self.text, end, self.lang):
            return None  # "Markess y anticipe une croissance de 28 %": the source, not the part
        return Candidate(self.kb.slug(name), name, "market", start, end)

    def _figure_claim(
        self,
        s_index: int,
        figure: Figure,
        metric: str,
        subject: Candidate | None,
        claim_cues: list[CueMatch],
        horizon: bool,
        others: list[tuple[int, int]],
    ) -> tuple[ClaimChoice, str | None]:
        """The figure's claim type and attribution."""
        sentence = self.sentences[s_index]
        s0, s1 = sentence
        paragraph = self._paragraph_of(s0)
        attribution, attribution_kind = find_attribution(
            self.text, sentence, figure.start, self.mentions, self.kb, self.cues, others
        )
        if (
            attribution_kind == "analyst_firm"
            and subject is not None
            and attribution is not None
            and attribution.casefold() == subject.name.casefold()
        ):
            # "Barclays now expects … to exceed £12.5bn": a bank that also runs a
            # research arm, speaking of itself, gives its own guidance
            attribution, attribution_kind = None, None
        own_outlook = (
            paragraph in self.outlook_paragraphs
            and subject is not None
            and self.main_entity is not None
            and self.main_entity in (subject.entity_id, subject.parent)
        )  # a peer or a market named in the outlook section has no say in it
        claim = choose_claim(
            figure, metric, sentence, claim_cues, horizon, attribution_kind,
            self.text, others, self.cues, own_outlook,
        )  # fmt: skip
        if (
            claim.claim_type == "forecast"
            and metric in _PAYOUT_METRICS
            and attribution_kind is None
            and subject is not None
            and subject.type in _MAIN_TYPES
        ):
            # "NVIDIA will pay its next quarterly cash dividend of $0.01": a company's
            # coming payout is a decision it has taken and reports, not a forecast
            claim = ClaimChoice("reported", f"{claim.reason}, a payout already decided")
        sourced = self.cues.source_cue.search(self.text, s0, s1) is not None
        if claim.claim_type == "reported" and attribution_kind == "analyst_firm" and sourced:
            claim = ClaimChoice("estimate", "claim estimate: a research firm's figure, sourced")
        if claim.claim_type == "target" and metric == "share_price":
            # "objectif de 110 €, soit 24 % de hausse par rapport au cours de 88,62 €": the
            # price a target is set against is today's, reported (a target price is a
            # price_target)
            claim = ClaimChoice(
                "reported", "claim reported: the share price a target is set against"
            )
        if claim.claim_type == "guidance" and subject is not None and subject.type == "market":
            # "WSTS now forecasts global semiconductor sales of $772B": a market gives no
            # guidance; what is said of it is a forecast
            claim = ClaimChoice("forecast", f"{claim.reason}, of a market: forecast")
        if claim.claim_type == "reported" and not sourced:
            attribution = None  # analysts named beside a reported figure are not its source
        return claim, attribution

    def place_figures(
        self, s_index: int, figures: list[Figure], parse: SentenceParse | None
    ) -> list[Fact]:
        sentence = self.sentences[s_index]
        s0, s1 = sentence
        candidates = self._candidates(sentence, figures)
        claim_cues = list(self.sentence_claim_cues[s_index])
        if parse is not None:
            for verb in parse.conditional_verbs(self.cues.conditional_suffixes):
                claim_cues.append(
                    CueMatch(
                        "claimed",
                        s0 + verb.start,
                        s0 + verb.end,
                        verb.text,
                        "forward",
                        conditional=True,
                    )
                )
        facts: list[Fact] = []
        previous: tuple[Figure, str] | None = None
        previous_choice: SubjectChoice | None = None
        spans = [(f.start, f.end) for f in figures]
        heading = self._list_heading(s_index)
        metric_cues = self.cues.metric_cues(self.text, s0, s1)
        if metric_cues:
            self._topic_metrics[s_index] = metric_cues[0].category
        breaks = [m.start() for m in self.cues.clause_break.finditer(self.text, s0, s1)]
        for figure in figures:
            others = [sp for sp in spans if sp != (figure.start, figure.end)]
            metric = self._figure_metric(s_index, figure, previous, others, heading, metric_cues)
            choice, subject, subject_reason = self._figure_subject(
                s_index, figure, metric, parse, candidates, others, previous, previous_choice
            )
            of_a_market = metric_rules()["metrics"][metric.metric].get("of_a_market")
            if (
                subject is not None
                and subject.type == "market"
                and of_a_market
                and figure.kind in metric_rules()["metrics"][of_a_market]["kinds"]
            ):
                # "HBM revenue should reach $58 billion": a market's revenue is its size, and so
                # is an amount said of it with no cue ("le marché … a atteint 12 Md€"); a
                # price paid in it is not ("prix moyen d'une console : 389 euros"; no code)
                metric = (
                    MetricChoice("other", metric.cue, f"{metric.reason}, a price in a market")
                    if _is_a_price(figure)
                    else MetricChoice(of_a_market, metric.cue, f"{metric.reason}, of a market")
                )
            if (
                subject is not None
                and metric.metric in _LISTED_COMPANY_METRICS
                and subject.type in ("business_unit", "product")
                and subject.parent
                and (parent := self.kb.get(subject.parent))
            ):
                # a segment has no EPS, dividend or share price: its listed parent does
                subject = Candidate(parent.id, parent.name, parent.type, subject.start, subject.end)
                subject_reason += f", its parent {parent.id}"
            compared = is_comparison_point(
                self.text, figure.start, self.lang
            ) or self._opens_bracketed_comparison(figure, metric.metric)
            period, period_reason, horizon = choose_period(
                figure, metric.metric, sentence, self.periods, self.partials,
                self._paragraph_period(sentence), self.document_period, others, compared,
                relative_shift(self.text, figure.end, s1, others, self.lang,
                               period_of_only=metric.metric in growth_metrics()),
                breaks,
            )  # fmt: skip
            if period_reason.endswith("in the sentence") and (
                listed := listed_period(self.text, figure, figures, self.periods, self.lang)
            ):
                period, period_reason = listed
            if metric.metric in _CARRIED_SHARES:
                # "Booking.com détient 31,5 % … en 2024. Airbnb … à 14,2 % … SNCF Connect,
                # à 12,8 %": a ranking carries its date through its paragraph
                paragraph = self._paragraph_of(s0) if self.paragraphs else 0
                if period is None and self._ranking_period[0] == paragraph:
                    period, period_reason = self._ranking_period[1], "period: of the ranking"
                if period is not None:
                    self._ranking_period = (paragraph, period)
            claim, attribution = self._figure_claim(
                s_index, figure, metric.metric, subject, claim_cues, horizon, others
            )
            if (
                compared
                and claim.claim_type in _OUTLOOK_CLAIMS
                and self._before_sentence_outlook(period, sentence)
            ):
                # "une marge de 12,2 % à 12,4 %, contre 12,1 % en 2024": the year the outlook
                # is measured against has happened; its figure is reported
                claim = ClaimChoice(
                    "reported", f"claim reported: compared with an outlook, in {period}"
                )
            confidence = 0.45 + (0.2 if metric.cue or "growth of" in metric.reason else 0.0)
            confidence += (
                0.2
                if subject is not None and subject_reason not in ("document main entity",)
                else 0.05
            )
            confidence += 0.1 if period else 0.0
            threshold = self.cues.threshold_before.search(
                self.text, max(s0, figure.start - 20), figure.start
            ) or self.cues.threshold_after.match(self.text, figure.end)
            if threshold:
                # "franchit le seuil des 13 milliards d'euros, à 13 072 millions": the mark
                # crossed, not the figure reached, which the summary should prefer
                confidence -= _THRESHOLD_DOUBT
            threshold_note = [f"threshold: '{threshold.group(0).strip()}'"] if threshold else []
            unit = figure.unit
            if (
                metric.metric in ("eps", "dividend")
                and figure.kind == "money"
                and not figure.scaled
            ):
                unit = f"{unit}/share"  # "EPS of $1.68" is per share even unsaid; €4bn is not
            elif metric.metric in _SHARE_PRICES and unit and unit.endswith(_PER_SHARE):
                # "une OPA à 84 € par action": a share's price is money, like "108,40 €"
                unit = unit.removesuffix(_PER_SHARE)
            qualifier = (
                metric.qualifier
                or figure.qualifier
                or self._growth_qualifier(figure, metric.metric, (s0, s1), spans)
            )
            by_qualifier = metric_rules()["metrics"][metric.metric].get("by_qualifier") or {}
            bases = (qualifier or "").split(", ")
            measured_as = [by_qualifier[q] for q in bases if q in by_qualifier]
            if (
                measured_as
                and (subject is None or subject.type != "market")
                and (metric.cue is None or metric.cue.category in _GROWTH_CUE_CATEGORIES)
            ):
                # "la croissance en données comparables s'établit à 4,2 %": a company's
                # organic growth is its sales growth
                metric = MetricChoice(measured_as[0], metric.cue, f"{metric.reason}, {qualifier}")
            facts.append(
                Fact(
                    subject=subject.name if subject else None,
                    subject_id=subject.entity_id if subject else None,
                    metric=metric.metric,
                    value=figure.value,
                    value_max=figure.value_max,
                    previous=figure.previous,
                    unit=unit,
                    period=period,
                    claim_type=claim.claim_type,
                    qualifier=qualifier,
                    attribution=attribution,
                    approximate=figure.approximate,
                    text=figure.text,
                    start=figure.start,
                    end=figure.end,
                    sentence=self.text[s0:s1],
                    confidence=round(min(confidence, 0.99), 2),
                    evidence=[
                        f"metric {metric.metric}: {metric.reason}",
                        f"subject {subject.entity_id if subject else None}: {subject_reason}",
                        period_reason,
                        claim.reason,
                        *threshold_note,
                        *figure.evidence,
                    ],
                )
            )
            previous = (figure, metric.metric)
            previous_choice = choice if choice is not None and choice.score >= 15 else None
        return facts

    def entities(self, parses: dict[int, SentenceParse]) -> list[Entity]:
        counts = Counter(m.entity_id for m in self.mentions)
        entities = []
        for entity_id, count in counts.most_common():
            record = self.kb.get(entity_id)
            if record is not None:
                entities.append(Entity(record.id, record.name, record.type, count))
        known = {e.id for e in entities}
        extra: Counter[tuple[str, str]] = Counter()
        for s_index in parses:
            s0, s1 = self.sentences[s_index]
            for start, end, name in name_spans(self.text, s0, s1):
                if any(m.start < end and start < m.end for m in self.mentions):
                    continue
                if not self.cues.plausible_organisation(name, self.text, start):
                    continue
                # "For the full year", "Net income", "in July": a sentence's first word, a
                # metric's or a month, not an organisation
                introduced = self.cues.introduced_as_company(self.text[s0:end], start - s0)
                if (
                    self._is_period(start, end)
                    or (
                        not introduced
                        and self.cues.metric_pattern.match(self.text, start) is not None
                    )
                    or (
                        not introduced
                        and (
                            name.split()[0].lower() in self.cues.name_stopwords
                            or is_common_word(name, self.text)
                        )
                    )
                ):
                    continue
                slug = self.kb.slug(name)
                if slug and slug not in known:
                    extra[(slug, name)] += 1
        entities.extend(Entity(slug, name, "company", n) for (slug, name), n in extra.most_common())
        return entities


def _is_market(kb: KnowledgeBase | LayeredKnowledge, entity_id: str | None) -> bool:
    record = kb.get(entity_id) if entity_id else None
    return record is not None and record.type == "market"


def _lede_year(text: str, periods: list[PeriodMention]) -> str | None:
    """The year a market piece's lede measures its market in ("Le marché français du jeu
    vidéo a totalisé 5,82 milliards d'euros en 2024"): the first year named, not as a
    horizon, after the title."""
    title_end = end_of_title(text)
    return next(
        (p.period for p in periods
         if p.start >= title_end and p.period.isdigit() and not p.horizon and not p.comparison),
        None,
    )  # fmt: skip


# No market is sized in less than a million: "prix moyen d'une console : 389 euros",
# "about $52 per kWh" are prices paid in it
_MARKET_SIZE_FLOOR = 1e6


def _is_a_price(figure: Figure) -> bool:
    return figure.kind == "money" and abs(figure.value) < _MARKET_SIZE_FLOOR
