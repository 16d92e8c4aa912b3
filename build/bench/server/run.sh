#!/usr/bin/env bash
# Load on the local server: wrk against `nexus serve` on loopback, for a
# case-study page and for sims.*.wasm, both asked for with brotli as a
# browser would. Prints requests per second, latency percentiles, errors
# (which must be 0) and the server's resident memory before the load,
# after it and at its peak.
#
# Run from the repository root: build/bench/server/run.sh
# DURATION (default 10s) and CONNECTIONS (default 64) tune the load.
set -euo pipefail

here=build/bench/server
if [[ ! -d $here ]]; then
	echo "run.sh: run from the repository root" >&2
	exit 2
fi
if ! command -v wrk >/dev/null 2>&1; then
	echo "run.sh: wrk is missing: sudo apt-get install -y wrk" >&2
	exit 1
fi
duration=${DURATION:-10s}
connections=${CONNECTIONS:-64}

tmp=$(mktemp -d)
server=
cleanup() {
	if [[ -n $server ]]; then
		kill "$server" 2>/dev/null || true
		wait "$server" 2>/dev/null || true
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT

go build -o "$tmp/nexus" ./build/nexus
# Port 0: the server picks a free one and prints it once the site is built.
"$tmp/nexus" serve --addr 127.0.0.1:0 --out "$tmp/public" >"$tmp/serve.log" 2>&1 &
server=$!
base=
for _ in $(seq 1 600); do
	base=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$tmp/serve.log" | head -n 1 || true)
	[[ -n $base ]] && break
	if ! kill -0 "$server" 2>/dev/null; then
		cat "$tmp/serve.log" >&2
		exit 1
	fi
	sleep 0.5
done
if [[ -z $base ]]; then
	echo "run.sh: nexus serve printed no address within 5 minutes" >&2
	exit 1
fi

rss() { awk -v k="$1" '$1 == k":" { printf "%.1f MB", $2 / 1024 }' "/proc/$server/status"; }
before=$(rss VmRSS)
# The peak from here on is the serving's, not the build's.
echo 5 >"/proc/$server/clear_refs" 2>/dev/null || true

study=$(cd "$tmp/public" && ls -d case-studies/*/ | head -n 1)
wasm=$(cd "$tmp/public" && ls assets/sims.*.wasm | head -n 1)

# load NAME PATH: one wrk run, summarised on one line; returns the errors.
errors=0
load() {
	local name=$1 path=$2 enc size
	read -r enc size < <(curl -s -o /dev/null -H 'Accept-Encoding: br, gzip' \
		-w '%header{content-encoding} %{size_download}\n' "$base/$path")
	# A generous client timeout: a late answer is latency, not an error.
	wrk -t2 -c"$connections" -d"$duration" --timeout 30s --latency -H 'Accept-Encoding: br, gzip' "$base/$path" >"$tmp/wrk.out"
	awk -v name="$name" -v path="/$path" -v enc="${enc:-identity}" -v size="$size" '
		function ms(v) {
			if (v ~ /us$/) return v / 1000
			if (v ~ /ms$/) return v + 0
			if (v ~ /s$/) return v * 1000
			return v
		}
		/^ +50%/ { p50 = ms($2) } /^ +75%/ { p75 = ms($2) } /^ +90%/ { p90 = ms($2) } /^ +99%/ { p99 = ms($2) }
		/requests in/ { n = $1 }
		/Socket errors/ { detail = $0; gsub(",", ""); err += $4 + $6 + $8 + $10 }
		/Non-2xx or 3xx/ { err += $5 }
		/^Requests\/sec/ { rps = $2 }
		/^Transfer\/sec/ { tps = $2 }
		END {
			printf "  %-10s %s (%s, %.1f KB)\n", name, path, enc, size / 1024
			printf "             %.0f req/s, %s/s; latency ms p50 %.2f  p75 %.2f  p90 %.2f  p99 %.2f; %d requests, %d errors\n", rps, tps, p50, p75, p90, p99, n, err
			if (detail != "") print "           " detail
			exit (err > 0)
		}
	' "$tmp/wrk.out" || errors=$((errors + 1))
}

echo "server: wrk, 2 threads, $connections connections, $duration per URL, against nexus serve at $base"
load "case study" "$study"
load "sims.wasm" "$wasm"
echo "  memory     resident before the load $before, after $(rss VmRSS), peak during it $(rss VmHWM)"
if ((errors > 0)); then
	echo "server: errors under load" >&2
	exit 1
fi
