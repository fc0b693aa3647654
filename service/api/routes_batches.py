"""Batches: process a whole folder under the corpus root in the background.

``POST /batches`` validates the folder (it must resolve under
``RAPPORT_CORPUS_ROOT``: no ``..``, no symlink out), records the job and answers
202 at once; the local engine runs it in a background thread. ``GET
/batches/{id}`` reads progress from the job tables, so it answers the same from
any server process sharing the store.
"""

from __future__ import annotations

import os
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from service.api.deps import SettingsDep, StoreDep, WriteAccess
from service.api.errors import error_response, error_responses
from service.api.schemas import ErrorOut
from service.batch.background import BackgroundBatches, resolve_under_root
from service.batch.errors import BatchRunningError, ForbiddenPathError
from service.batch.ledger import JobLedger
from service.batch.model import BatchOptions
from service.errors import NotFoundError

router = APIRouter(prefix="/batches", tags=["batches"])

# Codes this router adds, with their statuses (the shared table in service/errors.py
# does not know them; the lead may move them there).
STATUS = {ForbiddenPathError.code: 403, BatchRunningError.code: 409}
MAX_WORKERS = max(1, os.cpu_count() or 1)

JOB_EXAMPLE: dict[str, Any] = {
    "id": "5b0f2a9c8e7d4f6a9b1c2d3e4f5a6b7c",
    "status": "running",
    "engine": "local",
    "workers": 2,
    "paths": ["/srv/rapport/corpus/2025-q3"],
    "reprocess": False,
    "extractor_version": "0.2.0+rules2",
    "total": 1200,
    "processed": 431,
    "counts": {"added": 402, "reprocessed": 0, "skipped": 27, "failed": 2},
    "failures": [
        {
            "path": "/srv/rapport/corpus/2025-q3/scan.pdf",
            "code": "unreadable_file",
            "message": "The PDF has no text layer (a scan?); Rapport does not read images of text.",
        },
        {
            "path": "/srv/rapport/corpus/2025-q3/informe.txt",
            "code": "unsupported_language",
            "message": "Text language is 'es'; Rapport reads French (fr) and English (en) only.",
        },
    ],
    "error": None,
    "created_at": "2025-11-26T13:22:45+00:00",
    "updated_at": "2025-11-26T13:25:02+00:00",
    "finished_at": None,
}


class BatchIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"folder": "samples"},
                {"folder": "archive/2024", "workers": 2, "reprocess": True},
            ]
        },
    )

    folder: str = Field(
        min_length=1,
        max_length=4096,
        description="A folder under the corpus root, relative to it ('.' is the root itself). "
        "Folders are walked for .txt, .html, .pdf and .docx files.",
    )
    workers: int = Field(1, ge=1, le=MAX_WORKERS, description="Worker processes to use.")
    reprocess: bool = Field(
        False, description="Re-extract documents already stored by this extractor version."
    )


class BatchAccepted(BaseModel):
    id: str = Field(description="Job id, to poll with GET /batches/{id}.")
    status: str = Field(description="'queued' or 'running' right after the request.")
    resumed: bool = Field(
        description="True when an interrupted job on the same folder is being continued."
    )
    folder: str


class Failure(BaseModel):
    path: str
    code: str | None = Field(description="Machine-readable error code of the file.")
    message: str | None


class BatchOut(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [JOB_EXAMPLE]})

    id: str
    status: str = Field(
        description="queued, running, done (every file has an outcome), stopped (an error "
        "or a stop request; POST the same folder again to resume) or interrupted (its "
        "process died; POST again to resume)."
    )
    engine: str
    workers: int
    paths: list[str]
    reprocess: bool
    extractor_version: str
    total: int | None = Field(description="Files found; null until the folder is walked.")
    processed: int = Field(description="Files with an outcome so far.")
    counts: dict[str, int] = Field(
        description="Files per outcome: added, reprocessed, "
        "skipped (already stored / duplicate), failed."
    )
    failures: list[Failure] = Field(description="Failed files, oldest first (capped).")
    error: str | None = Field(description="Why the job stopped, if it did.")
    created_at: datetime
    updated_at: datetime
    finished_at: datetime | None


def _batches(request: Request) -> BackgroundBatches:
    state = request.app.state
    if getattr(state, "batches", None) is None:
        state.batches = BackgroundBatches()
    return state.batches


def _own_error(code: str, description: str, example: dict[str, Any]) -> dict[str, Any]:
    return {
        "model": ErrorOut,
        "description": f"`{code}`: {description}",
        "content": {
            "application/json": {
                "example": {"error": {"code": code, "message": description, "details": example}}
            }
        },
    }


@router.post(
    "",
    status_code=202,
    response_model=BatchAccepted,
    summary="Process a folder of reports in the background",
    description=(
        "Start a batch over a folder under the server's corpus root (`RAPPORT_CORPUS_ROOT`). "
        "The folder is resolved first (`..` and symlinks included): anything outside the "
        "root is refused with **403** `forbidden_path`. Answers **202** at once with the job "
        "id; poll `GET /batches/{id}`. Files already stored with the same bytes and extractor "
        "version are skipped; an interrupted job on the same folder is resumed. One batch "
        "runs at a time per server (**409** `batch_running`)."
    ),
    responses={
        202: {"description": "Accepted; `Location` names the job."},
        400: _own_error("http_error", "The body cannot be decoded (not UTF-8 JSON).", {}),
        403: _own_error(
            "forbidden_path", "The folder is outside the corpus root.", {"folder": "../../etc"}
        ),
        409: _own_error(
            "batch_running",
            "Another batch is still running on this server.",
            {"running": "5b0f2a9c8e7d4f6a9b1c2d3e4f5a6b7c"},
        ),
        **error_responses("unauthorized", "not_found", "validation_error"),
    },
    dependencies=[WriteAccess],
)
def create_batch(
    body: BatchIn, request: Request, response: Response, store: StoreDep, settings: SettingsDep
) -> Any:
    try:
        folder = resolve_under_root(body.folder, settings.corpus_root)
        options = BatchOptions(workers=body.workers, reprocess=body.reprocess)
        job_id, resumed = _batches(request).submit(store, settings, folder, options)
    except (ForbiddenPathError, BatchRunningError) as err:
        return error_response(err.code, err.message, err.details, status=STATUS[err.code])
    response.headers["Location"] = f"/batches/{job_id}"
    return {"id": job_id, "status": "running", "resumed": resumed, "folder": body.folder}


@router.get(
    "/{batch_id}",
    response_model=BatchOut,
    summary="Progress of a batch",
    description=(
        "Status, files found and processed, counts per outcome and the failed files with "
        "their error code and message."
    ),
    responses=error_responses("not_found", "validation_error"),
)
def get_batch(
    batch_id: Annotated[
        str,
        Path(
            max_length=64,
            description="The id POST /batches answered.",
            examples=["5b0f2a9c8e7d4f6a9b1c2d3e4f5a6b7c"],
        ),
    ],
    store: StoreDep,
    failures_limit: Annotated[
        int, Query(ge=0, le=1000, description="At most this many failures listed.")
    ] = 100,
) -> Any:
    progress = JobLedger(store.engine).progress(batch_id, failures_limit=failures_limit)
    if progress is None:
        raise NotFoundError(f"No batch with id {batch_id!r}.", id=batch_id)
    return progress
