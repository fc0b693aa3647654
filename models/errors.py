"""Every error the extraction core can raise, with a stable machine-readable code.

One place for codes and messages (in the style of ``spacy/errors.py``) so the CLI
and the REST API can turn any of them into a typed error without guessing.
"""

from __future__ import annotations


class RapportError(Exception):
    """Base class: ``code`` is machine-readable, ``str(err)`` is for a person."""

    code = "rapport_error"

    def __init__(self, message: str, **details: object) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class EmptyTextError(RapportError):
    code = "empty_text"


class UnsupportedLanguageError(RapportError):
    code = "unsupported_language"

    def __init__(self, detected: str | None, message: str | None = None) -> None:
        shown = detected or "unknown"
        super().__init__(
            message
            or f"Text language is '{shown}'; Rapport reads French (fr) and English (en) only. "
            "If the detection is wrong, give the language explicitly (fr or en).",
            detected=detected,
        )
        self.detected = detected


class DataFileError(RapportError):
    """A packaged data file (lexicon, gazetteer, cues) failed validation at load."""

    code = "invalid_data_file"


class ModelLoadError(RapportError):
    """A spaCy pipeline or the encoder could not be loaded from a local package/path."""

    code = "model_not_available"
