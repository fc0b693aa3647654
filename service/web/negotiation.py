"""Pages that share a URL with a JSON route: the browser gets HTML, every API client JSON.

``/documents/{id}``, ``/entities`` and ``/entities/{id}`` are both REST resources
and pages. A page route built with :class:`HtmlPageRoute` only matches a ``GET``
whose ``Accept`` header asks for ``text/html`` ahead of JSON (what a browser
sends when it navigates); anything else (``*/*``, ``application/json``, no
header: curl, httpx, fetch, schemathesis) falls through to the API route.
"""

from __future__ import annotations

from fastapi.routing import APIRoute
from starlette.routing import Match
from starlette.types import Scope


def _quality(parameters: list[str]) -> float:
    for parameter in parameters:
        name, _, value = parameter.strip().partition("=")
        if name.strip().lower() == "q":
            try:
                return float(value)
            except ValueError:
                return 0.0
    return 1.0


def prefers_html(accept: str | None) -> bool:
    """True when ``accept`` names ``text/html`` explicitly and ranks it above JSON."""
    if not accept:
        return False
    html = json = 0.0
    for item in accept.split(","):
        media_type, *parameters = item.split(";")
        media_type = media_type.strip().lower()
        quality = _quality(parameters)
        if media_type in ("text/html", "application/xhtml+xml"):
            html = max(html, quality)
        elif media_type == "application/json":
            json = max(json, quality)
    return html > 0 and html >= json


class HtmlPageRoute(APIRoute):
    """An ``APIRoute`` that steps aside unless the request wants an HTML page."""

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if scope.get("type") != "http" or scope.get("method") not in ("GET", "HEAD"):
            return Match.NONE, {}
        accept = None
        for name, value in scope.get("headers", []):
            if name == b"accept":
                accept = value.decode("latin-1")
                break
        if not prefers_html(accept):
            return Match.NONE, {}
        return super().matches(scope)
