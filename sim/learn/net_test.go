package learn_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"nexuslab/sim/learn"
	"nexuslab/sim/learn/dataset"
)

func TestGradientMatchesFiniteDifferences(t *testing.T) {
	for _, tc := range []struct {
		act    learn.Activation
		task   learn.Task
		hidden []int
	}{
		{learn.Tanh, learn.Classification, []int{4, 3}},
		{learn.Sigmoid, learn.Classification, []int{5}},
		{learn.ReLU, learn.Regression, []int{4, 4}},
		{learn.Linear, learn.Regression, []int{3}},
		{learn.Tanh, learn.Classification, nil},
	} {
		t.Run(fmt.Sprintf("%v-%v-%v", tc.act, tc.task, tc.hidden), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(1, 1))
			net, err := learn.New(learn.Config{Inputs: 3, Hidden: tc.hidden, Activation: tc.act, Task: tc.task}, rng)
			if err != nil {
				t.Fatal(err)
			}
			const rows = 7
			x, y := make([]float64, rows*3), make([]float64, rows)
			for i := range x {
				x[i] = rng.NormFloat64()
			}
			for i := range y {
				y[i] = float64(rng.IntN(2))
				if tc.task == learn.Regression {
					y[i] = rng.NormFloat64()
				}
			}
			grad := net.Grad(nil, x, y)
			p := net.Params(nil)
			const h = 1e-6
			for i := range p {
				old := p[i]
				p[i] = old + h
				net.SetParams(p)
				up := net.Loss(x, y)
				p[i] = old - h
				net.SetParams(p)
				down := net.Loss(x, y)
				p[i] = old
				net.SetParams(p)
				want := (up - down) / (2 * h)
				if math.Abs(grad[i]-want) > 1e-6+1e-4*math.Abs(want) {
					t.Errorf("parameter %d: got: %v want: %v", i, grad[i], want)
				}
			}
		})
	}
}

// trainPlane trains a net on a plane set and returns its test accuracy.
func trainPlane(t *testing.T, name string, features []learn.Feature, hidden []int, epochs int) float64 {
	t.Helper()
	rng := rand.New(rand.NewPCG(1, 1))
	s, err := dataset.Generate(rng, name, 500, 0)
	if err != nil {
		t.Fatal(err)
	}
	train, test := dataset.Split(rng, s, 0.5)
	xTrain, xTest := learn.Expand(nil, features, train.X), learn.Expand(nil, features, test.X)
	net, err := learn.New(learn.Config{Inputs: len(features), Hidden: hidden, Rate: 0.03, Batch: 10}, rng)
	if err != nil {
		t.Fatal(err)
	}
	for range epochs {
		net.Epoch(xTrain, train.Y)
	}
	return net.Accuracy(xTest, test.Y)
}

func TestXOR(t *testing.T) {
	if got := trainPlane(t, "xor", []learn.Feature{learn.X1, learn.X2}, []int{4, 4}, 300); got < 0.95 {
		t.Errorf("test accuracy got: %v want: ≥ 0.95", got)
	}
}

func TestCircle(t *testing.T) {
	if got := trainPlane(t, "circle", []learn.Feature{learn.X1, learn.X2}, []int{4, 2}, 300); got < 0.95 {
		t.Errorf("test accuracy got: %v want: ≥ 0.95", got)
	}
}

func TestCircleFromSquares(t *testing.T) {
	// With x₁² and x₂² as inputs the circle is linearly separable.
	if got := trainPlane(t, "circle", []learn.Feature{learn.X1Sq, learn.X2Sq}, nil, 100); got < 0.95 {
		t.Errorf("test accuracy got: %v want: ≥ 0.95", got)
	}
}

func TestRegressionLearns(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	s := dataset.RegPlane(rng, 300, 0)
	net, err := learn.New(learn.Config{Inputs: 2, Hidden: []int{3}, Task: learn.Regression, Rate: 0.03}, rng)
	if err != nil {
		t.Fatal(err)
	}
	before := net.Loss(s.X, s.Y)
	for range 100 {
		net.Epoch(s.X, s.Y)
	}
	if got := net.Loss(s.X, s.Y); got > 1e-3 || got > before/10 {
		t.Errorf("loss got: %v want: < 0.001 (started at %v)", got, before)
	}
}

func TestSameSeedSameNet(t *testing.T) {
	run := func() []float64 {
		rng := rand.New(rand.NewPCG(3, 4))
		s := dataset.Spiral(rng, 100, 0.1)
		net, err := learn.New(learn.Config{Inputs: 2, Hidden: []int{5, 5}, L1: 0.001, L2: 0.001}, rng)
		if err != nil {
			t.Fatal(err)
		}
		for range 5 {
			net.Epoch(s.X, s.Y)
		}
		return net.Params(nil)
	}
	a, b := run(), run()
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("parameter %d got: %v want: %v", i, b[i], a[i])
		}
	}
}

func TestL1MakesZeros(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	s := dataset.Gauss(rng, 200, 0)
	x := learn.Expand(nil, learn.AllFeatures(), s.X)
	net, err := learn.New(learn.Config{Inputs: len(learn.AllFeatures()), Hidden: []int{4}, L1: 0.03, Rate: 0.1}, rng)
	if err != nil {
		t.Fatal(err)
	}
	for range 200 {
		net.Epoch(x, s.Y)
	}
	zeros := 0
	for l := 1; l < len(net.Sizes()); l++ {
		for j := range net.Sizes()[l] {
			for i := range net.Sizes()[l-1] {
				if net.Weight(l, j, i) == 0 {
					zeros++
				}
			}
		}
	}
	if zeros == 0 {
		t.Errorf("zero weights got: %v want: > 0", zeros)
	}
}

func TestEpochDoesNotAllocate(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	s := dataset.Spiral(rng, 100, 0)
	net, err := learn.New(learn.Config{Inputs: 2, Hidden: []int{8, 8}}, rng)
	if err != nil {
		t.Fatal(err)
	}
	if got := testing.AllocsPerRun(10, func() { net.Epoch(s.X, s.Y) }); got != 0 {
		t.Errorf("allocations per epoch got: %v want: 0", got)
	}
}

func TestNewRejectsBadConfig(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	for _, c := range []learn.Config{
		{Inputs: -1},
		{Inputs: 2, Hidden: []int{0}},
		{Inputs: 2, Rate: -1},
		{Inputs: 2, Rate: math.NaN()},
		{Inputs: 2, L2: math.Inf(1)},
		{Inputs: 2, Batch: -3},
		{Inputs: 2, Activation: 9},
		{Inputs: 2, Hidden: []int{1 << 20, 1 << 20}},
		{Inputs: 1 << 40, Hidden: []int{2}},
	} {
		if _, err := learn.New(c, rng); err == nil {
			t.Errorf("New(%+v) got: nil want: an error", c)
		}
	}
	if _, err := learn.New(learn.Config{Inputs: 2}, nil); err == nil {
		t.Error("New with a nil source got: nil want: an error")
	}
}

func TestZeroInputs(t *testing.T) {
	// A net without inputs can only learn the base rate.
	rng := rand.New(rand.NewPCG(1, 1))
	net, err := learn.New(learn.Config{Hidden: []int{2}, Rate: 0.5}, rng)
	if err != nil {
		t.Fatal(err)
	}
	y := []float64{1, 0, 0, 0}
	for range 500 {
		net.Epoch(nil, y)
	}
	if got := net.Predict(nil); math.Abs(got-0.25) > 0.01 {
		t.Errorf("Predict got: %v want: 0.25", got)
	}
}

func TestParseFeatures(t *testing.T) {
	fs, err := learn.ParseFeatures("x1, X2,sinx2")
	if err != nil {
		t.Fatal(err)
	}
	if want := []learn.Feature{learn.X1, learn.X2, learn.SinX2}; fmt.Sprint(fs) != fmt.Sprint(want) {
		t.Errorf("got: %v want: %v", fs, want)
	}
	for _, bad := range []string{"x3", "x1,x1", "x1,,x2"} {
		if _, err := learn.ParseFeatures(bad); err == nil {
			t.Errorf("ParseFeatures(%q) got: nil want: an error", bad)
		}
	}
	if fs, err := learn.ParseFeatures(""); err != nil || len(fs) != 0 {
		t.Errorf("ParseFeatures(\"\") got: %v, %v want: [], nil", fs, err)
	}
}

func TestParseActivation(t *testing.T) {
	for _, a := range []learn.Activation{learn.Tanh, learn.ReLU, learn.Sigmoid, learn.Linear} {
		got, err := learn.ParseActivation(a.String())
		if err != nil || got != a {
			t.Errorf("ParseActivation(%q) got: %v, %v want: %v", a.String(), got, err, a)
		}
	}
	if _, err := learn.ParseActivation("softmax"); err == nil {
		t.Error("ParseActivation(softmax) got: nil want: an error")
	}
}

func BenchmarkEpoch2881(b *testing.B) { benchEpoch(b, learn.Tanh, []int{8, 8}) }
func BenchmarkEpoch2441(b *testing.B) { benchEpoch(b, learn.Tanh, []int{4, 4}) }
func BenchmarkEpochReLU2881(b *testing.B) {
	benchEpoch(b, learn.ReLU, []int{8, 8})
}

// benchEpoch measures one epoch over 500 spiral points in batches of 10.
func benchEpoch(b *testing.B, act learn.Activation, hidden []int) {
	rng := rand.New(rand.NewPCG(1, 1))
	s := dataset.Spiral(rng, 500, 0)
	net, err := learn.New(learn.Config{Inputs: 2, Hidden: hidden, Activation: act, Batch: 10}, rng)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		net.Epoch(s.X, s.Y)
	}
}

// BenchmarkPredict2881 times 500 predictions, as a decision surface of
// about 22×22 cells needs.
func BenchmarkPredict2881(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	s := dataset.Spiral(rng, 500, 0)
	net, err := learn.New(learn.Config{Inputs: 2, Hidden: []int{8, 8}}, rng)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		for r := range s.Len() {
			net.Predict(s.Row(r))
		}
	}
}
