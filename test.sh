#!/usr/bin/env bash
# README's one test command: sets up what it can on a fresh Debian machine, then runs every test.
# .ci/run calls this same script (issue 14, §4).
set -euo pipefail
cd "$(dirname "$0")"

# Chromium for the browser tests: Playwright drives Debian's build and never downloads its own.
if [ ! -x /usr/bin/chromium ]; then
  install="apt-get update && apt-get install -y chromium"
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "test.sh: /usr/bin/chromium is missing; installing it with: $install"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium >/dev/null
  else
    echo "test.sh: /usr/bin/chromium is missing and this script cannot install it (it needs root and apt-get)." >&2
    echo "Run this, then run ./test.sh again:" >&2
    echo "  sudo sh -c '$install'" >&2
    exit 1
  fi
fi
command -v node >/dev/null || {
  echo "test.sh: node is required (the theme's nhsuk-frontend and the tincanjs test client come from npm)." >&2
  echo "Run: sudo apt-get install -y nodejs npm" >&2
  exit 1
}

dotnet tool restore
dotnet test Academy.sln "$@"
