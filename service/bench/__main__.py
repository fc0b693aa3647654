"""``python -m service.bench [--only figures,extract,summary,api,batch] [--quick]``."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

from service.bench.context import BenchContext
from service.bench.runner import SECTION_NAMES, run
from service.bench.texts import default_samples_dir


def _sections(value: str) -> tuple[str, ...]:
    names = tuple(n.strip() for n in value.split(",") if n.strip())
    unknown = [n for n in names if n not in SECTION_NAMES]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown section(s) {unknown or value!r}; choose among {', '.join(SECTION_NAMES)}"
        )
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m service.bench",
        description="Measure Rapport's speed and memory against baselines run side by side.",
    )
    parser.add_argument(
        "--only",
        type=_sections,
        default=SECTION_NAMES,
        help=f"comma-separated sections among: {','.join(SECTION_NAMES)}",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="small sizes and one round, for development (numbers are noisy)",
    )
    parser.add_argument(
        "--samples",
        type=Path,
        default=None,
        help="folder of .txt reports (fr_*/en_* or detected); default corpus/samples",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=Path("bench-results.json"),
        help="where to write every number as JSON",
    )
    parser.add_argument(
        "--batch-encoder",
        action="store_true",
        help="run the batch throughput runs with the encoder (default config; much slower)",
    )
    parser.add_argument(
        "--keep-workdir",
        action="store_true",
        help="keep the temporary folder (databases, server and ingest logs) for inspection",
    )
    args = parser.parse_args(argv)
    # Never fetch weights: the encoder and spaCy pipelines are installed packages.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    ctx = BenchContext(
        samples_dir=args.samples or default_samples_dir(),
        quick=args.quick,
        batch_with_encoder=args.batch_encoder,
    )
    try:
        return run(ctx, args.only, args.output)
    finally:
        if args.keep_workdir:
            print(f"Work folder kept: {ctx.workdir}", file=sys.stderr)
        else:
            shutil.rmtree(ctx.workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
