package playground

import (
	"bytes"
	"math"
	"net/url"
	"strings"
	"testing"

	"nexuslab/sim"
	"nexuslab/sim/simtest"
)

// parse reads a test query through the model's schema.
func parse(t *testing.T, q string) sim.Values { return simtest.Values(t, schema, q) }

func TestQueryRoundTrip(t *testing.T) {
	m := New()
	if err := m.Reset(parse(t, "dataset=xor&noise=10&x1x2=true&layers=1&n1=3&seed=7&rate=0.1&regularization=L2&regrate=0.001")); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if err := m.Do("step"); err != nil {
			t.Fatal(err)
		}
	}
	if err := m.Do("run"); err != nil {
		t.Fatal(err)
	}
	if got := m.Epoch(); got != 3+RunEpochs {
		t.Fatalf("epoch got: %d want: %d", got, 3+RunEpochs)
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
	a, b := m.Surface(nil, 16), again.Surface(nil, 16)
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("surface cell %d got: %v want: %v", i, b[i], a[i])
		}
	}
}

func TestLearnsCircle(t *testing.T) {
	m := New()
	if err := m.Reset(parse(t, "dataset=circle&epoch=300")); err != nil {
		t.Fatal(err)
	}
	if got := m.TestAccuracy(); got < 0.95 {
		t.Errorf("test accuracy got: %v want: ≥ 0.95", got)
	}
	if l := m.TestLoss(); len(l) != 301 || !(l[300] < l[0]) {
		t.Errorf("test loss curve got: %d points from %v to %v want: 301, falling", len(l), l[0], l[len(l)-1])
	}
	if !strings.Contains(m.Describe(sim.English{}), "Epoch 300") {
		t.Errorf("Describe got: %q", m.Describe(sim.English{}))
	}
}

func TestSurfaceOrientation(t *testing.T) {
	// Regression on the plane (x₁ + x₂)/12 with a linear net: the top
	// right corner is high and the bottom left low.
	m := New()
	if err := m.Reset(parse(t, "dataset=reg-plane&layers=0&epoch=50")); err != nil {
		t.Fatal(err)
	}
	s := m.Surface(nil, 8)
	topRight, bottomLeft := s[0*8+7], s[7*8+0]
	if !(topRight > 0.5 && bottomLeft < -0.5) {
		t.Errorf("corners got: top right %v, bottom left %v want: > 0.5 and < −0.5", topRight, bottomLeft)
	}
	if got := m.Surface(s, 0); len(got) != 0 {
		t.Errorf("n = 0 got: %d cells want: 0", len(got))
	}
}

func TestUnitSurface(t *testing.T) {
	m := New()
	// Layer 0 holds the features: unit 0 is x₁ itself.
	s := m.UnitSurface(nil, 4, 0, 0)
	lo, hi := m.Domain()
	if want := lo + 0.5*(hi-lo)/4; math.Abs(s[0]-want) > 1e-12 {
		t.Errorf("x₁ at the first cell got: %v want: %v", s[0], want)
	}
	out := m.UnitSurface(nil, 4, len(m.Sizes())-1, 0)
	full := m.Surface(nil, 4)
	for i := range out {
		if out[i] != full[i] {
			t.Fatalf("output unit surface differs at %d", i)
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("UnitSurface of a missing unit did not panic")
		}
	}()
	m.UnitSurface(nil, 4, 1, 99)
}

func TestGarbageIsClamped(t *testing.T) {
	// Every value out of range or garbage parses to something that resets
	// quickly.
	q := "dataset=moons&noise=900&train=0&layers=99&n1=1000000&batch=-5&epoch=99999999&rate=1e9&activation=gelu&seed=abc&x1=maybe"
	u, _ := url.ParseQuery(q)
	v, probs := schema.Parse(u)
	if len(probs) == 0 {
		t.Error("no problems reported")
	}
	if got := v.Int("epoch"); got != MaxEpochs {
		t.Errorf("epoch got: %d want: %d", got, MaxEpochs)
	}
	v["epoch"] = "3" // keep the test short; MaxEpochs is timed in the benchmark
	m := &Model{}
	if err := m.Reset(v); err != nil {
		t.Fatal(err)
	}
	if got := m.Sizes(); len(got) != MaxLayers+2 {
		t.Errorf("layers got: %v want: %d hidden", got, MaxLayers)
	}
}

func TestNoFeatures(t *testing.T) {
	m := &Model{}
	if err := m.Reset(parse(t, "x1=false&x2=false&epoch=5")); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(m.Describe(sim.English{}), "Inputs: none") {
		t.Errorf("Describe got: %q", m.Describe(sim.English{}))
	}
}

func TestActionsAndCSV(t *testing.T) {
	m := New()
	if err := m.Do("explode"); err == nil {
		t.Error("Do(explode) got: nil want: an error")
	}
	seed := m.Query().Get("seed")
	if err := m.Do("regenerate"); err != nil {
		t.Fatal(err)
	}
	if m.Query().Get("seed") == seed {
		t.Error("regenerate kept the seed")
	}
	_ = m.Do("step")
	if err := m.Do("reset"); err != nil || m.Epoch() != 0 {
		t.Errorf("reset got: epoch %d, %v want: 0, nil", m.Epoch(), err)
	}
	if err := m.Reset(parse(t, "dataset=crop")); err != nil {
		t.Fatal(err)
	}
	csv := m.CSV()
	lines := bytes.Split(bytes.TrimSpace(csv), []byte("\n"))
	if len(lines) != Points+1 || string(lines[0]) != "soil_moisture,air_temperature,label,split,prediction" {
		t.Errorf("CSV got: %d lines, header %q", len(lines), lines[0])
	}
}

func BenchmarkResetMaxEpochsDefault(b *testing.B) { benchReset(b, "epoch=2000") }
func BenchmarkResetMaxEpochsLargest(b *testing.B) {
	benchReset(b, "epoch=2000&layers=6&n1=8&n2=8&n3=8&n4=8&n5=8&n6=8&x1sq=true&x2sq=true&x1x2=true&sinx1=true&sinx2=true&train=90&batch=1")
}

// benchReset times a reload of a trained state, which replays every epoch.
func benchReset(b *testing.B, q string) {
	u, _ := url.ParseQuery(q)
	v, _ := schema.Parse(u)
	m := &Model{}
	for b.Loop() {
		if err := m.Reset(v); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSurface100 times the default network's decision surface on a
// 100×100 grid, as a view redraws it.
func BenchmarkSurface100(b *testing.B) {
	m := New()
	var buf []float64
	for b.Loop() {
		buf = m.Surface(buf, 100)
	}
}

// TestDatasetLabels checks that the data set control names every set in
// words, not by the name its URL holds.
func TestDatasetLabels(t *testing.T) {
	p, _ := schema.Lookup("dataset")
	for i, name := range p.Choices {
		if l := p.ChoiceLabel(i); l == name || l == "" {
			t.Errorf("data set %q has no label", name)
		}
	}
}
