#!/usr/bin/env bash
# The neural-network playground's frame rate and training speed while it
# trains in headless Chromium. Run from the repository root:
# bash build/bench/learnfps/run.sh
set -euo pipefail
[[ -f go.mod ]] || { echo "run.sh: run me from the repository root" >&2; exit 2; }
go run ./build/bench/learnfps "$@"
