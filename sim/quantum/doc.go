// Package quantum simulates qubits exactly, as a state vector of complex
// amplitudes.
//
// # Basis order
//
// Amplitude i belongs to the basis state whose bit q is bit q of i: qubit
// 0 is the least significant bit, as in Qiskit and OpenQASM, so the
// bitstring of state i is written with qubit 0 rightmost. Gate matrices
// follow the same rule: qubit argument j is bit j of a matrix index.
//
// # States and gates
//
// New returns n qubits in |0…0⟩, up to MaxQubits; NewCapped takes a
// smaller cap, such as BrowserMaxQubits, and both refuse with an error
// that names the cap and the memory needed. State.Apply applies any
// standard gate: U and CX, the built-ins of OpenQASM 2.0, and every gate
// of qelib1.inc, with the matrices Qiskit gives them (Matrix returns
// them). Measure, Reset and Probability act on single qubits.
//
// # Circuits
//
// A Circuit is a definition only: registers and a list of operations,
// gates, measurements, resets and barriers, each possibly conditioned on
// a classical register. Run simulates it and returns a Result: the exact
// outcome distribution, sampled counts and the final state. Measurements
// at the end are read off the final state; measurements and resets in
// the middle are followed down every branch of outcomes while that stays
// cheap, and are sampled shot by shot beyond. The package
// nexuslab/sim/quantum/qasm reads and writes circuits as OpenQASM 2.0.
//
// # Speed
//
// Run compiles gates before applying them. Each gate is run by a kernel
// specialised to its shape: diagonal gates multiply, permutations such as
// CX and SWAP only move amplitudes, controlled gates skip the amplitudes
// whose controls are 0. Runs of one-qubit gates on a qubit are multiplied
// into one 2×2 matrix. On more than 12 qubits, gates are grouped so that
// each group touches at most 12 qubits; a group runs block by block over
// 2^12 amplitudes that stay in cache, one pass over memory for the whole
// group. From 16 qubits the blocks are shared among goroutines on every
// processor, except in the browser (GOOS=js), which has one thread.
// Options.Reference runs the plain reference kernel instead: one full
// matrix pass per gate, which the tests check the fast kernels against.
//
// # Observables and noise
//
// State.Expectation and State.Energy give expectations of Pauli strings
// and Hamiltonians; State.Reduced and State.Bloch the state of one qubit,
// State.QubitEntropy its entanglement with the rest (package entangle
// handles any bipartition). A Noise model
// adds channels after chosen gates and readout errors: Run follows it
// exactly with density matrices up to DensityMaxQubits qubits, and by
// seeded quantum trajectories above.
//
// # Randomness
//
// Nothing here reads a clock or a global generator: every random choice
// comes from Options.Seed or a *rand.Rand the caller passes, so the same
// seed gives the same result on every platform.
package quantum
