"""The local engine with two worker processes, through the library (no CLI).

What the workers stored must be exactly what the extractor gives in this process;
a second run must skip everything without starting a worker; ``reprocess``
replaces facts in place, keeping document ids.
"""

from __future__ import annotations

import pytest

from service.batch.model import BatchOptions, JobStatus
from service.batch.runner import run_batch
from service.ingest import ingest_bytes
from service.store import FactStore
from tests.service.batch.conftest import batch_settings
from tests.service.batch.corpus import make_corpus, sha256_of

# Enough one-document batches that the first worker to finish loading cannot drain the
# job before the second is ready (16 documents in batches of two once did, on a loaded
# machine): both workers must take part.
DOCUMENTS = 32


@pytest.fixture(scope="module")
def two_worker_run(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("local")
    paths = make_corpus(folder / "corpus", DOCUMENTS, variants=1)
    url = f"sqlite:///{folder / 'local.db'}"
    store = FactStore.from_url(url)
    store.migrate()
    settings = batch_settings(url)
    report = run_batch([folder / "corpus"], store, settings, BatchOptions(workers=2, batch_size=1))
    yield paths, store, settings, report
    store.close()


def test_two_workers_store_every_document(two_worker_run) -> None:
    paths, store, _, report = two_worker_run
    assert report.status is JobStatus.done
    assert report.counts == {"added": DOCUMENTS, "reprocessed": 0, "skipped": 0, "failed": 0}
    assert len(report.workers_seen) == 2, "both worker processes should have extracted"
    assert store.health()["documents"] == DOCUMENTS
    for path in paths:
        assert store.find_by_sha256(sha256_of(path)) is not None, path


# One French and one English report, first and last of the corpus.
@pytest.mark.parametrize("index", [0, DOCUMENTS - 1], ids=["en", "fr"])
def test_stored_facts_equal_an_extraction_in_this_process(
    two_worker_run, rules_extractor, index: int
) -> None:
    paths, store, settings, _ = two_worker_run
    document = ingest_bytes(paths[index].read_bytes(), source=str(paths[index]))
    expected = rules_extractor.extract(
        document.text,
        source=document.source,
        title=document.title,
        sha256=document.sha256,
        summary_k=settings.summary_k,
    ).to_dict()
    stored = store.get_document(document.id)
    assert stored is not None
    assert stored["document"]["lang"] == expected["document"]["lang"]
    assert [
        (f["metric"], f["value"], f["unit"], f["period"], f["start"], f["end"])
        for f in stored["facts"]
    ] == [
        (f["metric"], f["value"], f["unit"], f["period"], f["start"], f["end"])
        for f in expected["facts"]
    ]
    assert len(stored["facts"]) > 0


def test_a_second_run_skips_everything_without_starting_workers(two_worker_run) -> None:
    paths, store, settings, _ = two_worker_run
    report = run_batch([paths[0].parent], store, settings, BatchOptions(workers=2))
    assert report.counts["skipped"] == DOCUMENTS
    assert report.counts["added"] == report.counts["failed"] == 0
    assert report.workers_seen == set()


def test_reprocess_replaces_facts_and_keeps_ids(two_worker_run) -> None:
    paths, store, settings, _ = two_worker_run
    chosen = paths[:2]
    before = {path: store.get_document(ingest_bytes(path.read_bytes()).id) for path in chosen}
    report = run_batch(chosen, store, settings, BatchOptions(workers=1, reprocess=True))
    assert report.counts["reprocessed"] == len(chosen)
    assert store.health()["documents"] == DOCUMENTS
    for old in before.values():
        new = store.get_document(old["document"]["id"])
        assert new["facts"] == old["facts"]
        assert new["document"]["processed_at"] > old["document"]["processed_at"]
