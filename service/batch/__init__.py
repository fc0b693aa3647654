"""Batch corpus processing: folders of reports into the store, on local cores or Ray.

Kept import-light on purpose: spawned workers and Ray actors import this package
before they cap their math threads, so nothing heavy may load here. Use
``service.batch.runner.run_batch`` (or ``rapport ingest``) to run a batch.
"""
