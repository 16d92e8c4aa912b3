package quantum

import (
	"fmt"
	"math"
	"math/bits"
)

// PauliTerm is a real multiple of a Pauli string. The string has one
// letter I, X, Y or Z per qubit, qubit 0 rightmost as in bitstrings:
// "XZ" is Z on qubit 0 and X on qubit 1.
type PauliTerm struct {
	Coef  float64
	Pauli string
}

// Hamiltonian is a sum of Pauli terms, a Hermitian observable such as
// the energy of a molecule written in qubits.
type Hamiltonian []PauliTerm

// pauliMasks returns the bits where the string has X or Y, where it has
// Z or Y, and how many Y it has.
func pauliMasks(p string, n int) (x, z, ny int, err error) {
	if len(p) != n {
		return 0, 0, 0, fmt.Errorf("quantum: Pauli string %q has %d letters; the state has %d qubits", p, len(p), n)
	}
	for k := range n {
		bit := 1 << (n - 1 - k)
		switch p[k] {
		case 'I':
		case 'X':
			x |= bit
		case 'Z':
			z |= bit
		case 'Y':
			x |= bit
			z |= bit
			ny++
		default:
			return 0, 0, 0, fmt.Errorf("quantum: Pauli string %q has %q; letters are I, X, Y and Z", p, p[k])
		}
	}
	return x, z, ny, nil
}

// Expectation returns ⟨ψ|P|ψ⟩ for the Pauli string p.
func (s *State) Expectation(p string) (float64, error) {
	x, z, ny, err := pauliMasks(p, s.n)
	if err != nil {
		return 0, err
	}
	// P = i^ny X^x Z^z, so (Pψ)_i = i^ny (−1)^|(i⊕x)∧z| ψ_{i⊕x}.
	var sum complex128
	for i, a := range s.amp {
		b := s.amp[i^x]
		t := conj(a) * b
		if bits.OnesCount(uint((i^x)&z))&1 == 1 {
			t = -t
		}
		sum += t
	}
	switch ny & 3 {
	case 1:
		sum *= i1
	case 2:
		sum = -sum
	case 3:
		sum *= -i1
	}
	return real(sum), nil
}

// Energy returns ⟨ψ|H|ψ⟩.
func (s *State) Energy(h Hamiltonian) (float64, error) {
	e := 0.0
	for _, t := range h {
		v, err := s.Expectation(t.Pauli)
		if err != nil {
			return 0, err
		}
		e += t.Coef * v
	}
	return e, nil
}

// Reduced returns the 2×2 reduced density matrix of qubit q, row-major:
// the state of q alone once the other qubits are traced out. It panics if
// q is out of range.
func (s *State) Reduced(q int) [4]complex128 {
	s.check(q)
	bit := 1 << q
	var r00, r11 float64
	var r01 complex128
	for b := 0; b < len(s.amp); b += 2 * bit {
		lo, hi := s.amp[b:b+bit], s.amp[b+bit:b+2*bit]
		for i, a := range lo {
			c := hi[i]
			r00 += real(a)*real(a) + imag(a)*imag(a)
			r11 += real(c)*real(c) + imag(c)*imag(c)
			r01 += a * conj(c)
		}
	}
	return [4]complex128{complex(r00, 0), r01, conj(r01), complex(r11, 0)}
}

// Bloch returns the Bloch vector of qubit q: (⟨X⟩, ⟨Y⟩, ⟨Z⟩), of length 1
// when q is not entangled with the others and shorter when it is. It
// panics if q is out of range.
func (s *State) Bloch(q int) (x, y, z float64) {
	r := s.Reduced(q)
	return 2 * real(r[1]), -2 * imag(r[1]), real(r[0]) - real(r[3])
}

// QubitEntropy returns the entanglement entropy, in bits, between qubit q
// and the rest of a pure state. It needs no diagonalisation: the reduced
// state of one qubit has eigenvalues (1 ± r)/2, where r is the length of
// its Bloch vector. For larger parts use package entangle.
func (s *State) QubitEntropy(q int) float64 {
	x, y, z := s.Bloch(q)
	r := math.Min(1, math.Sqrt(x*x+y*y+z*z))
	h := 0.0
	for _, l := range []float64{(1 + r) / 2, (1 - r) / 2} {
		if l > 1e-15 {
			h -= l * math.Log2(l)
		}
	}
	return h
}
