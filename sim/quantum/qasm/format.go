package qasm

import (
	"math"
	"strconv"
	"strings"

	"nexuslab/sim/quantum"
)

// Format writes p in canonical form: one statement per line, single
// spaces after commas and around -> and ==, gate bodies indented by two
// spaces, expressions with only the parentheses they need, comments and
// single blank lines kept where they were.
func Format(p *Program) []byte {
	var b strings.Builder
	stmts(&b, p.Head, "", false)
	b.WriteString("OPENQASM " + p.Version + ";\n")
	stmts(&b, p.Stmts, "", true)
	return []byte(b.String())
}

func stmts(b *strings.Builder, ss []Stmt, indent string, top bool) {
	for i, s := range ss {
		if c, ok := s.(*Comment); ok && c.Trailing && i > 0 {
			if _, prevComment := ss[i-1].(*Comment); !prevComment {
				// Put it back at the end of the line just written.
				str := b.String()
				if strings.HasSuffix(str, "\n") {
					b.Reset()
					b.WriteString(str[:len(str)-1])
					b.WriteString(" //" + c.Text + "\n")
					continue
				}
			}
		}
		if s.node().Blank && (i > 0 || top) {
			b.WriteString("\n")
		}
		b.WriteString(indent)
		stmt(b, s, indent)
		b.WriteString("\n")
	}
}

func stmt(b *strings.Builder, s Stmt, indent string) {
	switch s := s.(type) {
	case *Comment:
		b.WriteString("//" + s.Text)
	case *Include:
		b.WriteString("include " + strconv.Quote(s.Path) + ";")
	case *Reg:
		kw := "creg "
		if s.Quantum {
			kw = "qreg "
		}
		b.WriteString(kw + s.Name + "[" + strconv.Itoa(s.Size) + "];")
	case *GateDef:
		kw := "gate "
		if s.Opaque {
			kw = "opaque "
		}
		b.WriteString(kw + s.Name)
		if len(s.Params) > 0 {
			b.WriteString("(" + strings.Join(s.Params, ", ") + ")")
		}
		b.WriteString(" " + strings.Join(s.Qargs, ", "))
		if s.Opaque {
			b.WriteString(";")
			return
		}
		if len(s.Body) == 0 {
			b.WriteString(" {\n" + indent + "}")
			return
		}
		b.WriteString(" {\n")
		stmts(b, s.Body, indent+"  ", false)
		b.WriteString(indent + "}")
	case *GateCall:
		b.WriteString(s.Name)
		if len(s.Params) > 0 {
			b.WriteByte('(')
			for i, e := range s.Params {
				if i > 0 {
					b.WriteString(", ")
				}
				writeExpr(b, e)
			}
			b.WriteByte(')')
		}
		b.WriteString(" " + args(s.Args) + ";")
	case *Measure:
		b.WriteString("measure " + s.Q.String() + " -> " + s.C.String() + ";")
	case *Reset:
		b.WriteString("reset " + s.Q.String() + ";")
	case *Barrier:
		b.WriteString("barrier " + args(s.Args) + ";")
	case *If:
		b.WriteString("if (" + s.Creg + " == " + strconv.FormatUint(s.Value, 10) + ") ")
		stmt(b, s.Then, indent)
	}
}

func args(as []Arg) string {
	parts := make([]string, len(as))
	for i, a := range as {
		parts[i] = a.String()
	}
	return strings.Join(parts, ", ")
}

// FromCircuit returns a program for the circuit c: its registers, then
// its operations, one per line, each on single qubits and bits. Angles
// that are exact multiples of pi by small fractions are written as such;
// others in full precision, so that parsing the formatted program gives
// back c exactly.
func FromCircuit(c *quantum.Circuit) *Program {
	p := &Program{Version: "2.0", Stmts: []Stmt{&Include{Path: "qelib1.inc"}}}
	for _, r := range c.Qregs {
		p.Stmts = append(p.Stmts, &Reg{Quantum: true, Name: r.Name, Size: r.Size})
	}
	for _, r := range c.Cregs {
		p.Stmts = append(p.Stmts, &Reg{Name: r.Name, Size: r.Size})
	}
	qarg := func(q int) Arg {
		for _, r := range c.Qregs {
			if q < r.Size {
				return Arg{Reg: r.Name, Index: q, Indexed: true}
			}
			q -= r.Size
		}
		return Arg{Reg: "q", Index: q, Indexed: true}
	}
	carg := func(b int) Arg {
		for _, r := range c.Cregs {
			if b < r.Size {
				return Arg{Reg: r.Name, Index: b, Indexed: true}
			}
			b -= r.Size
		}
		return Arg{Reg: "c", Index: b, Indexed: true}
	}
	for _, op := range c.Ops {
		var s Stmt
		switch op.Kind {
		case quantum.OpGate:
			g := &GateCall{Name: op.Name}
			for _, v := range op.Params {
				g.Params = append(g.Params, angle(v))
			}
			for _, q := range op.Qubits {
				g.Args = append(g.Args, qarg(q))
			}
			s = g
		case quantum.OpMeasure:
			s = &Measure{Q: qarg(op.Qubits[0]), C: carg(op.Clbit)}
		case quantum.OpReset:
			s = &Reset{Q: qarg(op.Qubits[0])}
		case quantum.OpBarrier:
			bar := &Barrier{}
			for _, q := range op.Qubits {
				bar.Args = append(bar.Args, qarg(q))
			}
			if len(bar.Args) == 0 {
				continue
			}
			s = bar
		default:
			continue
		}
		if op.Cond != nil && op.Cond.Creg < len(c.Cregs) {
			s = &If{Creg: c.Cregs[op.Cond.Creg].Name, Value: op.Cond.Value, Then: s}
		}
		p.Stmts = append(p.Stmts, s)
	}
	return p
}

// angle returns an expression whose value is exactly v: k*pi/d for small
// k and d when one is, else v in full.
func angle(v float64) Expr {
	if v < 0 || math.Signbit(v) && v == 0 {
		if v == 0 {
			return &Number{Text: "0", Value: 0}
		}
		return negate(angle(-v))
	}
	pi := &Ident{Name: "pi"}
	for _, d := range []int{1, 2, 3, 4, 6, 8, 16, 32, 64} {
		k := math.Round(v * float64(d) / math.Pi)
		if k < 1 || k > 64 {
			continue
		}
		var e Expr = pi
		if k != 1 {
			e = &Binary{Op: '*', X: num(k), Y: pi}
		}
		if d != 1 {
			e = &Binary{Op: '/', X: e, Y: num(float64(d))}
		}
		if e.eval(nil) == v {
			return e
		}
	}
	return num(v)
}

// negate returns −e written with the minus on its leftmost factor, as
// in -3*pi/4: negation is exact, so the value is −e's to the last bit.
func negate(e Expr) Expr {
	if b, ok := e.(*Binary); ok && (b.Op == '*' || b.Op == '/') {
		return &Binary{Op: b.Op, X: negate(b.X), Y: b.Y}
	}
	return &Unary{Op: '-', X: e}
}

// num returns a literal for v that an OpenQASM 2.0 reader accepts: an
// integer, or a real with a decimal point.
func num(v float64) *Number {
	s := strconv.FormatFloat(v, 'g', -1, 64)
	if strings.ContainsAny(s, "e") && !strings.Contains(s, ".") {
		i := strings.Index(s, "e")
		s = s[:i] + ".0" + s[i:]
	}
	if strings.Contains(s, "e+") {
		s = strings.Replace(s, "e+", "e", 1)
	}
	return &Number{Text: s, Value: v}
}
