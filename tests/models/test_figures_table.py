"""The figure layer, read against the fact contract (spec/FACTS.md) and issue 2.

Every row was annotated from the spec and the issue's list of hard cases, not from
the implementation: a failing row is a disagreement with the contract until shown
otherwise. Each row is ``(lang, text, expected)`` where ``expected`` lists, in text
order, the figures the text must yield as ``(value, unit, value_max, previous,
approximate)``. A field set to ``ANY`` is not asserted (the spec does not decide it).

Cases the spec leaves open are kept out of the asserted tables and listed as
``# spec-silent:`` comments instead.
"""

from __future__ import annotations

from typing import Any

import pytest

from models.figures import find_figures

ANY = object()  # a field the spec leaves open: not asserted for that row

NBSP = "\u00a0"  # no-break space
NNBSP = "\u202f"  # narrow no-break space
MINUS = "\u2212"  # the typographic minus sign
EN_DASH = "\u2013"
TIMES = "\u00d7"

Expected = tuple[float, str, Any, Any, Any]


def fig(
    value: float,
    unit: str,
    *,
    hi: Any = None,
    prev: Any = None,
    approx: Any = False,
) -> Expected:
    """One expected figure: value, unit, high end of a range, replaced value, approximate."""
    return (value, unit, hi, prev, approx)


# ---------------------------------------------------------------------------
# The main table. Grouped by hard case; every group has rows in both languages.
# ---------------------------------------------------------------------------

DECIMALS = [
    ("fr", "Les revenus atteignent 167,7 milliards de dollars.", [fig(167.7e9, "USD")]),
    ("fr", "Une marge opérationnelle de 12,75 %.", [fig(12.75, "%")]),
    ("fr", "Le titre a été introduit à 0,5 euro.", [fig(0.5, "EUR")]),
    ("fr", "Un objectif de cours relevé à 265,50 dollars.", [fig(265.5, "USD")]),
    ("fr", "Le marché est estimé à 29,65 milliards de dollars.", [fig(29.65e9, "USD")]),
    ("en", "Revenue reached $167.7 billion.", [fig(167.7e9, "USD")]),
    ("en", "An operating margin of 12.75%.", [fig(12.75, "%")]),
    ("en", "The shares were listed at $0.5.", [fig(0.5, "USD")]),
    ("en", "A price target raised to $265.50.", [fig(265.5, "USD")]),
    ("en", "The market is estimated at $29.65 billion.", [fig(29.65e9, "USD")]),
]

THOUSANDS = [
    ("fr", "Le groupe emploie 12 000 salariés.", [fig(12000, "count")]),
    ("fr", f"Le groupe emploie 12{NBSP}000 salariés.", [fig(12000, "count")]),
    ("fr", f"Le groupe emploie 12{NNBSP}000 salariés.", [fig(12000, "count")]),
    ("fr", "Une amende de 1 234 567 euros.", [fig(1234567, "EUR")]),
    ("fr", f"Un coût de 1{NBSP}234,5 millions d'euros.", [fig(1234.5e6, "EUR")]),
    ("fr", f"Une consommation de 1{NNBSP}000 W.", [fig(1000, "W")]),
    ("fr", "AWS a commandé 100 000 GPU.", [fig(100000, "count")]),
    ("fr", f"Un budget de 2{NNBSP}500{NNBSP}000 €.", [fig(2.5e6, "EUR")]),
    ("en", "The group employs 12,000 people.", [fig(12000, "count")]),
    ("en", "A fine of €1,234,567.", [fig(1234567, "EUR")]),
    ("en", "A cost of $1,234.5 million.", [fig(1234.5e6, "USD")]),
    ("en", "A power draw of 1,000 W.", [fig(1000, "W")]),
    ("en", "AWS ordered 100,000 GPUs.", [fig(100000, "count")]),
    ("en", "A budget of $2,500,000.", [fig(2.5e6, "USD")]),
]

SIGNS = [
    ("fr", "Le titre gagne +3,2 % sur la séance.", [fig(3.2, "%")]),
    ("fr", "Le titre termine la séance à -4 %.", [fig(-4, "%")]),
    ("fr", f"Le titre termine la séance à {MINUS}4 %.", [fig(-4, "%")]),
    ("fr", "La marge brute progresse de +2 points.", [fig(2, "pp")]),
    ("fr", "La marge brute varie de -0,5 point.", [fig(-0.5, "pp")]),
    ("fr", f"Variation du résultat : {MINUS}1,2 Md€.", [fig(-1.2e9, "EUR")]),
    ("en", "The stock closed the session +3.2%.", [fig(3.2, "%")]),
    ("en", "The stock ended the session at -4%.", [fig(-4, "%")]),
    ("en", f"The stock ended the session at {MINUS}4%.", [fig(-4, "%")]),
    ("en", "Gross margin changed by +2 percentage points.", [fig(2, "pp")]),
    ("en", "Gross margin changed by -0.5 percentage points.", [fig(-0.5, "pp")]),
    ("en", f"Change in net income: {MINUS}€1.2 billion.", [fig(-1.2e9, "EUR")]),
]

PARENTHESISED = [
    # Accounting negatives: the parentheses wrap the number itself.
    ("fr", "Résultat net : (1,2) milliard d'euros.", [fig(-1.2e9, "EUR")]),
    ("fr", "Résultat d'exploitation : (350) M€.", [fig(-350e6, "EUR")]),
    ("fr", "Résultat par titre : (0,67) $ par action.", [fig(-0.67, "USD/share")]),
    # A loss written in parentheses is still one negative, not two.
    ("fr", "Une perte nette de (0,67) $ par action.", [fig(-0.67, "USD/share")]),
    ("en", "Net income: $(0.67).", [fig(-0.67, "USD")]),
    ("en", "Operating income was $(1.2) billion.", [fig(-1.2e9, "USD")]),
    ("en", "Operating income was (1.2) billion dollars.", [fig(-1.2e9, "USD")]),
    ("en", "A net loss of $(0.67) per share.", [fig(-0.67, "USD/share")]),
    # Parentheses around an aside are not a sign (the shared gold: Azure (39 %) = 39).
    (
        "fr",
        "Un retard sur Microsoft Azure (39 %) et Google Cloud (32 %).",
        [fig(39, "%"), fig(32, "%")],
    ),
    (
        "fr",
        "Des revenus solides (167,7 milliards de dollars, en hausse de 13 %).",
        [fig(167.7e9, "USD"), fig(13, "%")],
    ),
    (
        "en",
        "Behind Microsoft Azure (up 39%) and Google Cloud (up 32%).",
        [fig(39, "%"), fig(32, "%")],
    ),
    (
        "en",
        "Solid revenue ($167.7 billion, up 13% year over year).",
        [fig(167.7e9, "USD"), fig(13, "%")],
    ),
    # spec-silent: "Azure (39%)" in English, where accounting style could read it as -39.
]

SCALES = [
    ("fr", "Une prime de 500 mille euros.", [fig(500e3, "EUR")]),
    ("fr", "Une levée de 2 millions d'euros.", [fig(2e6, "EUR")]),
    ("fr", "Une levée de 1,5 million de dollars.", [fig(1.5e6, "USD")]),
    ("fr", "Un investissement de 1 milliard d'euros.", [fig(1e9, "EUR")]),
    ("fr", "Des dépenses de 31,4 milliards de dollars.", [fig(31.4e9, "USD")]),
    ("fr", "Un contrat de 1,5 Md€.", [fig(1.5e9, "EUR")]),
    ("fr", "Un contrat de 2 Mds€.", [fig(2e9, "EUR")]),
    ("fr", "Un contrat de 3 Mds de dollars.", [fig(3e9, "USD")]),
    ("fr", "Un contrat de 1,2 Md$.", [fig(1.2e9, "USD")]),
    ("fr", "Un contrat de 300 M€.", [fig(300e6, "EUR")]),
    ("fr", "Une perte nette de 97 M$.", [fig(-97e6, "USD")]),
    ("fr", "Un contrat de 97 M$.", [fig(97e6, "USD")]),
    ("fr", "Un contrat de 350 MEUR.", [fig(350e6, "EUR")]),
    ("fr", "Une prime de 500 k€.", [fig(500e3, "EUR")]),
    ("fr", "La valorisation atteint 3,67 billions de dollars.", [fig(3.67e12, "USD")]),
    ("fr", "La dette publique dépasse 1 billion d'euros.", [fig(1e12, "EUR")]),
    ("fr", "Un rachat de 2,5 milliards USD.", [fig(2.5e9, "USD")]),
    ("fr", "Un rachat de 1,2 milliard EUR.", [fig(1.2e9, "EUR")]),
    ("fr", "Un rachat de 2 milliards $.", [fig(2e9, "USD")]),
    ("fr", "Un rachat de 2 milliards €.", [fig(2e9, "EUR")]),
    ("en", "A bonus of 500 thousand euros.", [fig(500e3, "EUR")]),
    ("en", "A raise of $2 million.", [fig(2e6, "USD")]),
    ("en", "A raise of $1.5 million.", [fig(1.5e6, "USD")]),
    ("en", "An investment of $1 billion.", [fig(1e9, "USD")]),
    ("en", "Spending of $31.4 billion.", [fig(31.4e9, "USD")]),
    ("en", "AWS revenue was $30.9bn.", [fig(30.9e9, "USD")]),
    ("en", "A contract worth €2bn.", [fig(2e9, "EUR")]),
    ("en", "Capex of $125B.", [fig(125e9, "USD")]),
    ("en", "A contract worth $500M.", [fig(500e6, "USD")]),
    ("en", "A contract worth €300M.", [fig(300e6, "EUR")]),
    ("en", "A contract worth $500mn.", [fig(500e6, "USD")]),
    ("en", "A bonus of $500k.", [fig(500e3, "USD")]),
    ("en", "A market value of $3.67 trillion.", [fig(3.67e12, "USD")]),
    ("en", "A buyback of USD 2.5 billion.", [fig(2.5e9, "USD")]),
    ("en", "A buyback of EUR 1.2 billion.", [fig(1.2e9, "EUR")]),
    ("en", "A buyback of 2.5 billion dollars.", [fig(2.5e9, "USD")]),
    ("en", "A buyback of 1.2 billion euros.", [fig(1.2e9, "EUR")]),
    # English "billion" is 10^9, French "billion" 10^12: the same word, two scales.
    ("en", "A valuation of 3.67 billion dollars.", [fig(3.67e9, "USD")]),
]

CURRENCIES = [
    ("fr", "Un objectif de cours de 30 $.", [fig(30, "USD")]),
    ("fr", "Un emprunt de 1,5 milliard US$.", [fig(1.5e9, "USD")]),
    ("fr", "Un emprunt de 2,5 milliards USD.", [fig(2.5e9, "USD")]),
    ("fr", "Un objectif de cours de 265 dollars.", [fig(265, "USD")]),
    ("fr", "Un objectif de cours de 78 €.", [fig(78, "EUR")]),
    ("fr", "Un objectif de cours de 78 euros.", [fig(78, "EUR")]),
    ("fr", "Un objectif de cours de 78 EUR.", [fig(78, "EUR")]),
    ("fr", "Un objectif de cours de 250 £.", [fig(250, "GBP")]),
    ("fr", "Un rachat de 2 milliards de livres sterling.", [fig(2e9, "GBP")]),
    ("fr", "TSMC a réalisé 933,8 milliards de NT$ de ventes.", [fig(933.8e9, "TWD")]),
    ("fr", "TSMC a réalisé 933,8 milliards TWD de ventes.", [fig(933.8e9, "TWD")]),
    (
        "fr",
        "TSMC a réalisé 933,8 milliards de dollars taïwanais de ventes.",
        [fig(933.8e9, "TWD")],
    ),
    ("fr", "Sony investit 1 200 milliards de yens.", [fig(1.2e12, "JPY")]),
    ("fr", "Alibaba investit 10 milliards de yuans.", [fig(10e9, "CNY")]),
    ("fr", "Nestlé rachète pour 3 milliards CHF.", [fig(3e9, "CHF")]),
    ("fr", "Nestlé rachète pour 3 milliards de francs suisses.", [fig(3e9, "CHF")]),
    ("en", "A price target of $30.", [fig(30, "USD")]),
    ("en", "A loan of US$1.5 billion.", [fig(1.5e9, "USD")]),
    ("en", "A loan of USD 2.5 billion.", [fig(2.5e9, "USD")]),
    ("en", "A price target of 265 dollars.", [fig(265, "USD")]),
    ("en", "A price target of €78.", [fig(78, "EUR")]),
    ("en", "A price target of 78 euros.", [fig(78, "EUR")]),
    ("en", "A price target of EUR 78.", [fig(78, "EUR")]),
    ("en", "A price target of £250.", [fig(250, "GBP")]),
    ("en", "A buyback of 2 billion pounds sterling.", [fig(2e9, "GBP")]),
    ("en", "TSMC booked NT$933.8 billion in sales.", [fig(933.8e9, "TWD")]),
    ("en", "TSMC booked TWD 933.8 billion in sales.", [fig(933.8e9, "TWD")]),
    ("en", "Sony is investing 1.2 trillion yen.", [fig(1.2e12, "JPY")]),
    ("en", "Alibaba is investing 10 billion yuan.", [fig(10e9, "CNY")]),
    ("en", "Nestlé buys back CHF 3 billion.", [fig(3e9, "CHF")]),
    ("en", "Nestlé buys back 3 billion Swiss francs.", [fig(3e9, "CHF")]),
    # spec-silent: a bare "¥" (JPY and CNY both write it); "a share" for "per share";
    # lowercase "m" for million ("£500m").
]

PER_SHARE = [
    ("fr", "Un bénéfice ajusté de 1,68 $ par action.", [fig(1.68, "USD/share")]),
    ("fr", "Un dividende de 0,50 € par action.", [fig(0.5, "EUR/share")]),
    ("fr", "Un dividende de 2,10 €/action.", [fig(2.1, "EUR/share")]),
    ("fr", "Un dividende de 1,20 euro par action.", [fig(1.2, "EUR/share")]),
    ("fr", "Un BPA de 1,68 dollar par action.", [fig(1.68, "USD/share")]),
    ("fr", "Une perte de 0,67 $ par action.", [fig(-0.67, "USD/share")]),
    ("en", "Adjusted earnings of $1.68 per share.", [fig(1.68, "USD/share")]),
    ("en", "A dividend of €0.50 per share.", [fig(0.5, "EUR/share")]),
    ("en", "A dividend of $0.25 per share.", [fig(0.25, "USD/share")]),
    ("en", "Earnings of 1.68 dollars per share.", [fig(1.68, "USD/share")]),
    ("en", "EPS of $1.68 per share.", [fig(1.68, "USD/share")]),
    ("en", "A loss of $0.67 per share.", [fig(-0.67, "USD/share")]),
    # spec-silent: "EPS of $1.68" with no "per share": FACTS.md's unit table lists it
    # under USD/share, the brief says USD; not asserted either way.
]

NUMBER_WORDS = [
    ("fr", "Amazon construit trois campus pour Anthropic.", [fig(3, "count")]),
    ("fr", "Amazon ouvre cinq centres de données.", [fig(5, "count")]),
    ("fr", "La puce offre quatre fois les performances de la précédente.", [fig(4, "x")]),
    ("fr", "Le modèle est deux fois plus rapide.", [fig(2, "x")]),
    ("fr", "Une puce dix fois plus efficace.", [fig(10, "x")]),
    ("fr", "Un investissement de deux milliards de dollars.", [fig(2e9, "USD")]),
    (
        "fr",
        "La puce offrirait jusqu'à quatre fois les performances de son prédécesseur.",
        [fig(4, "x", approx=ANY)],  # spec-silent: "jusqu'à" is a claim cue, not listed as approx
    ),
    ("en", "Amazon is building three campuses for Anthropic.", [fig(3, "count")]),
    # a year ending a dateline counts nothing on the next line (bug: "2025\n\nFactories")
    (
        "en",
        "Rapport Research Digest — 29 September 2025\n\nFactories installed 542,000 units.",
        [fig(542000, "count")],
    ),
    (
        "fr",
        "Rapport Recherche — 29 septembre 2025\n\nUsines : 542 000 unités installées.",
        [fig(542000, "count")],
    ),
    ("en", "Amazon is opening five data centers.", [fig(5, "count")]),
    ("en", "The chip offers four times the performance of its predecessor.", [fig(4, "x")]),
    ("en", "The model is two times faster.", [fig(2, "x")]),
    ("en", "A chip ten times more efficient.", [fig(10, "x")]),
    ("en", "An investment of two billion dollars.", [fig(2e9, "USD")]),
    (
        "en",
        "The chip would deliver up to four times the performance of its predecessor.",
        [fig(4, "x", approx=ANY)],  # spec-silent: "up to" is a claim cue, not listed as approx
    ),
    # spec-silent: "twice", "a dozen", "des centaines de milliers" (optional in the gold).
]

RANGES = [
    ("fr", "Un rapport prix/performance 30 à 40 % supérieur.", [fig(30, "%", hi=40)]),
    ("fr", "Une part de marché estimée à 80-90 %.", [fig(80, "%", hi=90)]),
    ("fr", f"Une part de marché estimée à 80{EN_DASH}90 %.", [fig(80, "%", hi=90)]),
    ("fr", "Une part de marché pouvant atteindre 15-20 %.", [fig(15, "%", hi=20)]),
    ("fr", "Une part de marché de 15 à 20 % selon les analystes.", [fig(15, "%", hi=20)]),
    ("fr", "Entre 30 et 40 % des ventes.", [fig(30, "%", hi=40)]),
    ("fr", "Une fourchette de 30 % à 40 %.", [fig(30, "%", hi=40)]),
    # a revision verb before "une fourchette de X à Y" still gives a range, not a move
    (
        "fr",
        "Le groupe a relevé sa prévision à une fourchette de 91 à 93 milliards de dollars.",
        [fig(91e9, "USD", hi=93e9)],
    ),
    (
        "fr",
        "Alphabet a relevé ses investissements, désormais compris entre 91 et 93 milliards "
        "de dollars.",
        [fig(91e9, "USD", hi=93e9)],
    ),
    (
        "fr",
        "Des investissements entre 10 et 12 milliards d'euros.",
        [fig(10e9, "EUR", hi=12e9)],
    ),
    (
        "fr",
        "Des investissements de 10 à 12 milliards de dollars.",
        [fig(10e9, "USD", hi=12e9)],
    ),
    ("fr", "Des investissements de 10 à 12 Md€.", [fig(10e9, "EUR", hi=12e9)]),
    ("fr", "Le titre se paie 20 à 25 fois les bénéfices.", [fig(20, "x", hi=25)]),
    ("fr", "Entre 100 000 et 150 000 GPU.", [fig(100000, "count", hi=150000)]),
    ("fr", "Un gain d'environ 30 à 40 %.", [fig(30, "%", hi=40, approx=True)]),
    ("en", "A 30 to 40% better price-performance.", [fig(30, "%", hi=40)]),
    ("en", "A market share estimated at 80-90%.", [fig(80, "%", hi=90)]),
    ("en", f"A market share estimated at 80{EN_DASH}90%.", [fig(80, "%", hi=90)]),
    ("en", "A market share that could reach 15-20%.", [fig(15, "%", hi=20)]),
    ("en", "Between 30% and 40% of sales.", [fig(30, "%", hi=40)]),
    ("en", "Between 30 and 40% of sales.", [fig(30, "%", hi=40)]),
    ("en", "Investments of between $10 and $12 billion.", [fig(10e9, "USD", hi=12e9)]),
    ("en", "Investments of $10 to $12 billion.", [fig(10e9, "USD", hi=12e9)]),
    ("en", "Investments of $10-12 billion.", [fig(10e9, "USD", hi=12e9)]),
    ("en", "Investments of $10 billion to $12 billion.", [fig(10e9, "USD", hi=12e9)]),
    (
        "en",
        "Investments of between 10 and 12 billion euros.",
        [fig(10e9, "EUR", hi=12e9)],
    ),
    ("en", "The stock trades at 20 to 25 times earnings.", [fig(20, "x", hi=25)]),
    ("en", "Between 100,000 and 150,000 GPUs.", [fig(100000, "count", hi=150000)]),
    ("en", "A gain of about 30 to 40%.", [fig(30, "%", hi=40, approx=True)]),
]

MOVES = [
    # a revision verb further back, or the old figure in brackets, still makes a move;
    # without a revision verb "contre" only compares two figures
    (
        "fr",
        "Nous relevons notre objectif de cours sur Schneider Electric de 245 à 280 €.",
        [fig(280, "EUR", prev=245)],
    ),
    (
        "fr",
        "Nous relevons notre objectif de cours à 1 000 € (contre 790 €).",
        [fig(1000, "EUR", prev=790)],
    ),
    (
        "fr",
        "Le MI355X consomme jusqu'à 1 400 W, contre 1 000 W pour le MI350X.",
        [fig(1400, "W"), fig(1000, "W")],
    ),
    ("en", "Memory — Micron: raise PT to $300 from $170.", [fig(300, "USD", prev=170)]),
    (
        "en",
        "We raise our FY2026 capex estimate to $140bn (from $121bn).",
        [fig(140e9, "USD", prev=121e9)],
    ),
    (
        "en",
        "Gross margin fell to 27.5% from 35.4% a year earlier.",
        [fig(27.5, "%"), fig(35.4, "%")],
    ),
    (
        "fr",
        "JPMorgan a relevé son objectif de cours de 63 à 78 euros.",
        [fig(78, "EUR", prev=63)],
    ),
    ("fr", "Objectif relevé de 63 € à 78 €.", [fig(78, "EUR", prev=63)]),
    ("fr", "Goldman Sachs relève son objectif de 170 à 300 dollars.", [fig(300, "USD", prev=170)]),
    (
        "fr",
        "UBS a abaissé son objectif de cours de 80 à 70 euros.",
        [fig(70, "EUR", prev=80)],
    ),
    (
        "fr",
        "La prévision de dépenses en capital est relevée de 118 à 125 milliards de dollars.",
        [fig(125e9, "USD", prev=118e9)],
    ),
    (
        "fr",
        "Prévision relevée de 118 milliards de dollars à 125 milliards de dollars.",
        [fig(125e9, "USD", prev=118e9)],
    ),
    ("fr", "Prévision de capex relevée de 118 Md$ à 125 Md$.", [fig(125e9, "USD", prev=118e9)]),
    ("fr", "Le groupe abaisse sa prévision de marge de 30 % à 28 %.", [fig(28, "%", prev=30)]),
    (
        "fr",
        "Le dividende est relevé de 0,50 € à 0,55 € par action.",
        [fig(0.55, "EUR/share", prev=0.5)],
    ),
    (
        "en",
        "Morgan Stanley raised its price target to $300 from $170.",
        [fig(300, "USD", prev=170)],
    ),
    ("en", "Capex forecast raised from $118B to $125B.", [fig(125e9, "USD", prev=118e9)]),
    (
        "en",
        "Amazon raised its capex forecast from $118 billion to $125 billion.",
        [fig(125e9, "USD", prev=118e9)],
    ),
    ("en", "Barclays cut its price target to $150 from $180.", [fig(150, "USD", prev=180)]),
    (
        "en",
        "UBS lowered its price target from €80 to €70.",
        [fig(70, "EUR", prev=80)],
    ),
    (
        "en",
        "The group lowered its margin forecast from 30% to 28%.",
        [fig(28, "%", prev=30)],
    ),
    (
        "en",
        "The company raised its dividend from $0.50 to $0.55 per share.",
        [fig(0.55, "USD/share", prev=0.5)],
    ),
    (
        "en",
        "Apple increased its buyback authorization from $10 billion to $15 billion.",
        [fig(15e9, "USD", prev=10e9)],
    ),
    # spec-silent: "passer de X à Y" / "rose to X from Y" over time (the shared gold keeps
    # "passant de 29,65 ... en 2024 à 164,07 ... d'ici 2029" as two facts).
]

DECLINES = [
    ("fr", "Une baisse de 7 % du titre.", [fig(-7, "%")]),
    ("fr", "Le titre est en baisse de 7 %.", [fig(-7, "%")]),
    ("fr", "Un recul de 1,4 % des ventes.", [fig(-1.4, "%")]),
    ("fr", "Une chute de 12 % du titre.", [fig(-12, "%")]),
    ("fr", "L'action a chuté de 12 %.", [fig(-12, "%")]),
    # plural verbs decline too (bug: "ses ventes chutent de 8,3 %" was positive)
    ("fr", "Ses ventes chutent de 8,3 %.", [fig(-8.3, "%")]),
    ("fr", "Les volumes reculent de 6 %.", [fig(-6, "%")]),
    ("fr", "Les livraisons se replient de 4 %.", [fig(-4, "%")]),
    ("en", "Its sales fell 8.3%.", [fig(-8.3, "%")]),
    ("fr", "Les ventes ont reculé de 3 %.", [fig(-3, "%")]),
    ("fr", "Le titre a baissé de 5,5 %.", [fig(-5.5, "%")]),
    ("fr", "Les actions ont connu une baisse d'environ 7 %.", [fig(-7, "%", approx=True)]),
    ("fr", "La société a publié une perte nette de 97 M$.", [fig(-97e6, "USD")]),
    ("fr", "Une perte d'exploitation de 1,2 milliard d'euros.", [fig(-1.2e9, "EUR")]),
    ("fr", "La marge est en baisse de 150 points de base.", [fig(-1.5, "pp")]),
    ("fr", "La marge est en baisse de 2 points.", [fig(-2, "pp")]),
    # The level reached after a decline is not itself negative.
    (
        "fr",
        "Un recul de 1,4 % à 30,9 milliards de dollars.",
        [fig(-1.4, "%"), fig(30.9e9, "USD")],
    ),
    ("en", "Shares fell 7%.", [fig(-7, "%")]),
    ("en", "Revenue declined 3.5%.", [fig(-3.5, "%")]),
    ("en", "Sales were down 2%.", [fig(-2, "%")]),
    ("en", "The stock dropped 10 percent.", [fig(-10, "%")]),
    ("en", "A decline of 1.4% in sales.", [fig(-1.4, "%")]),
    ("en", "Shares fell about 7%.", [fig(-7, "%", approx=True)]),
    ("en", "A net loss of $1.2 billion.", [fig(-1.2e9, "USD")]),
    ("en", "A net loss of $97M.", [fig(-97e6, "USD")]),
    ("en", "An operating loss of €300 million.", [fig(-300e6, "EUR")]),
    ("en", "The margin was down 150 basis points.", [fig(-1.5, "pp")]),
    (
        "en",
        "Sales fell 1.4% to $30.9 billion.",
        [fig(-1.4, "%"), fig(30.9e9, "USD")],
    ),
]

RISES = [
    ("fr", "Les revenus sont en hausse de 13 %.", [fig(13, "%")]),
    ("fr", "Les revenus d'AWS ont augmenté de 17,5 %.", [fig(17.5, "%")]),
    (
        "fr",
        "Une hausse de 13 % à 167,7 milliards de dollars.",
        [fig(13, "%"), fig(167.7e9, "USD")],
    ),
    ("fr", "La marge est en hausse de 150 points de base.", [fig(1.5, "pp")]),
    ("en", "Revenue rose 13%.", [fig(13, "%")]),
    ("en", "AWS revenue grew 17.5%.", [fig(17.5, "%")]),
    ("en", "Revenue was up 13% to $167.7 billion.", [fig(13, "%"), fig(167.7e9, "USD")]),
    ("en", "The margin was up 150 basis points.", [fig(1.5, "pp")]),
]

APPROXIMATIONS = [
    ("fr", "Une croissance d'environ 7 %.", [fig(7, "%", approx=True)]),
    (
        "fr",
        "Des dépenses de près de 30 milliards de dollars.",
        [fig(30e9, "USD", approx=True)],
    ),
    ("fr", "Une part de près de 40 %.", [fig(40, "%", approx=True)]),
    ("fr", "Le site emploie quelque 500 salariés.", [fig(500, "count", approx=True)]),
    ("fr", "Une part de ~35 %.", [fig(35, "%", approx=True)]),
    (
        "fr",
        "L'action se négocie à environ 20x EV/EBITDA prévisionnel.",
        [fig(20, "x", approx=True)],
    ),
    ("fr", "Environ 2 millions d'unités vendues.", [fig(2e6, "count", approx=True)]),
    ("en", "Growth of about 7%.", [fig(7, "%", approx=True)]),
    ("en", "Spending of about $5 billion.", [fig(5e9, "USD", approx=True)]),
    ("en", "A share of nearly 40%.", [fig(40, "%", approx=True)]),
    ("en", "A share of ~35%.", [fig(35, "%", approx=True)]),
    ("en", "The stock trades at about 20x EV/EBITDA.", [fig(20, "x", approx=True)]),
    ("en", "Roughly 2 million units were sold.", [fig(2e6, "count", approx=True)]),
    ("en", "Growth of approximately 7%.", [fig(7, "%", approx=True)]),
    # spec-silent: "plus de", "more than", "over", "at least" as approximations.
]

POINTS = [
    ("fr", "La marge progresse de +2 points.", [fig(2, "pp")]),
    ("fr", "La marge progresse de 2,5 points de pourcentage.", [fig(2.5, "pp")]),
    ("fr", "La marge progresse de 150 points de base.", [fig(1.5, "pp")]),
    ("fr", "Une hausse de taux de 50 points de base.", [fig(0.5, "pp")]),
    ("en", "The margin improved by 2.5 percentage points.", [fig(2.5, "pp")]),
    ("en", "The margin expanded by 150 basis points.", [fig(1.5, "pp")]),
    ("en", "The margin improved by 150 bps.", [fig(1.5, "pp")]),
    ("en", "The margin improved by 150bp.", [fig(1.5, "pp")]),
    ("en", "A rate hike of 50 basis points.", [fig(0.5, "pp")]),
    # spec-silent: French "pb" for points de base; English bare "points" (index points).
]

MULTIPLES = [
    ("fr", "L'action se négocie à 20x EV/EBITDA.", [fig(20, "x")]),
    ("fr", "Le titre vaut 20 fois les bénéfices.", [fig(20, "x")]),
    ("fr", "Un PER de 30x.", [fig(30, "x")]),
    ("fr", "Un gain de 4x sur l'inférence.", [fig(4, "x")]),
    ("fr", f"Un gain de 4{TIMES} sur l'inférence.", [fig(4, "x")]),
    ("fr", "Un multiple de 20,5x.", [fig(20.5, "x")]),
    (
        "fr",
        "Une décote par rapport à sa moyenne de 28x et au multiple de 45x de NVIDIA.",
        [fig(28, "x"), fig(45, "x")],
    ),
    ("en", "The stock trades at 20x EV/EBITDA.", [fig(20, "x")]),
    ("en", "The stock trades at 25x earnings.", [fig(25, "x")]),
    ("en", "A P/E of 30x.", [fig(30, "x")]),
    ("en", "A 4x gain in inference.", [fig(4, "x")]),
    ("en", f"A 4{TIMES} gain in inference.", [fig(4, "x")]),
    ("en", "A multiple of 20.5x.", [fig(20.5, "x")]),
    (
        "en",
        "A discount to its average of 28x and to NVIDIA's multiple of 45x.",
        [fig(28, "x"), fig(45, "x")],
    ),
]

COUNTS = [
    # a scaled number with no currency in its paragraph counts things, whatever they are
    (
        "fr",
        "En 2024, 2,3 millions de pompes à chaleur ont été vendues en Europe.",
        [fig(2.3e6, "count")],
    ),
    ("fr", "Les immatriculations ont atteint 1,9 million en Europe.", [fig(1.9e6, "count")]),
    ("en", "In 2024, 2.3 million heat pumps were sold in Europe.", [fig(2.3e6, "count")]),
    ("en", "The line carried 3.5 million passengers in 2024.", [fig(3.5e6, "count")]),
    # a scale joined to a noun counts it, even where the paragraph names a currency
    (
        "fr",
        "Le chiffre d'affaires atteint 4 420 M€ et le trafic dépasse 158 millions de passagers.",
        [fig(4420e6, "EUR"), fig(158e6, "count")],
    ),
    (
        "en",
        "Revenue reached €4,420 million and traffic passed 158 million passengers.",
        [fig(4420e6, "EUR"), fig(158e6, "count")],
    ),
    ("fr", "La compagnie exploite 23 navires.", [fig(23, "count")]),
    ("en", "The company operates 23 ships.", [fig(23, "count")]),
    # but a bare scaled number in a paragraph that names a currency is money
    (
        "fr",
        "Le chiffre d'affaires atteint 2,2 milliards d'euros, contre 1,9 milliard un an plus tôt.",
        [fig(2.2e9, "EUR"), fig(1.9e9, "EUR")],
    ),
    (
        "en",
        "Revenue reached €2.2 billion, against 1.9 billion a year earlier.",
        [fig(2.2e9, "EUR"), fig(1.9e9, "EUR")],
    ),
    ("fr", "AWS déploie 100 000 GPU H100.", [fig(100000, "count")]),
    ("fr", "Le groupe compte 12 000 salariés.", [fig(12000, "count")]),
    ("fr", "Un parc de 500 000 puces.", [fig(500000, "count")]),
    ("fr", "Un parc de 1 million de GPU.", [fig(1e6, "count")]),
    ("en", "AWS is deploying 100,000 H100 GPUs.", [fig(100000, "count")]),
    ("en", "The group has 12,000 employees.", [fig(12000, "count")]),
    ("en", "A fleet of 500,000 chips.", [fig(500000, "count")]),
    ("en", "A fleet of 1 million GPUs.", [fig(1e6, "count")]),
    # a bare number compared with a count counts the same thing
    (
        "fr",
        "Airbus a livré 306 avions commerciaux, contre 323 un an plus tôt.",
        [fig(306, "count"), fig(323, "count")],
    ),
    (
        "fr",
        "Le groupe compte 9 000 salariés, contre environ 8 500 fin 2024.",
        [fig(9000, "count"), fig(8500, "count", approx=True)],
    ),
    (
        "en",
        "About 6.5 million GPUs were shipped in 2025, compared with 3.8 million in 2024.",
        [fig(6.5e6, "count", approx=True), fig(3.8e6, "count")],
    ),
    (
        "en",
        "Intel will end the year with 75,000 employees, down from roughly 99,500.",
        [fig(75000, "count"), fig(99500, "count", approx=True)],
    ),
    # a number word after a definite determiner refers to things already named
    (
        "fr",
        "Les deux nouvelles puces, MI350X et MI355X, sont gravées en 3 nm.",
        [fig(3, "nm")],
    ),
    (
        "en",
        "The two new chips, the MI350X and the MI355X, are built on a 3nm process.",
        [fig(3, "nm")],
    ),
    # barrels (of oil equivalent) are counted, not money
    (
        "fr",
        "La production atteint 2,5 millions de barils équivalent pétrole par jour.",
        [fig(2.5e6, "count")],
    ),
    ("en", "Output reached 2.5 million barrels of oil equivalent per day.", [fig(2.5e6, "count")]),
    ("en", "Production of 450,000 boe per day.", [fig(450000, "count")]),
    # the price of a barrel is money in its currency
    ("fr", "Un Brent à 69,1 $/b en moyenne.", [fig(69.1, "USD")]),
    ("fr", "Un baril à 60 dollars le baril.", [fig(60, "USD")]),
    ("en", "Brent averaged $69.1/bbl in the quarter.", [fig(69.1, "USD")]),
    ("en", "Brent at $60 a barrel.", [fig(60, "USD")]),
    # a bare amount compared with money stays money
    (
        "en",
        "Revenue was $5 billion, compared with 4.2 billion a year ago.",
        [fig(5e9, "USD"), fig(4.2e9, "USD")],
    ),
]

CHIP_SPECS = [
    ("fr", "La puce délivre 1,3 petaFLOPS.", [fig(1300, "TFLOPS")]),
    ("fr", "La puce délivre 20 petaflops en FP4.", [fig(20000, "TFLOPS")]),
    ("fr", "La puce délivre 989 TFLOPS.", [fig(989, "TFLOPS")]),
    ("fr", "La puce embarque 96 Go HBM.", [fig(96, "GB")]),
    ("fr", "La puce embarque 141 Go de mémoire HBM3e.", [fig(141, "GB")]),
    ("fr", "Une bande passante de 2,9 To/s.", [fig(2.9, "TB/s")]),
    ("fr", "Le campus consommera 6 GW.", [fig(6e9, "W")]),
    ("fr", "Le campus consommera 1,5 GW.", [fig(1.5e9, "W")]),
    ("fr", "Le centre de données consommera 500 MW.", [fig(500e6, "W")]),
    ("fr", "La puce consomme 700 W.", [fig(700, "W")]),
    ("fr", "La puce consomme 1 000 W.", [fig(1000, "W")]),
    ("fr", "La puce est gravée en 3 nm.", [fig(3, "nm")]),
    ("fr", "Une fréquence de 3,5 GHz.", [fig(3.5, "GHz")]),
    ("en", "The chip delivers 1.3 petaFLOPS.", [fig(1300, "TFLOPS")]),
    ("en", "The chip delivers 20 petaflops of FP4 compute.", [fig(20000, "TFLOPS")]),
    ("en", "The chip delivers 989 TFLOPS.", [fig(989, "TFLOPS")]),
    ("en", "The chip carries 192 GB of HBM3e.", [fig(192, "GB")]),
    ("en", "A memory bandwidth of 8 TB/s.", [fig(8, "TB/s")]),
    ("en", "The campus will draw 6 GW.", [fig(6e9, "W")]),
    ("en", "The campus will draw 1.5 GW.", [fig(1.5e9, "W")]),
    ("en", "The data center will draw 500 MW.", [fig(500e6, "W")]),
    ("en", "The chip draws 700 W.", [fig(700, "W")]),
    ("en", "The chip draws 1,000 W.", [fig(1000, "W")]),
    ("en", "The chip is built on a 2nm process.", [fig(2, "nm")]),
    ("en", "A clock speed of 3.5 GHz.", [fig(3.5, "GHz")]),
    # spec-silent: "PFLOPS", "kW", "To" of memory (1000 or 1024 GB?).
]

PERCENT_FORMS = [
    ("fr", "Une croissance de 13 pour cent.", [fig(13, "%")]),
    ("fr", "Une croissance de 13%.", [fig(13, "%")]),
    ("fr", f"Une croissance de 13{NBSP}%.", [fig(13, "%")]),
    ("fr", f"Une croissance de 13{NNBSP}%.", [fig(13, "%")]),
    ("en", "Growth of 13 percent.", [fig(13, "%")]),
    ("en", "Growth of 13 per cent.", [fig(13, "%")]),
    ("en", "Growth of 13 pct.", [fig(13, "%")]),
    ("en", "Growth of 13 %.", [fig(13, "%")]),
]

SENTENCES = [
    # From the shared French report and its English rendering: several figures, in order.
    (
        "fr",
        "Bien que l'entreprise ait dépassé les attentes en termes de bénéfices ajustés "
        "(1,68 $ par action, en hausse de 33 % d'une année sur l'autre) et de revenus "
        "(167,7 milliards de dollars, en hausse de 13 % d'une année sur l'autre).",
        [fig(1.68, "USD/share"), fig(33, "%"), fig(167.7e9, "USD"), fig(13, "%")],
    ),
    (
        "fr",
        "Les revenus d'AWS ont augmenté de 17,5 % d'une année sur l'autre pour atteindre "
        "30,9 milliards de dollars.",
        [fig(17.5, "%"), fig(30.9e9, "USD")],
    ),
    (
        "fr",
        "Les dépenses en capital d'Amazon, totalisant 31,4 milliards de dollars au T2.",
        [fig(31.4e9, "USD")],
    ),
    (
        "fr",
        "Les analystes d'UBS ont maintenu un objectif de cours de 271 dollars.",
        [fig(271, "USD")],
    ),
    (
        "fr",
        "Le marché des puces IA devrait passer d'un montant estimé à 29,65 milliards de "
        "dollars en 2024 à un montant de 164,07 milliards de dollars d'ici 2029.",
        [fig(29.65e9, "USD"), fig(164.07e9, "USD", prev=ANY)],
    ),
    (
        "fr",
        "Le partenariat d'AWS avec Anthropic, évalué à 183 milliards de dollars, avec "
        "Amazon construisant trois campus de centres de données.",
        [fig(183e9, "USD"), fig(3, "count")],
    ),
    (
        "en",
        "The company beat expectations on adjusted earnings ($1.68 per share, up 33% "
        "year over year) and revenue ($167.7 billion, up 13% year over year).",
        [fig(1.68, "USD/share"), fig(33, "%"), fig(167.7e9, "USD"), fig(13, "%")],
    ),
    (
        "en",
        "AWS revenue grew 17.5% year over year to $30.9 billion.",
        [fig(17.5, "%"), fig(30.9e9, "USD")],
    ),
    (
        "en",
        "Amazon's capital expenditures, totaling $31.4 billion in Q2.",
        [fig(31.4e9, "USD")],
    ),
    (
        "en",
        "UBS analysts maintained a price target of $271.",
        [fig(271, "USD")],
    ),
    (
        "en",
        "The AI chip market is expected to grow from an estimated $29.65 billion in 2024 "
        "to $164.07 billion by 2029.",
        [fig(29.65e9, "USD"), fig(164.07e9, "USD", prev=ANY)],
    ),
    (
        "en",
        "AWS's partnership with Anthropic, valued at $183 billion, with Amazon building "
        "three data center campuses.",
        [fig(183e9, "USD"), fig(3, "count")],
    ),
]

# Text that names years, dates, periods, products, indices, ordinals or pages but no
# figure: the figure layer must return nothing.
NO_FIGURE = [
    ("fr", "Amazon publiera ses résultats en 2025."),
    # a year counts no "record orders" that follow it
    ("fr", "Siemens termine l'exercice 2025 avec des commandes record."),
    ("en", "Siemens ends fiscal 2025 with record orders."),
    ("fr", "La conférence a eu lieu le 30 juillet 2025."),
    ("fr", "Les résultats du T2 2025 sont attendus."),
    ("fr", "Les ventes du deuxième trimestre 2025 seront publiées bientôt."),
    ("fr", "NVIDIA livre ses GPU H100 et B200."),
    ("fr", "L'Instinct MI300X d'AMD gagne du terrain."),
    ("fr", "La puce Trainium2 succède à Trainium."),
    ("fr", "Le CAC 40 a ouvert en hausse."),
    ("fr", "Le Stoxx 600 et le S&P 500 ont terminé sans direction claire."),
    ("fr", "Amazon est le 3e acteur du cloud."),
    ("fr", "Voir le tableau en page 12."),
    ("fr", "OpenAI a présenté GPT-4 l'an dernier."),
    ("fr", "Amazon publie un rapport sur l'IA."),
    ("fr", "Avec Trainium3 prévu pour le second semestre 2025, AWS vise plus haut."),
    ("fr", "Le marché devrait croître fortement d'ici 2029."),
    ("fr", "Les perspectives pour l'exercice 2026 restent prudentes."),
    ("fr", "Le dividende sera versé le 1er août 2025."),
    ("fr", "Amazon.com, Inc. (AMZN) et NVIDIA Corp. (NVDA) reculent."),
    (
        "fr",
        "Suite à la publication de son rapport sur les résultats du deuxième trimestre "
        "(T2) 2025, les actions d'Amazon ont reculé.",
    ),
    ("en", "Amazon will report results in 2025."),
    ("en", "The call took place on July 30, 2025."),
    ("en", "Q2 2025 results are due next week."),
    ("en", "NVIDIA ships H100 and B200 GPUs."),
    ("en", "AMD's Instinct MI300X is gaining ground."),
    ("en", "Trainium2 succeeds the original Trainium chip."),
    ("en", "OpenAI released GPT-4 last year."),
    ("en", "The S&P 500 closed higher."),
    ("en", "The Stoxx 600 and the CAC 40 ended flat."),
    ("en", "Amazon is the third largest cloud provider."),
    ("en", "Amazon ranks 3rd in the cloud market."),
    ("en", "See the table on page 12."),
    ("en", "Guidance for fiscal 2026 will be issued in the third quarter."),
    ("en", "The market should expand significantly by 2029."),
    ("en", "Shares of Amazon.com, Inc. (AMZN) fell after the report."),
    ("en", "Trainium3 is planned for the second half of 2025."),
    ("en", "FY2026 guidance will be issued in H2 2025."),
]

FIGURE_ROWS = [
    *DECIMALS,
    *THOUSANDS,
    *SIGNS,
    *PARENTHESISED,
    *SCALES,
    *CURRENCIES,
    *PER_SHARE,
    *NUMBER_WORDS,
    *RANGES,
    *MOVES,
    *DECLINES,
    *RISES,
    *APPROXIMATIONS,
    *POINTS,
    *MULTIPLES,
    *COUNTS,
    *CHIP_SPECS,
    *PERCENT_FORMS,
    *SENTENCES,
    *((lang, text, []) for lang, text in NO_FIGURE),
]


def _params(rows: list[tuple[str, str, list[Expected]]]) -> list[Any]:
    """One pytest case per row, named after its language and text."""
    return [
        pytest.param(lang, text, expected, id=f"{lang}:{text[:60]}")
        for lang, text, expected in rows
    ]


def _same_number(actual: float | None, expected: Any) -> bool:
    if expected is ANY:
        return True
    if expected is None or actual is None:
        return actual is expected
    return actual == pytest.approx(expected, rel=1e-6)


def _describe(figures: list[Any]) -> str:
    return "; ".join(
        f"{f.text!r} -> ({f.value}, {f.unit!r}, max={f.value_max}, prev={f.previous}, "
        f"approx={f.approximate})"
        for f in figures
    )


def assert_spans_are_honest(text: str, figures: list[Any]) -> None:
    """``text == input[start:end]`` always, and figures come in text order."""
    for figure in figures:
        assert 0 <= figure.start < figure.end <= len(text)
        assert text[figure.start : figure.end] == figure.text
    starts = [figure.start for figure in figures]
    assert starts == sorted(starts), f"figures out of text order: {_describe(figures)}"


def test_the_table_is_big_and_bilingual() -> None:
    assert len(FIGURE_ROWS) >= 220
    langs = [lang for lang, _, _ in FIGURE_ROWS]
    assert langs.count("fr") >= 100 and langs.count("en") >= 100
    assert len(NO_FIGURE) >= 25


@pytest.mark.parametrize(("lang", "text", "expected"), _params(FIGURE_ROWS))
def test_figures(lang: str, text: str, expected: list[Expected]) -> None:
    figures = find_figures(text, lang)
    got = _describe(figures)
    assert len(figures) == len(expected), f"expected {len(expected)} figure(s), got: {got}"
    for figure, (value, unit, value_max, previous, approximate) in zip(
        figures, expected, strict=True
    ):
        assert _same_number(figure.value, value), f"value: {got}"
        assert figure.unit == unit, f"unit: {got}"
        assert _same_number(figure.value_max, value_max), f"value_max: {got}"
        assert _same_number(figure.previous, previous), f"previous: {got}"
        if approximate is not ANY:
            assert figure.approximate is approximate, f"approximate: {got}"
    assert_spans_are_honest(text, figures)


# ---------------------------------------------------------------------------
# The span covers at least the number as written.
# ---------------------------------------------------------------------------

SPAN_ROWS = [
    ("fr", "Les revenus atteignent 167,7 milliards de dollars.", "167,7"),
    ("fr", f"Le groupe emploie 12{NNBSP}000 salariés.", f"12{NNBSP}000"),
    ("fr", "Résultat net : (1,2) milliard d'euros.", "1,2"),
    ("fr", "Amazon construit trois campus pour Anthropic.", "trois"),
    ("fr", "Une part de marché estimée à 80-90 %.", "80-90"),
    ("fr", "JPMorgan a relevé son objectif de cours de 63 à 78 euros.", "78"),
    ("en", "Revenue reached $167.7 billion.", "167.7"),
    ("en", "The group employs 12,000 people.", "12,000"),
    ("en", "A net loss of $(0.67) per share.", "0.67"),
    ("en", "Amazon is building three campuses for Anthropic.", "three"),
    ("en", "Investments of between $10 and $12 billion.", "12"),
    ("en", "Morgan Stanley raised its price target to $300 from $170.", "300"),
]


@pytest.mark.parametrize(("lang", "text", "numeral"), SPAN_ROWS, ids=lambda v: str(v)[:40])
def test_span_covers_the_number(lang: str, text: str, numeral: str) -> None:
    figures = find_figures(text, lang)
    assert len(figures) == 1, _describe(figures)
    assert numeral in figures[0].text, _describe(figures)
    assert_spans_are_honest(text, figures)


# ---------------------------------------------------------------------------
# The same figure written in French and in English reads the same.
# ---------------------------------------------------------------------------

TWIN_ROWS = [
    ("La valorisation atteint 3,67 billions de dollars.", "A value of $3.67 trillion."),
    ("Un contrat de 1,5 Md€.", "A contract worth €1.5bn."),
    ("Une baisse d'environ 7 %.", "A decline of about 7%."),
    ("Entre 10 et 12 milliards d'euros.", "Between 10 and 12 billion euros."),
    ("Un bénéfice de 1,68 $ par action.", "Earnings of $1.68 per share."),
    ("Une hausse de 150 points de base.", "An increase of 150 basis points."),
    ("La puce délivre 1,3 petaFLOPS.", "The chip delivers 1.3 petaFLOPS."),
    ("Le groupe compte 100 000 GPU.", "The group has 100,000 GPUs."),
]


@pytest.mark.parametrize(("french", "english"), TWIN_ROWS, ids=lambda v: v[:40])
def test_french_and_english_twins_agree(french: str, english: str) -> None:
    fr = find_figures(french, "fr")
    en = find_figures(english, "en")
    assert len(fr) == len(en) == 1, f"fr: {_describe(fr)} / en: {_describe(en)}"
    assert fr[0].value == pytest.approx(en[0].value, rel=1e-9)
    assert fr[0].unit == en[0].unit
    assert _same_number(fr[0].value_max, en[0].value_max)
    assert fr[0].approximate == en[0].approximate
