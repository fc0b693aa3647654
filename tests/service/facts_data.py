"""Hand-built FACTS.md documents for the store contract tests.

Each fact is written as the phrase it comes from plus its fields; offsets are
found in the text here, so ``text[start:end] == fact["text"]`` holds by
construction and the store is tested on what it keeps, not on extraction.
"""

from __future__ import annotations

import hashlib
from typing import Any

from service.store import DocumentRecord

FR_TEXT = (
    "Amazon a publié un chiffre d'affaires de 167,7 milliards de dollars au deuxième "
    "trimestre 2025, en hausse de 13 % sur un an.\n\n"
    "JPMorgan relève son objectif de cours de 250 à 275 dollars.\n\n"
    "Les dépenses en capital atteindraient environ 118 milliards de dollars en 2025."
)
EN_TEXT = (
    "NVIDIA reported revenue of $46.7 billion for the second quarter of fiscal 2026, "
    "up 56% year over year.\n\n"
    "Analysts at UBS set a price target of $205 on the shares.\n\n"
    "Gross margin was about 72.4% in the quarter."
)
EN_AWS_TEXT = (
    "AWS revenue rose 17.5% to $30.9 billion in Q2 2025.\n\n"
    "Amazon expects capital expenditures of $125 billion in 2026."
)


def _fact(text: str, phrase: str, **fields: Any) -> dict[str, Any]:
    """A fact on ``phrase``; its sentence is the paragraph holding it (one sentence each)."""
    start = text.index(phrase)
    paragraph_start = text.rfind("\n", 0, start) + 1
    paragraph_end = text.find("\n", start)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    base = {
        "subject": None,
        "subject_id": None,
        "value_max": None,
        "previous": None,
        "period": None,
        "qualifier": None,
        "attribution": None,
        "approximate": False,
        "confidence": 0.9,
        "evidence": [f"metric {fields['metric']}: test data"],
    }
    return {
        **base,
        **fields,
        "text": phrase,
        "start": start,
        "end": start + len(phrase),
        "sentence": text[paragraph_start:paragraph_end],
    }


def facts_document(
    text: str,
    lang: str,
    facts: list[dict[str, Any]],
    entities: list[dict[str, Any]],
    source: str,
    title: str | None = None,
) -> dict[str, Any]:
    return {
        "document": {
            "id": None,
            "source": source,
            "lang": lang,
            "title": title,
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "chars": len(text),
        },
        "entities": entities,
        "facts": facts,
        "summary": {
            "sentences": [text.split("\n\n")[0]],
            "key_facts": {"fr": [f"fr: {f['text']}" for f in facts[:2]], "en": []},
        },
    }


def fr_document() -> dict[str, Any]:
    t = FR_TEXT
    facts = [
        _fact(
            t,
            "167,7 milliards de dollars",
            subject="Amazon",
            subject_id="AMZN",
            metric="revenue",
            value=167.7e9,
            unit="USD",
            period="2025-Q2",
            claim_type="reported",
        ),
        _fact(
            t,
            "13 %",
            subject="Amazon",
            subject_id="AMZN",
            metric="revenue_growth",
            value=13.0,
            unit="%",
            period="2025-Q2",
            claim_type="reported",
        ),
        _fact(
            t,
            "250 à 275 dollars",
            subject="Amazon",
            subject_id="AMZN",
            metric="price_target",
            value=275.0,
            previous=250.0,
            unit="USD",
            claim_type="target",
            attribution="JPMorgan",
        ),
        _fact(
            t,
            "118 milliards de dollars",
            subject="Amazon",
            subject_id="AMZN",
            metric="capex",
            value=118e9,
            unit="USD",
            period="2025",
            claim_type="forecast",
            approximate=True,
        ),
    ]
    entities = [
        {"id": "AMZN", "name": "Amazon", "type": "company", "mentions": 1},
        {"id": "jpmorgan", "name": "JPMorgan", "type": "analyst_firm", "mentions": 1},
    ]
    return facts_document(t, "fr", facts, entities, "fr_amazon.txt", "Amazon T2 2025")


def en_document() -> dict[str, Any]:
    t = EN_TEXT
    facts = [
        _fact(
            t,
            "$46.7 billion",
            subject="NVIDIA",
            subject_id="NVDA",
            metric="revenue",
            value=46.7e9,
            unit="USD",
            period="FY2026-Q2",
            claim_type="reported",
        ),
        _fact(
            t,
            "56%",
            subject="NVIDIA",
            subject_id="NVDA",
            metric="revenue_growth",
            value=56.0,
            unit="%",
            period="FY2026-Q2",
            claim_type="reported",
        ),
        _fact(
            t,
            "$205",
            subject="NVIDIA",
            subject_id="NVDA",
            metric="price_target",
            value=205.0,
            unit="USD",
            claim_type="target",
            attribution="UBS",
        ),
        _fact(
            t,
            "72.4%",
            subject="NVIDIA",
            subject_id="NVDA",
            metric="gross_margin",
            value=72.4,
            unit="%",
            period="FY2026-Q2",
            claim_type="reported",
            approximate=True,
            confidence=0.7,
        ),
    ]
    entities = [
        {"id": "NVDA", "name": "NVIDIA", "type": "company", "mentions": 1},
        {"id": "ubs", "name": "UBS", "type": "analyst_firm", "mentions": 1},
    ]
    return facts_document(t, "en", facts, entities, "en_nvidia.html", "NVIDIA Q2 FY2026")


def en_aws_document() -> dict[str, Any]:
    t = EN_AWS_TEXT
    facts = [
        _fact(
            t,
            "17.5%",
            subject="AWS",
            subject_id="aws",
            metric="revenue_growth",
            value=17.5,
            unit="%",
            period="2025-Q2",
            claim_type="reported",
        ),
        _fact(
            t,
            "$30.9 billion",
            subject="AWS",
            subject_id="aws",
            metric="revenue",
            value=30.9e9,
            unit="USD",
            period="2025-Q2",
            claim_type="reported",
        ),
        _fact(
            t,
            "$125 billion",
            subject="Amazon",
            subject_id="AMZN",
            metric="capex",
            value=125e9,
            unit="USD",
            period="2026",
            claim_type="guidance",
            confidence=0.8,
        ),
    ]
    entities = [
        {"id": "aws", "name": "AWS", "type": "business_unit", "mentions": 1},
        {"id": "AMZN", "name": "Amazon", "type": "company", "mentions": 1},
    ]
    return facts_document(t, "en", facts, entities, "en_aws.pdf", None)


TEXTS = {"fr": FR_TEXT, "en": EN_TEXT, "en_aws": EN_AWS_TEXT}
BUILDERS = {"fr": fr_document, "en": en_document, "en_aws": en_aws_document}


def record(name: str, version: str = "test-1", **overrides: Any) -> DocumentRecord:
    document = BUILDERS[name]()
    document["document"].update(overrides)
    return DocumentRecord(
        facts_document=document,
        text=TEXTS[name],
        media_type="text/plain",
        extractor_version=version,
    )
