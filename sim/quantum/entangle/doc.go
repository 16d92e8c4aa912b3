// Package entangle measures entanglement in a state vector: the reduced
// density matrix of any set of qubits and the entanglement entropy of a
// bipartition.
//
// # Why a package of its own
//
// It diagonalises with gonum. The browser program never imports it: its
// simulations use quantum.(*State).QubitEntropy, which needs no linear
// algebra, and linking gonum into sims.wasm would cost megabytes.
package entangle
