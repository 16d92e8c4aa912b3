package quantum_test

import (
	"math"
	"testing"

	"nexuslab/sim/quantum"
)

func bell(t *testing.T) *quantum.State {
	s, _ := quantum.New(2)
	s.H(0)
	s.CX(0, 1)
	return s
}

func TestPauliExpectations(t *testing.T) {
	s := bell(t)
	for _, tc := range []struct {
		p    string
		want float64
	}{
		{"ZZ", 1}, {"XX", 1}, {"YY", -1}, {"ZI", 0}, {"IX", 0}, {"II", 1}, {"XY", 0},
	} {
		got, err := s.Expectation(tc.p)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(got-tc.want) > tol {
			t.Errorf("⟨%s⟩ of a Bell pair got: %v want: %v", tc.p, got, tc.want)
		}
	}
	h := quantum.Hamiltonian{{Coef: 0.5, Pauli: "ZZ"}, {Coef: -2, Pauli: "YY"}, {Coef: 3, Pauli: "ZI"}}
	if got, _ := s.Energy(h); math.Abs(got-2.5) > tol {
		t.Errorf("energy got: %v want: 2.5", got)
	}
	if _, err := s.Expectation("ZQ"); err == nil {
		t.Errorf("Expectation(ZQ) got: nil want: an error")
	}
	if _, err := s.Expectation("Z"); err == nil {
		t.Errorf("Expectation(Z) on 2 qubits got: nil want: an error")
	}
	// Qubit order: "IZ" is Z on qubit 0.
	x, _ := quantum.New(2)
	x.Apply("x", nil, 0)
	if got, _ := x.Expectation("IZ"); got != -1 {
		t.Errorf("⟨IZ⟩ of |01⟩ got: %v want: -1", got)
	}
}

func TestBlochVectors(t *testing.T) {
	for _, tc := range []struct {
		gates   []string
		x, y, z float64
	}{
		{nil, 0, 0, 1},
		{[]string{"x"}, 0, 0, -1},
		{[]string{"h"}, 1, 0, 0},
		{[]string{"h", "s"}, 0, 1, 0},
		{[]string{"h", "sdg"}, 0, -1, 0},
	} {
		s, _ := quantum.New(1)
		for _, g := range tc.gates {
			s.Apply(g, nil, 0)
		}
		x, y, z := s.Bloch(0)
		if math.Abs(x-tc.x)+math.Abs(y-tc.y)+math.Abs(z-tc.z) > tol {
			t.Errorf("%v: Bloch got: (%v %v %v) want: (%v %v %v)", tc.gates, x, y, z, tc.x, tc.y, tc.z)
		}
	}
	x, y, z := bell(t).Bloch(1)
	if math.Abs(x)+math.Abs(y)+math.Abs(z) > tol {
		t.Errorf("Bloch of half a Bell pair got: (%v %v %v) want: the centre", x, y, z)
	}
}

func noisy(t *testing.T, c *quantum.Circuit, nz *quantum.Noise, shots int) *quantum.Result {
	t.Helper()
	return run(t, c, &quantum.Options{Noise: nz, Shots: shots, Seed: 1})
}

func TestNoiseChannels(t *testing.T) {
	x := func() *quantum.Circuit { return quantum.NewCircuit(1, 1).Gate("x", nil, 0).Measure(0, 0) }
	for _, tc := range []struct {
		ch   quantum.Channel
		want float64 // P(1) after X and the channel
	}{
		{quantum.Channel{Kind: quantum.Depolarizing, P: 1}, 0.5},
		{quantum.Channel{Kind: quantum.Depolarizing, P: 0.2}, 0.9},
		{quantum.Channel{Kind: quantum.AmplitudeDamping, P: 0.3}, 0.7},
		{quantum.Channel{Kind: quantum.PhaseDamping, P: 0.3}, 1},
		{quantum.Channel{Kind: quantum.BitFlip, P: 0.25}, 0.75},
		{quantum.Channel{Kind: quantum.PhaseFlip, P: 0.25}, 1},
	} {
		got := probs(noisy(t, x(), &quantum.Noise{Channels: []quantum.Channel{tc.ch}}, 0))[1]
		if math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("%v %v: P(1) got: %v want: %v", tc.ch.Kind, tc.ch.P, got, tc.want)
		}
	}
	// Phase damping shows on coherence: H, damping, H.
	c := quantum.NewCircuit(1, 1).Gate("h", nil, 0).Gate("id", nil, 0).Gate("h", nil, 0).Measure(0, 0)
	got := probs(noisy(t, c, &quantum.Noise{Gates: []string{"id"}, Channels: []quantum.Channel{{Kind: quantum.PhaseDamping, P: 0.36}}}, 0))[1]
	if want := (1 - math.Sqrt(1-0.36)) / 2; math.Abs(got-want) > 1e-12 {
		t.Errorf("phase damping then H: P(1) got: %v want: %v", got, want)
	}
	// Readout error flips recorded bits.
	got = probs(noisy(t, x(), &quantum.Noise{Readout: [2]float64{0, 0.1}}, 0))[0]
	if math.Abs(got-0.1) > 1e-12 {
		t.Errorf("readout error: P(0) got: %v want: 0.1", got)
	}
	if _, err := quantum.Run(x(), &quantum.Options{Noise: &quantum.Noise{Channels: []quantum.Channel{{Kind: quantum.BitFlip, P: 2}}}}); err == nil {
		t.Errorf("bit flip of 2 got: nil want: an error")
	}
}

func TestDensityMatrix(t *testing.T) {
	d, err := quantum.NewDensity(2)
	if err != nil {
		t.Fatal(err)
	}
	d.Apply("h", nil, 0)
	d.Apply("cx", nil, 0, 1)
	if p := d.Purity(); math.Abs(p-1) > tol {
		t.Errorf("Bell purity got: %v want: 1", p)
	}
	if got := d.At(3, 0); math.Abs(real(got)-0.5) > tol {
		t.Errorf("ρ(11,00) got: %v want: 0.5", got)
	}
	d.ApplyChannel(quantum.Channel{Kind: quantum.Depolarizing, P: 1}, 0)
	d.ApplyChannel(quantum.Channel{Kind: quantum.Depolarizing, P: 1}, 1)
	if p := d.Purity(); math.Abs(p-0.25) > tol {
		t.Errorf("fully depolarised purity got: %v want: 0.25", p)
	}
	if tr := d.Trace(); math.Abs(tr-1) > tol {
		t.Errorf("trace got: %v want: 1", tr)
	}
	if _, err := quantum.NewDensity(13); err == nil {
		t.Errorf("NewDensity(13) got: nil want: an error")
	}
}

// TestTrajectoriesAgreeWithDensity runs noise on more qubits than the
// density matrix takes: the trajectories' counts must match the exact
// answer within sampling error.
func TestTrajectoriesAgreeWithDensity(t *testing.T) {
	n := quantum.DensityMaxQubits + 1
	c := quantum.NewCircuit(n, 1)
	c.Gate("x", nil, 0).Gate("h", nil, 5).Gate("id", nil, 0).Measure(0, 0)
	nz := &quantum.Noise{Gates: []string{"id"}, Channels: []quantum.Channel{{Kind: quantum.AmplitudeDamping, P: 0.3}}, Readout: [2]float64{0.05, 0}}
	shots := 400
	r := noisy(t, c, nz, shots)
	if r.Probabilities() != nil {
		t.Errorf("trajectories gave exact probabilities")
	}
	ones := 0
	for _, k := range r.Counts {
		if k.Value == 1 {
			ones = k.N
		}
	}
	p := 0.7 + 0.3*0.05
	if sd := math.Sqrt(float64(shots) * p * (1 - p)); math.Abs(float64(ones)-float64(shots)*p) > 5*sd {
		t.Errorf("trajectories: %d ones of %d, want about %.0f", ones, shots, float64(shots)*p)
	}
}
