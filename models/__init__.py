"""Rapport's extraction core: text + language in, typed and sourced facts out."""

from models.pipeline import EXTRACTOR_VERSION, ExtractionResult, Extractor

__all__ = ["EXTRACTOR_VERSION", "ExtractionResult", "Extractor"]
