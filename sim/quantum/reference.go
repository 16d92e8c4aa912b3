package quantum

// The reference kernel: one plain pass over every amplitude per gate, with
// the gate's full matrix, whatever the gate. It is slow on purpose and
// obviously right; the tests check the fast kernels against it and the
// benchmarks report how much faster they are.

// applyReference applies the matrix m to the qubits qs of the amplitudes
// a. Bit j of the matrix index is qubit qs[j].
func applyReference(a []complex128, qs []int, m []complex128) {
	switch len(qs) {
	case 1:
		t := 1 << qs[0]
		for i := range a {
			if i&t != 0 {
				continue
			}
			j := i | t
			x, y := a[i], a[j]
			a[i] = m[0]*x + m[1]*y
			a[j] = m[2]*x + m[3]*y
		}
	case 2:
		b0, b1 := 1<<qs[0], 1<<qs[1]
		for i := range a {
			if i&(b0|b1) != 0 {
				continue
			}
			idx := [4]int{i, i | b0, i | b1, i | b0 | b1}
			var x [4]complex128
			for k, j := range idx {
				x[k] = a[j]
			}
			for r, j := range idx {
				var s complex128
				for c := range x {
					s += m[r*4+c] * x[c]
				}
				a[j] = s
			}
		}
	default:
		denseN(a, qs, m)
	}
}
