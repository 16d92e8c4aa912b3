package learn

import (
	"errors"
	"fmt"
	"math"
)

// Logistic is a logistic regression: the probability that the label is 1
// is σ(W·x + B). The zero value predicts 1/2 for any input and is ready to
// Fit.
type Logistic struct {
	W []float64 // one weight per input
	B float64   // intercept
}

// LogisticConfig controls Logistic.Fit. A nil *LogisticConfig means the
// zero value.
type LogisticConfig struct {
	// L2 is the ridge penalty (L2/2)·|W|² added to the mean log loss; the
	// intercept is not penalised. Zero means 1e-4, which keeps the
	// weights finite when the classes are separable.
	L2 float64
	// MaxIter caps the Newton iterations; zero means 100.
	MaxIter int
	// Tol stops the iterations once no parameter moves by more; zero
	// means 1e-9.
	Tol float64
}

// Fit finds the weights that minimise the mean log loss plus the ridge
// penalty on the examples x (row-major, len(y) rows of dim inputs) with
// labels y of 0 or 1, by Newton's method with step halving. It reports an
// error when there are no examples or the lengths disagree.
func (m *Logistic) Fit(x, y []float64, dim int, c *LogisticConfig) error {
	var cfg LogisticConfig
	if c != nil {
		cfg = *c
	}
	if cfg.L2 == 0 {
		cfg.L2 = 1e-4
	}
	if cfg.MaxIter == 0 {
		cfg.MaxIter = 100
	}
	if cfg.Tol == 0 {
		cfg.Tol = 1e-9
	}
	switch {
	case dim < 0 || len(x) != len(y)*dim:
		return fmt.Errorf("learn: logistic fit got %d values for %d examples of %d inputs", len(x), len(y), dim)
	case len(y) == 0:
		return errors.New("learn: logistic fit needs at least one example")
	case !(cfg.L2 > 0) || math.IsInf(cfg.L2, 0):
		return fmt.Errorf("learn: logistic L2 penalty %v; want a finite number > 0", cfg.L2)
	}
	p := dim + 1 // the intercept is the last parameter
	theta := make([]float64, p)
	if len(m.W) == dim {
		copy(theta, m.W)
		theta[dim] = m.B
	}
	grad, step, trial := make([]float64, p), make([]float64, p), make([]float64, p)
	hess := make([]float64, p*p)
	obj := logisticObjective(theta, x, y, dim, cfg.L2)
	for iter := 0; iter < cfg.MaxIter; iter++ {
		logisticDerivatives(grad, hess, theta, x, y, dim, cfg.L2)
		copy(step, grad)
		if err := solveSPD(hess, step, p); err != nil {
			return fmt.Errorf("learn: logistic fit: %w", err)
		}
		t, moved := 1.0, false
		for range 40 {
			for i := range trial {
				trial[i] = theta[i] - t*step[i]
			}
			if o := logisticObjective(trial, x, y, dim, cfg.L2); o <= obj {
				obj, moved = o, true
				break
			}
			t /= 2
		}
		if !moved {
			break
		}
		maxMove := 0.0
		for i := range theta {
			maxMove = math.Max(maxMove, math.Abs(trial[i]-theta[i]))
		}
		copy(theta, trial)
		if maxMove < cfg.Tol {
			break
		}
	}
	m.W = append(m.W[:0], theta[:dim]...)
	m.B = theta[dim]
	return nil
}

// Prob returns the predicted probability that the label of x is 1.
func (m *Logistic) Prob(x []float64) float64 {
	z := m.B
	for i, w := range m.W {
		z += w * x[i]
	}
	return 1 / (1 + math.Exp(-z))
}

// logisticObjective returns the mean log loss plus the ridge penalty.
func logisticObjective(theta, x, y []float64, dim int, l2 float64) float64 {
	s := 0.0
	for r, t := range y {
		z := theta[dim]
		for i, v := range x[r*dim : r*dim+dim] {
			z += theta[i] * v
		}
		// log(1+e^z) − t·z, written so that it neither overflows nor
		// loses precision for large |z|.
		s += math.Max(z, 0) + math.Log1p(math.Exp(-math.Abs(z))) - t*z
	}
	pen := 0.0
	for _, w := range theta[:dim] {
		pen += w * w
	}
	return s/float64(len(y)) + 0.5*l2*pen
}

// logisticDerivatives sets grad and the row-major Hessian hess of the
// objective at theta.
func logisticDerivatives(grad, hess, theta, x, y []float64, dim int, l2 float64) {
	p := dim + 1
	clear(grad)
	clear(hess)
	inv := 1 / float64(len(y))
	for r, t := range y {
		row := x[r*dim : r*dim+dim]
		z := theta[dim]
		for i, v := range row {
			z += theta[i] * v
		}
		pr := 1 / (1 + math.Exp(-z))
		g, h := (pr-t)*inv, pr*(1-pr)*inv
		for i := range p {
			xi := 1.0
			if i < dim {
				xi = row[i]
			}
			grad[i] += g * xi
			for j := 0; j <= i; j++ {
				xj := 1.0
				if j < dim {
					xj = row[j]
				}
				hess[i*p+j] += h * xi * xj
			}
		}
	}
	for i := range dim {
		grad[i] += l2 * theta[i]
		hess[i*p+i] += l2
	}
	// A tiny ridge on the intercept keeps the Hessian positive definite
	// when every predicted probability is 0 or 1.
	hess[dim*p+dim] += 1e-12
	for i := range p {
		for j := i + 1; j < p; j++ {
			hess[i*p+j] = hess[j*p+i]
		}
	}
}

// solveSPD overwrites b with the solution of a·x = b for the symmetric
// positive definite p×p matrix a, by Cholesky factorisation in place.
// The systems here are a few unknowns across, where a hand-written
// factorisation beats the size gonum/mat would add to the WebAssembly.
func solveSPD(a, b []float64, p int) error {
	for j := range p {
		d := a[j*p+j]
		for k := range j {
			d -= a[j*p+k] * a[j*p+k]
		}
		if !(d > 0) {
			return errors.New("Hessian is not positive definite")
		}
		d = math.Sqrt(d)
		a[j*p+j] = d
		for i := j + 1; i < p; i++ {
			s := a[i*p+j]
			for k := range j {
				s -= a[i*p+k] * a[j*p+k]
			}
			a[i*p+j] = s / d
		}
	}
	for i := range p {
		s := b[i]
		for k := range i {
			s -= a[i*p+k] * b[k]
		}
		b[i] = s / a[i*p+i]
	}
	for i := p - 1; i >= 0; i-- {
		s := b[i]
		for k := i + 1; k < p; k++ {
			s -= a[k*p+i] * b[k]
		}
		b[i] = s / a[i*p+i]
	}
	return nil
}
