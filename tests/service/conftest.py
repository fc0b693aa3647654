"""Stores on both backends, for the contract suite and the API tests.

PostgreSQL: one fresh database per test session on the server of
``RAPPORT_TEST_POSTGRES_URL`` (``.ci/ensure-services.sh`` starts one), dropped at
the end. If the server does not answer, the postgres tests fail: they are part
of the contract and must not vanish as skips.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from service.api import create_app
from service.settings import Settings
from service.store import FactStore
from service.store.engine import normalize_url
from service.store.tables import metadata
from tests.service.samples import QUERY_SAMPLES, sample_text

DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    admin_url = normalize_url(os.environ.get("RAPPORT_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL))
    name = f"rapport_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except sa.exc.OperationalError as exc:
        admin.dispose()
        pytest.fail(
            f"PostgreSQL does not answer at {admin_url.render_as_string(hide_password=True)} "
            f"(run .ci/ensure-services.sh or set RAPPORT_TEST_POSTGRES_URL): {exc}",
            pytrace=False,
        )
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def database_url(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'rapport.db'}"
    return request.getfixturevalue("postgres_url")


def empty_store(url: str) -> FactStore:
    """A migrated store with no rows (PostgreSQL databases are shared by the session)."""
    store = FactStore.from_url(url)
    store.migrate()
    if store.backend == "postgresql":
        names = ", ".join(table.name for table in metadata.sorted_tables)
        with store.engine.begin() as connection:
            connection.exec_driver_sql(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
    return store


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def store_url(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return database_url(backend, request, tmp_path)


@pytest.fixture
def store(store_url: str) -> Iterator[FactStore]:
    fact_store = empty_store(store_url)
    yield fact_store
    fact_store.close()


def api_client(extractor, url: str, **settings: object) -> TestClient:
    """A TestClient on a fresh app; use it as a context manager (runs the lifespan)."""
    app = create_app(Settings(database_url=url, **settings), extractor=extractor)
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture
def client(extractor, tmp_path: Path) -> Iterator[TestClient]:
    with api_client(extractor, f"sqlite:///{tmp_path / 'api.db'}") as test_client:
        yield test_client


@pytest.fixture(scope="module")
def loaded_client(extractor, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """One store per test module holding three French and three English reports."""
    url = f"sqlite:///{tmp_path_factory.mktemp('loaded') / 'api.db'}"
    with api_client(extractor, url) as test_client:
        for lang, names in QUERY_SAMPLES.items():
            for name in names:
                response = test_client.post(
                    "/documents", json={"text": sample_text(name), "lang": lang}
                )
                assert response.status_code == 201, response.text
        yield test_client
