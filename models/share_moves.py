"""A share's move in one session ("Shares fell 6.2% in extended trading"), told apart from
its move over a longer run ("taking the stock's gain since January to about 63%").

A large move on the day is news: readers of results and deal stories look for the
market's verdict, while a year-to-date move is background. The words that give a longer
run ("since", "this year", "depuis le début de l'année", "sur douze mois") are data,
``share_move_horizons`` in each language's ``cues.json``; facts carry no language, so
both lists are read (their words do not overlap in meaning).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from models.lexicon import alternation, load_language_data
from models.schema import SUPPORTED_LANGUAGES

# A move of 5% or more in one session is what market news headlines (checked on dev:
# 3% or 4% let small moves crowd out results, 8% missed the 5.3% and 6.2% headlines).
SESSION_MOVE_MIN = 5.0
_DIGIT = re.compile(r"\d")
_FORWARD_STOP = re.compile(r"[\d,;:(]")


@cache
def _horizon_pattern() -> re.Pattern[str]:
    words = [
        word
        for lang in SUPPORTED_LANGUAGES
        for word in load_language_data(lang, "cues")["share_move_horizons"]
    ]
    return re.compile(rf"(?<![\w])(?:{alternation(words)})(?![\w])", re.IGNORECASE)


def is_longer_run_move(fact: Mapping[str, Any]) -> bool:
    """Whether ``fact`` is a reported share move over a longer run than a session ("up 28%
    since January", "en baisse de 41 % sur douze mois"): background, not the news."""
    return _is_reported_move(fact) and _horizon_pattern().search(own_clause(fact)) is not None


def is_session_move(fact: Mapping[str, Any]) -> bool:
    """Whether ``fact`` is a reported share move of at least SESSION_MOVE_MIN percent with
    no period and no word of a longer run in its own clause."""
    return (
        _is_reported_move(fact)
        and not fact.get("period")
        and abs(float(fact.get("value") or 0.0)) >= SESSION_MOVE_MIN
        and not is_longer_run_move(fact)
    )


def _is_reported_move(fact: Mapping[str, Any]) -> bool:
    return fact.get("metric") == "share_price_change" and fact.get("claim_type") == "reported"


def own_clause(fact: Mapping[str, Any]) -> str:
    """The words of the fact's sentence that belong to its figure: back to the figure before
    it, and on to the figure or clause break after it. "Shares jumped 9.5% on Friday,
    taking their gain since January to 30%" gives "Shares jumped … on Friday" for 9.5%
    and "% on Friday, taking their gain since January to …" for 30%; "Depuis le début
    de l'année, le titre a progressé de 4 %" keeps its opening words."""
    sentence, figure = fact.get("sentence") or "", fact.get("text") or ""
    at = sentence.find(figure) if figure else -1
    if at < 0:
        return sentence
    before = _DIGIT.split(sentence[:at])[-1]
    after = _FORWARD_STOP.split(sentence[at + len(figure) :])[0]
    return f"{before} {after}"
