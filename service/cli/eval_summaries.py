"""``rapport eval --summaries``: the summaries against the summary gold set.

Each gold file (``corpus/summaries/*.json``) names a document, its language, its
3-5 headline facts and a 2-3 sentence reference summary written before looking
at any output. For every document the real extractor runs once; then

* headline coverage: share of headline facts found among the key facts the
  summarizer's key-fact lines show (``result.summary_fact_lines``: each line's
  lead and the growth, companions, other periods and ranking peers printed with
  it, models/fact_lines.py), target >= 0.8; beside it the same share over the
  leads and their growths only (what a one-figure line would show), and over all
  extracted facts, the ceiling a perfect selection would reach;
* ROUGE-1/2 F of the extractive summary against the reference, beside the
  lead-3 baseline (the document's first three sentences, as they are) computed
  from the same extraction in the same run, so the two always share the text,
  the sentence splitter and the tokenizer;
* human agreement, where a second annotator picked five headline facts of the
  same documents without seeing the gold (``<gold folder>/second/*.json``): the
  share of gold headline facts among their picks, scored like ours. It says how
  far one careful reader's choice predicts another's, the level past which a
  higher coverage fits one annotator rather than the task.

Scores are macro averages over documents, per language and overall.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from models.errors import RapportError
from models.evaluation.summaries import headline_coverage, lead_k, rouge_n
from models.key_fact_ranker import default_ranker
from service.ingest.files import read_document

SUMMARY_GOLD = Path("corpus/summaries")
SECOND_ANNOTATOR_DIR = "second"  # sub-folder of the gold folder
PRICE_METRICS = ("price_target", "share_price")  # money per share, written as money
PER_SHARE = "/share"
AGREEMENT = "second_annotator"  # the score's name in reports
COVERAGE_TARGET = 0.8
LEAD_K = 3
SCORES = (
    "coverage",
    "coverage_leads",
    "coverage_ceiling",
    "ours_rouge1",
    "ours_rouge2",
    "lead3_rouge1",
    "lead3_rouge2",
)


class SummaryGoldError(ValueError):
    """A gold file or the document it names cannot be used."""


def load_summary_gold(summaries_dir: Path) -> list[dict[str, Any]]:
    files = sorted(summaries_dir.glob("*.json"))
    if not files:
        raise SummaryGoldError(f"no summary gold files in {summaries_dir}")
    records = []
    for path in files:
        record = json.loads(path.read_text(encoding="utf-8"))
        missing = [
            key for key in ("doc", "lang", "headline_facts", "reference") if key not in record
        ]
        if missing:
            raise SummaryGoldError(f"{path.name}: missing {', '.join(missing)}")
        records.append(record)
    return records


def load_second_annotations(summaries_dir: Path) -> dict[str, list[dict[str, Any]]]:
    """The second annotator's headline facts by document name; empty when there are none."""
    folder = summaries_dir / SECOND_ANNOTATOR_DIR
    annotations: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        record = json.loads(path.read_text(encoding="utf-8"))
        facts = record.get("headline_facts") if isinstance(record, dict) else None
        if not isinstance(facts, list) or not facts or "doc" not in record:
            raise SummaryGoldError(
                f"{SECOND_ANNOTATOR_DIR}/{path.name}: needs doc and headline_facts"
            )
        annotations[record["doc"]] = [_contract_units(fact) for fact in facts]
    return annotations


def _contract_units(fact: dict[str, Any]) -> dict[str, Any]:
    """A second annotator's pick in the contract's units: a share price or a price target
    is money ("EUR"), though a reader writes it per share ("EUR/share", as FACTS.md writes
    an EPS), so that notation alone does not count as a disagreement."""
    unit = str(fact.get("unit") or "")
    if fact.get("metric") in PRICE_METRICS and unit.endswith(PER_SHARE):
        return {**fact, "unit": unit.removesuffix(PER_SHARE)}
    return fact


def score_summary(
    record: Mapping[str, Any], result: Any, second: Sequence[Mapping[str, Any]] | None = None
) -> dict[str, Any]:
    """One document's scores from one ``ExtractionResult`` (and a second annotator's picks)."""
    lang, reference = record["lang"], record["reference"]
    facts = [fact.to_dict() for fact in result.facts]
    # Every fact a key-fact line shows counts: its lead, and the growth, margin, other
    # periods or ranking peers printed with it ("… 167,7 Md$ (+13 % sur un an)").
    lines = result.summary_fact_lines
    key_facts = [facts[i] for line in lines for i in line.members]
    # The leads alone, as a line showed before lines carried more than a growth.
    leads = [facts[line.lead] for line in lines]
    leads += [facts[line.growths[line.lead]] for line in lines if line.lead in line.growths]
    ours = " ".join(result.summary.get("sentences") or [])
    sentences = [result.text[start:end].strip() for start, end in result.sentences]
    lead = " ".join(lead_k(sentences, LEAD_K))
    return {
        "doc": record["doc"],
        "lang": lang,
        "headline_facts": len(record["headline_facts"]),
        "coverage": headline_coverage(record["headline_facts"], key_facts),
        "coverage_leads": headline_coverage(record["headline_facts"], leads),
        # The same share over every extracted fact: what a perfect selection could reach.
        "coverage_ceiling": headline_coverage(record["headline_facts"], facts),
        "ours_rouge1": rouge_n(ours, reference, 1, lang)["f"],
        "ours_rouge2": rouge_n(ours, reference, 2, lang)["f"],
        "lead3_rouge1": rouge_n(lead, reference, 1, lang)["f"],
        "lead3_rouge2": rouge_n(lead, reference, 2, lang)["f"],
        AGREEMENT: (
            None if second is None else headline_coverage(record["headline_facts"], second)
        ),
    }


def aggregate(rows: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Macro averages of a set of documents, and whether ours beats lead-3 on both ROUGEs."""
    if not rows:
        return {"documents": 0}
    out: dict[str, Any] = {"documents": len(rows)}
    for name in SCORES:
        out[name] = round(sum(row[name] for row in rows) / len(rows), 4)
    agreement = [row[AGREEMENT] for row in rows if row.get(AGREEMENT) is not None]
    out[AGREEMENT] = round(sum(agreement) / len(agreement), 4) if agreement else None
    out["coverage_target_met"] = out["coverage"] >= COVERAGE_TARGET
    out["beats_lead3"] = (
        out["ours_rouge1"] > out["lead3_rouge1"] and out["ours_rouge2"] > out["lead3_rouge2"]
    )
    return out


def extracted_gold(
    summaries_dir: Path, docs_dir: Path, extractor: Any
) -> Iterator[tuple[dict[str, Any], Any]]:
    """Each summary gold record with the extractor's result on the document it names."""
    for record in load_summary_gold(summaries_dir):
        document = read_document(docs_dir / record["doc"])
        if isinstance(document, RapportError):
            raise SummaryGoldError(f"{record['doc']}: {document.message}")
        yield record, extractor.extract(document.text, lang=record["lang"], source=record["doc"])


def evaluate_summaries(
    summaries_dir: Path,
    docs_dir: Path,
    extractor: Any,
    on_document: Callable[[str], Any] | None = None,
) -> dict[str, Any]:
    """Score ``extractor`` (a loaded ``models.Extractor``) on every summary gold file.

    Returns ``{"encoder", "documents": [per-document scores], "by_lang": {"fr", "en"},
    "all", "seconds"}``; the extractor is used as it is (encoder on or off).
    """
    rows = []
    started = time.perf_counter()
    second = load_second_annotations(summaries_dir)
    for record, result in extracted_gold(summaries_dir, docs_dir, extractor):
        rows.append(score_summary(record, result, second.get(record["doc"])))
        if on_document is not None:
            on_document(record["doc"])
    languages = sorted({row["lang"] for row in rows})
    return {
        "encoder": bool(getattr(extractor, "use_encoder", False)),
        "documents": rows,
        "by_lang": {lang: aggregate([r for r in rows if r["lang"] == lang]) for lang in languages},
        "all": aggregate(rows),
        "seconds": round(time.perf_counter() - started, 2),
    }


def print_summary_report(console: Console, runs: Iterable[Mapping[str, Any]]) -> None:
    """One table: a row per (encoder setting, language), ours beside lead-3."""
    table = Table(title="rapport eval --summaries", title_justify="left")
    headers = ("encoder", "set", "docs", "coverage", "leads only", "ceiling", "2nd annotator",
               "R-1 ours",
               "R-1 lead-3", "R-2 ours", "R-2 lead-3", "beats lead-3")  # fmt: skip
    for header in headers:
        table.add_column(header, justify="left" if header in ("encoder", "set") else "right")
    for run in runs:
        setting = "on" if run["encoder"] else "off"
        for name, scores in [*run["by_lang"].items(), ("all", run["all"])]:
            if not scores.get("documents"):
                continue
            coverage = f"{scores['coverage']:.3f}"
            if not scores["coverage_target_met"]:
                coverage = f"[red]{coverage}[/red]"
            table.add_row(
                setting,
                name,
                str(scores["documents"]),
                coverage,
                f"{scores['coverage_leads']:.3f}",
                f"{scores['coverage_ceiling']:.3f}",
                "—" if scores[AGREEMENT] is None else f"{scores[AGREEMENT]:.3f}",
                f"{scores['ours_rouge1']:.3f}",
                f"{scores['lead3_rouge1']:.3f}",
                f"{scores['ours_rouge2']:.3f}",
                f"{scores['lead3_rouge2']:.3f}",
                "yes" if scores["beats_lead3"] else "[red]no[/red]",
            )
    console.print(table)
    console.print(
        f"coverage: share of headline facts among the facts the key-fact lines show "
        f"(target >= {COVERAGE_TARGET}); leads only: among each line's lead and its growth; "
        "ceiling: the same share over every extracted fact; "
        "2nd annotator: the same share among a second reader's five picks, made blind; "
        "ROUGE: F1 against the reference; lead-3: the first three sentences, same run."
    )
    about = default_ranker().about
    if "coverage_cross_validated" in about:
        # dev documents taught the ranker: their coverage is in-sample, this one is not
        console.print(
            f"key-fact ranker trained on {about['trained_on']}: coverage "
            f"{about['coverage_cross_validated']:.3f} on held-back folds "
            f"(hand score alone {about['coverage_hand_score']:.3f})."
        )


def run_summary_eval(
    summaries_dir: Path,
    docs_dir: Path,
    as_json: bool,
    build_extractor: Callable[[bool], Any],
    console: Console | None = None,
) -> list[dict[str, Any]]:
    """Both encoder settings in one run: ``build_extractor(use_encoder)`` gives a loaded one."""
    console = console or Console(width=160)
    progress = Console(stderr=True)
    runs = []
    for use_encoder in (True, False):
        extractor = build_extractor(use_encoder)
        label = "on" if use_encoder else "off"
        with progress.status(f"summaries, encoder {label}…") as status:
            try:
                runs.append(
                    evaluate_summaries(
                        summaries_dir,
                        docs_dir,
                        extractor,
                        on_document=lambda doc, s=status, lb=label: s.update(
                            f"encoder {lb}: {doc}"
                        ),
                    )
                )
            except SummaryGoldError as problem:
                progress.print(f"[red]error[/red]: {problem}")
                raise typer.Exit(2) from None
    if as_json:
        sys.stdout.write(json.dumps({"runs": runs}, indent=2) + "\n")
    else:
        print_summary_report(console, runs)
    return runs
