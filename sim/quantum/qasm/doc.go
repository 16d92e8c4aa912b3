// Package qasm reads and writes OpenQASM 2.0, the circuit language of
// IBM's Quantum Experience and Qiskit, for the simulator in
// nexuslab/sim/quantum.
//
// # Reading
//
// Parse reads a program into a Program, a syntax tree that keeps
// comments, and checks it: registers and gates are declared before use,
// indices are in range, each gate gets the parameters and qubits it
// takes, registers applied together have one size. Program.Circuit then
// expands it into a quantum.Circuit: gate definitions inlined down to the
// standard gates, operations on whole registers repeated bit by bit.
// Compile does both.
//
// The standard gates are U and CX, always defined, and the gates of
// qelib1.inc once a program includes it. qelib1.inc is the only file a
// program may include; the gates are built in, so nothing is read.
//
// # Errors
//
// Every problem is reported as an *Error that names the line and column
// and says, in words a learner can act on, what is wrong and often what
// was probably meant. Its Message method gives the same text as an
// English format string and arguments, so that a page can show it in the
// reader's language. Parsing stops at the first problem. No input makes
// Parse or Circuit panic or run without bound: expressions nest at most
// MaxDepth deep, registers hold at most MaxRegister bits and a program
// expands to at most MaxOps operations. The fuzz tests keep it so.
//
// # Writing
//
// Format writes a Program in canonical form, keeping its comments; the
// nexus qasm fmt command uses it. FromCircuit turns a quantum.Circuit into
// a Program with angles written exactly, so that
//
//	Compile(name, Format(FromCircuit(c)))
//
// returns a circuit equal to c, and formatting a formatted program
// changes nothing.
package qasm
