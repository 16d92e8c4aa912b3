package learn_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"nexuslab/sim/learn"
)

func TestLogisticRecoversWeights(t *testing.T) {
	// Labels drawn from σ(2x₁ − x₂ + 0.5): with many examples the fit
	// lands near those weights.
	rng := rand.New(rand.NewPCG(1, 1))
	const n = 20000
	x, y := make([]float64, 2*n), make([]float64, n)
	for i := range n {
		x[2*i], x[2*i+1] = rng.NormFloat64(), rng.NormFloat64()
		if rng.Float64() < 1/(1+math.Exp(-(2*x[2*i]-x[2*i+1]+0.5))) {
			y[i] = 1
		}
	}
	var m learn.Logistic
	if err := m.Fit(x, y, 2, &learn.LogisticConfig{L2: 1e-8}); err != nil {
		t.Fatal(err)
	}
	for i, want := range []float64{2, -1, 0.5} {
		got := m.B
		if i < 2 {
			got = m.W[i]
		}
		if math.Abs(got-want) > 0.1 {
			t.Errorf("parameter %d got: %v want: %v ± 0.1", i, got, want)
		}
	}
}

func TestLogisticSeparable(t *testing.T) {
	// Separable classes would send unpenalised weights to infinity; the
	// default ridge keeps them finite and the predictions right.
	x := []float64{-2, -1, 1, 2}
	y := []float64{0, 0, 1, 1}
	var m learn.Logistic
	if err := m.Fit(x, y, 1, nil); err != nil {
		t.Fatal(err)
	}
	if math.IsInf(m.W[0], 0) || math.IsNaN(m.W[0]) || m.Prob([]float64{-1}) > 0.1 || m.Prob([]float64{1}) < 0.9 {
		t.Errorf("got: W %v B %v", m.W, m.B)
	}
	if err := m.Fit(nil, nil, 1, nil); err == nil {
		t.Error("Fit with no examples got: nil want: an error")
	}
	if err := m.Fit([]float64{1, 2, 3}, []float64{1}, 2, nil); err == nil {
		t.Error("Fit with a ragged matrix got: nil want: an error")
	}
}

func TestPermutationImportance(t *testing.T) {
	// The score reads only column 0, so column 1 matters not at all.
	rng := rand.New(rand.NewPCG(1, 1))
	const n = 500
	x := make([]float64, 2*n)
	for i := range x {
		x[i] = rng.NormFloat64()
	}
	orig := append([]float64(nil), x...)
	score := func(x []float64) float64 {
		s := 0.0
		for i := range n {
			if (x[2*i] > 0) == (orig[2*i] > 0) {
				s++
			}
		}
		return s / n
	}
	imp := learn.PermutationImportance(nil, rng, x, 2, 3, score)
	if imp[0] < 0.4 || imp[1] != 0 {
		t.Errorf("got: %v want: about [0.5 0]", imp)
	}
	for i := range x {
		if x[i] != orig[i] {
			t.Fatal("PermutationImportance changed x")
		}
	}
}
