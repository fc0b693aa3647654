"""A stored document's summary for any ``k``, recomputed without re-extraction.

The extractor stored the text, the sentence spans, the facts and (when the
encoder ran) the sentence vectors; ``models.summary.summarize`` needs nothing
else, so a summary of another length costs milliseconds, not an extraction.
With the same ``k`` as at upload it gives back the stored summary.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from models.schema import SUPPORTED_LANGUAGES
from models.sentences import sentence_spans
from models.summary import summarize
from service.store import FactStore

DEFAULT_KEY_FACTS = 5


def document_summary(
    store: FactStore,
    document_id: str,
    k: int = 3,
    langs: Sequence[str] = (),
    n_key_facts: int = DEFAULT_KEY_FACTS,
) -> dict[str, Any] | None:
    """``None`` for an unknown document; else sentences, key facts and their structured facts.

    ``langs`` restricts the rendered key facts to those languages (all when empty).
    """
    document = store.get_document(document_id)
    text = store.get_text(document_id)
    if document is None or text is None:
        return None
    lang = document["document"]["lang"]
    stored = store.get_embeddings(document_id) or {}
    spans = stored.get("sentences") or sentence_spans(text, lang)
    embeddings = _aligned(stored.get("embeddings"), len(spans))
    facts = document["facts"]
    summary = summarize(
        text, spans, facts, lang, k=k, n_key_facts=n_key_facts, embeddings=embeddings
    )
    shown = [code for code in SUPPORTED_LANGUAGES if not langs or code in langs]
    return {
        "document_id": document_id,
        "document_lang": lang,
        "k": k,
        "centrality": "encoder" if embeddings is not None else "tf-idf",
        "sentences": summary.sentences,
        "sentence_spans": [
            {"index": i, "start": spans[i][0], "end": spans[i][1]} for i in summary.sentence_indices
        ],
        "key_facts": {code: summary.key_facts[code] for code in shown},
        "facts": [facts[i] for i in summary.key_fact_indices],
        "line_facts": [[facts[i] for i in line.members] for line in summary.key_fact_lines],
    }


def _aligned(embeddings: np.ndarray | None, rows: int) -> np.ndarray | None:
    """The stored vectors if they still match the sentences (one row each), else none."""
    if embeddings is None or embeddings.ndim != 2 or embeddings.shape[0] != rows:
        return None
    return embeddings
