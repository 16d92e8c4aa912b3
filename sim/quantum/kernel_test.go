package quantum

import (
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"
)

// randomCircuit returns gates gates drawn from every standard gate, on
// random qubits with random angles.
func randomCircuit(rng *rand.Rand, n, gates int) *Circuit {
	var infos []GateInfo
	for _, g := range Gates() {
		if g.Qubits <= n {
			infos = append(infos, g)
		}
	}
	c := NewCircuit(n, 0)
	for range gates {
		g := infos[rng.IntN(len(infos))]
		qs := rng.Perm(n)[:g.Qubits]
		ps := make([]float64, g.Params)
		for i := range ps {
			ps[i] = (rng.Float64()*2 - 1) * 2 * math.Pi
		}
		c.Gate(g.Name, ps, qs...)
	}
	return c
}

// randomState returns a normalised random state of n qubits.
func randomState(rng *rand.Rand, n int) *State {
	s, _ := New(n)
	norm := 0.0
	for i := range s.amp {
		s.amp[i] = complex(rng.NormFloat64(), rng.NormFloat64())
		norm += real(s.amp[i])*real(s.amp[i]) + imag(s.amp[i])*imag(s.amp[i])
	}
	for i := range s.amp {
		s.amp[i] /= complex(math.Sqrt(norm), 0)
	}
	return s
}

func maxDiff(a, b []complex128) float64 {
	d := 0.0
	for i := range a {
		d = max(d, cmplx.Abs(a[i]-b[i]))
	}
	return d
}

// TestFastMatchesReference runs random circuits of every gate with the
// fast kernels, directly and in blocks, on one goroutine and two, and with
// the reference kernel.
func TestFastMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	for _, tc := range []struct{ n, gates int }{
		{1, 50}, {2, 100}, {3, 200}, {5, 300}, {8, 300}, {13, 200}, {14, 200}, {16, 120},
	} {
		c := randomCircuit(rng, tc.n, tc.gates)
		want, err := Run(c, &Options{Reference: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range []int{1, 2} {
			got, err := Run(c, &Options{Workers: w})
			if err != nil {
				t.Fatal(err)
			}
			if d := maxDiff(got.State.amp, want.State.amp); d > 1e-10 {
				t.Errorf("n=%d workers=%d: fast and reference differ by %g; got: %v want: below 1e-10", tc.n, w, d, d)
			}
		}
	}
}

// TestKernelsOnStates applies each kernel shape, with and without
// controls, to a random state and compares with the reference kernel.
func TestKernelsOnStates(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	n := 6
	for _, g := range Gates() {
		for trial := range 4 {
			qs := rng.Perm(n)[:g.Qubits]
			ps := make([]float64, g.Params)
			for i := range ps {
				ps[i] = rng.Float64() * 7
			}
			s := randomState(rng, n)
			ref := s.Clone()
			m, err := Matrix(g.Name, ps)
			if err != nil {
				t.Fatal(err)
			}
			applyReference(ref.amp, qs, m)
			for _, k := range gateKops(g.Name, ps, qs) {
				k.apply(s.amp)
			}
			if d := maxDiff(s.amp, ref.amp); d > 1e-12 {
				t.Errorf("%s on %v (trial %d): kernel differs from reference by %g", g.Name, qs, trial, d)
			}
		}
	}
}

// TestFusedShapes checks the one-qubit shapes fusion produces.
func TestFusedShapes(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 2))
	for _, names := range [][]string{
		{"h", "rz"}, {"rz", "h"}, {"h", "s", "t"}, {"x", "z"}, {"x", "x"}, {"s", "sdg"},
		{"ry", "rx"}, {"y", "t"}, {"sx", "sxdg"},
	} {
		c := NewCircuit(3, 0)
		for _, name := range names {
			g, _ := LookupGate(name)
			ps := make([]float64, g.Params)
			for i := range ps {
				ps[i] = rng.Float64() * 6
			}
			c.Gate(name, ps, 1)
		}
		c.Gate("h", nil, 0).Gate("cx", nil, 0, 2)
		got, _ := Run(c, nil)
		want, _ := Run(c, &Options{Reference: true})
		if d := maxDiff(got.State.amp, want.State.amp); d > 1e-12 {
			t.Errorf("%v: fused result differs from reference by %g", names, d)
		}
	}
}

func TestNormAfterManyGates(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	for _, n := range []int{8, 13} {
		c := randomCircuit(rng, n, 10000)
		r, err := Run(c, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := r.State.Norm(); math.Abs(got-1) > 1e-10 {
			t.Errorf("n=%d: norm after 10000 gates got: %v want: 1 within 1e-10", n, got)
		}
	}
}

func TestDeposit(t *testing.T) {
	for _, tc := range []struct{ j, mask, want int }{
		{0, 0b1010, 0}, {1, 0b1010, 0b10}, {2, 0b1010, 0b1000}, {3, 0b1010, 0b1010}, {5, 0b10110, 0b10010},
	} {
		if got := deposit(tc.j, tc.mask); got != tc.want {
			t.Errorf("deposit(%d, %b) got: %b want: %b", tc.j, tc.mask, got, tc.want)
		}
	}
}

func TestBlocksKeepDependencies(t *testing.T) {
	// A chain of CNOTs through every qubit forces several groups; the
	// result must equal the unblocked one.
	n := 15
	c := NewCircuit(n, 0)
	for q := range n {
		c.Gate("h", nil, q)
	}
	for q := 0; q+1 < n; q++ {
		c.Gate("cx", nil, q, q+1)
		c.Gate("rz", []float64{float64(q)}, q+1)
	}
	for q := n - 1; q > 0; q-- {
		c.Gate("cx", nil, q, q-1)
	}
	got, _ := Run(c, nil)
	want, _ := Run(c, &Options{Reference: true})
	if d := maxDiff(got.State.amp, want.State.amp); d > 1e-12 {
		t.Errorf("blocked CNOT chain differs from reference by %g", d)
	}
	seg := compile(c.Ops, n, false)
	if len(seg.groups) < 2 {
		t.Errorf("got: %d groups want: at least 2", len(seg.groups))
	}
}
