"""Import every command module so each registers its commands on the app."""

from __future__ import annotations

from service.cli import (  # noqa: F401
    eval_cmd,
    extract_cmd,
    ingest_cmd,
    search_cmd,
    serve_cmd,
    summarize_cmd,
    train_cmd,
)
