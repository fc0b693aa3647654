"""The entity knowledge base: packaged data, mention finding, lookup, validation."""

from __future__ import annotations

import copy
import itertools
import json
from pathlib import Path

import pytest

from models.errors import DataFileError
from models.knowledge import EntityMention, KnowledgeBase
from models.schema import ENTITY_TYPES

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


# ---------------------------------------------------------------- find_mentions

MENTION_CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # French: elisions, apostrophes, parenthesised tickers, NER-noisy names
    ("L'offensive d'Amazon dans les puces IA", [("AMZN", "Amazon")]),
    ("la riposte de l’AMD face à NVIDIA", [("AMD", "AMD"), ("NVDA", "NVIDIA")]),
    (
        "le développement par Amazon Web Services (AWS) de silicium personnalisé",
        [("aws", "Amazon Web Services"), ("aws", "AWS")],
    ),
    (
        "l'engagement d'Amazon.com, Inc. (AMZN) dans",
        [("AMZN", "Amazon.com, Inc."), ("AMZN", "AMZN")],
    ),
    (
        "un concurrent de NVIDIA Corp. (NVDA), une force",
        [("NVDA", "NVIDIA Corp."), ("NVDA", "NVDA")],
    ),
    (
        "des rivaux comme Microsoft Azure (39 %) et Google Cloud (32 %)",
        [("azure", "Microsoft Azure"), ("google-cloud", "Google Cloud")],
    ),
    ("Les revenus d'AWS ont augmenté de 17,5 %", [("aws", "AWS")]),
    ("Le marché des puces IA devrait croître", [("ai-chip-market", "marché des puces IA")]),
    ("le marché des puces d’IA en 2029", [("ai-chip-market", "marché des puces d’IA")]),
    (
        "le marché des GPU pour centres de données",
        [("data-center-gpu-market", "marché des GPU pour centres de données")],
    ),
    ("sur le marché du cloud axé sur l'IA", [("cloud-market", "marché du cloud")]),
    ("ont noté les analystes de JPMorgan", [("jpmorgan", "JPMorgan")]),
    ("les analystes d'UBS ont maintenu", [("ubs", "UBS")]),
    ("selon FactSet et LSEG", [("factset", "FactSet"), ("lseg", "LSEG")]),
    ("L'Instinct MI300X d'AMD gagne du terrain", [("mi300x", "Instinct MI300X"), ("AMD", "AMD")]),
    (
        "les architectures Hopper (H100) et la nouvelle Blackwell (B200)",
        [("hopper", "Hopper"), ("h100", "H100"), ("blackwell", "Blackwell"), ("b200", "B200")],
    ),
    ("Avec Trainium3 prévu pour le second semestre", [("trainium3", "Trainium3")]),
    (
        "des accélérateurs Trainium2 pour Anthropic",
        [("trainium2", "Trainium2"), ("anthropic", "Anthropic")],
    ),
    (f"Le CAC{NBSP}40 a gagné 1 %", [("cac-40", f"CAC{NBSP}40")]),
    ("L'Oréal et LVMH reculent", [("OR", "L'Oréal"), ("MC", "LVMH")]),
    ("les ventes de L’Oréal", [("OR", "L’Oréal")]),
    (
        "Hermès et Kering sur le marché du luxe",
        [("RMS", "Hermès"), ("KER", "Kering"), ("luxury-market", "marché du luxe")],
    ),
    (
        "Société Générale et BNP Paribas Exane relèvent",
        [("GLE", "Société Générale"), ("bnp-paribas-exane", "BNP Paribas Exane")],
    ),
    ("BNP Paribas publie un bénéfice net", [("BNP", "BNP Paribas")]),
    ("Orange a publié ses résultats", [("ORA", "Orange")]),
    ("un verre de jus d'orange", []),
    ("l'armée de terre", []),
    ("le safran et un carrefour", []),
    ("Safran et Carrefour", [("SAF", "Safran"), ("CA", "Carrefour")]),
    ("l'instinct des investisseurs", []),
    (
        "la marge de TotalEnergies et de Schneider Electric",
        [("TTE", "TotalEnergies"), ("SU", "Schneider Electric")],
    ),
    (
        "le Stoxx 600 et l'Euro Stoxx 50",
        [("stoxx-600", "Stoxx 600"), ("euro-stoxx-50", "Euro Stoxx 50")],
    ),
    ("Oddo BHF relève son objectif de cours", [("oddo-bhf", "Oddo BHF")]),
    (
        "Kepler Cheuvreux et Bryan Garnier",
        [("kepler-cheuvreux", "Kepler Cheuvreux"), ("bryan-garnier", "Bryan Garnier")],
    ),
    ("l'indice SOX a chuté", [("sox", "indice SOX")]),
    ("le marché des smartphones", [("smartphone-market", "marché des smartphones")]),
    (
        "SK Hynix domine le marché de la HBM",
        [("000660.KS", "SK Hynix"), ("hbm-market", "marché de la HBM")],
    ),
    ("STMicroelectronics et Soitec", [("STMPA", "STMicroelectronics"), ("SOI", "Soitec")]),
    ("Mistral AI lève des fonds", [("mistral-ai", "Mistral AI")]),
    ("le mistral souffle sur Marseille", []),
    (
        "Patrick Pouyanné, PDG de TotalEnergies",
        [("patrick-pouyanne", "Patrick Pouyanné"), ("TTE", "TotalEnergies")],
    ),
    ("Capgemini (CAP.PA) recule", [("CAP", "Capgemini"), ("CAP", "CAP.PA")]),
    (
        "Dassault Systèmes et Dassault Aviation",
        [("DSY", "Dassault Systèmes"), ("AM", "Dassault Aviation")],
    ),
    ("Le Dow Jones et le Nasdaq", [("dow-jones", "Dow Jones"), ("nasdaq-composite", "Nasdaq")]),
    # English: possessives, tickers, case rules, longest match
    ("Amazon's revenue rose 13%", [("AMZN", "Amazon")]),
    ("NVIDIA’s data center revenue", [("NVDA", "NVIDIA")]),
    ("AMD's MI355X and MI350", [("AMD", "AMD"), ("mi355x", "MI355X"), ("mi350", "MI350")]),
    ("the AMDX index", []),
    ("the army of analysts", []),
    (
        "Arm Holdings (ARM) and Arm's royalties",
        [("ARM", "Arm Holdings"), ("ARM", "ARM"), ("ARM", "Arm")],
    ),
    ("orange juice futures rose", []),
    (
        "Analysts at Morgan Stanley and Goldman Sachs",
        [("morgan-stanley", "Morgan Stanley"), ("goldman-sachs", "Goldman Sachs")],
    ),
    ("BofA Securities raised its target", [("bofa", "BofA Securities")]),
    ("Bank of America and J.P. Morgan", [("bofa", "Bank of America"), ("jpmorgan", "J.P. Morgan")]),
    ("according to Refinitiv data", [("lseg", "Refinitiv")]),
    ("Meta Platforms (META) posted", [("META", "Meta Platforms"), ("META", "META")]),
    ("a meta-analysis of metadata", []),
    ("Apple Inc. and an apple pie", [("AAPL", "Apple Inc.")]),
    (
        "Alphabet's Google Cloud and Google",
        [("GOOGL", "Alphabet"), ("google-cloud", "Google Cloud"), ("GOOGL", "Google")],
    ),
    ("the S&P 500 and the Nasdaq 100", [("sp-500", "S&P 500"), ("nasdaq-100", "Nasdaq 100")]),
    (
        "the Philadelphia Semiconductor Index (SOX)",
        [("sox", "Philadelphia Semiconductor Index"), ("sox", "SOX")],
    ),
    ("thousands of H100s and H200s", [("h100", "H100s"), ("h200", "H200s")]),
    ("GB200 NVL72 racks", [("gb200-nvl72", "GB200 NVL72 racks")]),
    (
        "TPU v5p pods and Trillium TPUs",
        [("tpu-v5p", "TPU v5p"), ("trillium", "Trillium"), ("tpu", "TPUs")],
    ),
    ("tpu is lowercase here", []),
    (
        "Gaudi 3, Maia 100 and Cobalt 100",
        [("gaudi-3", "Gaudi 3"), ("maia-100", "Maia 100"), ("cobalt", "Cobalt 100")],
    ),
    ("cobalt prices fell", []),
    (
        "Graviton4 and Inferentia2 instances",
        [("graviton4", "Graviton4"), ("inferentia2", "Inferentia2")],
    ),
    ("the AI chip market could reach", [("ai-chip-market", "AI chip market")]),
    ("the data center GPU market", [("data-center-gpu-market", "data center GPU market")]),
    ("Jensen Huang said on the call", [("jensen-huang", "Jensen Huang")]),
    (
        "TSMC (TSM) and Taiwan Semiconductor Manufacturing Co.",
        [("TSM", "TSMC"), ("TSM", "TSM"), ("TSM", "Taiwan Semiconductor Manufacturing Co.")],
    ),
    (
        "SK Hynix and Samsung Electronics",
        [("000660.KS", "SK Hynix"), ("005930.KS", "Samsung Electronics")],
    ),
    ("Wedbush's Dan Ives", [("wedbush", "Wedbush")]),
    ("Citi told citizens", [("citi", "Citi")]),
    ("IDC and Counterpoint Research", [("idc", "IDC"), ("counterpoint", "Counterpoint Research")]),
    ("a useful counterpoint to that view", []),
    ("the Intelligent Cloud segment grew", [("intelligent-cloud", "Intelligent Cloud segment")]),
    ("Reality Labs lost money", [("meta-reality-labs", "Reality Labs")]),
    ("xAI's Grok, unlike XAI research", [("xai", "xAI"), ("grok", "Grok")]),
    ("UBSX is not a bank", []),
    ("amazon web services in lower case", [("aws", "amazon web services")]),
    ("nvidia and Nvidia", [("NVDA", "nvidia"), ("NVDA", "Nvidia")]),
    ("OpenAI and Anthropic", [("openai", "OpenAI"), ("anthropic", "Anthropic")]),
    ("CoreWeave (CRWV) fell", [("CRWV", "CoreWeave"), ("CRWV", "CRWV")]),
    # an alias after a name particle is part of another name
    ("the da Vinci 5 robot, and VINCI Airports", [("DG", "VINCI")]),
    ("le robot da Vinci, et le groupe Vinci", [("DG", "Vinci")]),
    # listed companies beyond tech, keyed by their primary ticker, in both languages
    (
        "le groupe Expedia et eDreams Odigeo relèvent leurs prévisions",
        [("EXPE", "Expedia"), ("EDR", "eDreams Odigeo")],
    ),
    (
        "Booking Holdings and Uber Technologies beat estimates",
        [("BKNG", "Booking Holdings"), ("UBER", "Uber Technologies")],
    ),
    (
        "Klépierre, Sodexo et Aéroports de Paris",
        [("LI", "Klépierre"), ("SW", "Sodexo"), ("ADP", "Aéroports de Paris")],
    ),
    ("Merck KGaA and Merck & Co.", [("MRK.DE", "Merck KGaA"), ("MRK", "Merck & Co.")]),
    ("Porsche SE détient Porsche", [("PAH3", "Porsche SE"), ("P911", "Porsche")]),
    ("Samsung SDI et Samsung", [("006400.KS", "Samsung SDI"), ("005930.KS", "Samsung")]),
    ("Visa and Mastercard", [("V", "Visa"), ("MA", "Mastercard")]),
    ("Target Corp. (TGT) cut its outlook", [("TGT", "Target Corp.")]),
    # ordinary words that are also company names do not match
    ("Target price raised; the price target is $200", []),
    ("la couleur orange et un visa de travail", []),
    ("the national grid and a best buy for booking travel", []),
    ("un canal plus rapide vers le sage", []),
]


@pytest.mark.parametrize(("text", "expected"), MENTION_CASES)
def test_find_mentions(kb: KnowledgeBase, text: str, expected: list[tuple[str, str]]) -> None:
    mentions = kb.find_mentions(text)
    assert [(m.entity_id, m.text) for m in mentions] == expected
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text


def test_mentions_are_sorted_and_do_not_overlap(kb: KnowledgeBase) -> None:
    text = " ".join(case for case, _ in MENTION_CASES)
    mentions = kb.find_mentions(text)
    assert len(mentions) > 100
    for before, after in itertools.pairwise(mentions):
        assert before.end <= after.start


def test_every_alias_is_found_whole_and_resolves_to_its_entity(kb: KnowledgeBase) -> None:
    wrong = []
    for entity in kb.entities:
        for alias in (*entity.aliases, *entity.case_sensitive_aliases):
            text = f"Selon {alias}, rien."
            expected = [EntityMention(6, 6 + len(alias), alias, entity.id)]
            if kb.find_mentions(text) != expected or kb.resolve(alias) != entity:
                wrong.append((entity.id, alias))
    assert wrong == []


def test_find_mentions_on_1000_words_finds_every_repeated_mention(kb: KnowledgeBase) -> None:
    # Its speed is measured by make bench (whole extraction), never asserted here: these
    # machines are shared and noisy.
    words = " ".join(case for case, _ in MENTION_CASES).split()
    text = " ".join((words * (1000 // len(words) + 1))[:1000])
    mentions = kb.find_mentions(text)
    once = kb.find_mentions(" ".join(words))
    assert len(mentions) >= len(once) * (1000 // len(words))
    assert all(text[m.start : m.end] == m.text for m in mentions)


# ---------------------------------------------------------------- resolve, get, slug

RESOLVE_CASES: list[tuple[str, str | None]] = [
    ("amazon web services", "aws"),
    ("AWS", "aws"),
    ("Amazon.com, Inc.", "AMZN"),
    ("  Microsoft   Azure ", "azure"),
    ("L’Oréal", "OR"),
    ("Orange", "ORA"),
    ("orange", None),
    ("UBS", "ubs"),
    ("ubs", None),
    ("BofA", "bofa"),
    ("marché des puces d'IA", "ai-chip-market"),
    ("AI CHIP MARKET", "ai-chip-market"),
    ("Alphabet", "GOOGL"),
    ("Google", "GOOGL"),
    ("Amazon Web", None),
    ("Booking Holdings", "BKNG"),
    ("booking", None),
    ("eDreams", "EDR"),
    ("Trip.com", "TCOM"),
    ("Visa", "V"),
    ("visa", None),
    ("Target", None),
    ("target corp.", "TGT"),
    ("Unknown Widgets Corp", None),
]


@pytest.mark.parametrize(("name", "expected_id"), RESOLVE_CASES)
def test_resolve(kb: KnowledgeBase, name: str, expected_id: str | None) -> None:
    record = kb.resolve(name)
    assert (record.id if record else None) == expected_id


REQUIRED_ENTITIES: list[tuple[str, str, str, str | None]] = [
    ("AMZN", "Amazon", "company", None),
    ("NVDA", "NVIDIA", "company", None),
    ("MC", "LVMH", "company", None),
    ("SAN", "Sanofi", "company", None),
    ("SAN.MC", "Santander", "company", None),
    ("STMPA", "STMicroelectronics", "company", None),
    ("EXPE", "Expedia", "company", None),
    ("EDR", "eDreams Odigeo", "company", None),
    ("aws", "AWS", "business_unit", "AMZN"),
    ("azure", "Microsoft Azure", "business_unit", "MSFT"),
    ("google-cloud", "Google Cloud", "business_unit", "GOOGL"),
    ("nvda-data-center", "NVIDIA Data Center", "business_unit", "NVDA"),
    ("h100", "H100", "product", "NVDA"),
    ("trainium2", "Trainium2", "product", "AMZN"),
    ("mi300x", "MI300X", "product", "AMD"),
    ("tpu", "TPU", "product", "GOOGL"),
    ("jpmorgan", "JPMorgan", "analyst_firm", None),
    ("ubs", "UBS", "analyst_firm", None),
    ("bnp-paribas-exane", "BNP Paribas Exane", "analyst_firm", "BNP"),
    ("gartner", "Gartner", "analyst_firm", None),
    ("ai-chip-market", "AI chip market", "market", None),
    ("cloud-market", "cloud market", "market", None),
    ("cac-40", "CAC 40", "index", None),
    ("sox", "Philadelphia Semiconductor Index", "index", None),
    ("jensen-huang", "Jensen Huang", "person", None),
    ("lisa-su", "Lisa Su", "person", None),
]


@pytest.mark.parametrize(("entity_id", "name", "entity_type", "parent"), REQUIRED_ENTITIES)
def test_get(
    kb: KnowledgeBase, entity_id: str, name: str, entity_type: str, parent: str | None
) -> None:
    record = kb.get(entity_id)
    assert record is not None
    assert (record.name, record.type, record.parent) == (name, entity_type, parent)


def test_get_unknown_id(kb: KnowledgeBase) -> None:
    assert kb.get("NOT-AN-ID") is None


def test_packaged_data_covers_every_type_and_parents_are_companies(kb: KnowledgeBase) -> None:
    assert len(kb.entities) >= 230
    assert {entity.type for entity in kb.entities} == set(ENTITY_TYPES)
    for entity in kb.entities:
        if entity.parent is not None:
            parent = kb.get(entity.parent)
            assert parent is not None and parent.type == "company", entity.id


SLUG_CASES: list[tuple[str, str]] = [
    ("Société Générale Securities", "societe-generale-securities"),
    ("L'Oréal", "l-oreal"),
    ("  Mistral AI ", "mistral-ai"),
    ("AT&T", "at-t"),
    ("Crédit Mutuel Arkéa", "credit-mutuel-arkea"),
    ("???", ""),
]


@pytest.mark.parametrize(("name", "expected"), SLUG_CASES)
def test_slug(name: str, expected: str) -> None:
    assert KnowledgeBase.slug(name) == expected


# ---------------------------------------------------------------- validation of a data file

VALID_FILE = {
    "version": 1,
    "entities": [
        {"id": "AMZN", "name": "Amazon", "type": "company", "parent": None,
         "aliases": ["Amazon", "AMZN"], "case_sensitive_aliases": []},
        {"id": "aws", "name": "AWS", "type": "business_unit", "parent": "AMZN",
         "aliases": ["Amazon Web Services", "AWS"], "case_sensitive_aliases": []},
        {"id": "ORA", "name": "Orange", "type": "company", "parent": None,
         "aliases": [], "case_sensitive_aliases": ["Orange"]},
    ],
}  # fmt: skip


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "entities.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_valid_small_file_loads(tmp_path: Path) -> None:
    kb = KnowledgeBase.load(_write(tmp_path, VALID_FILE))
    found = kb.find_mentions("Amazon Web Services and Orange")
    assert [m.entity_id for m in found] == ["aws", "ORA"]


def _set(index: int, key: str, value: object):
    def mutate(data: dict) -> None:
        data["entities"][index][key] = value

    return mutate


def _append(entity: dict):
    def mutate(data: dict) -> None:
        data["entities"].append(entity)

    return mutate


BAD_FILES = [
    ("duplicate id", _set(1, "id", "AMZN"), "'AMZN'", "duplicate id"),
    ("unknown type", _set(0, "type", "conglomerate"), "'AMZN'", "unknown type"),
    ("dangling parent", _set(1, "parent", "MSFT"), "'aws'", "parent 'MSFT'"),
    ("self parent", _set(0, "parent", "AMZN"), "'AMZN'", "parent 'AMZN'"),
    ("empty name", _set(0, "name", "  "), "'AMZN'", "name"),
    ("name not an alias", _set(0, "name", "Amazon Inc"), "'AMZN'", "not one of its aliases"),
    ("aliases not a list", _set(0, "aliases", "Amazon"), "'AMZN'", "list of strings"),
    ("empty alias", _set(1, "aliases", ["AWS", " "]), "'aws'", "empty alias"),
    (
        "alias clash",
        _append({"id": "amazon-river", "name": "Amazon", "type": "market", "parent": None,
                 "aliases": ["Amazon"], "case_sensitive_aliases": []}),
        "'amazon-river'",
        "also belongs to entity 'AMZN'",
    ),
    (
        "alias clash across case rules",
        _append({"id": "orange-juice", "name": "orange", "type": "market", "parent": None,
                 "aliases": ["orange"], "case_sensitive_aliases": []}),
        "'orange-juice'",
        "also belongs to entity 'ORA'",
    ),
    ("wrong version", lambda data: data.update(version=2), "version", "version"),
    ("no entities", lambda data: data.update(entities=[]), "entities", "non-empty"),
    ("capitalized particle", lambda data: data.update(name_particles=["Da"]), "name_particles",
     "lower-case"),
    ("particle not a list", lambda data: data.update(name_particles="da"), "name_particles",
     "lower-case"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("mutate", "names", "says"), [case[1:] for case in BAD_FILES], ids=[c[0] for c in BAD_FILES]
)
def test_a_bad_data_file_raises(tmp_path: Path, mutate, names: str, says: str) -> None:
    data = copy.deepcopy(VALID_FILE)
    mutate(data)
    with pytest.raises(DataFileError) as raised:
        KnowledgeBase.load(_write(tmp_path, data))
    assert names in str(raised.value)
    assert says in str(raised.value)
    assert raised.value.code == "invalid_data_file"


def test_invalid_json_raises(tmp_path: Path) -> None:
    path = tmp_path / "entities.json"
    path.write_text('{"version": 1, "entities": [', encoding="utf-8")
    with pytest.raises(DataFileError, match="not valid JSON"):
        KnowledgeBase.load(path)


def test_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="cannot read"):
        KnowledgeBase.load(tmp_path / "absent.json")
