// peerdata.js writes random circuits and the probabilities that the npm
// package quantum-circuit computes for them into
// sim/quantum/testdata/peer/circuits.json, for the cross-check in
// sim/quantum/peer_test.go. Run it from the repository root:
//
//	NODE_PATH=build/node/node_modules node build/bench/quantum/peerdata.js
//
// The circuits are drawn from a fixed seed, so running it again gives the
// same file unless the peer's results change.
"use strict";

const fs = require("fs");
const path = require("path");
const QuantumCircuit = require("quantum-circuit");

// mulberry32: a small seeded generator, so the file is reproducible.
function rng(seed) {
	return function () {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

// Gates both simulators have: the peer's name, OpenQASM's name, qubits.
const gates = [
	["id", "id", 1], ["x", "x", 1], ["y", "y", 1], ["z", "z", 1], ["h", "h", 1],
	["s", "s", 1], ["sdg", "sdg", 1], ["t", "t", 1], ["tdg", "tdg", 1], ["srn", "sx", 1],
	["rx", "rx", 1], ["ry", "ry", 1], ["rz", "rz", 1], ["u1", "u1", 1], ["u2", "u2", 1], ["u3", "u3", 1],
	["cx", "cx", 2], ["cy", "cy", 2], ["cz", "cz", 2], ["ch", "ch", 2], ["swap", "swap", 2], ["csrn", "csx", 2],
	["crx", "crx", 2], ["cry", "cry", 2], ["crz", "crz", 2], ["cu1", "cu1", 2], ["cu3", "cu3", 2], ["zz", "rzz", 2],
	["ccx", "ccx", 3], ["cswap", "cswap", 3],
];

const next = rng(20240601);
const circuits = [];
for (let k = 0; k < 24; k++) {
	const n = 2 + (k % 7);
	const count = 15 + Math.floor(next() * 45);
	const qc = new QuantumCircuit(n);
	const lines = ["OPENQASM 2.0;", 'include "qelib1.inc";', `qreg q[${n}];`];
	for (let g = 0; g < count; g++) {
		const usable = gates.filter((x) => x[2] <= n);
		const [peer, name, arity] = usable[Math.floor(next() * usable.length)];
		const wires = [];
		while (wires.length < arity) {
			const q = Math.floor(next() * n);
			if (!wires.includes(q)) wires.push(q);
		}
		const params = {};
		const values = [];
		for (const p of qc.basicGates[peer].params) {
			const v = (next() * 2 - 1) * 2 * Math.PI;
			params[p] = v;
			values.push(v);
		}
		qc.addGate(peer, -1, wires, { params });
		const args = wires.map((q) => `q[${q}]`).join(", ");
		const ps = values.length ? "(" + values.map((v) => String(v)).join(", ") + ")" : "";
		lines.push(`${name}${ps} ${args};`);
	}
	qc.run();
	const probs = new Array(1 << n).fill(0);
	for (const [i, a] of Object.entries(qc.state)) {
		probs[Number(i)] = a.re * a.re + a.im * a.im;
	}
	circuits.push({ qubits: n, qasm: lines.join("\n") + "\n", probabilities: probs });
}

const out = path.join("sim", "quantum", "testdata", "peer", "circuits.json");
fs.writeFileSync(out, JSON.stringify({ generator: "build/bench/quantum/peerdata.js", peer: "quantum-circuit 0.9.250", circuits }, null, 1) + "\n");
console.log(`wrote ${circuits.length} circuits to ${out}`);
