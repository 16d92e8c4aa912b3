// Package chsh is the CHSH Bell test: Alice and Bob share pairs of
// qubits, each measures along one of two directions chosen at random each
// round, and the correlations of their ±1 results are combined into the
// number S.
//
// # The test
//
// With E(a, b) the average product of the two results when Alice measures
// along a and Bob along b,
//
//	S = E(a₀, b₀) + E(a₀, b₁) + E(a₁, b₀) − E(a₁, b₁).
//
// Any local hidden-variable model (results fixed in advance by shared
// randomness) gives |S| ≤ 2. Quantum mechanics allows up to 2√2, which is
// Tsirelson's bound.
//
// # Angles
//
// Directions are angles in degrees in the x–z plane of the Bloch sphere,
// measured from +z towards +x. For the Bell state (|00⟩ + |11⟩)/√2 the
// quantum prediction is E(a, b) = cos(a − b), and a₀ = 0°, a₁ = 90°,
// b₀ = 45°, b₁ = −45° reach 2√2. (Photon experiments quote polariser
// angles, half of these: 0°, 45°, 22.5° and −22.5°.)
//
// # Sources
//
// The entangled source is simulated exactly with the quantum engine: the
// Bell state is prepared, each qubit turned by Ry(−angle) so that the
// chosen direction becomes z, and the four outcome probabilities sampled.
// The classical source is the local model in which both sides share a
// random angle λ and each answers the sign of cos(angle − λ); its
// correlation is 1 − 2|a − b|/180° and its S never exceeds 2.
//
// # Randomness
//
// Each round picks both settings and the outcome from one seeded
// generator, so the same seed gives the same table of counts.
package chsh
