package entangle

import (
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/mat"

	"nexuslab/sim/quantum"
)

// MaxQubits bounds the smaller side of a bipartition whose entropy
// Entropy computes: the reduced density matrix is diagonalised densely.
const MaxQubits = 10

// ReducedDensity returns the reduced density matrix of the qubits a of s,
// the rest traced out. Bit j of its row and column index is qubit a[j].
func ReducedDensity(s *quantum.State, a ...int) (*mat.CDense, error) {
	if err := checkPart(s, a); err != nil {
		return nil, err
	}
	if len(a) > MaxQubits {
		return nil, fmt.Errorf("entangle: a reduced density matrix of %d qubits is larger than the %d allowed", len(a), MaxQubits)
	}
	d := 1 << len(a)
	off := make([]int, d) // offset of each basis state of a within the index
	for j := range off {
		for k, q := range a {
			off[j] |= (j >> k & 1) << q
		}
	}
	mask := off[d-1]
	amp := s.Amplitudes()
	rho := make([]complex128, d*d)
	col := make([]complex128, d)
	// b runs over the indices whose bits in a are zero.
	for b := 0; b < len(amp); b = ((b | mask) + 1) &^ mask {
		for j, o := range off {
			col[j] = amp[b+o]
		}
		for r, x := range col {
			if x == 0 {
				continue
			}
			row := rho[r*d : r*d+d]
			for c, y := range col {
				row[c] += x * complex(real(y), -imag(y))
			}
		}
	}
	return mat.NewCDense(d, d, rho), nil
}

// Entropy returns the entanglement entropy, in bits, between the qubits a
// of s and the rest: the von Neumann entropy −Tr ρ log₂ ρ of either side's
// reduced density matrix ρ. It is 0 for a product state and 1 for one
// qubit of a Bell pair. The smaller side may have at most MaxQubits
// qubits.
func Entropy(s *quantum.State, a []int) (float64, error) {
	if err := checkPart(s, a); err != nil {
		return 0, err
	}
	n := s.Qubits()
	if len(a) == n {
		return 0, nil
	}
	side := a
	if 2*len(a) > n {
		side = nil
		for q := range n {
			if !slices.Contains(a, q) {
				side = append(side, q)
			}
		}
	}
	rho, err := ReducedDensity(s, side...)
	if err != nil {
		return 0, err
	}
	// A Hermitian ρ = A + iB has the eigenvalues of the real symmetric
	// [[A, −B], [B, A]], each twice.
	d, _ := rho.Dims()
	sym := mat.NewSymDense(2*d, nil)
	for r := range d {
		for c := r; c < d; c++ {
			v := rho.At(r, c)
			sym.SetSym(r, c, real(v))
			sym.SetSym(r+d, c+d, real(v))
			sym.SetSym(r, c+d, -imag(v))
			sym.SetSym(c, r+d, imag(v))
		}
	}
	var eig mat.EigenSym
	if !eig.Factorize(sym, false) {
		return 0, fmt.Errorf("entangle: the reduced density matrix could not be diagonalised")
	}
	h := 0.0
	for _, l := range eig.Values(nil) {
		if l > 1e-15 {
			h -= l * math.Log2(l)
		}
	}
	return h / 2, nil
}

func checkPart(s *quantum.State, a []int) error {
	if len(a) == 0 {
		return fmt.Errorf("entangle: no qubits given")
	}
	for i, q := range a {
		if q < 0 || q >= s.Qubits() {
			return fmt.Errorf("entangle: qubit %d is out of range: the state has %d qubits", q, s.Qubits())
		}
		if slices.Contains(a[:i], q) {
			return fmt.Errorf("entangle: qubit %d is given twice", q)
		}
	}
	return nil
}
