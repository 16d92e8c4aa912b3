#!/usr/bin/env bash
# Lighthouse mobile scores and the throttled time until a simulation is
# ready. Run from the repository root: bash build/bench/reach/run.sh
set -euo pipefail
[[ -f go.mod ]] || { echo "run.sh: run me from the repository root" >&2; exit 2; }
[[ -d build/node/node_modules/lighthouse ]] || npm ci --prefix build/node --no-audit --no-fund >&2
go run ./build/bench/reach "$@"
