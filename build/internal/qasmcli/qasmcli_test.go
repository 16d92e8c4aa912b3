package qasmcli

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const bell = `OPENQASM 2.0;
include "qelib1.inc";
qreg q[2];
creg c[2];
h q[0];
cx q[0],q[1];
measure q -> c;
`

func writeFile(t *testing.T, name, src string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// call runs Main and returns its exit code, stdout and stderr.
func call(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

type result struct {
	Qubits        int                `json:"qubits"`
	Clbits        int                `json:"clbits"`
	Probabilities map[string]float64 `json:"probabilities"`
	Counts        map[string]int     `json:"counts"`
	Statevector   [][2]float64       `json:"statevector"`
}

func decode(t *testing.T, s string) result {
	t.Helper()
	var r result
	if err := json.Unmarshal([]byte(s), &r); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, s)
	}
	return r
}

func TestRunBell(t *testing.T) {
	path := writeFile(t, "bell.qasm", bell)
	code, out, errs := call(t, "", "run", path, "--shots", "1000", "--seed", "5")
	if code != 0 {
		t.Fatalf("exit got: %d want: 0 (%s)", code, errs)
	}
	r := decode(t, out)
	if r.Qubits != 2 || r.Clbits != 2 {
		t.Errorf("qubits, clbits got: %d, %d want: 2, 2", r.Qubits, r.Clbits)
	}
	if len(r.Probabilities) != 2 || math.Abs(r.Probabilities["00"]-0.5) > 1e-12 || math.Abs(r.Probabilities["11"]-0.5) > 1e-12 {
		t.Errorf("probabilities got: %v want: 00 and 11 at 0.5", r.Probabilities)
	}
	if r.Counts["00"]+r.Counts["11"] != 1000 || len(r.Counts) != 2 {
		t.Errorf("counts got: %v want: 1000 shots of 00 and 11", r.Counts)
	}
	if r.Statevector != nil {
		t.Errorf("statevector given without --statevector")
	}
	// The same seed, from standard input, gives the same output.
	code, again, _ := call(t, bell, "run", "--seed", "5", "--shots", "1000", "-")
	if code != 0 || again != out {
		t.Errorf("stdin run got: %d %s want: 0 %s", code, again, out)
	}
}

func TestRunKeysAndStatevector(t *testing.T) {
	src := `OPENQASM 2.0;
include "qelib1.inc";
qreg q[3];
creg a[1];
creg b[2];
x q[0];
x q[2];
measure q[0] -> a[0];
measure q[1] -> b[0];
measure q[2] -> b[1];
`
	code, out, errs := call(t, src, "run", "-", "--statevector")
	if code != 0 {
		t.Fatalf("exit got: %d (%s)", code, errs)
	}
	r := decode(t, out)
	if p := r.Probabilities["10 1"]; math.Abs(p-1) > 1e-12 || len(r.Probabilities) != 1 {
		t.Errorf("probabilities got: %v want: {\"10 1\": 1}", r.Probabilities)
	}
	if len(r.Statevector) != 8 || r.Statevector[5] != [2]float64{1, 0} {
		t.Errorf("statevector got: %v want: 1 at index 5 of 8", r.Statevector)
	}
	// Measuring nothing: keyed by all qubits, entries below 1e-12 left out.
	code, out, _ = call(t, "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\nh q[1];\n", "run", "-")
	r = decode(t, out)
	if code != 0 || len(r.Probabilities) != 2 || math.Abs(r.Probabilities["10"]-0.5) > 1e-12 {
		t.Errorf("no measurement got: %d %v want: 00 and 10 at 0.5", code, r.Probabilities)
	}
}

func TestRunErrors(t *testing.T) {
	path := writeFile(t, "bad.qasm", "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\ncx q[0];\n")
	code, out, errs := call(t, "", "run", path)
	if code != 2 || out != "" {
		t.Errorf("exit got: %d, stdout %q want: 2 and nothing", code, out)
	}
	if want := path + ":4:1: gate cx takes 2 qubits, got 1\n"; errs != want {
		t.Errorf("stderr got: %q want: %q", errs, want)
	}
	code, _, errs = call(t, "OPENQASM 2.0;\nqreg q[1];\nrx(1/0) q[0];", "run", "-")
	if code != 2 || !strings.HasPrefix(errs, "<stdin>:3:1: ") {
		t.Errorf("stdin error got: %d %q want: 2 and <stdin>:3:1: …", code, errs)
	}
	for _, args := range [][]string{
		{}, {"nope"}, {"run"}, {"run", "a.qasm", "b.qasm"}, {"run", "-", "--shots", "-1"},
		{"run", "-", "--seed", "x"}, {"run", "-", "--bogus"}, {"run", filepath.Join(t.TempDir(), "missing.qasm")},
	} {
		if code, _, _ := call(t, bell, args...); code != 2 {
			t.Errorf("%q: exit got: %d want: 2", args, code)
		}
	}
	if code, out, _ := call(t, "", "help"); code != 0 || !strings.Contains(out, "usage") {
		t.Errorf("help got: %d %q want: 0 and the usage", code, out)
	}
}

func TestFmt(t *testing.T) {
	src := "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];h q[0];cx q[0],q[1]; // pair\n"
	want := "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\nh q[0];\ncx q[0], q[1]; // pair\n"
	code, out, errs := call(t, src, "fmt")
	if code != 0 || out != want {
		t.Errorf("fmt got: %d %q (%s) want: 0 %q", code, out, errs, want)
	}
	path := writeFile(t, "p.qasm", src)
	if code, out, _ := call(t, "", "fmt", "-w", path); code != 0 || out != "" {
		t.Errorf("fmt -w got: %d %q want: 0 and nothing", code, out)
	}
	if b, _ := os.ReadFile(path); string(b) != want {
		t.Errorf("fmt -w wrote %q want: %q", b, want)
	}
	if code, _, errs := call(t, "OPENQASM 2.0;\nqreg q[1]\n", "fmt"); code != 2 || !strings.HasPrefix(errs, "<stdin>:2:10: missing ';'") {
		t.Errorf("fmt of a bad program got: %d %q want: 2 and <stdin>:2:10: missing ';'…", code, errs)
	}
	if code, _, _ := call(t, src, "fmt", "-w"); code != 2 {
		t.Errorf("fmt -w without a file got: %d want: 2", code)
	}
}
