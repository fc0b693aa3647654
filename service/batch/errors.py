"""Errors of batch runs, with codes like every other Rapport error."""

from __future__ import annotations

from service.errors import ServiceError


class EngineNotAvailableError(ServiceError):
    """The engine asked for is not installed (``ray`` is an optional extra)."""

    code = "engine_not_available"


class ForbiddenPathError(ServiceError):
    """A batch folder outside the configured corpus root (403 in the API)."""

    code = "forbidden_path"


class BatchRunningError(ServiceError):
    """The API runs one batch at a time; another is still running (409)."""

    code = "batch_running"
