// Package grover is Grover's search, iteration by iteration: n qubits
// hold N = 2ⁿ items in equal superposition, an oracle marks the items
// the learner chose by flipping the sign of their amplitude, and the
// diffusion reflects every amplitude about the mean. Each round raises
// the marked amplitudes, until too many rounds carry them past their
// peak.
//
// # Half-steps
//
// The model advances in half-steps so that inversion about the mean can
// be seen: an odd step applies the oracle of the next iteration, the
// following even step its diffusion. After k full iterations the chance
// of measuring a marked item is sin²((2k+1)θ), with sin θ = √(M/N) for M
// marked items; the optimal count is the k nearest π/(4θ) − 1/2, about
// (π/4)√(N/M).
//
// # Amplitudes
//
// All marked items share one amplitude and all unmarked items another,
// from the uniform start through every oracle and diffusion, so the
// model keeps two real numbers and updates them exactly: the oracle
// negates the marked one and the diffusion maps each amplitude a to
// 2·mean − a. The tests check this against a state-vector run of the
// same circuit on the quantum engine.
package grover
