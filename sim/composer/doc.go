// Package composer is the circuit composer: a grid of wires and steps on
// which a learner places gates, sees the probabilities, amplitudes and
// per-qubit Bloch vectors of the state they make, steps through the
// circuit, measures it, and reads and writes it as OpenQASM 2.0.
//
// # The grid
//
// A Circuit is a number of qubits and gates, each in a column (a step).
// A gate on several wires also occupies the wires between them in its
// column, as it is drawn, so no two gates of a column overlap; placing a
// gate where others are replaces them. Gates run column by column; within
// a column they touch different wires and commute.
//
// # State in the URL
//
// The circuit travels in the URL in a compact form, one token per gate
// such as 1_cx_0_1 (step 1, CX from qubit 0 to qubit 1), so that columns
// left empty on purpose survive a reload. The qasm parameter carries the
// same circuit as an OpenQASM 2.0 program for the page's text control,
// which offers to open, copy and download it as circuit.qasm.
//
// # Importing OpenQASM
//
// When the program text differs from the one the model last showed, Reset
// imports it: each gate goes in the first column free on the wires it
// spans, and barriers keep their wires in step. Programs with resets,
// conditions or gates after a measurement are refused, since the grid
// measures only at the end; so are programs over MaxQubits qubits.
// Errors come back as a *sim.ParamError for the text control, giving the
// parser's circuit.qasm:LINE:COLUMN, and the circuit stays as it was.
//
// # Editing
//
// Place, Remove and Move change the circuit; each change can be undone
// and redone. The cursor (a wire and a step) is both the canvas's
// keyboard cursor and the page's qubit and step controls, so a learner
// can build a circuit with the canvas, with the controls, or with both.
//
// # Simulation
//
// The state after the shown columns is computed by the quantum engine on
// every change that affects it, and cached otherwise: moving the cursor
// over a 24-qubit circuit does not rerun it. Measuring samples every
// qubit Shots times with the seed.
package composer
