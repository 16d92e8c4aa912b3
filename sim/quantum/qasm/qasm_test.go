package qasm

import (
	"bytes"
	"errors"
	"math"
	"math/cmplx"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"nexuslab/sim"
	"nexuslab/sim/i18n"
	"nexuslab/sim/quantum"
)

const header = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n"

func compile(t *testing.T, src string) *quantum.Circuit {
	t.Helper()
	c, err := Compile("t.qasm", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCompileBroadcastAndDefinitions(t *testing.T) {
	c := compile(t, header+`
qreg a[2];
qreg b[2];
creg m[2];
gate twist(theta) x, y { rz(theta/2) y; cx x, y; }
h a;
twist(pi) a, b;
cx a[0], b[1];
barrier a, b[0];
measure b -> m;
if (m == 3) x a[1];
reset a[0];
`)
	want := []quantum.Op{
		{Kind: quantum.OpGate, Name: "h", Params: []float64{}, Qubits: []int{0}},
		{Kind: quantum.OpGate, Name: "h", Params: []float64{}, Qubits: []int{1}},
		{Kind: quantum.OpGate, Name: "rz", Params: []float64{math.Pi / 2}, Qubits: []int{2}},
		{Kind: quantum.OpGate, Name: "cx", Params: []float64{}, Qubits: []int{0, 2}},
		{Kind: quantum.OpGate, Name: "rz", Params: []float64{math.Pi / 2}, Qubits: []int{3}},
		{Kind: quantum.OpGate, Name: "cx", Params: []float64{}, Qubits: []int{1, 3}},
		{Kind: quantum.OpGate, Name: "cx", Params: []float64{}, Qubits: []int{0, 3}},
		{Kind: quantum.OpBarrier, Qubits: []int{0, 1, 2}},
		{Kind: quantum.OpMeasure, Qubits: []int{2}, Clbit: 0},
		{Kind: quantum.OpMeasure, Qubits: []int{3}, Clbit: 1},
		{Kind: quantum.OpGate, Name: "x", Params: []float64{}, Qubits: []int{1}, Cond: &quantum.Cond{Creg: 0, Value: 3}},
		{Kind: quantum.OpReset, Qubits: []int{0}},
	}
	if !reflect.DeepEqual(c.Ops, want) {
		t.Errorf("ops\ngot:  %+v\nwant: %+v", c.Ops, want)
	}
	if c.Qubits() != 4 || c.Clbits() != 2 {
		t.Errorf("got: %d qubits %d bits want: 4 and 2", c.Qubits(), c.Clbits())
	}
}

func TestExpressions(t *testing.T) {
	for _, tc := range []struct {
		expr string
		want float64
	}{
		{"pi", math.Pi}, {"-pi/2", -math.Pi / 2}, {"2^3^2", 512}, {"-2^2", -4}, {"(1+2)*3", 9},
		{"1-2-3", -4}, {"8/2/2", 2}, {"sin(pi/2)", 1}, {"cos(0)+exp(0)+ln(1)+sqrt(4)+tan(0)", 4},
		{"2^-1", 0.5}, {"1.5e1", 15}, {".5", 0.5}, {"3.", 3}, {"+1", 1}, {"--1", 1},
	} {
		c := compile(t, header+"qreg q[1];\nrx("+tc.expr+") q[0];\n")
		if got := c.Ops[0].Params[0]; math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("%s got: %v want: %v", tc.expr, got, tc.want)
		}
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want string
	}{
		{"qreg q[1];", "1:1: a program starts with \"OPENQASM 2.0;\""},
		{"OPENQASM 3.0;", "1:10: OpenQASM 3.0 is not supported"},
		{"OPENQASM 2.0", "1:13: missing ';'"},
		{header + "qreg q[2];\nhh q[0];", "4:1: unknown gate hh (did you mean h?)"},
		{"OPENQASM 2.0;\nqreg q[1];\nh q[0];", `3:1: unknown gate h (it is in qelib1.inc`},
		{header + "qreg q[2];\nh q[2];", "4:5: q[2] is out of range: q has 2 qubits, indices 0 to 1"},
		{header + "qreg q[2];\nh r[0];", "4:3: register r is not declared"},
		{header + "qreg q[2];\ncx q[0];", "4:1: gate cx takes 2 qubits, got 1"},
		{header + "qreg q[2];\nrx q[0];", "4:1: gate rx takes 1 parameter, got 0"},
		{header + "qreg q[2];\ncx q[0], q[0];", "4:10: gate cx uses q[0] twice"},
		{header + "qreg q[2];\nqreg r[3];\ncx q, r;", "5:7: registers q (2 qubits) and r (3 qubits) differ in size"},
		{header + "qreg q[2];\nh q[0]\nh q[1];", "4:7: missing ';' at the end of this gate call"},
		{header + "qreg q[2];\nqreg q[3];", "4:6: register q is already declared at line 3"},
		{header + "qreg q[0];", "3:8: a register holds 1 to 65536 bits"},
		{header + "gate h a { x a; }", "3:6: gate h is already defined in qelib1.inc"},
		{header + "gate g a { measure a -> c; }", "3:12: a gate body cannot measure"},
		{header + "gate g a { x b; }", "3:14: b is not a qubit of gate g"},
		{header + "gate g(t) a { rx(s) a; }", "3:18: s is not a parameter of gate g"},
		{header + "gate g a { g a; }", "3:12: unknown gate g"},
		{header + "qreg q[1];\ncreg c[2];\nif (c == 4) x q[0];", "5:10: c has 2 bits, so it never equals 4"},
		{header + "qreg q[1];\ncreg c[1];\nmeasure q[0] -> c;", "5:17: measure q[0] -> c mixes one bit and a whole register"},
		{header + "qreg q[1];\nrx(theta) q[0];", "4:4: theta is not a number"},
		{header + "qreg q[1];\nrx(1/0) q[0];", "4:1: a parameter of rx is +Inf"},
		{header + "opaque magic a;\nqreg q[1];\nmagic q[0];", "5:1: gate magic is opaque"},
		{header + "include \"other.inc\";", "3:9: cannot include \"other.inc\""},
		{header + "qreg q[1];\nx q[0]; /* open", "4:9: this /* comment is never closed"},
		{header + "qreg q[1];\nx q[0] = 1;", "4:8: a lone = is not OpenQASM 2.0"},
		{header + "qreg q[31];", "3:1: the program declares 31 qubits, more than the 30"},
		{header + "gate a x { } gate b x { a x; a x; } gate c x { b x; b x; } gate d x { c x; c x; }\n" +
			"gate e x { d x; d x; } gate f x { e x; e x; } gate g x { f x; f x; } gate h2 x { g x; g x; }\n" +
			"gate i x { h2 x; h2 x; } gate j x { i x; i x; } gate k x { j x; j x; } gate l x { k x; k x; }\n" +
			"gate m x { l x; l x; } gate n x { m x; m x; } gate o x { n x; n x; } gate p2 x { o x; o x; }\n" +
			"gate r x { p2 x; p2 x; } gate s2 x { r x; r x; } gate t2 x { s2 x; s2 x; } gate u4 x { t2 x; t2 x; } gate v x { u4 x; u4 x; }\nqreg q[1];\nv q[0];", "9:1: the program expands to more than"},
	} {
		_, err := Compile("t.qasm", []byte(tc.src))
		if err == nil {
			t.Errorf("%q: got: no error want: %q", tc.src, tc.want)
			continue
		}
		if got := err.Error(); !strings.HasPrefix(got, "t.qasm:"+tc.want) {
			t.Errorf("%q\ngot:  %s\nwant: t.qasm:%s…", tc.src, got, tc.want)
		}
		checkMessage(t, err)
	}
}

// checkMessage checks that an error's Message, formatted in English,
// says exactly what Error does: the format and arguments a translation
// starts from lose nothing.
func checkMessage(t *testing.T, err error) {
	t.Helper()
	var qe *Error
	if !errorsAs(err, &qe) {
		t.Fatalf("error %v is not an *Error", err)
	}
	if got := sim.Translate(sim.English{}, qe); got != qe.Error() {
		t.Errorf("Message in English:\ngot:  %s\nwant: %s", got, qe.Error())
	}
}

// TestErrorTranslates says an error in Vietnamese through a table, as
// the composer's page does: the position, the message and the phrases
// inside it.
func TestErrorTranslates(t *testing.T) {
	vi := i18n.New("vi", map[string]string{
		"%s:%d:%d: %s":        "%s, dòng %d, cột %d: %s",
		"%d:%d: %s":           "dòng %d, cột %d: %s",
		"unknown gate %s%s":   "không có cổng %s%s",
		" (did you mean %s?)": " (có phải ý bạn là %s?)",
		"missing ';' at the end of this %s (found %s)": "thiếu ';' ở cuối %s này (gặp %s)",
		"gate call":           "lời gọi cổng",
		"the end of the file": "cuối tệp",
	})
	for _, tc := range []struct{ file, src, want string }{
		{"t.qasm", header + "qreg q[2];\nhh q[0];", "t.qasm, dòng 4, cột 1: không có cổng hh (có phải ý bạn là h?)"},
		{"", header + "qreg q[2];\nh q[0]", "dòng 4, cột 7: thiếu ';' ở cuối lời gọi cổng này (gặp cuối tệp)"},
	} {
		_, err := Compile(tc.file, []byte(tc.src))
		var qe *Error
		if !errorsAs(err, &qe) {
			t.Fatalf("%q: got: %v want: an *Error", tc.src, err)
		}
		if got := sim.Translate(vi, qe); got != tc.want {
			t.Errorf("%q in Vietnamese\ngot:  %s\nwant: %s", tc.src, got, tc.want)
		}
	}
}

func TestFormat(t *testing.T) {
	src := `// A comment before the header.
OPENQASM 2.0;
include "qelib1.inc";   // standard gates
qreg q[2];creg c[2];


gate  twist ( theta,phi )a,b{
  // inside
  rz( theta/(2*phi) ) b;cx a ,b ;
  barrier a,b;
}
U(-(pi/2)+1, 2^(1+1), -1*-2) q[0];
if(c==1)x q[1];
measure q->c; // trailing
`
	want := `// A comment before the header.
OPENQASM 2.0;
include "qelib1.inc"; // standard gates
qreg q[2];
creg c[2];

gate twist(theta, phi) a, b {
  // inside
  rz(theta/(2*phi)) b;
  cx a, b;
  barrier a, b;
}
U(-(pi/2) + 1, 2^(1 + 1), -1*-2) q[0];
if (c == 1) x q[1];
measure q -> c; // trailing
`
	p, err := Parse("t.qasm", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	got := string(Format(p))
	if got != want {
		t.Errorf("Format\ngot:\n%s\nwant:\n%s", got, want)
	}
	again, err := Parse("t.qasm", []byte(got))
	if err != nil {
		t.Fatal(err)
	}
	if twice := string(Format(again)); twice != got {
		t.Errorf("formatting twice changed the text\ngot:\n%s\nwant:\n%s", twice, got)
	}
	a, _ := p.Circuit("t.qasm")
	b, _ := again.Circuit("t.qasm")
	if !reflect.DeepEqual(a, b) {
		t.Errorf("formatting changed the circuit\ngot:  %+v\nwant: %+v", b, a)
	}
}

// randomCircuit draws gates of every kind, with measurements, resets,
// barriers and conditions, over two quantum and two classical registers.
func randomCircuit(rng *rand.Rand, ops int) *quantum.Circuit {
	c := &quantum.Circuit{
		Qregs: []quantum.Register{{Name: "q", Size: 3}, {Name: "anc", Size: 2}},
		Cregs: []quantum.Register{{Name: "c", Size: 2}, {Name: "flag", Size: 3}},
	}
	gates := quantum.Gates()
	angles := []float64{0, math.Pi, -math.Pi / 2, 3 * math.Pi / 4, math.Pi / 3, 1e-7, 12345.678, -0.1, 1e21}
	for range ops {
		var op quantum.Op
		switch rng.IntN(10) {
		case 0:
			op = quantum.Op{Kind: quantum.OpMeasure, Qubits: []int{rng.IntN(5)}, Clbit: rng.IntN(5)}
		case 1:
			op = quantum.Op{Kind: quantum.OpReset, Qubits: []int{rng.IntN(5)}}
		case 2:
			op = quantum.Op{Kind: quantum.OpBarrier, Qubits: rng.Perm(5)[:1+rng.IntN(4)]}
		default:
			g := gates[rng.IntN(len(gates))]
			op = quantum.Op{Kind: quantum.OpGate, Name: g.Name, Qubits: rng.Perm(5)[:g.Qubits], Params: []float64{}}
			for range g.Params {
				v := angles[rng.IntN(len(angles))]
				if rng.IntN(2) == 0 {
					v = rng.NormFloat64() * 10
				}
				op.Params = append(op.Params, v)
			}
		}
		if op.Kind != quantum.OpBarrier && rng.IntN(4) == 0 {
			op.Cond = &quantum.Cond{Creg: 1, Value: uint64(rng.IntN(8))}
		}
		c.Ops = append(c.Ops, op)
	}
	return c
}

func TestCircuitRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	for trial := range 50 {
		c := randomCircuit(rng, 60)
		text := Format(FromCircuit(c))
		got, err := Compile("round.qasm", text)
		if err != nil {
			t.Fatalf("trial %d: %v\n%s", trial, err, text)
		}
		if !reflect.DeepEqual(got, c) {
			t.Fatalf("trial %d: round trip changed the circuit\ngot:  %+v\nwant: %+v\n%s", trial, got.Ops, c.Ops, text)
		}
	}
	c := quantum.NewCircuit(1, 0).Gate("rz", []float64{math.Pi / 2}, 0).Gate("rz", []float64{-3 * math.Pi / 4}, 0)
	if got, want := string(Format(FromCircuit(c))), header+"qreg q[1];\nrz(pi/2) q[0];\nrz(-3*pi/4) q[0];\n"; got != want {
		t.Errorf("angles\ngot:\n%s\nwant:\n%s", got, want)
	}
}

// TestQelibDefinitions checks built-in gates against their definitions
// in qelib1.inc, built here from U and CX, up to a global phase.
func TestQelibDefinitions(t *testing.T) {
	defs := `OPENQASM 2.0;
gate u1(l) a { U(0, 0, l) a; }
gate u2(p, l) a { U(pi/2, p, l) a; }
gate h a { u2(0, pi) a; }
gate t a { u1(pi/4) a; }
gate tdg a { u1(-pi/4) a; }
gate s a { u1(pi/2) a; }
gate sdg a { u1(-pi/2) a; }
gate x a { U(pi, 0, pi) a; }
gate cx a, b { CX a, b; }
gate ccx a, b, c { h c; cx b, c; tdg c; cx a, c; t c; cx b, c; tdg c; cx a, c; t b; t c; h c; cx a, b; t a; tdg b; cx a, b; }
gate rccx a, b, c { u2(0, pi) c; u1(pi/4) c; cx b, c; u1(-pi/4) c; cx a, c; u1(pi/4) c; cx b, c; u1(-pi/4) c; u2(0, pi) c; }
gate rc3x a, b, c, d { u2(0, pi) d; u1(pi/4) d; cx c, d; u1(-pi/4) d; u2(0, pi) d; cx a, d; u1(pi/4) d; cx b, d; u1(-pi/4) d;
  cx a, d; u1(pi/4) d; cx b, d; u1(-pi/4) d; u2(0, pi) d; u1(pi/4) d; cx c, d; u1(-pi/4) d; u2(0, pi) d; }
gate ch a, b { h b; sdg b; cx a, b; h b; t b; cx a, b; t b; h b; s b; x b; s a; }
gate cswap a, b, c { cx c, b; ccx a, b, c; cx c, b; }
gate cu3(th, p, l) c, t { u1((l+p)/2) c; u1((l-p)/2) t; cx c, t; U(-th/2, 0, -(p+l)/2) t; cx c, t; U(th/2, p, 0) t; }
gate rxx(th) a, b { U(pi/2, th, 0) a; h b; cx a, b; u1(-th) b; cx a, b; h b; u2(-pi, pi-th) a; }
gate rzz(th) a, b { cx a, b; u1(th) b; cx a, b; }
gate crz(l) a, b { U(0, 0, l/2) b; cx a, b; U(0, 0, -l/2) b; cx a, b; }
`
	for _, tc := range []struct {
		gate   string
		params []float64
	}{
		{"ccx", nil}, {"rccx", nil}, {"rc3x", nil}, {"ch", nil}, {"cswap", nil},
		{"cu3", []float64{0.3, 1.1, -0.7}}, {"rxx", []float64{0.9}}, {"rzz", []float64{-1.3}}, {"crz", []float64{0.8}},
	} {
		info, _ := quantum.LookupGate(tc.gate)
		m, _ := quantum.Matrix(tc.gate, tc.params)
		d := 1 << info.Qubits
		var ps []string
		for _, v := range tc.params {
			ps = append(ps, num(v).Text)
		}
		call := tc.gate
		if len(ps) > 0 {
			call += "(" + strings.Join(ps, ", ") + ")"
		}
		args := make([]string, info.Qubits)
		for i := range args {
			args[i] = "q[" + string(rune('0'+i)) + "]"
		}
		var phase complex128
		for col := range d {
			src := defs + "qreg q[" + string(rune('0'+info.Qubits)) + "];\n"
			for q := range info.Qubits {
				if col>>q&1 == 1 {
					src += "x q[" + string(rune('0'+q)) + "];\n"
				}
			}
			src += call + " " + strings.Join(args, ", ") + ";\n"
			r, err := quantum.Run(compile(t, src), nil)
			if err != nil {
				t.Fatal(err)
			}
			for row, a := range r.State.Amplitudes() {
				w := m[row*d+col]
				if phase == 0 && cmplx.Abs(w) > 0.5 {
					phase = a / w
				}
				if cmplx.Abs(a-phase*w) > 1e-10 {
					t.Errorf("%s: entry (%d,%d) of the qelib1.inc definition got: %v want: %v (times the global phase %v)", tc.gate, row, col, a, w, phase)
				}
			}
		}
	}
}

func TestProgramRuns(t *testing.T) {
	c := compile(t, header+`qreg q[3];
creg a[1];
creg b[1];
h q[0];
cx q[0], q[1];
measure q[0] -> a[0];
if (a == 1) x q[2];
measure q[2] -> b[0];
`)
	r, err := quantum.Run(c, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[uint64]float64{}
	for _, o := range r.Probabilities() {
		got[o.Value] = o.P
	}
	if math.Abs(got[0]-0.5) > 1e-12 || math.Abs(got[3]-0.5) > 1e-12 {
		t.Errorf("got: %v want: 00 and 11 at 0.5", got)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		header + "qreg q[2];\ncreg c[2];\nh q[0];\ncx q[0], q[1];\nmeasure q -> c;\n",
		header + "gate g(a, b) x, y { rz(a*b^2-sin(a)/2) x; cx x, y; barrier x; }\nqreg q[2];\ng(pi, -1.5e-3) q[0], q[1];\n",
		header + "qreg q[1];\ncreg c[1];\nif (c == 1) reset q[0];\n// comment\nopaque o(t) a;\n",
		"OPENQASM 2.0;\nqreg q[1];\nU(0,0,0) q;\nCX q[0],q[0];\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		p, err := Parse("f.qasm", src)
		if err != nil {
			checkMessage(t, err)
			return
		}
		c, cerr := p.Circuit("f.qasm")
		if cerr != nil {
			checkMessage(t, cerr)
		}
		text := Format(p)
		p2, err := Parse("f.qasm", text)
		if err != nil {
			t.Fatalf("formatted program does not parse: %v\n%s", err, text)
		}
		if text2 := Format(p2); !bytes.Equal(text, text2) {
			t.Fatalf("formatting is not stable\nfirst:\n%s\nsecond:\n%s", text, text2)
		}
		c2, cerr2 := p2.Circuit("f.qasm")
		if (cerr == nil) != (cerr2 == nil) || cerr == nil && !reflect.DeepEqual(c, c2) {
			t.Fatalf("formatting changed the circuit: %v / %v", cerr, cerr2)
		}
		if cerr == nil && c.Qubits() > 0 && c.Qubits() <= 8 && len(c.Ops) <= 2000 {
			if _, err := quantum.Run(c, &quantum.Options{Shots: 3}); err != nil {
				t.Fatalf("a program that compiled does not run: %v", err)
			}
		}
	})
}

func errorsAs(err error, target **Error) bool { return errors.As(err, target) }
