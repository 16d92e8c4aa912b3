// Package qasmcli implements the nexus qasm command: it runs OpenQASM 2.0
// programs on the simulator of nexuslab/sim/quantum and prints the
// result as JSON, and formats programs in canonical form.
//
// # Running
//
//	nexus qasm run FILE.qasm|- [--shots N] [--seed S] [--statevector]
//
// prints one JSON object on one line:
//
//	{"qubits":2,"clbits":2,"probabilities":{"00":0.5,"11":0.5},"counts":{"00":507,"11":493}}
//
// "probabilities" is the exact distribution, keyed by bitstring: over the
// classical registers when the program measures, over all qubits when it
// measures nothing. Entries below 1e-12 are left out. When the program
// measures mid-circuit, the distribution is still exact while following
// every branch stays cheap; beyond that the key is left out and only
// counts are given. "counts" holds the sampled outcomes with --shots N >
// 0, reproducible with --seed. "statevector" holds [re, im] per basis
// state with --statevector: the state before the final measurements
// (after mid-circuit ones, with outcomes drawn from the seed).
//
// Bitstrings follow Qiskit: bit 0 is the rightmost character, and
// several classical registers are separated by a space, the last declared
// leftmost.
//
// # Formatting
//
//	nexus qasm fmt [-w] [FILE.qasm|-]
//
// writes the canonical form to standard output, or with -w back to the
// file.
//
// # Exit codes
//
// 0 on success; 2 for bad usage or a bad program, which is reported on
// standard error as FILE:LINE:COL: message; 1 when running failed for
// another reason.
package qasmcli
