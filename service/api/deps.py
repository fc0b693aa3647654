"""Typed dependencies: the app's settings, store and extractor, write access, uploads."""

from __future__ import annotations

import hmac
from collections.abc import AsyncIterator
from dataclasses import dataclass
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin
from urllib.parse import unquote

from fastapi import Depends, Request, Security
from fastapi.exceptions import RequestValidationError
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from pydantic import ValidationError
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser

from models import Extractor
from models.errors import ModelLoadError
from service.api.schemas import TextUpload, UploadOptions
from service.errors import (
    InvalidRequestError,
    StoreUnavailableError,
    TooLargeError,
    UnauthorizedError,
    UnsupportedTypeError,
)
from service.settings import Settings
from service.store import FactStore

# Every free-text parameter says so in OpenAPI: PostgreSQL text cannot hold NUL.
NO_NUL = r"^[^\x00]*$"
# Room for multipart boundaries and the small form fields next to the file.
MULTIPART_OVERHEAD = 64 * 1024


def guard_request(request: Request) -> None:
    """Refuse what would otherwise pass silently or fail deep in the store.

    A NUL character cannot be stored in PostgreSQL text. A one-value parameter
    given twice (``?limit=5&limit=500``) is ambiguous: FastAPI would keep the last.
    """
    if "\x00" in unquote(request.url.path + "?" + request.url.query):
        raise InvalidRequestError("The URL holds a NUL character.", parameter="url")
    dependant = getattr(request.scope.get("route"), "dependant", None)
    if dependant is None:
        return
    for field in _query_fields(dependant):
        given = len(request.query_params.getlist(field.alias))
        if given > 1 and not _accepts_many(field.field_info.annotation):
            raise InvalidRequestError(
                f"{field.alias} is given {given} times; it takes one value.",
                parameter=field.alias,
            )


def _query_fields(dependant: Any) -> list[Any]:
    fields = list(dependant.query_params)
    for sub in dependant.dependencies:
        fields.extend(_query_fields(sub))
    return fields


def _accepts_many(annotation: Any) -> bool:
    origin = get_origin(annotation)
    if origin in (list, tuple, set, frozenset):
        return True
    if origin in (Union, UnionType, Annotated):
        return any(_accepts_many(arg) for arg in get_args(annotation))
    return False


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_store(request: Request) -> FactStore:
    store = getattr(request.app.state, "store", None)
    if store is None:
        raise StoreUnavailableError("The store is not open yet; the service is starting.")
    return store


def get_extractor(request: Request) -> Extractor:
    extractor = getattr(request.app.state, "extractor", None)
    if extractor is None or not extractor.loaded:
        raise ModelLoadError("The NLP pipelines are not loaded yet; the service is starting.")
    return extractor


SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[FactStore, Depends(get_store)]
ExtractorDep = Annotated[Extractor, Depends(get_extractor)]

api_key_header = APIKeyHeader(
    name="X-API-Key", auto_error=False, description="The key of RAPPORT_API_KEY."
)
bearer_token = HTTPBearer(auto_error=False, description="The key of RAPPORT_API_KEY.")


def require_write_access(
    settings: SettingsDep,
    api_key: Annotated[str | None, Security(api_key_header)],
    bearer: Annotated[HTTPAuthorizationCredentials | None, Security(bearer_token)],
) -> None:
    """Every write needs the key when ``RAPPORT_API_KEY`` is set; reads stay open."""
    expected = settings.api_key_value()
    if expected is None:
        return
    given = api_key or (bearer.credentials if bearer else None)
    if given is None or not hmac.compare_digest(given.encode(), expected.encode()):
        raise UnauthorizedError(
            "This write needs the API key: send it as X-API-Key or Authorization: Bearer."
        )


WriteAccess = Depends(require_write_access)


@dataclass(frozen=True, slots=True)
class Upload:
    """A file (``data``) or a text, with the caller's options."""

    data: bytes | None
    text: str | None
    filename: str | None
    title: str | None
    lang: str


async def _limited(stream: AsyncIterator[bytes], limit: int) -> AsyncIterator[bytes]:
    """The request body, cut off with 413 as soon as it passes ``limit``.

    Checking as bytes arrive (not Content-Length alone) also stops chunked
    uploads, before anything is spooled to disk.
    """
    received = 0
    async for chunk in stream:
        received += len(chunk)
        if received > limit:
            raise TooLargeError(
                f"The upload is larger than the limit of {limit} bytes.", limit=limit
            )
        yield chunk


async def read_upload(request: Request, settings: SettingsDep) -> Upload:
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    limit = settings.max_upload_bytes
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit + MULTIPART_OVERHEAD:
        raise TooLargeError(
            f"The upload has {declared} bytes, over the limit of {limit}.",
            size=int(declared),
            limit=limit,
        )
    if media_type == "multipart/form-data":
        return await _read_multipart(request, limit)
    if media_type == "application/json":
        body = b"".join([chunk async for chunk in _limited(request.stream(), limit)])
        return _read_json(body)
    raise UnsupportedTypeError(
        "Send the document as multipart/form-data (field 'file') or as application/json "
        f'{{"text": ...}}; got content type {media_type or "none"!r}.',
        content_type=media_type or None,
    )


async def _read_multipart(request: Request, limit: int) -> Upload:
    parser = MultiPartParser(
        request.headers,
        _limited(request.stream(), limit + MULTIPART_OVERHEAD),
        max_files=1,
        max_fields=8,
        max_part_size=64 * 1024,
    )
    try:
        form = await parser.parse()
    except MultiPartException as exc:
        raise InvalidRequestError(f"Malformed multipart body: {exc.message}") from exc
    try:
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise _field_error(("body", "file"), "Field required: the document goes in 'file'.")
        data = await upload.read(limit + 1)
        if len(data) > limit:
            raise TooLargeError(f"The file is larger than the limit of {limit} bytes.", limit=limit)
        fields = {k: v for k, v in form.items() if k in ("title", "lang") and isinstance(v, str)}
        try:
            options = UploadOptions.model_validate(fields)
        except ValidationError as exc:
            raise RequestValidationError(_located(exc.errors(), "body")) from exc
        return Upload(data, None, upload.filename, options.title, options.lang)
    finally:
        await form.close()


def _read_json(body: bytes) -> Upload:
    try:
        payload = TextUpload.model_validate_json(body)
    except ValidationError as exc:
        raise RequestValidationError(_located(exc.errors(), "body")) from exc
    return Upload(None, payload.text, None, payload.title, payload.lang)


def _located(errors: list[Any], prefix: str) -> list[dict[str, Any]]:
    return [{**error, "loc": (prefix, *error.get("loc", ()))} for error in errors]


def _field_error(loc: tuple[str, ...], message: str) -> RequestValidationError:
    return RequestValidationError([{"loc": loc, "msg": message, "type": "value_error"}])


UploadDep = Annotated[Upload, Depends(read_upload)]
