package quantum

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
)

// Options configures Run. The zero value, or a nil *Options, runs the
// circuit exactly with no shots, seed 0 and the platform's defaults.
type Options struct {
	// Shots is how many outcomes to sample; 0 samples none.
	Shots int
	// Seed seeds every random choice: shots, mid-circuit collapses and
	// noise. The same seed gives the same result.
	Seed uint64
	// MaxQubits caps the circuit's size; 0 means MaxQubits natively and
	// BrowserMaxQubits in the browser (GOOS=js).
	MaxQubits int
	// Workers is how many goroutines share the work on large states; 0
	// means every processor from 16 qubits on (always 1 in the browser).
	Workers int
	// Reference runs every gate with the plain reference kernel, one
	// full-matrix pass per gate, instead of the fused fast kernels.
	Reference bool
	// Noise, when not nil, applies noise channels after gates and flips
	// measured bits (see Noise).
	Noise *Noise
}

// Outcome is the probability of one measurement outcome.
type Outcome struct {
	Value uint64 // classical bits, bit 0 first; a basis state index when Result.ByQubit
	P     float64
}

// Count is how many shots gave one outcome.
type Count struct {
	Value uint64 // as in Outcome
	N     int
}

// Result is what Run computed.
type Result struct {
	Qubits, Clbits int
	// ByQubit says outcomes are basis states of the qubits, because the
	// circuit measures nothing; otherwise they are classical registers.
	ByQubit bool
	// Counts are the sampled outcomes, sorted by Value, when Options.Shots
	// > 0.
	Counts []Count
	// State is the final state before the terminal measurements. When the
	// circuit measures or resets qubits mid-circuit, the state depends on
	// the outcomes: it is then the state of one run whose outcomes were
	// drawn with the seed. With noise it is nil.
	State *State

	dist     []Outcome // exact distribution when computed by branching
	exact    bool      // the distribution is known exactly
	measures []meas    // terminal measurements, applied to State on demand
	cl       uint64    // classical bits of the run that left State
}

// Probabilities returns the exact distribution of outcomes, sorted by
// Value, leaving out outcomes of probability 0. It returns nil when the
// distribution could not be computed exactly: mid-circuit measurements
// with too many branches, or noise on more than DensityMaxQubits qubits.
func (r *Result) Probabilities() []Outcome {
	if !r.exact {
		return nil
	}
	if r.dist != nil {
		return r.dist
	}
	return marginal(r.State.amp, r.measures, r.cl, 1, r.ByQubit, nil).outcomes()
}

// meas is a measurement of qubit q into classical bit c.
type meas struct{ q, c int }

// step is one step of a compiled circuit.
type step struct {
	kind OpKind // OpGate, OpMeasure or OpReset
	seg  *segment
	cond *Cond
	q, c int
	gate Op // the gate, for noise
}

// plan is a circuit compiled for running.
type plan struct {
	c        *Circuit
	n        int
	steps    []step
	measures []meas // terminal measurements, in circuit order
	byQubit  bool
	branchy  bool // some step collapses the state or depends on a collapse
}

// newPlan compiles c. A measurement is terminal when nothing after it
// touches its qubit or its bit and no later condition reads its register:
// it can then be taken from the final state. Resets of qubits nothing has
// touched yet are dropped: those qubits are already |0⟩.
func newPlan(c *Circuit, reference bool, noisy bool) *plan {
	n := c.Qubits()
	p := &plan{c: c, n: n, byQubit: true}
	terminal := make([]bool, len(c.Ops))
	qubitUsed := make([]bool, n)
	bitUsed := make([]bool, c.Clbits())
	cregRead := make([]bool, len(c.Cregs))
	for i := len(c.Ops) - 1; i >= 0; i-- {
		op := c.Ops[i]
		if op.Kind == OpMeasure {
			p.byQubit = false
			q, b := op.Qubits[0], op.Clbit
			terminal[i] = !noisy && !qubitUsed[q] && !bitUsed[b] && !cregRead[c.cregOf(b)]
			bitUsed[b] = true
		}
		if op.Kind != OpBarrier {
			for _, q := range op.Qubits {
				qubitUsed[q] = true
			}
		}
		if op.Cond != nil {
			cregRead[op.Cond.Creg] = true
		}
	}
	touched := make([]bool, n)
	var run []Op
	flush := func() {
		if len(run) > 0 {
			p.steps = append(p.steps, step{kind: OpGate, seg: compile(run, n, reference)})
			run = nil
		}
	}
	for i, op := range c.Ops {
		switch op.Kind {
		case OpGate:
			for _, q := range op.Qubits {
				touched[q] = true
			}
			if op.Cond == nil && !noisy {
				run = append(run, op)
				continue
			}
			flush()
			p.steps = append(p.steps, step{kind: OpGate, seg: compile([]Op{op}, n, reference), cond: op.Cond, gate: op})
			p.branchy = p.branchy || op.Cond != nil
		case OpMeasure:
			if terminal[i] {
				p.measures = append(p.measures, meas{op.Qubits[0], op.Clbit})
				continue
			}
			flush()
			p.steps = append(p.steps, step{kind: OpMeasure, q: op.Qubits[0], c: op.Clbit, cond: op.Cond})
			p.branchy = true
		case OpReset:
			q := op.Qubits[0]
			if !touched[q] && op.Cond == nil {
				continue
			}
			touched[q] = true
			flush()
			p.steps = append(p.steps, step{kind: OpReset, q: q, cond: op.Cond})
			p.branchy = true
		}
	}
	flush()
	return p
}

// cregOf returns the index of the classical register holding bit b.
func (c *Circuit) cregOf(b int) int {
	for i, r := range c.Cregs {
		if b < r.Size {
			return i
		}
		b -= r.Size
	}
	return len(c.Cregs) - 1
}

// holds reports whether cond is met by the classical bits cl.
func (p *plan) holds(cond *Cond, cl uint64) bool {
	if cond == nil {
		return true
	}
	r := p.c.Cregs[cond.Creg]
	v := cl >> p.c.CregOffset(cond.Creg)
	if r.Size < 64 {
		v &= 1<<r.Size - 1
	}
	return v == cond.Value
}

// maxQubits returns the cap o sets.
func (o *Options) maxQubits() int {
	if o.MaxQubits > 0 {
		return o.MaxQubits
	}
	return defaultMaxQubits
}

func (o *Options) workers(n int) int {
	if o.Workers > 0 {
		return o.Workers
	}
	return defaultWorkers(n)
}

// branchBudget bounds the exact computation of circuits that measure
// mid-circuit: the copies of the state made at branch points, times the
// state's size, stay under 2^28 amplitudes.
const branchBudget = 1 << 28

// errBudget stops a computation that would exceed its budget.
var errBudget = errors.New("quantum: over budget")

// Run simulates c from |0…0⟩. It returns an error, before taking memory,
// when c is not valid (see Circuit.Validate) or has more qubits than the
// cap.
//
// The outcome distribution is exact. Terminal measurements are read from
// the final state; measurements, resets and conditions mid-circuit are
// followed down every branch of outcomes, within a budget. Shots are
// drawn from the exact distribution, or, past the budget, by running the
// circuit once per shot and collapsing the state at random.
func Run(c *Circuit, o *Options) (*Result, error) {
	if o == nil {
		o = &Options{}
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	n := c.Qubits()
	if err := checkQubits(n, o.maxQubits()); err != nil {
		return nil, err
	}
	if o.Shots < 0 {
		return nil, fmt.Errorf("quantum: %d shots; shots cannot be negative", o.Shots)
	}
	if o.Noise != nil && !o.Noise.none() {
		return runNoisy(c, o)
	}
	p := newPlan(c, o.Reference, false)
	w := o.workers(n)
	res := &Result{Qubits: n, Clbits: c.Clbits(), ByQubit: p.byQubit, measures: p.measures}
	if !p.branchy {
		st, _ := New(n)
		for _, s := range p.steps {
			s.seg.apply(st.amp, w)
		}
		res.State, res.exact = st, true
		if o.Shots > 0 {
			rng := rand.New(rand.NewPCG(o.Seed, streamShots))
			res.Counts = sampleState(rng, st.amp, p.measures, 0, p.byQubit, o.Shots)
		}
		return res, nil
	}
	acc := newAccumulator(n, p.byQubit)
	err := p.branch(w, acc)
	if err == nil {
		res.dist, res.exact = acc.outcomes(), true
	}
	st, cl := p.trajectory(w, rand.New(rand.NewPCG(o.Seed, streamState)), nil)
	res.State, res.cl = st, cl
	if o.Shots == 0 {
		return res, nil
	}
	rng := rand.New(rand.NewPCG(o.Seed, streamShots))
	if res.exact {
		res.Counts = sampleOutcomes(rng, res.dist, o.Shots)
		return res, nil
	}
	counts := map[uint64]int{}
	for range o.Shots {
		st, cl := p.trajectory(w, rng, nil)
		for _, k := range sampleState(rng, st.amp, p.measures, cl, p.byQubit, 1) {
			counts[k.Value]++
		}
	}
	res.Counts = sortCounts(counts)
	return res, nil
}

// The random streams of one seed: each use of randomness has its own, so
// that asking for shots does not change the state drawn, and so on.
const (
	streamShots uint64 = iota + 1
	streamState
	streamNoise
)

// branch follows every outcome of every collapse from |0…0⟩ and adds each
// final state, weighted by its probability, to acc.
func (p *plan) branch(workers int, acc *accumulator) error {
	st, _ := New(p.n)
	clones := 0
	var walk func(st *State, from int, cl uint64, w float64) error
	walk = func(st *State, from int, cl uint64, w float64) error {
		for i := from; i < len(p.steps); i++ {
			s := p.steps[i]
			if !p.holds(s.cond, cl) {
				continue
			}
			if s.kind == OpGate {
				s.seg.apply(st.amp, workers)
				continue
			}
			p1 := st.Probability(s.q)
			p1 = min(max(p1, 0), 1)
			one := p1 > 1-collapseEps
			if p1 >= collapseEps && p1 <= 1-collapseEps {
				clones++
				if clones<<p.n > branchBudget {
					return errBudget
				}
				child := st.Clone()
				child.collapse(s.q, 1, p1)
				ccl := p.after(s, child, cl, 1)
				if err := walk(child, i+1, ccl, w*p1); err != nil {
					return err
				}
				w *= 1 - p1
			}
			out := 0
			if one {
				out = 1
			}
			st.collapse(s.q, out, p1)
			cl = p.after(s, st, cl, out)
		}
		acc.add(st.amp, p.measures, cl, w)
		return nil
	}
	return walk(st, 0, 0, 1)
}

// collapseEps is the probability below which an outcome is taken never to
// happen: rounding leaves such crumbs where the exact value is 0.
const collapseEps = 1e-13

// after completes a measurement or reset step that gave out: it records a
// measured bit or returns a reset qubit to |0⟩, and returns the classical
// bits.
func (p *plan) after(s step, st *State, cl uint64, out int) uint64 {
	if s.kind == OpReset {
		if out == 1 {
			not1(st.amp, s.q, 0)
		}
		return cl
	}
	return setBit(cl, s.c, out)
}

func setBit(cl uint64, b, v int) uint64 {
	return cl&^(1<<b) | uint64(v)<<b
}

// trajectory runs the circuit once, drawing each collapse with rng, and
// returns the final state and classical bits. noise, when not nil, is
// applied after each gate step.
func (p *plan) trajectory(workers int, rng *rand.Rand, noise func(st *State, s step)) (*State, uint64) {
	st, _ := New(p.n)
	var cl uint64
	for _, s := range p.steps {
		if !p.holds(s.cond, cl) {
			continue
		}
		if s.kind == OpGate {
			s.seg.apply(st.amp, workers)
			if noise != nil {
				noise(st, s)
			}
			continue
		}
		cl = p.after(s, st, cl, st.Measure(s.q, rng))
	}
	return st, cl
}

// accumulator sums outcome probabilities over the final states of
// branches.
type accumulator struct {
	byQubit bool
	dense   []float64 // by basis state, when byQubit
	sparse  map[uint64]float64
}

func newAccumulator(n int, byQubit bool) *accumulator {
	a := &accumulator{byQubit: byQubit, sparse: map[uint64]float64{}}
	if byQubit {
		a.dense = make([]float64, 1<<n)
	}
	return a
}

// add adds the outcomes of the final state amp, with classical bits cl
// and the terminal measurements ms, weighted by w.
func (a *accumulator) add(amp []complex128, ms []meas, cl uint64, w float64) {
	if a.byQubit {
		for i, x := range amp {
			a.dense[i] += w * (real(x)*real(x) + imag(x)*imag(x))
		}
		return
	}
	marginal(amp, ms, cl, w, false, a.sparse)
}

func (a *accumulator) outcomes() []Outcome {
	if a.byQubit {
		return denseOutcomes(a.dense)
	}
	out := make([]Outcome, 0, len(a.sparse))
	for v, p := range a.sparse {
		if p > 0 {
			out = append(out, Outcome{v, p})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Value < out[j].Value })
	return out
}

func denseOutcomes(d []float64) []Outcome {
	var out []Outcome
	for i, p := range d {
		if p > 0 {
			out = append(out, Outcome{uint64(i), p})
		}
	}
	return out
}

// marginalSet is the distribution of the terminal measurements of a
// state.
type marginalSet struct {
	byQubit bool
	qs      []int     // measured qubits
	probs   []float64 // by the bits of qs, or by basis state when byQubit
	ms      []meas
	cl      uint64
	into    map[uint64]float64
	w       float64
}

// marginal computes the distribution of the terminal measurements ms of
// the state amp when the other classical bits are cl, weighted by w. With
// into set it adds the outcomes there; its result's outcomes method
// returns them otherwise.
func marginal(amp []complex128, ms []meas, cl uint64, w float64, byQubit bool, into map[uint64]float64) *marginalSet {
	m := &marginalSet{byQubit: byQubit, ms: ms, cl: cl, into: into, w: w}
	if byQubit {
		m.probs = make([]float64, len(amp))
		for i, x := range amp {
			m.probs[i] = w * (real(x)*real(x) + imag(x)*imag(x))
		}
		return m
	}
	for _, x := range ms {
		if !slices.Contains(m.qs, x.q) {
			m.qs = append(m.qs, x.q)
		}
	}
	m.probs = make([]float64, 1<<len(m.qs))
	for i, x := range amp {
		p := real(x)*real(x) + imag(x)*imag(x)
		if p == 0 {
			continue
		}
		k := 0
		for j, q := range m.qs {
			k |= (i >> q & 1) << j
		}
		m.probs[k] += p
	}
	if into != nil {
		for k, p := range m.probs {
			if p > 0 {
				into[m.value(k)] += w * p
			}
		}
	}
	return m
}

// value returns the classical bits after the terminal measurements give
// the bits k of the measured qubits.
func (m *marginalSet) value(k int) uint64 {
	v := m.cl
	for _, x := range m.ms {
		j := slices.Index(m.qs, x.q)
		v = setBit(v, x.c, k>>j&1)
	}
	return v
}

func (m *marginalSet) outcomes() []Outcome {
	if m.byQubit {
		return denseOutcomes(m.probs)
	}
	agg := map[uint64]float64{}
	for k, p := range m.probs {
		if p > 0 {
			agg[m.value(k)] += m.w * p
		}
	}
	out := make([]Outcome, 0, len(agg))
	for v, p := range agg {
		out = append(out, Outcome{v, p})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Value < out[j].Value })
	return out
}

// uniforms returns shots sorted draws from [0, total).
func uniforms(rng *rand.Rand, shots int, total float64) []float64 {
	u := make([]float64, shots)
	for i := range u {
		u[i] = rng.Float64() * total
	}
	sort.Float64s(u)
	return u
}

// sampleState draws shots outcomes of the terminal measurements ms of the
// state amp, whose other classical bits are cl, in one sweep over the
// amplitudes.
func sampleState(rng *rand.Rand, amp []complex128, ms []meas, cl uint64, byQubit bool, shots int) []Count {
	total := 0.0
	for _, x := range amp {
		total += real(x)*real(x) + imag(x)*imag(x)
	}
	u := uniforms(rng, shots, total)
	counts := map[uint64]int{}
	m := &marginalSet{ms: ms, cl: cl}
	for _, x := range ms {
		if !slices.Contains(m.qs, x.q) {
			m.qs = append(m.qs, x.q)
		}
	}
	cum, k := 0.0, 0
	last := len(amp) - 1
	for i, x := range amp {
		cum += real(x)*real(x) + imag(x)*imag(x)
		for k < len(u) && (u[k] < cum || i == last) {
			var v uint64
			if byQubit {
				v = uint64(i)
			} else {
				bitsOf := 0
				for j, q := range m.qs {
					bitsOf |= (i >> q & 1) << j
				}
				v = m.value(bitsOf)
			}
			counts[v]++
			k++
		}
		if k == len(u) {
			break
		}
	}
	return sortCounts(counts)
}

// sampleOutcomes draws shots outcomes from dist.
func sampleOutcomes(rng *rand.Rand, dist []Outcome, shots int) []Count {
	total := 0.0
	for _, o := range dist {
		total += o.P
	}
	u := uniforms(rng, shots, total)
	counts := map[uint64]int{}
	cum, k := 0.0, 0
	for i, o := range dist {
		cum += o.P
		for k < len(u) && (u[k] < cum || i == len(dist)-1) {
			counts[o.Value]++
			k++
		}
	}
	return sortCounts(counts)
}

func sortCounts(m map[uint64]int) []Count {
	out := make([]Count, 0, len(m))
	for v, n := range m {
		out = append(out, Count{v, n})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Value < out[j].Value })
	return out
}
