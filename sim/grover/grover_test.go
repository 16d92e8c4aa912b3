package grover

import (
	"errors"
	"math"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"nexuslab/sim"
	"nexuslab/sim/i18n"
	"nexuslab/sim/quantum"
	"nexuslab/sim/simtest"
)

// reset resets m from a test query that needs no correction.
func reset(t *testing.T, m *Model, query string) error {
	return m.Reset(simtest.Values(t, schema, query))
}

// TestOptimalCount checks the optimal iteration count against the
// textbook values ⌊π/(4θ)⌋.
func TestOptimalCount(t *testing.T) {
	cases := []struct {
		qubits int
		marked string
		want   int
	}{
		{2, "3", 1},       // N=4, one marked: θ=30°, one iteration finds it surely
		{3, "5", 2},       // N=8
		{4, "0", 3},       // N=16
		{5, "7", 4},       // N=32
		{10, "1000", 25},  // N=1024: (π/4)·32 ≈ 25.1
		{4, "1 2 3 4", 1}, // N=16, M=4: θ=30°
		{2, "0 1", 0},     // half marked: iterations do not help
	}
	for _, tc := range cases {
		m := New()
		if err := reset(t, m, "qubits="+strconv.Itoa(tc.qubits)+"&marked="+url.QueryEscape(tc.marked)); err != nil {
			t.Fatal(err)
		}
		if got := m.Optimal(); got != tc.want {
			t.Errorf("%d qubits, marked %s: optimal got: %d want: %d", tc.qubits, tc.marked, got, tc.want)
		}
		if got, want := m.Optimal(), int(math.Floor(math.Pi/(4*m.Theta()))); tc.want > 0 && got != want {
			t.Errorf("%d qubits, marked %s: optimal got: %d want ⌊π/4θ⌋ = %d", tc.qubits, tc.marked, got, want)
		}
	}
}

// TestProbabilities steps through twice the optimal count and checks
// the success probability against sin²((2k+1)θ) after every iteration.
func TestProbabilities(t *testing.T) {
	for _, q := range []string{"qubits=3&marked=5", "qubits=6&marked=1+9+40", "qubits=10&marked=0"} {
		m := New()
		if err := reset(t, m, q); err != nil {
			t.Fatal(err)
		}
		theta := m.Theta()
		for k := 0; k <= 2*m.Optimal()+1; k++ {
			want := math.Pow(math.Sin(float64(2*k+1)*theta), 2)
			if got := m.Success(); math.Abs(got-want) > 1e-9 {
				t.Errorf("%s after %d iterations: got: %v want: %v", q, k, got, want)
			}
			a, u := m.Amplitudes()
			norm := float64(len(m.Marked()))*a*a + float64(m.Size()-len(m.Marked()))*u*u
			if math.Abs(norm-1) > 1e-9 {
				t.Errorf("%s after %d iterations: norm %v", q, k, norm)
			}
			if err := m.Do("iterate"); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestAgainstStateVector runs Grover's circuit for 3 qubits on the
// quantum engine and compares every amplitude, up to a global sign, after
// each half-step.
func TestAgainstStateVector(t *testing.T) {
	const marked = 5 // 101: qubits 0 and 2 are 1
	m := New()
	if err := reset(t, m, "qubits=3&marked=5"); err != nil {
		t.Fatal(err)
	}
	s, err := quantum.New(3)
	if err != nil {
		t.Fatal(err)
	}
	apply := func(name string, qs ...int) {
		if err := s.Apply(name, nil, qs...); err != nil {
			t.Fatal(err)
		}
	}
	ccz := func() { apply("h", 2); apply("ccx", 0, 1, 2); apply("h", 2) }
	all := func(name string) {
		for q := range 3 {
			apply(name, q)
		}
	}
	all("h")
	for step := 1; step <= 6; step++ {
		if step%2 == 1 {
			apply("x", 1)
			ccz()
			apply("x", 1)
		} else {
			all("h")
			all("x")
			ccz()
			all("x")
			all("h")
		}
		if err := m.Do("step"); err != nil {
			t.Fatal(err)
		}
		a, u := m.Amplitudes()
		amps := s.Amplitudes()
		sign := 1.0
		if real(amps[0])*u < 0 {
			sign = -1
		}
		for i, z := range amps {
			want := u
			if i == marked {
				want = a
			}
			if math.Abs(sign*real(z)-want) > 1e-9 || math.Abs(imag(z)) > 1e-9 {
				t.Errorf("half-step %d, item %d: engine %v, model %v", step, i, z, want)
			}
		}
	}
}

func TestInversionAboutTheMean(t *testing.T) {
	m := New()
	if err := reset(t, m, "qubits=4&marked=3&steps=1"); err != nil {
		t.Fatal(err)
	}
	mean := m.Mean()
	a0, u0 := m.Amplitudes()
	if err := m.Do("step"); err != nil {
		t.Fatal(err)
	}
	a1, u1 := m.Amplitudes()
	if math.Abs((a0+a1)/2-mean) > 1e-12 || math.Abs((u0+u1)/2-mean) > 1e-12 {
		t.Errorf("diffusion is not a reflection about the mean %v: %v→%v, %v→%v", mean, a0, a1, u0, u1)
	}
	if pa, pu := m.Previous(); pa != a0 || pu != u0 {
		t.Errorf("previous amplitudes got: %v %v want: %v %v", pa, pu, a0, u0)
	}
}

func TestMeasure(t *testing.T) {
	m := New()
	if err := reset(t, m, "qubits=3&marked=5&shots=20000&seed=3"); err != nil {
		t.Fatal(err)
	}
	for _, a := range []string{"optimal", "measure"} {
		if err := m.Do(a); err != nil {
			t.Fatal(err)
		}
	}
	c := m.Counts()
	total := 0
	for _, n := range c {
		total += n
	}
	p := m.Success()
	if sd := math.Sqrt(20000 * p * (1 - p)); total != 20000 || math.Abs(float64(c[5])-20000*p) > 5*sd {
		t.Errorf("counts %v: item 5 came up %d times of %d; want about %.0f", c, c[5], total, 20000*p)
	}
}

func TestBadMarked(t *testing.T) {
	m := New()
	for _, tc := range []struct{ query, msg, kept string }{
		{"qubits=3&marked=9", "9 is not an item", "5"},
		{"qubits=3&marked=banana", "not a whole number", "5"},
		{"qubits=2&marked=0+1+2+3", "every item is marked", "0"},
		{"qubits=2&marked=", "mark at least one", "0"},
	} {
		if err := reset(t, m, "qubits=3&marked=5"); err != nil {
			t.Fatal(err)
		}
		err := reset(t, m, tc.query)
		var pe *sim.ParamError
		if !errors.As(err, &pe) || pe.Param != "marked" || !strings.Contains(pe.Msg, tc.msg) {
			t.Errorf("%s: got: %v want: a ParamError saying %q", tc.query, err, tc.msg)
		}
		if got := m.Query().Get("marked"); got != tc.kept {
			t.Errorf("%s: kept got: %q want: %q", tc.query, got, tc.kept)
		}
	}
}

// TestBadMarkedInVietnamese checks that the error by the marked control
// can be said in another language, kept items and all.
func TestBadMarkedInVietnamese(t *testing.T) {
	vi := i18n.New("vi", map[string]string{
		"%s; kept %s": "%s; giữ lại %s",
		"%d is not an item: with %d qubits the items are 0 to %d": "%d không phải một phần tử: với %d qubit, các phần tử là từ 0 đến %d",
	})
	m := New()
	if err := reset(t, m, "qubits=3&marked=5"); err != nil {
		t.Fatal(err)
	}
	var pe *sim.ParamError
	if err := reset(t, m, "qubits=3&marked=9"); !errors.As(err, &pe) {
		t.Fatalf("got: %v want: a ParamError", err)
	}
	if got, want := pe.Text(vi), "9 không phải một phần tử: với 3 qubit, các phần tử là từ 0 đến 7; giữ lại 5"; got != want {
		t.Errorf("Text(vi) got: %q want: %q", got, want)
	}
	if got, want := pe.Error(), "marked: 9 is not an item: with 3 qubits the items are 0 to 7; kept 5"; got != want {
		t.Errorf("Error() got: %q want: %q", got, want)
	}
}

func TestActionsAndRoundTrip(t *testing.T) {
	m := New()
	if err := reset(t, m, "qubits=4&marked=3+9&seed=2"); err != nil {
		t.Fatal(err)
	}
	prev := m.Describe(sim.English{})
	for _, a := range []string{"step", "step", "iterate", "optimal", "iterate", "measure", "measure", "back", "restart", "iterate"} {
		if err := m.Do(a); err != nil {
			t.Fatal(err)
		}
		d := m.Describe(sim.English{})
		if d == prev {
			t.Errorf("after %s the description did not change: %s", a, d)
		}
		prev = d
	}
	again := New()
	v, probs := schema.Parse(m.Query())
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if err := again.Reset(v); err != nil {
		t.Fatal(err)
	}
	m.last = ""
	if got, want := again.Describe(sim.English{}), m.Describe(sim.English{}); got != want {
		t.Errorf("round trip\ngot:  %s\nwant: %s", got, want)
	}
	for range 3 * MaxIterations {
		_ = m.Do("iterate")
	}
	if k, _ := m.Iteration(); k != MaxIterations {
		t.Errorf("iterations got: %d want the cap %d", k, MaxIterations)
	}
	if err := m.Do("explode"); err == nil {
		t.Error("Do(explode) = nil; want an error")
	}
}

func TestExport(t *testing.T) {
	m := New()
	name, data := m.Export()
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if name != "grover-3-qubits-1-marked.csv" || len(lines) != 8 {
		t.Fatalf("Export got: %s, %d lines want: grover-3-qubits-1-marked.csv, 8", name, len(lines))
	}
	if !strings.HasPrefix(lines[3], "2,") || !strings.HasSuffix(lines[3], ",yes") {
		t.Errorf("row of the optimal count got: %s", lines[3])
	}
}

func FuzzParseMarked(f *testing.F) {
	for _, s := range []string{"5", "1, 2 3", "", "-1", "99999999999999999999", "0 0 0"} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		n = 2 + (n%9+9)%9
		items, err := ParseMarked(s, n)
		if err != nil {
			return
		}
		if len(items) == 0 || len(items) >= 1<<n {
			t.Fatalf("ParseMarked(%q, %d) = %v", s, n, items)
		}
		for i, x := range items {
			if x < 0 || x >= 1<<n || i > 0 && items[i-1] >= x {
				t.Fatalf("ParseMarked(%q, %d) = %v", s, n, items)
			}
		}
	})
}
