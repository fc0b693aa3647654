"""Fixtures of the batch tests: a rules-only extractor and a way to run ``rapport ingest``.

Workers load their own models in their own processes; the extractor here is the
in-process reference the batch results are compared with. The encoder is off
everywhere (``RAPPORT_USE_ENCODER=false``): facts do not depend on it and it would
triple the model loading time of every worker.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from service.settings import Settings

RAPPORT = Path(sys.executable).with_name("rapport")


@pytest.fixture(scope="session")
def rules_extractor():
    from models import Extractor

    return Extractor(use_encoder=False).load()


def batch_settings(url: str, **values: object) -> Settings:
    return Settings(database_url=url, use_encoder=False, **values)


def ingest_env(url: str) -> dict[str, str]:
    return {
        **os.environ,
        "RAPPORT_DATABASE_URL": url,
        "RAPPORT_USE_ENCODER": "false",
        "HF_HUB_OFFLINE": "1",
        "COLUMNS": "250",  # rich wraps at the terminal width; keep each failure on one line
    }


def ingest_command(*args: str) -> list[str]:
    return [str(RAPPORT), "ingest", *args]


def run_ingest(url: str, *args: str, timeout: float = 240) -> subprocess.CompletedProcess:
    return subprocess.run(
        ingest_command(*args),
        env=ingest_env(url),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
