"""Period mentions, read against spec/FACTS.md (``period``) and issue 2.

Each row is ``(lang, text, expected)`` with ``expected`` the periods named in the text,
in order, as ``(period, horizon)``. ``horizon`` is True only for "d'ici 2029" /
"by 2029" (models/schema.py: a forecast horizon, not a past period); ``None`` means
not asserted. Annotated from the spec, not from the implementation.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from models.periods import find_periods, relative_shift, shift_period

NBSP = "\u00a0"

QUARTERS = [
    ("fr", "Au T1 2025, les ventes ont progressé.", [("2025-Q1", False)]),
    ("fr", "Au T2 2025, les ventes ont progressé.", [("2025-Q2", False)]),
    ("fr", "Au T3 2025, les ventes ont progressé.", [("2025-Q3", False)]),
    ("fr", "Au T4 2025, les ventes ont progressé.", [("2025-Q4", False)]),
    ("fr", "Au 1er trimestre 2025, les ventes ont progressé.", [("2025-Q1", False)]),
    ("fr", "Au premier trimestre 2025, les ventes ont progressé.", [("2025-Q1", False)]),
    ("fr", "Au deuxième trimestre 2025, les ventes ont progressé.", [("2025-Q2", False)]),
    ("fr", "Au second trimestre 2025, les ventes ont progressé.", [("2025-Q2", False)]),
    ("fr", "Au 2e trimestre 2025, les ventes ont progressé.", [("2025-Q2", False)]),
    ("fr", "Au troisième trimestre 2025, les ventes ont progressé.", [("2025-Q3", False)]),
    ("fr", "Au 3e trimestre 2024, les ventes ont progressé.", [("2024-Q3", False)]),
    ("fr", "Au quatrième trimestre 2025, les ventes ont progressé.", [("2025-Q4", False)]),
    ("en", "In Q1 2025, sales grew.", [("2025-Q1", False)]),
    ("en", "In Q2 2025, sales grew.", [("2025-Q2", False)]),
    ("en", "In Q3 2025, sales grew.", [("2025-Q3", False)]),
    ("en", "In Q4 2025, sales grew.", [("2025-Q4", False)]),
    ("en", "In the first quarter of 2025, sales grew.", [("2025-Q1", False)]),
    ("en", "In the second quarter of 2025, sales grew.", [("2025-Q2", False)]),
    ("en", "In the third quarter of 2025, sales grew.", [("2025-Q3", False)]),
    ("en", "In the fourth quarter of 2025, sales grew.", [("2025-Q4", False)]),
    ("en", "In the fourth quarter of 2024, sales grew.", [("2024-Q4", False)]),
    # spec-silent: "the June quarter", "2Q25", "Q2" in a French text.
]

HALVES = [
    ("fr", "Au S1 2025, les marges se sont redressées.", [("2025-H1", False)]),
    ("fr", "Au S2 2025, les marges se sont redressées.", [("2025-H2", False)]),
    ("fr", "Au premier semestre 2025, les marges se sont redressées.", [("2025-H1", False)]),
    ("fr", "Au second semestre 2025, les marges se sont redressées.", [("2025-H2", False)]),
    ("fr", "Au deuxième semestre 2025, les marges se sont redressées.", [("2025-H2", False)]),
    ("en", "In H1 2025, margins recovered.", [("2025-H1", False)]),
    ("en", "In H2 2025, margins recovered.", [("2025-H2", False)]),
    ("en", "In the first half of 2025, margins recovered.", [("2025-H1", False)]),
    ("en", "In the second half of 2025, margins recovered.", [("2025-H2", False)]),
]

FISCAL = [
    ("fr", "Les perspectives pour l'exercice 2026 restent prudentes.", [("FY2026", False)]),
    ("fr", "Les perspectives pour l'exercice fiscal 2026 restent prudentes.", [("FY2026", False)]),
    (
        "fr",
        "Au troisième trimestre de l'exercice 2026, la marge a progressé.",
        [("FY2026-Q3", False)],
    ),
    (
        "fr",
        "Au premier trimestre de l'exercice fiscal 2026, la marge a progressé.",
        [("FY2026-Q1", False)],
    ),
    ("en", "The outlook for fiscal 2025 remains cautious.", [("FY2025", False)]),
    ("en", "The outlook for fiscal year 2025 remains cautious.", [("FY2025", False)]),
    ("en", "The FY2025 outlook remains cautious.", [("FY2025", False)]),
    ("en", "The FY25 outlook remains cautious.", [("FY2025", False)]),
    ("en", "In Q3 FY2026, the margin improved.", [("FY2026-Q3", False)]),
    ("en", "In Q3 FY26, the margin improved.", [("FY2026-Q3", False)]),
    ("en", "In the third quarter of fiscal 2026, the margin improved.", [("FY2026-Q3", False)]),
    ("en", "In the fiscal third quarter 2026, the margin improved.", [("FY2026-Q3", False)]),
    # spec-silent: "exercice 2025/26", "FY2026" in a French text, "T3 de l'exercice 2026".
]

YEARS_AND_HORIZONS = [
    ("fr", "Le marché devrait atteindre ce niveau d'ici 2029.", [("2029", True)]),
    ("fr", "Amazon pourrait dépasser NVIDIA d'ici 2030.", [("2030", True)]),
    ("fr", "En 2024, le marché a doublé.", [("2024", False)]),
    ("fr", "Le marché a doublé en 2024.", [("2024", False)]),
    (
        "fr",
        "Une croissance qui pourrait lui permettre de dépasser la valorisation de NVIDIA "
        "en 2025 d'ici 2030.",
        [("2025", False), ("2030", True)],
    ),
    (
        "fr",
        "Le marché passerait de 29,65 milliards de dollars en 2024 à 164,07 milliards de "
        "dollars d'ici 2029.",
        [("2024", False), ("2029", True)],
    ),
    ("en", "The market should reach that level by 2029.", [("2029", True)]),
    ("en", "Amazon could overtake NVIDIA by 2030.", [("2030", True)]),
    ("en", "In 2024, the market doubled.", [("2024", False)]),
    ("en", "The market doubled in 2024.", [("2024", False)]),
    (
        "en",
        "The market would grow from $29.65 billion in 2024 to $164.07 billion by 2029.",
        [("2024", False), ("2029", True)],
    ),
    # spec-silent: "jusqu'en 2025", "through 2025", "2024-2025".
]

MONTHS_AND_DAYS = [
    ("fr", "En juillet 2025, le titre a rebondi.", [("2025-07", False)]),
    ("fr", "En décembre 2024, le titre a rebondi.", [("2024-12", False)]),
    ("fr", "En février 2026, le titre a rebondi.", [("2026-02", False)]),
    ("fr", "Le 30 juillet 2025, le titre a rebondi.", [("2025-07-30", False)]),
    ("fr", f"Le 30{NBSP}juillet 2025, le titre a rebondi.", [("2025-07-30", False)]),
    ("fr", "Le 1er août 2025, le titre a rebondi.", [("2025-08-01", False)]),
    ("en", "In July 2025, the stock rebounded.", [("2025-07", False)]),
    ("en", "In December 2024, the stock rebounded.", [("2024-12", False)]),
    ("en", "In February 2026, the stock rebounded.", [("2026-02", False)]),
    ("en", "On July 30, 2025, the stock rebounded.", [("2025-07-30", False)]),
    ("en", "On 30 July 2025, the stock rebounded.", [("2025-07-30", False)]),
    ("en", "On August 1, 2025, the stock rebounded.", [("2025-08-01", False)]),
]

SENTENCES = [
    (
        "fr",
        "Au T2 2025, le chiffre d'affaires a atteint 167,7 milliards de dollars, contre "
        "148 milliards au T2 2024.",
        [("2025-Q2", False), ("2024-Q2", False)],
    ),
    (
        "fr",
        "Avec Trainium3 prévu pour le second semestre 2025, AWS vise plus haut.",
        [("2025-H2", None)],
    ),
    (
        "en",
        "In Q2 2025, revenue reached $167.7 billion, versus $148 billion in Q2 2024.",
        [("2025-Q2", False), ("2024-Q2", False)],
    ),
    (
        "en",
        "With Trainium3 planned for the second half of 2025, AWS is aiming higher.",
        [("2025-H2", None)],
    ),
]

# Look like periods to a careless reader, but name none.
NO_PERIOD = [
    ("fr", "Au T2, les ventes ont progressé."),
    ("fr", "Le CAC 40 a ouvert en hausse."),
    ("fr", "Le groupe compte 1 234 salariés."),
    ("fr", "Le groupe compte 2 000 salariés."),
    ("fr", "NVIDIA livre ses GPU H100."),
    ("fr", "La puce Trainium2 succède à Trainium."),
    ("fr", "Le S&P 500 et le Stoxx 600 ont reculé."),
    ("fr", "Une marge de 3,5 %."),
    ("en", "In Q2, sales grew."),
    ("en", "The CAC 40 opened higher."),
    ("en", "The group has 1,234 employees."),
    ("en", "The group has 2,000 employees."),
    ("en", "NVIDIA ships H100 GPUs."),
    ("en", "AMD's MI300X is gaining ground."),
    ("en", "The S&P 500 and the Stoxx 600 fell."),
    ("en", "A margin of 3.5%."),
]

# A fiscal year named by the month it ends in, a fiscal quarter abbreviated "FQ", and a
# calendar year set apart from fiscal ones ("CY2026").
FISCAL_ENDINGS = [
    ("fr", "Prévision pour l'exercice qui se clôt en mars 2026.", [("FY2026", False)]),
    ("fr", "Comptes de l'exercice clos le 31 mars 2025.", [("FY2025", False)]),
    ("en", "Guidance for the fiscal year ending January 2026.", [("FY2026", False)]),
    ("en", "Results for the fiscal year ended March 31, 2025.", [("FY2025", False)]),
    ("en", "Revenue in FQ2 2026 rose.", [("FY2026-Q2", False)]),
    ("fr", "Le chiffre d'affaires du FQ3 2026 progresse.", [("FY2026-Q3", False)]),
    ("en", "Our CY2026 EPS estimate is $17.10.", [("2026", False)]),
    ("fr", "Notre BPA estimé pour l'année civile 2026 est de 17 $.", [("2026", False)]),
    # broker notes: estimate years ("2026e", "FY26E") and compact quarters and halves
    ("fr", "Nous portons notre BPA 2026e à 27,80 €.", [("2026", False)]),
    ("fr", "Le titre se traite à 26,5x le PER 2027e.", [("2027", False)]),
    ("en", "We see FY26E EPS of $3.10 and 2027E EPS of $3.60.",
     [("FY2026", False), ("2027", False)]),
    ("en", "Our CY25 EPS estimate is $15.", [("2025", False)]),
    ("en", "F2Q26 revenue beat; 1H25 margins fell; 2HFY26 looks better.",
     [("FY2026-Q2", False), ("2025-H1", False), ("FY2026-H2", False)]),
    ("fr", "Le 4QCY25 sera solide.", [("2025-Q4", False)]),
]  # fmt: skip

PERIOD_ROWS = [
    *FISCAL_ENDINGS,
    *QUARTERS,
    *HALVES,
    *FISCAL,
    *YEARS_AND_HORIZONS,
    *MONTHS_AND_DAYS,
    *SENTENCES,
    *((lang, text, []) for lang, text in NO_PERIOD),
]


def _params(rows: list[tuple[str, str, list[tuple[str, bool | None]]]]) -> list[Any]:
    """One pytest case per row, named after its language and text."""
    return [
        pytest.param(lang, text, expected, id=f"{lang}:{text[:60]}")
        for lang, text, expected in rows
    ]


def test_the_table_is_big_and_bilingual() -> None:
    assert len(PERIOD_ROWS) >= 60
    langs = [lang for lang, _, _ in PERIOD_ROWS]
    assert langs.count("fr") >= 30 and langs.count("en") >= 30


@pytest.mark.parametrize(("lang", "text", "expected"), _params(PERIOD_ROWS))
def test_periods(lang: str, text: str, expected: list[tuple[str, bool | None]]) -> None:
    mentions = find_periods(text, lang)
    got = "; ".join(f"{m.text!r} -> {m.period} (horizon={m.horizon})" for m in mentions)
    assert [m.period for m in mentions] == [period for period, _ in expected], got
    for mention, (_, horizon) in zip(mentions, expected, strict=True):
        if horizon is not None:
            assert mention.horizon is horizon, got
    for mention in mentions:
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
    starts = [m.start for m in mentions]
    assert starts == sorted(starts), got


# A figure dated against the report's period: the phrase after it and the shift it names.
RELATIVE_ROWS = [
    ("en", "compared with 25.6% a year earlier", "25.6%", "2025-H1", "2024-H1"),
    ("en", "from $(1.6) billion, or $(0.38) per share, a year ago", "$(1.6) billion",
     "2025-Q2", "2024-Q2"),
    ("en", "compared with $(0.38) in the year-ago quarter", "$(0.38)", "FY2026-Q3", "FY2025-Q3"),
    ("en", "up from roughly 15% two years earlier", "15%", "2025", "2023"),
    ("en", "against 45% in the previous quarter", "45%", "2025-Q1", "2024-Q4"),
    ("en", "$12.9 billion, flat from a year earlier", "$12.9 billion", "2025-Q2", None),
    ("fr", "contre 26,7 % un an plus tôt", "26,7 %", "2025-H1", "2024-H1"),
    ("fr", "contre 72,7 % au trimestre précédent", "72,7 %", "FY2026-Q3", "FY2026-Q2"),
    ("fr", "contre 35 k deux ans plus tôt", "35 k", "2025", "2023"),
    ("fr", "contre 1,2 Md€ au semestre précédent", "1,2 Md€", "2025-H1", "2024-H2"),
    ("fr", "9 014 M€, en recul de 15 % sur un an plus tôt", "9 014 M€", "2025-H1", None),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "figure", "period", "expected"), RELATIVE_ROWS)
def test_relative_periods(
    lang: str, text: str, figure: str, period: str, expected: str | None
) -> None:
    start = text.index(figure)
    others = [(m.start(), m.end()) for m in re.finditer(r"\$\(0\.38\) per share", text)]
    shift = relative_shift(text, start + len(figure), len(text), others, lang)
    assert (shift_period(period, shift) if shift else None) == expected
