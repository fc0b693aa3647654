"""Markets the gazetteer does not know are found from the report's own phrase, in both
languages, and an amount said of one is its size."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from models import document_markets
from models.document_markets import discover_markets, title_speaks_of_a_market
from models.errors import DataFileError
from models.knowledge import KnowledgeBase
from models.lexicon import load_language_data

# (language, text, [(name, aliases)] of the markets found)
DISCOVERY_ROWS = [
    ("fr", "Le marché européen des pompes à chaleur a atteint 12 milliards d'euros en 2024.",
     [("marché européen des pompes à chaleur",
       ("marché des pompes à chaleur", "marché européen des pompes à chaleur"))]),
    ("fr", "Le marché mondial de l'assurance vie devrait croître de 5 % par an.",
     [("marché mondial de l'assurance vie",
       ("marché de l'assurance vie", "marché mondial de l'assurance vie"))]),
    ("fr", "Le marché des croisières en Europe a progressé de 25 %.",
     [("marché des croisières", ("marché des croisières",))]),
    ("en", "The global cruise market was worth $45 billion in 2024.",
     [("global cruise market", ("cruise market", "global cruise market"))]),
    ("en", "The European heat pump market reached €12 billion in 2024.",
     [("European heat pump market", ("European heat pump market", "heat pump market"))]),
    # a tracker names the whole market by its volume, with a scope and no "the": it is
    # named as a market, its volume phrases kept as aliases
    ("en", "Global smartphone shipments rose 2.8% year on year to 323.4 million units.",
     [("Global smartphone market", ("Global smartphone market", "Global smartphone shipments",
                                    "smartphone market", "smartphone shipments"))]),
    ("en", "Worldwide PC shipments fell 3% in the quarter.",
     [("Worldwide PC market", ("PC market", "PC shipments", "Worldwide PC market",
                               "Worldwide PC shipments"))]),
    ("fr", "Le marché mondial des montres connectées a progressé de 2,8 % au troisième "
           "trimestre.",
     [("marché mondial des montres connectées",
       ("marché des montres connectées", "marché mondial des montres connectées"))]),
    # a title opening with a volume names the report's market, one with the body's phrase
    ("en", "Cybersecurity spending keeps outpacing IT budgets\n\nSpending will reach $208.7 "
           "billion in 2025.",
     [("Cybersecurity market", ("Cybersecurity market", "Cybersecurity spending"))]),
    ("en", "Cloud gaming spending tops $3 billion\n\nPlayers will spend $3.4 billion on "
           "cloud gaming services worldwide in 2025.",
     [("Cloud gaming market", ("Cloud gaming market", "Cloud gaming spending"))]),
    ("en", "Industrial robot demand set to pick up\n\nFactories installed 542,000 robots.",
     [("Industrial robot market", ("Industrial robot demand", "Industrial robot market"))]),
    ("fr", "La demande de robots industriels repart\n\nLe marché des robots industriels a "
           "crû de 5 %.",
     [("marché des robots industriels", ("marché des robots industriels",))]),
    ("en", "Smartphone shipments grow again\n\nGlobal smartphone shipments rose 2.8%.",
     [("Smartphone market",
       ("Global smartphone market", "Global smartphone shipments", "Smartphone market",
        "Smartphone shipments", "smartphone market", "smartphone shipments"))]),
    ("fr", "Pompes à chaleur : le marché repart\n\nLe marché européen des pompes à chaleur a "
           "atteint 12 milliards d'euros. Le marché des pompes à chaleur progresse.",
     [("marché européen des pompes à chaleur",
       ("marché des pompes à chaleur", "marché européen des pompes à chaleur"))]),
    # a joiner before a bare noun goes on naming what is sold; before an article or a
    # name it ends the phrase
    ("fr", "Le marché européen de l'alimentation pour chiens et chats a atteint 31 Md€.",
     [("marché européen de l'alimentation pour chiens et chats",
       ("marché de l'alimentation pour chiens et chats",
        "marché européen de l'alimentation pour chiens et chats"))]),
    ("fr", "Le marché de la croquette pour les chiots progresse.",
     [("marché de la croquette", ("marché de la croquette",))]),
    ("fr", "Le marché des trottinettes et Lime reculent.",
     [("marché des trottinettes", ("marché des trottinettes",))]),
    # a title that calls its topic a market names it, when the body names no market
    ("en", "Satellite broadband: a market growing by a quarter a year\n\nHouseholds spent "
           "$12.3 billion on internet access from orbit in 2024.",
     [("Satellite broadband market", ("Satellite broadband", "Satellite broadband market"))]),
    ("fr", "Seconde main : un marché en plein essor\n\nLes Français ont dépensé 7,2 milliards "
           "d'euros en vêtements d'occasion en 2024.",
     [("Seconde main", ("Seconde main",))]),
    ("en", "Nike: the market still doubts\n\nNike's revenue fell 10%.", []),
    # a heading is no part of the sentence after it
    ("en", "The ranking\n\nNo other telecoms market is this concentrated.", []),
    # a company's volume is no market
    ("en", "Samsung shipments rose 5.7%. Global revenue rose 4%.", []),
    # a market the gazetteer knows is left to it
    ("fr", "Le marché des semi-conducteurs a atteint 600 milliards de dollars.", []),
    ("en", "The semiconductor market reached $600 billion.", []),
    # no market: a bare "market", a stock market, a sentence break before "Market"
    ("fr", "Le marché a salué ces résultats, et le titre a gagné 4 %.", []),
    ("en", "The stock market rallied. The company raised money. Market watchers cheered.", []),
    ("en", "Shares rose 4% as the market cheered the results.", []),
    # a possessive place names the market's scope ("Europe's", like "European")
    ("en", "Europe's EV charging market: the money is in fast charging",
     [("EV charging market", ("EV charging market",))]),
    ("fr", "Le marché européen de la recharge pour véhicules électriques progresse.",
     [("marché européen de la recharge pour véhicules électriques",
       ("marché de la recharge pour véhicules électriques",
        "marché européen de la recharge pour véhicules électriques"))]),
    # a scope alone names no market ("the European market for charging infrastructure")
    ("en", "The European market for charging infrastructure was worth €11.8 billion.", []),
    ("fr", "Le marché européen a salué ces résultats.", []),
    # a tracker's volume "of" what is shipped names the whole market
    ("en", "Global shipments of wrist-worn wearables, including smartwatches, rose 10.4%.",
     [("Global wrist-worn wearables market",
       ("Global wrist-worn wearables market", "wrist-worn wearables",
        "wrist-worn wearables market"))]),
    ("en", "Worldwide shipments of smartwatches fell 3% in the quarter.",
     [("Worldwide smartwatches market",
       ("Worldwide smartwatches market", "smartwatches", "smartwatches market"))]),
    ("en", "Worldwide shipments of 5G smartphones rose 8%.", []),
    # an approximation is not what a market sells (bug: "marché de près")
    ("fr", "Un marché de près de 40 milliards en 2028.", []),
    ("en", "A market of nearly $40 billion in 2028.", []),
]  # fmt: skip


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


@pytest.mark.parametrize(("lang", "text", "expected"), DISCOVERY_ROWS)
def test_markets_are_found_from_the_phrase(
    kb: KnowledgeBase, lang: str, text: str, expected: list[tuple[str, tuple[str, ...]]]
) -> None:
    found = [(record.name, record.aliases) for record in discover_markets(text, kb, lang)]
    assert found == expected
    assert all(r.type == "market" for r in discover_markets(text, kb, lang))


# (language, text, whether the title speaks of a market): by its head word, or by naming
# what one of the report's markets sells (bug: "Centres de données : la France accélère"
# left Equinix the main subject of a market piece)
TITLE_ROWS = [
    ("fr", "Centres de données : la France accélère\n\nLe marché français des centres de "
           "données a généré 5,4 milliards d'euros.", True),
    ("en", "Wrist-worn wearables extend growth streak\n\nGlobal shipments of wrist-worn "
           "wearables rose 10.4%.", True),
    ("fr", "Le marché des pompes à chaleur ralentit\n\nLes ventes ont baissé de 3 %.", True),
    ("en", "Cruise market sails on\n\nBookings rose 8%.", True),
    # a company's news that names no market, or too little of one
    ("fr", "Nvidia : l'IA porte les ventes\n\nLe marché de l'IA a atteint 200 milliards.",
     False),
    ("en", "Nvidia beats again\n\nThe global AI accelerator market reached $200 billion.",
     False),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "speaks"), TITLE_ROWS)
def test_a_title_speaks_of_a_market_by_its_head_or_what_it_sells(
    kb: KnowledgeBase, lang: str, text: str, speaks: bool
) -> None:
    assert title_speaks_of_a_market(text, lang, discover_markets(text, kb, lang)) is speaks


# (language, text, figure, subject, metric): the amount said of a new market is its size
EXTRACTION_ROWS = [
    ("fr", "Le marché européen des pompes à chaleur a atteint 12 milliards d'euros en 2024.",
     "12 milliards d'euros", "marché européen des pompes à chaleur", "market_size"),
    ("fr", "Selon l'EHPA, le marché européen des pompes à chaleur pèsera 20 milliards d'euros "
     "en 2030.", "20 milliards d'euros", "marché européen des pompes à chaleur", "market_size"),
    ("en", "The global cruise market was worth $45 billion in 2024, according to CLIA.",
     "$45 billion", "global cruise market", "market_size"),
    ("en", "The European heat pump market reached €12 billion in 2024.",
     "€12 billion", "European heat pump market", "market_size"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "figure", "subject", "metric"), EXTRACTION_ROWS)
def test_an_amount_of_a_new_market_is_its_size(
    extractor: Any, lang: str, text: str, figure: str, subject: str, metric: str
) -> None:
    facts = [f for f in extractor.extract(text, lang=lang).facts if f.text == figure]
    assert facts, [f.text for f in extractor.extract(text, lang=lang).facts]
    assert (facts[0].subject, facts[0].metric) == (subject, metric), facts[0].evidence


BAD_DATA = [
    ("heads", []),
    ("stops", ["ok", 3]),
    ("adjectives", "not a list"),
    ("head_position", "middle"),
    ("max_words", 0),
    ("max_words", True),
    ("volume_heads", "shipments"),
    ("volume_scopes", ["global", ""]),
]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(("key", "bad"), BAD_DATA, ids=repr)
def test_malformed_market_data_is_refused(
    monkeypatch: pytest.MonkeyPatch, lang: str, key: str, bad: Any
) -> None:
    data = copy.deepcopy(load_language_data(lang, "cues"))
    data["markets"][key] = bad
    monkeypatch.setattr(document_markets, "load_language_data", lambda *_: data)
    document_markets.market_cues.cache_clear()
    try:
        with pytest.raises(DataFileError, match=rf"lang/{lang}/cues.json: markets\.{key}"):
            document_markets.market_cues(lang)
    finally:
        document_markets.market_cues.cache_clear()
