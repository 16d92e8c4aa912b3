package entangle_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"nexuslab/sim/quantum"
	"nexuslab/sim/quantum/entangle"
)

const tol = 1e-12

func bell(t *testing.T) *quantum.State {
	t.Helper()
	s, err := quantum.New(2)
	if err != nil {
		t.Fatal(err)
	}
	s.H(0)
	s.CX(0, 1)
	return s
}

func TestEntropy(t *testing.T) {
	if h, _ := entangle.Entropy(bell(t), []int{0}); math.Abs(h-1) > 1e-10 {
		t.Errorf("Bell pair entropy got: %v want: 1", h)
	}
	ghz, _ := quantum.New(5)
	ghz.H(0)
	for q := 1; q < 5; q++ {
		ghz.CX(q-1, q)
	}
	for _, a := range [][]int{{0}, {1, 3}, {0, 2, 4}, {0, 1, 2, 3}} {
		if h, _ := entangle.Entropy(ghz, a); math.Abs(h-1) > 1e-10 {
			t.Errorf("GHZ entropy of %v got: %v want: 1", a, h)
		}
	}
	prod, _ := quantum.New(4)
	for q := range 4 {
		prod.Apply("ry", []float64{float64(q) + 0.3}, q)
	}
	if h, _ := entangle.Entropy(prod, []int{0, 2}); math.Abs(h) > 1e-10 {
		t.Errorf("product state entropy got: %v want: 0", h)
	}
	// Two Bell pairs across the cut: 2 bits.
	two, _ := quantum.New(4)
	two.H(0)
	two.CX(0, 2)
	two.H(1)
	two.CX(1, 3)
	if h, _ := entangle.Entropy(two, []int{0, 1}); math.Abs(h-2) > 1e-10 {
		t.Errorf("two Bell pairs entropy got: %v want: 2", h)
	}
	// A random state: both sides agree, and stay within [0, smaller side].
	rng := rand.New(rand.NewPCG(1, 1))
	r, _ := quantum.New(7)
	for range 60 {
		q := rng.IntN(7)
		r.Apply("u3", []float64{rng.Float64() * 3, rng.Float64() * 6, rng.Float64() * 6}, q)
		r.CX(q, (q+1+rng.IntN(6))%7)
	}
	a, _ := entangle.Entropy(r, []int{1, 4})
	b, _ := entangle.Entropy(r, []int{0, 2, 3, 5, 6})
	if math.Abs(a-b) > 1e-9 || a < 0 || a > 2 {
		t.Errorf("entropy of a random state got: %v and %v want: equal, within [0, 2]", a, b)
	}
	if _, err := entangle.Entropy(r, []int{0, 0}); err == nil {
		t.Errorf("Entropy with a repeated qubit got: nil want: an error")
	}
}

func TestReducedDensity(t *testing.T) {
	rho, err := entangle.ReducedDensity(bell(t), 1)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(real(rho.At(0, 0))-0.5) > tol || math.Abs(real(rho.At(1, 1))-0.5) > tol || rho.At(0, 1) != 0 {
		t.Errorf("reduced density of half a Bell pair got: %v want: I/2", rho)
	}
}

// TestQubitEntropy checks the closed form the browser uses against the
// diagonalisation.
func TestQubitEntropy(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 2))
	s, _ := quantum.New(5)
	for range 40 {
		q := rng.IntN(5)
		s.Apply("u3", []float64{rng.Float64() * 3, rng.Float64() * 6, rng.Float64() * 6}, q)
		s.CX(q, (q+1+rng.IntN(4))%5)
	}
	for q := range 5 {
		want, err := entangle.Entropy(s, []int{q})
		if err != nil {
			t.Fatal(err)
		}
		if got := s.QubitEntropy(q); math.Abs(got-want) > 1e-9 {
			t.Errorf("qubit %d: QubitEntropy got: %v want: %v", q, got, want)
		}
	}
	if got := bell(t).QubitEntropy(0); math.Abs(got-1) > 1e-12 {
		t.Errorf("Bell QubitEntropy got: %v want: 1", got)
	}
}
