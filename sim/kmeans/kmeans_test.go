package kmeans

import (
	"math"
	"net/url"
	"strings"
	"testing"

	"nexuslab/sim"
	"nexuslab/sim/simtest"
)

// parse reads a test query through the model's schema.
func parse(t *testing.T, q string) sim.Values { return simtest.Values(t, schema, q) }

func TestStepsAlternate(t *testing.T) {
	m := New()
	if !m.NextIsAssign() || m.Assignments() != nil || !math.IsNaN(m.Inertia()) {
		t.Fatal("a fresh model should wait for its first assignment")
	}
	if err := m.Do("step"); err != nil {
		t.Fatal(err)
	}
	if m.NextIsAssign() || len(m.Assignments()) != m.Points().Len() {
		t.Fatal("after one step the points should be assigned and an update due")
	}
	before := m.Inertia()
	_ = m.Do("step") // update
	if after := m.Inertia(); after > before+1e-12 {
		t.Errorf("update raised inertia from %v to %v", before, after)
	}
	if !strings.Contains(m.Describe(sim.English{}), "Next step: assign") {
		t.Errorf("Describe got: %q", m.Describe(sim.English{}))
	}
	if err := m.Do("run"); err != nil {
		t.Fatal(err)
	}
	if !m.Converged() || !strings.Contains(m.Describe(sim.English{}), "converged") {
		t.Errorf("run did not converge: %q", m.Describe(sim.English{}))
	}
	steps := m.Step()
	_ = m.Do("step")
	if m.Step() != steps {
		t.Errorf("a step after convergence moved from %d to %d", steps, m.Step())
	}
}

func TestQueryRoundTrip(t *testing.T) {
	m := New()
	if err := m.Reset(parse(t, "k=3&points=300&seed=4")); err != nil {
		t.Fatal(err)
	}
	_ = m.Do("restart")
	for range 3 {
		_ = m.Do("step")
	}
	again := &Model{}
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
	a, b := m.Centroids(nil), again.Centroids(nil)
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("centroid value %d got: %v want: %v", i, b[i], a[i])
		}
	}
}

func TestBlobsCurvePicksFour(t *testing.T) {
	m := New()
	if err := m.Reset(parse(t, "dataset=blobs&points=400")); err != nil {
		t.Fatal(err)
	}
	c := m.Curve()
	if len(c) != MaxK {
		t.Fatalf("curve got: %d points want: %d", len(c), MaxK)
	}
	best := 0
	for i, p := range c {
		if i > 0 && p.Inertia > c[i-1].Inertia*1.05 {
			t.Errorf("inertia rose from k = %d to %d: %v to %v", i, p.K, c[i-1].Inertia, p.Inertia)
		}
		if !math.IsNaN(p.Silhouette) && (math.IsNaN(c[best].Silhouette) || p.Silhouette > c[best].Silhouette) {
			best = i
		}
	}
	if c[best].K != 4 {
		t.Errorf("best silhouette at k = %d want: 4 (curve %+v)", c[best].K, c)
	}
	if !math.IsNaN(c[0].Silhouette) {
		t.Errorf("silhouette at k = 1 got: %v want: NaN", c[0].Silhouette)
	}
}

func TestCentroidsInUnits(t *testing.T) {
	// Standardised or not, the centroids come back in the points' units,
	// inside their range.
	for _, scale := range []string{"true", "false"} {
		m := New()
		if err := m.Reset(parse(t, "scale="+scale+"&step=20")); err != nil {
			t.Fatal(err)
		}
		c := m.Centroids(nil)
		for i := 0; i < len(c); i += 2 {
			if c[i] < 0 || c[i] > 365 || c[i+1] < 0 || c[i+1] > 100 {
				t.Errorf("scale=%s: centroid (%v, %v) out of range", scale, c[i], c[i+1])
			}
		}
	}
}

func TestGarbageAndCSV(t *testing.T) {
	u, _ := url.ParseQuery("k=999&points=-4&step=1e9&dataset=stars&scale=perhaps")
	v, probs := schema.Parse(u)
	if len(probs) != 5 {
		t.Errorf("problems got: %d want: 5 (%v)", len(probs), probs)
	}
	m := &Model{}
	if err := m.Reset(v); err != nil {
		t.Fatal(err)
	}
	if m.K() != MaxK || m.Step() > MaxSteps {
		t.Errorf("got: k %d, step %d", m.K(), m.Step())
	}
	lines := strings.Split(strings.TrimSpace(string(m.CSV())), "\n")
	if lines[0] != "heat_days,flood_area,group,cluster" || len(lines) != m.Points().Len()+1 {
		t.Errorf("CSV got: %d lines, header %q", len(lines), lines[0])
	}
	if err := m.Do("explode"); err == nil {
		t.Error("Do(explode) got: nil want: an error")
	}
}
