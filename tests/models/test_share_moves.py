"""A share's move in one session, told apart from a longer run, a premium or a small move.

Each row runs the real extractor (no encoder) on one sentence and asks whether the
share move read from ``figure`` is the market's verdict of the day (models/share_moves.py).
"""

from __future__ import annotations

from typing import Any

import pytest

from models.share_moves import SESSION_MOVE_MIN, is_longer_run_move, is_session_move, own_clause


@pytest.fixture(scope="module")
def extractor() -> Any:
    from models import Extractor

    return Extractor(use_encoder=False).load()


# (lang, text, figure, a session move?)
ROWS = [
    ("en", "Caterpillar shares rose 11.6% to $591.40 in afternoon trading in New York, "
           "taking the stock's gain since January to about 63%.", "11.6%", True),
    ("en", "Caterpillar shares rose 11.6% to $591.40 in afternoon trading in New York, "
           "taking the stock's gain since January to about 63%.", "63%", False),
    ("en", "Intel shares fell 8.5% in extended trading to $20.80.", "8.5%", True),
    ("en", "Acme shares jumped 9.5% on Friday, taking their gain since January to 30%.", "9.5%",
     True),
    ("en", "Netflix shares fell 6.2% to $1,165.50, trimming a gain of about 40% this year.",
     "40%", False),
    ("en", "Arm's shares rose 4.3% to $171.19 in extended trading.", "4.3%", False),
    ("en", "Alphabet shares have climbed about 50% this year.", "50%", False),
    ("en", "The offer is worth $21.01 a share, a premium of 46% to Kenvue's last close.",
     "46%", False),
    ("fr", "L'action Alten a bondi de 35,2 %, à 82,55 €, un cours proche du prix d'offre.",
     "35,2 %", True),
    ("fr", "À Paris, l'action bioMérieux a cédé 5,3 % à 108,40 €.", "5,3 %", True),
    ("fr", "Le titre Safran a gagné 28 % depuis le début de l'année.", "28 %", False),
    ("fr", "Depuis le début de l'année, le titre Air Liquide n'a progressé que de 14 %.",
     "14 %", False),
    ("fr", "Le titre Ubisoft reste en baisse de 41 % sur douze mois.", "41 %", False),
    ("fr", "L'action LVMH a gagné 2,7 % vendredi, à 471,15 €.", "2,7 %", False),
    ("fr", "L'offre fait ressortir une prime de 37,6 % sur le cours de clôture.", "37,6 %",
     False),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "figure", "expected"), ROWS)
def test_session_moves(extractor: Any, lang: str, text: str, figure: str, expected: bool) -> None:
    facts = [f.to_dict() for f in extractor.extract(text, lang=lang).facts]
    fact = next(f for f in facts if f["text"] == figure or figure in f["text"])
    assert is_session_move(fact) is expected, fact


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_both_languages_have_session_and_longer_rows(lang: str) -> None:
    answers = {expected for row_lang, _, _, expected in ROWS if row_lang == lang}
    assert answers == {True, False}


@pytest.mark.parametrize(
    ("sentence", "figure", "clause"),
    [
        ("Shares fell 6.2% to $1,165.50, trimming a gain of about 40% since January.", "40%",
         ", trimming a gain of about   since January."),
        ("Shares jumped 9.5% on Friday, taking their gain since January to 30%.", "9.5%",
         "Shares jumped   on Friday"),
        ("Shares jumped 9.5% on Friday, taking their gain since January to 30%.", "30%",
         "% on Friday, taking their gain since January to  ."),
        ("Le titre a gagné 28 % depuis le début de l'année.", "28 %",
         "Le titre a gagné   depuis le début de l'année."),
        ("Shares rose.", "9%", "Shares rose."),  # the figure is not in the sentence
    ],
)  # fmt: skip
def test_own_clause_stops_at_the_neighbouring_figures(
    sentence: str, figure: str, clause: str
) -> None:
    assert own_clause({"sentence": sentence, "text": figure}) == clause


def test_threshold_is_a_session_move_and_just_below_is_not() -> None:
    fact = {"metric": "share_price_change", "claim_type": "reported", "period": None,
            "sentence": "Shares rose 5% on Monday.", "text": "5%"}  # fmt: skip
    assert is_session_move({**fact, "value": SESSION_MOVE_MIN})
    assert is_session_move({**fact, "value": -SESSION_MOVE_MIN})
    assert not is_session_move({**fact, "value": SESSION_MOVE_MIN - 0.1})
    assert not is_session_move({**fact, "value": 9.0, "claim_type": "target"})
    assert not is_session_move({**fact, "value": 9.0, "period": "2025"})


# (sentence, figure, a longer run?): the move since January is background, the day's is not
LONGER_RUN_ROWS = [
    ("Le titre a gagné 28 % depuis le début de l'année.", "28 %", True),
    ("Le titre reste en baisse de 41 % sur douze mois.", "41 %", True),
    ("Alphabet shares have climbed about 50% this year.", "50%", True),
    ("Shares jumped 9.5% on Friday, taking their gain since January to 30%.", "9.5%", False),
    ("L'action a cédé 5,3 % vendredi.", "5,3 %", False),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "figure", "expected"), LONGER_RUN_ROWS)
def test_longer_run_moves(sentence: str, figure: str, expected: bool) -> None:
    fact = {"metric": "share_price_change", "claim_type": "reported", "value": 9.0,
            "period": None, "sentence": sentence, "text": figure}  # fmt: skip
    assert is_longer_run_move(fact) is expected
    assert not is_longer_run_move({**fact, "metric": "revenue_growth"})
