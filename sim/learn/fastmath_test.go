package learn

import (
	"math"
	"math/rand/v2"
	"testing"
)

// ulps returns how many representable numbers lie between a and b.
func ulps(a, b float64) float64 {
	if a == b {
		return 0
	}
	ia, ib := int64(math.Float64bits(math.Abs(a))), int64(math.Float64bits(math.Abs(b)))
	if math.Signbit(a) != math.Signbit(b) {
		return float64(ia + ib)
	}
	return math.Abs(float64(ia - ib))
}

func TestTanhMatchesMath(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	xs := []float64{0, math.Copysign(0, -1), 1e-300, 1e-8, 0.1, 0.17328, 0.5, 1, 3, 10, 21.99, 22, 30, 800, math.Inf(1), math.Inf(-1)}
	for range 100000 {
		xs = append(xs, rng.NormFloat64()*4, rng.Float64()*1e-3)
	}
	for _, x := range xs {
		for _, v := range []float64{x, -x} {
			if got, want := tanh1(v), math.Tanh(v); ulps(got, want) > 4 {
				t.Errorf("tanh(%v) got: %v want: %v", v, got, want)
			}
		}
	}
	if got := tanh1(math.NaN()); !math.IsNaN(got) {
		t.Errorf("tanh(NaN) got: %v want: NaN", got)
	}
}

func TestSigmoidMatchesMath(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	xs := []float64{0, 1e-9, 0.3, 1, 5, 20, 43.9, 44, 45, 100, 800, math.Inf(1)}
	for range 100000 {
		xs = append(xs, rng.NormFloat64()*8)
	}
	for _, x := range xs {
		for _, v := range []float64{x, -x} {
			if got, want := sigmoid1(v), 1/(1+math.Exp(-v)); math.Abs(got-want) > 0x1p-51 {
				t.Errorf("sigmoid(%v) got: %v want: %v", v, got, want)
			}
		}
	}
	if got := sigmoid1(math.NaN()); !math.IsNaN(got) {
		t.Errorf("sigmoid(NaN) got: %v want: NaN", got)
	}
}

func tanh1(x float64) float64 {
	z := []float64{x}
	activate(Tanh, z, make([]float64, 1))
	return z[0]
}

func sigmoid1(x float64) float64 {
	z := []float64{x}
	activate(Sigmoid, z, make([]float64, 1))
	return z[0]
}
