"""What the assigner needs from spaCy, kept as plain data per sentence.

Only sentences that hold a figure are parsed; from each parse we keep tokens (offset,
part of speech, mood, dependency, head), nothing heavier, so results are cheap to hold
and to send between processes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

_SUBJECT_DEPS = ("nsubj", "nsubj:pass", "nsubjpass", "csubj")
_VERB_POS = ("VERB", "AUX")


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    pos: str
    dep: str
    head: int
    conditional: bool


@dataclass(slots=True)
class SentenceParse:
    tokens: list[Token]

    def token_at(self, offset: int) -> int | None:
        for i, token in enumerate(self.tokens):
            if token.start <= offset < token.end:
                return i
        return None

    def clause_subject_span(self, offset: int) -> tuple[int, int] | None:
        """Char span of the grammatical subject of the clause holding ``offset``."""
        i = self.token_at(offset)
        seen = set()
        while i is not None and i not in seen:
            seen.add(i)
            token = self.tokens[i]
            # a root with a subject is the clause's verb, though the tagger may call it a
            # noun ("Mars Petcare détient 27,5 %": "détient" tagged NOUN by the small model)
            if token.pos in _VERB_POS or token.head == i:
                subjects = [
                    j
                    for j, t in enumerate(self.tokens)
                    if t.head == i and t.dep in _SUBJECT_DEPS and j != i
                ]
                if subjects:
                    return self._subtree_span(subjects[0])
            if token.head == i:
                return None
            i = token.head
        return None

    def _subtree_span(self, root: int) -> tuple[int, int]:
        members = {root}
        changed = True
        while changed:
            changed = False
            for j, t in enumerate(self.tokens):
                if j not in members and t.head in members and t.head != j:
                    members.add(j)
                    changed = True
        return min(self.tokens[j].start for j in members), max(self.tokens[j].end for j in members)

    def conditional_verbs(self, suffixes: Sequence[str]) -> list[Token]:
        """Verbs in the conditional mood (``offrirait``): by morphology, or by ending."""
        found = []
        for t in self.tokens:
            if t.pos not in _VERB_POS:
                continue
            lowered = t.text.lower()
            if suffixes:
                # every form of a conditional ends so ("offrirait", "pourraient"); the
                # tagger also marks "barils équivalent pétrole" conditional: not a verb form
                if lowered.endswith(tuple(suffixes)):
                    found.append(t)
            elif t.conditional:
                found.append(t)
        return found


_VERBS = frozenset({"VERB", "AUX"})


def parse_sentences(nlp: Any, texts: Sequence[str], batch_size: int = 64) -> list[SentenceParse]:
    parses = []
    for doc in nlp.pipe(texts, batch_size=batch_size):
        tokens = [
            Token(
                start=t.idx,
                end=t.idx + len(t.text),
                text=t.text,
                pos=t.pos_,
                dep=t.dep_,
                head=t.head.i,
                # only verbs carry a mood; reading the morphology of every token costs
                conditional=t.pos_ in _VERBS and "Cnd" in t.morph.get("Mood"),
            )
            for t in doc
        ]
        parses.append(SentenceParse(tokens))
    return parses
