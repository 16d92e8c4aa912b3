// Package bell is the Bell-pair simulation: two qubits entangled by a
// Hadamard and a CNOT, then measured over many shots.
//
// Quantum mechanics predicts 00 and 11 with probability 1/2 each and never
// 01 or 10: the two measured bits always agree, although each alone is a
// fair coin.
package bell
