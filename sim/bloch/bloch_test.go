package bloch

import (
	"errors"
	"fmt"
	"math"
	"net/url"
	"strings"
	"testing"

	"nexuslab/sim"
	"nexuslab/sim/i18n"
	"nexuslab/sim/simtest"
)

const tol = 1e-9

// reset resets m from a test query that needs no correction.
func reset(t *testing.T, m *Model, query string) error {
	return m.Reset(simtest.Values(t, schema, query))
}

func near(a, b [3]float64) bool {
	for i := range a {
		if math.Abs(a[i]-b[i]) > tol {
			return false
		}
	}
	return true
}

// TestCardinalStates checks the Bloch vectors of the six start states and
// of the same states reached from |0⟩ by gates.
func TestCardinalStates(t *testing.T) {
	cases := []struct {
		start, gates string
		want         [3]float64
		theta, phi   float64
	}{
		{"0", "", [3]float64{0, 0, 1}, 0, 0},
		{"1", "x", [3]float64{0, 0, -1}, 180, 0},
		{"+", "h", [3]float64{1, 0, 0}, 90, 0},
		{"-", "x h", [3]float64{-1, 0, 0}, 90, 180},
		{"+i", "h s", [3]float64{0, 1, 0}, 90, 90},
		{"-i", "h s z", [3]float64{0, -1, 0}, 90, 270},
	}
	for _, tc := range cases {
		m := New()
		if err := reset(t, m, "start="+url.QueryEscape(tc.start)); err != nil {
			t.Fatal(err)
		}
		if got := m.Vector(); !near(got, tc.want) {
			t.Errorf("start %s: got: %v want: %v", tc.start, got, tc.want)
		}
		th, ph := m.Angles()
		if math.Abs(th-tc.theta) > 1e-6 || math.Abs(ph-tc.phi) > 1e-6 {
			t.Errorf("start %s: θ, φ got: %v, %v want: %v, %v", tc.start, th, ph, tc.theta, tc.phi)
		}
		if err := reset(t, m, "gates="+url.QueryEscape(tc.gates)); err != nil {
			t.Fatal(err)
		}
		if got := m.Vector(); !near(got, tc.want) {
			t.Errorf("|0⟩ then %q: got: %v want: %v", tc.gates, got, tc.want)
		}
	}
}

// TestRotations checks that each gate moves the state as its rotation
// says, so that the animation ends where the state is.
func TestRotations(t *testing.T) {
	for _, start := range Starts {
		for _, gate := range []string{"x", "y", "z", "h", "s", "t", "rx37", "ry-120", "rz200"} {
			m := New()
			if err := reset(t, m, "start="+url.QueryEscape(start)+"&gates=h+t"); err != nil {
				t.Fatal(err)
			}
			before := m.Vector()
			gs, err := ParseGates(gate)
			if err != nil {
				t.Fatal(err)
			}
			if err := m.Apply(gs[0]); err != nil {
				t.Fatal(err)
			}
			axis, angle := gs[0].Rotation()
			if got, want := m.Vector(), rotate(before, axis, angle); !near(got, want) {
				t.Errorf("%s after %s: got: %v want: %v", gate, start, got, want)
			}
			m.Advance(10)
			if m.Active() {
				t.Errorf("%s: still animating after 10 s", gate)
			}
		}
	}
}

func TestAnimation(t *testing.T) {
	m := New()
	if err := m.Do("h"); err != nil {
		t.Fatal(err)
	}
	if !m.Active() {
		t.Fatal("no animation after H")
	}
	v, axis := m.Drawn()
	if !near(v, [3]float64{0, 0, 1}) || !near(axis, [3]float64{math.Sqrt2 / 2, 0, math.Sqrt2 / 2}) {
		t.Errorf("start of H: got: %v about %v want: north pole about the x+z diagonal", v, axis)
	}
	m.Advance(0.4)
	mid, _ := m.Drawn()
	if math.Abs(mid[0]*mid[0]+mid[1]*mid[1]+mid[2]*mid[2]-1) > tol {
		t.Errorf("mid-animation vector %v is off the sphere", mid)
	}
	if mid[1] >= 0 {
		t.Errorf("H turns |0⟩ through negative y; mid-way got: %v", mid)
	}
	m.Advance(1)
	if v, _ := m.Drawn(); m.Active() || !near(v, [3]float64{1, 0, 0}) {
		t.Errorf("end of H: got: %v (active %v) want: [1 0 0]", v, m.Active())
	}

	m.SetReducedMotion(true)
	if err := m.Do("x"); err != nil {
		t.Fatal(err)
	}
	if m.Active() {
		t.Error("reduced motion: a gate still animates")
	}
}

func TestMeasure(t *testing.T) {
	for _, basis := range Bases {
		m := New()
		if err := reset(t, m, "gates=ry60&shots=20000&seed=4&basis="+basis); err != nil {
			t.Fatal(err)
		}
		if err := m.Do("measure"); err != nil {
			t.Fatal(err)
		}
		c, ok := m.Counts()
		if !ok || c[0]+c[1] != 20000 {
			t.Fatalf("basis %s: counts %v (measured %v) do not sum to 20000", basis, c, ok)
		}
		p := m.Probabilities()[0]
		want := map[string]float64{"Z": 0.75, "X": (1 + math.Sqrt(3)/2) / 2, "Y": 0.5}[basis]
		if math.Abs(p-want) > tol {
			t.Errorf("basis %s: P(first) got: %v want: %v", basis, p, want)
		}
		if sd := math.Sqrt(20000 * p * (1 - p)); math.Abs(float64(c[0])-20000*p) > 5*sd {
			t.Errorf("basis %s: %d of 20000 came up first; want about %.0f", basis, c[0], 20000*p)
		}
	}
}

func TestHistoryRoundTrip(t *testing.T) {
	m := New()
	if err := reset(t, m, "start=%2Bi&angle=22.5"); err != nil {
		t.Fatal(err)
	}
	for _, a := range []string{"h", "rx", "t", "measure", "ry", "undo", "measure", "measure"} {
		if err := m.Do(a); err != nil {
			t.Fatal(err)
		}
	}
	m.Turn(-45, 100)
	again := New()
	v, probs := schema.Parse(m.Query())
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if err := again.Reset(v); err != nil {
		t.Fatal(err)
	}
	if got, want := m.Query().Get("gates"), "h rx22.5 t"; got != want {
		t.Errorf("gates got: %q want: %q", got, want)
	}
	if y, p := again.View(); y != -15 || p != 90 {
		t.Errorf("view got: %v, %v want: -15, 90", y, p)
	}
	m.last = ""
	if got, want := again.Describe(sim.English{}), m.Describe(sim.English{}); got != want {
		t.Errorf("round trip\ngot:  %s\nwant: %s", got, want)
	}
}

func TestDescribeChangesWithEveryAction(t *testing.T) {
	m := New()
	prev := m.Describe(sim.English{})
	for _, a := range []string{"h", "t", "rx", "measure", "measure", "undo", "s", "clear"} {
		if err := m.Do(a); err != nil {
			t.Fatal(err)
		}
		d := m.Describe(sim.English{})
		if d == prev {
			t.Errorf("after %s the description did not change: %s", a, d)
		}
		prev = d
	}
}

// TestBadGatesInVietnamese checks that the error by the gates control
// and that of a full history can be said in another language.
func TestBadGatesInVietnamese(t *testing.T) {
	vi := i18n.New("vi", map[string]string{
		"%q is not a gate: use x, y, z, h, s, t, or rx, ry, rz followed by an angle": "%q không phải một cổng: hãy dùng x, y, z, h, s, t, hoặc rx, ry, rz kèm một góc",
		"the history holds at most %d gates; press Start again or Undo gate":         "lịch sử chứa tối đa %d cổng; hãy nhấn Bắt đầu lại hoặc Hoàn tác cổng",
	})
	m := New()
	var pe *sim.ParamError
	if err := reset(t, m, "gates=h+banana"); !errors.As(err, &pe) {
		t.Fatalf("got: %v want: a ParamError", err)
	}
	if got, want := pe.Text(vi), `"banana" không phải một cổng: hãy dùng x, y, z, h, s, t, hoặc rx, ry, rz kèm một góc`; got != want {
		t.Errorf("Text(vi) got: %q want: %q", got, want)
	}
	if err := reset(t, m, "gates="+url.QueryEscape(strings.Repeat("x ", MaxGates))); err != nil {
		t.Fatal(err)
	}
	err := m.Do("x")
	if got, want := sim.ErrorText(vi, err), fmt.Sprintf("lịch sử chứa tối đa %d cổng; hãy nhấn Bắt đầu lại hoặc Hoàn tác cổng", MaxGates); got != want {
		t.Errorf("a full history in Vietnamese got: %q want: %q", got, want)
	}
	if got, want := err.Error(), fmt.Sprintf("bloch: the history holds at most %d gates; press Start again or Undo gate", MaxGates); got != want {
		t.Errorf("Error() got: %q want: %q", got, want)
	}
}

func TestBadGates(t *testing.T) {
	m := New()
	err := reset(t, m, "gates=h+banana+rx1000+t")
	var pe *sim.ParamError
	if !errors.As(err, &pe) || pe.Param != "gates" || !strings.Contains(pe.Msg, "banana") {
		t.Fatalf("Reset with bad gates got: %v want: a ParamError naming banana", err)
	}
	if got := m.Query().Get("gates"); got != "h t" {
		t.Errorf("kept gates got: %q want: %q", got, "h t")
	}
	long := strings.Repeat("x ", MaxGates+5)
	if err := reset(t, m, "gates="+url.QueryEscape(long)); err == nil || len(m.Gates()) != MaxGates {
		t.Errorf("long history: got %d gates and error %v; want %d and an error", len(m.Gates()), err, MaxGates)
	}
	if err := m.Do("x"); err == nil {
		t.Error("a gate past the history's limit was accepted")
	}
	if err := m.Do("explode"); err == nil {
		t.Error("Do(explode) = nil; want an error")
	}
}

func TestExport(t *testing.T) {
	m := New()
	if err := reset(t, m, "gates=h+s&measured=true&shots=10"); err != nil {
		t.Fatal(err)
	}
	name, data := m.Export()
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if name != "bloch-2-gates.csv" || len(lines) != 4 {
		t.Fatalf("Export got: %s with %d lines want: bloch-2-gates.csv with 4", name, len(lines))
	}
	if want := "2,s,0.7071067812,0,0,0.7071067812,90,90,0,1,0,Z,0.5,0.5,"; !strings.HasPrefix(lines[3], want) {
		t.Errorf("last row got: %s want prefix: %s", lines[3], want)
	}
}

func FuzzParseGates(f *testing.F) {
	for _, s := range []string{"", "h t", "rx90 ry-45.5 rz1e2", "RX", "rxNaN", "h\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		gates, _ := ParseGates(s)
		if len(gates) > MaxGates {
			t.Fatalf("%d gates", len(gates))
		}
		var b strings.Builder
		for _, g := range gates {
			b.WriteString(g.String() + " ")
		}
		again, err := ParseGates(b.String())
		if err != nil || len(again) != len(gates) {
			t.Fatalf("written history %q does not read back: %v", b.String(), err)
		}
	})
}
