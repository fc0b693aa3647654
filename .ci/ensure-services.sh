#!/usr/bin/env bash
# Start what the test suite and `make run` need and are not Python packages:
# a PostgreSQL server on 127.0.0.1:5432 and Debian's Chromium for the browser tests.
set -euo pipefail
here="$(dirname "$0")"
for step in "$here"/ensure-*.d/*.sh; do
  [ -e "$step" ] || continue
  bash "$step"
done
