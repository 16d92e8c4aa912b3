package playground

import (
	"fmt"
	"math"
	"math/rand/v2"

	"nexuslab/sim/learn"
	"nexuslab/sim/learn/dataset"
)

// Config describes one training run: the data, the network and how it
// learns. Zero fields take the defaults given.
type Config struct {
	Dataset    string           // one of dataset.PlaneNames(); empty means "circle"
	Points     int              // points generated; zero means 500; at most dataset.MaxPoints
	Noise      float64          // from 0 to 0.5, as dataset.Generate takes it
	TrainFrac  float64          // share of the points used for training; zero means 0.5
	Features   []learn.Feature  // inputs computed from each point; nil means none
	Hidden     []int            // widths of the hidden layers
	Activation learn.Activation // of the hidden units
	Rate       float64          // learning rate; zero means 0.03
	L1, L2     float64          // regularisation rates
	Batch      int              // examples per update; zero means 10
	Seed       uint64           // seeds the data, the split and the initial weights
}

// Trainer holds the data and the network of one run. Training is
// deterministic: the same Config and the same number of epochs give the
// same network.
type Trainer struct {
	cfg           Config
	train, test   *dataset.Set
	xTrain, xTest []float64 // features of the points, row-major
	net           *learn.Net
	epochs        int
}

// NewTrainer generates the data, splits it and builds the network.
func NewTrainer(c Config) (*Trainer, error) {
	if c.Dataset == "" {
		c.Dataset = "circle"
	}
	if c.Points == 0 {
		c.Points = 500
	}
	if c.TrainFrac == 0 {
		c.TrainFrac = 0.5
	}
	if !(c.TrainFrac > 0 && c.TrainFrac < 1) {
		return nil, fmt.Errorf("playground: training share %v; want between 0 and 1", c.TrainFrac)
	}
	if c.Points < 2 || c.Points > dataset.MaxPoints {
		return nil, fmt.Errorf("playground: %d points; want 2 to %d", c.Points, dataset.MaxPoints)
	}
	c.Features = append([]learn.Feature(nil), c.Features...)
	for _, f := range c.Features {
		if f < 0 || f >= learn.NumFeatures {
			return nil, fmt.Errorf("playground: unknown feature %d", int(f))
		}
	}
	// One source, drawn in a fixed order, makes the run reproducible.
	rng := rand.New(rand.NewPCG(c.Seed, 0x706c6179))
	all, err := dataset.Generate(rng, c.Dataset, c.Points, c.Noise)
	if err != nil {
		return nil, fmt.Errorf("playground: %w", err)
	}
	t := &Trainer{cfg: c}
	t.train, t.test = dataset.Split(rng, all, c.TrainFrac)
	t.xTrain = learn.Expand(nil, c.Features, t.train.X)
	t.xTest = learn.Expand(nil, c.Features, t.test.X)
	task := learn.Classification
	if all.Regression {
		task = learn.Regression
	}
	t.net, err = learn.New(learn.Config{
		Inputs: len(c.Features), Hidden: c.Hidden, Activation: c.Activation, Task: task,
		Rate: c.Rate, L1: c.L1, L2: c.L2, Batch: c.Batch,
	}, rng)
	if err != nil {
		return nil, fmt.Errorf("playground: %w", err)
	}
	return t, nil
}

// Config returns the configuration, with defaults filled in.
func (t *Trainer) Config() Config {
	c := t.cfg
	c.Features = append([]learn.Feature(nil), c.Features...)
	c.Hidden = append([]int(nil), c.Hidden...)
	return c
}

// Epoch trains on every training point once.
func (t *Trainer) Epoch() {
	t.net.Epoch(t.xTrain, t.train.Y)
	t.epochs++
}

// Epochs returns the number of epochs trained.
func (t *Trainer) Epochs() int { return t.epochs }

// Regression reports whether the data set has real labels.
func (t *Trainer) Regression() bool { return t.train.Regression }

// TrainLoss returns the mean loss on the training points.
func (t *Trainer) TrainLoss() float64 { return t.net.Loss(t.xTrain, t.train.Y) }

// TestLoss returns the mean loss on the test points.
func (t *Trainer) TestLoss() float64 { return t.net.Loss(t.xTest, t.test.Y) }

// TrainAccuracy returns the share of training points classified right,
// or NaN for regression.
func (t *Trainer) TrainAccuracy() float64 {
	if t.Regression() {
		return math.NaN()
	}
	return t.net.Accuracy(t.xTrain, t.train.Y)
}

// TestAccuracy returns the share of test points classified right, or NaN
// for regression.
func (t *Trainer) TestAccuracy() float64 {
	if t.Regression() {
		return math.NaN()
	}
	return t.net.Accuracy(t.xTest, t.test.Y)
}

// Train returns the training points. They must not be modified.
func (t *Trainer) Train() *dataset.Set { return t.train }

// Test returns the test points. They must not be modified.
func (t *Trainer) Test() *dataset.Set { return t.test }

// Net returns the network. Training it directly desynchronises Epochs;
// use it to read weights and outputs.
func (t *Trainer) Net() *learn.Net { return t.net }
