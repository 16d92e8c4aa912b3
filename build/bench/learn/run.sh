#!/usr/bin/env bash
# Times one training epoch of the 2-8-8-1 tanh network on 500 spiral
# points, batches of 10, plain SGD, in four implementations side by side:
# the learn engine compiled to WebAssembly and run under Node, the same Go
# natively (for reference), TensorFlow.js on its CPU back end (trained the
# usual way with optimizer.minimize, and with a hand-written backward
# pass), and a plain JavaScript network written the way TensorFlow
# Playground writes its own. Prints milliseconds per epoch and the ratios.
#
# Run from the repository root: build/bench/learn/run.sh
set -euo pipefail

here=build/bench/learn
node_modules=build/node/node_modules
if [[ ! -d $here ]]; then
	echo "run.sh: run from the repository root" >&2
	exit 2
fi
if [[ ! -d $node_modules/@tensorflow/tfjs-core ]]; then
	npm ci --prefix build/node >&2
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

goroot=$(go env GOROOT)
GOOS=js GOARCH=wasm go build -trimpath -ldflags='-s -w' -o "$tmp/epoch.wasm" ./$here/epoch
go build -trimpath -o "$tmp/epoch" ./$here/epoch
"$tmp/epoch" -dump >"$tmp/points.json"

# Each program prints "NAME MS ...", MS being the median wall time per
# epoch of its timed rounds after warm-up epochs. The whole set runs three
# times, interleaved, and the fastest run of each counts, which damps
# noise from other work on the machine.
wasm_exec=$goroot/lib/wasm/go_js_wasm_exec
for pass in 1 2 3; do
	"$wasm_exec" "$tmp/epoch.wasm" -name go-wasm
	"$tmp/epoch" -name go-native
	node "$here/playground.js" "$tmp/points.json"
	NODE_PATH=$node_modules node "$here/tfjs.js" "$tmp/points.json" manual
	NODE_PATH=$node_modules node --import "./$here/resolve-register.mjs" "$here/tfjs.js" "$tmp/points.json" minimize
done >"$tmp/results"

awk '
	{ if (!($1 in ms) || $2 < ms[$1]) ms[$1] = $2 }
	END {
		printf "learn: ms per epoch, 2-8-8-1 tanh net, 500 spiral points, batch 10, SGD\n"
		n = split("go-wasm go-native plain-js tfjs-cpu-manual tfjs-cpu-minimize", order, " ")
		for (i = 1; i <= n; i++) printf "  %-20s %9.3f ms\n", order[i], ms[order[i]]
		w = ms["go-wasm"]
		printf "ratios (how many times faster go-wasm is):\n"
		r = ms["tfjs-cpu-minimize"] / w
		printf "  vs tfjs-cpu, optimizer.minimize     %6.1fx  (target >= 25x: %s)\n", r, (r >= 25 ? "met" : "NOT MET")
		printf "  vs tfjs-cpu, hand-written backward  %6.1fx  (tfjs at its best)\n", ms["tfjs-cpu-manual"] / w
		r = ms["plain-js"] / w
		printf "  vs plain JS, Playground style       %6.1fx  (target > 1x: %s)\n", r, (r > 1 ? "met" : "NOT MET")
		printf "  go-wasm vs go-native                %6.1fx slower\n", w / ms["go-native"]
	}
' "$tmp/results"
