package quantum

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// The benchmarks report ns/amp: nanoseconds per amplitude per gate, the
// figure that stays comparable across sizes.

var benchSizes = []int{16, 20, 24}

// benchGate times one standard gate on a state of n qubits, compiled once
// and applied b.N times with the default workers.
func benchGate(b *testing.B, n int, reference bool, name string, params []float64, qubits ...int) {
	s, err := New(n)
	if err != nil {
		b.Fatal(err)
	}
	c := NewCircuit(n, 0).Gate(name, params, qubits...)
	seg := compile(c.Ops, n, reference)
	w := defaultWorkers(n)
	b.ResetTimer()
	for b.Loop() {
		seg.apply(s.amp, w)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(s.amp)), "ns/amp")
}

func BenchmarkGate(b *testing.B) {
	for _, n := range benchSizes {
		lo, mid, hi := 1, n/2, n-2
		for _, g := range []struct {
			kind   string
			name   string
			params []float64
			qubits []int
		}{
			{"hadamard", "h", nil, []int{mid}},
			{"dense1", "u3", []float64{0.1, 0.2, 0.3}, []int{mid}},
			{"diagonal", "rz", []float64{0.4}, []int{mid}},
			{"phase", "t", nil, []int{lo}},
			{"not", "x", nil, []int{hi}},
			{"cnot", "cx", nil, []int{lo, hi}},
			{"cz", "cz", nil, []int{mid, lo}},
			{"swap", "swap", nil, []int{lo, hi}},
			{"toffoli", "ccx", nil, []int{lo, mid, hi}},
			{"dense2", "rxx", []float64{0.5}, []int{mid, hi}},
			{"monomial", "rccx", nil, []int{lo, mid, hi}},
		} {
			b.Run(fmt.Sprintf("%s/%d", g.kind, n), func(b *testing.B) {
				benchGate(b, n, false, g.name, g.params, g.qubits...)
			})
		}
		b.Run(fmt.Sprintf("reference-hadamard/%d", n), func(b *testing.B) { benchGate(b, n, true, "h", nil, mid) })
		b.Run(fmt.Sprintf("reference-cnot/%d", n), func(b *testing.B) { benchGate(b, n, true, "cx", nil, lo, hi) })
	}
}

// BenchmarkLayer times one layer of the benchmark circuit of
// build/bench/quantum: H and RZ on every qubit, then a CNOT chain, fused
// and blocked, per amplitude per gate.
func BenchmarkLayer(b *testing.B) {
	for _, n := range benchSizes {
		for _, ref := range []bool{false, true} {
			name := fmt.Sprintf("fast/%d", n)
			if ref {
				name = fmt.Sprintf("reference/%d", n)
			}
			b.Run(name, func(b *testing.B) {
				rng := rand.New(rand.NewPCG(1, 1))
				c := NewCircuit(n, 0)
				for q := range n {
					c.Gate("h", nil, q).Gate("rz", []float64{rng.Float64() * 6}, q)
				}
				for q := 0; q+1 < n; q++ {
					c.Gate("cx", nil, q, q+1)
				}
				s, _ := New(n)
				seg := compile(c.Ops, n, ref)
				w := defaultWorkers(n)
				b.ResetTimer()
				for b.Loop() {
					seg.apply(s.amp, w)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(s.amp))/float64(len(c.Ops)), "ns/amp")
			})
		}
	}
}
