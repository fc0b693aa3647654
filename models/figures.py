"""The figure layer: every money amount, percentage, point move, multiple, count and
chip spec in a text, with its value in base units, unit, range, move, sign and
approximation (``spec/FACTS.md``).

It works on the raw text with per-language patterns (``models.figure_grammar``), so
it is fast and needs no parse: each numeral is read, then its right context (scale,
currency, unit) and left context (currency symbol, approximation and decline cues);
neighbouring numerals joined by a range or move connector become one figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from models.figure_grammar import FigureGrammar, currency_code, grammar
from models.numbers import parse_number, parse_number_words
from models.schema import Figure

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# "Nous relevons notre objectif de cours sur Schneider Electric de 245 à 280 €"
_MOVE_VERB_REACH = 80


@dataclass(slots=True)
class _Atom:
    """One numeral and the unit words around it, before ranges are merged."""

    start: int
    num_start: int
    num_end: int
    end: int
    number: float
    scale: float | None = None
    currency: str | None = None
    kind: str | None = None
    unit: str | None = None
    factor: float = 1.0
    qualifier: str | None = None
    approximate: bool = False
    negative: bool = False
    article_like: bool = False  # "un", "one": a number only before a scale word
    in_words: bool = False  # written in words ("two"), not digits
    evidence: list[str] = field(default_factory=list)

    @property
    def value(self) -> float:
        value = self.number * (self.scale or 1.0) * self.factor
        return -abs(value) if self.negative else value


def _read_suffix(text: str, atom: _Atom, g: FigureGrammar, has_prefix_currency: bool) -> None:
    """Read scale, currency and unit words right after the numeral into ``atom``."""
    pos = atom.end
    if m := g.minor_currency.match(text, pos):
        code, factor = g.data["minor_currency"][m.group("word") or m.group("letter")]
        if m.group("word") and m.group("word").lower() in g.data["minor_currency"]:
            code, factor = g.data["minor_currency"][m.group("word").lower()]
        atom.currency, atom.factor, atom.end, atom.kind = code, float(factor), m.end(), "money"
        if per := g.per_share.match(text, atom.end):
            atom.kind, atom.end = "per_share", per.end()
        return
    if m := g.compact_money.match(text, pos):
        scale, code = g.data["compact_money"][m.group("compact")]
        atom.scale, atom.currency, atom.end = float(scale), code, m.end()
    elif m := g.scale.match(text, pos):
        word = m.group("scale") or m.group("lscale")
        scale = _lookup(g.data["scales"], word)
        after = g.currency_after_scale.match(text, m.end())
        is_letter = m.group("lscale") is not None
        if after or has_prefix_currency or not is_letter:
            atom.scale, atom.end = scale, m.end()
            atom.evidence.append(f"scale '{word}'")
            if after:
                atom.currency, atom.end = currency_code(after.group("cur"), g.lang), after.end()
        elif noun := g.count_noun.match(text, m.end()):
            atom.scale, atom.end = scale, m.end()  # "75 k plaquettes"
    elif m := g.currency_after.match(text, pos):
        atom.currency, atom.end = currency_code(m.group("cur"), g.lang), m.end()
    if atom.currency or has_prefix_currency or atom.scale:
        if atom.currency is None and atom.scale and (noun := g.count_noun.match(text, atom.end)):
            atom.kind, atom.unit, atom.qualifier = "count", "count", _counted(noun)
            atom.end = noun.end()
            return
        joined_noun = g.scaled_noun.match(text, atom.end)
        if atom.currency is None and not has_prefix_currency and joined_noun:
            atom.kind, atom.unit = "count", "count"  # "158 millions de passagers"
            atom.evidence.append("count: a scale joined to a noun, no currency")
            return
        atom.kind = "money"
        if m := g.per_share.match(text, atom.end):
            atom.kind, atom.end = "per_share", m.end()
        elif m := g.per_unit.match(text, atom.end):
            # a commodity price ("69,1 $/b", "$60 a barrel"): money, but no company's flow
            atom.kind, atom.end = "unit_price", m.end()
            atom.qualifier = f"per {_lookup_text(g.data['per_unit'], m.group('per'))}"
        return
    _read_plain_unit(text, atom, g)


def _read_plain_unit(text: str, atom: _Atom, g: FigureGrammar) -> None:
    pos = atom.end
    if m := g.percent.match(text, pos):
        atom.kind, atom.unit, atom.end = "percent", "%", m.end()
    elif m := g.points.match(text, pos):
        atom.kind, atom.unit, atom.end = "pp", "pp", m.end()
        atom.factor = float(_lookup(g.data["points"], m.group("pts")))
    elif m := g.multiple.match(text, pos):
        atom.kind, atom.unit, atom.end = "multiple", "x", m.end()
    elif m := g.spec.match(text, pos):
        factor, unit = g.data["spec_units"][m.group("spec")]
        atom.kind, atom.unit, atom.factor, atom.end = "spec", unit, float(factor), m.end()
        atom.qualifier = g.data["spec_qualifiers"].get(unit)
    elif (m := g.count_noun.match(text, pos)) and not (
        _year_like(atom) and (not m.group("noun") or _words_before_noun(m))
    ):
        atom.kind, atom.unit, atom.qualifier, atom.end = "count", "count", _counted(m), m.end()


def _words_before_noun(m: re.Match[str]) -> bool:
    """Whether words stand between the number and its counted noun: a year does not count
    "record orders" ("ends fiscal 2025 with record orders"), though "2025 units" may."""
    return bool(m.string[m.start() : m.start("noun")].split())


def _counted(m: re.Match[str]) -> str:
    return " ".join(x for x in (m.group("model"), m.group("noun")) if x)


def _year_like(atom: _Atom) -> bool:
    return (
        atom.number.is_integer()
        and 1900 <= atom.number <= 2100
        and atom.num_end - atom.num_start == 4
    )


def _lookup_text(table: dict[str, str], word: str) -> str:
    folded = " ".join(word.split()).lower().replace("’", "'")
    return next(v for k, v in table.items() if k.lower().replace("’", "'") == folded)


def _lookup(table: dict, word: str) -> float:
    if word in table:
        return float(table[word])
    folded = " ".join(word.split()).lower().replace("’", "'")
    for key, value in table.items():
        if key.lower().replace("’", "'") == folded:
            return float(value) if not isinstance(value, list) else value
    raise KeyError(word)


def _numerals(text: str, g: FigureGrammar) -> list[_Atom]:
    atoms: list[_Atom] = []
    taken: list[tuple[int, int]] = []
    for m in g.numeral.finditer(text):
        try:
            number = parse_number(m.group("num"), g.lang)
        except ValueError:
            continue
        if m.group("sign") and m.group("sign") != "+":
            number = -number
        atoms.append(_Atom(m.start(), m.start(), m.end(), m.end(), number))
        taken.append((m.start(), m.end()))
    for m in g.vague_quantity.finditer(text):
        number = _lookup(g.data["number_words_vague"], m.group(0))
        atom = _Atom(m.start(), m.start(), m.end(), m.end(), number, approximate=True)
        atom.evidence.append(f"vague quantity '{m.group(0)}'")
        atoms.append(atom)
        taken.append((m.start(), m.end()))
    for m in g.multiple_words.finditer(text):
        number = _lookup(g.data["multiple_words"], m.group(0))
        atom = _Atom(m.start(), m.start(), m.end(), m.end(), number, kind="multiple", unit="x")
        atom.evidence.append(f"multiple word '{m.group(0)}'")
        atoms.append(atom)
        taken.append((m.start(), m.end()))
    excluded = {w.lower() for w in g.data["number_words_excluded"]}
    for m in g.number_words.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        if re.search(r"\d[\s\u00a0\u202f]*$", text[max(0, m.start() - 3) : m.start()]):
            continue  # "500 mille euros": the word is the scale of the number before it
        try:
            number = parse_number_words(m.group(0), g.lang)
        except ValueError:
            continue
        atom = _Atom(m.start(), m.start(), m.end(), m.end(), number)
        atom.evidence.append(f"number words '{m.group(0)}'")
        atom.article_like = m.group(0).lower() in excluded
        atom.in_words = True
        atoms.append(atom)
    return sorted(atoms, key=lambda a: a.num_start)


def _scan(text: str, g: FigureGrammar) -> list[_Atom]:
    atoms = []
    for atom in _numerals(text, g):
        before = text[max(0, atom.num_start - 8) : atom.num_start]
        prefix = g.prefix_currency.search(before)
        if prefix:
            symbol = prefix.group(0).strip().rstrip("(").strip()
            atom.currency = currency_code(symbol, g.lang)
            atom.start = atom.num_start - len(before) + prefix.start()
            atom.negative = prefix.group(0).rstrip().endswith("(")
        bracketed = (
            text[atom.num_start - 1 : atom.num_start] == "("
            and text[atom.num_end : atom.num_end + 1] == ")"
        )
        if bracketed or (atom.negative and text[atom.num_end : atom.num_end + 1] == ")"):
            # accounting negatives: "(18,6) MEUR", "$(2.9) billion"
            atom.negative, atom.end = True, atom.num_end + 1
            atom.evidence.append("negative: bracketed")
        if atom.kind is None:
            _read_suffix(text, atom, g, prefix is not None)
        if prefix and text[max(0, atom.start - 2) : atom.start].rstrip()[-1:] in ("-", "−"):
            atom.number, atom.start = -abs(atom.number), atom.start - 1  # "−€1.2 billion"
        if atom.article_like and not atom.scale:
            continue  # "un", "one" alone are articles far more often than numbers
        if (
            atom.in_words
            and atom.kind == "count"
            and g.definite_before.search(text, max(0, atom.start - 12), atom.start)
        ):
            continue  # "the two new chips", "les deux puces": things already named, not a count
        if atom.negative and atom.kind not in ("money", "per_share"):
            atom.negative = False
        if bracketed and prefix is None and atom.kind is None:
            atom.start = atom.num_start - 1
        atoms.append(atom)
    return atoms


def _merge_pairs(
    text: str, atoms: list[_Atom], g: FigureGrammar
) -> list[tuple[_Atom, _Atom | None, str]]:
    """Join neighbours into ranges (``30 à 40 %``) and moves (``de 63 à 78 euros``)."""
    merged: list[tuple[_Atom, _Atom | None, str]] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        relation = _relation(text, a, b, g) if b else None
        if b is not None and relation:
            _share_unit(a, b)
            merged.append((a, b, relation))
            i += 2
            continue
        merged.append((a, None, "single"))
        i += 1
    return merged


def _relation(text: str, a: _Atom, b: _Atom, g: FigureGrammar) -> str | None:
    between = text[a.end : b.start]
    if len(between) > 12 or "\n" in between:
        return None
    before = text[max(0, a.start - _MOVE_VERB_REACH) : a.start]
    if b.kind and g.reverse_move_between.match(between) and g.reverse_move_to_before.search(before):
        revised = g.move_verb_before.search(before[-_MOVE_VERB_REACH:])
        return "reverse_move" if revised and _compatible(a, b) else None
    m = g.range_between.match(between)
    if not m or not b.kind or not _compatible(a, b):
        return None
    if m.group("and") and not g.range_opener_before.search(before):
        return None
    if (
        g.move_from_before.search(before)
        and g.move_verb_before.search(before[-_MOVE_VERB_REACH:])
        and not g.range_opener_before.search(before)  # "relevée à une fourchette de 91 à 93"
    ):
        return "move"
    return "range"


def _compatible(a: _Atom, b: _Atom) -> bool:
    if a.kind is None:
        return not _year_like(a) and (a.scale is None or b.scale is not None)
    if {a.kind, b.kind} in ({"money", "per_share"}, {"money", "unit_price"}):
        return a.currency == b.currency or a.currency is None or b.currency is None
    if a.kind != b.kind or a.unit != b.unit:
        return False
    return a.currency is None or b.currency is None or a.currency == b.currency


def _share_unit(a: _Atom, b: _Atom) -> None:
    """The first number of ``10 à 12 milliards d'euros`` takes the second one's unit."""
    if a.kind is None or (a.kind == "money" and b.kind in ("per_share", "unit_price")):
        a.kind, a.unit, a.factor, a.qualifier = b.kind, b.unit, b.factor, b.qualifier
        a.scale = a.scale or b.scale
    a.currency = a.currency or b.currency
    b.currency = b.currency or a.currency
    if a.scale is None and b.scale is not None and a.kind in ("money", "per_share", "count"):
        a.scale = b.scale
    if b.scale is None and a.scale is not None and b.kind in ("money", "per_share", "count"):
        b.scale = a.scale


def _unit(atom: _Atom) -> str | None:
    if atom.kind in ("money", "unit_price"):
        return atom.currency
    if atom.kind == "per_share":
        return f"{atom.currency}/share" if atom.currency else None
    return atom.unit


_COUNTERPART_REACH = 60


def _count_counterparts(text: str, atoms: list[_Atom], g: FigureGrammar) -> None:
    """A bare number compared with a count counts the same thing: "306 avions commerciaux,
    contre 323 un an plus tôt", "3.8 million" after "6.5 million GPUs … compared with"."""
    previous: _Atom | None = None
    for atom in atoms:
        bare = atom.kind is None or (atom.kind == "money" and not atom.currency)
        if not bare:
            previous = atom
            continue
        if previous is None or previous.kind != "count":
            continue
        if atom.start - previous.end > _COUNTERPART_REACH:
            continue
        between = text[previous.end : atom.start]
        if re.search(r"[.!?;]\s", between) or not g.counterpart_before.search(between):
            continue
        atom.kind, atom.unit, atom.qualifier = "count", "count", previous.qualifier
        atom.evidence.append("count: compared with the count before it")


def _inherit_currency(text: str, atoms: list[_Atom]) -> None:
    """``… 12,3 milliards`` with no currency takes the paragraph's last one (then next one)."""
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]

    def paragraph(pos: int) -> int:
        return sum(1 for b in breaks if b < pos)

    money = [a for a in atoms if a.kind in ("money", "per_share", "unit_price")]
    for i, atom in enumerate(money):
        if atom.currency:
            continue
        here = paragraph(atom.start)
        earlier = [m for m in money[:i] if m.currency and paragraph(m.start) == here]
        later = [m for m in money[i + 1 :] if m.currency and paragraph(m.start) == here]
        source = earlier[-1] if earlier else (later[0] if later else None)
        if source:
            atom.currency = source.currency
            atom.evidence.append(f"currency {source.currency} carried from the paragraph")


def _count_scaled_numbers(atoms: list[_Atom]) -> None:
    """A scaled number with no currency in its paragraph counts things: "2,3 millions de
    pompes à chaleur", "3.5 million passengers", "1,9 million en Europe"."""
    for atom in atoms:
        if atom.kind == "money" and atom.scale and not atom.currency:
            atom.kind, atom.unit = "count", "count"
            atom.evidence.append("count: a scaled number with no currency")


def _signed(text: str, figure: Figure, g: FigureGrammar, relation: str) -> None:
    before = text[max(0, figure.start - 40) : figure.start]
    if g.approx_before.search(before):
        figure.approximate = True
        figure.evidence.append("approximate: cue before")
    if relation in ("move", "reverse_move"):
        return
    cue = g.decline_before.search(before)
    if cue and (
        g.rise_words.search(cue.group(0).split(maxsplit=1)[-1]) or g.level_before.search(before)
    ):
        cue = None  # "contracted revenue rose 46 %", "fell to 27.5 %": not a decline of the figure
    declining = figure.kind in ("percent", "pp") and (
        cue or g.decline_after.match(text, figure.end)
    )
    losing = figure.kind in ("money", "per_share") and g.loss_before.search(before)
    if declining or losing:
        low, high = figure.value, figure.value_max
        if high is None:
            figure.value = -abs(low)
        else:
            figure.value, figure.value_max = -abs(high), -abs(low)
        figure.declined = bool(declining)
        figure.evidence.append("negative: decline cue" if declining else "negative: loss cue")


def find_figures(text: str, lang: str) -> list[Figure]:
    """Every figure of ``text`` (in ``lang``'s conventions), in text order."""
    g = grammar(lang)
    atoms = _scan(text, g)
    _count_counterparts(text, atoms, g)
    _inherit_currency(text, atoms)
    _count_scaled_numbers(atoms)
    figures: list[Figure] = []
    for a, b, relation in _merge_pairs(text, atoms, g):
        last = b or a
        unit = _unit(last)
        if last.kind is None or unit is None:
            continue
        value, value_max, previous = a.value, None, None
        if relation == "range" and b is not None:
            value, value_max = sorted((a.value, b.value))
        elif relation == "move" and b is not None:
            value, previous = b.value, a.value
        elif relation == "reverse_move" and b is not None:
            value, previous = a.value, b.value
        evidence = [*a.evidence, *(b.evidence if b else [])]
        if relation != "single":
            evidence.append(relation)
        figure = Figure(
            value=value,
            unit=unit,
            start=a.start,
            end=last.end,
            text=text[a.start : last.end],
            kind=last.kind,
            value_max=value_max,
            previous=previous,
            approximate=a.approximate or last.approximate,
            qualifier=last.qualifier,
            evidence=evidence,
            scaled=bool(a.scale or last.scale),
        )
        _signed(text, figure, g, relation)
        figures.append(figure)
    return figures
