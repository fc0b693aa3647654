"""Markets a report names that the knowledge base does not know.

Market pieces size markets the gazetteer never listed: "le marché européen des pompes à
chaleur a atteint 12 milliards d'euros", "the global cruise market was worth $45
billion". Found here, per document, from the phrase itself: a head word ("marché",
"market"), in French followed by an optional place adjective, a link word and at most a
few words of what is sold (up to a verb or a preposition that opens another phrase), in
English preceded by "the" and a few words that are no stop word; a tracker's whole market
may also be named by its volume with a scope ("Global smartphone shipments rose 2.8%",
``volume_scopes`` and ``volume_heads``) or by a title opening with it ("Cybersecurity
spending keeps outpacing IT budgets"); phrases sharing an alias are one market. Each
becomes a document
entity of type ``market`` (its size is then ``market_size``, see
``models/document_facts.py``), with the phrase without its place adjective as a second
alias ("le marché des pompes à chaleur", "the cruise market"). The words are data
(``lang/*/cues.json``, section ``markets``), validated at load.

In a market piece, the parts of the market (a country, a segment, a channel, a leader the
gazetteer does not know) are named by their clause's subject ("L'Allemagne reste le
premier marché national, avec 6,3 milliards d'euros"): :func:`segment_phrase` reads that
name, and ``models/document_facts.py`` uses it where no entity claims the figure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from models.cues import require_word_lists
from models.document_entities import end_of_title
from models.errors import DataFileError
from models.knowledge import EntityMention, EntityRecord, KnowledgeBase, fold_alias
from models.lexicon import alternation, load_language_data

_WORD = re.compile(r"[\w'’-]+")
_NEXT_WORD = re.compile(r"\s*([\w'’-]+)")
_SECTION = "markets"
_WORD_LISTS = (
    "heads", "adjectives", "links", "stops", "segment_determiners", "segment_stops",
    "segment_source_verbs",
)  # fmt: skip
_SEGMENT_ENDS = re.compile(r"[,;:()\u2014]")  # an apposition or an aside ends the name
_SEGMENT_MAX_WORDS = 6
_ELIDED_MAX = 2  # "l'", "d'", "qu'": an elided word is short
_SOLD_MIN_CHARS = 5  # "IA" in a company's title says nothing of "le marché de l'IA"
_TOPIC_MAX_WORDS = 4  # "Satellite broadband:", "Alimentation pour animaux :"


@dataclass(frozen=True, slots=True)
class MarketCues:
    head_first: bool  # "marché des …" (French) or "… market" (English)
    phrase: re.Pattern[str]
    adjectives: frozenset[str]
    stops: frozenset[str]
    trailing: frozenset[str]
    max_words: int
    # "en ligne" in "le marché du voyage en ligne": a stop word opening a fixed phrase
    compounds: re.Pattern[str] | None = None
    # a tracker's whole market named by its volume: "global smartphone shipments"
    scoped_volume: re.Pattern[str] | None = None
    # the same, named after its volume: "global shipments of wrist-worn wearables"
    scoped_volume_of: re.Pattern[str] | None = None
    market_head: str = ""  # the head word a market is named with ("market")
    # stop words that go on naming what is sold before a bare noun ("pour chiens")
    joiners: frozenset[str] = frozenset()
    # a part of a market named by a clause's subject ("Les friandises … progressent"):
    # the determiners it loses, and the words that make a subject no part of a market
    segment_determiners: frozenset[str] = frozenset()
    segment_stops: frozenset[str] = frozenset()
    source_verb: re.Pattern[str] = re.compile(r"(?!x)x")  # "y anticipe", "estimates"
    head_word: re.Pattern[str] = re.compile(r"(?!x)x")  # any head word, alone


@cache
def market_cues(lang: str) -> MarketCues:
    data: dict[str, Any] = load_language_data(lang, "cues").get(_SECTION) or {}
    where = f"models/lang/{lang}/cues.json: {_SECTION}"
    require_word_lists(data, _WORD_LISTS, lang, _SECTION)
    position, max_words = data.get("head_position"), data.get("max_words")
    if position not in ("first", "last"):
        raise DataFileError(f"{where}.head_position must be 'first' or 'last'")
    if not isinstance(max_words, int) or isinstance(max_words, bool) or max_words < 1:
        raise DataFileError(f"{where}.max_words must be an integer >= 1")
    heads, links = alternation(data["heads"]), alternation(data["links"])
    adjectives = alternation(data["adjectives"])
    if position == "first":
        # "marché (européen) des " — the words sold follow, read by _words_after
        phrase = rf"(?<![\w])(?:{heads})(?:\s+(?:{adjectives}))?\s+(?:{links})(?:\s+|(?<='))"
    else:
        # "the (global) heat pump market"
        phrase = rf"(?<![\w])(?:{links})\s+((?:[\w'’.-]+\s+){{1,{max_words}}}?)(?:{heads})(?![\w])"
    return MarketCues(
        head_first=position == "first",
        phrase=re.compile(phrase, re.IGNORECASE),
        adjectives=frozenset(w.lower() for w in data["adjectives"]),
        stops=frozenset(w.lower().replace("’", "'") for w in data["stops"]),
        trailing=frozenset(w.lower() for w in data.get("trailing") or ()),
        max_words=max_words,
        compounds=_compounds(data.get("compounds"), where),
        scoped_volume=_scoped_volume(data, max_words, where),
        scoped_volume_of=_scoped_volume_of(data, max_words) if position == "last" else None,
        market_head=data["heads"][0],
        joiners=frozenset(w.lower() for w in data.get("joiners") or ()),
        segment_determiners=frozenset(w.lower() for w in data["segment_determiners"]),
        segment_stops=frozenset(w.lower() for w in data["segment_stops"]),
        source_verb=re.compile(
            rf"\s+(?:(?:{alternation(data['segment_source_verbs'])})(?![\w]))", re.IGNORECASE
        ),
        head_word=re.compile(rf"(?<![\w])(?:{heads})(?![\w])", re.IGNORECASE),
    )


def _scoped_volume(data: dict[str, Any], max_words: int, where: str) -> re.Pattern[str] | None:
    """ "(global|worldwide) … (shipments|deliveries|spending)": no "the" needed, the scope
    says it is the whole market ("Global smartphone shipments rose 2.8%"); so does the
    report's title opening with it ("Cybersecurity spending keeps outpacing IT budgets"; a
    known company there, "Apple shipments", is left to the gazetteer)."""
    scopes, heads = data.get("volume_scopes"), data.get("volume_heads")
    if scopes is None and heads is None:
        return None
    for name, words in (("volume_scopes", scopes), ("volume_heads", heads)):
        if words is not None and (
            not isinstance(words, list)
            or not words
            or not all(isinstance(w, str) and w for w in words)
        ):
            raise DataFileError(f"{where}.{name} must be a list of words")
    if scopes is None or heads is None:
        raise DataFileError(f"{where}.volume_scopes and volume_heads go together")
    return re.compile(
        rf"((?:(?<![\w])(?:{alternation(scopes)})\s+|\A)(?:[\w'’.-]+\s+){{1,{max_words - 1}}}?)"
        rf"(?:{alternation(heads)})(?![\w])",
        re.IGNORECASE,
    )


def _scoped_volume_of(data: dict[str, Any], max_words: int) -> re.Pattern[str] | None:
    """ "(global|worldwide) (shipments|…) of …": group 1 the scope, group 2 up to
    ``max_words`` words of what is shipped (cut at a stop word by the caller)."""
    scopes, heads = data.get("volume_scopes"), data.get("volume_heads")
    if not scopes or not heads:
        return None  # validated with the scoped volume
    return re.compile(
        rf"(?<![\w])({alternation(scopes)})\s+(?:{alternation(heads)})\s+of\s+"
        rf"((?:[\w'’-]+[ \t]+){{0,{max_words - 1}}}[\w'’-]+)",
        re.IGNORECASE,
    )


def _compounds(phrases: Any, where: str) -> re.Pattern[str] | None:
    if phrases is None:
        return None
    if not isinstance(phrases, list) or not all(isinstance(p, str) and p for p in phrases):
        raise DataFileError(f"{where}.compounds must be a list of phrases")
    return re.compile(rf"(?:{alternation(phrases)})(?![\w])", re.IGNORECASE)


def discover_markets(text: str, kb: KnowledgeBase, lang: str) -> list[EntityRecord]:
    """The markets ``text`` names that ``kb`` does not, in order of first mention."""
    cues = market_cues(lang)
    known = kb.find_mentions(text)
    records: list[EntityRecord] = []
    by_alias: dict[str, int] = {}  # folded alias -> index in records
    matches = sorted(
        [
            *cues.phrase.finditer(text),
            *(cues.scoped_volume.finditer(text) if cues.scoped_volume else ()),
            *(cues.scoped_volume_of.finditer(text) if cues.scoped_volume_of else ()),
        ],
        key=lambda m: m.start(),
    )
    for match in matches:
        if match.re is cues.scoped_volume_of:
            found = _volume_of_phrase(match, cues)
        elif cues.head_first and match.re is cues.phrase:
            found = _french_phrase(text, match, cues)
        else:
            found = _english_phrase(match, cues)
        if found is None or _overlaps(found[0], known):
            continue
        (start, end), short = found
        name = " ".join(text[start:end].split())
        if fold_alias(name) in by_alias or kb.resolve(name) is not None:
            continue
        aliases = {name} | ({short} if short and kb.resolve(short) is None else set())
        if match.re is cues.scoped_volume_of:
            # "Global shipments of wrist-worn wearables": the global wrist-worn wearables
            # market, also named by what is shipped
            sold = " ".join(text[match.start(2) : end].split())
            name = f"{match.group(1)} {sold} {cues.market_head}"
            aliases = {name, f"{sold} {cues.market_head}", sold}
        elif match.re is cues.scoped_volume and not cues.head_first:
            # "Global smartphone shipments", "Cybersecurity spending": the market of what
            # is shipped or spent on, named as a market ("global smartphone market"), its
            # volume phrases kept as aliases
            aliases |= {_as_market(alias, cues) for alias in aliases}
            name = _as_market(name, cues)
        same = next((by_alias[fold_alias(a)] for a in aliases if fold_alias(a) in by_alias), None)
        if same is not None:
            # "Smartphone shipments …" (title), then "Global smartphone shipments": one market
            record = records[same]
            aliases |= set(record.aliases)
            records[same] = EntityRecord(
                record.id, record.name, "market", None, tuple(sorted(aliases)), ()
            )
        else:
            same = len(records)
            records.append(
                EntityRecord(
                    KnowledgeBase.slug(name), name, "market", None, tuple(sorted(aliases)), ()
                )
            )
        by_alias.update({fold_alias(a): same for a in aliases})
    found = [r for r in records if r.id]
    if not found and (topic := _title_topic(text, known, cues)) is not None:
        # "Satellite broadband: a market growing by a quarter a year": the title says it
        # is about a market and names it before its colon
        name = f"{topic} {cues.market_head}" if not cues.head_first else topic
        aliases = tuple(sorted({name, topic}))
        found = [EntityRecord(KnowledgeBase.slug(name), name, "market", None, aliases, ())]
    return found


def _title_topic(text: str, known: list[EntityMention], cues: MarketCues) -> str | None:
    """The words before a title's colon, when the title has a market head word after
    it, names no known entity there, and the words are few (no stop word, no digit)."""
    title_end = end_of_title(text)
    colon = text.find(":", 0, title_end)
    if colon <= 0 or not cues.head_word.search(text, colon, title_end):
        return None
    topic = " ".join(text[:colon].split())
    words = topic.split()
    if not 1 <= len(words) <= _TOPIC_MAX_WORDS or any(
        w.lower() in cues.stops or any(ch.isdigit() for ch in w) for w in words
    ):
        return None
    if any(m.start < colon for m in known):
        return None
    return topic


def _french_phrase(
    text: str, match: re.Match[str], cues: MarketCues
) -> tuple[tuple[int, int], str | None] | None:
    """ "marché européen des pompes à chaleur" (up to a stop word), and its form without
    the adjective."""
    end, count = match.end(), 0
    for word in _WORD.finditer(text, match.end()):
        between = text[end : word.start()]
        if count and (between.strip() or "\n" in between):
            break  # punctuation or a line break ends the phrase
        token = word.group().lower().replace("’", "'")
        compound = cues.compounds.match(text, word.start()) if cues.compounds else None
        if count == cues.max_words or any(ch.isdigit() for ch in token):
            break
        if compound is not None:
            end, count = compound.end(), count + len(compound.group().split())
            continue
        if token in cues.joiners and count and _bare_word_after(text, word.end(), cues):
            # "l'alimentation pour chiens et chats": a joiner before a bare noun goes on
            # naming what is sold ("pour les entreprises", "et Apple" do not)
            end, count = word.end(), count + 1
            continue
        if token in cues.stops:
            break
        end, count = word.end(), count + 1
    while count and text[match.end() : end].split()[-1].lower() in cues.trailing:
        end = match.end() + text[match.end() : end].rstrip().rfind(" ")
        count -= 1
    if not count:
        return None
    head = text[match.start() : match.end()].split()
    sold = text[match.end() : end]
    short = None
    if len(head) > 2 and head[1].lower() in cues.adjectives:
        short = " ".join([head[0], *head[2:]]) + (" " if not head[-1].endswith("'") else "") + sold
    return (match.start(), end), short


def _volume_of_phrase(
    match: re.Match[str], cues: MarketCues
) -> tuple[tuple[int, int], str | None] | None:
    """ "global shipments of wrist-worn wearables, including …": the words shipped, up to a
    stop word or a digit."""
    end = None
    for word in re.finditer(r"[\w'’-]+", match.group(2)):
        token = word.group().lower()
        if token in cues.stops or any(ch.isdigit() for ch in token):
            break
        end = match.start(2) + word.end()
    return None if end is None else ((match.start(), end), None)


def _bare_word_after(text: str, position: int, cues: MarketCues) -> bool:
    """Whether the next word is a lowercase word that is no stop word ("chiens")."""
    word = _NEXT_WORD.match(text, position)
    if word is None:
        return False
    token = word.group(1)
    return token.islower() and token not in cues.stops and not any(c.isdigit() for c in token)


def _english_phrase(
    match: re.Match[str], cues: MarketCues
) -> tuple[tuple[int, int], str | None] | None:
    """ "global cruise market" (no stop word among its words), and "cruise market"."""
    words = match.group(1).split()
    if "\n" in match.group(0):
        return None  # "The ranking\n\nNo other telecoms market": a heading, then a sentence
    if any(
        w.lower() in cues.stops
        or any(ch.isdigit() for ch in w)
        or (w.endswith(".") and w.lower() not in cues.adjectives)  # "the money. Market"
        for w in words
    ):
        return None
    if all(w.lower() in cues.adjectives for w in words):
        return None  # "the European market (for charging infrastructure)": a scope, no name
    start = match.start(1)
    head = match.group(0)[match.end(1) - match.start() :]
    short = None
    for size in (2, 1):
        lead = " ".join(words[:size])
        if len(words) > size and lead.lower() in cues.adjectives:
            short = " ".join([*words[size:], head])
            break
    return (start, match.end()), short


def segment_phrase(text: str, start: int, end: int, lang: str) -> tuple[int, int, str] | None:
    """The noun phrase at ``text[start:end]`` (a clause's subject) as the name of a part
    of a market: cut at an apposition, without its determiner ("L'Allemagne" ->
    "Allemagne", "Xbox Cloud Gaming, included in …" -> "Xbox Cloud Gaming"); None for a
    pronoun, a generic noun, a market itself, a number or a long phrase."""
    cues = market_cues(lang)
    cut = _SEGMENT_ENDS.search(text, start, end)
    words = _words(text, start, cut.start() if cut else end)
    while words and _folded(words[0][2]) in cues.segment_determiners:
        words.pop(0)
    if not words or len(words) > _SEGMENT_MAX_WORDS:
        return None
    first, last = words[0][0], words[-1][1]
    name = " ".join(text[first:last].split())
    if (
        _folded(words[0][2]) in cues.segment_stops
        or cues.head_word.search(text, first, last)
        or any(ch.isdigit() for ch in name)
    ):
        return None
    return first, last, name


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Words with their offsets, an elided article apart ("L'" and "Allemagne")."""
    words = []
    for match in _WORD.finditer(text, start, end):
        token = match.group()
        elided, apostrophe, rest = token.replace("’", "'").partition("'")
        if apostrophe and rest and len(elided) <= _ELIDED_MAX:
            cut = match.start() + len(elided) + 1
            words += [(match.start(), cut, token[: cut - match.start()]), (cut, match.end(), rest)]
        else:
            words.append((match.start(), match.end(), token))
    return words


def is_source_before_verb(text: str, position: int, lang: str) -> bool:
    """Whether a reporting verb follows ``position`` ("Markess y anticipe", "ISC2
    estimates"): the phrase before it is a source, not a part of the market."""
    return market_cues(lang).source_verb.match(text, position) is not None


def _folded(word: str) -> str:
    return word.lower().replace("’", "'")


def title_speaks_of_a_market(text: str, lang: str, markets: Sequence[EntityRecord] = ()) -> bool:
    """Whether the report's title has a market head word ("le marché européen ralentit"),
    or names what one of the report's ``markets`` sells ("Centres de données : la France
    accélère" for "le marché français des centres de données", "Wrist-worn wearables
    extend growth streak")."""
    cues = market_cues(lang)
    title = text[: end_of_title(text)]
    if cues.head_word.search(title) is not None:
        return True
    folded = _folded(title)
    return any(
        re.search(rf"(?<![\w]){re.escape(_folded(sold))}(?![\w])", folded) is not None
        for record in markets
        for alias in record.aliases
        if (sold := _sold(alias, cues)) is not None and len(sold) >= _SOLD_MIN_CHARS
    )


def _sold(alias: str, cues: MarketCues) -> str | None:
    """What a market's name says it sells: "centres de données" in "marché français des
    centres de données", "cruise" in "global cruise market", the whole of a volume alias
    ("wrist-worn wearables")."""
    if cues.head_first:
        match = cues.phrase.match(alias)
        if match is not None:
            return alias[match.end() :].strip() or None
        return None if cues.head_word.search(alias) else alias
    words = alias.split()
    while words and words[0].lower() in cues.adjectives:
        words.pop(0)
    if words and cues.head_word.fullmatch(words[-1]):
        words.pop()
    return " ".join(words) or None


def _as_market(volume_phrase: str, cues: MarketCues) -> str:
    """ "Global smartphone shipments" -> "Global smartphone market" (head-last languages)."""
    words = volume_phrase.split()
    return " ".join([*words[:-1], cues.market_head]) if len(words) > 1 else volume_phrase


def _overlaps(span: tuple[int, int], known: list[EntityMention]) -> bool:
    return any(m.start < span[1] and span[0] < m.end for m in known)
