#!/usr/bin/env bash
# Benchmarks the quantum engine against the npm package quantum-circuit
# and prints the table: ns per amplitude per gate for the peer (Node) and
# for our engine in WebAssembly (Node) at 8–14 qubits, ours alone at
# 16–24 natively and in WebAssembly, and the ratios the budgets ask for.
# Run from the repository root: bash build/bench/quantum/run.sh
set -euo pipefail

root=$(pwd)
if [[ ! -f "$root/go.mod" || ! -d "$root/build/bench/quantum" ]]; then
	echo "run.sh: run me from the repository root" >&2
	exit 2
fi
node_modules="$root/build/node/node_modules"
if [[ ! -d "$node_modules/quantum-circuit" ]]; then
	npm ci --prefix "$root/build/node" >&2
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/bench" ./build/bench/quantum
GOOS=js GOARCH=wasm go build -o "$tmp/bench.wasm" ./build/bench/quantum
wasm_exec="$(go env GOROOT)/lib/wasm/wasm_exec_node.js"

for n in 8 10 12 14; do
	"$tmp/bench" -emit "$n" >"$tmp/circuit-$n.json"
done

echo "quantum: timing quantum-circuit (npm) at 8–14 qubits…" >&2
NODE_PATH="$node_modules" node --no-warnings "$root/build/bench/quantum/peer.js" \
	"$tmp"/circuit-{8,10,12,14}.json >"$tmp/peer.jsonl"

echo "quantum: timing our engine in WebAssembly under Node…" >&2
node "$wasm_exec" "$tmp/bench.wasm" -label wasm -sizes 8,10,12,14,16,18,20,22,24 -reference 20 >"$tmp/wasm.jsonl"

echo "quantum: timing our engine natively…" >&2
"$tmp/bench" -label native -workers 1 -sizes 8,10,12,14,16,18,20,22,24 >"$tmp/native1.jsonl"
"$tmp/bench" -label native -workers 0 -sizes 16,18,20,22,24 >"$tmp/nativeN.jsonl"

"$tmp/bench" -report "$tmp/peer.jsonl" "$tmp/wasm.jsonl" "$tmp/native1.jsonl" "$tmp/nativeN.jsonl"
