package learn

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
)

// Activation is the function a hidden unit applies to its total input.
type Activation int

// The activations. The zero value is Tanh, the playground's default.
const (
	Tanh    Activation = iota // hyperbolic tangent, output in (−1, 1)
	ReLU                      // max(0, z)
	Sigmoid                   // 1/(1+e^−z), output in (0, 1)
	Linear                    // z itself
)

// String returns the activation's name: tanh, relu, sigmoid or linear.
func (a Activation) String() string {
	switch a {
	case Tanh:
		return "tanh"
	case ReLU:
		return "relu"
	case Sigmoid:
		return "sigmoid"
	case Linear:
		return "linear"
	}
	return fmt.Sprintf("activation(%d)", int(a))
}

// ParseActivation returns the activation called name, as String spells it.
func ParseActivation(name string) (Activation, error) {
	for _, a := range []Activation{Tanh, ReLU, Sigmoid, Linear} {
		if strings.EqualFold(name, a.String()) {
			return a, nil
		}
	}
	return 0, fmt.Errorf("learn: unknown activation %q (want tanh, relu, sigmoid or linear)", name)
}

// Task is what the network's single output predicts.
type Task int

// The tasks. The zero value is Classification.
const (
	// Classification predicts the probability that the label is 1: the
	// output unit is a sigmoid and the loss is the cross-entropy.
	// Labels are 0 or 1.
	Classification Task = iota
	// Regression predicts a real label: the output unit is linear and
	// the loss is half the squared error.
	Regression
)

// String returns "classification" or "regression".
func (t Task) String() string {
	if t == Regression {
		return "regression"
	}
	return "classification"
}

// Limits on the size of a network, so that no configuration read from a
// URL or a command line can exhaust memory.
const (
	MaxLayers = 64      // hidden layers
	MaxParams = 1 << 22 // weights and biases together
)

// Config describes a network and how it learns. Its zero value is a
// logistic regression on no inputs; set Inputs and Hidden.
type Config struct {
	Inputs     int        // number of inputs; zero is allowed and leaves only biases
	Hidden     []int      // widths of the hidden layers, input side first; nil means none
	Activation Activation // of every hidden unit; the zero value is Tanh
	Task       Task       // the zero value is Classification
	Rate       float64    // learning rate; zero means 0.03
	L1         float64    // L1 regularisation rate; zero means none
	L2         float64    // L2 regularisation rate; zero means none
	Batch      int        // examples per weight update; zero means 10
}

func (c Config) withDefaults() Config {
	if c.Rate == 0 {
		c.Rate = 0.03
	}
	if c.Batch == 0 {
		c.Batch = 10
	}
	c.Hidden = append([]int(nil), c.Hidden...)
	return c
}

func (c Config) check() error {
	if c.Inputs < 0 {
		return fmt.Errorf("learn: %d inputs; want 0 or more", c.Inputs)
	}
	if len(c.Hidden) > MaxLayers {
		return fmt.Errorf("learn: %d hidden layers; want at most %d", len(c.Hidden), MaxLayers)
	}
	params, prev := 0, c.Inputs
	for i, w := range slices.Concat(c.Hidden, []int{1}) {
		if w < 1 {
			return fmt.Errorf("learn: hidden layer %d has %d units; want at least 1", i+1, w)
		}
		if w > MaxParams || prev > MaxParams {
			return fmt.Errorf("learn: network has more than %d parameters", MaxParams)
		}
		params += (prev + 1) * w
		if params > MaxParams {
			return fmt.Errorf("learn: network has more than %d parameters", MaxParams)
		}
		prev = w
	}
	if c.Activation < Tanh || c.Activation > Linear {
		return fmt.Errorf("learn: unknown activation %d", int(c.Activation))
	}
	if c.Task != Classification && c.Task != Regression {
		return fmt.Errorf("learn: unknown task %d", int(c.Task))
	}
	for _, r := range []struct {
		name string
		v    float64
	}{{"learning rate", c.Rate}, {"L1 rate", c.L1}, {"L2 rate", c.L2}} {
		if !(r.v >= 0) || math.IsInf(r.v, 0) {
			return fmt.Errorf("learn: %s %v; want a finite number ≥ 0", r.name, r.v)
		}
	}
	if c.Batch < 1 {
		return fmt.Errorf("learn: batch size %d; want at least 1", c.Batch)
	}
	return nil
}

// layer holds views of a Net's flat buffers for one layer l ≥ 1, so that
// the training loop need not slice them for every example.
type layer struct {
	w, gw   []float64 // weights from layer l−1 and their gradient, one row per unit
	b, gb   []float64 // biases and their gradient
	in, out []float64 // activations of layer l−1 and of layer l
	dz      []float64 // derivative of each unit's activation
	d, dIn  []float64 // error at the outputs of layer l and of layer l−1
}

// Net is a multilayer perceptron with one output, trained by stochastic
// gradient descent on mini-batches.
//
// Layers are numbered from 0, the inputs, to len(Sizes())−1, the output.
// Layer l ≥ 1 has a weight matrix from layer l−1, stored row-major in one
// flat slice, and a bias per unit. Every buffer is allocated by New, so
// Epoch, Predict and Loss do not allocate.
//
// A Net keeps scratch state between calls; it is not safe for concurrent
// use.
type Net struct {
	cfg   Config
	sizes []int // units per layer, inputs first
	wOff  []int // wOff[l]: start of layer l's weights in w
	uOff  []int // uOff[l]: start of layer l's units in act, and of its biases and deltas (l ≥ 1) in b, gb and delta
	w, gw []float64
	b, gb []float64
	act   []float64 // activations of every layer for the latest example
	deriv []float64 // derivative of each unit's activation there; 1 for linear units and the output
	delta []float64 // error arriving at each unit; times deriv, the loss derivative by its total input
	one   []float64 // scratch for the output's derivative, which backward does not use
	lay   []layer   // views of the buffers for each layer l ≥ 1, at lay[l−1]
	count int       // examples accumulated into gw and gb since the last update
}

// New returns a network with weights drawn from rng by Glorot's uniform
// rule and zero biases.
func New(cfg Config, rng *rand.Rand) (*Net, error) {
	if rng == nil {
		return nil, errors.New("learn: nil random source")
	}
	cfg = cfg.withDefaults()
	if err := cfg.check(); err != nil {
		return nil, err
	}
	n := &Net{cfg: cfg}
	n.sizes = append(append([]int{cfg.Inputs}, cfg.Hidden...), 1)
	n.wOff = make([]int, len(n.sizes)+1)
	n.uOff = make([]int, len(n.sizes)+1)
	for l := range n.sizes {
		n.uOff[l+1] = n.uOff[l] + n.sizes[l]
		n.wOff[l+1] = n.wOff[l]
		if l > 0 {
			n.wOff[l+1] += n.sizes[l-1] * n.sizes[l]
		}
	}
	units, weights := n.uOff[len(n.sizes)], n.wOff[len(n.sizes)]
	n.w, n.gw = make([]float64, weights), make([]float64, weights)
	n.b, n.gb = make([]float64, units), make([]float64, units)
	n.act, n.delta = make([]float64, units), make([]float64, units)
	n.deriv = make([]float64, units)
	for i := range n.deriv {
		n.deriv[i] = 1
	}
	n.one = make([]float64, 1)
	n.lay = make([]layer, len(n.sizes)-1)
	for l := 1; l < len(n.sizes); l++ {
		u0, u1, u2 := n.uOff[l-1], n.uOff[l], n.uOff[l+1]
		w0, w1 := n.wOff[l], n.wOff[l+1]
		n.lay[l-1] = layer{
			w: n.w[w0:w1:w1], gw: n.gw[w0:w1:w1],
			b: n.b[u1:u2:u2], gb: n.gb[u1:u2:u2],
			in: n.act[u0:u1:u1], out: n.act[u1:u2:u2], dz: n.deriv[u1:u2:u2],
			d: n.delta[u1:u2:u2], dIn: n.delta[u0:u1:u1],
		}
	}
	n.Init(rng)
	return n, nil
}

// Init draws fresh weights from rng, sets biases to zero and forgets any
// partial batch.
func (n *Net) Init(rng *rand.Rand) {
	for l := 1; l < len(n.sizes); l++ {
		// Glorot and Bengio (2010): keeps the variance of activations and
		// gradients about equal from layer to layer.
		r := math.Sqrt(6 / float64(n.sizes[l-1]+n.sizes[l]))
		for i := n.wOff[l]; i < n.wOff[l+1]; i++ {
			n.w[i] = r * (2*rng.Float64() - 1)
		}
	}
	clear(n.b)
	clear(n.gw)
	clear(n.gb)
	n.count = 0
}

// Config returns the configuration, with defaults filled in.
func (n *Net) Config() Config {
	c := n.cfg
	c.Hidden = append([]int(nil), c.Hidden...)
	return c
}

// Sizes returns the number of units in each layer, inputs first and the
// single output last.
func (n *Net) Sizes() []int { return append([]int(nil), n.sizes...) }

// Weight returns the weight from unit from of layer l−1 to unit to of
// layer l, for 1 ≤ l < len(Sizes()).
func (n *Net) Weight(l, to, from int) float64 {
	return n.w[n.wOff[l]+to*n.sizes[l-1]+from]
}

// Bias returns the bias of unit j of layer l, for 1 ≤ l < len(Sizes()).
func (n *Net) Bias(l, j int) float64 { return n.b[n.uOff[l]+j] }

// NumParams returns the number of weights and biases.
func (n *Net) NumParams() int { return len(n.w) + len(n.b) - n.sizes[0] }

// Params copies every weight, layer by layer, then every bias into dst,
// growing it if needed, and returns it.
func (n *Net) Params(dst []float64) []float64 {
	dst = grow(dst, n.NumParams())
	k := copy(dst, n.w)
	copy(dst[k:], n.b[n.sizes[0]:])
	return dst
}

// SetParams sets the weights and biases from p, in the order of Params.
// It panics if len(p) is not NumParams().
func (n *Net) SetParams(p []float64) {
	if len(p) != n.NumParams() {
		panic(fmt.Sprintf("learn: SetParams got %d values, want %d", len(p), n.NumParams()))
	}
	k := copy(n.w, p)
	copy(n.b[n.sizes[0]:], p[k:])
}

// Predict returns the network's output for one example x of Sizes()[0]
// inputs: a probability for classification, a value for regression.
func (n *Net) Predict(x []float64) float64 {
	n.checkInput(x)
	n.forward(x)
	return n.act[len(n.act)-1]
}

// Activations runs x through the network and copies the output of every
// unit into dst, layer by layer from the inputs to the output (unit j of
// layer l is at the sum of the first l sizes, plus j). It grows dst if
// needed and returns it.
func (n *Net) Activations(dst, x []float64) []float64 {
	n.checkInput(x)
	n.forward(x)
	dst = grow(dst, len(n.act))
	copy(dst, n.act)
	copy(dst, x)
	return dst
}

// Epoch trains on every example once, in order, updating the weights after
// each batch and after the last, partial one. x holds the examples
// row-major, len(y) rows of Sizes()[0] inputs. Epoch does not shuffle, so
// it is reproducible; shuffle the data once beforehand.
func (n *Net) Epoch(x, y []float64) {
	n.checkData(x, y)
	in := n.sizes[0]
	for r, t := range y {
		xr := x[r*in : r*in+in]
		n.forward(xr)
		n.backward(xr, t)
		if n.count == n.cfg.Batch {
			n.update()
		}
	}
	if n.count > 0 {
		n.update()
	}
}

// Loss returns the mean loss over the examples, without regularisation:
// cross-entropy for classification, half the squared error for
// regression. It returns NaN when there are no examples.
func (n *Net) Loss(x, y []float64) float64 {
	n.checkData(x, y)
	if len(y) == 0 {
		return math.NaN()
	}
	in, s := n.sizes[0], 0.0
	for r, t := range y {
		s += n.loss(n.Predict(x[r*in:r*in+in]), t)
	}
	return s / float64(len(y))
}

// Accuracy returns the share of examples whose label, 0 or 1, is on the
// same side of 1/2 as the output. It returns NaN when there are no
// examples.
func (n *Net) Accuracy(x, y []float64) float64 {
	n.checkData(x, y)
	if len(y) == 0 {
		return math.NaN()
	}
	in, right := n.sizes[0], 0
	for r, t := range y {
		if (n.Predict(x[r*in:r*in+in]) >= 0.5) == (t >= 0.5) {
			right++
		}
	}
	return float64(right) / float64(len(y))
}

// Grad sets dst, grown if needed, to the gradient of Loss(x, y) by each
// parameter, in the order of Params, and returns it. It does not change
// the weights, but it discards a partial batch left by Epoch.
func (n *Net) Grad(dst, x, y []float64) []float64 {
	n.checkData(x, y)
	clear(n.gw)
	clear(n.gb)
	in := n.sizes[0]
	for r, t := range y {
		xr := x[r*in : r*in+in]
		n.forward(xr)
		n.backward(xr, t)
	}
	dst = grow(dst, n.NumParams())
	k := copy(dst, n.gw)
	copy(dst[k:], n.gb[in:])
	if len(y) > 0 {
		for i := range dst {
			dst[i] /= float64(len(y))
		}
	}
	clear(n.gw)
	clear(n.gb)
	n.count = 0
	return dst
}

func (n *Net) checkInput(x []float64) {
	if len(x) != n.sizes[0] {
		panic(fmt.Sprintf("learn: %d input values for a network of %d inputs", len(x), n.sizes[0]))
	}
}

func (n *Net) checkData(x, y []float64) {
	if len(x) != len(y)*n.sizes[0] {
		panic(fmt.Sprintf("learn: %d input values for %d examples of %d inputs", len(x), len(y), n.sizes[0]))
	}
}

func (n *Net) loss(p, t float64) float64 {
	if n.cfg.Task == Regression {
		return 0.5 * (p - t) * (p - t)
	}
	// Keep log finite when the output saturates.
	const eps = 1e-15
	p = math.Min(math.Max(p, eps), 1-eps)
	return -t*math.Log(p) - (1-t)*math.Log(1-p)
}

// forward fills act for the example x, except the inputs, which it reads
// from x.
//
// forward and backward are written for WebAssembly, where the Go compiler
// sends every jump of a loop through one dispatch table and keeps few
// values in registers: the loops take four units of a layer at a time and
// index the flat slices rather than slicing each row. For the narrow
// layers of the playground, jumps and spills, not arithmetic, set the
// speed.
func (n *Net) forward(x []float64) {
	last := len(n.lay) - 1
	for li := range n.lay {
		ly := &n.lay[li]
		in, out, w := ly.in, ly.out, ly.w
		if li == 0 {
			in = x[:len(in)]
		}
		b := ly.b[:len(out)]
		k := len(in)
		j := 0
		for ; j < len(out)-3; j += 4 {
			o0, o1, o2, o3 := j*k, (j+1)*k, (j+2)*k, (j+3)*k
			s0, s1, s2, s3 := b[j], b[j+1], b[j+2], b[j+3]
			for i, v := range in {
				s0 += w[o0+i] * v
				s1 += w[o1+i] * v
				s2 += w[o2+i] * v
				s3 += w[o3+i] * v
			}
			out[j], out[j+1], out[j+2], out[j+3] = s0, s1, s2, s3
		}
		for ; j < len(out); j++ {
			row := w[j*k : j*k+k]
			row = row[:len(in)]
			s0, s1 := b[j], 0.0
			i := 0
			for ; i < len(in)-3; i += 4 {
				s0 += row[i]*in[i] + row[i+2]*in[i+2]
				s1 += row[i+1]*in[i+1] + row[i+3]*in[i+3]
			}
			for ; i < len(in); i++ {
				s0 += row[i] * in[i]
			}
			out[j] = s0 + s1
		}
		if li < last {
			activate(n.cfg.Activation, out, ly.dz)
		} else if n.cfg.Task == Classification {
			activate(Sigmoid, out, n.one)
		}
	}
}

// backward adds the gradient of the loss on target t, for the example x
// last run forward, into gw and gb. It leaves the deltas of the hidden
// layers zero, as New made them, so that each sample can add into them.
func (n *Net) backward(x []float64, t float64) {
	// For a sigmoid output with cross-entropy, as for a linear output with
	// half the squared error, the derivative by the total input is the
	// output minus the target.
	n.delta[len(n.delta)-1] = n.act[len(n.act)-1] - t
	for li := len(n.lay) - 1; li >= 0; li-- {
		ly := &n.lay[li]
		in, prev := ly.in, ly.dIn
		prev = prev[:len(in)]
		if li == 0 {
			// The inputs need no error; prev is then scratch.
			in = x[:len(in)]
			for i := range prev {
				prev[i] = 0
			}
		}
		d := ly.d
		dz, gb := ly.dz[:len(d)], ly.gb[:len(d)]
		gw, w := ly.gw, ly.w
		k := len(in)
		// One pass over four rows turns the error at their outputs into
		// the error at their total inputs, accumulates the weights'
		// gradient, sends the error back to the layer below, and clears
		// the deltas it has read.
		j := 0
		for ; j < len(d)-3; j += 4 {
			d0, d1, d2, d3 := d[j]*dz[j], d[j+1]*dz[j+1], d[j+2]*dz[j+2], d[j+3]*dz[j+3]
			d[j], d[j+1], d[j+2], d[j+3] = 0, 0, 0, 0
			gb[j] += d0
			gb[j+1] += d1
			gb[j+2] += d2
			gb[j+3] += d3
			// Offsets into the flat matrices, rather than a slice per row,
			// keep the loop within the registers WebAssembly gives Go.
			o0, o1, o2, o3 := j*k, (j+1)*k, (j+2)*k, (j+3)*k
			for i, v := range in {
				gw[o0+i] += d0 * v
				gw[o1+i] += d1 * v
				gw[o2+i] += d2 * v
				gw[o3+i] += d3 * v
				prev[i] += w[o0+i]*d0 + w[o1+i]*d1 + w[o2+i]*d2 + w[o3+i]*d3
			}
		}
		for ; j < len(d); j++ {
			dj := d[j] * dz[j]
			d[j] = 0
			gb[j] += dj
			g, row := gw[j*k:j*k+k], w[j*k:j*k+k]
			g, row = g[:len(in)], row[:len(in)]
			i := 0
			for ; i < len(in)-3; i += 4 {
				g[i] += dj * in[i]
				g[i+1] += dj * in[i+1]
				g[i+2] += dj * in[i+2]
				g[i+3] += dj * in[i+3]
				prev[i] += row[i] * dj
				prev[i+1] += row[i+1] * dj
				prev[i+2] += row[i+2] * dj
				prev[i+3] += row[i+3] * dj
			}
			for ; i < len(in); i++ {
				g[i] += dj * in[i]
				prev[i] += row[i] * dj
			}
		}
	}
	n.count++
}

// update takes one gradient step over the accumulated batch, with the
// regularisation, and clears the accumulators.
func (n *Net) update() {
	s := n.cfg.Rate / float64(n.count)
	// L2 shrinks each weight by the factor keep before the gradient step;
	// L1 then moves it toward zero by l1, stopping at zero (soft
	// thresholding), so that L1 yields exact zeros. Each case has its own
	// loop: in WebAssembly a branch inside one costs as much as the step.
	keep := 1 - n.cfg.Rate*n.cfg.L2
	w, gw := n.w, n.gw
	gw = gw[:len(w)]
	if l1 := n.cfg.Rate * n.cfg.L1; l1 == 0 {
		for i, g := range gw {
			w[i] = keep*w[i] - s*g
			gw[i] = 0
		}
	} else {
		for i, g := range gw {
			v := keep*w[i] - s*g
			switch {
			case v > l1:
				v -= l1
			case v < -l1:
				v += l1
			default:
				v = 0
			}
			w[i] = v
			gw[i] = 0
		}
	}
	b, gb := n.b, n.gb
	gb = gb[:len(b)]
	for i, g := range gb {
		b[i] -= s * g
		gb[i] = 0
	}
	n.count = 0
}

func grow(s []float64, n int) []float64 {
	if cap(s) < n {
		return make([]float64, n)
	}
	return s[:n]
}
