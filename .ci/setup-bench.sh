#!/usr/bin/env bash
# Install what only `make bench` needs into the virtualenv: Microsoft Recognizers-Text
# (the comparison baseline of the figure layer). Its last PyPI release (1.0.2a2) imports
# `emoji` APIs removed in emoji 2.x, hence the pin. Nothing else heavy comes with it
# (its other dependencies are regex, multipledispatch, grapheme and datedelta).
# Idempotent: a venv that already imports it is left alone, so repeated runs are offline.
set -euo pipefail
venv="${1:-.venv}"
py="$venv/bin/python"
if [ ! -x "$py" ]; then
  echo "setup-bench: no virtualenv at '$venv' (run 'make setup' first)" >&2
  exit 1
fi
if "$py" - <<'PY' 2>/dev/null
import importlib.metadata as md
import sys

wanted = {"recognizers-text-suite": "1.0.2a2", "emoji": "1.7.0"}
sys.exit(0 if all(md.version(name) == version for name, version in wanted.items()) else 1)
PY
then
  echo "setup-bench: Recognizers-Text 1.0.2a2 already installed"
  exit 0
fi
echo "setup-bench: installing Recognizers-Text 1.0.2a2 (+ emoji 1.7.0) for the bench"
"$py" -m pip install --quiet "recognizers-text-suite==1.0.2a2" "emoji==1.7.0"
