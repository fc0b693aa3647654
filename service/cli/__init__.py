"""The ``rapport`` command line: one Typer app, one module per command group.

Each command module registers itself on ``app``; keeping them apart lets the
extraction, evaluation, service and batch commands grow without one big file.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    name="rapport",
    help="Read French and English market reports into typed, sourced facts.",
    no_args_is_help=True,
    add_completion=False,
)

# Command modules import ``app`` from here, so they must be imported after it exists.
from service.cli import commands as _commands  # noqa: E402,F401
