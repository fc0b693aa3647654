"""Every error code the service answers with, its HTTP status and a plain message.

The extraction core raises ``models.errors.RapportError`` subclasses; the service
adds its own here. The API turns any of them into one JSON shape,
``{"error": {"code", "message", "details"}}``, using ``HTTP_STATUS`` below, so a
code always maps to the same status wherever it is raised.
"""

from __future__ import annotations

from models.errors import RapportError


class ServiceError(RapportError):
    code = "service_error"


class TooLargeError(ServiceError):
    code = "too_large"


class UnsupportedTypeError(ServiceError):
    """The bytes are a known format Rapport does not read (image, archive, spreadsheet…)."""

    code = "unsupported_type"


class UnreadableFileError(ServiceError):
    """The bytes claim a readable format but cannot be read (corrupt, encrypted, no text)."""

    code = "unreadable_file"


class NotFoundError(ServiceError):
    code = "not_found"


class UnauthorizedError(ServiceError):
    code = "unauthorized"


class InvalidRequestError(ServiceError):
    """A request that is well-formed but asks for something meaningless (bad period, sort)."""

    code = "validation_error"


class StoreUnavailableError(ServiceError):
    code = "store_unavailable"


# code -> HTTP status. Codes of models/errors.py are listed too: the API maps both.
HTTP_STATUS: dict[str, int] = {
    "validation_error": 422,
    "empty_text": 422,
    "unsupported_language": 422,
    "unreadable_file": 422,
    "unsupported_type": 415,
    "too_large": 413,
    "not_found": 404,
    "method_not_allowed": 405,
    "unauthorized": 401,
    "forbidden_path": 403,
    "batch_running": 409,
    "engine_not_available": 503,
    "model_not_available": 503,
    "store_unavailable": 503,
    "invalid_data_file": 500,
    "internal_error": 500,
}

# One human sentence per code, for OpenAPI docs and for errors raised without a message.
DESCRIPTIONS: dict[str, str] = {
    "validation_error": "A parameter or body field is missing, malformed or out of range.",
    "empty_text": "The document has no text to read.",
    "unsupported_language": "The text is neither French nor English.",
    "unreadable_file": "The file cannot be read: corrupt, encrypted, binary or no text layer.",
    "unsupported_type": "The content is not .txt, .html, .pdf or .docx (nor JSON text).",
    "too_large": "The upload is larger than RAPPORT_MAX_UPLOAD_BYTES.",
    "not_found": "No such document, entity or route.",
    "method_not_allowed": "This route does not answer that HTTP method.",
    "unauthorized": "This write needs the API key (X-API-Key or Authorization: Bearer).",
    "forbidden_path": "The batch folder is outside RAPPORT_CORPUS_ROOT.",
    "batch_running": "Another batch is running; poll GET /batches/{id} and try again.",
    "engine_not_available": "The batch engine is not installed (pip install rapport[ray]).",
    "model_not_available": "An NLP pipeline or the encoder is not loaded.",
    "store_unavailable": "The database does not answer.",
    "internal_error": "An unexpected failure; the server log has the details.",
}


def http_status(code: str) -> int:
    return HTTP_STATUS.get(code, 500)
