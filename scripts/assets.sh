#!/usr/bin/env bash
# `make assets`: build the JavaScript and the stylesheet of client/ into indico_oewg/static/dist (committed, so installing
# needs no Node).
# Arguments go to scripts/build-assets.mjs, e.g. `--out DIR` to build elsewhere.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

command -v npm >/dev/null 2>&1 || die "Node.js and npm are needed to build the assets (apt-get install nodejs npm)."
# (axe-core too: the accessibility test injects its axe.min.js into the pages)
if [[ ! -d node_modules/esbuild || ! -f node_modules/axe-core/axe.min.js ||
      package-lock.json -nt node_modules/.package-lock.json ]]; then
    log "Installing the pinned esbuild and axe-core (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
fi
node scripts/build-assets.mjs "$@"
