"""Section 1: the figure layer against spaCy's full pipeline and Recognizers-Text.

Same texts for all three, per language: every sample report of the language, each
whole report given to each tool as one input. spaCy runs ``nlp.pipe`` with every
default component. Recognizers-Text runs its currency and percentage models (built
once, warmed up, then only ``model.parse`` is timed), which is what the figure layer
does in part: it also reads counts, multiples, moves, ranges, chip specs and periods.
Targets (issue 2): ≥ 20× Recognizers-Text, and no slower than spaCy's pipeline.
"""

from __future__ import annotations

import importlib.util
import time
from collections.abc import Callable
from typing import Any

from service.bench.context import SPACY_PIPELINES, BenchContext
from service.bench.fmt import times, verdict, wps
from service.bench.measure import interleaved, ratio, repeated, repeats_for, throughput
from service.bench.texts import of_language

TARGET_VS_RECOGNIZERS = 20.0
TARGET_VS_SPACY = 1.0
RECOGNIZERS_MISSING = (
    "Recognizers-Text is not installed (bench-only dependency: bash .ci/setup-bench.sh .venv)"
)


def _recognizers(lang: str) -> tuple[Callable[[str], int], float] | None:
    """A function counting currency + percentage matches in a text, and its build time."""
    if importlib.util.find_spec("recognizers_number_with_unit") is None:
        return None
    from recognizers_number import NumberRecognizer
    from recognizers_number_with_unit import NumberWithUnitRecognizer
    from recognizers_text import Culture

    culture = Culture.French if lang == "fr" else Culture.English
    start = time.perf_counter()
    currency = NumberWithUnitRecognizer(culture).get_currency_model(culture)
    percentage = NumberRecognizer(culture).get_percentage_model(culture)

    def recognize(text: str) -> int:
        return len(currency.parse(text)) + len(percentage.parse(text))

    # The first parse compiles the models' regexes: part of building, not of reading.
    recognize("Le chiffre d'affaires a progressé de 13 % à 4,2 milliards d'euros.")
    return recognize, time.perf_counter() - start


def _language_row(ctx: BenchContext, lang: str) -> dict[str, Any] | None:
    from models.figures import find_figures

    texts = [s.text for s in of_language(ctx.samples, lang)]
    if not texts:
        return None
    words = sum(len(t.split()) for t in texts)
    nlp = ctx.spacy_full(lang)
    list(nlp.pipe(texts[:1]))  # warm-up: first-call allocations are not throughput
    counts: dict[str, int] = {}

    def figure_layer() -> None:
        counts["figure_layer"] = sum(len(find_figures(t, lang)) for t in texts)

    def spacy_full() -> None:
        counts["spacy_entities"] = sum(len(doc.ents) for doc in nlp.pipe(texts))

    tasks: dict[str, Callable[[], object]] = {}
    repeats = {"figure_layer": repeats_for(figure_layer, ctx.sizes.min_round_seconds)}
    tasks["figure_layer"] = repeated(figure_layer, repeats["figure_layer"])
    tasks["spacy_full"] = spacy_full
    repeats["spacy_full"] = 1
    recognizers = _recognizers(lang)
    if recognizers is not None:
        recognize, build_seconds = recognizers

        def recognizers_text() -> None:
            counts["recognizers_matches"] = sum(recognize(t) for t in texts)

        tasks["recognizers_text"] = recognizers_text
        repeats["recognizers_text"] = 1
    seconds = interleaved(tasks, ctx.sizes.rounds)
    row: dict[str, Any] = {"docs": len(texts), "words": words}
    for name, runs in seconds.items():
        row[name] = throughput(words, runs, repeats[name])
    row["figure_layer"]["figures"] = counts["figure_layer"]
    row["spacy_full"]["pipeline"] = SPACY_PIPELINES[lang]
    row["spacy_full"]["components"] = list(nlp.pipe_names)
    row["spacy_full"]["entities"] = counts["spacy_entities"]
    ours = row["figure_layer"]["words_per_s"]
    row["ratios"] = {"figure_layer_vs_spacy_full": ratio(ours, row["spacy_full"]["words_per_s"])}
    if recognizers is None:
        row["recognizers_text"] = {"skipped": RECOGNIZERS_MISSING}
        row["ratios"]["figure_layer_vs_recognizers"] = None
    else:
        row["recognizers_text"]["models"] = ["currency", "percentage"]
        row["recognizers_text"]["matches"] = counts["recognizers_matches"]
        row["recognizers_text"]["build_seconds"] = round(build_seconds, 2)
        rt = row["recognizers_text"]["words_per_s"]
        row["ratios"]["figure_layer_vs_recognizers"] = ratio(ours, rt)
    row["targets"] = _targets(row["ratios"])
    return row


def _targets(ratios: dict[str, float | None]) -> dict[str, bool | None]:
    vs_rt = ratios["figure_layer_vs_recognizers"]
    return {
        "vs_recognizers_ge_20x": None if vs_rt is None else vs_rt >= TARGET_VS_RECOGNIZERS,
        "vs_spacy_ge_1x": ratios["figure_layer_vs_spacy_full"] >= TARGET_VS_SPACY,
    }


def run(ctx: BenchContext) -> dict[str, Any]:
    if importlib.util.find_spec("models.figures") is None:
        return {"status": "skipped", "reason": "models.figures is not in the tree"}
    languages = {}
    for lang in ("fr", "en"):
        row = _language_row(ctx, lang)
        if row is not None:
            languages[lang] = row
    if not languages:
        return {"status": "skipped", "reason": f"no French or English sample in {ctx.samples_dir}"}
    return {"status": "ok", "languages": languages}


def render(result: dict[str, Any]) -> list[str]:
    lines = []
    for lang, row in result["languages"].items():
        head = f"  [{lang}] {row['docs']} reports, {row['words']:,} words, same texts for each tool"
        lines.append(head)
        lines.append(
            f"    {'figure layer (models.figures)':<44}{wps(row['figure_layer'])}"
            f"  ({row['figure_layer']['figures']} figures)"
        )
        spacy = row["spacy_full"]
        lines.append(
            f"    {'spaCy ' + spacy['pipeline'] + ' full nlp.pipe':<44}{wps(spacy)}"
            f"  ({len(spacy['components'])} components)"
        )
        rt = row["recognizers_text"]
        label = "Recognizers-Text currency+percentage"
        if "skipped" in rt:
            lines.append(f"    {label:<44}skipped: {rt['skipped']}")
        else:
            lines.append(f"    {label:<44}{wps(rt)}  ({rt['matches']} matches)")
        ratios, targets = row["ratios"], row["targets"]
        lines.append(
            f"    ratio figure layer / spaCy full: {times(ratios['figure_layer_vs_spacy_full'])}"
            f"  target ≥ 1×: {verdict(targets['vs_spacy_ge_1x'])}"
        )
        vs_rt = ratios["figure_layer_vs_recognizers"]
        lines.append(
            f"    ratio figure layer / Recognizers-Text: {times(vs_rt)}"
            f"  target ≥ 20×: {verdict(targets['vs_recognizers_ge_20x'])}"
        )
    return lines
