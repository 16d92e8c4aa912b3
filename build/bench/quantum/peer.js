// peer.js times the npm package quantum-circuit on the benchmark circuits
// that "quantum -emit N" prints, and prints one JSON line per circuit in
// the format the report reads. Usage:
//
//	NODE_PATH=build/node/node_modules node peer.js CIRCUIT.json...
"use strict";

const fs = require("fs");
const QuantumCircuit = require("quantum-circuit");

const minSeconds = 1;

for (const file of process.argv.slice(2)) {
	const spec = JSON.parse(fs.readFileSync(file, "utf8"));
	const build = () => {
		const qc = new QuantumCircuit(spec.qubits);
		for (const g of spec.gates) {
			const options = {};
			if (g.params) {
				const names = qc.basicGates[g.name].params;
				options.params = {};
				g.params.forEach((v, i) => { options.params[names[i]] = v; });
			}
			qc.addGate(g.name, -1, g.qubits, options);
		}
		return qc;
	};
	let reps = 0;
	let total = 0;
	while (reps === 0 || total < minSeconds) {
		const qc = build();
		const start = process.hrtime.bigint();
		qc.run();
		total += Number(process.hrtime.bigint() - start) / 1e9;
		reps++;
	}
	console.log(JSON.stringify({ engine: "peer", label: "node", qubits: spec.qubits, gates: spec.gates.length, reps, seconds: total / reps }));
}
