package qasm

import (
	"math"
	"strconv"
	"strings"
)

// Program is a parsed OpenQASM 2.0 program: its statements in source
// order, comments included, so that Format can write it back.
type Program struct {
	Head    []Stmt // comments before the OPENQASM line
	Version string // "2.0"
	Stmts   []Stmt
}

// Stmt is a statement: *Include, *Reg, *GateDef, *GateCall, *Measure,
// *Reset, *Barrier, *If or *Comment.
type Stmt interface {
	node() *Node
}

// Node holds what every statement has: where it starts, and whether a
// blank line came before it.
type Node struct {
	At    Pos
	Blank bool
}

func (n *Node) node() *Node { return n }

// Include is include "FILE";.
type Include struct {
	Node
	Path string
}

// Reg declares a register: qreg NAME[SIZE]; or creg NAME[SIZE];.
type Reg struct {
	Node
	Quantum bool
	Name    string
	Size    int
}

// GateDef defines a gate: gate NAME(PARAMS) QARGS { BODY }, or declares
// one without a body: opaque NAME(PARAMS) QARGS;.
type GateDef struct {
	Node
	Name   string
	Params []string
	Qargs  []string
	Body   []Stmt // *GateCall, *Barrier and *Comment; arguments are Qargs names
	Opaque bool
}

// GateCall applies a gate: NAME(PARAMS) ARGS;.
type GateCall struct {
	Node
	Name   string
	Params []Expr
	Args   []Arg
}

// Measure is measure Q -> C;.
type Measure struct {
	Node
	Q, C Arg
}

// Reset is reset Q;.
type Reset struct {
	Node
	Q Arg
}

// Barrier is barrier ARGS;.
type Barrier struct {
	Node
	Args []Arg
}

// If is if (CREG == VALUE) THEN, THEN being a gate call, measure or
// reset.
type If struct {
	Node
	Creg  string
	Value uint64
	Then  Stmt
}

// Comment is a // comment. A trailing comment ends the line of the
// statement before it.
type Comment struct {
	Node
	Text     string // after the slashes
	Trailing bool
}

// Arg is a register or one bit of it: NAME or NAME[INDEX].
type Arg struct {
	At      Pos
	Reg     string
	Index   int
	Indexed bool
}

func (a Arg) String() string {
	if !a.Indexed {
		return a.Reg
	}
	return a.Reg + "[" + strconv.Itoa(a.Index) + "]"
}

// Expr is an expression for a gate parameter: *Number, *Ident, *Unary,
// *Binary or *Call.
type Expr interface {
	Pos() Pos
	// eval returns the value with the gate parameters bound in env.
	eval(env map[string]float64) float64
	prec() int
}

// Number is a numeric literal, kept as written.
type Number struct {
	At    Pos
	Text  string
	Value float64
}

// Ident is pi or the name of a gate parameter.
type Ident struct {
	At   Pos
	Name string
}

// Unary is -X.
type Unary struct {
	At Pos
	Op byte
	X  Expr
}

// Binary is X OP Y for OP one of + - * / ^.
type Binary struct {
	At   Pos
	Op   byte
	X, Y Expr
}

// Call is FUNC(X) for FUNC one of sin cos tan exp ln sqrt.
type Call struct {
	At   Pos
	Func string
	X    Expr
}

func (e *Number) Pos() Pos { return e.At }
func (e *Ident) Pos() Pos  { return e.At }
func (e *Unary) Pos() Pos  { return e.At }
func (e *Binary) Pos() Pos { return e.At }
func (e *Call) Pos() Pos   { return e.At }

func (e *Number) eval(map[string]float64) float64 { return e.Value }

func (e *Ident) eval(env map[string]float64) float64 {
	if e.Name == "pi" {
		return math.Pi
	}
	return env[e.Name]
}

func (e *Unary) eval(env map[string]float64) float64 { return -e.X.eval(env) }

func (e *Binary) eval(env map[string]float64) float64 {
	x, y := e.X.eval(env), e.Y.eval(env)
	switch e.Op {
	case '+':
		return x + y
	case '-':
		return x - y
	case '*':
		return x * y
	case '/':
		return x / y
	}
	return math.Pow(x, y)
}

var funcs = map[string]func(float64) float64{
	"sin": math.Sin, "cos": math.Cos, "tan": math.Tan,
	"exp": math.Exp, "ln": math.Log, "sqrt": math.Sqrt,
}

func (e *Call) eval(env map[string]float64) float64 { return funcs[e.Func](e.X.eval(env)) }

// Operator precedence, loosest first; atoms bind tightest.
const (
	precSum = iota + 1
	precProduct
	precUnary
	precPower
	precAtom
)

func (e *Number) prec() int { return precAtom }
func (e *Ident) prec() int  { return precAtom }
func (e *Call) prec() int   { return precAtom }
func (e *Unary) prec() int  { return precUnary }
func (e *Binary) prec() int {
	switch e.Op {
	case '+', '-':
		return precSum
	case '*', '/':
		return precProduct
	}
	return precPower
}

// writeExpr writes e with only the parentheses precedence needs.
func writeExpr(b *strings.Builder, e Expr) {
	paren := func(x Expr, need bool) {
		if need {
			b.WriteByte('(')
		}
		writeExpr(b, x)
		if need {
			b.WriteByte(')')
		}
	}
	switch e := e.(type) {
	case *Number:
		b.WriteString(e.Text)
	case *Ident:
		b.WriteString(e.Name)
	case *Call:
		b.WriteString(e.Func)
		b.WriteByte('(')
		writeExpr(b, e.X)
		b.WriteByte(')')
	case *Unary:
		b.WriteByte('-')
		paren(e.X, e.X.prec() < precUnary)
	case *Binary:
		p := e.prec()
		if p == precPower {
			// Right-associative, and its base cannot be a bare negation:
			// -x^y means -(x^y).
			paren(e.X, e.X.prec() <= precPower)
			b.WriteByte('^')
			paren(e.Y, e.Y.prec() < precUnary)
			return
		}
		paren(e.X, e.X.prec() < p)
		if p == precSum {
			b.WriteString(" " + string(e.Op) + " ")
		} else {
			b.WriteByte(e.Op)
		}
		paren(e.Y, e.Y.prec() <= p)
	}
}
