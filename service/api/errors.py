"""Every failure leaves the API as ``{"error": {"code", "message", "details"}}``.

Codes and statuses come from ``service/errors.py``; FastAPI's own validation
and HTTP errors are reshaped here so clients parse one format only.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from models.errors import RapportError
from service.api.schemas import ErrorOut
from service.errors import DESCRIPTIONS, http_status

log = logging.getLogger("rapport.api")

_CODE_BY_STATUS = {
    401: "unauthorized",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_type",
    422: "validation_error",
}


def error_response(
    code: str, message: str, details: dict[str, Any] | None = None, status: int | None = None
) -> JSONResponse:
    headers = {"WWW-Authenticate": 'Bearer realm="rapport"'} if code == "unauthorized" else None
    body = {"error": {"code": code, "message": message, "details": jsonable_encoder(details or {})}}
    return JSONResponse(body, status_code=status or http_status(code), headers=headers)


async def _rapport_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RapportError)
    return error_response(exc.code, exc.message, exc.details)


async def _validation_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"loc": list(error.get("loc", ())), "msg": error.get("msg", ""), "type": error.get("type")}
        for error in exc.errors()
    ]
    first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
    where = ".".join(str(part) for part in first["loc"]) or "request"
    return error_response(
        "validation_error", f"{where}: {first['msg']}", {"errors": errors}, status=422
    )


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = _CODE_BY_STATUS.get(exc.status_code, "http_error")
    # Starlette's own 404/405 carry only the reason phrase; say what was asked.
    message = {
        404: f"No route {request.method} {request.url.path}; the API is described at /docs.",
        405: f"{request.method} is not allowed on {request.url.path}; see /docs.",
    }.get(exc.status_code, str(exc.detail))
    response = error_response(code, message, status=exc.status_code)
    for name, value in (exc.headers or {}).items():
        response.headers[name] = value
    if exc.status_code == 405:
        response.headers["Allow"] = ", ".join(_allowed_methods(request))
    return response


def _allowed_methods(request: Request) -> list[str]:
    """Every method some route answers on this path (Starlette names only the first route's)."""
    methods: set[str] = set()
    for route in request.app.router.routes:
        match, _ = route.matches(request.scope)
        if match is not Match.NONE:
            methods |= getattr(route, "methods", None) or set()
    return sorted(methods)


async def _unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    # Reached only through a bug: log everything, tell the client nothing internal.
    log.exception("Unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response("internal_error", DESCRIPTIONS["internal_error"], status=500)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RapportError, _rapport_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected_error)


_ERROR_EXAMPLES: dict[str, dict[str, Any]] = {
    "too_large": {"size": 12582912, "limit": 10485760},
    "unsupported_type": {"detected": "PNG image"},
    "unreadable_file": {"reason": "encrypted"},
    "empty_text": {},
    "unsupported_language": {"detected": "de"},
    "validation_error": {"errors": [{"loc": ["query", "limit"], "msg": "...", "type": "..."}]},
    "not_found": {"id": "3f1c9a0b7d2e4c11"},
    "unauthorized": {},
    "store_unavailable": {},
    "model_not_available": {},
}


def error_responses(*codes: str) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for the given codes: one entry per status, one example per code."""
    by_status: dict[int, list[str]] = {}
    for code in codes:
        by_status.setdefault(http_status(code), []).append(code)
    responses: dict[int | str, dict[str, Any]] = {}
    for status, status_codes in sorted(by_status.items()):
        examples = {
            code: {
                "summary": DESCRIPTIONS[code],
                "value": {
                    "error": {
                        "code": code,
                        "message": DESCRIPTIONS[code],
                        "details": _ERROR_EXAMPLES.get(code, {}),
                    }
                },
            }
            for code in status_codes
        }
        responses[status] = {
            "model": ErrorOut,
            "description": " / ".join(f"`{c}`: {DESCRIPTIONS[c]}" for c in status_codes),
            "content": {"application/json": {"examples": examples}},
        }
    return responses
