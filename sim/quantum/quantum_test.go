package quantum_test

import (
	"math"
	"math/cmplx"
	"math/rand/v2"
	"strings"
	"testing"

	"nexuslab/sim/quantum"
)

const tol = 1e-12

func run(t *testing.T, c *quantum.Circuit, o *quantum.Options) *quantum.Result {
	t.Helper()
	r, err := quantum.Run(c, o)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// probs returns the outcome distribution as a map.
func probs(r *quantum.Result) map[uint64]float64 {
	m := map[uint64]float64{}
	for _, o := range r.Probabilities() {
		m[o.Value] = o.P
	}
	return m
}

func checkDist(t *testing.T, name string, got map[uint64]float64, want map[uint64]float64) {
	t.Helper()
	for v, p := range want {
		if math.Abs(got[v]-p) > 1e-9 {
			t.Errorf("%s: P(%b) got: %v want: %v", name, v, got[v], p)
		}
	}
	for v, p := range got {
		if _, ok := want[v]; !ok && p > 1e-9 {
			t.Errorf("%s: P(%b) got: %v want: 0", name, v, p)
		}
	}
}

func TestBellAndGHZ(t *testing.T) {
	for n := 2; n <= 14; n += 3 {
		c := quantum.NewCircuit(n, n)
		c.Gate("h", nil, 0)
		for q := 1; q < n; q++ {
			c.Gate("cx", nil, q-1, q)
		}
		for q := range n {
			c.Measure(q, q)
		}
		r := run(t, c, nil)
		all := uint64(1)<<n - 1
		checkDist(t, "GHZ", probs(r), map[uint64]float64{0: 0.5, all: 0.5})
		amp := r.State.Amplitudes()
		if math.Abs(real(amp[0])-1/math.Sqrt2) > tol || math.Abs(real(amp[all])-1/math.Sqrt2) > tol {
			t.Errorf("n=%d: amplitudes got: %v, %v want: 1/√2 each", n, amp[0], amp[all])
		}
	}
}

// qft appends the quantum Fourier transform on n qubits, with the final
// swaps, so that |x⟩ goes to Σ_k e^{2πixk/N}|k⟩/√N.
func qft(c *quantum.Circuit, n int) {
	for j := n - 1; j >= 0; j-- {
		c.Gate("h", nil, j)
		for k := j - 1; k >= 0; k-- {
			c.Gate("cp", []float64{math.Pi / float64(int(1)<<(j-k))}, k, j)
		}
	}
	for q := range n / 2 {
		c.Gate("swap", nil, q, n-1-q)
	}
}

func TestQFTOfBasisState(t *testing.T) {
	for _, n := range []int{3, 6, 13} {
		N := 1 << n
		for _, x := range []int{0, 1, 5, N - 1} {
			c := quantum.NewCircuit(n, 0)
			for q := range n {
				if x>>q&1 == 1 {
					c.Gate("x", nil, q)
				}
			}
			qft(c, n)
			amp := run(t, c, nil).State.Amplitudes()
			for k, a := range amp {
				want := cmplx.Rect(1/math.Sqrt(float64(N)), 2*math.Pi*float64(x*k%N)/float64(N))
				if cmplx.Abs(a-want) > 1e-10 {
					t.Fatalf("n=%d x=%d: amplitude %d got: %v want: %v", n, x, k, a, want)
				}
			}
		}
	}
}

// mcz appends a Z controlled by every other qubit of 0…n-1.
func mcz(c *quantum.Circuit, n int) {
	t := n - 1
	c.Gate("h", nil, t)
	switch n {
	case 2:
		c.Gate("cx", nil, 0, 1)
	case 3:
		c.Gate("ccx", nil, 0, 1, 2)
	case 4:
		c.Gate("c3x", nil, 0, 1, 2, 3)
	case 5:
		c.Gate("c4x", nil, 0, 1, 2, 3, 4)
	}
	c.Gate("h", nil, t)
}

func TestGrover(t *testing.T) {
	for n := 2; n <= 5; n++ {
		N := 1 << n
		theta := math.Asin(1 / math.Sqrt(float64(N)))
		marked := (N - 1) / 3
		for k := 0; k <= 4; k++ {
			c := quantum.NewCircuit(n, n)
			for q := range n {
				c.Gate("h", nil, q)
			}
			for range k {
				flip := func() {
					for q := range n {
						if marked>>q&1 == 0 {
							c.Gate("x", nil, q)
						}
					}
				}
				flip()
				mcz(c, n)
				flip()
				for q := range n {
					c.Gate("h", nil, q).Gate("x", nil, q)
				}
				mcz(c, n)
				for q := range n {
					c.Gate("x", nil, q).Gate("h", nil, q)
				}
			}
			for q := range n {
				c.Measure(q, q)
			}
			got := probs(run(t, c, nil))[uint64(marked)]
			want := math.Pow(math.Sin(float64(2*k+1)*theta), 2)
			if math.Abs(got-want) > 1e-10 {
				t.Errorf("n=%d k=%d: success probability got: %v want: %v", n, k, got, want)
			}
		}
	}
}

// TestTeleportation moves an arbitrary state from qubit 0 to qubit 2 with
// two measurements and corrections conditioned on them.
func TestTeleportation(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	for trial := range 5 {
		theta, phi, lambda := rng.Float64()*math.Pi, rng.Float64()*2*math.Pi, rng.Float64()*2*math.Pi
		one, _ := quantum.New(1)
		if err := one.Apply("u3", []float64{theta, phi, lambda}, 0); err != nil {
			t.Fatal(err)
		}
		wx, wy, wz := one.Bloch(0)
		c := &quantum.Circuit{
			Qregs: []quantum.Register{{Name: "q", Size: 3}},
			Cregs: []quantum.Register{{Name: "m0", Size: 1}, {Name: "m1", Size: 1}},
		}
		c.Gate("u3", []float64{theta, phi, lambda}, 0)
		c.Gate("h", nil, 1).Gate("cx", nil, 1, 2)
		c.Gate("cx", nil, 0, 1).Gate("h", nil, 0)
		c.Measure(0, 0).Measure(1, 1)
		c.Ops = append(c.Ops,
			quantum.Op{Kind: quantum.OpGate, Name: "x", Qubits: []int{2}, Cond: &quantum.Cond{Creg: 1, Value: 1}},
			quantum.Op{Kind: quantum.OpGate, Name: "z", Qubits: []int{2}, Cond: &quantum.Cond{Creg: 0, Value: 1}},
		)
		for seed := range uint64(4) {
			r := run(t, c, &quantum.Options{Seed: seed})
			x, y, z := r.State.Bloch(2)
			if math.Abs(x-wx)+math.Abs(y-wy)+math.Abs(z-wz) > 1e-10 {
				t.Errorf("trial %d seed %d: Bloch vector of qubit 2 got: (%.6f %.6f %.6f) want: (%.6f %.6f %.6f)", trial, seed, x, y, z, wx, wy, wz)
			}
		}
		// The two measured bits are uniform, whatever the state.
		checkDist(t, "teleportation bits", probs(run(t, c, nil)), map[uint64]float64{0: 0.25, 1: 0.25, 2: 0.25, 3: 0.25})
	}
}

// Textbook matrices, written here independently of the package's table,
// with the first qubit argument as bit 0 of the index.
func textbook(name string, p []float64) []complex128 {
	c, s := func(x float64) complex128 { return complex(math.Cos(x), 0) }, func(x float64) complex128 { return complex(math.Sin(x), 0) }
	e := func(x float64) complex128 { return cmplx.Exp(complex(0, x)) }
	i := complex(0, 1)
	r := complex(1/math.Sqrt2, 0)
	u := func(th, ph, la float64) []complex128 {
		return []complex128{c(th / 2), -e(la) * s(th/2), e(ph) * s(th/2), e(ph+la) * c(th/2)}
	}
	one := map[string]func() []complex128{
		"id": func() []complex128 { return []complex128{1, 0, 0, 1} },
		"u0": func() []complex128 { return []complex128{1, 0, 0, 1} },
		"x":  func() []complex128 { return []complex128{0, 1, 1, 0} },
		"y":  func() []complex128 { return []complex128{0, -i, i, 0} },
		"z":  func() []complex128 { return []complex128{1, 0, 0, -1} },
		"h":  func() []complex128 { return []complex128{r, r, r, -r} },
		"s":  func() []complex128 { return []complex128{1, 0, 0, i} },
		"sdg": func() []complex128 {
			return []complex128{1, 0, 0, -i}
		},
		"t":    func() []complex128 { return []complex128{1, 0, 0, e(math.Pi / 4)} },
		"tdg":  func() []complex128 { return []complex128{1, 0, 0, e(-math.Pi / 4)} },
		"sx":   func() []complex128 { return []complex128{(1 + i) / 2, (1 - i) / 2, (1 - i) / 2, (1 + i) / 2} },
		"sxdg": func() []complex128 { return []complex128{(1 - i) / 2, (1 + i) / 2, (1 + i) / 2, (1 - i) / 2} },
	}
	param := map[string]func() []complex128{
		"U":  func() []complex128 { return u(p[0], p[1], p[2]) },
		"u3": func() []complex128 { return u(p[0], p[1], p[2]) },
		"u":  func() []complex128 { return u(p[0], p[1], p[2]) },
		"u2": func() []complex128 { return u(math.Pi/2, p[0], p[1]) },
		"u1": func() []complex128 { return []complex128{1, 0, 0, e(p[0])} },
		"p":  func() []complex128 { return []complex128{1, 0, 0, e(p[0])} },
		"rx": func() []complex128 { return []complex128{c(p[0] / 2), -i * s(p[0]/2), -i * s(p[0]/2), c(p[0] / 2)} },
		"ry": func() []complex128 { return []complex128{c(p[0] / 2), -s(p[0] / 2), s(p[0] / 2), c(p[0] / 2)} },
		"rz": func() []complex128 { return []complex128{e(-p[0] / 2), 0, 0, e(p[0] / 2)} },
	}
	if f, ok := one[name]; ok {
		return f()
	}
	if f, ok := param[name]; ok {
		return f()
	}
	// Controlled gates: control(s) first.
	ctrl := func(k int, base []complex128) []complex128 {
		d := 1 << (k + 1)
		m := make([]complex128, d*d)
		all := 1<<k - 1
		for row := range d {
			for col := range d {
				switch {
				case row&all != all || col&all != all:
					if row == col {
						m[row*d+col] = 1
					}
				default:
					m[row*d+col] = base[(row>>k)*2+col>>k]
				}
			}
		}
		return m
	}
	switch name {
	case "CX", "cx":
		return ctrl(1, one["x"]())
	case "cy":
		return ctrl(1, one["y"]())
	case "cz":
		return ctrl(1, one["z"]())
	case "ch":
		return ctrl(1, one["h"]())
	case "csx":
		return ctrl(1, one["sx"]())
	case "crx", "cry", "crz", "cu1", "cp", "cu3":
		base := map[string]string{"crx": "rx", "cry": "ry", "crz": "rz", "cu1": "u1", "cp": "p", "cu3": "u3"}[name]
		return ctrl(1, param[base]())
	case "cu":
		b := u(p[0], p[1], p[2])
		for k := range b {
			b[k] *= e(p[3])
		}
		return ctrl(1, b)
	case "ccx":
		return ctrl(2, one["x"]())
	case "c3x":
		return ctrl(3, one["x"]())
	case "c3sqrtx":
		return ctrl(3, one["sx"]())
	case "c4x":
		return ctrl(4, one["x"]())
	case "swap", "cswap":
		m := make([]complex128, 64)
		d := 8
		if name == "swap" {
			m, d = make([]complex128, 16), 4
		}
		for col := range d {
			row := col
			if name == "swap" {
				row = col&1<<1 | col>>1&1
			} else if col&1 == 1 {
				row = 1 | col&2<<1 | col>>1&2
			}
			m[row*d+col] = 1
		}
		return m
	case "rxx":
		cc, ss := c(p[0]/2), -i*s(p[0]/2)
		return []complex128{cc, 0, 0, ss, 0, cc, ss, 0, 0, ss, cc, 0, ss, 0, 0, cc}
	case "rzz":
		a, b := e(-p[0]/2), e(p[0]/2)
		return []complex128{a, 0, 0, 0, 0, b, 0, 0, 0, 0, b, 0, 0, 0, 0, a}
	}
	return nil
}

// TestEveryGateAgainstItsMatrix applies each standard gate to every basis
// state and compares with its textbook matrix.
func TestEveryGateAgainstItsMatrix(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	for _, g := range quantum.Gates() {
		ps := make([]float64, g.Params)
		for i := range ps {
			ps[i] = rng.Float64()*4 - 2
		}
		want := textbook(g.Name, ps)
		if want == nil {
			continue // rccx and rc3x: see the qasm package, which checks their definitions
		}
		got, err := quantum.Matrix(g.Name, ps)
		if err != nil {
			t.Fatal(err)
		}
		d := 1 << g.Qubits
		qs := make([]int, g.Qubits)
		for i := range qs {
			qs[i] = i
		}
		for col := range d {
			s, _ := quantum.New(g.Qubits)
			x := make([]int, 0)
			for q := range g.Qubits {
				if col>>q&1 == 1 {
					x = append(x, q)
				}
			}
			for _, q := range x {
				s.Apply("x", nil, q)
			}
			if err := s.Apply(g.Name, ps, qs...); err != nil {
				t.Fatal(err)
			}
			for row, a := range s.Amplitudes() {
				if cmplx.Abs(a-want[row*d+col]) > tol {
					t.Errorf("%s: entry (%d,%d) of the applied gate got: %v want: %v", g.Name, row, col, a, want[row*d+col])
				}
				if cmplx.Abs(got[row*d+col]-want[row*d+col]) > tol {
					t.Errorf("%s: Matrix entry (%d,%d) got: %v want: %v", g.Name, row, col, got[row*d+col], want[row*d+col])
				}
			}
		}
	}
}

func TestMeasurementAndReset(t *testing.T) {
	// Mid-circuit measurement, then a gate on the measured qubit.
	c := quantum.NewCircuit(2, 2)
	c.Gate("h", nil, 0).Measure(0, 0).Gate("cx", nil, 0, 1).Gate("h", nil, 0).Measure(0, 1)
	checkDist(t, "measure then H", probs(run(t, c, nil)), map[uint64]float64{0b00: 0.25, 0b01: 0.25, 0b10: 0.25, 0b11: 0.25})

	// Reset of an entangled qubit leaves its partner mixed.
	c = quantum.NewCircuit(2, 2)
	c.Gate("h", nil, 0).Gate("cx", nil, 0, 1).Reset(0).Measure(0, 0).Measure(1, 1)
	checkDist(t, "reset", probs(run(t, c, nil)), map[uint64]float64{0b00: 0.5, 0b10: 0.5})

	// A condition on a measured bit: the second qubit copies the first.
	c = quantum.NewCircuit(2, 2)
	c.Gate("ry", []float64{2 * math.Asin(math.Sqrt(0.3))}, 0).Measure(0, 0)
	c.Ops = append(c.Ops, quantum.Op{Kind: quantum.OpGate, Name: "x", Qubits: []int{1}, Cond: &quantum.Cond{Creg: 0, Value: 1}})
	c.Measure(1, 1)
	checkDist(t, "condition", probs(run(t, c, nil)), map[uint64]float64{0b00: 0.7, 0b11: 0.3})

	// Measuring nothing gives the distribution over the qubits.
	c = quantum.NewCircuit(2, 0)
	c.Gate("h", nil, 1)
	r := run(t, c, nil)
	if !r.ByQubit {
		t.Errorf("ByQubit got: false want: true")
	}
	checkDist(t, "no measurement", probs(r), map[uint64]float64{0b00: 0.5, 0b10: 0.5})
}

func TestShotsAreReproducible(t *testing.T) {
	c := quantum.NewCircuit(3, 3)
	c.Gate("h", nil, 0).Gate("ry", []float64{1}, 1).Gate("cx", nil, 1, 2).Measure(0, 0).Measure(1, 1).Measure(2, 2)
	a := run(t, c, &quantum.Options{Shots: 5000, Seed: 7})
	b := run(t, c, &quantum.Options{Shots: 5000, Seed: 7})
	other := run(t, c, &quantum.Options{Shots: 5000, Seed: 8})
	total, same := 0, len(a.Counts) == len(b.Counts)
	for i, k := range a.Counts {
		total += k.N
		if same && b.Counts[i] != k {
			same = false
		}
	}
	if total != 5000 {
		t.Errorf("counts sum got: %d want: 5000", total)
	}
	if !same {
		t.Errorf("same seed got: %v and %v want: equal", a.Counts, b.Counts)
	}
	dist := probs(a)
	differs := false
	for i, k := range other.Counts {
		if i >= len(a.Counts) || a.Counts[i] != k {
			differs = true
		}
		// Each count is binomial: stay within 5 standard deviations.
		p := dist[k.Value]
		if sd := math.Sqrt(5000 * p * (1 - p)); math.Abs(float64(k.N)-5000*p) > 5*sd+1 {
			t.Errorf("outcome %03b came up %d times, expected about %.0f", k.Value, k.N, 5000*p)
		}
	}
	if !differs {
		t.Errorf("seeds 7 and 8 gave the same counts %v", a.Counts)
	}
}

// TestShotsPastTheBranchBudget measures many qubits mid-circuit on a
// state too large to branch on: the distribution is not given, the
// shots are still right.
func TestShotsPastTheBranchBudget(t *testing.T) {
	n := 16
	c := quantum.NewCircuit(n, n)
	for q := range n {
		c.Gate("h", nil, q).Measure(q, q)
	}
	for q := range n {
		c.Gate("x", nil, q)
	}
	r := run(t, c, &quantum.Options{Shots: 200, Seed: 1})
	if r.Probabilities() != nil {
		t.Errorf("Probabilities got: %d outcomes want: nil past the budget", len(r.Probabilities()))
	}
	total := 0
	for _, k := range r.Counts {
		total += k.N
	}
	if total != 200 || len(r.Counts) < 190 {
		t.Errorf("got: %d shots over %d outcomes want: 200 shots, nearly all distinct", total, len(r.Counts))
	}
}

func TestCaps(t *testing.T) {
	_, err := quantum.NewCapped(25, quantum.BrowserMaxQubits)
	if err == nil || !strings.Contains(err.Error(), "cap of 24") || !strings.Contains(err.Error(), "512 MiB") {
		t.Errorf("NewCapped(25, 24) got: %v want: an error naming the cap of 24 and 512 MiB", err)
	}
	if _, err := quantum.New(31); err == nil || !strings.Contains(err.Error(), "32 GiB") {
		t.Errorf("New(31) got: %v want: an error naming 32 GiB", err)
	}
	c := quantum.NewCircuit(26, 0)
	if _, err := quantum.Run(c, &quantum.Options{MaxQubits: quantum.BrowserMaxQubits}); err == nil || !strings.Contains(err.Error(), "1 GiB") {
		t.Errorf("Run of 26 qubits capped at 24 got: %v want: an error naming 1 GiB", err)
	}
	if s, err := quantum.NewCapped(3, quantum.BrowserMaxQubits); err != nil || s.Qubits() != 3 {
		t.Errorf("NewCapped(3, 24) got: %v, %v want: a 3-qubit state", s, err)
	}
}

func TestValidate(t *testing.T) {
	for _, tc := range []struct {
		op   quantum.Op
		want string
	}{
		{quantum.Op{Kind: quantum.OpGate, Name: "nope", Qubits: []int{0}}, "unknown gate"},
		{quantum.Op{Kind: quantum.OpGate, Name: "cx", Qubits: []int{0}}, "takes 2 qubits"},
		{quantum.Op{Kind: quantum.OpGate, Name: "cx", Qubits: []int{1, 1}}, "twice"},
		{quantum.Op{Kind: quantum.OpGate, Name: "rx", Qubits: []int{0}}, "takes 1 parameters"},
		{quantum.Op{Kind: quantum.OpGate, Name: "rx", Qubits: []int{0}, Params: []float64{math.NaN()}}, "finite"},
		{quantum.Op{Kind: quantum.OpGate, Name: "x", Qubits: []int{5}}, "out of range"},
		{quantum.Op{Kind: quantum.OpMeasure, Qubits: []int{0}, Clbit: 9}, "out of range"},
		{quantum.Op{Kind: quantum.OpGate, Name: "x", Qubits: []int{0}, Cond: &quantum.Cond{Creg: 0, Value: 4}}, "never hold"},
	} {
		c := quantum.NewCircuit(2, 2)
		c.Ops = append(c.Ops, tc.op)
		if err := c.Validate(); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: got: %v want: an error with %q", tc.op, err, tc.want)
		}
	}
}

func TestSampleAndBitstring(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	counts := quantum.Sample(rng, []float64{0, 0.25, 0, 0.75}, 4000)
	if counts[0] != 0 || counts[2] != 0 || counts[1]+counts[3] != 4000 || math.Abs(float64(counts[1])-1000) > 5*math.Sqrt(750) {
		t.Errorf("Sample got: %v want: about [0 1000 0 3000]", counts)
	}
	if got := quantum.Bitstring(6, 4); got != "0110" {
		t.Errorf("Bitstring(6, 4) got: %q want: %q", got, "0110")
	}
}
