package chsh

import (
	"math"
	"strings"
	"testing"

	"nexuslab/sim"
	"nexuslab/sim/simtest"
)

func reset(t *testing.T, m *Model, query string) { simtest.Reset(t, m, query) }

func TestTsirelsonAtBestAngles(t *testing.T) {
	m := New()
	e, s := m.Predicted()
	if math.Abs(s-2*math.Sqrt2) > 1e-12 {
		t.Errorf("S at the best angles got: %v want: %v", s, 2*math.Sqrt2)
	}
	want := [2][2]float64{{math.Sqrt2 / 2, math.Sqrt2 / 2}, {math.Sqrt2 / 2, -math.Sqrt2 / 2}}
	if d := maxDiff(e, want); d > 1e-12 {
		t.Errorf("correlations got: %v want: %v", e, want)
	}
}

// TestQuantumCorrelation checks E(a, b) = cos(a − b) for the Bell state.
func TestQuantumCorrelation(t *testing.T) {
	m := New()
	for _, a := range []float64{-170, -30, 0, 12.5, 90} {
		for _, b := range []float64{-90, 0, 45, 133} {
			p, err := m.outcomeProbs(a, b)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := correlation(p), math.Cos((a-b)*math.Pi/180); math.Abs(got-want) > 1e-12 {
				t.Errorf("E(%v, %v) got: %v want: %v", a, b, got, want)
			}
		}
	}
}

// TestQuantumNeverAboveTsirelson and TestClassicalNeverAboveTwo scan
// angles on a grid.
func TestBoundsOverAngles(t *testing.T) {
	for _, src := range []string{Entangled, Classical} {
		best := 0.0
		m := New()
		for a1 := -180.0; a1 < 180; a1 += 22.5 {
			for b0 := -180.0; b0 < 180; b0 += 22.5 {
				for b1 := -180.0; b1 < 180; b1 += 15 {
					m.source = src
					m.angles = [4]float64{0, a1, b0, b1}
					if err := m.compute(); err != nil {
						t.Fatal(err)
					}
					_, s := m.Predicted()
					best = math.Max(best, math.Abs(s))
				}
			}
		}
		limit := map[string]float64{Entangled: 2 * math.Sqrt2, Classical: 2}[src]
		if best > limit+1e-9 || best < limit-1e-9 {
			t.Errorf("%s: largest |S| on the grid got: %v want: %v", src, best, limit)
		}
	}
}

func TestSampledS(t *testing.T) {
	for _, tc := range []struct {
		source string
		want   float64
	}{{Entangled, 2 * math.Sqrt2}, {Classical, 2}} {
		m := New()
		reset(t, m, "rounds=100000&seed=11&source="+tc.source)
		if err := m.Do("run"); err != nil {
			t.Fatal(err)
		}
		_, s, se, ok := m.Measured()
		if !ok || se <= 0 || se > 0.02 {
			t.Fatalf("%s: S = %v ± %v (ok %v)", tc.source, s, se, ok)
		}
		if math.Abs(s-tc.want) > 5*se {
			t.Errorf("%s: sampled S got: %v ± %v want: %v", tc.source, s, se, tc.want)
		}
		total := 0
		for i := range 2 {
			for j := range 2 {
				c := m.Counts(i, j)
				total += c[0] + c[1] + c[2] + c[3]
			}
		}
		if total != 100000 {
			t.Errorf("%s: counts sum got: %d want: 100000", tc.source, total)
		}
	}
}

func TestActionsAndRoundTrip(t *testing.T) {
	m := New()
	reset(t, m, "a0=10&a1=20&b0=30&b1=40&rounds=500&seed=3")
	_, s0 := m.Predicted()
	prev := m.Describe(sim.English{})
	for _, a := range []string{"run", "run", "best", "run", "clear"} {
		if err := m.Do(a); err != nil {
			t.Fatal(err)
		}
		d := m.Describe(sim.English{})
		if d == prev {
			t.Errorf("after %s the description did not change: %s", a, d)
		}
		prev = d
	}
	if _, s := m.Predicted(); s <= s0 || m.Angles() != Best {
		t.Errorf("best: angles %v, S %v", m.Angles(), s)
	}
	if err := m.Do("run"); err != nil {
		t.Fatal(err)
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
	if !strings.Contains(m.Query().Encode(), "seed=4") {
		t.Errorf("a second run in a row moves the seed once, to 4: %s", m.Query().Encode())
	}
	if err := m.Do("explode"); err == nil {
		t.Error("Do(explode) = nil; want an error")
	}
}

func TestExport(t *testing.T) {
	m := New()
	reset(t, m, "rounds=40&seed=2&measured=true")
	name, data := m.Export()
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if name != "chsh-entangled-40-rounds-seed-2.csv" || len(lines) != 5 {
		t.Fatalf("Export got: %s, %d lines want: chsh-entangled-40-rounds-seed-2.csv, 5", name, len(lines))
	}
	if !strings.HasPrefix(lines[4], "a1,b1,90,-45,-0.7071067812,") {
		t.Errorf("last row got: %s", lines[4])
	}
}

func maxDiff(a, b [2][2]float64) float64 {
	d := 0.0
	for i := range 2 {
		for j := range 2 {
			d = math.Max(d, math.Abs(a[i][j]-b[i][j]))
		}
	}
	return d
}

func TestTurn(t *testing.T) {
	m := New()
	reset(t, m, "measured=true")
	if err := m.Turn(2, 10); err != nil {
		t.Fatal(err)
	}
	if err := m.Turn(3, -150); err != nil {
		t.Fatal(err)
	}
	if got, want := m.Angles(), [4]float64{0, 90, 55, 165}; got != want {
		t.Errorf("angles got: %v want: %v", got, want)
	}
	if _, _, _, ok := m.Measured(); ok {
		t.Error("turning an angle kept results of the old angles")
	}
	if d := m.Describe(sim.English{}); !strings.HasPrefix(d, "b₁ turned to 165°.") {
		t.Errorf("description after turning: %s", d)
	}
	if err := m.Turn(4, 1); err == nil {
		t.Error("Turn(4) = nil; want an error")
	}
}
