"""Key-fact lines: what a line shows beside its lead, chosen and rendered in both languages."""

from __future__ import annotations

from typing import Any

import pytest

from models.fact_lines import PEER_LIMIT, SERIES_LIMIT
from models.key_fact_ranker import KeyFactRanker
from models.key_facts import select_key_fact_lines
from models.render import render_line

# What a line shows beside its lead, whichever fact leads: the leads are the hand score's
# (models/key_facts.py), so a refitted ranker (tests/models/test_key_fact_ranker.py) does
# not change which line these rows read.
HAND_SCORE = KeyFactRanker.neutral()


def fact(metric: str, value: float, unit: str, **extra: Any) -> dict[str, Any]:
    base = {"subject": "Netflix", "subject_id": "NFLX", "metric": metric, "value": value,
            "value_max": None, "previous": None, "unit": unit, "period": "2025-Q3",
            "claim_type": "reported", "qualifier": None, "attribution": None,
            "approximate": False, "confidence": 0.9}  # fmt: skip
    return {**base, **extra}


def lines_of(facts: list[dict[str, Any]], lang: str, n: int = 5, text: str | None = None):
    lines = select_key_fact_lines(facts, n, text=text, ranker=HAND_SCORE)
    return lines, [render_line(facts, line, lang) for line in lines]


# (lang, facts, expected first line): the pairs an earnings digest prints together
COMPANION_ROWS = [
    ("fr", [fact("operating_income", 3.25e9, "USD"), fact("operating_margin", 28.2, "%")],
     "Netflix — résultat opérationnel T3 2025\u00a0: 3,25\u00a0Md$ "
     "(marge opérationnelle 28,2\u00a0%)"),
    ("en", [fact("operating_income", 3.25e9, "USD"), fact("operating_margin", 28.2, "%")],
     "Netflix — Q3 2025 operating income: $3.25B (operating margin 28.2%)"),
    # the label says "per share": the value does not say it twice
    ("fr", [fact("net_income", 2.55e9, "USD"), fact("net_income_growth", 8, "%"),
            fact("eps", 5.87, "USD/share")],
     "Netflix — résultat net T3 2025\u00a0: 2,55\u00a0Md$ (+8\u00a0% sur un an, "
     "bénéfice par action 5,87\u00a0$)"),
    ("en", [fact("net_income", 2.55e9, "USD"), fact("net_income_growth", 8, "%"),
            fact("eps", 5.87, "USD/share")],
     "Netflix — Q3 2025 net income: $2.55B (+8% YoY, EPS $5.87)"),
    # either may lead: the EPS first, the net income beside it
    ("en", [fact("eps", 5.87, "USD/share"), fact("net_income", 2.55e9, "USD")],
     "Netflix — Q3 2025 EPS: $5.87 per share (net income $2.55B)"),
    # a market's growth rate spans years: beside its size whatever its period and claim
    ("fr", [fact("market_size", 123e9, "USD", subject="marché des accélérateurs IA",
                 subject_id="aam", period="2024", claim_type="estimate"),
            fact("growth_rate", 19, "%", subject="marché des accélérateurs IA",
                 subject_id="aam", period="2029", claim_type="forecast")],
     "marché des accélérateurs IA — taille du marché 2024\u00a0: 123\u00a0Md$ "
     "(taux de croissance +19\u00a0%, estimation)"),
    ("en", [fact("market_size", 123e9, "USD", subject="AI accelerator market",
                 subject_id="aam", period="2024", claim_type="estimate"),
            fact("growth_rate", 19, "%", subject="AI accelerator market",
                 subject_id="aam", period="2029", claim_type="forecast")],
     "AI accelerator market — 2024 market size: $123B (growth rate +19%, estimate)"),
    # the year's dividend beside its net profit and EPS
    ("fr", [fact("net_income", 1.853e9, "EUR", subject="Pernod Ricard", subject_id="RI",
                 period="FY2025"),
            fact("eps", 7.34, "EUR/share", subject="Pernod Ricard", subject_id="RI",
                 period="FY2025"),
            fact("dividend", 4.70, "EUR/share", subject="Pernod Ricard", subject_id="RI",
                 period="FY2025")],
     "Pernod Ricard — résultat net exercice 2025\u00a0: 1,853\u00a0Md€ (bénéfice par action "
     "7,34\u00a0€, dividende 4,70\u00a0€)"),
    ("en", [fact("net_income", 1.853e9, "EUR", subject="Pernod Ricard", subject_id="RI",
                 period="FY2025"),
            fact("eps", 7.34, "EUR/share", subject="Pernod Ricard", subject_id="RI",
                 period="FY2025"),
            fact("dividend", 4.70, "EUR/share", subject="Pernod Ricard", subject_id="RI",
                 period="FY2025")],
     "Pernod Ricard — fiscal 2025 net income: €1.853B (EPS €7.34, dividend €4.70)"),
    # a broker's price target beside the share price it is set against
    ("fr", [fact("price_target", 110, "EUR", subject="Publicis", subject_id="publicis",
                 period=None, claim_type="target", previous=104),
            fact("share_price", 88.62, "EUR", subject="Publicis", subject_id="publicis",
                 period=None)],
     "Publicis — objectif de cours : 110 € (contre 104 €, cours de l'action "
     "88,62 €)"),
    ("en", [fact("price_target", 110, "EUR", subject="Publicis", subject_id="publicis",
                 period=None, claim_type="target", previous=104),
            fact("share_price", 88.62, "EUR", subject="Publicis", subject_id="publicis",
                 period=None)],
     "Publicis — price target: €110 (from €104, share price €88.62)"),
]  # fmt: skip


# (change to the companion, why it is no companion): it gets its own line
NOT_COMPANION_ROWS = [
    ({"period": "2025-Q4"}, "another period"),
    ({"claim_type": "estimate"}, "an analyst's estimate beside a reported profit"),
    ({"subject": "Spotify", "subject_id": "SPOT"}, "another company"),
    ({"unit": "pp", "value": 0.33}, "the margin's change in points, not the margin"),
]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(("change", "why"), NOT_COMPANION_ROWS)
def test_a_margin_of_another_period_claim_or_subject_is_no_companion(
    lang: str, change: dict[str, Any], why: str
) -> None:
    margin = {"metric": "operating_margin", "value": 28.2, "unit": "%", **change}
    facts = [fact("operating_income", 3.25e9, "USD"), fact(**margin)]
    lines, rendered = lines_of(facts, lang)
    assert [line.companions for line in lines] == [(), ()], why
    assert len(rendered) == 2


# (lang, facts, expected line): the same measure at other periods follows the lead
SERIES_ROWS = [
    ("fr", [fact("revenue", 11.51e9, "USD"), fact("revenue_growth", 17, "%"),
            fact("revenue", 11.96e9, "USD", period="2025-Q4", claim_type="guidance")],
     "Netflix — chiffre d'affaires T3 2025\u00a0: 11,51\u00a0Md$ (+17\u00a0% sur un an)"
     "\u00a0; T4 2025\u00a0: 11,96\u00a0Md$ (prévision de la société)"),
    ("en", [fact("revenue", 11.51e9, "USD"), fact("revenue_growth", 17, "%"),
            fact("revenue", 11.96e9, "USD", period="2025-Q4", claim_type="guidance")],
     "Netflix — Q3 2025 revenue: $11.51B (+17% YoY); Q4 2025: $11.96B (guidance)"),
    # TSMC reports in NT$ and guides in US$: money is money
    ("fr", [fact("revenue", 933.79e9, "TWD", subject="TSMC", subject_id="TSM", period="2025-Q2"),
            fact("revenue", 31.8e9, "USD", subject="TSMC", subject_id="TSM", value_max=33e9,
                 claim_type="guidance")],
     "TSMC — chiffre d'affaires T2 2025\u00a0: 933,79\u00a0Md\u00a0TWD\u00a0; T3 2025\u00a0: "
     "31,8 à 33\u00a0Md$ (prévision de la société)"),
    ("en", [fact("revenue", 933.79e9, "TWD", subject="TSMC", subject_id="TSM", period="2025-Q2"),
            fact("revenue", 31.8e9, "USD", subject="TSMC", subject_id="TSM", value_max=33e9,
                 claim_type="guidance")],
     "TSMC — Q2 2025 revenue: TWD 933.79B; Q3 2025: $31.8B–$33B (guidance)"),
    # a market today and its forecast
    ("fr", [fact("market_size", 34e9, "USD", subject="marché HBM", subject_id="hbm",
                 period="2025", claim_type="estimate"),
            fact("market_size", 100e9, "USD", subject="marché HBM", subject_id="hbm",
                 period="2030", claim_type="forecast")],
     "marché HBM — taille du marché 2025\u00a0: 34\u00a0Md$ (estimation)\u00a0; 2030\u00a0: "
     "100\u00a0Md$ (prévision)"),
    ("en", [fact("market_size", 34e9, "USD", subject="HBM market", subject_id="hbm",
                 period="2025", claim_type="estimate"),
            fact("market_size", 100e9, "USD", subject="HBM market", subject_id="hbm",
                 period="2030", claim_type="forecast")],
     "HBM market — 2025 market size: $34B (estimate); 2030: $100B (expected)"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "facts", "expected"), COMPANION_ROWS + SERIES_ROWS)
def test_one_line_shows_the_lead_and_what_is_read_with_it(
    lang: str, facts: list[dict[str, Any]], expected: str
) -> None:
    """A margin or an EPS beside its profit; other periods of the same measure after it."""
    lines, rendered = lines_of(facts, lang)
    assert rendered == [expected]
    assert sorted(lines[0].members) == list(range(len(facts)))


def test_a_series_keeps_forward_figures_first_and_stops_at_its_limit() -> None:
    quarters = ["2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2"]
    facts = [fact("revenue", 11.51e9, "USD")]
    facts += [fact("revenue", 9e9 + n * 1e8, "USD", period=p) for n, p in enumerate(quarters)]
    facts.append(fact("revenue", 11.96e9, "USD", period="2025-Q4", claim_type="guidance"))
    lines = select_key_fact_lines(facts, 1, ranker=HAND_SCORE)
    assert len(lines[0].series) == SERIES_LIMIT
    assert len(facts) - 1 in lines[0].series  # the guidance, though listed last


PARAGRAPHS = {
    "fr": "Mémoire HBM\n\nSK Hynix détient 62 % du marché, Micron 21 % et Samsung 17 %, "
          "selon Counterpoint.\n\nKioxia détient 15 % du marché NAND.\n",
    "en": "HBM memory\n\nSK Hynix holds 62% of the market, Micron 21% and Samsung 17%, "
          "according to Counterpoint.\n\nKioxia holds 15% of the NAND market.\n",
}  # fmt: skip
RANKING_LINES = {
    "fr": "SK Hynix — part de marché T2 2025\u00a0: 62\u00a0% (d'après Counterpoint)\u00a0; "
          "Micron\u00a0: 21\u00a0%\u00a0; Samsung\u00a0: 17\u00a0%",
    "en": "SK Hynix — Q2 2025 market share: 62% (according to Counterpoint); Micron: 21%; "
          "Samsung: 17%",
}  # fmt: skip


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_market_share_ranking_is_read_on_one_line_within_its_paragraph(lang: str) -> None:
    text = PARAGRAPHS[lang]
    holders = [("SK Hynix", "62"), ("Micron", "21"), ("Samsung", "17"), ("Kioxia", "15")]
    facts = [
        fact("market_share", float(value), "%", subject=name, subject_id=name.lower(),
             period="2025-Q2" if name == "SK Hynix" else None, attribution="Counterpoint",
             start=text.index(f"{value} %" if lang == "fr" else f"{value}%"))
        for name, value in holders
    ]  # fmt: skip
    lines, rendered = lines_of(facts, lang, text=text)
    assert rendered[0] == RANKING_LINES[lang]
    assert lines[0].peers == (1, 2)  # Kioxia's share is of another market, another paragraph
    assert len(lines[0].peers) <= PEER_LIMIT


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_fact_is_shown_once_and_lines_stay_distinct(lang: str) -> None:
    facts = [
        fact("revenue", 11.51e9, "USD"), fact("revenue_growth", 17, "%"),
        fact("operating_income", 3.25e9, "USD"), fact("operating_margin", 28.2, "%"),
        fact("net_income", 2.55e9, "USD"), fact("eps", 5.87, "USD/share"),
        fact("revenue", 11.96e9, "USD", period="2025-Q4", claim_type="guidance"),
        fact("free_cash_flow", 2.66e9, "USD"), fact("share_price_change", -6.2, "%"),
    ]  # fmt: skip
    lines, rendered = lines_of(facts, lang)
    shown = [i for line in lines for i in line.members]
    assert len(shown) == len(set(shown)) == len(facts)
    assert len(rendered) == len(lines) == 5


# (lang, text, figures as (text in it, metric, value, unit, qualifier), expected first line):
# a deal's line shows its premium, and beside the deal's value the offer per share
DEAL_ROWS = [
    ("fr", "OPA sur Alten\n\nBain Capital propose 84 € par action pour Alten. L'offre "
           "fait ressortir une prime de 37,6 % sur le dernier cours.\n",
     [("84 €", "share_price", 84, "EUR", None), ("37,6 %", "other", 37.6, "%", "premium")],
     "Acme — cours de l'action\u00a0: 84\u00a0€ (prime 37,6\u00a0%)"),
    ("en", "Bain bids for Alten\n\nBain Capital offers €84 a share for Alten. The offer is "
           "a premium of 37.6% to the last close.\n",
     [("€84", "share_price", 84, "EUR", None), ("37.6%", "other", 37.6, "%", "premium")],
     "Acme — share price: €84 (premium 37.6%)"),
    ("fr", "Kimberly-Clark rachète Kenvue\n\nKimberly-Clark valorise Kenvue à 48,7 Md$. Sur "
           "la base d'un cours de 119,73 $, l'offre vaut 21,01 $ par action, soit une prime "
           "de 46 %.\n",
     [("48,7 Md$", "valuation", 48.7e9, "USD", None),
      ("119,73 $", "share_price", 119.73, "USD", None),
      ("21,01 $", "share_price", 21.01, "USD", None), ("46 %", "other", 46, "%", "premium")],
     "Acme — valorisation\u00a0: 48,7\u00a0Md$ (21,01\u00a0$ par action, prime 46\u00a0%)"),
    ("en", "Kimberly-Clark to buy Kenvue\n\nKimberly-Clark values Kenvue at $48.7 billion. "
           "Based on a closing price of $119.73, the offer is worth $21.01 a share, a "
           "premium of 46%.\n",
     [("$48.7 billion", "valuation", 48.7e9, "USD", None),
      ("$119.73", "share_price", 119.73, "USD", None),
      ("$21.01", "share_price", 21.01, "USD", None), ("46%", "other", 46, "%", "premium")],
     "Acme — valuation: $48.7B ($21.01 per share, premium 46%)"),
    # an offer read as money per share is still shown as the offer
    ("fr", "bioMérieux s'offre Seegene\n\nL'opération valorise Seegene à 1,5 Md€. bioMérieux "
           "proposera 52 000 wons par action, soit une prime de 42 %.\n",
     [("1,5 Md€", "valuation", 1.5e9, "EUR", None),
      ("52 000 wons", "eps", 52000, "KRW/share", None), ("42 %", "other", 42, "%", "premium")],
     "Acme — valorisation\u00a0: 1,5\u00a0Md€ (52\u00a0k\u00a0KRW par action, prime 42\u00a0%)"),
]  # fmt: skip


def deal_facts(text: str, figures: list[tuple[str, str, float, str, str | None]]):
    sentences = [s for s in text.replace("\n", " ").split(". ") if s.strip()]
    return [
        fact(metric, value, unit, subject="Acme", subject_id="acme", period=None,
             qualifier=qualifier, start=text.index(shown),
             sentence=next(s for s in sentences if shown in s))
        for shown, metric, value, unit, qualifier in figures
    ]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "figures", "expected"), DEAL_ROWS)
def test_a_deal_line_shows_its_premium_and_offer_per_share(
    lang: str, text: str, figures: list[Any], expected: str
) -> None:
    lines, rendered = lines_of(deal_facts(text, figures), lang, text=text)
    assert rendered[0] == expected
    assert lines[0].lead == 0


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_premium_two_paragraphs_after_the_deal_is_not_its_term(lang: str) -> None:
    text, figures, _ = next((t, f, e) for row_lang, t, f, e in DEAL_ROWS if row_lang == lang)
    far = text.replace(" L'offre", "\n\nAutre chose.\n\n L'offre").replace(
        " The offer", "\n\nSomething else.\n\n The offer"
    )
    lines, _ = lines_of(deal_facts(far, figures), lang, text=far)
    assert lines[0].companions == ()


# A market's forecast and the annual growth that takes it there, stated in one sentence,
# are read together; the lead then shows no growth rate from another sentence.
MARKET_FORECAST_LINES = {
    "fr": "marché du cloud — taille du marché 2024\u00a0: 21,3\u00a0Md€ (taux de croissance "
          "+17\u00a0%)\u00a0; 2028\u00a0: 39,8\u00a0Md€ (taux de croissance +16,9\u00a0%, "
          "prévision)",
    "en": "marché du cloud — 2024 market size: €21.3B (growth rate +17%); 2028: €39.8B "
          "(growth rate +16.9%, expected)",
}  # fmt: skip


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_forecast_in_a_series_shows_the_growth_rate_stated_with_it(lang: str) -> None:
    market = {"subject": "marché du cloud", "subject_id": "cloud"}
    today, outlook = "Le marché a atteint 21,3 Md€.", "Il atteindrait 39,8 Md€ en 2028."
    facts = [
        fact("market_size", 21.3e9, "EUR", period="2024", sentence=today, **market),
        fact("growth_rate", 17, "%", period="2024", sentence=today, **market),
        fact("growth_rate", 16, "%", period="2025", claim_type="estimate",
             sentence="La croissance ralentirait à 16 % en 2025.", **market),
        fact("market_size", 39.8e9, "EUR", period="2028", claim_type="forecast",
             sentence=outlook, **market),
        fact("growth_rate", 16.9, "%", period="2028", claim_type="forecast",
             sentence=outlook, **market),
    ]  # fmt: skip
    lines, rendered = lines_of(facts, lang, n=1)
    assert rendered == [MARKET_FORECAST_LINES[lang]]
    assert lines[0].item_companions == {3: 4}
    assert 2 not in lines[0].members  # 2025's growth is not 2024's


# A results digest gives the growth both ways it is stated: organic and as reported.
MEASURED_LINES = {
    "fr": "Accor — chiffre d'affaires S1 2025\u00a0: 2,75\u00a0Md€ (+6,8\u00a0% sur un an, "
          "+4,6\u00a0% en publié)",
    "en": "Accor — H1 2025 revenue: €2.75B (+6.8% YoY, +4.6% reported)",
}  # fmt: skip


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_growth_stated_both_ways_shows_both(lang: str) -> None:
    accor = {"subject": "Accor", "subject_id": "AC", "period": "2025-H1", "sentence": "s"}
    facts = [
        fact("revenue", 2.75e9, "EUR", **accor),
        fact("revenue_growth", 4.6, "%", **accor),
        fact("revenue_growth", 6.8, "%", qualifier="organic", **accor),
    ]
    lines, rendered = lines_of(facts, lang)
    assert rendered == [MEASURED_LINES[lang]]
    assert lines[0].other_measure == 1
    # a part's growth in brackets is no other measure ("le repli des services (−6,2 %)")
    bracketed = {"text": "4,6 %", "sentence": "Le chiffre d'affaires atteint 2,75 Md€ "
                 "(+6,8 %) : le repli des services (4,6 %) pèse."}  # fmt: skip
    same_sentence = [{**f, "sentence": bracketed["sentence"]} for f in facts]
    same_sentence[1]["text"] = bracketed["text"]
    lines, _ = lines_of(same_sentence, lang)
    assert lines[0].other_measure is None
    same_sentence[1]["text"] = "4,6 % en publié"  # not in brackets: the other measure
    lines, _ = lines_of(same_sentence, lang)
    assert lines[0].other_measure == 1
    # nor is another period's growth
    facts[1]["period"] = "2024-H1"
    lines, _ = lines_of(facts, lang)
    assert lines[0].other_measure is None


# A company's outlook is one sentence of several targets: the guided lead shows the others.
OUTLOOK_LINES = {
    "fr": "Siemens — croissance du chiffre d'affaires exercice 2026\u00a0: +6 à 8\u00a0% "
          "(bénéfice par action 10,40 à 11\u00a0€, prévision de la société)",
    "en": "Siemens — fiscal 2026 revenue growth: +6–8% (EPS €10.40–€11, guidance)",
}  # fmt: skip


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_guided_figure_shows_the_other_targets_of_its_sentence(lang: str) -> None:
    siemens = {"subject": "Siemens", "subject_id": "SIE", "period": "FY2026",
               "claim_type": "guidance", "sentence": "outlook"}  # fmt: skip
    facts = [
        fact("revenue_growth", 6, "%", value_max=8, **siemens),
        fact("eps", 10.4, "EUR/share", value_max=11.0, **siemens),
        fact("capex", 3e9, "EUR", **{**siemens, "sentence": "another sentence"}),
        fact("eps", 10.0, "EUR/share", **{**siemens, "claim_type": "estimate"}),
    ]
    lines, rendered = lines_of(facts, lang, n=1)
    assert rendered == [OUTLOOK_LINES[lang]]
    assert lines[0].companions == (1,)  # not another sentence's, nor an analyst's estimate
