// Package bloch is the single-qubit simulation: a qubit shown as a point
// on the Bloch sphere, moved by gate buttons and measured many times.
//
// # State
//
// The qubit starts in one of the six cardinal states |0⟩, |1⟩, |+⟩, |−⟩,
// |+i⟩ and |−i⟩, the ends of the sphere's three axes. Each gate the
// learner presses (X, Y, Z, H, S, T, and Rx, Ry, Rz by an angle in
// degrees) is appended to a history kept in the URL, so a reload replays
// it exactly. The state is computed by the quantum engine
// (nexuslab/sim/quantum) from the start state and the history.
//
// # Geometry
//
// A pure state cos(θ/2)|0⟩ + e^{iφ} sin(θ/2)|1⟩ is the point (sin θ cos φ,
// sin θ sin φ, cos θ). Every one-qubit gate turns the sphere about an
// axis by an angle (the global phase it adds is invisible): X, Y and Z by
// 180° about their axes, H by 180° about the diagonal between x and z, S
// by 90° and T by 45° about z. Rotation returns that axis and angle, which
// the animation follows.
//
// # Animation
//
// After a gate the model reports itself Active and the host calls Advance
// until the drawn vector has swept along its arc to the new state; with
// reduced motion it jumps there at once. The animation is drawing only:
// the state, the description and the URL change at once.
//
// # Measurement
//
// Measure draws Shots outcomes in the chosen basis (Z, X or Y) from the
// state's probabilities with a seeded generator. Each shot measures a
// fresh copy of the state: the drawn state is not collapsed, as in an
// experiment that prepares and measures the same qubit many times.
package bloch
