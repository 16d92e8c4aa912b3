package bell

import (
	"math"
	"strconv"
	"testing"

	"nexuslab/sim"
	"nexuslab/sim/simtest"
)

// parse reads a test query through the model's schema.
func parse(t *testing.T, q string) sim.Values { return simtest.Values(t, schema, q) }

func TestProbabilities(t *testing.T) {
	m := New()
	want := []float64{0.5, 0, 0, 0.5}
	for i, p := range m.Probabilities() {
		if math.Abs(p-want[i]) > 1e-12 {
			t.Errorf("P(%02b) got: %v want: %v", i, p, want[i])
		}
	}
}

func TestCounts(t *testing.T) {
	for _, shots := range []int{1, 7, 1000, 100000} {
		m := New()
		if err := m.Reset(parse(t, "seed=42&shots="+itoa(shots))); err != nil {
			t.Fatal(err)
		}
		if err := m.Do("measure"); err != nil {
			t.Fatal(err)
		}
		c := m.Counts()
		if c[0]+c[1]+c[2]+c[3] != shots {
			t.Errorf("shots=%d: counts %v do not sum to shots", shots, c)
		}
		if c[1] != 0 || c[2] != 0 {
			t.Errorf("shots=%d: counts %v include 01 or 10", shots, c)
		}
		// 00 is binomial(shots, 1/2): stay within 5 standard deviations.
		if sd := math.Sqrt(float64(shots)) / 2; math.Abs(float64(c[0])-float64(shots)/2) > 5*sd {
			t.Errorf("shots=%d: 00 came up %d times, far from half", shots, c[0])
		}
	}
}

func TestSameSeedSameCounts(t *testing.T) {
	a, b := New(), New()
	for _, m := range []*Model{a, b} {
		if err := m.Reset(parse(t, "seed=9&shots=5000")); err != nil {
			t.Fatal(err)
		}
		if err := m.Do("measure"); err != nil {
			t.Fatal(err)
		}
	}
	if a.Counts()[0] != b.Counts()[0] {
		t.Errorf("same seed: got %v and %v", a.Counts(), b.Counts())
	}
	c := New()
	if err := c.Reset(parse(t, "seed=10&shots=5000")); err != nil {
		t.Fatal(err)
	}
	_ = c.Do("measure")
	if c.Counts()[0] == a.Counts()[0] {
		t.Errorf("seeds 9 and 10 gave the same counts %v", c.Counts())
	}
}

func TestQueryRoundTrip(t *testing.T) {
	m := New()
	if err := m.Reset(parse(t, "seed=3&shots=200")); err != nil {
		t.Fatal(err)
	}
	_ = m.Do("measure")
	_ = m.Do("measure") // moves to seed 4
	again := New()
	v, probs := schema.Parse(m.Query())
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if err := again.Reset(v); err != nil {
		t.Fatal(err)
	}
	if got, want := again.Describe(sim.English{}), m.Describe(sim.English{}); got != want {
		t.Errorf("round trip\ngot:  %s\nwant: %s", got, want)
	}
}

func TestUnknownAction(t *testing.T) {
	if err := New().Do("explode"); err == nil {
		t.Error("Do(explode) = nil; want an error")
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestExport(t *testing.T) {
	m := New()
	if err := m.Reset(parse(t, "seed=2&shots=10&measured=true")); err != nil {
		t.Fatal(err)
	}
	name, data := m.Export()
	c := m.Counts()
	want := "outcome,probability,count\n00,0.5," + strconv.Itoa(c[0]) + "\n01,0,0\n10,0,0\n11,0.5," + strconv.Itoa(c[3]) + "\n"
	if name != "bell-10-shots-seed-2.csv" || string(data) != want {
		t.Errorf("Export got: %s %q want: bell-10-shots-seed-2.csv %q", name, data, want)
	}
}
