package quantum

import (
	"math/bits"
	"slices"
)

// blockQubits is the size of the blocks the fast path works on: 2^12
// amplitudes, 64 KiB, stay in the second-level cache while every gate of
// a group runs over them, so a group of gates costs about one pass over
// main memory instead of one per gate.
const blockQubits = 12

// gateKops compiles one standard gate on circuit qubits into kernels:
// none for an identity, otherwise one of the shape the matrix has.
func gateKops(name string, params []float64, qubits []int) []kop {
	d := gateDefs[name]
	core := d.core(params)
	cmask := 0
	for _, q := range qubits[:d.Controls] {
		cmask |= 1 << q
	}
	ts := qubits[d.Controls:]
	switch len(ts) {
	case 1:
		return kop1(ts[0], cmask, [4]complex128(core))
	case 2:
		if slices.Equal(core, matSwap) {
			return []kop{{kind: kSwap, t: ts[0], u: ts[1], cmask: cmask}}
		}
		if cmask == 0 {
			if dg, ok := diagonal(core); ok {
				return []kop{{kind: kDiagN, qs: slices.Clone(ts), big: dg}}
			}
		}
		return []kop{{kind: kDense2, t: ts[0], u: ts[1], cmask: cmask, big: core}}
	}
	if cmask == 0 {
		if to, ph, ok := monomialOf(core); ok {
			return []kop{{kind: kMonoN, qs: slices.Clone(ts), to: to, big: ph}}
		}
	}
	return []kop{{kind: kDenseN, qs: slices.Clone(qubits), big: controlled(core, d.Controls)}}
}

// kop1 classifies the 2×2 matrix m on qubit t with controls cmask.
func kop1(t, cmask int, m [4]complex128) []kop {
	switch {
	case m[1] == 0 && m[2] == 0:
		if m[0] == 1 && m[3] == 1 {
			return nil
		}
		if m[0] == 1 {
			op := kop{kind: kPhase, t: t, cmask: cmask | 1<<t}
			op.m[3] = m[3]
			return []kop{op}
		}
		return []kop{{kind: kDiag1, t: t, cmask: cmask, m: m}}
	case m[0] == 0 && m[3] == 0:
		if m[1] == 1 && m[2] == 1 {
			return []kop{{kind: kNot, t: t, cmask: cmask}}
		}
		return []kop{{kind: kAnti1, t: t, cmask: cmask, m: m}}
	case m[0] == m[1] && m[2] == -m[3]:
		return []kop{{kind: kHDiag, t: t, cmask: cmask, m: m}}
	case m[0] == m[2] && m[1] == -m[3]:
		return []kop{{kind: kDiagH, t: t, cmask: cmask, m: m}}
	}
	return []kop{{kind: kDense1, t: t, cmask: cmask, m: m}}
}

// diagonal returns the diagonal of the square matrix m when every other
// entry is zero.
func diagonal(m []complex128) ([]complex128, bool) {
	d := isqrt(len(m))
	dg := make([]complex128, d)
	for r := range d {
		for c := range d {
			if r != c && m[r*d+c] != 0 {
				return nil, false
			}
		}
		dg[r] = m[r*d+r]
	}
	return dg, true
}

// monomialOf returns, when each column of m has one non-zero entry in a
// distinct row, that row and entry for each column.
func monomialOf(m []complex128) (to []int, ph []complex128, ok bool) {
	d := isqrt(len(m))
	to = make([]int, d)
	ph = make([]complex128, d)
	seen := make([]bool, d)
	for c := range d {
		found := false
		for r := range d {
			if v := m[r*d+c]; v != 0 {
				if found || seen[r] {
					return nil, nil, false
				}
				found, seen[r] = true, true
				to[c], ph[c] = r, v
			}
		}
		if !found {
			return nil, nil, false
		}
	}
	return to, ph, true
}

func mul2(a, b [4]complex128) [4]complex128 {
	return [4]complex128{
		a[0]*b[0] + a[1]*b[2], a[0]*b[1] + a[1]*b[3],
		a[2]*b[0] + a[3]*b[2], a[2]*b[1] + a[3]*b[3],
	}
}

// fuse compiles unconditional gates into kernels, multiplying runs of
// one-qubit gates on the same qubit into one 2×2 matrix. A pending
// product is flushed when a gate on more qubits touches its qubit; gates
// on other qubits commute with it, so order is kept.
func fuse(ops []Op, n int) []kop {
	var out []kop
	pend := make([][4]complex128, n)
	has := make([]bool, n)
	flush := func(q int) {
		if has[q] {
			out = append(out, kop1(q, 0, pend[q])...)
			has[q] = false
		}
	}
	for _, op := range ops {
		d := gateDefs[op.Name]
		if d.Qubits == 1 {
			q := op.Qubits[0]
			m := [4]complex128(d.core(op.Params))
			if has[q] {
				m = mul2(m, pend[q])
			}
			pend[q], has[q] = m, true
			continue
		}
		for _, q := range op.Qubits {
			flush(q)
		}
		out = append(out, gateKops(op.Name, op.Params, op.Qubits)...)
	}
	for q := range n {
		flush(q)
	}
	return out
}

// group is a set of kernels that touch only the qubits of one block: for
// each setting of the other qubits, the block's 2^blockQubits amplitudes
// are gathered into a buffer, every kernel runs on it, and it is
// scattered back.
type group struct {
	mask    int   // circuit bits of the block's qubits
	off     []int // offset of each buffer index in the state
	run     int   // length of the contiguous runs of off
	inPlace bool  // the block is qubits 0…blockQubits-1: no copy needed
	ops     []kop // kernels on buffer qubits
}

// segment is a compiled run of unconditional gates.
type segment struct {
	n      int
	direct []kop     // for small states: kernels on the whole state
	groups []group   // for large states: blocks
	ref    []refGate // reference mode: one full-matrix pass per gate
}

// refGate is one gate for the reference kernel.
type refGate struct {
	qs []int
	m  []complex128
}

// compile turns unconditional gates on n qubits into a segment: fused
// and blocked kernels, or with reference set, one full-matrix pass per
// gate.
func compile(ops []Op, n int, reference bool) *segment {
	s := &segment{n: n}
	if reference {
		for _, op := range ops {
			if op.Kind != OpGate {
				continue
			}
			m, _ := Matrix(op.Name, op.Params)
			s.ref = append(s.ref, refGate{qs: op.Qubits, m: m})
		}
		return s
	}
	gates := make([]Op, 0, len(ops))
	for _, op := range ops {
		if op.Kind == OpGate {
			gates = append(gates, op)
		}
	}
	ks := fuse(gates, n)
	if n <= blockQubits {
		s.direct = ks
		return s
	}
	s.groups = blocks(ks, n)
	return s
}

// blocks partitions kernels into groups of at most blockQubits qubits.
// Each round scans the remaining kernels in order, taking every kernel
// that fits the group and does not depend on a kernel left behind; a
// kernel left behind blocks its qubits for the rest of the round.
func blocks(ks []kop, n int) []group {
	var gs []group
	all := 1<<n - 1
	for len(ks) > 0 {
		var in, out []kop
		set, blocked := 0, 0
		for i, op := range ks {
			if blocked == all {
				out = append(out, ks[i:]...)
				break
			}
			m := op.mask()
			switch {
			case m&blocked != 0:
				blocked |= m
				out = append(out, op)
			case bits.OnesCount(uint(set|m)) <= blockQubits:
				set |= m
				in = append(in, op)
			default:
				blocked |= m
				out = append(out, op)
			}
		}
		gs = append(gs, newGroup(set, in, n))
		ks = out
	}
	return gs
}

// newGroup pads the qubit set with the lowest qubits it lacks, so that
// gathers copy long contiguous runs, and maps the kernels onto the
// buffer's qubits.
func newGroup(set int, ops []kop, n int) group {
	for q := 0; bits.OnesCount(uint(set)) < blockQubits && q < n; q++ {
		set |= 1 << q
	}
	var qs []int
	local := make([]int, n)
	for q := range n {
		if set>>q&1 == 1 {
			local[q] = len(qs)
			qs = append(qs, q)
		}
	}
	lmask := func(m int) int {
		r := 0
		for q := range n {
			if m>>q&1 == 1 {
				r |= 1 << local[q]
			}
		}
		return r
	}
	g := group{mask: set, off: offsets(qs), run: 1 << bits.TrailingZeros(uint(^set)), inPlace: set == 1<<blockQubits-1}
	for _, op := range ops {
		op.t, op.u, op.cmask = local[op.t], local[op.u], lmask(op.cmask)
		if op.qs != nil {
			lq := make([]int, len(op.qs))
			for i, q := range op.qs {
				lq[i] = local[q]
			}
			op.qs = lq
		}
		g.ops = append(g.ops, op)
	}
	return g
}

// apply runs the segment on the amplitudes a with up to workers
// goroutines.
func (s *segment) apply(a []complex128, workers int) {
	for _, r := range s.ref {
		applyReference(a, r.qs, r.m)
	}
	for i := range s.direct {
		s.direct[i].apply(a)
	}
	for i := range s.groups {
		s.groups[i].apply(a, workers)
	}
}

func (g *group) apply(a []complex128, workers int) {
	size := 1 << blockQubits
	nb := len(a) / size
	free := (len(a) - 1) &^ g.mask
	parallel(workers, nb, func(lo, hi int) {
		var buf []complex128
		if !g.inPlace {
			buf = make([]complex128, size)
		}
		base := deposit(lo, free)
		for range hi - lo {
			b := buf
			if g.inPlace {
				b = a[base : base+size : base+size]
			} else {
				for j := 0; j < size; j += g.run {
					copy(b[j:j+g.run], a[base+g.off[j]:])
				}
			}
			for k := range g.ops {
				g.ops[k].apply(b)
			}
			if !g.inPlace {
				for j := 0; j < size; j += g.run {
					copy(a[base+g.off[j]:base+g.off[j]+g.run], b[j:j+g.run])
				}
			}
			base = ((base | g.mask) + 1) &^ g.mask
		}
	})
}

// deposit spreads the bits of j, lowest first, over the set bits of mask.
func deposit(j, mask int) int {
	r := 0
	for ; mask != 0 && j != 0; j >>= 1 {
		low := mask & -mask
		if j&1 == 1 {
			r |= low
		}
		mask &^= low
	}
	return r
}
