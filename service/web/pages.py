"""Rendering shared by every page: templates, security headers, store access."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from service.store import FactStore
from service.web.present import (
    CLAIM_LABELS,
    ENTITY_TYPE_LABELS,
    LANGUAGE_NAMES,
    metric_label,
    period_text,
)

HERE = Path(__file__).parent
STATIC_DIR = HERE / "static"
templates = Jinja2Templates(directory=HERE / "templates")  # autoescapes .html


def size_text(size: int) -> str:
    """Bytes for people: "10 MB", "2.5 MB", "512 KB"."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f}".removesuffix(".0") + " MB"
    return f"{max(1, round(size / 1024))} KB"


templates.env.globals.update(
    size_text=size_text,
    metric_label=metric_label,
    period_text=period_text,
    claim_labels=CLAIM_LABELS,
    entity_type_labels=ENTITY_TYPE_LABELS,
    language_names=LANGUAGE_NAMES,
)

# Nothing but this origin: no CDN, no inline script, no plug-in. If report text
# ever slipped into the page as markup, the browser still would not run it.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
        "frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    # The same URL answers JSON to API clients (see negotiation.py): caches must know.
    "Vary": "Accept",
}


def render(
    request: Request, template: str, context: dict[str, Any], status: int = 200
) -> HTMLResponse:
    response = templates.TemplateResponse(request, template, context, status_code=status)
    response.headers.update(SECURITY_HEADERS)
    return response


def error_page(request: Request, status: int, title: str, message: str) -> HTMLResponse:
    return render(request, "error.html", {"title": title, "message": message}, status=status)


def store_of(request: Request) -> FactStore | None:
    return getattr(request.app.state, "store", None)


def unavailable(request: Request) -> HTMLResponse:
    return error_page(
        request, 503, "Starting up", "The store is not open yet; reload the page in a moment."
    )
