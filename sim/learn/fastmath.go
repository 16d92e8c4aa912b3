package learn

import "math"

// ln2Hi + ln2Lo is ln 2 to about 2⁻⁸⁵; ln2Hi has its low 32 bits zero, so
// k·ln2Hi is exact for the k ≤ 64 used here.
const (
	ln2Hi  = 6.93147180369123816490e-01
	ln2Lo  = 1.90821492927058770002e-10
	invLn2 = 1.44269504088896338700e+00
)

// activate applies f to every element of z in place and sets dz[i] to
// the derivative of f there. For linear units it leaves dz alone: it
// holds 1 from the start.
//
// Tanh and the sigmoid are computed here rather than with math.Tanh and
// math.Exp: those go through Exp, expmulti and Ldexp, and in WebAssembly,
// where a call costs as much as twenty multiplications, the calls took as
// long as the rest of a training step. So the whole layer is done in one
// loop without calls. Tanh stays within a few units in the last place of
// math.Tanh, and the sigmoid within 2⁻⁵¹ of the exact value
// (see fastmath_test.go).
func activate(f Activation, z, dz []float64) {
	dz = dz[:len(z)]
	switch f {
	case Linear:
		return
	case ReLU:
		for i, x := range z {
			if x > 0 {
				dz[i] = 1
				continue
			}
			dz[i] = 0
			if x <= 0 { // false for NaN, which passes on
				z[i] = 0
			}
		}
		return
	}
	// Both come from e^y − 1. For tanh, y = 2|x| and tanh x is
	// (e^y − 1)/(e^y + 1) with the sign of x; the sigmoid is
	// (1 + tanh(x/2))/2, so y = |x| and the result is halved and lifted.
	// Written so, the loop has no branch on the function.
	// Their derivatives are 1 − tanh² x and (1 − tanh²(x/2))/4.
	c, mul, add, dmul := 2.0, 1.0, 0.0, 1.0
	if f == Sigmoid {
		c, mul, add, dmul = 1, 0.5, 0.5, 0.25
	}
	for i, x := range z {
		// Cut y at 44, where tanh(y/2) rounds to 1 already; NaN passes.
		y := c * math.Abs(x)
		if y > 44 {
			y = 44
		}
		// Write y as k·ln 2 + r with |r| ≤ ln 2 / 2.
		k := int(y*invLn2 + 0.5)
		r := (y - float64(k)*ln2Hi) - float64(k)*ln2Lo
		// The Taylor series of e^r − 1 to degree 13, r + r²·P(r), with P
		// evaluated by Estrin's scheme: its pairs are independent, so the
		// processor can work on them at once. The truncation error is
		// below r¹⁴/14! < 2⁻⁵⁴·|r| for |r| ≤ 0.347.
		r2 := r * r
		r4 := r2 * r2
		p := (0.5 + r*(1.0/6)) + r2*(1.0/24+r*(1.0/120)) +
			r4*((1.0/720+r*(1.0/5040))+r2*(1.0/40320+r*(1.0/362880))) +
			r4*r4*((1.0/3628800+r*(1.0/39916800))+r2*(1.0/479001600+r*(1.0/6227020800)))
		// Scale by 2^k, built from its bits. With k = 0 the scale is 1 and
		// this leaves e^r − 1 exact, so no branch is needed.
		scale := math.Float64frombits(uint64(k+1023) << 52)
		em := scale*(r+r2*p) + (scale - 1)
		t := math.Copysign(em/(em+2), x)
		z[i] = mul*t + add
		dz[i] = dmul * (1 - t) * (1 + t)
	}
}
