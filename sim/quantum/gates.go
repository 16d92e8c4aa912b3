package quantum

import (
	"fmt"
	"math"
	"math/cmplx"
	"slices"
	"sort"
)

// GateInfo describes a standard gate: the OpenQASM 2.0 built-ins U and CX
// and every gate of qelib1.inc.
type GateInfo struct {
	Name     string // as written in OpenQASM, e.g. "cu3"
	Qubits   int    // how many qubit arguments it takes
	Params   int    // how many angle parameters it takes
	Controls int    // how many leading qubit arguments are controls
	Builtin  bool   // U or CX: usable without including qelib1.inc
}

// gateDef is a standard gate: its shape and the matrix it applies to the
// qubits after its controls.
type gateDef struct {
	GateInfo
	// core returns the matrix on the target qubits, row-major, with the
	// first target as bit 0 of the row and column index.
	core func(p []float64) []complex128
}

var (
	sqrtHalf = complex(1/math.Sqrt2, 0)
	i1       = complex(0, 1)
)

func mat2(a, b, c, d complex128) []complex128 { return []complex128{a, b, c, d} }

func u3(theta, phi, lambda float64) []complex128 {
	c, s := math.Cos(theta/2), math.Sin(theta/2)
	return mat2(
		complex(c, 0), -cmplx.Rect(s, lambda),
		cmplx.Rect(s, phi), cmplx.Rect(c, phi+lambda),
	)
}

func phase(lambda float64) []complex128 { return mat2(1, 0, 0, cmplx.Rect(1, lambda)) }

func rx(theta float64) []complex128 {
	c, s := math.Cos(theta/2), math.Sin(theta/2)
	return mat2(complex(c, 0), complex(0, -s), complex(0, -s), complex(c, 0))
}

func ry(theta float64) []complex128 {
	c, s := math.Cos(theta/2), math.Sin(theta/2)
	return mat2(complex(c, 0), complex(-s, 0), complex(s, 0), complex(c, 0))
}

func rz(phi float64) []complex128 {
	return mat2(cmplx.Rect(1, -phi/2), 0, 0, cmplx.Rect(1, phi/2))
}

func fixed(m []complex128) func([]float64) []complex128 {
	return func([]float64) []complex128 { return slices.Clone(m) }
}

var (
	matI    = mat2(1, 0, 0, 1)
	matX    = mat2(0, 1, 1, 0)
	matY    = mat2(0, -i1, i1, 0)
	matZ    = mat2(1, 0, 0, -1)
	matH    = mat2(sqrtHalf, sqrtHalf, sqrtHalf, -sqrtHalf)
	matS    = mat2(1, 0, 0, i1)
	matSdg  = mat2(1, 0, 0, -i1)
	matT    = mat2(1, 0, 0, cmplx.Rect(1, math.Pi/4))
	matTdg  = mat2(1, 0, 0, cmplx.Rect(1, -math.Pi/4))
	matSX   = mat2(complex(0.5, 0.5), complex(0.5, -0.5), complex(0.5, -0.5), complex(0.5, 0.5))
	matSXdg = mat2(complex(0.5, -0.5), complex(0.5, 0.5), complex(0.5, 0.5), complex(0.5, -0.5))
	matSwap = []complex128{
		1, 0, 0, 0,
		0, 0, 1, 0,
		0, 1, 0, 0,
		0, 0, 0, 1,
	}
)

// monomial builds a matrix with one entry per column: column j goes to
// row to[j] multiplied by ph[j].
func monomial(to []int, ph []complex128) []complex128 {
	d := len(to)
	m := make([]complex128, d*d)
	for j, r := range to {
		m[r*d+j] = ph[j]
	}
	return m
}

// The relative-phase Toffoli gates of qelib1.inc, which are cheaper than
// ccx and c3x in hardware, equal them up to phases on some basis states.
// Their matrices are the products of their qelib1.inc definitions
// (TestRelativePhaseGates checks this).
var (
	matRCCX = monomial(
		[]int{0, 1, 2, 7, 4, 5, 6, 3},
		[]complex128{1, 1, 1, i1, 1, -1, 1, -i1},
	)
	matRC3X = monomial(
		[]int{0, 1, 2, 3, 4, 5, 6, 15, 8, 9, 10, 11, 12, 13, 14, 7},
		[]complex128{1, 1, 1, i1, 1, 1, 1, -1, 1, 1, 1, -i1, 1, 1, 1, 1},
	)
)

var gateDefs = func() map[string]gateDef {
	defs := []gateDef{
		{GateInfo{"U", 1, 3, 0, true}, func(p []float64) []complex128 { return u3(p[0], p[1], p[2]) }},
		{GateInfo{"CX", 2, 0, 1, true}, fixed(matX)},
		{GateInfo{"u3", 1, 3, 0, false}, func(p []float64) []complex128 { return u3(p[0], p[1], p[2]) }},
		{GateInfo{"u2", 1, 2, 0, false}, func(p []float64) []complex128 { return u3(math.Pi/2, p[0], p[1]) }},
		{GateInfo{"u1", 1, 1, 0, false}, func(p []float64) []complex128 { return phase(p[0]) }},
		{GateInfo{"u0", 1, 1, 0, false}, fixed(matI)},
		{GateInfo{"u", 1, 3, 0, false}, func(p []float64) []complex128 { return u3(p[0], p[1], p[2]) }},
		{GateInfo{"p", 1, 1, 0, false}, func(p []float64) []complex128 { return phase(p[0]) }},
		{GateInfo{"cx", 2, 0, 1, false}, fixed(matX)},
		{GateInfo{"id", 1, 0, 0, false}, fixed(matI)},
		{GateInfo{"x", 1, 0, 0, false}, fixed(matX)},
		{GateInfo{"y", 1, 0, 0, false}, fixed(matY)},
		{GateInfo{"z", 1, 0, 0, false}, fixed(matZ)},
		{GateInfo{"h", 1, 0, 0, false}, fixed(matH)},
		{GateInfo{"s", 1, 0, 0, false}, fixed(matS)},
		{GateInfo{"sdg", 1, 0, 0, false}, fixed(matSdg)},
		{GateInfo{"t", 1, 0, 0, false}, fixed(matT)},
		{GateInfo{"tdg", 1, 0, 0, false}, fixed(matTdg)},
		{GateInfo{"sx", 1, 0, 0, false}, fixed(matSX)},
		{GateInfo{"sxdg", 1, 0, 0, false}, fixed(matSXdg)},
		{GateInfo{"rx", 1, 1, 0, false}, func(p []float64) []complex128 { return rx(p[0]) }},
		{GateInfo{"ry", 1, 1, 0, false}, func(p []float64) []complex128 { return ry(p[0]) }},
		{GateInfo{"rz", 1, 1, 0, false}, func(p []float64) []complex128 { return rz(p[0]) }},
		{GateInfo{"cz", 2, 0, 1, false}, fixed(matZ)},
		{GateInfo{"cy", 2, 0, 1, false}, fixed(matY)},
		{GateInfo{"ch", 2, 0, 1, false}, fixed(matH)},
		{GateInfo{"swap", 2, 0, 0, false}, fixed(matSwap)},
		{GateInfo{"ccx", 3, 0, 2, false}, fixed(matX)},
		{GateInfo{"cswap", 3, 0, 1, false}, fixed(matSwap)},
		{GateInfo{"crx", 2, 1, 1, false}, func(p []float64) []complex128 { return rx(p[0]) }},
		{GateInfo{"cry", 2, 1, 1, false}, func(p []float64) []complex128 { return ry(p[0]) }},
		{GateInfo{"crz", 2, 1, 1, false}, func(p []float64) []complex128 { return rz(p[0]) }},
		{GateInfo{"cu1", 2, 1, 1, false}, func(p []float64) []complex128 { return phase(p[0]) }},
		{GateInfo{"cp", 2, 1, 1, false}, func(p []float64) []complex128 { return phase(p[0]) }},
		{GateInfo{"cu3", 2, 3, 1, false}, func(p []float64) []complex128 { return u3(p[0], p[1], p[2]) }},
		{GateInfo{"csx", 2, 0, 1, false}, fixed(matSX)},
		{GateInfo{"cu", 2, 4, 1, false}, func(p []float64) []complex128 {
			m := u3(p[0], p[1], p[2])
			g := cmplx.Rect(1, p[3])
			for i := range m {
				m[i] *= g
			}
			return m
		}},
		{GateInfo{"rxx", 2, 1, 0, false}, func(p []float64) []complex128 {
			c, s := complex(math.Cos(p[0]/2), 0), complex(0, -math.Sin(p[0]/2))
			return []complex128{
				c, 0, 0, s,
				0, c, s, 0,
				0, s, c, 0,
				s, 0, 0, c,
			}
		}},
		{GateInfo{"rzz", 2, 1, 0, false}, func(p []float64) []complex128 {
			a, b := cmplx.Rect(1, -p[0]/2), cmplx.Rect(1, p[0]/2)
			return []complex128{
				a, 0, 0, 0,
				0, b, 0, 0,
				0, 0, b, 0,
				0, 0, 0, a,
			}
		}},
		{GateInfo{"rccx", 3, 0, 0, false}, fixed(matRCCX)},
		{GateInfo{"rc3x", 4, 0, 0, false}, fixed(matRC3X)},
		{GateInfo{"c3x", 4, 0, 3, false}, fixed(matX)},
		{GateInfo{"c3sqrtx", 4, 0, 3, false}, fixed(matSX)},
		{GateInfo{"c4x", 5, 0, 4, false}, fixed(matX)},
	}
	m := make(map[string]gateDef, len(defs))
	for _, d := range defs {
		m[d.Name] = d
	}
	return m
}()

// Gates returns every standard gate sorted by name.
func Gates() []GateInfo {
	out := make([]GateInfo, 0, len(gateDefs))
	for _, d := range gateDefs {
		out = append(out, d.GateInfo)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// LookupGate returns the standard gate called name.
func LookupGate(name string) (GateInfo, bool) {
	d, ok := gateDefs[name]
	return d.GateInfo, ok
}

// Matrix returns the unitary of the standard gate name with parameters
// params, as a row-major 2^k × 2^k slice for a gate on k qubits. Qubit
// argument j is bit j of the row and column index, so the matrix of cx is
// the one Qiskit prints: |c t⟩ with the control c as the low bit.
func Matrix(name string, params []float64) ([]complex128, error) {
	d, ok := gateDefs[name]
	if !ok {
		return nil, fmt.Errorf("quantum: unknown gate %q", name)
	}
	if len(params) != d.Params {
		return nil, fmt.Errorf("quantum: gate %s takes %d parameters, got %d", name, d.Params, len(params))
	}
	return controlled(d.core(params), d.Controls), nil
}

// controlled embeds the matrix u on t target qubits into the matrix on c
// controls (the low bits) and those targets: u acts where every control
// is 1, the identity elsewhere.
func controlled(u []complex128, c int) []complex128 {
	if c == 0 {
		return u
	}
	dt := isqrt(len(u))
	dc := 1 << c
	d := dc * dt
	m := make([]complex128, d*d)
	all := dc - 1
	for r := range d {
		if r&all != all {
			m[r*d+r] = 1
			continue
		}
		for col := range d {
			if col&all == all {
				m[r*d+col] = u[(r>>c)*dt+col>>c]
			}
		}
	}
	return m
}

// isqrt returns the side of a square matrix stored in n entries.
func isqrt(n int) int {
	d := 1
	for d*d < n {
		d++
	}
	return d
}
