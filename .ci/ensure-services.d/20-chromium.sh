#!/usr/bin/env bash
# Debian's Chromium at /usr/bin/chromium: the browser tests (tests/web/) drive it
# through Playwright's executable_path. Never `playwright install` (it downloads a
# browser from a CDN and fails offline). A no-op when Chromium is already there.
set -euo pipefail

chromium=/usr/bin/chromium

if [ -x "$chromium" ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "$chromium is missing and installing Debian's chromium needs root." >&2
  exit 1
fi

echo "Installing Debian's chromium package..."
export DEBIAN_FRONTEND=noninteractive
# One index refresh per run; the postgres step may have done one already, which is harmless.
apt-get update -qq
apt-get install -y -qq chromium >/dev/null

if [ ! -x "$chromium" ]; then
  echo "apt-get installed chromium but $chromium is still missing." >&2
  exit 1
fi
"$chromium" --version
