"""The Ray engine end to end: a real local Ray cluster writing into a real PostgreSQL.

``ray.init(num_cpus=2)`` starts the cluster (on loopback), two actors each load
the pipelines once, the driver writes every result into a fresh PostgreSQL
database created for this module and dropped after it.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from service.batch.ledger import JobLedger
from service.batch.model import BatchOptions, Engine, JobStatus
from service.batch.runner import run_batch
from service.ingest import ingest_bytes
from service.store import FactStore
from service.store.engine import normalize_url
from tests.service.batch.conftest import batch_settings
from tests.service.batch.corpus import make_corpus
from tests.service.conftest import DEFAULT_POSTGRES_URL

pytestmark = [pytest.mark.ray, pytest.mark.postgres]
DOCUMENTS = 12


@pytest.fixture(scope="module")
def fresh_postgres() -> Iterator[str]:
    admin_url = normalize_url(os.environ.get("RAPPORT_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL))
    name = f"rapport_batch_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture(scope="module")
def ray_run(fresh_postgres: str, tmp_path_factory: pytest.TempPathFactory):
    pytest.importorskip("ray", reason="the optional extra rapport[ray] is not installed")
    folder = tmp_path_factory.mktemp("ray")
    paths = make_corpus(folder / "corpus", DOCUMENTS, variants=1)
    broken = folder / "corpus" / "zz_empty.txt"
    broken.write_bytes(b"")
    store = FactStore.from_url(fresh_postgres)
    store.migrate()
    settings = batch_settings(fresh_postgres)
    options = BatchOptions(engine=Engine.ray, workers=2, batch_size=2)
    report = run_batch([folder / "corpus"], store, settings, options)
    yield paths, broken, store, settings, report
    store.close()


def test_ray_actors_store_every_document_in_postgres(ray_run) -> None:
    _, broken, store, _, report = ray_run
    assert store.backend == "postgresql"
    assert report.status is JobStatus.done
    assert report.counts == {"added": DOCUMENTS, "reprocessed": 0, "skipped": 0, "failed": 1}
    assert len(report.workers_seen) == 2, "both actors should have extracted"
    [failure] = report.failures
    assert (failure.path, failure.code) == (str(broken), "empty_text")
    assert store.health()["documents"] == DOCUMENTS
    progress = JobLedger(store.engine).progress(report.job_id)
    assert progress["status"] == "done" and progress["processed"] == DOCUMENTS + 1


def test_ray_results_equal_an_extraction_in_this_process(ray_run, rules_extractor) -> None:
    paths, _, store, settings, _ = ray_run
    for path in paths:
        document = ingest_bytes(path.read_bytes(), source=str(path))
        expected = rules_extractor.extract(
            document.text,
            source=document.source,
            title=document.title,
            sha256=document.sha256,
            summary_k=settings.summary_k,
        ).to_dict()
        stored = store.get_document(document.id)
        assert stored is not None, path
        assert stored["document"]["lang"] == expected["document"]["lang"]
        assert [(f["metric"], f["value"], f["start"], f["end"]) for f in stored["facts"]] == [
            (f["metric"], f["value"], f["start"], f["end"]) for f in expected["facts"]
        ], path


def test_a_second_ray_run_skips_everything_without_starting_ray(ray_run) -> None:
    paths, broken, store, settings, _ = ray_run
    import ray

    broken.unlink()  # the only file left to do
    report = run_batch(
        [paths[0].parent], store, settings, BatchOptions(engine=Engine.ray, workers=2)
    )
    assert report.counts["skipped"] == DOCUMENTS and report.counts["added"] == 0
    assert not ray.is_initialized()
