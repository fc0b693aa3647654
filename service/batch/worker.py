"""What runs inside a worker process or a Ray actor: read, ingest, extract, return dicts.

``init_worker`` builds the extractor once per process; ``process_batch`` then
turns a list of work items into a list of plain result dicts, in the same order.
Nothing here touches the store: the one writer is the parent (the Ray driver).

Imports of the NLP stack are deferred until ``init_worker`` has capped the math
libraries' threads: N workers on N cores must not each start N BLAS threads.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import TYPE_CHECKING, Any

from service.batch.model import WorkerConfig

if TYPE_CHECKING:
    from models import Extractor

_THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")

_extractor: Extractor | None = None
_config: WorkerConfig | None = None


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def init_worker(config: WorkerConfig) -> None:
    """Load the pipelines once for this process (the ProcessPool initializer)."""
    global _extractor, _config
    if _extractor is not None and _config == config:
        return
    for name in _THREAD_VARIABLES:
        os.environ[name] = str(config.threads)
    # Weights come from installed packages only; never from the network.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from models import Extractor

    if config.use_encoder:
        import torch

        torch.set_num_threads(config.threads)
    _extractor = Extractor(
        pipelines=config.pipelines,
        encoder_path=config.encoder_path,
        use_encoder=config.use_encoder,
        summary_embeddings=config.use_encoder,
    ).load()
    _config = config


def process_batch(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One result dict per item, same order; a bad file becomes a failure, never a raise."""
    if _extractor is None or _config is None:
        raise RuntimeError("init_worker() must run in this process before process_batch().")
    from models.errors import RapportError
    from service.ingest import ingest_bytes

    worker = worker_name()
    results: list[dict[str, Any] | None] = [None] * len(items)
    ready: list[tuple[int, Any]] = []
    for index, item in enumerate(items):
        try:
            data = Path(item["path"]).read_bytes()
            document = ingest_bytes(
                data,
                source=item["path"],
                max_bytes=_config.max_bytes,
                max_unzipped_bytes=_config.max_unzipped_bytes,
            )
        except OSError as err:
            results[index] = _failure(
                item, worker, "unreadable_file", f"The file cannot be read ({err.strerror or err})."
            )
        except RapportError as err:
            results[index] = _failure(item, worker, err.code, err.message)
        except Exception as err:  # a parser bug on one file must not lose the batch
            results[index] = _failure(item, worker, "internal_error", _describe(err))
        else:
            ready.append((index, document))
    for (index, document), extracted in zip(ready, _extract_all(ready, items), strict=True):
        item = items[index]
        if isinstance(extracted, RapportError):
            results[index] = _failure(item, worker, extracted.code, extracted.message)
        elif isinstance(extracted, Exception):
            results[index] = _failure(item, worker, "internal_error", _describe(extracted))
        else:
            results[index] = _success(item, worker, document, extracted)
    return [result for result in results if result is not None]


def _extract_all(ready: list[tuple[int, Any]], items: list[dict[str, Any]]) -> list[Any]:
    """Extract the batch through ``extract_many``; on an unexpected error, one by one."""
    assert _extractor is not None and _config is not None
    requests = [(document.text, _options(items[index], document)) for index, document in ready]
    try:
        return list(_extractor.extract_many(requests))
    except Exception:
        # Something in the batch broke the pipeline itself: isolate the culprit so
        # every other document still gets its facts.
        outcomes: list[Any] = []
        for text, options in requests:
            try:
                outcomes.extend(_extractor.extract_many([(text, options)]))
            except Exception as err:
                outcomes.append(err)
        return outcomes


def _options(item: dict[str, Any], document: Any) -> dict[str, Any]:
    assert _config is not None
    return {
        # A document already stored keeps the language it was stored with.
        "lang": item.get("lang") or "auto",
        "source": document.source,
        "title": document.title,
        "sha256": document.sha256,
        "summary_k": _config.summary_k,
    }


def _success(item: dict[str, Any], worker: str, document: Any, result: Any) -> dict[str, Any]:
    from models import EXTRACTOR_VERSION

    assert _config is not None
    embeddings = result.sentence_embeddings if _config.keep_embeddings else None
    return {
        "path": item["path"],
        "sha256": item.get("sha256"),
        "mode": item["mode"],
        "document_id": item.get("document_id"),
        "worker": worker,
        "ok": True,
        "record": {
            "facts_document": result.to_dict(),
            "text": document.text,
            "media_type": document.media_type,
            "extractor_version": EXTRACTOR_VERSION,
            "sentences": [(int(s), int(e)) for s, e in result.sentences] or None,
            "embeddings": embeddings,
        },
    }


def _failure(item: dict[str, Any], worker: str, code: str, message: str) -> dict[str, Any]:
    return {
        "path": item["path"],
        "sha256": item.get("sha256"),
        "mode": item["mode"],
        "worker": worker,
        "ok": False,
        "code": code,
        "message": message,
    }


def _describe(err: BaseException) -> str:
    return f"Unexpected {type(err).__name__} while reading this file: {err}"[:500]
