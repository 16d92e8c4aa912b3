package quantum

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
)

// DensityMaxQubits is the largest circuit whose noise Run follows exactly
// with a density matrix (4^12 entries, 256 MiB). Above it, Run samples
// quantum trajectories.
const DensityMaxQubits = 12

// ChannelKind names a one-qubit noise channel.
type ChannelKind uint8

const (
	// Depolarizing replaces the qubit by the maximally mixed state with
	// probability P: ρ → (1−P)ρ + P·I/2.
	Depolarizing ChannelKind = iota
	// AmplitudeDamping lets |1⟩ decay to |0⟩ with probability P, as
	// energy leaks to the environment (T1).
	AmplitudeDamping
	// PhaseDamping destroys coherence between |0⟩ and |1⟩ at rate P
	// without exchanging energy (T2).
	PhaseDamping
	// BitFlip applies X with probability P.
	BitFlip
	// PhaseFlip applies Z with probability P.
	PhaseFlip
)

var channelNames = [...]string{"depolarizing", "amplitude damping", "phase damping", "bit flip", "phase flip"}

func (k ChannelKind) String() string {
	if int(k) < len(channelNames) {
		return channelNames[k]
	}
	return fmt.Sprintf("ChannelKind(%d)", k)
}

// Channel is a one-qubit noise channel of strength P in [0, 1].
type Channel struct {
	Kind ChannelKind
	P    float64
}

// Kraus returns the channel's Kraus operators K, row-major 2×2, with
// Σ K†K = I: the channel maps ρ to Σ K ρ K†.
func (c Channel) Kraus() ([][4]complex128, error) {
	if math.IsNaN(c.P) || c.P < 0 || c.P > 1 {
		return nil, fmt.Errorf("quantum: %v noise of strength %v; it must be in [0, 1]", c.Kind, c.P)
	}
	p := c.P
	r := func(x float64) complex128 { return complex(math.Sqrt(x), 0) }
	switch c.Kind {
	case Depolarizing:
		a, b := r(1-3*p/4), r(p/4)
		return [][4]complex128{
			{a, 0, 0, a},
			{0, b, b, 0},
			{0, -i1 * b, i1 * b, 0},
			{b, 0, 0, -b},
		}, nil
	case AmplitudeDamping:
		return [][4]complex128{{1, 0, 0, r(1 - p)}, {0, r(p), 0, 0}}, nil
	case PhaseDamping:
		return [][4]complex128{{1, 0, 0, r(1 - p)}, {0, 0, 0, r(p)}}, nil
	case BitFlip:
		return [][4]complex128{{r(1 - p), 0, 0, r(1 - p)}, {0, r(p), r(p), 0}}, nil
	case PhaseFlip:
		return [][4]complex128{{r(1 - p), 0, 0, r(1 - p)}, {r(p), 0, 0, -r(p)}}, nil
	}
	return nil, fmt.Errorf("quantum: unknown noise channel %v", c.Kind)
}

// Noise is a noise model. The zero value is no noise.
type Noise struct {
	// Gates names the gates the channels follow; empty means every gate.
	Gates []string
	// Channels are applied, in order, to every qubit of each chosen gate
	// right after it.
	Channels []Channel
	// Readout flips measured bits: Readout[0] is the probability of
	// reading 1 when the qubit gave 0, Readout[1] of reading 0 when it
	// gave 1.
	Readout [2]float64
}

func (nz *Noise) none() bool {
	return len(nz.Channels) == 0 && nz.Readout == [2]float64{}
}

func (nz *Noise) validate() error {
	for _, c := range nz.Channels {
		if _, err := c.Kraus(); err != nil {
			return err
		}
	}
	for _, p := range nz.Readout {
		if math.IsNaN(p) || p < 0 || p > 1 {
			return fmt.Errorf("quantum: readout error %v; it must be in [0, 1]", p)
		}
	}
	for _, g := range nz.Gates {
		if _, ok := gateDefs[g]; !ok {
			return fmt.Errorf("quantum: noise names unknown gate %q", g)
		}
	}
	return nil
}

// follows reports whether the channels follow gate name.
func (nz *Noise) follows(name string) bool {
	return len(nz.Gates) == 0 || slices.Contains(nz.Gates, name)
}

// DensityMatrix is the density matrix ρ of n qubits, for mixed states.
// Entry (r, c) is stored at r + c·2^n, so ρ is a state vector of 2n
// qubits whose low n qubits index rows: a gate U acts as U on those and
// as U* on the high n, and the fast kernels do both.
type DensityMatrix struct {
	n   int
	rho []complex128
}

// NewDensity returns n qubits in the pure state |0…0⟩⟨0…0|, or an error
// when n is outside 1–DensityMaxQubits.
func NewDensity(n int) (*DensityMatrix, error) {
	if n < 1 || n > DensityMaxQubits {
		return nil, fmt.Errorf("quantum: a density matrix of %d qubits is outside 1–%d (it would need %s)", n, DensityMaxQubits, Memory(2*n))
	}
	d := &DensityMatrix{n: n, rho: make([]complex128, 1<<(2*n))}
	d.rho[0] = 1
	return d, nil
}

// Qubits returns the number of qubits.
func (d *DensityMatrix) Qubits() int { return d.n }

// At returns entry (r, c) of ρ.
func (d *DensityMatrix) At(r, c int) complex128 { return d.rho[r+c<<d.n] }

// Apply applies the standard gate name with params to qubits: ρ → UρU†.
func (d *DensityMatrix) Apply(name string, params []float64, qubits ...int) error {
	c := &Circuit{Qregs: []Register{{"q", d.n}}}
	c.Gate(name, params, qubits...)
	if err := c.Validate(); err != nil {
		return err
	}
	d.apply(gateKops(name, params, qubits))
	return nil
}

func (d *DensityMatrix) apply(ks []kop) {
	for i := range ks {
		ks[i].apply(d.rho)
		c := conjShift(ks[i], d.n)
		c.apply(d.rho)
	}
}

// conjShift returns k acting on qubits shifted up by n with its matrix
// conjugated: the column side of a density matrix.
func conjShift(k kop, n int) kop {
	k.t += n
	k.u += n
	k.cmask <<= n
	for i := range k.m {
		k.m[i] = conj(k.m[i])
	}
	if k.big != nil {
		b := make([]complex128, len(k.big))
		for i, x := range k.big {
			b[i] = conj(x)
		}
		k.big = b
	}
	if k.qs != nil {
		qs := make([]int, len(k.qs))
		for i, q := range k.qs {
			qs[i] = q + n
		}
		k.qs = qs
	}
	return k
}

func conj(x complex128) complex128 { return complex(real(x), -imag(x)) }

// ApplyChannel applies the noise channel ch to qubit q: ρ → Σ KρK†.
func (d *DensityMatrix) ApplyChannel(ch Channel, q int) error {
	ks, err := ch.Kraus()
	if err != nil {
		return err
	}
	if q < 0 || q >= d.n {
		return fmt.Errorf("quantum: qubit %d is out of range: the density matrix has %d qubits", q, d.n)
	}
	d.channel(ks, q)
	return nil
}

// channel applies Kraus operators ks to qubit q as one 4×4 superoperator
// on the row bit q (bit 0 of its index) and the column bit q+n (bit 1).
func (d *DensityMatrix) channel(ks [][4]complex128, q int) {
	s := make([]complex128, 16)
	for _, k := range ks {
		for r := range 4 {
			for c := range 4 {
				s[r*4+c] += k[(r&1)*2+c&1] * conj(k[(r>>1)*2+c>>1])
			}
		}
	}
	dense2(d.rho, q, q+d.n, 0, s)
}

// Trace returns the trace of ρ, 1 for a normalised state.
func (d *DensityMatrix) Trace() float64 {
	t := 0.0
	for i := range 1 << d.n {
		t += real(d.rho[i+i<<d.n])
	}
	return t
}

// Purity returns Tr ρ², 1 for a pure state and 2^−n for the maximally
// mixed one.
func (d *DensityMatrix) Purity() float64 {
	p := 0.0
	for _, x := range d.rho {
		p += real(x)*real(x) + imag(x)*imag(x)
	}
	return p
}

// Probabilities writes the probability of each basis state, the diagonal
// of ρ, into dst, growing it if needed, and returns it.
func (d *DensityMatrix) Probabilities(dst []float64) []float64 {
	size := 1 << d.n
	if cap(dst) < size {
		dst = make([]float64, size)
	}
	dst = dst[:size]
	for i := range dst {
		dst[i] = real(d.rho[i+i<<d.n])
	}
	return dst
}

// project returns PρP for the projector P onto outcome of qubit q,
// unnormalised.
func (d *DensityMatrix) project(q, outcome int) *DensityMatrix {
	out := &DensityMatrix{n: d.n, rho: make([]complex128, len(d.rho))}
	rb, cb := 1<<q, 1<<(q+d.n)
	want := 0
	if outcome == 1 {
		want = rb | cb
	}
	for i, x := range d.rho {
		if i&(rb|cb) == want {
			out.rho[i] = x
		}
	}
	return out
}

// reset returns qubit q to |0⟩: P0ρP0 + X P1ρP1 X. Entry (r, c) with
// bit q clear in both gains entry (r|q, c|q); every entry with bit q set
// in its row or column ends at 0.
func (d *DensityMatrix) reset(q int) {
	rb, cb := 1<<q, 1<<(q+d.n)
	for i := range d.rho {
		if i&(rb|cb) == 0 {
			d.rho[i] += d.rho[i|rb|cb]
		}
	}
	for i := range d.rho {
		if i&(rb|cb) != 0 {
			d.rho[i] = 0
		}
	}
}

// addScaled adds w·e's entries to d's.
func (d *DensityMatrix) addScaled(e *DensityMatrix, w float64) {
	cw := complex(w, 0)
	for i, x := range e.rho {
		d.rho[i] += cw * x
	}
}

// densityBudget bounds the entries of all density-matrix branches that
// Run keeps at once: 2^26 entries, 1 GiB.
const densityBudget = 1 << 26

// runNoisy runs c under o.Noise: exactly with density matrices up to
// DensityMaxQubits qubits and within budget, otherwise by trajectories.
func runNoisy(c *Circuit, o *Options) (*Result, error) {
	nz := o.Noise
	if err := nz.validate(); err != nil {
		return nil, err
	}
	n := c.Qubits()
	p := newPlan(c, false, true)
	res := &Result{Qubits: n, Clbits: c.Clbits(), ByQubit: p.byQubit}
	kraus := make([][][4]complex128, len(nz.Channels))
	for i, ch := range nz.Channels {
		kraus[i], _ = ch.Kraus()
	}
	if n <= DensityMaxQubits {
		if dist, ok := p.density(nz, kraus); ok {
			res.dist, res.exact = dist, true
			if o.Shots > 0 {
				res.Counts = sampleOutcomes(rand.New(rand.NewPCG(o.Seed, streamShots)), dist, o.Shots)
			}
			return res, nil
		}
	}
	if o.Shots == 0 {
		return res, nil
	}
	rng := rand.New(rand.NewPCG(o.Seed, streamNoise))
	w := o.workers(n)
	counts := map[uint64]int{}
	for range o.Shots {
		v := p.noisyTrajectory(w, rng, nz, kraus)
		counts[v]++
	}
	res.Counts = sortCounts(counts)
	return res, nil
}

// density follows the circuit with one density matrix per value of the
// classical bits, and returns the exact outcome distribution, or false
// when the branches outgrow densityBudget.
func (p *plan) density(nz *Noise, kraus [][][4]complex128) ([]Outcome, bool) {
	d0, _ := NewDensity(p.n)
	branches := map[uint64]*DensityMatrix{0: d0}
	keys := func() []uint64 {
		ks := make([]uint64, 0, len(branches))
		for k := range branches {
			ks = append(ks, k)
		}
		slices.Sort(ks)
		return ks
	}
	for _, s := range p.steps {
		next := map[uint64]*DensityMatrix{}
		add := func(cl uint64, d *DensityMatrix, w float64) {
			if w == 0 {
				return
			}
			if e, ok := next[cl]; ok {
				e.addScaled(d, w)
				return
			}
			if w != 1 {
				e := &DensityMatrix{n: d.n, rho: make([]complex128, len(d.rho))}
				e.addScaled(d, w)
				d = e
			}
			next[cl] = d
		}
		for _, cl := range keys() {
			d := branches[cl]
			if !p.holds(s.cond, cl) {
				add(cl, d, 1)
				continue
			}
			switch s.kind {
			case OpGate:
				for i := range s.seg.direct {
					d.apply(s.seg.direct[i : i+1])
				}
				if nz.follows(s.gate.Name) {
					for _, q := range s.gate.Qubits {
						for _, ks := range kraus {
							d.channel(ks, q)
						}
					}
				}
				add(cl, d, 1)
			case OpReset:
				d.reset(s.q)
				add(cl, d, 1)
			case OpMeasure:
				d0, d1 := d.project(s.q, 0), d.project(s.q, 1)
				e0, e1 := nz.Readout[0], nz.Readout[1]
				c0, c1 := setBit(cl, s.c, 0), setBit(cl, s.c, 1)
				if d0.Trace() > 0 {
					add(c0, d0, 1-e0)
					add(c1, d0, e0)
				}
				if d1.Trace() > 0 {
					add(c0, d1, e1)
					add(c1, d1, 1-e1)
				}
			}
		}
		branches = next
		if len(branches)<<(2*p.n) > densityBudget {
			return nil, false
		}
	}
	acc := newAccumulator(p.n, p.byQubit)
	for _, cl := range keys() {
		d := branches[cl]
		if p.byQubit {
			for i, x := range d.Probabilities(nil) {
				acc.dense[i] += x
			}
			continue
		}
		acc.sparse[cl] += d.Trace()
	}
	return acc.outcomes(), true
}

// noisyTrajectory runs the circuit once on a state vector, drawing a Kraus
// operator after each noisy gate, each collapse and each readout flip
// with rng, and returns the outcome.
func (p *plan) noisyTrajectory(workers int, rng *rand.Rand, nz *Noise, kraus [][][4]complex128) uint64 {
	st, _ := New(p.n)
	var cl uint64
	for _, s := range p.steps {
		if !p.holds(s.cond, cl) {
			continue
		}
		switch s.kind {
		case OpGate:
			s.seg.apply(st.amp, workers)
			if nz.follows(s.gate.Name) {
				for _, q := range s.gate.Qubits {
					for _, ks := range kraus {
						st.kraus(ks, q, rng)
					}
				}
			}
		case OpReset:
			st.Reset(s.q, rng)
		case OpMeasure:
			out := st.Measure(s.q, rng)
			if rng.Float64() < nz.Readout[out] {
				out ^= 1
			}
			cl = setBit(cl, s.c, out)
		}
	}
	if !p.byQubit {
		return cl
	}
	u := rng.Float64() * st.Norm()
	cum := 0.0
	for i, x := range st.amp {
		cum += real(x)*real(x) + imag(x)*imag(x)
		if u < cum {
			return uint64(i)
		}
	}
	return uint64(len(st.amp) - 1)
}

// kraus applies one of the Kraus operators ks to qubit q, chosen with the
// probability ‖Kψ‖² it has, and renormalises.
func (s *State) kraus(ks [][4]complex128, q int, rng *rand.Rand) {
	norms := make([]float64, len(ks))
	bit := 1 << q
	for b := 0; b < len(s.amp); b += 2 * bit {
		for i := b; i < b+bit; i++ {
			x, y := s.amp[i], s.amp[i|bit]
			for k, m := range ks {
				u, v := m[0]*x+m[1]*y, m[2]*x+m[3]*y
				norms[k] += real(u)*real(u) + imag(u)*imag(u) + real(v)*real(v) + imag(v)*imag(v)
			}
		}
	}
	total := 0.0
	for _, w := range norms {
		total += w
	}
	u := rng.Float64() * total
	k := 0
	for ; k < len(ks)-1; k++ {
		if u < norms[k] {
			break
		}
		u -= norms[k]
	}
	m := ks[k]
	scale := complex(1/math.Sqrt(norms[k]), 0)
	for i := range m {
		m[i] *= scale
	}
	dense1(s.amp, q, 0, &m)
}
