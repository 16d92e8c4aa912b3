package composer

import (
	"strings"

	"nexuslab/sim"
	"nexuslab/sim/quantum"
	"nexuslab/sim/quantum/qasm"
)

// FileName is the name OpenQASM programs are read and written under; it
// begins every error message about one.
const FileName = "circuit.qasm"

// QASM writes c as an OpenQASM 2.0 program: its gates in column order,
// then a measurement of every qubit into a classical register, which is
// what the composer's counts are.
func QASM(c Circuit) string {
	qc := c.Engine(MaxSteps)
	qc.Cregs = []quantum.Register{{Name: "c", Size: c.Qubits}}
	for q := range c.Qubits {
		qc.Measure(q, q)
	}
	return string(qasm.Format(qasm.FromCircuit(qc)))
}

// ImportQASM reads an OpenQASM 2.0 program into a circuit, each gate in
// the first column after the gates before it on the wires it spans, and
// barriers keeping their wires in step. Measurements are allowed at the
// end of a wire: the composer measures every qubit at the end anyway.
// Errors are *qasm.Error values giving the line and column, or errors
// about the program as a whole; all are sim.Translatable.
func ImportQASM(src string) (Circuit, error) {
	prog, err := qasm.Parse(FileName, []byte(src))
	if err != nil {
		return Circuit{}, err
	}
	if err := composable(prog); err != nil {
		return Circuit{}, err
	}
	qc, err := prog.Circuit(FileName)
	if err != nil {
		return Circuit{}, err
	}
	n := qc.Qubits()
	if n == 0 {
		return Circuit{}, sim.Errorf("%s: the program declares no qubits: add a line such as qreg q[2];", FileName)
	}
	if n > MaxQubits {
		return Circuit{}, qasm.ErrorAt(FileName, overflowReg(prog),
			"the program declares %d qubits; a browser simulates at most %d (a %d-qubit state needs %s)", n, MaxQubits, n, quantum.Memory(n))
	}
	c := Circuit{Qubits: n}
	level := make([]int, n) // first free column of each wire
	for _, op := range qc.Ops {
		switch op.Kind {
		case quantum.OpGate:
			if len(c.Gates) == MaxGates {
				return Circuit{}, sim.Errorf("%s: the program has more than %d gates, the most the composer holds", FileName, MaxGates)
			}
			g := Gate{Name: op.Name, Params: op.Params, Qubits: op.Qubits}
			lo, hi := g.Span()
			for q := lo; q <= hi; q++ {
				g.Step = max(g.Step, level[q])
			}
			if g.Step >= MaxSteps {
				return Circuit{}, sim.Errorf("%s: the program needs more than %d steps, the most the composer shows", FileName, MaxSteps)
			}
			for q := lo; q <= hi; q++ {
				level[q] = g.Step + 1
			}
			c.Gates = append(c.Gates, g)
		case quantum.OpBarrier:
			top := 0
			for _, q := range op.Qubits {
				top = max(top, level[q])
			}
			for _, q := range op.Qubits {
				level[q] = top
			}
		}
	}
	c.sort()
	return c, nil
}

// composable checks for what a program may do that the grid cannot
// show: resets, conditions, and gates on a qubit after it was measured.
func composable(p *qasm.Program) error {
	sizes := map[string]int{}
	measured := map[string]map[int]bool{}
	bits := func(a qasm.Arg) []int {
		if a.Indexed {
			return []int{a.Index}
		}
		out := make([]int, sizes[a.Reg])
		for i := range out {
			out[i] = i
		}
		return out
	}
	for _, s := range p.Stmts {
		switch s := s.(type) {
		case *qasm.Reg:
			sizes[s.Name] = s.Size
		case *qasm.Reset:
			return qasm.ErrorAt(FileName, s.At, "reset is not supported here: the composer's qubits start in |0⟩ and are measured only at the end")
		case *qasm.If:
			return qasm.ErrorAt(FileName, s.At, "if is not supported here: the composer measures only at the end, so no gate can depend on a result")
		case *qasm.Measure:
			if measured[s.Q.Reg] == nil {
				measured[s.Q.Reg] = map[int]bool{}
			}
			for _, i := range bits(s.Q) {
				measured[s.Q.Reg][i] = true
			}
		case *qasm.GateCall:
			for _, a := range s.Args {
				for _, i := range bits(a) {
					if measured[a.Reg][i] {
						return qasm.ErrorAt(FileName, a.At,
							"%s[%d] is used by %s after it was measured: the composer measures only at the end, so move the measurements after the last gate", a.Reg, i, s.Name)
					}
				}
			}
		}
	}
	return nil
}

// overflowReg returns where the quantum register that takes the program
// past MaxQubits is declared.
func overflowReg(p *qasm.Program) qasm.Pos {
	total := 0
	for _, s := range p.Stmts {
		if r, ok := s.(*qasm.Reg); ok && r.Quantum {
			total += r.Size
			if total > MaxQubits {
				return r.At
			}
		}
	}
	return qasm.Pos{Line: 1, Col: 1}
}

// sameText reports whether two programs are the same text, ignoring line
// endings and spaces at the ends of lines.
func sameText(a, b string) bool { return normalize(a) == normalize(b) }

func normalize(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t\r")
	}
	return strings.Join(lines, "\n")
}
