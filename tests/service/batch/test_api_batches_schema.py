"""Schemathesis on the batch routes: no 5xx for any request, responses match the schema.

The corpus root holds only empty folders, so a batch that is accepted finishes at
once without starting a worker: generated requests stay cheap.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from service.api import create_app
from service.settings import Settings
from service.store import FactStore

KEY = "batch-schema-key"
AUTH = {"X-API-Key": KEY}
_ROOT = tempfile.TemporaryDirectory(prefix="rapport-batch-schema-")
(Path(_ROOT.name) / "corpus" / "reports" / "fr").mkdir(parents=True)

# Loaded at import time, as schemathesis collects one test per operation from it.
app = create_app(
    Settings(
        database_url=f"sqlite:///{Path(_ROOT.name) / 'api.db'}",
        api_key=KEY,
        use_encoder=False,
        corpus_root=Path(_ROOT.name) / "corpus",
    )
)
schema = schemathesis.openapi.from_asgi("/openapi.json", app).include(path_regex=r"^/batches")


@pytest.fixture(scope="module", autouse=True)
def started_app(rules_extractor) -> Iterator[None]:
    store = FactStore.from_url(app.state.settings.database_url)
    store.migrate()
    app.state.store, app.state.extractor = store, rules_extractor
    yield
    batches = getattr(app.state, "batches", None)
    if batches is not None:
        batches.stop_all()
    store.close()
    _ROOT.cleanup()


@schema.parametrize()
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_batch_routes_conform_to_their_schema(case) -> None:
    case.call_and_validate(headers=AUTH)
