"""Documents: upload, list, read, text, delete, re-extract.

Routes stay thin: ingestion, extraction and storage live in ``service.ingest``
and ``service.store``. They are sync ``def``: FastAPI runs them in its thread
pool, so CPU-bound extraction never blocks the event loop.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Response
from fastapi.responses import PlainTextResponse

from service.api.deps import (
    NO_NUL,
    ExtractorDep,
    SettingsDep,
    StoreDep,
    UploadDep,
    WriteAccess,
)
from service.api.errors import error_responses
from service.api.schemas import DocumentOut, DocumentPage, TextUpload
from service.errors import NotFoundError
from service.ingest import ingest_bytes, ingest_text
from service.ingest.pipeline import reprocess, store_ingested

router = APIRouter(prefix="/documents", tags=["documents"])

DocumentId = Annotated[
    str,
    Path(
        description="Document id: the first 16 hex digits of the SHA-256 of its bytes.",
        examples=["3f1c9a0b7d2e4c11"],
        max_length=64,
        pattern=NO_NUL,
    ),
]
Limit = Annotated[int, Query(ge=1, le=500, description="Page size.", examples=[50])]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.", examples=[0])]

UPLOAD_BODY: dict[str, Any] = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["file"],
                "properties": {
                    "file": {
                        "type": "string",
                        "format": "binary",
                        "description": ".txt, .html, .pdf (text layer) or .docx; the format is "
                        "read from the content, not the name.",
                    },
                    "title": {"type": "string", "maxLength": 1000},
                    "lang": {"type": "string", "enum": ["auto", "fr", "en"], "default": "auto"},
                },
            }
        },
        "application/json": {
            "schema": TextUpload.model_json_schema(),
            "examples": {
                "fr": {
                    "summary": "A French report as text",
                    "value": TextUpload.model_config["json_schema_extra"]["examples"][0],
                },
                "en": {
                    "summary": "An English report, language detected",
                    "value": TextUpload.model_config["json_schema_extra"]["examples"][1],
                },
            },
        },
    },
}


def _found(document: dict[str, Any] | None, document_id: str) -> dict[str, Any]:
    if document is None:
        raise NotFoundError(f"No document with id {document_id!r}.", id=document_id)
    return document


@router.post(
    "",
    status_code=201,
    response_model=DocumentOut,
    summary="Upload a report",
    description=(
        "Upload a report as a file (multipart field `file`) or as JSON `{text, title?, lang?}`. "
        "The text is extracted, its language detected (or forced with `lang`), and its facts "
        "stored with the document in one transaction. **201** with the FACTS.md document the "
        "first time; **200** with the same document (same id, nothing duplicated) when the "
        "same bytes come again."
    ),
    responses={
        200: {"model": DocumentOut, "description": "These bytes were already stored."},
        201: {"description": "Stored; `Location` names the new document."},
        **error_responses(
            "unauthorized",
            "too_large",
            "unsupported_type",
            "unreadable_file",
            "empty_text",
            "unsupported_language",
            "validation_error",
        ),
    },
    openapi_extra={"requestBody": UPLOAD_BODY},
    dependencies=[WriteAccess],
)
def create_document(
    upload: UploadDep,
    response: Response,
    store: StoreDep,
    extractor: ExtractorDep,
    settings: SettingsDep,
) -> dict[str, Any]:
    if upload.data is not None:
        document = ingest_bytes(
            upload.data,
            source=upload.filename,
            title=upload.title,
            max_bytes=settings.max_upload_bytes,
            max_unzipped_bytes=settings.max_unzipped_bytes,
        )
    else:
        document = ingest_text(upload.text or "", title=upload.title)
    document_id, created = store_ingested(
        document,
        store,
        extractor,
        lang=upload.lang,
        summary_k=settings.summary_k,
        keep_embeddings=settings.store_embeddings,
    )
    response.status_code = 201 if created else 200
    response.headers["Location"] = f"/documents/{document_id}"
    return _found(store.get_document(document_id), document_id)


@router.get(
    "",
    response_model=DocumentPage,
    summary="List stored documents",
    description='Newest first, paged: `{"data": [...], "count": total}`.',
    responses={
        200: {
            "content": {
                "application/json": {
                    "example": {
                        "data": [
                            {
                                **DocumentOut.model_config["json_schema_extra"]["examples"][0][
                                    "document"
                                ],
                                "facts": 26,
                            }
                        ],
                        "count": 1,
                    }
                }
            }
        },
        **error_responses("validation_error"),
    },
)
def list_documents(
    store: StoreDep,
    limit: Limit = 50,
    offset: Offset = 0,
    lang: Annotated[
        list[Literal["fr", "en"]] | None,
        Query(description="Only documents in these languages (fr, en).", examples=[["fr"]]),
    ] = None,
) -> dict[str, Any]:
    rows, total = store.list_documents(limit=limit, offset=offset, lang=lang)
    return {"data": rows, "count": total}


@router.get(
    "/{document_id}",
    response_model=DocumentOut,
    summary="A document with its entities, facts and summary",
    description="The FACTS.md object of a stored document.",
    responses=error_responses("not_found", "validation_error"),
)
def get_document(document_id: DocumentId, store: StoreDep) -> dict[str, Any]:
    return _found(store.get_document(document_id), document_id)


@router.get(
    "/{document_id}/text",
    response_class=PlainTextResponse,
    summary="The document's plain text",
    description=(
        "The stored plain text, UTF-8. Every fact's `start`/`end` are offsets into exactly "
        "this string: `text[start:end] == fact.text`."
    ),
    responses={
        200: {
            "content": {
                "text/plain": {
                    "schema": {"type": "string"},
                    "example": "Amazon a publié un chiffre d'affaires de 167,7 milliards…",
                }
            }
        },
        **error_responses("not_found", "validation_error"),
    },
)
def get_document_text(document_id: DocumentId, store: StoreDep) -> PlainTextResponse:
    text = store.get_text(document_id)
    if text is None:
        raise NotFoundError(f"No document with id {document_id!r}.", id=document_id)
    return PlainTextResponse(text)


@router.delete(
    "/{document_id}",
    status_code=204,
    summary="Delete a document and its facts",
    description="The document, its mentions and its facts go in one transaction.",
    responses={
        204: {"description": "Deleted."},
        **error_responses("unauthorized", "not_found", "validation_error"),
    },
    dependencies=[WriteAccess],
)
def delete_document(document_id: DocumentId, store: StoreDep) -> Response:
    if not store.delete_document(document_id):
        raise NotFoundError(f"No document with id {document_id!r}.", id=document_id)
    return Response(status_code=204)


@router.post(
    "/{document_id}/reprocess",
    response_model=DocumentOut,
    summary="Re-extract a document with the current extractor",
    description=(
        "Runs the current extractor on the stored text (same language) and replaces the "
        "document's facts, mentions and summary atomically: readers see either the old or "
        "the new facts, never a mix."
    ),
    responses=error_responses(
        "unauthorized", "not_found", "empty_text", "unsupported_language", "validation_error"
    ),
    dependencies=[WriteAccess],
)
def reprocess_document(
    document_id: DocumentId, store: StoreDep, extractor: ExtractorDep, settings: SettingsDep
) -> dict[str, Any]:
    found = reprocess(
        document_id,
        store,
        extractor,
        summary_k=settings.summary_k,
        keep_embeddings=settings.store_embeddings,
    )
    if not found:
        raise NotFoundError(f"No document with id {document_id!r}.", id=document_id)
    return _found(store.get_document(document_id), document_id)
