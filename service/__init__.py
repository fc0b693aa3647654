"""Rapport's deployable side: ingestion, storage, REST API, batch runs, CLI, settings."""
