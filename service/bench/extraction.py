"""Sections 2 and 3: the whole extraction, and what the summary and encoder add to it.

Section 2 (issue 3): ``Extractor(use_encoder=False).extract_many`` over every sample
report (language detected, as ``rapport extract`` does) beside spaCy's full default
``nlp.pipe`` of each report's own pipeline, in interleaved rounds. Target ≥ 1×.

Section 3 (issue 6): the same documents through ``Extractor(use_encoder=True)`` and
``use_encoder=False``. Both runs build a summary (without the encoder, centrality
comes from TF-IDF), so the summary is also timed alone from the results, and

    extraction core  X = T(no encoder) − summary time without embeddings
    summary+encoder  C = T(encoder) − X
    share            C / X           (target ≤ 30 %)

The encoder's and the summary's own times, measured alone, are printed beside C
as a cross-check.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from service.bench.context import SPACY_PIPELINES, BenchContext
from service.bench.fmt import percent, times, verdict, wps
from service.bench.measure import interleaved, ratio, throughput, words_in
from service.bench.texts import interleave_languages

TARGET_EXTRACT_VS_SPACY = 1.0
TARGET_SUMMARY_SHARE = 0.30


def _extract_all(extractor: Any, texts: list[str]) -> list[Any]:
    results = list(extractor.extract_many([(text, {}) for text in texts]))
    failed = [r for r in results if isinstance(r, Exception)]
    if failed:
        raise RuntimeError(f"extraction failed on {len(failed)} bench text(s): {failed[0]}")
    return results


def run_extract(ctx: BenchContext) -> dict[str, Any]:
    samples = interleave_languages(ctx.samples)
    texts = [s.text for s in samples]
    words = words_in(texts)
    extractor = ctx.extractor(use_encoder=False)
    by_lang = {lang: [s.text for s in samples if s.lang == lang] for lang in SPACY_PIPELINES}
    pipelines = {lang: ctx.spacy_full(lang) for lang, group in by_lang.items() if group}
    _extract_all(extractor, texts[:2])  # warm-up: lazy lexicons and first-call allocations
    for lang, nlp in pipelines.items():
        list(nlp.pipe(by_lang[lang][:1]))
    facts: dict[str, int] = {}

    def extract() -> None:
        facts["count"] = sum(len(r.facts) for r in _extract_all(extractor, texts))

    def spacy_full() -> None:
        for lang, nlp in pipelines.items():
            for _ in nlp.pipe(by_lang[lang]):
                pass

    seconds = interleaved({"extractor": extract, "spacy_full": spacy_full}, ctx.sizes.rounds)
    result: dict[str, Any] = {
        "status": "ok",
        "docs": len(texts),
        "words": words,
        "docs_by_lang": {lang: len(group) for lang, group in by_lang.items()},
        "extractor": {
            **throughput(words, seconds["extractor"]),
            "facts": facts["count"],
            "use_encoder": False,
        },
        "spacy_full": {
            **throughput(words, seconds["spacy_full"]),
            "pipelines": {lang: SPACY_PIPELINES[lang] for lang in pipelines},
        },
    }
    result["ratio_extractor_vs_spacy_full"] = ratio(
        result["extractor"]["words_per_s"], result["spacy_full"]["words_per_s"]
    )
    result["target_met"] = result["ratio_extractor_vs_spacy_full"] >= TARGET_EXTRACT_VS_SPACY
    return result


def render_extract(result: dict[str, Any]) -> list[str]:
    langs = ", ".join(f"{n} {lang}" for lang, n in result["docs_by_lang"].items())
    return [
        f"  {result['docs']} reports ({langs}), {result['words']:,} words, same texts for both",
        f"    {'Extractor(use_encoder=False).extract_many':<44}{wps(result['extractor'])}"
        f"  ({result['extractor']['facts']} facts)",
        f"    {'spaCy full default nlp.pipe (per language)':<44}{wps(result['spacy_full'])}",
        f"    ratio extraction / spaCy full: {times(result['ratio_extractor_vs_spacy_full'])}"
        f"  target ≥ 1×: {verdict(result['target_met'])}",
    ]


def run_summary(ctx: BenchContext) -> dict[str, Any]:
    from models.encoder import SentenceEncoder
    from models.summary import summarize

    samples = interleave_languages(ctx.samples)[: ctx.sizes.summary_docs]
    texts = [s.text for s in samples]
    with_encoder, without_encoder = ctx.extractor(True), ctx.extractor(False)
    encoder = SentenceEncoder()
    _extract_all(with_encoder, texts[:1])  # warm-up of torch's first forward pass
    results = _extract_all(with_encoder, texts)
    fact_dicts = [[f.to_dict() for f in r.facts] for r in results]

    def encode() -> None:
        for r in results:
            encoder.encode([r.text[s:e] for s, e in r.sentences])

    def summaries(with_embeddings: bool) -> Callable[[], None]:
        def run() -> None:
            for r, facts in zip(results, fact_dicts, strict=True):
                vectors = r.sentence_embeddings if with_embeddings else None
                summarize(r.text, r.sentences, facts, r.lang, embeddings=vectors)

        return run

    tasks = {
        "extract_with_encoder": lambda: _extract_all(with_encoder, texts),
        "extract_without_encoder": lambda: _extract_all(without_encoder, texts),
        "encoder_alone": encode,
        "summary_with_embeddings": summaries(True),
        "summary_without_embeddings": summaries(False),
    }
    seconds = {
        name: min(runs) for name, runs in interleaved(tasks, ctx.sizes.summary_rounds).items()
    }
    n = len(texts)
    core = seconds["extract_without_encoder"] - seconds["summary_without_embeddings"]
    cost = seconds["extract_with_encoder"] - core
    share = cost / core if core > 0 else None
    per_doc_ms = {name: round(1000 * s / n, 2) for name, s in seconds.items()}
    per_doc_ms["extraction_core"] = round(1000 * core / n, 2)
    per_doc_ms["summary_plus_encoder"] = round(1000 * cost / n, 2)
    return {
        "status": "ok",
        "docs": n,
        "words": words_in(texts),
        "sentences": sum(len(r.sentences) for r in results),
        "encoder": repr(encoder),
        "rounds": ctx.sizes.summary_rounds,
        "per_doc_ms": per_doc_ms,
        "share_summary_plus_encoder": None if share is None else round(share, 4),
        "share_encoder_alone": ratio(seconds["encoder_alone"], core),
        "share_summary_alone": ratio(seconds["summary_with_embeddings"], core),
        "encoder_end_to_end_slowdown": ratio(
            seconds["extract_with_encoder"], seconds["extract_without_encoder"]
        ),
        "target_met": None if share is None else share <= TARGET_SUMMARY_SHARE,
    }


def render_summary(result: dict[str, Any]) -> list[str]:
    ms = result["per_doc_ms"]
    return [
        f"  {result['docs']} reports, {result['words']:,} words, {result['sentences']} sentences;"
        f" per document (best of {result['rounds']} interleaved rounds):",
        f"    {'Extractor(use_encoder=True)':<44}{ms['extract_with_encoder']:>10.1f} ms",
        f"    {'Extractor(use_encoder=False)':<44}{ms['extract_without_encoder']:>10.1f} ms",
        f"    {'  of which summary without embeddings':<44}"
        f"{ms['summary_without_embeddings']:>10.1f} ms",
        f"    {'extraction core (no summary, no encoder)':<44}{ms['extraction_core']:>10.1f} ms",
        f"    {'summary + encoder (with − core)':<44}{ms['summary_plus_encoder']:>10.1f} ms",
        f"    {'  cross-check: encoder alone':<44}{ms['encoder_alone']:>10.1f} ms",
        f"    {'  cross-check: summary with embeddings':<44}"
        f"{ms['summary_with_embeddings']:>10.1f} ms",
        f"    share of extraction time: {percent(result['share_summary_plus_encoder'])}"
        f" (encoder alone {percent(result['share_encoder_alone'])},"
        f" summary alone {percent(result['share_summary_alone'])})"
        f"  target ≤ 30 %: {verdict(result['target_met'])}",
    ]
