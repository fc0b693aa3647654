#!/usr/bin/env bash
# Create the virtualenv and install Rapport with its test and Ray extras.
# torch is pinned to the CPU wheel (2.13.0); see STACK.md for why nothing else may pull it.
set -euo pipefail
py="${1:-python3}"
venv="${2:-.venv}"
if [ ! -x "$venv/bin/python" ]; then
  "$py" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet -e '.[dev,ray]'
