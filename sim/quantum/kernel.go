package quantum

// The fast kernels. Each is a plain loop over the amplitude slice,
// specialised to one shape of gate so that it does only the arithmetic
// the gate needs: a phase gate touches half the amplitudes with one
// multiply, a controlled NOT only moves amplitudes.
//
// Controls are a bit mask: a kernel acts only on indices whose control
// bits are all 1. Indices with some bits pinned are walked with
//
//	i = ((i | mask) + 1) &^ mask | val
//
// which steps to the next index whose bits under mask equal val: setting
// the pinned bits first makes the carry of the increment skip over them.

// kind is the shape of a compiled operation.
type kind uint8

const (
	kDense1 kind = iota // 2×2 matrix m on qubit t
	kHDiag              // [[a, a], [b, −b]]: a Hadamard, then a diagonal
	kDiagH              // [[a, b], [a, −b]]: a diagonal, then a Hadamard
	kDiag1              // diag(m[0], m[3]) on qubit t
	kPhase              // multiply by m[3] where every bit of cmask is 1
	kAnti1              // [[0, m[1]], [m[2], 0]] on qubit t
	kNot                // X on qubit t: swap the halves
	kSwap               // exchange qubits t and u
	kDense2             // 4×4 matrix big on qubits t (bit 0) and u (bit 1)
	kDiagN              // diagonal big indexed by the bits qs of the index
	kMonoN              // column j of the qubits qs goes to row to[j] times big[j]
	kDenseN             // full matrix big on the qubits qs
)

// kop is one compiled operation on a state vector.
type kop struct {
	kind  kind
	t, u  int           // target qubits
	cmask int           // control bits that must all be 1
	m     [4]complex128 // 2×2 matrix, row-major
	big   []complex128  // 4×4 matrix, diagonal table or phases
	qs    []int         // qubits of an N-qubit operation, bit j of its index is qs[j]
	to    []int         // monomial permutation
}

// mask returns the bits of every qubit op touches.
func (op *kop) mask() int {
	m := op.cmask
	switch op.kind {
	case kPhase:
	case kSwap, kDense2:
		m |= 1<<op.t | 1<<op.u
	case kDiagN, kMonoN, kDenseN:
		for _, q := range op.qs {
			m |= 1 << q
		}
	default:
		m |= 1 << op.t
	}
	return m
}

// apply runs op on the amplitudes a.
func (op *kop) apply(a []complex128) {
	switch op.kind {
	case kDense1:
		dense1(a, op.t, op.cmask, &op.m)
	case kHDiag:
		hdiag(a, op.t, op.cmask, op.m[0], op.m[2])
	case kDiagH:
		diagh(a, op.t, op.cmask, op.m[0], op.m[1])
	case kDiag1:
		diag1(a, op.t, op.cmask, op.m[0], op.m[3])
	case kPhase:
		phaseMask(a, op.cmask, op.m[3])
	case kAnti1:
		anti1(a, op.t, op.cmask, op.m[1], op.m[2])
	case kNot:
		not1(a, op.t, op.cmask)
	case kSwap:
		swap2(a, op.t, op.u, op.cmask)
	case kDense2:
		dense2(a, op.t, op.u, op.cmask, op.big)
	case kDiagN:
		diagN(a, op.qs, op.big)
	case kMonoN:
		monoN(a, op.qs, op.to, op.big)
	case kDenseN:
		denseN(a, op.qs, op.big)
	}
}

func dense1(a []complex128, t, cmask int, m *[4]complex128) {
	m00, m01, m10, m11 := m[0], m[1], m[2], m[3]
	s := 1 << t
	if cmask != 0 {
		mask := cmask | s
		for i := cmask; i < len(a); i = ((i|mask)+1)&^mask | cmask {
			j := i | s
			x, y := a[i], a[j]
			a[i] = m00*x + m01*y
			a[j] = m10*x + m11*y
		}
		return
	}
	if s == 1 {
		for i := 0; i+1 < len(a); i += 2 {
			p := a[i : i+2 : i+2]
			x, y := p[0], p[1]
			p[0] = m00*x + m01*y
			p[1] = m10*x + m11*y
		}
		return
	}
	for b := 0; b+2*s <= len(a); b += 2 * s {
		lo := a[b : b+s : b+s]
		hi := a[b+s : b+2*s : b+2*s]
		for k, x := range lo {
			y := hi[k]
			lo[k] = m00*x + m01*y
			hi[k] = m10*x + m11*y
		}
	}
}

// hdiag applies [[p, p], [r, −r]] to qubit t: a Hadamard followed by a
// diagonal gate, such as RZ·H, in two complex multiplies per pair instead
// of four.
func hdiag(a []complex128, t, cmask int, p, r complex128) {
	s := 1 << t
	if cmask != 0 || s == 1 {
		mask := cmask | s
		for i := cmask; i < len(a); i = ((i|mask)+1)&^mask | cmask {
			j := i | s
			x, y := a[i], a[j]
			a[i], a[j] = p*(x+y), r*(x-y)
		}
		return
	}
	for b := 0; b+2*s <= len(a); b += 2 * s {
		lo := a[b : b+s : b+s]
		hi := a[b+s : b+2*s : b+2*s]
		for k, x := range lo {
			y := hi[k]
			lo[k], hi[k] = p*(x+y), r*(x-y)
		}
	}
}

// diagh applies [[p, r], [p, −r]] to qubit t: a diagonal gate followed by
// a Hadamard.
func diagh(a []complex128, t, cmask int, p, r complex128) {
	s := 1 << t
	if cmask != 0 || s == 1 {
		mask := cmask | s
		for i := cmask; i < len(a); i = ((i|mask)+1)&^mask | cmask {
			j := i | s
			x, y := p*a[i], r*a[j]
			a[i], a[j] = x+y, x-y
		}
		return
	}
	for b := 0; b+2*s <= len(a); b += 2 * s {
		lo := a[b : b+s : b+s]
		hi := a[b+s : b+2*s : b+2*s]
		for k, x := range lo {
			u, v := p*x, r*hi[k]
			lo[k], hi[k] = u+v, u-v
		}
	}
}

func diag1(a []complex128, t, cmask int, d0, d1 complex128) {
	s := 1 << t
	if cmask != 0 {
		mask := cmask | s
		for i := cmask; i < len(a); i = ((i|mask)+1)&^mask | cmask {
			a[i] *= d0
			a[i|s] *= d1
		}
		return
	}
	for b := 0; b+2*s <= len(a); b += 2 * s {
		lo := a[b : b+s : b+s]
		for k := range lo {
			lo[k] *= d0
		}
		hi := a[b+s : b+2*s : b+2*s]
		for k := range hi {
			hi[k] *= d1
		}
	}
}

// phaseMask multiplies by ph every amplitude whose bits under mask are
// all 1: a phase gate, cz, cp and their multi-controlled forms.
func phaseMask(a []complex128, mask int, ph complex128) {
	low := mask & -mask
	if mask == low && low > 1 {
		// One qubit: whole runs of the |1⟩ half.
		for b := low; b+low <= len(a); b += 2 * low {
			hi := a[b : b+low : b+low]
			for k := range hi {
				hi[k] *= ph
			}
		}
		return
	}
	for i := mask; i < len(a); i = ((i|mask)+1)&^mask | mask {
		a[i] *= ph
	}
}

func anti1(a []complex128, t, cmask int, m01, m10 complex128) {
	s := 1 << t
	mask := cmask | s
	for i := cmask; i < len(a); i = ((i|mask)+1)&^mask | cmask {
		j := i | s
		x, y := a[i], a[j]
		a[i] = m01 * y
		a[j] = m10 * x
	}
}

func not1(a []complex128, t, cmask int) {
	s := 1 << t
	if cmask == 0 && s > 1 {
		for b := 0; b+2*s <= len(a); b += 2 * s {
			lo := a[b : b+s : b+s]
			hi := a[b+s : b+2*s : b+2*s]
			for k, x := range lo {
				lo[k], hi[k] = hi[k], x
			}
		}
		return
	}
	mask := cmask | s
	for i := cmask; i < len(a); i = ((i|mask)+1)&^mask | cmask {
		j := i | s
		a[i], a[j] = a[j], a[i]
	}
}

func swap2(a []complex128, t, u, cmask int) {
	tb, ub := 1<<t, 1<<u
	mask := cmask | tb | ub
	val := cmask | tb
	for i := val; i < len(a); i = ((i|mask)+1)&^mask | val {
		j := i ^ tb ^ ub
		a[i], a[j] = a[j], a[i]
	}
}

func dense2(a []complex128, t, u, cmask int, m []complex128) {
	m = m[:16:16]
	tb, ub := 1<<t, 1<<u
	mask := cmask | tb | ub
	for i := cmask; i < len(a); i = ((i|mask)+1)&^mask | cmask {
		i1, i2, i3 := i|tb, i|ub, i|tb|ub
		x0, x1, x2, x3 := a[i], a[i1], a[i2], a[i3]
		a[i] = m[0]*x0 + m[1]*x1 + m[2]*x2 + m[3]*x3
		a[i1] = m[4]*x0 + m[5]*x1 + m[6]*x2 + m[7]*x3
		a[i2] = m[8]*x0 + m[9]*x1 + m[10]*x2 + m[11]*x3
		a[i3] = m[12]*x0 + m[13]*x1 + m[14]*x2 + m[15]*x3
	}
}

// offsets returns the index offset of each basis state of the qubits qs:
// entry j has bit qs[k] set when bit k of j is set.
func offsets(qs []int) []int {
	off := make([]int, 1<<len(qs))
	for j := range off {
		for k, q := range qs {
			if j>>k&1 == 1 {
				off[j] |= 1 << q
			}
		}
	}
	return off
}

func diagN(a []complex128, qs []int, table []complex128) {
	for i := range a {
		j := 0
		for k, q := range qs {
			j |= (i >> q & 1) << k
		}
		a[i] *= table[j]
	}
}

func monoN(a []complex128, qs, to []int, ph []complex128) {
	off := offsets(qs)
	mask := off[len(off)-1]
	var v [32]complex128
	for b := 0; b < len(a); b = ((b | mask) + 1) &^ mask {
		for j, o := range off {
			v[j] = a[b+o]
		}
		for j, r := range to {
			a[b+off[r]] = ph[j] * v[j]
		}
	}
}

// denseN applies the full matrix m to the qubits qs: gather the 2^k
// amplitudes of each group, multiply, scatter.
func denseN(a []complex128, qs []int, m []complex128) {
	off := offsets(qs)
	d := len(off)
	mask := off[d-1]
	v := make([]complex128, d)
	for b := 0; b < len(a); b = ((b | mask) + 1) &^ mask {
		for j, o := range off {
			v[j] = a[b+o]
		}
		for r, o := range off {
			row := m[r*d : r*d+d]
			var s complex128
			for c, x := range v {
				s += row[c] * x
			}
			a[b+o] = s
		}
	}
}
