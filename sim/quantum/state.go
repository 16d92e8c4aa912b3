package quantum

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// MaxQubits is the largest register New accepts.
const MaxQubits = 30

// BrowserMaxQubits is the largest register a browser is asked to hold:
// 2^24 amplitudes of 16 bytes, 256 MiB.
const BrowserMaxQubits = 24

// State is the state vector of n qubits. Its zero value is not usable;
// call New.
type State struct {
	n   int
	amp []complex128
}

// New returns n qubits in the state |0…0⟩, or an error naming the cap and
// the memory needed when n is out of range.
func New(n int) (*State, error) {
	return NewCapped(n, MaxQubits)
}

// NewCapped is New with a smaller cap, such as BrowserMaxQubits: asking
// for more than limit qubits returns an error that names the cap and the
// memory the state would need, before any memory is taken.
func NewCapped(n, limit int) (*State, error) {
	if err := checkQubits(n, limit); err != nil {
		return nil, err
	}
	s := &State{n: n, amp: make([]complex128, 1<<n)}
	s.amp[0] = 1
	return s, nil
}

// checkQubits returns the error New gives for n qubits under the cap
// limit, or nil.
func checkQubits(n, limit int) error {
	limit = min(limit, MaxQubits)
	if n < 1 {
		return fmt.Errorf("quantum: a state needs at least 1 qubit, not %d", n)
	}
	if n > limit {
		return fmt.Errorf("quantum: %d qubits is more than the cap of %d here: a %d-qubit state needs %s, the cap allows %s",
			n, limit, n, Memory(n), Memory(limit))
	}
	return nil
}

// Memory formats the bytes a state vector of n qubits needs, such as
// "256 MiB" for 24.
func Memory(n int) string {
	if n < 0 {
		return "no memory"
	}
	bytes := math.Ldexp(16, n)
	units := []string{"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"}
	i := 0
	for bytes >= 1024 && i < len(units)-1 {
		bytes /= 1024
		i++
	}
	if bytes >= 1024 {
		return "more memory than exists"
	}
	return fmt.Sprintf("%.0f %s", bytes, units[i])
}

// Qubits returns the number of qubits.
func (s *State) Qubits() int { return s.n }

// Amplitudes returns the state vector. It is the State's own storage:
// callers must not modify it.
func (s *State) Amplitudes() []complex128 { return s.amp }

// Clone returns an independent copy of s.
func (s *State) Clone() *State {
	return &State{n: s.n, amp: append([]complex128(nil), s.amp...)}
}

// Norm returns the squared length of the state vector, 1 for a valid
// state.
func (s *State) Norm() float64 {
	t := 0.0
	for _, a := range s.amp {
		t += real(a)*real(a) + imag(a)*imag(a)
	}
	return t
}

func (s *State) check(q int) {
	if q < 0 || q >= s.n {
		panic(fmt.Sprintf("quantum: qubit %d out of range [0,%d)", q, s.n))
	}
}

// H applies the Hadamard gate to qubit q. It panics if q is out of range.
func (s *State) H(q int) {
	s.check(q)
	dense1(s.amp, q, 0, (*[4]complex128)(matH))
}

// CX applies a controlled NOT with control c and target t. It panics if
// either is out of range or they are equal.
func (s *State) CX(c, t int) {
	s.check(c)
	s.check(t)
	if c == t {
		panic(fmt.Sprintf("quantum: CX control and target are both qubit %d", c))
	}
	not1(s.amp, t, 1<<c)
}

// Apply applies the standard gate name with params to qubits, controls
// first, using every processor for large states. It returns an error
// for an unknown gate or wrong arguments.
func (s *State) Apply(name string, params []float64, qubits ...int) error {
	c := &Circuit{Qregs: []Register{{"q", s.n}}}
	c.Gate(name, params, qubits...)
	if err := c.Validate(); err != nil {
		return err
	}
	compile(c.Ops, s.n, false).apply(s.amp, defaultWorkers(s.n))
	return nil
}

// Probability returns the probability that measuring qubit q gives 1. It
// panics if q is out of range.
func (s *State) Probability(q int) float64 {
	s.check(q)
	bit := 1 << q
	p := 0.0
	for b := bit; b < len(s.amp); b += 2 * bit {
		for _, a := range s.amp[b : b+bit] {
			p += real(a)*real(a) + imag(a)*imag(a)
		}
	}
	return p
}

// Measure measures qubit q, collapses the state onto the outcome and
// returns it. The outcome depends only on the state and rng. It panics if
// q is out of range.
func (s *State) Measure(q int, rng *rand.Rand) int {
	p1 := s.Probability(q)
	out := 0
	if rng.Float64()*s.Norm() < p1 {
		out = 1
	}
	s.collapse(q, out, p1)
	return out
}

// collapse projects qubit q onto outcome, whose probability in the
// current state is p1 for outcome 1, and renormalises.
func (s *State) collapse(q, outcome int, p1 float64) {
	p := p1
	if outcome == 0 {
		p = s.Norm() - p1
	}
	bit := 1 << q
	keep := complex(1/math.Sqrt(p), 0)
	for b := 0; b < len(s.amp); b += 2 * bit {
		lo, hi := s.amp[b:b+bit], s.amp[b+bit:b+2*bit]
		if outcome == 1 {
			lo, hi = hi, lo
		}
		for i := range lo {
			lo[i] *= keep
			hi[i] = 0
		}
	}
}

// Reset measures qubit q and, on 1, flips it back: the qubit ends in |0⟩
// and the rest of the state collapses as the measurement says. It panics
// if q is out of range.
func (s *State) Reset(q int, rng *rand.Rand) {
	if s.Measure(q, rng) == 1 {
		not1(s.amp, q, 0)
	}
}

// Probabilities writes the probability of each basis state into dst,
// growing it if needed, and returns it.
func (s *State) Probabilities(dst []float64) []float64 {
	if cap(dst) < len(s.amp) {
		dst = make([]float64, len(s.amp))
	}
	dst = dst[:len(s.amp)]
	for i, a := range s.amp {
		dst[i] = real(a)*real(a) + imag(a)*imag(a)
	}
	return dst
}

// Sample draws shots outcomes from the distribution probs and returns how
// often each index came up. The draws depend only on rng's state.
func Sample(rng *rand.Rand, probs []float64, shots int) []int {
	counts := make([]int, len(probs))
	cum := make([]float64, len(probs))
	total := 0.0
	for i, p := range probs {
		total += p
		cum[i] = total
	}
	for range shots {
		u := rng.Float64() * total
		i, j := 0, len(cum)-1
		for i < j { // first index with cum > u
			m := (i + j) / 2
			if cum[m] > u {
				j = m
			} else {
				i = m + 1
			}
		}
		counts[i]++
	}
	return counts
}

// Bitstring formats basis index i of n bits with bit 0 rightmost.
func Bitstring(i, n int) string {
	b := make([]byte, n)
	for k := range n {
		b[n-1-k] = '0' + byte(i>>k&1)
	}
	return string(b)
}
