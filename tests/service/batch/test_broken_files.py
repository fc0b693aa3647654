"""A folder of good and broken files: the good ones are stored, each bad one reported.

One ``rapport ingest`` runs over the whole folder (module fixture); each row of
the table then checks one file: stored with facts, or reported with its code in
the output and in the job table, and absent from the store.
"""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

import pytest
import sqlalchemy as sa

from service.batch.tables import batch_items
from service.store.engine import create_store_engine
from tests.service.batch.conftest import run_ingest
from tests.service.batch.corpus import SAMPLES, sha256_of
from tests.service.samples import GERMAN, SPANISH, _pdf

FR = (SAMPLES / "fr_totalenergies_resultats_t3_2025.txt").read_text(encoding="utf-8")
EN = (SAMPLES / "en_intel_q2_loss.txt").read_text(encoding="utf-8")
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4

# file name -> (bytes, expected error code; None = stored with its facts)
FILES: dict[str, tuple[bytes, str | None]] = {
    "rapport_fr.txt": (FR.encode("utf-8"), None),
    "report_en.txt": (EN.encode("utf-8"), None),
    "report_en.pdf": (_pdf(EN), None),
    "junk.txt": (random.Random(5).randbytes(4096), "unreadable_file"),
    "empty.txt": (b"", "empty_text"),
    "blank.html": (b"  \n\n \t\n", "empty_text"),
    "corrupt.pdf": (
        b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\nnot a pdf at all\n%%EOF",
        "unreadable_file",
    ),
    "informe_es.txt": (SPANISH.encode("utf-8"), "unsupported_language"),
    "bericht_de.txt": (GERMAN.encode("utf-8"), "unsupported_language"),
    "scan.pdf": (PNG, "unsupported_type"),
}
IGNORED = {"figures.csv": b"metric,value\nrevenue,1\n"}


@pytest.fixture(scope="module")
def broken_run(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, str, subprocess.CompletedProcess]:
    folder = tmp_path_factory.mktemp("broken")
    for name, (data, _) in FILES.items():
        (folder / name).write_bytes(data)
    for name, data in IGNORED.items():
        (folder / name).write_bytes(data)
    url = f"sqlite:///{folder.parent / 'broken.db'}"
    return folder, url, run_ingest(url, str(folder), "--workers", "1")


def stored_hashes(url: str) -> set[str]:
    engine = create_store_engine(url)
    with engine.connect() as connection:
        hashes = set(connection.scalars(sa.text("SELECT sha256 FROM documents")))
    engine.dispose()
    return hashes


def outcomes(url: str) -> dict[str, tuple[str, str | None, int | None]]:
    """File name -> (status, code, facts) as the job table recorded it."""
    engine = create_store_engine(url)
    columns = (batch_items.c.path, batch_items.c.status, batch_items.c.code, batch_items.c.facts)
    with engine.connect() as connection:
        rows = connection.execute(sa.select(*columns)).all()
    engine.dispose()
    return {Path(path).name: (status, code, facts) for path, status, code, facts in rows}


def test_any_failure_makes_the_exit_code_non_zero(broken_run) -> None:
    _, _, result = broken_run
    assert result.returncode == 1, result.stdout + result.stderr
    bad = sum(1 for _, code in FILES.values() if code)
    assert f"{bad} failed" in result.stdout


@pytest.mark.parametrize(("name", "expected_code"), [(n, c) for n, (_, c) in FILES.items()])
def test_each_file_is_stored_or_reported_with_its_code(broken_run, name, expected_code) -> None:
    folder, url, result = broken_run
    path = folder / name
    stored = sha256_of(path) in stored_hashes(url)
    reported = f"failed {path} [{expected_code}]" in result.stderr
    status, code, facts = outcomes(url)[name]
    if expected_code is None:
        assert stored, result.stderr
        assert f"failed {path} " not in result.stderr
        assert status == "added" and code is None
        assert facts and facts > 0
    else:
        assert not stored
        assert reported, result.stderr
        assert (status, code) == ("failed", expected_code)


def test_files_with_other_suffixes_are_left_alone(broken_run) -> None:
    folder, url, result = broken_run
    for name in IGNORED:
        assert name not in result.stdout + result.stderr
        assert sha256_of(folder / name) not in stored_hashes(url)
    assert "ignored (other suffixes)" in result.stdout


def test_fail_fast_stops_at_the_first_failure(tmp_path: Path) -> None:
    folder = tmp_path / "fail-fast"
    folder.mkdir()
    (folder / "a_empty.txt").write_bytes(b"")
    (folder / "b_rapport_fr.txt").write_bytes(FR.encode("utf-8"))
    (folder / "c_report_en.txt").write_bytes(EN.encode("utf-8"))
    url = f"sqlite:///{tmp_path / 'fail-fast.db'}"
    # One worker, one file a batch: the failure is the first result, so nothing after it.
    result = run_ingest(url, str(folder), "--workers", "1", "--batch-size", "1", "--fail-fast")
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"failed {folder / 'a_empty.txt'} [empty_text]" in result.stderr
    assert "stopped" in result.stdout
    assert stored_hashes(url) == set()
    assert set(outcomes(url)) == {"a_empty.txt"}
