"""Key-fact templates in French and English: one row per metric, unit, range, move,
sign, approximation, claim type and period shape.

French expectations are written with ``_`` for the no-break space (U+00A0) and
``^`` for the thin no-break space that groups thousands (U+202F).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from models.errors import DataFileError, UnsupportedLanguageError
from models.render import (
    LANG_DIR,
    load_templates,
    pair_growth_facts,
    render_fact,
    render_key_facts,
    templates_for,
)
from models.schema import CLAIM_TYPES, METRICS, SUPPORTED_LANGUAGES


def typo(expected: str) -> str:
    return expected.replace("_", "\u00a0").replace("^", "\u202f")


def fact(metric: str, value: float, unit: str, subject: str | None = "Acme", **extra: Any) -> dict:
    base = {
        "subject": subject,
        "subject_id": None,
        "metric": metric,
        "value": value,
        "value_max": None,
        "previous": None,
        "unit": unit,
        "period": None,
        "claim_type": "reported",
        "qualifier": None,
        "attribution": None,
        "approximate": False,
    }
    return {**base, **extra}


# (fact, French line, English line)
METRIC_ROWS = [
    (fact("revenue", 167.7e9, "USD", "Amazon", period="2025-Q2"),
     "Amazon — chiffre d'affaires T2 2025_: 167,7_Md$", "Amazon — Q2 2025 revenue: $167.7B"),
    (fact("revenue_growth", 13, "%", "Amazon", period="2025-Q2"),
     "Amazon — croissance du chiffre d'affaires T2 2025_: +13_%",
     "Amazon — Q2 2025 revenue growth: +13%"),
    (fact("net_income", -97e6, "USD", period="2025"),
     "Acme — résultat net 2025_: -97_M$", "Acme — 2025 net income: -$97M"),
    (fact("net_income_growth", 8.5, "%", period="FY2025"),
     "Acme — croissance du résultat net exercice 2025_: +8,5_%",
     "Acme — fiscal 2025 net income growth: +8.5%"),
    (fact("operating_income", 12.3e9, "EUR", period="2025-H1"),
     "Acme — résultat opérationnel S1 2025_: 12,3_Md€", "Acme — H1 2025 operating income: €12.3B"),
    (fact("operating_margin", 11.4, "%", period="2025-Q3"),
     "Acme — marge opérationnelle T3 2025_: 11,4_%", "Acme — Q3 2025 operating margin: 11.4%"),
    (fact("gross_margin", 72.5, "%", "NVIDIA", period="FY2026-Q3"),
     "NVIDIA — marge brute T3 de l'exercice 2026_: 72,5_%",
     "NVIDIA — fiscal Q3 2026 gross margin: 72.5%"),
    (fact("eps", 1.68, "USD/share", "Amazon", period="2025-Q2"),
     "Amazon — bénéfice par action T2 2025_: 1,68_$ par action",
     "Amazon — Q2 2025 EPS: $1.68 per share"),
    (fact("eps_growth", 33, "%", "Amazon", period="2025-Q2"),
     "Amazon — croissance du BPA T2 2025_: +33_%", "Amazon — Q2 2025 EPS growth: +33%"),
    (fact("capex", 31.4e9, "USD", "Amazon", period="2025-Q2"),
     "Amazon — dépenses d'investissement T2 2025_: 31,4_Md$", "Amazon — Q2 2025 capex: $31.4B"),
    (fact("opex", 850e6, "EUR", period="2024"),
     "Acme — charges opérationnelles 2024_: 850_M€", "Acme — 2024 operating expenses: €850M"),
    (fact("free_cash_flow", 18.2e9, "USD", period="2024"),
     "Acme — flux de trésorerie disponible 2024_: 18,2_Md$", "Acme — 2024 free cash flow: $18.2B"),
    (fact("return_on_equity", 12, "%", "BNP Paribas", period="2025", qualifier="RoTE"),
     "BNP Paribas — RoTE 2025_: 12_%", "BNP Paribas — 2025 RoTE: 12%"),
    (fact("return_on_equity", 9.5, "%"),
     "Acme — rentabilité des fonds propres_: 9,5_%", "Acme — return on equity: 9.5%"),
    (fact("dividend", 2.5, "EUR/share", "TotalEnergies", period="2024"),
     "TotalEnergies — dividende 2024_: 2,50_€ par action",
     "TotalEnergies — 2024 dividend: €2.50 per share"),
    (fact("buyback", 10e9, "USD", "Apple"),
     "Apple — rachat d'actions_: 10_Md$", "Apple — share buyback: $10B"),
    (fact("market_share", 80, "%", "NVIDIA", value_max=90, claim_type="estimate"),
     "NVIDIA — part de marché_: 80 à 90_% (estimation)",
     "NVIDIA — market share: 80–90% (estimate)"),
    (fact("market_size", 164.07e9, "USD", "AI chip market", period="2029", claim_type="forecast"),
     "AI chip market — taille du marché 2029_: 164,07_Md$ (prévision)",
     "AI chip market — 2029 market size: $164.07B (expected)"),
    (fact("market_cap", 3.67e12, "USD", "Amazon"),
     "Amazon — capitalisation boursière_: 3^670_Md$", "Amazon — market cap: $3.67T"),
    (fact("valuation", 183e9, "USD", "Anthropic"),
     "Anthropic — valorisation_: 183_Md$", "Anthropic — valuation: $183B"),
    (fact("price_target", 265, "USD", "Amazon", claim_type="target", attribution="JPMorgan"),
     "Amazon — objectif de cours_: 265_$ (selon JPMorgan)",
     "Amazon — price target: $265 (per JPMorgan)"),
    (fact("share_price", 182.5, "USD", "Amazon"),
     "Amazon — cours de l'action_: 182,50_$", "Amazon — share price: $182.50"),
    (fact("share_price_change", -7, "%", "Amazon", approximate=True),
     "Amazon — variation du cours_: environ -7_%", "Amazon — share price change: about -7%"),
    (fact("valuation_multiple", 20, "x", "Amazon", qualifier="EV/EBITDA, forward"),
     "Amazon — multiple de valorisation (EV/EBITDA, prévisionnel)_: 20x",
     "Amazon — valuation multiple (EV/EBITDA, forward): 20x"),
    (fact("growth_rate", 10, "%", "Amazon", qualifier="annual", claim_type="forecast"),
     "Amazon — taux de croissance (annuel)_: +10_% (prévision)",
     "Amazon — growth rate (annual): +10% (expected)"),
    (fact("performance_gain", 4, "x", "Trainium2", claim_type="claimed"),
     "Trainium2 — gain de performance_: 4x (revendiqué)",
     "Trainium2 — performance gain: 4x (claimed)"),
    (fact("price_performance_gain", 30, "%", "Trainium2", value_max=40, claim_type="claimed"),
     "Trainium2 — gain de rapport prix/performance_: 30 à 40_% (revendiqué)",
     "Trainium2 — price-performance gain: 30–40% (claimed)"),
    (fact("chip_spec", 192, "GB", "Instinct MI300X", qualifier="memory"),
     "Instinct MI300X — mémoire_: 192_Go", "Instinct MI300X — memory: 192 GB"),
    (fact("chip_spec", 1300, "TFLOPS", "B200"),
     "B200 — caractéristique technique_: 1^300_TFLOPS", "B200 — spec: 1,300 TFLOPS"),
    (fact("units", 3, "count", "Amazon", qualifier="campuses"),
     "Amazon — campus_: 3", "Amazon — campuses: 3"),
    (fact("units", 100000, "count", "Amazon"),
     "Amazon — nombre d'unités_: 100^000", "Amazon — units: 100,000"),
    (fact("other", 42, "count"), "Acme — chiffre_: 42", "Acme — figure: 42"),
    # a qualifier that names the figure: a deal's premium has no metric code
    (fact("other", 37.6, "%", "Alten", qualifier="premium"),
     "Alten — prime_: 37,6_%", "Alten — premium: 37.6%"),
]  # fmt: skip

UNIT_ROWS = [
    (fact("buyback", 1.2e9, "CHF", "Nestlé"),
     "Nestlé — rachat d'actions_: 1,2_Md_CHF", "Nestlé — share buyback: CHF 1.2B"),
    (fact("revenue", 450e6, "GBP"), "Acme — chiffre d'affaires_: 450_M£", "Acme — revenue: £450M"),
    (fact("revenue", 1.5e9, "EUR"), "Acme — chiffre d'affaires_: 1,5_Md€", "Acme — revenue: €1.5B"),
    (fact("revenue", 25000, "EUR"), "Acme — chiffre d'affaires_: 25_k€", "Acme — revenue: €25K"),
    (fact("revenue", 9999, "USD"), "Acme — chiffre d'affaires_: 9^999_$", "Acme — revenue: $9,999"),
    (fact("revenue", 999.999e6, "USD"), "Acme — chiffre d'affaires_: 1_Md$", "Acme — revenue: $1B"),
    # below 10, a third decimal keeps the report's digits (was "5 Md€" for 4 996 MEUR)
    (fact("operating_income", 4.996e9, "EUR"),
     "Acme — résultat opérationnel_: 4,996_Md€", "Acme — operating income: €4.996B"),
    (fact("revenue", 1.175e9, "USD"),
     "Acme — chiffre d'affaires_: 1,175_Md$", "Acme — revenue: $1.175B"),
    (fact("revenue", 12.596e9, "EUR"),
     "Acme — chiffre d'affaires_: 12,6_Md€", "Acme — revenue: €12.6B"),
    (fact("revenue", 2.5e12, "JPY"),
     "Acme — chiffre d'affaires_: 2^500_Md¥", "Acme — revenue: ¥2.5T"),
    (fact("eps", -0.67, "USD/share"),
     "Acme — bénéfice par action_: -0,67_$ par action", "Acme — EPS: -$0.67 per share"),
    (fact("operating_margin", 1.5, "pp"),
     "Acme — marge opérationnelle_: +1,5_pt", "Acme — operating margin: +1.5 pp"),
    (fact("operating_margin", -2, "pp"),
     "Acme — marge opérationnelle_: -2_pts", "Acme — operating margin: -2 pp"),
    (fact("valuation_multiple", 1.5, "x"),
     "Acme — multiple de valorisation_: 1,5x", "Acme — valuation multiple: 1.5x"),
    (fact("units", 2.5e6, "count"),
     "Acme — nombre d'unités_: 2,5_millions", "Acme — units: 2.5 million"),
    (fact("units", 1.2e6, "count"),
     "Acme — nombre d'unités_: 1,2_million", "Acme — units: 1.2 million"),
    (fact("chip_spec", 2.9, "TB/s", "H200", qualifier="memory bandwidth"),
     "H200 — bande passante mémoire_: 2,9_To/s", "H200 — memory bandwidth: 2.9 TB/s"),
    (fact("chip_spec", 6e9, "W", "Stargate", qualifier="power"),
     "Stargate — consommation_: 6_GW", "Stargate — power: 6 GW"),
    (fact("chip_spec", 700, "W", "H100", qualifier="power"),
     "H100 — consommation_: 700_W", "H100 — power: 700 W"),
    (fact("chip_spec", 3, "nm", "A19", qualifier="process node"),
     "A19 — gravure_: 3_nm", "A19 — process node: 3 nm"),
    (fact("chip_spec", 2.1, "GHz", "EPYC", qualifier="clock speed"),
     "EPYC — fréquence_: 2,1_GHz", "EPYC — clock speed: 2.1 GHz"),
    (fact("units", 250, "count", "Waymo", qualifier="robotaxis"),
     "Waymo — robotaxis_: 250", "Waymo — robotaxis: 250"),
    (fact("market_share", 0, "%"), "Acme — part de marché_: 0_%", "Acme — market share: 0%"),
]  # fmt: skip

RANGE_MOVE_ROWS = [
    (fact("revenue", 1.5e9, "USD", value_max=2e9, claim_type="guidance"),
     "Acme — chiffre d'affaires_: 1,5 à 2_Md$ (prévision de la société)",
     "Acme — revenue: $1.5B–$2B (guidance)"),
    (fact("revenue", 800e6, "USD", value_max=1.2e9),
     "Acme — chiffre d'affaires_: 800_M$ à 1,2_Md$", "Acme — revenue: $800M–$1.2B"),
    (fact("revenue_growth", 5, "%", value_max=7),
     "Acme — croissance du chiffre d'affaires_: +5 à 7_%",
     "Acme — revenue growth: +5–7%"),
    (fact("share_price_change", -3, "%", value_max=-1),
     "Acme — variation du cours_: -3 à -1_%", "Acme — share price change: -3 to -1%"),
    (fact("operating_margin", -0.5, "pp", value_max=0.5),
     "Acme — marge opérationnelle_: -0,5 à +0,5_pt", "Acme — operating margin: -0.5 to +0.5 pp"),
    (fact("eps", 1.6, "USD/share", value_max=1.7),
     "Acme — bénéfice par action_: 1,60 à 1,70_$ par action",
     "Acme — EPS: $1.60–$1.70 per share"),
    (fact("price_target", 265, "USD", "Amazon", previous=240, claim_type="target",
          attribution="JPMorgan"),
     "Amazon — objectif de cours_: 265_$ (contre 240_$, selon JPMorgan)",
     "Amazon — price target: $265 (from $240, per JPMorgan)"),
    (fact("price_target", 78, "EUR", "Capgemini", previous=63, claim_type="target"),
     "Capgemini — objectif de cours_: 78_€ (contre 63_€)",
     "Capgemini — price target: €78 (from €63)"),
    (fact("capex", 125e9, "USD", "Meta", previous=118e9, claim_type="forecast"),
     "Meta — dépenses d'investissement_: 125_Md$ (contre 118_Md$, prévision)",
     "Meta — capex: $125B (from $118B, expected)"),
    (fact("market_share", 15, "%", "AMD", previous=12),
     "AMD — part de marché_: 15_% (contre 12_%)", "AMD — market share: 15% (from 12%)"),
    (fact("market_cap", 3.67e12, "USD", "Amazon", approximate=True),
     "Amazon — capitalisation boursière_: environ 3^670_Md$",
     "Amazon — market cap: about $3.67T"),
    (fact("share_price_change", 4.2, "%"),
     "Acme — variation du cours_: +4,2_%", "Acme — share price change: +4.2%"),
]  # fmt: skip

REVENUE = {"metric": "revenue", "value": 10e9, "unit": "USD", "period": "2026"}
CLAIM_ROWS = [
    (fact(**REVENUE), "Acme — chiffre d'affaires 2026_: 10_Md$", "Acme — 2026 revenue: $10B"),
    (fact(**REVENUE, attribution="FactSet"),
     "Acme — chiffre d'affaires 2026_: 10_Md$ (d'après FactSet)",
     "Acme — 2026 revenue: $10B (according to FactSet)"),
    (fact(**REVENUE, claim_type="estimate"),
     "Acme — chiffre d'affaires 2026_: 10_Md$ (estimation)",
     "Acme — 2026 revenue: $10B (estimate)"),
    (fact(**REVENUE, claim_type="estimate", attribution="FactSet consensus"),
     "Acme — chiffre d'affaires 2026_: 10_Md$ (selon le consensus FactSet)",
     "Acme — 2026 revenue: $10B (per FactSet consensus)"),
    (fact(**REVENUE, claim_type="forecast"),
     "Acme — chiffre d'affaires 2026_: 10_Md$ (prévision)",
     "Acme — 2026 revenue: $10B (expected)"),
    (fact(**REVENUE, claim_type="forecast", attribution="Gartner"),
     "Acme — chiffre d'affaires 2026_: 10_Md$ (prévision, selon Gartner)",
     "Acme — 2026 revenue: $10B (expected, per Gartner)"),
    (fact(**REVENUE, claim_type="guidance"),
     "Acme — chiffre d'affaires 2026_: 10_Md$ (prévision de la société)",
     "Acme — 2026 revenue: $10B (guidance)"),
    (fact(**REVENUE, claim_type="guidance", attribution="Acme"),
     "Acme — chiffre d'affaires 2026_: 10_Md$ (prévision annoncée par Acme)",
     "Acme — 2026 revenue: $10B (guidance from Acme)"),
    (fact(**REVENUE, claim_type="target"),
     "Acme — chiffre d'affaires 2026_: 10_Md$ (objectif)",
     "Acme — 2026 revenue: $10B (target)"),
    (fact(**REVENUE, claim_type="target", attribution="UBS"),
     "Acme — chiffre d'affaires 2026_: 10_Md$ (objectif, selon UBS)",
     "Acme — 2026 revenue: $10B (target, per UBS)"),
    (fact(**REVENUE, claim_type="estimate", attribution="analysts"),
     "Acme — chiffre d'affaires 2026_: 10_Md$ (selon les analystes)",
     "Acme — 2026 revenue: $10B (per analysts)"),
    (fact(**REVENUE, claim_type="estimate", attribution="consensus"),
     "Acme — chiffre d'affaires 2026_: 10_Md$ (selon le consensus)",
     "Acme — 2026 revenue: $10B (per consensus)"),
    (fact(**REVENUE, claim_type="claimed"),
     "Acme — chiffre d'affaires 2026_: 10_Md$ (revendiqué)",
     "Acme — 2026 revenue: $10B (claimed)"),
    (fact(**REVENUE, claim_type="claimed", attribution="Reuters"),
     "Acme — chiffre d'affaires 2026_: 10_Md$ (revendiqué par Reuters)",
     "Acme — 2026 revenue: $10B (claimed by Reuters)"),
    (fact("price_target", 271, "USD", "Amazon", claim_type="target"),
     "Amazon — objectif de cours_: 271_$", "Amazon — price target: $271"),
]  # fmt: skip

PERIOD_ROWS = [
    ("2025-Q2", "chiffre d'affaires T2 2025", "Q2 2025 revenue"),
    ("2025-H2", "chiffre d'affaires S2 2025", "H2 2025 revenue"),
    ("FY2026-Q3", "chiffre d'affaires T3 de l'exercice 2026", "fiscal Q3 2026 revenue"),
    ("FY2026", "chiffre d'affaires exercice 2026", "fiscal 2026 revenue"),
    ("2029", "chiffre d'affaires 2029", "2029 revenue"),
    ("2025-07", "chiffre d'affaires juillet 2025", "July 2025 revenue"),
    ("2025-08", "chiffre d'affaires août 2025", "August 2025 revenue"),
    ("2025-07-01", "chiffre d'affaires 1er juillet 2025", "July 1, 2025 revenue"),
    ("2025-10-15", "chiffre d'affaires 15 octobre 2025", "October 15, 2025 revenue"),
    (None, "chiffre d'affaires", "revenue"),
]


def by_language(rows: list[tuple[dict, str, str]]) -> list[Any]:
    cases = []
    for number, (the_fact, french, english) in enumerate(rows):
        label = f"{the_fact['metric']}-{number}"
        cases.append(pytest.param(the_fact, "fr", typo(french), id=f"fr-{label}"))
        cases.append(pytest.param(the_fact, "en", english, id=f"en-{label}"))
    return cases


@pytest.mark.parametrize(("the_fact", "lang", "expected"), by_language(METRIC_ROWS))
def test_every_metric_renders(the_fact: dict, lang: str, expected: str) -> None:
    assert render_fact(the_fact, lang) == expected


@pytest.mark.parametrize(("the_fact", "lang", "expected"), by_language(UNIT_ROWS))
def test_every_unit_family_renders(the_fact: dict, lang: str, expected: str) -> None:
    assert render_fact(the_fact, lang) == expected


@pytest.mark.parametrize(("the_fact", "lang", "expected"), by_language(RANGE_MOVE_ROWS))
def test_ranges_moves_signs_and_approximations(the_fact: dict, lang: str, expected: str) -> None:
    assert render_fact(the_fact, lang) == expected


@pytest.mark.parametrize(("the_fact", "lang", "expected"), by_language(CLAIM_ROWS))
def test_every_claim_type_is_worded(the_fact: dict, lang: str, expected: str) -> None:
    assert render_fact(the_fact, lang) == expected


@pytest.mark.parametrize(
    ("period", "lang", "expected"),
    [pytest.param(p, "fr", typo(f"Acme — {fr}_: 5_Md$"), id=f"fr-{p}") for p, fr, _ in PERIOD_ROWS]
    + [pytest.param(p, "en", f"Acme — {en}: $5B", id=f"en-{p}") for p, _, en in PERIOD_ROWS],
)
def test_period_formats(period: str | None, lang: str, expected: str) -> None:
    assert render_fact(fact("revenue", 5e9, "USD", period=period), lang) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", "Chiffre d'affaires T2 2025\u00a0: 5\u00a0Md$"),
        ("en", "Q2 2025 revenue: $5B"),
    ],
)
def test_fact_without_subject(lang: str, expected: str) -> None:
    assert render_fact(fact("revenue", 5e9, "USD", None, period="2025-Q2"), lang) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", "Amazon — capitalisation boursière\u00a0: 3\u202f670\u00a0Md$"),
        ("en", "Amazon — market cap: $3.67T"),
    ],
)
def test_typography_uses_real_no_break_spaces(lang: str, expected: str) -> None:
    assert render_fact(fact("market_cap", 3.67e12, "USD", "Amazon"), lang) == expected


AMAZON_Q2 = [
    fact("revenue", 167.7e9, "USD", "Amazon", subject_id="AMZN", period="2025-Q2"),
    fact("revenue_growth", 13, "%", "Amazon", subject_id="AMZN", period="2025-Q2"),
    fact("revenue_growth", 17.5, "%", "AWS", subject_id="aws", period="2025-Q2"),
    fact("eps", 1.68, "USD/share", "Amazon", subject_id="AMZN", period="2025-Q2"),
    fact("eps_growth", 33, "%", "Amazon", subject_id="AMZN", period="2025-Q1"),
]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", [
            "Amazon — chiffre d'affaires T2 2025_: 167,7_Md$ (+13_% sur un an)",
            "AWS — croissance du chiffre d'affaires T2 2025_: +17,5_%",
            "Amazon — bénéfice par action T2 2025_: 1,68_$ par action",
            "Amazon — croissance du BPA T1 2025_: +33_%",
        ]),
        ("en", [
            "Amazon — Q2 2025 revenue: $167.7B (+13% YoY)",
            "AWS — Q2 2025 revenue growth: +17.5%",
            "Amazon — Q2 2025 EPS: $1.68 per share",
            "Amazon — Q1 2025 EPS growth: +33%",
        ]),
    ],
)  # fmt: skip
def test_growth_folds_only_into_same_subject_and_period(lang: str, expected: list[str]) -> None:
    wanted = [typo(line) for line in expected] if lang == "fr" else expected
    assert render_key_facts(AMAZON_Q2, lang) == wanted
    assert pair_growth_facts(AMAZON_Q2) == {0: 1}


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", "Acme — chiffre d'affaires T3 2025_: 2_Md€ (+4_% sur un trimestre, prévision)"),
        ("en", "Acme — Q3 2025 revenue: €2B (+4% QoQ, expected)"),
    ],
)
def test_sequential_growth_is_worded_as_such(lang: str, expected: str) -> None:
    level = fact("revenue", 2e9, "EUR", period="2025-Q3", claim_type="forecast")
    growth = fact("revenue_growth", 4, "%", period="2025-Q3", qualifier="quarter over quarter")
    wanted = typo(expected) if lang == "fr" else expected
    assert render_key_facts([level, growth], lang) == [wanted]


def growth_of(value: float, qualifier: str | None = None) -> dict:
    return fact("revenue_growth", value, "%", "NVIDIA", period="FY2026-Q3", qualifier=qualifier)


NVIDIA_REVENUE = fact("revenue", 57e9, "USD", "NVIDIA", period="FY2026-Q3")

# (growth facts beside the level fact, index folded or None, French detail, English detail)
BASIS_ROWS = [
    ([growth_of(62)], 1, "(+62_% sur un an)", "(+62% YoY)"),
    ([growth_of(22, "quarter over quarter")], 1, "(+22_% sur un trimestre)", "(+22% QoQ)"),
    ([growth_of(22, "quarter over quarter"), growth_of(62, "year over year")], 2,
     "(+62_% sur un an)", "(+62% YoY)"),
    ([growth_of(22, "sequential"), growth_of(62)], 2, "(+62_% sur un an)", "(+62% YoY)"),
    ([growth_of(62, "vs. same quarter last year")], 1, "(+62_% sur un an)", "(+62% YoY)"),
    ([growth_of(22), growth_of(62)], None, "", ""),  # ambiguous: nothing folded
    # at constant currency, then as published: the measured one is the headline
    ([growth_of(8.6, "constant currency"), growth_of(4)], 1, "(+8,6_% sur un an)",
     "(+8.6% YoY)"),
    ([growth_of(4), growth_of(7, "organic")], 2, "(+7_% sur un an)", "(+7% YoY)"),
]  # fmt: skip


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(("growths", "folded", "french", "english"), BASIS_ROWS)
def test_growth_basis_decides_what_is_folded(
    lang: str, growths: list[dict], folded: int | None, french: str, english: str
) -> None:
    facts = [NVIDIA_REVENUE, *growths]
    assert pair_growth_facts(facts) == ({} if folded is None else {0: folded})
    lines = render_key_facts(facts, lang)
    if folded is None:
        assert "(" not in lines[0]
        assert len(lines) == 3
    else:
        assert lines[0].endswith(typo(french) if lang == "fr" else english)
        assert len(lines) == len(facts) - 1


@pytest.mark.parametrize("lang", ["de", "es", ""])
def test_unsupported_language_is_refused(lang: str) -> None:
    with pytest.raises(UnsupportedLanguageError):
        render_fact(fact("revenue", 1e9, "USD"), lang)


# --- data files -------------------------------------------------------------


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_shipped_templates_label_every_metric_and_claim_distinctly(lang: str) -> None:
    templates = templates_for(lang)
    assert set(templates["metrics"]) == set(METRICS)
    assert len(set(templates["metrics"].values())) == len(METRICS)
    assert set(templates["claims"]) == set(CLAIM_TYPES)
    worded = {claim: templates["claims"][claim]["plain"] for claim in CLAIM_TYPES}
    assert len(set(worded.values())) == len(CLAIM_TYPES)


def broken_copy(lang: str, tmp_path: Path, breaking: Any) -> Path:
    data = json.loads((LANG_DIR / lang / "render.json").read_text(encoding="utf-8"))
    breaking(data)
    path = tmp_path / "render.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


BREAKAGES = [
    ("metric-missing", lambda d: d["metrics"].pop("capex"), "capex"),
    ("metric-unknown", lambda d: d["metrics"].update(ebitda="EBITDA"), "ebitda"),
    ("claim-missing", lambda d: d["claims"].pop("guidance"), "guidance"),
    ("claim-no-attribution", lambda d: d["claims"]["estimate"].update(attributed="x"), "estimate"),
    ("months-short", lambda d: d["months"].pop(), "months"),
    ("period-missing", lambda d: d["periods"].pop("fiscal_quarter"), "fiscal_quarter"),
    ("spec-unit-missing", lambda d: d["spec_units"].pop("TB/s"), "TB/s"),
    ("line-no-value", lambda d: d.update(line="{subject} {metric_phrase}"), "{value}"),
    ("scales-unsorted", lambda d: d["money"]["scales"].reverse(), "scales"),
    ("measure-missing", lambda d: d["growth_measures"].pop("organic"), "organic"),
    ("measured-no-measure", lambda d: d.update(measured_growth="{value}"), "{measure}"),
]


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
@pytest.mark.parametrize(("breaking", "named"), [pytest.param(b, n, id=i) for i, b, n in BREAKAGES])
def test_invalid_template_file_is_refused_at_load(
    lang: str, breaking: Any, named: str, tmp_path: Path
) -> None:
    with pytest.raises(DataFileError) as raised:
        load_templates(broken_copy(lang, tmp_path, breaking))
    assert named in str(raised.value)


@pytest.mark.parametrize("content", ["{not json", "[]", ""])
def test_unreadable_template_file_is_refused(content: str, tmp_path: Path) -> None:
    path = tmp_path / "render.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError):
        load_templates(path)


def test_missing_template_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DataFileError):
        load_templates(tmp_path / "absent.json")


# (language, sentence, (amount, growth detail) of each revenue line): each level takes the
# growth figure beside it, even when the sentence carries two unmarked growth figures.
NEIGHBOUR_ROWS = [
    ("en", "For the fiscal 2026 second quarter, Arm's revenue rose 34% to $1.14 billion. "
     "Royalty revenue grew 21% to $620 million, while licensing revenue jumped 56% to "
     "$515 million.",
     [("$1.14B", "(+34% YoY)"), ("$620M", "(+21% YoY)"), ("$515M", "(+56% YoY)")]),
    ("fr", "Au deuxième trimestre de l'exercice 2026, le chiffre d'affaires d'Arm a progressé "
     "de 34 % à 1,14 milliard de dollars. Les redevances ont progressé de 21 % à 620 millions "
     "de dollars, tandis que les revenus de licences ont bondi de 56 % à 515 millions de "
     "dollars.",
     [("1,14 Md$", "(+34 % sur un an)"), ("620 M$", "(+21 % sur un an)"),
      ("515 M$", "(+56 % sur un an)")]),
    # the level's own figure, not the next sentence's adjusted year-on-year growth
    ("en", "Acme's third-quarter net income was $3.04 billion, down 6.9%. Excluding the "
     "provision, it would have risen 10.5% year over year.",
     [("$3.04B", "(-6.9% YoY)")]),
    ("fr", "Au troisième trimestre, le résultat net d'Acme s'établit à 3,04 milliards de "
     "dollars, en baisse de 6,9 %. Hors cet élément, il aurait progressé de 10,5 % sur un an.",
     [("3,04 Md$", "(-6,9 % sur un an)")]),
    # a generic growth rate folds into the level beside it (operating profit, cash flow,
    # a market's size): one line, not a level and a bare "+23%"
    ("en", "Barclays said group profit before tax for the first half of 2025 rose 23% to £5.2bn.",
     [("£5.2B", "(+23% YoY)")]),
    ("fr", "BNP Paribas, troisième trimestre 2025. Résultat brut d'exploitation : 4 996 MEUR "
     "(+11,0 %)",
     [("4,996 Md€", "(+11 % sur un an)")]),
    ("en", "WSTS now forecasts global semiconductor sales of $772B for 2025, up 22%, and $975B "
     "for 2026, a further rise of 26%.",
     [("$772B", "(+22% YoY, expected)"), ("$975B", "(+26% YoY, expected)")]),
    ("fr", "Le WSTS prévoit des ventes mondiales de semi-conducteurs de 772 Md$ en 2025, en "
     "hausse de 22 %, et de 975 Md$ en 2026, soit une nouvelle hausse de 26 %.",
     [("772 Md$", "(+22 % sur un an, prévision)"), ("975 Md$", "(+26 % sur un an, prévision)")]),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "lines"), NEIGHBOUR_ROWS)
def test_growth_folds_into_its_neighbour_in_the_sentence(
    extractor: Any, lang: str, text: str, lines: list[tuple[str, str]]
) -> None:
    facts = [fact.to_dict() for fact in extractor.extract(text, lang=lang).facts]
    rendered = [
        line.replace("\u202f", " ").replace("\xa0", " ") for line in render_key_facts(facts, lang)
    ]
    for amount, detail in lines:
        assert any(amount in line and line.endswith(detail) for line in rendered), rendered
