"""Request and response bodies of the REST API, with the examples the OpenAPI page shows.

The document, entity and fact shapes are FACTS.md's; list responses are pages
``{"data": [...], "count": total}``; every error is ``{"error": {...}}``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from models.schema import CLAIM_TYPES, ENTITY_TYPES, METRICS

FACT_EXAMPLE: dict[str, Any] = {
    "subject": "Amazon",
    "subject_id": "AMZN",
    "metric": "revenue",
    "value": 167700000000.0,
    "value_max": None,
    "previous": None,
    "unit": "USD",
    "period": "2025-Q2",
    "claim_type": "reported",
    "qualifier": None,
    "attribution": None,
    "approximate": False,
    "text": "167,7 milliards de dollars",
    "start": 2871,
    "end": 2897,
    "sentence": "Bien que l'entreprise ait dépassé les attentes avec des revenus de "
    "167,7 milliards de dollars au T2 2025…",
    "confidence": 0.93,
    "evidence": ["metric revenue: cue 'revenus'", "period 2025-Q2: paragraph 'T2 2025'"],
}
DOCUMENT_META_EXAMPLE: dict[str, Any] = {
    "id": "3f1c9a0b7d2e4c11",
    "source": "fr_amazon.txt",
    "lang": "fr",
    "title": "Amazon intensifie ses investissements dans le matériel d'IA",
    "sha256": "3f1c9a0b7d2e4c11" + "0" * 48,
    "chars": 7648,
    "media_type": "text/plain",
    "extractor_version": "0.2.0+rules2",
    "created_at": "2025-11-26T13:22:45+00:00",
    "processed_at": "2025-11-26T13:22:45+00:00",
}
ENTITY_EXAMPLE = {"id": "AMZN", "name": "Amazon", "type": "company", "mentions": 17}
ENTITY_ROW_EXAMPLE = {
    "id": "AMZN",
    "name": "Amazon",
    "type": "company",
    "documents": 12,
    "mentions": 140,
    "facts": 57,
}
SUMMARY_EXAMPLE = {
    "sentences": ["Amazon intensifie ses investissements dans les puces d'IA…"],
    "key_facts": {
        "fr": ["Amazon — chiffre d'affaires T2 2025 : 167,7 Md$ (+13 % sur un an)"],
        "en": ["Amazon — Q2 2025 revenue: $167.7B (+13% YoY)"],
    },
}


class ErrorDetail(BaseModel):
    code: str = Field(description="Machine-readable code, stable across versions.")
    message: str = Field(description="What went wrong and what to do, for a person.")
    details: dict[str, Any] = Field(default_factory=dict)


class ErrorOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "error": {
                        "code": "unsupported_language",
                        "message": "Text language is 'de'; Rapport reads French (fr) and "
                        "English (en) only.",
                        "details": {"detected": "de"},
                    }
                }
            ]
        }
    )
    error: ErrorDetail


class TextUpload(BaseModel):
    """A document sent as text (``application/json``) instead of a file."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "text": "Amazon a publié un chiffre d'affaires de 167,7 milliards de "
                    "dollars au deuxième trimestre 2025.",
                    "title": "Amazon T2 2025",
                    "lang": "fr",
                },
                {"text": "NVIDIA reported revenue of $46.7 billion for the second quarter."},
            ]
        },
    )
    text: str = Field(description="The report's plain text.")
    title: str | None = Field(None, max_length=1000)
    lang: Literal["auto", "fr", "en"] = Field(
        "auto", description="Force the language instead of detecting it."
    )


class UploadOptions(BaseModel):
    """The optional fields of a multipart upload, validated like ``TextUpload``'s."""

    model_config = ConfigDict(extra="ignore")
    title: str | None = Field(None, max_length=1000)
    lang: Literal["auto", "fr", "en"] = "auto"


class DocumentMeta(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [DOCUMENT_META_EXAMPLE]})
    id: str = Field(description="First 16 hex digits of the SHA-256 of the uploaded bytes.")
    source: str | None = Field(description="File name or path it came from, if any.")
    lang: Literal["fr", "en"]
    title: str | None
    sha256: str
    chars: int = Field(description="Length of the stored plain text, in characters.")
    media_type: str = Field(description="Format detected from the content.")
    extractor_version: str
    created_at: datetime
    processed_at: datetime = Field(description="When the current facts were extracted.")


class DocumentListItem(DocumentMeta):
    facts: int = Field(description="Number of facts stored for the document.")


class EntityMention(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [ENTITY_EXAMPLE]})
    id: str
    name: str
    type: str = Field(description=f"One of {', '.join(ENTITY_TYPES)}.")
    mentions: int


class FactOut(BaseModel):
    """One fact, exactly FACTS.md's fields."""

    model_config = ConfigDict(json_schema_extra={"examples": [FACT_EXAMPLE]})
    subject: str | None
    subject_id: str | None
    metric: str = Field(description=f"One of {', '.join(METRICS)}.")
    value: float
    value_max: float | None
    previous: float | None
    unit: str
    period: str | None
    claim_type: str = Field(description=f"One of {', '.join(CLAIM_TYPES)}.")
    qualifier: str | None
    attribution: str | None
    approximate: bool
    text: str = Field(description="The figure as written; equals the stored text[start:end].")
    start: int
    end: int
    sentence: str
    confidence: float
    evidence: list[str]


class FactRow(FactOut):
    """A fact from a cross-document query: where it comes from, plus its fields."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"id": 42, "document_id": "3f1c9a0b7d2e4c11", "lang": "fr", **FACT_EXAMPLE}
            ]
        }
    )
    id: int
    document_id: str
    lang: Literal["fr", "en"]


class Summary(BaseModel):
    model_config = ConfigDict(extra="allow", json_schema_extra={"examples": [SUMMARY_EXAMPLE]})
    sentences: list[str] = Field(default_factory=list)
    key_facts: dict[str, list[str]] = Field(default_factory=dict)


class DocumentOut(BaseModel):
    """A document as FACTS.md defines it: metadata, entities, facts, summary."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "document": DOCUMENT_META_EXAMPLE,
                    "entities": [ENTITY_EXAMPLE],
                    "facts": [FACT_EXAMPLE],
                    "summary": SUMMARY_EXAMPLE,
                }
            ]
        }
    )
    document: DocumentMeta
    entities: list[EntityMention]
    facts: list[FactOut]
    summary: Summary


class DocumentPage(BaseModel):
    data: list[DocumentListItem]
    count: int = Field(description="Total number of matches, all pages together.")


class FactPage(BaseModel):
    data: list[FactRow]
    count: int = Field(description="Total number of matches, all pages together.")


class EntityRow(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [ENTITY_ROW_EXAMPLE]})
    id: str
    name: str
    type: str
    documents: int = Field(description="Stored documents that mention it.")
    mentions: int = Field(description="Mentions over all stored documents.")
    facts: int = Field(description="Facts whose subject it is.")


class EntityPage(BaseModel):
    data: list[EntityRow]
    count: int = Field(description="Total number of matches, all pages together.")


class EntityDetail(BaseModel):
    entity: EntityRow
    facts: list[FactRow] = Field(description="Its facts, oldest period first.")
    count: int = Field(description="Total number of its facts, all pages together.")


class StoreHealth(BaseModel):
    ok: bool
    backend: str
    documents: int | None = None
    schema_revision: str | None = Field(None, alias="schema")
    error: str | None = None

    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)


class HealthOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "status": "ok",
                    "models_loaded": True,
                    "languages": ["fr", "en"],
                    "extractor_version": "0.2.0+rules2",
                    "store": {"ok": True, "backend": "sqlite", "documents": 12, "schema": "0001"},
                }
            ]
        }
    )
    status: Literal["ok", "degraded"]
    models_loaded: bool
    languages: list[str]
    extractor_version: str | None
    store: StoreHealth
