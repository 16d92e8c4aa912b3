#!/usr/bin/env bash
# Times the site generator against Hugo on the same 1,000 generated case
# studies and prints both, their ratio, and the compressed weight of the
# home page and a case-study page. Run from the repository root:
#   bash build/bench/site/run.sh
set -euo pipefail

if [[ ! -f go.mod || ! -d build/bench/site ]]; then
	echo "run.sh: run me from the repository root" >&2
	exit 2
fi
if ! command -v hugo >/dev/null 2>&1; then
	echo "run.sh: the site benchmark compares with Hugo, which is not installed." >&2
	echo "On Debian or Ubuntu: sudo apt-get install -y --no-install-recommends hugo" >&2
	echo "(--no-install-recommends keeps Hugo's recommended packages from bringing an old Go onto the PATH)" >&2
	exit 1
fi
go run ./build/bench/site "$@"
