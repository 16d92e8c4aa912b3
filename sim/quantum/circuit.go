package quantum

import (
	"fmt"
	"math"
	"slices"
)

// MaxClbits is the most classical bits a circuit may have: an outcome is
// one uint64.
const MaxClbits = 64

// Register is a named run of consecutive qubits or classical bits. The
// registers of a circuit are laid out in declaration order: the first
// register's bit 0 is the circuit's bit 0.
type Register struct {
	Name string
	Size int
}

// OpKind says what an Op does.
type OpKind uint8

const (
	OpGate    OpKind = iota // apply the standard gate Name
	OpMeasure               // measure Qubits[0] into Clbit
	OpReset                 // return Qubits[0] to |0⟩
	OpBarrier               // nothing: keeps gates apart when a circuit is written out
)

// Cond makes an Op run only when the classical register Creg holds Value,
// its bit 0 being the register's first bit.
type Cond struct {
	Creg  int
	Value uint64
}

// Op is one step of a circuit.
type Op struct {
	Kind   OpKind
	Name   string    // gate name, for OpGate
	Params []float64 // gate parameters in radians, for OpGate
	Qubits []int     // circuit-wide qubit indices; controls first for controlled gates
	Clbit  int       // circuit-wide classical bit, for OpMeasure
	Cond   *Cond     // nil: always run
}

// Circuit is a quantum circuit: registers and a list of operations. It is
// a definition only; Run computes what it does. The zero value is an empty
// circuit with no qubits.
type Circuit struct {
	Qregs []Register
	Cregs []Register
	Ops   []Op
}

// NewCircuit returns an empty circuit with a quantum register q of qubits
// qubits and, when clbits > 0, a classical register c of clbits bits.
func NewCircuit(qubits, clbits int) *Circuit {
	c := &Circuit{Qregs: []Register{{"q", qubits}}}
	if clbits > 0 {
		c.Cregs = []Register{{"c", clbits}}
	}
	return c
}

// Qubits returns the number of qubits over all quantum registers.
func (c *Circuit) Qubits() int { return total(c.Qregs) }

// Clbits returns the number of classical bits over all classical
// registers.
func (c *Circuit) Clbits() int { return total(c.Cregs) }

// CregOffset returns the circuit-wide index of bit 0 of classical
// register i.
func (c *Circuit) CregOffset(i int) int { return total(c.Cregs[:i]) }

func total(rs []Register) int {
	n := 0
	for _, r := range rs {
		n += r.Size
	}
	return n
}

// Gate appends the standard gate name with params on qubits and returns c.
func (c *Circuit) Gate(name string, params []float64, qubits ...int) *Circuit {
	c.Ops = append(c.Ops, Op{Kind: OpGate, Name: name, Params: slices.Clone(params), Qubits: slices.Clone(qubits)})
	return c
}

// Measure appends a measurement of qubit q into classical bit b and
// returns c.
func (c *Circuit) Measure(q, b int) *Circuit {
	c.Ops = append(c.Ops, Op{Kind: OpMeasure, Qubits: []int{q}, Clbit: b})
	return c
}

// Reset appends a reset of qubit q and returns c.
func (c *Circuit) Reset(q int) *Circuit {
	c.Ops = append(c.Ops, Op{Kind: OpReset, Qubits: []int{q}})
	return c
}

// Barrier appends a barrier on qubits and returns c.
func (c *Circuit) Barrier(qubits ...int) *Circuit {
	c.Ops = append(c.Ops, Op{Kind: OpBarrier, Qubits: slices.Clone(qubits)})
	return c
}

// Validate reports the first thing wrong with c: an unknown gate, a
// wrong number of qubits or parameters, a parameter that is not finite,
// a qubit or bit out of range, a qubit used twice by one gate, or a
// condition on a register that does not exist or a value it cannot hold.
func (c *Circuit) Validate() error {
	for _, rs := range [][]Register{c.Qregs, c.Cregs} {
		for _, r := range rs {
			if r.Size < 1 {
				return fmt.Errorf("quantum: register %q has size %d; it needs at least 1", r.Name, r.Size)
			}
		}
	}
	n, nc := c.Qubits(), c.Clbits()
	if nc > MaxClbits {
		return fmt.Errorf("quantum: %d classical bits is more than the %d supported", nc, MaxClbits)
	}
	for k, op := range c.Ops {
		if err := c.validateOp(op, n, nc); err != nil {
			return fmt.Errorf("quantum: operation %d: %w", k, err)
		}
	}
	return nil
}

func (c *Circuit) validateOp(op Op, n, nc int) error {
	for _, q := range op.Qubits {
		if q < 0 || q >= n {
			return fmt.Errorf("qubit %d is out of range: the circuit has %d qubits", q, n)
		}
	}
	if op.Cond != nil {
		if op.Cond.Creg < 0 || op.Cond.Creg >= len(c.Cregs) {
			return fmt.Errorf("condition on classical register %d, which does not exist", op.Cond.Creg)
		}
		if r := c.Cregs[op.Cond.Creg]; r.Size < 64 && op.Cond.Value >= 1<<r.Size {
			return fmt.Errorf("condition %s == %d can never hold: %s has %d bits", r.Name, op.Cond.Value, r.Name, r.Size)
		}
	}
	switch op.Kind {
	case OpGate:
		d, ok := gateDefs[op.Name]
		if !ok {
			return fmt.Errorf("unknown gate %q", op.Name)
		}
		if len(op.Qubits) != d.Qubits {
			return fmt.Errorf("gate %s takes %d qubits, got %d", op.Name, d.Qubits, len(op.Qubits))
		}
		if len(op.Params) != d.Params {
			return fmt.Errorf("gate %s takes %d parameters, got %d", op.Name, d.Params, len(op.Params))
		}
		for _, p := range op.Params {
			if math.IsNaN(p) || math.IsInf(p, 0) {
				return fmt.Errorf("gate %s has parameter %v; parameters must be finite", op.Name, p)
			}
		}
		for i, q := range op.Qubits {
			if slices.Contains(op.Qubits[:i], q) {
				return fmt.Errorf("gate %s uses qubit %d twice", op.Name, q)
			}
		}
	case OpMeasure:
		if len(op.Qubits) != 1 {
			return fmt.Errorf("measure takes 1 qubit, got %d", len(op.Qubits))
		}
		if op.Clbit < 0 || op.Clbit >= nc {
			return fmt.Errorf("classical bit %d is out of range: the circuit has %d", op.Clbit, nc)
		}
	case OpReset:
		if len(op.Qubits) != 1 {
			return fmt.Errorf("reset takes 1 qubit, got %d", len(op.Qubits))
		}
	case OpBarrier:
	default:
		return fmt.Errorf("unknown operation kind %d", op.Kind)
	}
	return nil
}
