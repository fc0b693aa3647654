"""Hybrid sentence search: full-text score and encoder similarity, with each sentence's facts.

A query is answered in four steps:

1. the sentence index is brought up to date (``service.search.index.sync``);
2. two candidate pools: the best full-text matches (SQLite FTS5 ``bm25`` /
   PostgreSQL ``ts_rank``, any query word may match, in the sentence or, with a
   lower weight, in its document's title) and the sentences whose
   stored vector is closest to the encoded query;
3. each candidate scores ``TEXT_WEIGHT * text + (1 - TEXT_WEIGHT) * similarity``:
   the text score is the backend's rank times the share of query words the
   sentence and its title hold, scaled by the query's best; the similarity is
   the cosine, floored at 0;
4. the ``k`` best come back with their document, offsets and the facts whose
   figure lies inside the sentence.

Without an encoder the score is the text score alone; a sentence without a
stored vector simply has no similarity.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
import sqlalchemy as sa

from service.search.index import sync
from service.search.tables import sentences
from service.search.vectors import VectorCache
from service.store import FactFilters, FactStore
from service.store.search import fts5_match, query_words
from service.store.tables import documents

TEXT_WEIGHT = 0.5
POOL_MIN = 50  # candidates per half, at least
# Weight of the document's title words against the sentence's own: bm25's column
# weight on SQLite, ts_rank's weight of label C (the sentence is A, 1.0) on PostgreSQL,
# where normalization 1 divides by the log of the length as bm25 roughly does.
CONTEXT_WEIGHT = 0.5
MAX_FACTS_PER_QUERY = 10_000
# Function words dropped from the full-text query when other words remain: OR
# semantics would otherwise let "de" or "the" match every sentence (PostgreSQL's
# ts_rank has no idf to discount them).
_STOPWORDS_TEXT = (
    "a an and are as at be by for from in into is it its of on or than that the their this "
    "to was were with au aux ce ces d dans de des du en est et il elle l la le les leur mais "
    "ne ou par pas pour qu que qui s sa se ses son sont sur un une"
)
STOPWORDS = frozenset(_STOPWORDS_TEXT.split(" "))


@dataclass(slots=True)
class SearchHit:
    document_id: str
    document_title: str | None
    lang: str
    sentence_index: int
    start: int
    end: int
    text: str
    score: float
    text_score: float
    semantic_score: float
    facts: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class SearchService:
    """One per process: holds the query encoder and the in-memory sentence vectors.

    ``encoder_lock`` guards the encoder when it is shared with the extractor (a
    Hugging Face fast tokenizer must not run in two threads at once).
    """

    def __init__(
        self,
        encoder: Any | None = None,
        encoder_lock: AbstractContextManager[Any] | None = None,
    ) -> None:
        self.encoder = encoder
        self._encoder_lock = encoder_lock or (threading.Lock() if encoder else nullcontext())
        self._vectors = VectorCache()

    @property
    def mode(self) -> str:
        return "hybrid" if self.encoder is not None else "text"

    def _encode(self, texts: Sequence[str]) -> np.ndarray:
        with self._encoder_lock:
            return self.encoder.encode(texts)

    def search(
        self, store: FactStore, query: str, langs: Sequence[str] = (), k: int = 10
    ) -> list[SearchHit]:
        words = search_terms(query)
        if not words:
            return []
        sync(store.engine)
        pool = max(POOL_MIN, 5 * k)
        text_scores = _full_text(store, words, list(langs), pool)
        semantic = self._similar(store, query, list(langs), pool)
        best_text = max(text_scores.values(), default=0.0)
        text_weight = TEXT_WEIGHT if self.encoder is not None else 1.0
        candidates = set(text_scores) | set(semantic)
        scored = []
        for key in candidates:
            text_score = text_scores.get(key, 0.0) / best_text if best_text > 0 else 0.0
            similarity = max(semantic.get(key, 0.0), 0.0)
            score = text_weight * text_score + (1 - text_weight) * similarity
            scored.append((score, text_score, similarity, key))
        scored.sort(key=lambda item: (-item[0], item[3]))
        return _hits(store, scored[:k])

    def _similar(
        self, store: FactStore, query: str, langs: list[str], pool: int
    ) -> dict[tuple[str, int], float]:
        if self.encoder is None:
            return {}
        with self._encoder_lock:
            vector = self.encoder.encode([query])[0]
        keys: list[tuple[str, int]] = []
        scores: list[np.ndarray] = []
        cached = self._vectors.refresh(store, int(vector.shape[0]), self._encode)
        for document_id, stored in cached.items():
            if langs and stored.lang not in langs:
                continue
            scores.append(stored.matrix @ vector)
            keys.extend((document_id, int(ordinal)) for ordinal in stored.ordinals)
        if not keys:
            return {}
        similarity = np.concatenate(scores)
        top = np.argsort(-similarity, kind="stable")[:pool]
        return {keys[i]: float(similarity[i]) for i in top}


def search_terms(query: str) -> list[str]:
    """Folded query words, function words dropped unless nothing else is left."""
    words = query_words(query)
    content = [word for word in words if word not in STOPWORDS]
    return content or words


def _full_text(
    store: FactStore, words: list[str], langs: list[str], pool: int
) -> dict[tuple[str, int], float]:
    """``(document id, sentence ordinal) -> score`` (higher is better) of the best matches."""
    lang_filter = "AND d.lang IN :langs" if langs else ""
    if store.backend == "postgresql":
        statement = sa.text(
            "SELECT s.document_id, s.ordinal, s.search_text, s.context, "
            f"ts_rank('{{0.1, {CONTEXT_WEIGHT}, 0.4, 1.0}}', s.search_vector, query, 1) AS score "
            "FROM sentences s JOIN documents d ON d.id = s.document_id, "
            "to_tsquery('simple', :tsquery) AS query "
            f"WHERE s.search_vector @@ query {lang_filter} "
            "ORDER BY score DESC, s.document_id, s.ordinal LIMIT :pool"
        )
        parameters: dict[str, Any] = {"tsquery": " | ".join(words), "pool": pool}
    else:
        # bm25() is lower-is-better; negated so both backends rank higher-is-better.
        # Column weights: the sentence itself, then its document's title.
        rank = f"bm25(sentences_fts, 1.0, {CONTEXT_WEIGHT})"
        statement = sa.text(
            f"SELECT s.document_id, s.ordinal, s.search_text, s.context, -{rank} AS score "
            "FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid "
            "JOIN documents d ON d.id = s.document_id "
            f"WHERE sentences_fts MATCH :match {lang_filter} "
            f"ORDER BY {rank}, s.document_id, s.ordinal LIMIT :pool"
        )
        parameters = {"match": " OR ".join(fts5_match([word]) for word in words), "pool": pool}
    if langs:
        statement = statement.bindparams(sa.bindparam("langs", expanding=True))
        parameters["langs"] = langs
    with store.engine.connect() as connection, connection.begin():
        rows = connection.execute(statement, parameters).all()
    # Coordination: a sentence that (with its title) holds every query word beats a
    # shorter one holding only some; bm25's length normalization alone favors the latter.
    wanted = set(words)
    return {
        (row.document_id, int(row.ordinal)): float(row.score)
        * len(wanted & set(f"{row.search_text} {row.context}".split()))
        / len(wanted)
        for row in rows
    }


def _hits(
    store: FactStore, scored: Iterable[tuple[float, float, float, tuple[str, int]]]
) -> list[SearchHit]:
    scored = list(scored)
    if not scored:
        return []
    wanted = {key for *_, key in scored}
    document_ids = sorted({document_id for document_id, _ in wanted})
    statement = (
        sa.select(
            sentences.c.document_id,
            sentences.c.ordinal,
            sentences.c.start_char,
            sentences.c.end_char,
            sentences.c.text,
            documents.c.title,
            documents.c.lang,
        )
        .join(documents, documents.c.id == sentences.c.document_id)
        .where(sentences.c.document_id.in_(document_ids))
    )
    with store.engine.connect() as connection, connection.begin():
        rows = {
            (row.document_id, row.ordinal): row
            for row in connection.execute(statement)
            if (row.document_id, row.ordinal) in wanted
        }
    facts, _ = store.query_facts(
        FactFilters(document_id=document_ids), sort="position", limit=MAX_FACTS_PER_QUERY
    )
    hits = []
    for score, text_score, similarity, key in scored:
        row = rows.get(key)
        if row is None:  # a vector without an indexed sentence (blank sentence): skip it
            continue
        inside = [
            fact
            for fact in facts
            if fact["document_id"] == row.document_id
            and row.start_char <= fact["start"] < row.end_char
        ]
        hits.append(
            SearchHit(
                document_id=row.document_id,
                document_title=row.title,
                lang=row.lang,
                sentence_index=row.ordinal,
                start=row.start_char,
                end=row.end_char,
                text=row.text,
                score=round(score, 6),
                text_score=round(text_score, 6),
                semantic_score=round(similarity, 6),
                facts=inside,
            )
        )
    return hits
