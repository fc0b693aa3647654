"""Import every command module so each registers its commands on the app."""

from __future__ import annotations

import importlib
import importlib.util

_COMMAND_MODULES = (
    "service.cli.extract_cmd",
    "service.cli.eval_cmd",
    "service.cli.serve_cmd",
    "service.cli.ingest_cmd",
    "service.cli.search_cmd",
)

for _name in _COMMAND_MODULES:
    # Skip only a module that does not exist; an import error inside one must surface.
    if importlib.util.find_spec(_name) is not None:
        importlib.import_module(_name)
