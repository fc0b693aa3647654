"""Organisations a report names that the knowledge base does not know.

A user's reports name companies never listed in ``data/entities.json``. Found here, per
document, from what the report itself says of a name:

- the name the title opens with ("Arista tops forecasts…", "Soitec : résultats…"), cut
  to the longest run of its words the body repeats, when it is no common word;
- a legal form after it ("Arista Networks Inc.", "Forvia SE", "Arm Holdings plc") or a
  company's last word in it ("Comet Holding", "Nearfield Instruments");
- a listing after it ("Arista Networks (NYSE: ANET)", "Forvia (FRVIA FP)").

Each becomes a document entity with aliases (the name as written, without its legal
form, its short first word when the report uses it alone, its ticker), matched as
written, so the placing rules (paragraph and document subject, back-references) use it
like a gazetteer entity. Cue words are data (``lang/*/cues.json``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from models.cues import CueSet
from models.knowledge import EntityMention, EntityRecord, KnowledgeBase, fold_alias, normalize_alias

# a capitalized word ("Arista", "TotalEnergies", "AT&T", "Rolls-Royce", "E.Leclerc": a dot
# before a capital stays inside; "bioMérieux"), and a run of them separated by single spaces
_WORD = (
    r"[A-ZÀ-ÖØ-Þ](?:[\w&'’-]|\.(?=[A-ZÀ-ÖØ-Þ]))*[\w&]|[A-ZÀ-ÖØ-Þ]"
    r"|[a-zß-öø-ÿ]{1,4}[A-ZÀ-ÖØ-Þ][\w&'’-]*[\w&]"  # "bioMérieux", "eBay": a brand in camel case
)
_NAME = re.compile(rf"(?<![\w'’.-])(?:{_WORD})(?:[ \u00a0](?:{_WORD}|&))*")
_NAME_INSIDE = re.compile(rf"(?<=[\w,]['’ ])(?:{_WORD})(?:[ \u00a0](?:{_WORD}|&))*")
_SPACE = re.compile(r"\s+")
_POSSESSIVE_LEAD = re.compile(r"([^ \u00a0]+)['’]s[ \u00a0]+")
_ELIDED_ARTICLE = re.compile(r"[LlDd]['’][^ \u00a0]*[ \u00a0]?")
_NEXT_WORD = re.compile(r",?[ \u00a0]([a-z]{3}[a-z.]*)(?![\w])")
_TITLE_PART = re.compile(r"\s*[:;|—–]\s*|\s+-\s+")
_MIN_SHORT_FORM = 3
_SHARE_CONTEXT = 300  # chars before a bracketed share searched for a share cue
_AFTER_NUMBER = re.compile(r"\d[ \u00a0\u202f]*$")
_TITLE_OPENING = 40  # chars: a market named this early is what the title is about
_TITLE_CASE_SHARE = 0.5  # above it, a title capitalizes its words, not only its names
_COMPANY_TYPES = ("company", "business_unit", "analyst_firm")


def name_spans(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Runs of capitalized words in ``text[start:end]`` ("Nearfield Instruments", "VAT
    Group"): the organisation names a sentence may hold, for the placing rules to vet
    (``CueSet.plausible_organisation``). Stands in for a statistical NER, which cost
    nearly half the parse time and changed no measured number."""
    spans = []
    for m in _NAME.finditer(text, start, end):
        a, name = m.start(), m.group(0)
        elided = _ELIDED_ARTICLE.match(name)  # "L'équipementier Oxford…": the name follows
        if elided:
            a, name = a + elided.end(), name[elided.end() :]
        owner = _POSSESSIVE_LEAD.match(name)
        if owner and owner.end() < len(name):
            # "Japan's Shimano", "Alphabet's Waymo": two names, the second owned or placed
            spans.append((a, a + len(owner.group(1)), owner.group(1)))
            a, name = a + owner.end(), name[owner.end() :]
        if name:
            spans.append((a, m.end(), name))
    return spans


@dataclass(slots=True)
class _Found:
    core: str  # the name without its legal form
    written: str  # as written, legal form included
    ticker: str | None = None
    from_title: bool = False


class LayeredKnowledge:
    """The gazetteer plus one document's own organisations: the KnowledgeBase interface
    the placing rules use (``get``, ``find_mentions``, ``slug``, ``resolve``)."""

    def __init__(self, base: KnowledgeBase, extra: list[EntityRecord]) -> None:
        self.base = base
        self.extra = extra
        self._extra_kb = KnowledgeBase(extra, base.name_particles) if extra else None
        self.entities = [*base.entities, *extra]

    def get(self, entity_id: str) -> EntityRecord | None:
        found = self.base.get(entity_id)
        if found is None and self._extra_kb is not None:
            found = self._extra_kb.get(entity_id)
        return found

    def resolve(self, name: str) -> EntityRecord | None:
        found = self.base.resolve(name)
        if found is None and self._extra_kb is not None:
            found = self._extra_kb.resolve(name)
        return found

    def find_mentions(self, text: str) -> list[EntityMention]:
        mentions = self.base.find_mentions(text)
        if self._extra_kb is None:
            return mentions
        extra = [
            m for m in self._extra_kb.find_mentions(text)
            if not any(k.start < m.end and m.start < k.end for k in mentions)
        ]  # fmt: skip
        return sorted(mentions + extra, key=lambda m: m.start)

    @staticmethod
    def slug(name: str) -> str:
        return KnowledgeBase.slug(name)


def discover(text: str, kb: KnowledgeBase, cues: CueSet) -> list[EntityRecord]:
    """The document's organisations absent from ``kb``, title organisation first."""
    known = kb.find_mentions(text)
    title_end = end_of_title(text)
    found: list[_Found] = []
    companies = [
        m for m in known
        if (record := kb.get(m.entity_id)) is not None and record.type in _COMPANY_TYPES
    ]  # fmt: skip
    found.extend(_title_names(text, title_end, known, companies, cues))
    found.extend(_named_in_title(text, title_end, known, cues))
    for match in _NAME.finditer(text):
        start, name = _without_stopwords(match.start(), _SPACE.sub(" ", match.group()), cues)
        core, had_suffix = _strip_suffix(name, cues)
        after = text[match.end() : match.end() + 40]
        legal = _NEXT_WORD.match(after)
        if legal and legal.group(1).rstrip(".") in cues.organisation_suffixes:
            # "Harwell Biologics plc": a legal form in lower case (of three letters at
            # least: "X se félicite" is French, "X sa filiale" too)
            name, had_suffix = f"{name} {legal.group(1)}", True
            after = after[legal.end() :]
        listing = cues.listing.match(after)
        ranked = _ranked(text, start, after, cues)
        # "Alltricks, filiale de Decathlon": the owner named is a company
        owner = cues.owner_named_before(text, start)
        if not core or not (had_suffix or listing or ranked or owner):
            continue
        if not _plausible(core, start, start + len(core), text, known, cues):
            continue
        found.append(_Found(core, name, _ticker(listing)))
    return _records(_merged(found), text, kb, cues)


def _ranked(text: str, start: int, after: str, cues: CueSet) -> bool:
    """Whether the name at ``start`` is given its share in a ranking ("Cisco at 5.9%");
    a share in brackets only where a market share was just named ("Suivent Culture Vélo
    (8,6 %)", not "Global Markets (+12 %)"), and never after a number ("12 596 MEUR
    (+5,4 %)": a unit)."""
    match = cues.ranking_share.match(after)
    if match is None or _AFTER_NUMBER.search(text, max(0, start - 12), start):
        return False
    if match.group("bracketed") is None:
        return True
    window = max(0, start - _SHARE_CONTEXT)
    return any(c.category == "market_share" for c in cues.metric_cues(text, window, start))


def _without_stopwords(start: int, name: str, cues: CueSet) -> tuple[int, str]:
    """ "The Arista Networks" -> "Arista Networks": a capitalized word opening a sentence."""
    words = name.split(" ")
    while words and words[0].lower() in cues.name_stopwords:
        start += len(words.pop(0)) + 1
    return start, " ".join(words)


def _ticker(listing: re.Match[str] | None) -> str | None:
    return next((g for g in listing.groups() if g), None) if listing else None


def end_of_title(text: str) -> int:
    """Where the report's first line (its title) ends."""
    stripped = len(text) - len(text.lstrip())
    end = text.find("\n", stripped)
    return len(text) if end < 0 else end


def _title_names(
    text: str,
    title_end: int,
    known: list[EntityMention],
    companies: list[EntityMention],
    cues: CueSet,
) -> list[_Found]:
    """The name the title opens with, or the first part of it that names no known company
    opens with ("Mémoire HBM : SK Hynix creuse l'écart"), cut to the longest run of its
    words the body repeats."""
    start = len(text) - len(text.lstrip())
    starts = [start] + [m.end() for m in _TITLE_PART.finditer(text, start, title_end)]
    for part, end in zip(starts, [*starts[1:], title_end], strict=True):
        match = _NAME.match(text, part, title_end)
        opening = match is not None and not any(
            match.start() <= m.start < match.end() for m in companies
        )
        # "Ubisoft fait entrer Tencent…": the unknown name the part opens with comes first
        if opening and (name := _title_name(match, text, title_end, known, cues)):
            return [name]
        if any(part <= m.start < end for m in companies):
            return []  # the part names a known company: the title is about it
    if any(m.start < title_end for m in companies):
        return []
    # "Ce rapport détaille l'attention croissante d'Amazon envers…": a name inside a title
    # that opens with none, when the body names it again
    for match in _NAME_INSIDE.finditer(text, start, title_end):
        name = _title_name(match, text, title_end, known, cues)
        if (
            name is not None
            and len(re.findall(rf"(?<![\w-]){re.escape(name.core)}(?![\w-])", text[title_end:]))
            >= 2
        ):
            return [name]
    return []


def _named_in_title(
    text: str, title_end: int, known: list[EntityMention], cues: CueSet
) -> list[_Found]:
    """The other names a title gives and the body repeats: "Grande distribution : E.Leclerc
    creuse l'écart, Lidl passe devant Auchan" is also about Lidl and Auchan. Not the
    title's subject (``_title_names`` decides that), but organisations of the report.
    A title in title case ("Arista Networks Reports Third Quarter 2025 Financial Results")
    capitalizes every word, so its capitals name nothing."""
    words = re.findall(r"[^\W\d_]{4,}", text[:title_end])
    if sum(w[0].isupper() for w in words) > _TITLE_CASE_SHARE * len(words):
        return []
    found = []
    for match in _NAME_INSIDE.finditer(text, 0, title_end):
        name = _title_name(match, text, title_end, known, cues)
        if name is not None:
            found.append(_Found(name.core, name.written, name.ticker))
    return found


def _title_name(
    match: re.Match[str], text: str, title_end: int, known: list[EntityMention], cues: CueSet
) -> _Found | None:
    start, lead = _without_stopwords(match.start(), _SPACE.sub(" ", match.group()), cues)
    if not lead:
        return None
    words = lead.split(" ")
    body = text[title_end:]
    for k in range(len(words), 0, -1):
        name = " ".join(words[:k])
        core, _ = _strip_suffix(name, cues)
        if not core or not _occurs(core, body):
            continue
        if not _plausible(core, start, start + len(core), text, known, cues):
            return None
        after = text[start + len(name) : start + len(name) + 40]
        listing = cues.listing.match(after) or cues.bare_listing.match(after)
        return _Found(core, name, _ticker(listing), from_title=True)
    return None


def _occurs(name: str, text: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) is not None


def _strip_suffix(name: str, cues: CueSet) -> tuple[str, bool]:
    """("Arista Networks", True) for "Arista Networks Inc" (a legal form, dropped) and
    ("Comet Holding", True) for "Comet Holding" (a company's last word, kept); a name
    that is only a legal form leaves nothing."""
    words = name.split(" ")
    stripped = False
    while words and words[-1].rstrip(".").lower() in cues.organisation_suffixes:
        words.pop()
        stripped = True
    if len(words) > 1 and words[-1].lower() in cues.name_endings:
        stripped = True
    return " ".join(words), stripped


def _plausible(
    core: str, start: int, end: int, text: str, known: list[EntityMention], cues: CueSet
) -> bool:
    """A name, not a common word or a known entity: not in the gazetteer, its first word
    no generic head ("Groupe"), no metric cue, and never written in lower case
    ("Semiconductors:" is a heading when the report speaks of "semiconductor" sales)."""
    if len(core) < 2 or any(m.start < end and start < m.end for m in known):
        return False
    words = core.split(" ")
    if words[0].lower() in cues.name_stopwords or cues.rules_out_organisation(core):
        return False
    return core.isupper() or not is_common_word(core, text)


def is_common_word(name: str, text: str) -> bool:
    """Whether ``text`` also writes ``name`` in lower case ("Semiconductors" and
    "semiconductor"): a common word, not a name."""
    lowered = name.lower()
    stem = lowered[:-1] if lowered.endswith("s") and len(lowered) > 4 else lowered
    return re.search(rf"(?<![\w-]){re.escape(stem)}(?:s|es)?(?![\w-])", text) is not None


def _merged(found: list[_Found]) -> list[_Found]:
    """One entry per organisation: "Arm" (title) and "Arm Holdings" (lede) are one, and so
    are "TSMC" and "Taiwan Semiconductor Manufacturing Co"."""
    merged: list[tuple[_Found, set[str], str | None]] = []
    for item in found:
        for i, (head, forms, ticker) in enumerate(merged):
            if any(_same(item.core, f) for f in forms) or any(
                _same(f, item.written) for f in forms
            ):
                forms.update({item.core, item.written})
                merged[i] = (head, forms, ticker or item.ticker)
                break
        else:
            merged.append((item, {item.core, item.written}, item.ticker))
    return [_Found(head.core, "|".join(sorted(forms)), ticker, head.from_title)
            for head, forms, ticker in merged]  # fmt: skip


def _same(a: str, b: str) -> bool:
    """Whether two names are one organisation: equal, one opening the other word for
    word ("Arm" / "Arm Holdings"), or one the initials of the other ("TSMC")."""
    shorter, longer = sorted((a, b), key=len)
    if longer == shorter or longer.startswith(shorter + " "):
        return True
    initials = "".join(w[0] for w in longer.split(" ") if w[:1].isupper())
    return shorter.isupper() and len(shorter) >= 2 and initials.startswith(shorter)


def _short_form(core: str, text: str, cues: CueSet) -> str | None:
    """The first word of a longer name when the report uses it alone ("Arista Networks
    … Arista's revenue"), unless that word names a place ("in Taiwan") or a common word."""
    words = core.split(" ")
    first = words[0]
    if len(words) < 2 or len(first) < _MIN_SHORT_FORM or first.lower() in cues.name_stopwords:
        return None
    if is_common_word(first, text) and not first.isupper():
        return None
    alone = [
        m.start() for m in re.finditer(rf"(?<![\w-]){re.escape(first)}(?![\w-])", text)
        if not re.match(r"[ \u00a0][A-ZÀ-ÖØ-Þ&]", text[m.end() : m.end() + 2])
    ]  # fmt: skip
    if not alone or any(cues.place_before.search(text, max(0, a - 15), a) for a in alone):
        return None
    return first


def _records(found: list[_Found], text: str, kb: KnowledgeBase, cues: CueSet) -> list[EntityRecord]:
    records: list[EntityRecord] = []
    used: set[str] = set()
    for item in found:
        forms = {f for f in item.written.split("|") if f}
        cores = {c for f in forms if (c := _strip_suffix(f, cues)[0])}
        # the title's form is how the report names it; else the fullest name given
        name = item.core if item.from_title else max(cores, key=len)
        short = _short_form(max(cores, key=len), text, cues)
        if short and kb.resolve(short) is None:
            cores.add(short)
        aliases = {normalize_alias(a) for a in forms | cores}
        if item.ticker:
            aliases.add(item.ticker)
        aliases = {
            a for a in aliases
            if a and len(fold_alias(a)) == len(a) and kb.resolve(a) is None
            and fold_alias(a) not in used
        }  # fmt: skip
        if name not in aliases:
            continue
        entity_id = item.ticker if item.ticker and kb.get(item.ticker) is None else None
        entity_id = entity_id or KnowledgeBase.slug(name)
        if not entity_id or kb.get(entity_id) is not None or entity_id in {r.id for r in records}:
            continue
        used.update(fold_alias(a) for a in aliases)
        kind = "analyst_firm" if _named_as_analysts(name, text, cues) else "company"
        records.append(EntityRecord(entity_id, name, kind, None, (), tuple(sorted(aliases))))
    return records


def _named_as_analysts(name: str, text: str, cues: CueSet) -> bool:
    """Whether ``name`` follows "analysts at" somewhere ("Analysts at Telsey Advisory
    Group raised their price target"): a broker, the source of its figures, not their
    subject."""
    return any(
        cues.analyst_firm_named_at(text, match.start())
        for match in re.finditer(re.escape(name), text)
    )


def main_entity(
    mentions: list[EntityMention],
    kb: KnowledgeBase | LayeredKnowledge,
    title_end: int,
    title_names_a_market: bool = False,
) -> str | None:
    """The most mentioned company or business unit, counting the opening twice; or the
    market a title opens with ("Hearing-aid market set for steady growth …"), or, when the
    title speaks of a market without naming it whole ("Alimentation pour animaux : le
    marché européen ralentit"), the market the body opens with: a market piece is about
    its market, whichever company it names most."""
    in_title = {m.entity_id for m in mentions if m.start < title_end}
    first = next((m for m in mentions if m.start < title_end), None)
    opening = kb.get(first.entity_id) if first is not None else None
    if opening is not None and opening.type == "market" and first.start < _TITLE_OPENING:
        return opening.id
    if title_names_a_market:
        lede = next((m for m in mentions if m.start >= title_end), None)
        record = kb.get(lede.entity_id) if lede is not None else None
        if record is not None and record.type == "market":
            return record.id
    counts: Counter[str] = Counter()
    named: Counter[str] = Counter()
    for m in mentions:
        record = kb.get(m.entity_id)
        if record is None or record.type not in _COMPANY_TYPES:
            continue
        entity_id = record.parent if record.type == "business_unit" and record.parent else record.id
        weight = 2 if m.start < 600 else 1
        if record.type == "analyst_firm":
            # brokers and research firms are cited as sources: they lead only a document
            # whose title names them ("Barclays raises guidance", not "… according to IDC")
            weight = weight / 2 if m.entity_id in in_title else 0
        counts[entity_id] += weight
        named[entity_id] += 1
    # a company named once in passing ("followed by Cisco at 5.9%") leads no report
    leaders = [e for e, n in counts.most_common() if n > 0 and (named[e] >= 2 or e in in_title)]
    return leaders[0] if leaders else None
