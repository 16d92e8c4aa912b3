package composer

import (
	"errors"
	"math"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"nexuslab/sim"
	"nexuslab/sim/i18n"
)

func reset(t *testing.T, m *Model, q url.Values) error {
	t.Helper()
	v, probs := schema.Parse(q)
	if len(probs) > 0 {
		t.Fatalf("Parse(%v) problems: %v", q, probs)
	}
	return m.Reset(v)
}

func do(t *testing.T, m *Model, actions ...string) {
	t.Helper()
	for _, a := range actions {
		if err := m.Do(a); err != nil {
			t.Fatalf("Do(%s): %v", a, err)
		}
	}
}

// set changes one control the way the page does: the model's own query
// with one value replaced.
func set(t *testing.T, m *Model, name, value string) error {
	t.Helper()
	q := m.Query()
	q.Set(name, value)
	return reset(t, m, q)
}

func bell(t *testing.T) *Model {
	t.Helper()
	m := New()
	do(t, m, "place")
	for _, kv := range [][2]string{{"gate", "CX"}, {"qubit", "1"}, {"control", "0"}, {"step", "1"}} {
		if err := set(t, m, kv[0], kv[1]); err != nil {
			t.Fatal(err)
		}
	}
	do(t, m, "place")
	return m
}

func probs(m *Model) []float64 { return m.Probabilities() }

func near(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Abs(a[i]-b[i]) > 1e-9 {
			return false
		}
	}
	return true
}

func TestBellByControls(t *testing.T) {
	m := bell(t)
	if got, want := m.Circuit().String(), "0_h_0 1_cx_0_1"; got != want {
		t.Errorf("circuit got: %q want: %q", got, want)
	}
	if got, want := probs(m), []float64{0.5, 0, 0, 0.5}; !near(got, want) {
		t.Errorf("probabilities got: %v want: %v", got, want)
	}
	for q := range 2 {
		if v := m.Bloch(q); math.Abs(v[0])+math.Abs(v[1])+math.Abs(v[2]) > 1e-9 {
			t.Errorf("Bloch vector of q%d in a Bell state got: %v want: [0 0 0]", q, v)
		}
	}
	d := m.Describe(sim.English{})
	for _, want := range []string{"Placed CX from q0 to q1.", "00 with probability 50.0%", "11 with probability 50.0%"} {
		if !strings.Contains(d, want) {
			t.Errorf("description lacks %q: %s", want, d)
		}
	}
}

func TestURLRoundTrip(t *testing.T) {
	m := bell(t)
	if err := set(t, m, "gate", "Rz"); err != nil {
		t.Fatal(err)
	}
	if err := set(t, m, "angle", "45"); err != nil {
		t.Fatal(err)
	}
	if err := set(t, m, "step", "4"); err != nil { // leave steps 2 and 3 empty
		t.Fatal(err)
	}
	do(t, m, "place", "measure", "back")
	again := New()
	if err := reset(t, again, m.Query()); err != nil {
		t.Fatal(err)
	}
	if got, want := again.Circuit().String(), "0_h_0 1_cx_0_1 4_rz~0.25pi_1"; got != want {
		t.Errorf("circuit got: %q want: %q", got, want)
	}
	m.last = ""
	if got, want := again.Describe(sim.English{}), m.Describe(sim.English{}); got != want {
		t.Errorf("round trip\ngot:  %s\nwant: %s", got, want)
	}
	if got, want := again.Query().Encode(), m.Query().Encode(); got != want {
		t.Errorf("query round trip\ngot:  %s\nwant: %s", got, want)
	}
}

func TestUndoRedo(t *testing.T) {
	m := bell(t)
	do(t, m, "undo")
	if got := m.Circuit().String(); got != "0_h_0" {
		t.Errorf("after undo got: %q want: 0_h_0", got)
	}
	do(t, m, "undo")
	if got := m.Circuit().String(); got != "" {
		t.Errorf("after two undos got: %q want an empty circuit", got)
	}
	do(t, m, "undo")
	if d := m.Describe(sim.English{}); !strings.HasPrefix(d, "Nothing to undo.") {
		t.Errorf("a third undo says: %s", d)
	}
	do(t, m, "redo", "redo")
	if got := m.Circuit().String(); got != "0_h_0 1_cx_0_1" {
		t.Errorf("after two redos got: %q", got)
	}
	do(t, m, "undo", "remove") // cursor is on the empty cell q1, step 1
	do(t, m, "redo")
	if d := m.Describe(sim.English{}); !strings.HasPrefix(d, "Redid") {
		t.Errorf("redo after deleting nothing: %s", d)
	}
	do(t, m, "clear", "undo")
	if got := m.Circuit().String(); got != "0_h_0 1_cx_0_1" {
		t.Errorf("undo of clear got: %q", got)
	}
	// Lowering the qubit count drops gates; undo brings them back.
	if err := set(t, m, "qubits", "1"); err != nil {
		t.Fatal(err)
	}
	if got := m.Circuit().String(); got != "0_h_0" || !strings.Contains(m.Describe(sim.English{}), "Removed 1 gate(s)") {
		t.Errorf("one qubit: got %q, %s", got, m.Describe(sim.English{}))
	}
	do(t, m, "undo")
	if got := m.Circuit(); got.String() != "0_h_0 1_cx_0_1" || got.Qubits != 2 {
		t.Errorf("undo of fewer qubits got: %d qubits %q", got.Qubits, got.String())
	}
}

func TestPlaceReplacesAndMoves(t *testing.T) {
	m := bell(t)
	if err := m.Place("X", 0, 1); err != nil { // lands on the CX's column and wire
		t.Fatal(err)
	}
	if got := m.Circuit().String(); got != "0_h_0 1_x_0" {
		t.Errorf("after replacing got: %q", got)
	}
	if err := m.Move(0, 1, 1, 3); err != nil {
		t.Fatal(err)
	}
	if got := m.Circuit().String(); got != "0_h_0 3_x_1" {
		t.Errorf("after moving got: %q", got)
	}
	if err := m.Move(1, 3, 5, 3); err == nil {
		t.Error("moving a gate off the register succeeded")
	}
	// Control equal to the target: the neighbouring wire is used.
	m.SetCursor(1, 5)
	if err := m.Place("CZ", 1, 5); err != nil {
		t.Fatal(err)
	}
	if got := m.Circuit().String(); got != "0_h_0 3_x_1 5_cz_0_1" {
		t.Errorf("CZ from the cursor's control got: %q", got)
	}
}

func TestStepThrough(t *testing.T) {
	m := bell(t)
	do(t, m, "back")
	if got, want := probs(m), []float64{0.5, 0.5, 0, 0}; !near(got, want) || !m.Stepping() {
		t.Errorf("after one step back got: %v want: %v", got, want)
	}
	do(t, m, "back", "back")
	if got, want := probs(m), []float64{1, 0, 0, 0}; !near(got, want) || m.Shown() != 0 {
		t.Errorf("at the start got: %v want: %v", got, want)
	}
	do(t, m, "forward", "forward")
	if m.Stepping() || !near(probs(m), []float64{0.5, 0, 0, 0.5}) {
		t.Errorf("forward to the end: stepping %v, %v", m.Stepping(), probs(m))
	}
}

func TestMeasure(t *testing.T) {
	m := bell(t)
	if err := set(t, m, "shots", "4000"); err != nil {
		t.Fatal(err)
	}
	do(t, m, "measure")
	counts, ok := m.Counts()
	total := 0
	for _, c := range counts {
		total += c.N
		if c.Value == 1 || c.Value == 2 {
			t.Errorf("a Bell state gave %02b", c.Value)
		}
		if sd := math.Sqrt(4000) / 2; math.Abs(float64(c.N)-2000) > 5*sd {
			t.Errorf("outcome %02b came up %d times; want about 2000", c.Value, c.N)
		}
	}
	if !ok || total != 4000 {
		t.Errorf("counts %v sum to %d; want 4000", counts, total)
	}
	first := m.Describe(sim.English{})
	do(t, m, "measure")
	if m.Query().Get("seed") != "2" || m.Describe(sim.English{}) == first {
		t.Error("measuring again did not move to the next seed")
	}
}

func TestQASMExportImport(t *testing.T) {
	m := bell(t)
	text, err := m.QASMText()
	if err != nil {
		t.Fatal(err)
	}
	want := "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\ncreg c[2];\nh q[0];\ncx q[0], q[1];\nmeasure q[0] -> c[0];\nmeasure q[1] -> c[1];\n"
	if text != want {
		t.Errorf("export\ngot:  %q\nwant: %q", text, want)
	}
	// A fresh model given only the program builds the same circuit.
	again := New()
	if err := reset(t, again, url.Values{"qasm": {text}}); err != nil {
		t.Fatal(err)
	}
	if got := again.Circuit().String(); got != m.Circuit().String() {
		t.Errorf("import of the export got: %q want: %q", got, m.Circuit().String())
	}
	if !near(probs(again), probs(m)) {
		t.Errorf("imported probabilities got: %v want: %v", probs(again), probs(m))
	}

	// Every gate of the engine round-trips, angles exactly.
	c := Circuit{Qubits: 5}
	c.put(Gate{Name: "u3", Params: []float64{0.1, -2.5, math.Pi / 3}, Qubits: []int{2}, Step: 0})
	c.put(Gate{Name: "ccx", Qubits: []int{4, 0, 2}, Step: 1})
	c.put(Gate{Name: "rzz", Params: []float64{1e-7}, Qubits: []int{3, 1}, Step: 2})
	c.put(Gate{Name: "sdg", Qubits: []int{0}, Step: 2})
	got, err := ImportQASM(QASM(c))
	if err != nil {
		t.Fatal(err)
	}
	if got.String() != c.String() || got.Qubits != 5 {
		t.Errorf("round trip\ngot:  %q\nwant: %q", got.String(), c.String())
	}
}

func TestImportLayout(t *testing.T) {
	src := `OPENQASM 2.0;
include "qelib1.inc";
// a comment
qreg a[2];
qreg b[1];
h a;
x b[0];
barrier a[0], b[0];
cx a[0], b[0];
measure a[1] -> c[0];
`
	// c is not declared: the parser's error names line 10.
	m := New()
	err := reset(t, m, url.Values{"qasm": {src}})
	var pe *sim.ParamError
	if !errors.As(err, &pe) || pe.Param != "qasm" || !regexp.MustCompile(`^circuit\.qasm:10:\d+: `).MatchString(pe.Msg) {
		t.Fatalf("undeclared register: got: %v want: a ParamError at circuit.qasm:10", err)
	}
	src = strings.Replace(src, "qreg b[1];", "qreg b[1];\ncreg c[1];", 1)
	if err := reset(t, m, url.Values{"qasm": {src}}); err != nil {
		t.Fatal(err)
	}
	// h a → h on 0 and 1 at step 0; x b[0] at step 0; the barrier lines
	// up a[0] and b[0]; cx spans wires 0..2 at step 1.
	if got, want := m.Circuit().String(), "0_h_0 0_h_1 0_x_2 1_cx_0_2"; got != want {
		t.Errorf("layout got: %q want: %q", got, want)
	}
}

func TestImportErrors(t *testing.T) {
	cases := []struct {
		name, src, want string
	}{
		{"syntax", "OPENQASM 2.0;\nqreg q[2];\nh q[0]\n", `^circuit\.qasm:3:`},
		{"unknown gate", "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[1];\nfoo q[0];\n", `^circuit\.qasm:4:1: .*foo`},
		{"reset", "OPENQASM 2.0;\nqreg q[1];\nreset q[0];\n", `^circuit\.qasm:3:1: reset is not supported`},
		{"if", "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[1];\ncreg c[1];\nif (c==1) x q[0];\n", `^circuit\.qasm:5:1: if is not supported`},
		{"gate after measure", "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\ncreg c[2];\nmeasure q -> c;\nh q[1];\n", `^circuit\.qasm:6:3: q\[1\] is used by h after it was measured`},
		{"too many qubits", "OPENQASM 2.0;\nqreg q[20];\nqreg r[10];\n", `^circuit\.qasm:3:1: the program declares 30 qubits; a browser simulates at most 24 \(a 30-qubit state needs 16 GiB\)`},
		{"no qubits", "OPENQASM 2.0;\n", `declares no qubits`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := bell(t)
			before := m.Circuit().String()
			err := set(t, m, "qasm", tc.src)
			var pe *sim.ParamError
			if !errors.As(err, &pe) || pe.Param != "qasm" || !regexp.MustCompile(tc.want).MatchString(pe.Msg) {
				t.Fatalf("got: %v want: a ParamError matching %s", err, tc.want)
			}
			if m.Circuit().String() != before {
				t.Errorf("a failed import changed the circuit to %q", m.Circuit().String())
			}
			if text, terr := m.QASMText(); text != strings.TrimSpace(tc.src) || terr == nil {
				t.Errorf("the broken program was not kept: %q, %v", text, terr)
			}
			if d := m.Describe(sim.English{}); !strings.Contains(d, "could not be imported: circuit.qasm") {
				t.Errorf("description does not give the error: %s", d)
			}
			// Changing another control keeps the text and the error.
			if err := set(t, m, "shots", "10"); !errors.As(err, &pe) {
				t.Errorf("the error went away when shots changed: %v", err)
			}
			// Placing a gate shows the circuit's program again.
			do(t, m, "place")
			if _, terr := m.QASMText(); terr != nil {
				t.Errorf("after an edit the error stayed: %v", terr)
			}
		})
	}
}

func TestQubitCap(t *testing.T) {
	q := url.Values{"qubits": {"30"}}
	v, probs := schema.Parse(q)
	if len(probs) != 1 || !strings.Contains(probs[0].Msg, "using 24") {
		t.Errorf("qubits=30: problems %v; want it clamped to 24", probs)
	}
	m := New()
	if err := m.Reset(v); err != nil {
		t.Fatal(err)
	}
	if m.Circuit().Qubits != 24 {
		t.Errorf("qubits got: %d want: 24", m.Circuit().Qubits)
	}
}

func TestBadCircuitParam(t *testing.T) {
	m := New()
	err := reset(t, m, url.Values{"qubits": {"2"}, "circuit": {"0_h_0 zzz 0_x_0 1_cx_0_0 2_h_9 3_nope_1 4_rx_0"}})
	var pe *sim.ParamError
	if !errors.As(err, &pe) || pe.Param != "circuit" || !strings.Contains(pe.Msg, "zzz") {
		t.Fatalf("got: %v want: a ParamError naming zzz", err)
	}
	if got := m.Circuit().String(); got != "0_h_0" {
		t.Errorf("kept gates got: %q want: 0_h_0", got)
	}
}

// TestErrorsInVietnamese checks that every error the composer shows, by
// the qasm and circuit controls and in the description, can be said in
// another language, while Error stays English.
func TestErrorsInVietnamese(t *testing.T) {
	vi := i18n.New("vi", map[string]string{
		"%s:%d:%d: %s":      "%s, dòng %d, cột %d: %s",
		"unknown gate %s%s": "không có cổng %s%s",
		` (it is in qelib1.inc: add include "qelib1.inc"; after the OPENQASM line)`: ` (cổng này có trong qelib1.inc: thêm include "qelib1.inc"; sau dòng OPENQASM)`,
		"%q is not a gate the simulator knows":                                      "%q không phải cổng mà trình mô phỏng biết",
		"The OpenQASM program could not be imported: %s. The circuit is unchanged.": "Không thể nhập chương trình OpenQASM: %s. Mạch không đổi.",
		"%s needs two qubits; add a qubit first":                                    "%s cần hai qubit; hãy thêm một qubit trước",
		"Could not do that: %s.":                                                    "Không thể làm việc đó: %s.",
	})
	m := bell(t)
	err := set(t, m, "qasm", "OPENQASM 2.0;\nqreg q[2];\nh q[0];\n")
	var pe *sim.ParamError
	if !errors.As(err, &pe) || pe.Param != "qasm" {
		t.Fatalf("got: %v want: a ParamError for qasm", err)
	}
	const want = `circuit.qasm, dòng 3, cột 1: không có cổng h (cổng này có trong qelib1.inc: thêm include "qelib1.inc"; sau dòng OPENQASM)`
	if got := pe.Text(vi); got != want {
		t.Errorf("qasm error in Vietnamese\ngot:  %s\nwant: %s", got, want)
	}
	if got, want := pe.Text(sim.English{}), pe.Msg; got != want || !strings.HasPrefix(got, "circuit.qasm:3:1: unknown gate h (it is in qelib1.inc") {
		t.Errorf("qasm error in English got: %s want: %s, as before", got, want)
	}
	if d := m.Describe(vi); !strings.HasPrefix(d, "Không thể nhập chương trình OpenQASM: "+want+". Mạch không đổi.") {
		t.Errorf("description in Vietnamese: %s", d)
	}

	err = reset(t, New(), url.Values{"qubits": {"2"}, "circuit": {"0_zz_0"}})
	if !errors.As(err, &pe) || pe.Param != "circuit" {
		t.Fatalf("got: %v want: a ParamError for circuit", err)
	}
	if got, want := pe.Text(vi), `"0_zz_0": "zz" không phải cổng mà trình mô phỏng biết`; got != want {
		t.Errorf("circuit error in Vietnamese got: %s want: %s", got, want)
	}
	if got, want := pe.Error(), `circuit: "0_zz_0": "zz" is not a gate the simulator knows`; got != want {
		t.Errorf("circuit error in English got: %s want: %s", got, want)
	}

	one := New()
	if err := reset(t, one, url.Values{"qubits": {"1"}}); err != nil {
		t.Fatal(err)
	}
	one.Report(one.Place("CX", 0, 0))
	if d := one.Describe(vi); !strings.HasPrefix(d, "Không thể làm việc đó: CX cần hai qubit; hãy thêm một qubit trước.") {
		t.Errorf("a canvas action's error in Vietnamese: %s", d)
	}
}

func TestDescribeChangesWithEveryAction(t *testing.T) {
	m := bell(t)
	prev := m.Describe(sim.English{})
	for _, a := range []string{"back", "back", "forward", "forward", "measure", "measure", "remove", "undo", "redo", "place", "clear", "clear", "undo"} {
		do(t, m, a)
		d := m.Describe(sim.English{})
		if d == prev {
			t.Errorf("after %s the description did not change: %s", a, d)
		}
		prev = d
	}
}

func TestExport(t *testing.T) {
	m := bell(t)
	do(t, m, "measure")
	name, data := m.Export()
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if name != "circuit-2-qubits-2-gates.csv" || len(lines) != 3 {
		t.Fatalf("Export got: %s, %q", name, data)
	}
	if !strings.HasPrefix(lines[1], "0,00,0.5,0.707106781187,0,0.707106781187,0,") || !strings.HasPrefix(lines[2], "3,11,0.5,") {
		t.Errorf("rows got: %q", lines[1:])
	}
}

func FuzzParseCircuit(f *testing.F) {
	for _, s := range []string{"", "0_h_0 1_cx_0_1", "3_rz~0.25pi_1", "0_u3~1~2~3_0", "9999999999_h_0", "0_cx_0_0", "_", "0_h_-1"} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		n = 1 + (n%MaxQubits+MaxQubits)%MaxQubits
		c, _, _ := ParseCircuit(s, n)
		again, dropped, err := ParseCircuit(c.String(), n)
		if err != nil || dropped != 0 || again.String() != c.String() {
			t.Fatalf("ParseCircuit(%q) = %q, which reads back as %q, %d dropped, %v", s, c.String(), again.String(), dropped, err)
		}
	})
}

func FuzzImportQASM(f *testing.F) {
	for _, s := range []string{
		"OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\nh q[0];\ncx q[0],q[1];\n",
		"OPENQASM 2.0;\nqreg q[1];\nU(pi/2,0,pi) q[0];\nmeasure q[0] -> c[0];",
		"OPENQASM 2.0;\ngate g a { U(0,0,0) a; }\nqreg q[3];\ng q;\nbarrier q;\n",
		"OPENQASM 2.0;\nqreg q[25];\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ImportQASM(s)
		if err != nil {
			return
		}
		back, err := ImportQASM(QASM(c))
		if err != nil || back.String() != c.String() {
			t.Fatalf("ImportQASM(QASM(c)) = %q, %v; want %q", back.String(), err, c.String())
		}
	})
}
