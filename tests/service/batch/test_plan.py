"""Before any extraction: which files a batch walks, what each needs, where it may read.

No models here: the planner's decisions are checked against a real SQLite store.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

import pytest

from models import EXTRACTOR_VERSION
from service.batch.background import resolve_under_root
from service.batch.errors import EngineNotAvailableError, ForbiddenPathError
from service.batch.model import ItemOutcome, Outcome
from service.batch.plan import Planner, discover, file_sha256
from service.batch.ray_engine import load_ray
from service.errors import NotFoundError
from service.store import DocumentRecord, FactStore

TEXT = {"fr": "Le chiffre d'affaires a progressé de 5 %.", "en": "Revenue rose 5%."}


def record_for(path: Path, lang: str, version: str) -> DocumentRecord:
    meta = {
        "id": None,
        "source": str(path),
        "lang": lang,
        "title": None,
        "sha256": file_sha256(path),
        "chars": len(TEXT[lang]),
    }
    return DocumentRecord(
        facts_document={"document": meta, "entities": [], "facts": [], "summary": {}},
        text=TEXT[lang],
        media_type="text/plain",
        extractor_version=version,
    )


@pytest.fixture
def store(tmp_path: Path):
    fact_store = FactStore.from_url(f"sqlite:///{tmp_path / 'plan.db'}")
    fact_store.migrate()
    yield fact_store
    fact_store.close()


# --- discovery ------------------------------------------------------------------

DISCOVERY = [
    # (files to create, expected found, expected ignored)
    (
        ["a.txt", "b.HTML", "c.pdf", "d.docx", "e.htm"],
        ["a.txt", "b.HTML", "c.pdf", "d.docx", "e.htm"],
        0,
    ),
    (["a.txt", "notes.csv", "image.png"], ["a.txt"], 2),
    (["a.txt", ".hidden.txt", ".git/config.txt"], ["a.txt"], 0),
    (["sub/deeper/rapport.txt", "sub/report.pdf"], ["sub/deeper/rapport.txt", "sub/report.pdf"], 0),
]


@pytest.mark.parametrize(("names", "found", "ignored"), DISCOVERY)
def test_folders_are_walked_for_readable_suffixes(tmp_path: Path, names, found, ignored) -> None:
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    discovery = discover([tmp_path])
    assert sorted(p.relative_to(tmp_path).as_posix() for p in discovery.files) == sorted(found)
    assert discovery.ignored == ignored


def test_a_file_named_explicitly_is_read_whatever_its_suffix(tmp_path: Path) -> None:
    named = tmp_path / "export.dat"
    named.write_text("x")
    assert discover([named, tmp_path]).files == [named]  # once, although listed twice


def test_links_out_of_the_allowed_root_are_set_apart(tmp_path: Path) -> None:
    root, outside = tmp_path / "root", tmp_path / "secret"
    root.mkdir()
    outside.mkdir()
    (outside / "private.txt").write_text("x")
    (root / "fine.txt").write_text("x")
    (root / "leak.txt").symlink_to(outside / "private.txt")
    discovery = discover([root], within=root)
    assert [p.name for p in discovery.files] == ["fine.txt"]
    assert [p.name for p in discovery.outside] == ["leak.txt"]


# --- what each file needs ----------------------------------------------------------

PLANS = [
    # (stored with version, reprocess, expected: "add" / "replace" / skipped outcome)
    (None, False, "add"),
    (None, True, "add"),
    (EXTRACTOR_VERSION, False, Outcome.skipped),
    (EXTRACTOR_VERSION, True, "replace"),
    ("0.0.1+older", False, "replace"),
    ("0.0.1+older", True, "replace"),
]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(("stored_version", "reprocess", "expected"), PLANS)
def test_each_file_is_added_replaced_or_skipped(
    store, tmp_path, lang, stored_version, reprocess, expected
) -> None:
    path = tmp_path / f"{lang}.txt"
    path.write_text(TEXT[lang], encoding="utf-8")
    if stored_version is not None:
        store.add_document(record_for(path, lang, stored_version))
    [planned] = Planner(store.engine, EXTRACTOR_VERSION, reprocess).plan([path])
    if isinstance(expected, Outcome):
        assert isinstance(planned, ItemOutcome) and planned.outcome is expected
    else:
        assert planned["mode"] == expected and planned["sha256"] == file_sha256(path)
        if expected == "replace":  # the stored language is kept
            assert planned["lang"] == lang and planned["document_id"]


def test_the_same_bytes_twice_are_extracted_once(store, tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "copy of a.txt"
    first.write_text(TEXT["en"])
    second.write_text(TEXT["en"])
    planned = list(Planner(store.engine, EXTRACTOR_VERSION, False).plan([first, second]))
    assert planned[0]["mode"] == "add"
    assert planned[1].outcome is Outcome.skipped and str(first) in planned[1].message


def test_a_file_gone_before_hashing_is_a_failure_not_a_crash(store, tmp_path: Path) -> None:
    [planned] = Planner(store.engine, EXTRACTOR_VERSION, False).plan([tmp_path / "gone.txt"])
    assert planned.outcome is Outcome.failed and planned.code == "unreadable_file"


# --- API folders under the corpus root ----------------------------------------------


@pytest.fixture
def corpus_root(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "samples" / "fr").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    (root / "escape").symlink_to(tmp_path / "elsewhere")
    (root / "inside").symlink_to(root / "samples")
    return root


FOLDERS = [
    ("samples", "samples", None),
    ("samples/fr", "samples/fr", None),
    (".", ".", None),
    ("samples/../samples/fr", "samples/fr", None),
    ("inside", "samples", None),  # a symlink that stays inside is fine
    ("../elsewhere", None, ForbiddenPathError),
    ("samples/../../elsewhere", None, ForbiddenPathError),
    ("escape", None, ForbiddenPathError),  # a symlink pointing out
    ("/etc", None, ForbiddenPathError),
    ("missing", None, NotFoundError),
    ("sam\x00ples", None, NotFoundError),
    ("x" * 5000, None, NotFoundError),  # too long for the file system
    ("\ud800", None, NotFoundError),  # a lone surrogate: no file name
]


@pytest.mark.parametrize(("folder", "resolved", "error"), FOLDERS)
def test_batch_folders_must_resolve_under_the_corpus_root(
    corpus_root, folder, resolved, error
) -> None:
    if error is not None:
        with pytest.raises(error):
            resolve_under_root(folder, corpus_root)
    else:
        expected = (corpus_root / resolved).resolve()
        assert resolve_under_root(folder, corpus_root) == expected


def test_the_ray_engine_says_how_to_install_ray_when_it_is_missing(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # what Python does for a missing package
    with pytest.raises(EngineNotAvailableError) as raised:
        load_ray()
    assert raised.value.code == "engine_not_available"
    assert "rapport[ray]" in raised.value.message


def test_file_hash_streams_the_bytes(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    data = os.urandom(3 * 1024 * 1024)
    path.write_bytes(data)
    assert file_sha256(path) == hashlib.sha256(data).hexdigest()
