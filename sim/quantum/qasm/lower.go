package qasm

import (
	"math"

	"nexuslab/sim/quantum"
)

// MaxOps bounds the operations a program may expand to: gate
// definitions calling each other can multiply a few lines into billions.
const MaxOps = 1 << 20

// Compile parses an OpenQASM 2.0 program and returns its circuit.
func Compile(name string, src []byte) (*quantum.Circuit, error) {
	p, err := Parse(name, src)
	if err != nil {
		return nil, err
	}
	return p.Circuit(name)
}

// lowering holds the state of Program.Circuit.
type lowering struct {
	file  string
	c     *quantum.Circuit
	qoff  map[string]int // first circuit qubit of each quantum register
	coff  map[string]int // first circuit bit of each classical register
	creg  map[string]int // index of each classical register
	regs  map[string]*Reg
	gates map[string]*GateDef
	steps int
}

func (l *lowering) errorf(at Pos, format string, args ...any) error {
	return ErrorAt(l.file, at, format, args...)
}

// Circuit expands the program into a circuit: registers laid out in
// declaration order, gate definitions inlined down to standard gates,
// operations on whole registers repeated bit by bit. name is the file
// name used in errors, which point at the statement at fault.
func (p *Program) Circuit(name string) (*quantum.Circuit, error) {
	l := &lowering{
		file: name, c: &quantum.Circuit{},
		qoff: map[string]int{}, coff: map[string]int{}, creg: map[string]int{},
		regs: map[string]*Reg{}, gates: map[string]*GateDef{},
	}
	for _, s := range p.Stmts {
		if err := l.stmt(s, nil); err != nil {
			return nil, err
		}
	}
	if l.c.Qubits() > quantum.MaxQubits {
		return nil, l.errorf(l.lastQreg(p), "the program declares %d qubits, more than the %d this simulator holds (a %d-qubit state needs %s)",
			l.c.Qubits(), quantum.MaxQubits, l.c.Qubits(), quantum.Memory(l.c.Qubits()))
	}
	return l.c, nil
}

func (l *lowering) lastQreg(p *Program) Pos {
	var at Pos
	for _, s := range p.Stmts {
		if r, ok := s.(*Reg); ok && r.Quantum {
			at = r.At
		}
	}
	return at
}

func (l *lowering) stmt(s Stmt, cond *quantum.Cond) error {
	switch s := s.(type) {
	case *Reg:
		l.regs[s.Name] = s
		if s.Quantum {
			l.qoff[s.Name] = l.c.Qubits()
			l.c.Qregs = append(l.c.Qregs, quantum.Register{Name: s.Name, Size: s.Size})
			return nil
		}
		if l.c.Clbits()+s.Size > quantum.MaxClbits {
			return l.errorf(s.At, "the program declares more than %d classical bits, the most this simulator records", quantum.MaxClbits)
		}
		l.coff[s.Name] = l.c.Clbits()
		l.creg[s.Name] = len(l.c.Cregs)
		l.c.Cregs = append(l.c.Cregs, quantum.Register{Name: s.Name, Size: s.Size})
	case *GateDef:
		l.gates[s.Name] = s
	case *If:
		return l.stmt(s.Then, &quantum.Cond{Creg: l.creg[s.Creg], Value: s.Value})
	case *GateCall:
		return l.broadcast(s.At, s.Args, func(qs []int) error {
			params := make([]float64, len(s.Params))
			for i, e := range s.Params {
				params[i] = e.eval(nil)
			}
			return l.call(s.At, s.Name, params, qs, cond)
		})
	case *Measure:
		return l.broadcast(s.At, []Arg{s.Q}, func(qs []int) error {
			k := qs[0] - l.qoff[s.Q.Reg]
			if s.Q.Indexed {
				k = 0
			}
			b := l.coff[s.C.Reg] + s.C.Index + k
			return l.add(s.At, quantum.Op{Kind: quantum.OpMeasure, Qubits: qs, Clbit: b, Cond: cond})
		})
	case *Reset:
		return l.broadcast(s.At, []Arg{s.Q}, func(qs []int) error {
			return l.add(s.At, quantum.Op{Kind: quantum.OpReset, Qubits: qs, Cond: cond})
		})
	case *Barrier:
		var qs []int
		for _, a := range s.Args {
			qs = append(qs, l.qubits(a)...)
		}
		return l.add(s.At, quantum.Op{Kind: quantum.OpBarrier, Qubits: qs})
	}
	return nil
}

// qubits returns the circuit qubits an argument names.
func (l *lowering) qubits(a Arg) []int {
	off := l.qoff[a.Reg]
	if a.Indexed {
		return []int{off + a.Index}
	}
	qs := make([]int, l.regs[a.Reg].Size)
	for i := range qs {
		qs[i] = off + i
	}
	return qs
}

// broadcast calls f once per bit when some arguments are whole registers,
// with the k-th qubit of each register, else once.
func (l *lowering) broadcast(at Pos, args []Arg, f func(qs []int) error) error {
	n := 1
	for _, a := range args {
		if !a.Indexed {
			n = l.regs[a.Reg].Size
		}
	}
	for k := range n {
		qs := make([]int, len(args))
		for i, a := range args {
			qs[i] = l.qoff[a.Reg] + a.Index
			if !a.Indexed {
				qs[i] = l.qoff[a.Reg] + k
			}
		}
		if err := f(qs); err != nil {
			return err
		}
	}
	return nil
}

func (l *lowering) add(at Pos, op quantum.Op) error {
	l.steps++
	if l.steps > MaxOps {
		return l.errorf(at, "the program expands to more than %d operations", MaxOps)
	}
	l.c.Ops = append(l.c.Ops, op)
	return nil
}

// call applies gate name, expanding a defined gate into its body.
func (l *lowering) call(at Pos, name string, params []float64, qs []int, cond *quantum.Cond) error {
	for _, v := range params {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return l.errorf(at, "a parameter of %s is %v: check for a division by zero or the logarithm or square root of a negative number", name, v)
		}
	}
	g, defined := l.gates[name]
	if !defined {
		return l.add(at, quantum.Op{Kind: quantum.OpGate, Name: name, Params: params, Qubits: qs, Cond: cond})
	}
	if g.Opaque {
		return l.errorf(at, "gate %s is opaque: it has no definition, so it cannot be simulated", name)
	}
	l.steps++
	if l.steps > MaxOps {
		return l.errorf(at, "the program expands to more than %d operations", MaxOps)
	}
	env := make(map[string]float64, len(params))
	for i, n := range g.Params {
		env[n] = params[i]
	}
	qmap := make(map[string]int, len(qs))
	for i, n := range g.Qargs {
		qmap[n] = qs[i]
	}
	for _, s := range g.Body {
		c, ok := s.(*GateCall)
		if !ok {
			continue // barriers and comments in a body change nothing
		}
		ps := make([]float64, len(c.Params))
		for i, e := range c.Params {
			ps[i] = e.eval(env)
		}
		inner := make([]int, len(c.Args))
		for i, a := range c.Args {
			inner[i] = qmap[a.Reg]
		}
		if err := l.call(at, c.Name, ps, inner, cond); err != nil {
			return err
		}
	}
	return nil
}
