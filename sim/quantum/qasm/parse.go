package qasm

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"nexuslab/sim/quantum"
)

// Limits that keep a hostile or mistaken program from exhausting memory.
const (
	// MaxRegister is the largest register size accepted.
	MaxRegister = 1 << 16
	// MaxDepth bounds the nesting of parentheses in an expression.
	MaxDepth = 256
)

// gateSig is what the parser knows about a gate name.
type gateSig struct {
	params, qubits int
	std            bool     // a standard gate: U, CX or from qelib1.inc
	def            *GateDef // a gate defined in the program
	at             Pos
}

// parser reads tokens into a Program, checking as it goes.
type parser struct {
	lx       *lexer
	toks     []token
	i        int
	prevEnd  Pos // end of the last token consumed
	ci       int // next comment to place
	regs     map[string]*Reg
	gates    map[string]gateSig
	qelib    bool
	depth    int
	lastLine int // line on which the last statement ended
}

// Parse reads an OpenQASM 2.0 program. name is the file name used in
// errors. The first problem found is returned as an *Error that gives its
// line and column.
func Parse(name string, src []byte) (*Program, error) {
	lx := &lexer{file: name, src: src}
	toks, err := lx.lex()
	if err != nil {
		return nil, err
	}
	p := &parser{lx: lx, toks: toks, regs: map[string]*Reg{}, gates: map[string]gateSig{}}
	for _, g := range quantum.Gates() {
		if g.Builtin {
			p.gates[g.Name] = gateSig{params: g.Params, qubits: g.Qubits, std: true}
		}
	}
	return p.program()
}

func (p *parser) tok() token { return p.toks[p.i] }

func (p *parser) next() token {
	t := p.toks[p.i]
	if t.kind != tEOF {
		p.i++
		p.prevEnd = t.end
	}
	return t
}

func (p *parser) errorf(at Pos, format string, args ...any) error {
	return ErrorAt(p.lx.file, at, format, args...)
}

func (p *parser) is(sym string) bool {
	t := p.tok()
	return (t.kind == tSym || t.kind == tIdent) && t.text == sym
}

// expect consumes the symbol or keyword sym, or says what was wanted.
func (p *parser) expect(sym string, what phrase) (token, error) {
	if !p.is(sym) {
		return token{}, p.errorf(p.tok().pos, "expected %q %s, found %s", sym, what, p.tok())
	}
	return p.next(), nil
}

// semicolon consumes the ; that ends a statement, pointing just after the
// statement when it is missing, where a learner would type it.
func (p *parser) semicolon(what phrase) error {
	if p.is(";") {
		p.next()
		return nil
	}
	return p.errorf(p.prevEnd, "missing ';' at the end of this %s (found %s)", what, p.tok())
}

func (p *parser) ident(what phrase) (token, error) {
	t := p.tok()
	if t.kind != tIdent {
		return token{}, p.errorf(t.pos, "expected %s, found %s", what, t)
	}
	if keywords[t.text] {
		return token{}, p.errorf(t.pos, "%q is a keyword and cannot be used as %s", t.text, what)
	}
	return p.next(), nil
}

var keywords = map[string]bool{
	"OPENQASM": true, "include": true, "qreg": true, "creg": true, "gate": true, "opaque": true,
	"measure": true, "reset": true, "barrier": true, "if": true, "pi": true,
	"sin": true, "cos": true, "tan": true, "exp": true, "ln": true, "sqrt": true,
}

// comments takes the comments that come before the next token as
// statements. A comment on the line where the previous statement ended
// is trailing.
func (p *parser) comments() []Stmt {
	var out []Stmt
	cs := p.lx.comments
	for p.ci < len(cs) && before(cs[p.ci].pos, p.tok().pos, p.tok().kind == tEOF) {
		c := cs[p.ci]
		out = append(out, &Comment{Node: Node{At: c.pos, Blank: c.pos.Line > p.lastLine+1 && p.lastLine > 0}, Text: c.text, Trailing: c.pos.Line == p.lastLine})
		p.lastLine = c.pos.Line
		p.ci++
	}
	return out
}

func before(a, b Pos, eof bool) bool {
	return eof || a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
}

func (p *parser) program() (*Program, error) {
	prog := &Program{Head: p.comments()}
	t := p.tok()
	if !p.is("OPENQASM") {
		return nil, p.errorf(t.pos, "a program starts with \"OPENQASM 2.0;\", found %s", t)
	}
	p.next()
	v := p.tok()
	if v.kind != tReal && v.kind != tInt {
		return nil, p.errorf(v.pos, "expected a version number after OPENQASM, found %s", v)
	}
	if f, _ := strconv.ParseFloat(v.text, 64); f < 2 || f >= 3 {
		return nil, p.errorf(v.pos, "OpenQASM %s is not supported: this reads OpenQASM 2.0", v.text)
	}
	p.next()
	prog.Version = "2.0"
	if err := p.semicolon(phrasef("OPENQASM line")); err != nil {
		return nil, err
	}
	p.lastLine = p.prevEnd.Line
	for {
		prog.Stmts = append(prog.Stmts, p.comments()...)
		if p.tok().kind == tEOF {
			return prog, nil
		}
		start := p.tok().pos
		blank := start.Line > p.lastLine+1
		s, err := p.statement()
		if err != nil {
			return nil, err
		}
		s.node().At = start
		s.node().Blank = blank
		p.lastLine = p.prevEnd.Line
		prog.Stmts = append(prog.Stmts, s)
	}
}

func (p *parser) statement() (Stmt, error) {
	t := p.tok()
	if t.kind != tIdent {
		return nil, p.errorf(t.pos, "expected a statement, found %s", t)
	}
	switch t.text {
	case "OPENQASM":
		return nil, p.errorf(t.pos, "OPENQASM may only appear once, on the first line")
	case "include":
		return p.include()
	case "qreg", "creg":
		return p.reg()
	case "gate", "opaque":
		return p.gateDef()
	case "if":
		return p.ifStmt()
	}
	return p.qop(nil, "")
}

func (p *parser) include() (Stmt, error) {
	p.next()
	t := p.tok()
	if t.kind != tString {
		return nil, p.errorf(t.pos, "expected a file name in quotes after include, found %s", t)
	}
	p.next()
	if t.text != "qelib1.inc" {
		return nil, p.errorf(t.pos, "cannot include %q: only \"qelib1.inc\", the standard gates, can be included", t.text)
	}
	if err := p.semicolon(keyword("include")); err != nil {
		return nil, err
	}
	if !p.qelib {
		p.qelib = true
		for _, g := range quantum.Gates() {
			if g.Builtin {
				continue
			}
			if old, ok := p.gates[g.Name]; ok {
				return nil, p.errorf(old.at, "gate %s is defined here and again by qelib1.inc, included later", g.Name)
			}
			p.gates[g.Name] = gateSig{params: g.Params, qubits: g.Qubits, std: true}
		}
	}
	return &Include{Path: t.text}, nil
}

func (p *parser) reg() (Stmt, error) {
	kw := p.next()
	name, err := p.ident(phrasef("a register name"))
	if err != nil {
		return nil, err
	}
	if old, ok := p.regs[name.text]; ok {
		return nil, p.errorf(name.pos, "register %s is already declared at line %d", name.text, old.At.Line)
	}
	if _, err := p.expect("[", phrasef("and the register's size after its name")); err != nil {
		return nil, err
	}
	sz := p.tok()
	if sz.kind != tInt {
		return nil, p.errorf(sz.pos, "expected the register's size, a whole number, found %s", sz)
	}
	p.next()
	n, err := strconv.Atoi(sz.text)
	if err != nil || n < 1 || n > MaxRegister {
		return nil, p.errorf(sz.pos, "a register holds 1 to %d bits, not %s", MaxRegister, sz.text)
	}
	if _, err := p.expect("]", phrasef("after the register's size")); err != nil {
		return nil, err
	}
	if err := p.semicolon(phrasef("%s declaration", kw.text)); err != nil {
		return nil, err
	}
	r := &Reg{Node: Node{At: kw.pos}, Quantum: kw.text == "qreg", Name: name.text, Size: n}
	p.regs[r.Name] = r
	return r, nil
}

// idList reads NAME, NAME, … of distinct names.
func (p *parser) idList(what phrase) ([]string, error) {
	var out []string
	for {
		t, err := p.ident(what)
		if err != nil {
			return nil, err
		}
		if slices.Contains(out, t.text) {
			return nil, p.errorf(t.pos, "%s is listed twice", t.text)
		}
		out = append(out, t.text)
		if !p.is(",") {
			return out, nil
		}
		p.next()
	}
}

func (p *parser) gateDef() (Stmt, error) {
	kw := p.next()
	name, err := p.ident(phrasef("a gate name"))
	if err != nil {
		return nil, err
	}
	if old, ok := p.gates[name.text]; ok {
		where := phrasef("in qelib1.inc")
		if !old.std {
			where = phrasef("at line %d", old.at.Line)
		} else if _, builtin := map[string]bool{"U": true, "CX": true}[name.text]; builtin {
			where = phrasef("as a built-in gate")
		}
		return nil, p.errorf(name.pos, "gate %s is already defined %s", name.text, where)
	}
	g := &GateDef{Name: name.text, Opaque: kw.text == "opaque"}
	if p.is("(") {
		p.next()
		if !p.is(")") {
			if g.Params, err = p.idList(phrasef("a parameter name")); err != nil {
				return nil, err
			}
		}
		if _, err := p.expect(")", phrasef("after the gate's parameters")); err != nil {
			return nil, err
		}
	}
	if g.Qargs, err = p.idList(phrasef("a qubit argument name")); err != nil {
		return nil, err
	}
	for _, q := range g.Qargs {
		if slices.Contains(g.Params, q) {
			return nil, p.errorf(name.pos, "%s is both a parameter and a qubit of gate %s", q, g.Name)
		}
	}
	sig := gateSig{params: len(g.Params), qubits: len(g.Qargs), def: g, at: kw.pos}
	if g.Opaque {
		if err := p.semicolon(phrasef("opaque declaration")); err != nil {
			return nil, err
		}
		p.gates[g.Name] = sig
		return g, nil
	}
	if _, err := p.expect("{", phrasef("to open the gate's body")); err != nil {
		return nil, err
	}
	p.lastLine = p.prevEnd.Line
	for {
		g.Body = append(g.Body, p.comments()...)
		if p.is("}") {
			p.next()
			break
		}
		if p.tok().kind == tEOF {
			return nil, p.errorf(kw.pos, "the body of gate %s is never closed with }", g.Name)
		}
		start := p.tok().pos
		s, err := p.qop(g, "")
		if err != nil {
			return nil, err
		}
		s.node().At = start
		s.node().Blank = start.Line > p.lastLine+1
		p.lastLine = p.prevEnd.Line
		g.Body = append(g.Body, s)
	}
	// The gate is defined only after its body: a gate cannot call itself.
	p.gates[g.Name] = sig
	return g, nil
}

func (p *parser) ifStmt() (Stmt, error) {
	p.next()
	if _, err := p.expect("(", phrasef("after if")); err != nil {
		return nil, err
	}
	name, err := p.ident(phrasef("a classical register name"))
	if err != nil {
		return nil, err
	}
	r, ok := p.regs[name.text]
	if !ok {
		return nil, p.errorf(name.pos, "register %s is not declared%s", name.text, p.suggestReg(name.text, false))
	}
	if r.Quantum {
		return nil, p.errorf(name.pos, "%s is a quantum register: if compares a classical register", name.text)
	}
	if p.is("[") {
		return nil, p.errorf(p.tok().pos, "OpenQASM 2.0 compares a whole register: write if (%s == N), not one bit", name.text)
	}
	if _, err := p.expect("==", phrasef("after the register name")); err != nil {
		return nil, err
	}
	v := p.tok()
	if v.kind != tInt {
		return nil, p.errorf(v.pos, "expected a whole number to compare %s with, found %s", name.text, v)
	}
	p.next()
	val, err := strconv.ParseUint(v.text, 10, 64)
	if err != nil || r.Size < 64 && val >= 1<<r.Size {
		return nil, p.errorf(v.pos, "%s has %d bits, so it never equals %s", name.text, r.Size, v.text)
	}
	if _, err := p.expect(")", phrasef("to close the condition")); err != nil {
		return nil, err
	}
	t := p.tok()
	if t.kind == tIdent && (t.text == "if" || t.text == "barrier" || t.text == "gate" || t.text == "qreg" || t.text == "creg") {
		return nil, p.errorf(t.pos, "an if can only guard a gate, measure or reset, not %s", t.text)
	}
	then, err := p.qop(nil, name.text)
	if err != nil {
		return nil, err
	}
	then.node().At = t.pos
	return &If{Creg: name.text, Value: val, Then: then}, nil
}

// qop reads a gate call, measure, reset or barrier. In a gate body, g is
// the gate being defined; guard names the register of an enclosing if.
func (p *parser) qop(g *GateDef, guard string) (Stmt, error) {
	t := p.tok()
	if t.kind != tIdent {
		return nil, p.errorf(t.pos, "expected a gate, measure, reset or barrier, found %s", t)
	}
	switch t.text {
	case "measure", "reset":
		if g != nil {
			return nil, p.errorf(t.pos, "a gate body cannot %s: gates are unitary", t.text)
		}
		p.next()
		q, err := p.arg(nil, true)
		if err != nil {
			return nil, err
		}
		if t.text == "reset" {
			if err := p.semicolon(keyword("reset")); err != nil {
				return nil, err
			}
			return &Reset{Q: q}, nil
		}
		if _, err := p.expect("->", phrasef("between the qubit and the classical bit it is measured into")); err != nil {
			return nil, err
		}
		c, err := p.arg(nil, false)
		if err != nil {
			return nil, err
		}
		if err := p.checkMeasure(q, c); err != nil {
			return nil, err
		}
		if err := p.semicolon(keyword("measure")); err != nil {
			return nil, err
		}
		return &Measure{Q: q, C: c}, nil
	case "barrier":
		if guard != "" {
			return nil, p.errorf(t.pos, "an if cannot guard a barrier")
		}
		p.next()
		args, err := p.args(g)
		if err != nil {
			return nil, err
		}
		if err := p.semicolon(keyword("barrier")); err != nil {
			return nil, err
		}
		return &Barrier{Args: args}, nil
	}
	if keywords[t.text] {
		return nil, p.errorf(t.pos, "%q cannot start a statement here", t.text)
	}
	p.next()
	sig, ok := p.gates[t.text]
	if !ok {
		return nil, p.errorf(t.pos, "unknown gate %s%s", t.text, p.suggestGate(t.text))
	}
	call := &GateCall{Name: t.text}
	if p.is("(") {
		p.next()
		if !p.is(")") {
			for {
				e, err := p.expr(g)
				if err != nil {
					return nil, err
				}
				call.Params = append(call.Params, e)
				if !p.is(",") {
					break
				}
				p.next()
			}
		}
		if _, err := p.expect(")", phrasef("after the gate's parameters")); err != nil {
			return nil, err
		}
	}
	if len(call.Params) != sig.params {
		return nil, p.errorf(t.pos, "gate %s takes %s, got %d", t.text, plural(sig.params, "1 parameter", "%d parameters"), len(call.Params))
	}
	args, err := p.args(g)
	if err != nil {
		return nil, err
	}
	call.Args = args
	if len(args) != sig.qubits {
		return nil, p.errorf(t.pos, "gate %s takes %s, got %d", t.text, plural(sig.qubits, "1 qubit", "%d qubits"), len(args))
	}
	if err := p.checkDistinct(t.text, args, g); err != nil {
		return nil, err
	}
	if err := p.semicolon(phrasef("gate call")); err != nil {
		return nil, err
	}
	return call, nil
}

// plural says how many n is with the phrase for one or the format for
// many, such as "1 qubit" or "%d qubits".
func plural(n int, one, many string) phrase {
	if n == 1 {
		return phrase{format: one}
	}
	return phrasef(many, n)
}

// args reads a comma-separated list of qubit arguments.
func (p *parser) args(g *GateDef) ([]Arg, error) {
	var out []Arg
	for {
		a, err := p.arg(g, true)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
		if !p.is(",") {
			return out, nil
		}
		p.next()
	}
}

// arg reads NAME or NAME[INDEX] and checks it names a qubit (or, with
// quantum false, a classical bit) that exists. In a gate body, only the
// gate's own qubit arguments may be named, without an index.
func (p *parser) arg(g *GateDef, quantum bool) (Arg, error) {
	name, err := p.ident(map[bool]phrase{true: phrasef("a qubit"), false: phrasef("a classical bit")}[quantum])
	if err != nil {
		return Arg{}, err
	}
	a := Arg{At: name.pos, Reg: name.text}
	if g != nil {
		if !slices.Contains(g.Qargs, name.text) {
			return Arg{}, p.errorf(name.pos, "%s is not a qubit of gate %s (its qubits are %s)", name.text, g.Name, strings.Join(g.Qargs, ", "))
		}
		if p.is("[") {
			return Arg{}, p.errorf(p.tok().pos, "inside a gate, %s is one qubit and cannot be indexed", name.text)
		}
		return a, nil
	}
	r, ok := p.regs[name.text]
	if !ok {
		return Arg{}, p.errorf(name.pos, "register %s is not declared%s", name.text, p.suggestReg(name.text, quantum))
	}
	if r.Quantum != quantum {
		if quantum {
			return Arg{}, p.errorf(name.pos, "%s is a classical register where a qubit is needed", name.text)
		}
		return Arg{}, p.errorf(name.pos, "%s is a quantum register where a classical bit is needed", name.text)
	}
	if p.is("[") {
		p.next()
		ix := p.tok()
		if ix.kind != tInt {
			return Arg{}, p.errorf(ix.pos, "expected an index, a whole number, found %s", ix)
		}
		p.next()
		n, err := strconv.Atoi(ix.text)
		if err != nil || n >= r.Size {
			size := plural(r.Size, "1 bit", "%d bits")
			if quantum {
				size = plural(r.Size, "1 qubit", "%d qubits")
			}
			return Arg{}, p.errorf(ix.pos, "%s[%s] is out of range: %s has %s, indices 0 to %d", name.text, ix.text, name.text, size, r.Size-1)
		}
		if _, err := p.expect("]", phrasef("after the index")); err != nil {
			return Arg{}, err
		}
		a.Index, a.Indexed = n, true
	}
	return a, nil
}

// size returns how many bits an argument stands for.
func (p *parser) size(a Arg) int {
	if a.Indexed {
		return 1
	}
	if r, ok := p.regs[a.Reg]; ok {
		return r.Size
	}
	return 1
}

// checkDistinct checks that the arguments of one gate call name
// different qubits and that whole registers have one size.
func (p *parser) checkDistinct(gate string, args []Arg, g *GateDef) error {
	size := 0
	var sized Arg
	for i, a := range args {
		for _, b := range args[:i] {
			if a.Reg != b.Reg {
				continue
			}
			if g != nil || !a.Indexed || !b.Indexed || a.Index == b.Index {
				return p.errorf(a.At, "gate %s uses %s twice: each qubit may appear once", gate, a)
			}
		}
		if !a.Indexed && g == nil {
			if size != 0 && p.size(a) != size {
				return p.errorf(a.At, "registers %s (%d qubits) and %s (%d qubits) differ in size, so gate %s cannot be applied to them pairwise", sized.Reg, size, a.Reg, p.size(a), gate)
			}
			size, sized = p.size(a), a
		}
	}
	return nil
}

func (p *parser) checkMeasure(q, c Arg) error {
	if q.Indexed != c.Indexed {
		return p.errorf(c.At, "measure %s -> %s mixes one bit and a whole register: index both or neither", q, c)
	}
	if !q.Indexed && p.size(q) != p.size(c) {
		return p.errorf(c.At, "measure %s -> %s: %s has %d qubits but %s has %d bits", q, c, q.Reg, p.size(q), c.Reg, p.size(c))
	}
	return nil
}

// expr reads an expression. In a gate body, g's parameters may be named.
func (p *parser) expr(g *GateDef) (Expr, error) {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > MaxDepth {
		return nil, p.errorf(p.tok().pos, "this expression is nested too deeply")
	}
	x, err := p.term(g)
	if err != nil {
		return nil, err
	}
	for p.is("+") || p.is("-") {
		op := p.next()
		y, err := p.term(g)
		if err != nil {
			return nil, err
		}
		x = &Binary{At: op.pos, Op: op.text[0], X: x, Y: y}
	}
	return x, nil
}

func (p *parser) term(g *GateDef) (Expr, error) {
	x, err := p.unary(g)
	if err != nil {
		return nil, err
	}
	for p.is("*") || p.is("/") {
		op := p.next()
		y, err := p.unary(g)
		if err != nil {
			return nil, err
		}
		x = &Binary{At: op.pos, Op: op.text[0], X: x, Y: y}
	}
	return x, nil
}

func (p *parser) unary(g *GateDef) (Expr, error) {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > MaxDepth {
		return nil, p.errorf(p.tok().pos, "this expression is nested too deeply")
	}
	if p.is("-") {
		op := p.next()
		x, err := p.unary(g)
		if err != nil {
			return nil, err
		}
		return &Unary{At: op.pos, Op: '-', X: x}, nil
	}
	if p.is("+") {
		p.next()
		return p.unary(g)
	}
	x, err := p.atom(g)
	if err != nil {
		return nil, err
	}
	if p.is("^") {
		op := p.next()
		y, err := p.unary(g)
		if err != nil {
			return nil, err
		}
		return &Binary{At: op.pos, Op: '^', X: x, Y: y}, nil
	}
	return x, nil
}

func (p *parser) atom(g *GateDef) (Expr, error) {
	t := p.tok()
	switch t.kind {
	case tInt, tReal:
		p.next()
		v, err := strconv.ParseFloat(t.text, 64)
		if err != nil && !math.IsInf(v, 0) {
			return nil, p.errorf(t.pos, "%s is not a number", t.text)
		}
		if math.IsInf(v, 0) {
			return nil, p.errorf(t.pos, "%s is too large a number", t.text)
		}
		return &Number{At: t.pos, Text: t.text, Value: v}, nil
	case tIdent:
		p.next()
		if _, ok := funcs[t.text]; ok {
			if _, err := p.expect("(", phrasef("after %s", t.text)); err != nil {
				return nil, err
			}
			x, err := p.expr(g)
			if err != nil {
				return nil, err
			}
			if _, err := p.expect(")", phrasef("to close %s(", t.text)); err != nil {
				return nil, err
			}
			return &Call{At: t.pos, Func: t.text, X: x}, nil
		}
		if t.text == "pi" || g != nil && slices.Contains(g.Params, t.text) {
			return &Ident{At: t.pos, Name: t.text}, nil
		}
		if g != nil {
			return nil, p.errorf(t.pos, "%s is not a parameter of gate %s", t.text, g.Name)
		}
		return nil, p.errorf(t.pos, "%s is not a number: outside a gate body, parameters are numbers, pi and the functions sin, cos, tan, exp, ln, sqrt", t.text)
	case tSym:
		if t.text == "(" {
			p.next()
			x, err := p.expr(g)
			if err != nil {
				return nil, err
			}
			if _, err := p.expect(")", phrasef("to close the parenthesis")); err != nil {
				return nil, err
			}
			return x, nil
		}
	}
	return nil, p.errorf(t.pos, "expected a number or expression, found %s", t)
}

// suggestGate returns a hint naming a known gate close to name, or an
// empty phrase.
func (p *parser) suggestGate(name string) phrase {
	if _, ok := quantum.LookupGate(name); ok && !p.qelib {
		return phrasef(` (it is in qelib1.inc: add include "qelib1.inc"; after the OPENQASM line)`)
	}
	var names []string
	for n := range p.gates {
		names = append(names, n)
	}
	return didYouMean(name, names)
}

// suggestReg returns a hint naming a register of the kind wanted close
// to name, or an empty phrase.
func (p *parser) suggestReg(name string, quantum bool) phrase {
	var names []string
	for n, r := range p.regs {
		if r.Quantum == quantum {
			names = append(names, n)
		}
	}
	return didYouMean(name, names)
}

// didYouMean returns a hint naming the one of names closest to name, or
// an empty phrase when none is close.
func didYouMean(name string, names []string) phrase {
	if best := closest(name, names); best != "" {
		return phrasef(" (did you mean %s?)", best)
	}
	return phrase{}
}

// closest returns the name within edit distance 1 of s, if one is, or
// within 2 for longer names.
func closest(s string, names []string) string {
	slices.Sort(names)
	best, bestD := "", 3
	for _, n := range names {
		d := distance(s, n)
		// On a tie, prefer a name that starts as s does: "hh" → "h".
		tie := d == bestD && best != "" && n[0] == s[0] && best[0] != s[0]
		if (d < bestD || tie) && (d == 1 || len(s) > 4) {
			best, bestD = n, d
		}
	}
	return best
}

// distance is the Levenshtein distance of a and b.
func distance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 99
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
