package playground

import (
	"fmt"
	"maps"
	"math"
	"net/url"
	"strconv"
	"strings"

	"nexuslab/sim"
	"nexuslab/sim/learn"
	"nexuslab/sim/learn/dataset"
)

// Name is the simulation's name in URLs and data-sim attributes.
const Name = "playground"

// Limits of the model's parameters.
const (
	Points    = 500  // points generated, as in TensorFlow Playground
	MaxLayers = 6    // hidden layers
	MaxWidth  = 8    // units in a hidden layer
	MaxEpochs = 2000 // a reload replays every epoch, so this bounds its time
	RunEpochs = 100  // epochs the "run" action trains
)

var rates = []string{"0.00001", "0.0001", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1", "3", "10"}
var regRates = []string{"0", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1", "3", "10"}

// datasetLabels are the English names of the data sets, each also its
// message key, shown in place of the names URLs hold.
var datasetLabels = map[string]string{
	"circle":    "Circle",
	"xor":       "Exclusive or",
	"gauss":     "Two Gaussians",
	"spiral":    "Spiral",
	"reg-plane": "Plane (regression)",
	"reg-gauss": "Gaussian bumps (regression)",
	"crop":      "Crop water stress",
}

// DatasetLabel returns the English name of a data set, which is also its
// message key, or the name itself if it is not one of the playground's.
func DatasetLabel(name string) string {
	if l, ok := datasetLabels[name]; ok {
		return l
	}
	return name
}

var schema = func() sim.Schema {
	sets := dataset.PlaneNames()
	labels := make([]string, len(sets))
	for i, name := range sets {
		labels[i] = DatasetLabel(name)
	}
	s := sim.Schema{
		{Name: "dataset", Kind: sim.Choice, Label: "Data set", Choices: sets, ChoiceLabels: labels, Default: "circle"},
		{Name: "noise", Kind: sim.Int, Label: "Noise (%)", Min: 0, Max: 50, Step: 5, Default: "0"},
		{Name: "train", Kind: sim.Int, Label: "Training data (%)", Help: "The rest is kept aside to test the network", Min: 10, Max: 90, Step: 10, Default: "50"},
	}
	for _, f := range learn.AllFeatures() {
		s = append(s, sim.Param{Name: f.String(), Kind: sim.Bool, Label: f.Label(), Help: "Feed this feature to the network", Default: strconv.FormatBool(f == learn.X1 || f == learn.X2)})
	}
	s = append(s, sim.Param{Name: "layers", Kind: sim.Int, Label: "Hidden layers", Min: 0, Max: MaxLayers, Default: "2"})
	for l := 1; l <= MaxLayers; l++ {
		def := "2"
		if l == 1 {
			def = "4"
		}
		s = append(s, sim.Param{Name: "n" + strconv.Itoa(l), Kind: sim.Int, Label: "Units in hidden layer " + strconv.Itoa(l), Min: 1, Max: MaxWidth, Default: def})
	}
	return append(s,
		sim.Param{Name: "activation", Kind: sim.Choice, Label: "Activation", Choices: []string{"tanh", "relu", "sigmoid", "linear"}, Default: "tanh"},
		sim.Param{Name: "rate", Kind: sim.Choice, Label: "Learning rate", Choices: rates, Default: "0.03"},
		sim.Param{Name: "regularization", Kind: sim.Choice, Label: "Regularisation", Choices: []string{"none", "L1", "L2"}, Default: "none"},
		sim.Param{Name: "regrate", Kind: sim.Choice, Label: "Regularisation rate", Choices: regRates, Default: "0"},
		sim.Param{Name: "batch", Kind: sim.Int, Label: "Batch size", Min: 1, Max: 30, Default: "10"},
		sim.Param{Name: "seed", Kind: sim.Int, Label: "Seed", Help: "The same seed gives the same data and starting weights", Min: 0, Max: 1<<31 - 1, Default: "1"},
		sim.Param{Name: "epoch", Kind: sim.Int, Label: "Epoch", Min: 0, Max: MaxEpochs, Default: "0", Hidden: true},
	)
}()

var actions = []sim.Action{
	{Name: "play", Label: "Play / pause"},
	{Name: "step", Label: "Step"},
	{Name: "run", Label: "Train 100 epochs"},
	{Name: "reset", Label: "Reset"},
	{Name: "regenerate", Label: "New data"},
}

// Model is the neural-network playground. Its zero value is ready to
// Reset.
type Model struct {
	v         sim.Values
	t         *Trainer
	trainLoss []float64 // after each epoch, from epoch 0
	testLoss  []float64
	feat      []float64 // scratch: the features of one point
	acts      []float64 // scratch: the activations of every unit
	playing   bool      // training on its own, an epoch per Advance
	replayTo  int       // the epoch a Replay trains to, a chunk per Advance
}

// New returns a model in its default state.
func New() *Model { return sim.Start(&Model{}) }

// Schema returns the parameters: the data, the features, the layers and
// how the network learns, and the hidden epoch that a reload replays.
func (m *Model) Schema() sim.Schema { return schema }

// Actions returns play, step, run, reset and regenerate.
func (m *Model) Actions() []sim.Action { return actions }

// config reads a training configuration from values, filling any missing
// one with its default.
func config(v sim.Values) (Config, error) {
	v = schema.Complete(v)
	c := Config{
		Dataset:   v.String("dataset"),
		Points:    Points,
		Noise:     float64(v.Int("noise")) / 100,
		TrainFrac: float64(v.Int("train")) / 100,
		Batch:     v.Int("batch"),
		Seed:      uint64(v.Int("seed")),
	}
	for _, f := range learn.AllFeatures() {
		if v.Bool(f.String()) {
			c.Features = append(c.Features, f)
		}
	}
	for l := 1; l <= min(max(v.Int("layers"), 0), MaxLayers); l++ {
		c.Hidden = append(c.Hidden, v.Int("n"+strconv.Itoa(l)))
	}
	var err error
	if c.Activation, err = learn.ParseActivation(v.String("activation")); err != nil {
		return c, fmt.Errorf("playground: %w", err)
	}
	if c.Rate, err = strconv.ParseFloat(v.String("rate"), 64); err != nil || !(c.Rate > 0) {
		return c, fmt.Errorf("playground: learning rate %q is not a positive number", v.String("rate"))
	}
	reg, err := strconv.ParseFloat(v.String("regrate"), 64)
	if err != nil || !(reg >= 0) {
		return c, fmt.Errorf("playground: regularisation rate %q is not a number ≥ 0", v.String("regrate"))
	}
	switch v.String("regularization") {
	case "L1":
		c.L1 = reg
	case "L2":
		c.L2 = reg
	}
	return c, nil
}

// Reset builds the run that v describes and trains it for v's epochs.
func (m *Model) Reset(v sim.Values) error {
	c, err := config(v)
	if err != nil {
		return err
	}
	t, err := NewTrainer(c)
	if err != nil {
		return err
	}
	m.v = schema.Complete(v)
	m.t = t
	m.replayTo = 0
	m.trainLoss = append(m.trainLoss[:0], t.TrainLoss())
	m.testLoss = append(m.testLoss[:0], t.TestLoss())
	m.train(min(max(m.v.Int("epoch"), 0), MaxEpochs))
	return nil
}

// Replay builds the run that v describes, as Reset does, and trains it
// to v's epochs in chunks, one per Advance.
func (m *Model) Replay(v sim.Values) error {
	start := maps.Clone(v)
	start["epoch"] = "0"
	if err := m.Reset(start); err != nil {
		return err
	}
	m.replayTo = min(max(v.Int("epoch"), 0), MaxEpochs)
	m.v["epoch"] = strconv.Itoa(m.replayTo)
	return nil
}

// replaying reports whether a Replay has epochs left to train.
func (m *Model) replaying() bool { return m.t.Epochs() < m.replayTo }

// replayWork bounds the training of one Advance during a Replay, in
// products of a point and a weight: a few tens of milliseconds in a
// browser, about what redrawing the view between chunks costs, so a
// phone still answers the reader while the replay is not slowed much.
const replayWork = 12_000_000

// replayChunk returns how many epochs one Advance trains during a Replay:
// each epoch passes every point forward and back, and scores the losses.
func (m *Model) replayChunk() int {
	c := m.t.cfg
	weights, prev := 0, len(c.Features)
	for _, h := range append(c.Hidden, 1) {
		weights += (prev + 1) * h
		prev = h
	}
	return max(1, replayWork/(4*c.Points*weights))
}

// finishReplay trains what a Replay has left, before an action changes
// the run.
func (m *Model) finishReplay() {
	if m.replaying() {
		m.train(m.replayTo - m.t.Epochs())
	}
}

// train runs n more epochs, stopping at MaxEpochs.
func (m *Model) train(n int) {
	for range n {
		if m.t.Epochs() >= MaxEpochs {
			break
		}
		m.t.Epoch()
		m.trainLoss = append(m.trainLoss, m.t.TrainLoss())
		m.testLoss = append(m.testLoss, m.t.TestLoss())
	}
	m.v["epoch"] = strconv.Itoa(max(m.t.Epochs(), m.replayTo))
}

// Do applies an action: "play" starts or pauses training on its own
// (see Active), "step" trains one epoch, "run" RunEpochs more,
// "reset" goes back to epoch 0 with fresh weights from the same seed, and
// "regenerate" moves to the next seed, for new data and new weights.
// Training stops at MaxEpochs.
func (m *Model) Do(action string) error {
	m.finishReplay()
	switch action {
	case "play":
		m.playing = !m.playing
	case "step":
		m.train(1)
	case "run":
		m.train(RunEpochs)
	case "reset":
		v := m.Query()
		v.Set("epoch", "0")
		return m.reset(v)
	case "regenerate":
		v := m.Query()
		v.Set("epoch", "0")
		v.Set("seed", strconv.Itoa((m.v.Int("seed")+1)%(1<<31)))
		return m.reset(v)
	default:
		return sim.ErrUnknownAction(action)
	}
	return nil
}

func (m *Model) reset(q url.Values) error {
	v, _ := schema.Parse(q)
	return m.Reset(v)
}

// Query returns every parameter, with the epoch reached.
func (m *Model) Query() url.Values { return m.v.Query() }

// Epoch returns the number of epochs trained.
func (m *Model) Epoch() int { return m.t.Epochs() }

// Regression reports whether the data set has real labels rather than two
// classes.
func (m *Model) Regression() bool { return m.t.Regression() }

// TrainLoss returns the loss on the training points after each epoch,
// starting with epoch 0, before any training. The slice must not be
// modified.
func (m *Model) TrainLoss() []float64 { return m.trainLoss }

// TestLoss returns the loss on the test points after each epoch, as
// TrainLoss does.
func (m *Model) TestLoss() []float64 { return m.testLoss }

// TestAccuracy returns the share of test points classified right, or NaN
// for regression.
func (m *Model) TestAccuracy() float64 { return m.t.TestAccuracy() }

// Train returns the training points, in the playground's square (see
// Domain); their Columns convert them to the data set's units. The set
// must not be modified.
func (m *Model) Train() *dataset.Set { return m.t.Train() }

// Test returns the test points, as Train does.
func (m *Model) Test() *dataset.Set { return m.t.Test() }

// Features returns the network's inputs, in order.
func (m *Model) Features() []learn.Feature { return m.t.Config().Features }

// Sizes returns the number of units per layer: the features, each hidden
// layer, and the single output.
func (m *Model) Sizes() []int { return m.t.Net().Sizes() }

// Weight returns the weight from unit from of layer l−1 to unit to of
// layer l, for 1 ≤ l < len(Sizes()).
func (m *Model) Weight(l, to, from int) float64 { return m.t.Net().Weight(l, to, from) }

// Bias returns the bias of unit j of layer l, for 1 ≤ l < len(Sizes()).
func (m *Model) Bias(l, j int) float64 { return m.t.Net().Bias(l, j) }

// Domain returns the square [lo, hi]² that the points lie in and that
// Surface covers.
func (m *Model) Domain() (lo, hi float64) { return -dataset.Extent, dataset.Extent }

// Surface sets dst, grown if needed, to the network's output on an n×n
// grid over the Domain and returns it. Row r, column c is at index r·n+c
// and holds the output at the centre of its cell: column 0 is the
// smallest x₁ and row 0 the largest x₂, so the grid reads as the plane is
// drawn. Outputs are probabilities of class 1 for classification and
// predicted values for regression. n below 1 gives an empty grid.
func (m *Model) Surface(dst []float64, n int) []float64 {
	return m.grid(dst, n, len(m.Sizes())-1, 0)
}

// UnitSurface is Surface for the output of one unit: unit j of layer l,
// where layer 0 holds the features and the last layer the output. Hidden
// units with tanh output from −1 to 1. It panics if the unit does not
// exist.
func (m *Model) UnitSurface(dst []float64, n, l, j int) []float64 {
	sizes := m.Sizes()
	if l < 0 || l >= len(sizes) || j < 0 || j >= sizes[l] {
		panic(fmt.Sprintf("playground: no unit %d in layer %d of a network of sizes %v", j, l, sizes))
	}
	return m.grid(dst, n, l, j)
}

func (m *Model) grid(dst []float64, n, l, j int) []float64 {
	n = max(n, 0)
	if cap(dst) < n*n {
		dst = make([]float64, n*n)
	}
	dst = dst[:n*n]
	net := m.t.Net()
	sizes := net.Sizes()
	at := j
	for _, s := range sizes[:l] {
		at += s
	}
	fs := m.t.Config().Features
	if cap(m.feat) < len(fs) {
		m.feat = make([]float64, len(fs))
	}
	feat := m.feat[:len(fs)]
	lo, hi := m.Domain()
	step := (hi - lo) / float64(n)
	for r := range n {
		x2 := hi - (float64(r)+0.5)*step
		for c := range n {
			x1 := lo + (float64(c)+0.5)*step
			learn.ExpandPoint(feat, fs, x1, x2)
			if l == len(sizes)-1 {
				dst[r*n+c] = net.Predict(feat)
				continue
			}
			m.acts = net.Activations(m.acts, feat)
			dst[r*n+c] = m.acts[at]
		}
	}
	return dst
}

// CSV returns every point as comma-separated values: its coordinates in
// the data set's units, its label, whether it was used for training or
// testing, and the network's output for it.
func (m *Model) CSV() []byte {
	train, test := m.t.Train(), m.t.Test()
	all := train.Subset(nil)
	all.X = append(append(all.X, train.X...), test.X...)
	all.Y = append(append(all.Y, train.Y...), test.Y...)
	split := make([]string, 0, all.Len())
	pred := make([]string, 0, all.Len())
	fs := m.t.Config().Features
	feat := make([]float64, len(fs))
	for i := range all.Len() {
		s := "train"
		if i >= train.Len() {
			s = "test"
		}
		split = append(split, s)
		learn.ExpandPoint(feat, fs, all.X[2*i], all.X[2*i+1])
		pred = append(pred, strconv.FormatFloat(m.t.Net().Predict(feat), 'g', 4, 64))
	}
	return all.CSV(dataset.CSVColumn{Name: "split", Values: split}, dataset.CSVColumn{Name: "prediction", Values: pred})
}

// Describe states the epoch, the losses and the network.
func (m *Model) Describe(p sim.Printer) string {
	e := m.t.Epochs()
	var result string
	if m.replaying() {
		result = p.Sprintf("Restoring the shared run: training to epoch %d, %d done.", m.replayTo, e) + " "
	}
	if m.Regression() {
		result += p.Sprintf("Epoch %d: training loss %.3f, test loss %.3f.", e, m.trainLoss[e], m.testLoss[e])
	} else {
		result += p.Sprintf("Epoch %d: training loss %.3f, test loss %.3f; %.0f%% of test points classified correctly.",
			e, m.trainLoss[e], m.testLoss[e], 100*m.TestAccuracy())
	}
	if e >= MaxEpochs {
		result += " " + p.Sprintf("Training stops here, at %d epochs.", MaxEpochs)
	}
	var inputs []string
	for _, f := range m.Features() {
		inputs = append(inputs, f.Label())
	}
	in := strings.Join(inputs, ", ")
	if len(inputs) == 0 {
		in = p.Sprintf("none")
	}
	hidden := p.Sprintf("none")
	if sizes := m.Sizes(); len(sizes) > 2 {
		var w []string
		for _, s := range sizes[1 : len(sizes)-1] {
			w = append(w, strconv.Itoa(s))
		}
		hidden = p.Sprintf("%s units, %s", strings.Join(w, " and "), m.v.String("activation"))
	}
	c := m.t.Config()
	reg := p.Sprintf("none")
	if c.L1 > 0 {
		reg = p.Sprintf("L1 at rate %s", fmtNum(c.L1))
	} else if c.L2 > 0 {
		reg = p.Sprintf("L2 at rate %s", fmtNum(c.L2))
	}
	setup := p.Sprintf("Data: %s, %d%% noise, %d%% for training. Inputs: %s. Hidden layers: %s. Learning rate %s, batch size %d, regularisation %s.",
		p.Sprintf(DatasetLabel(c.Dataset)), int(math.Round(100*c.Noise)), int(math.Round(100*c.TrainFrac)), in, hidden, fmtNum(c.Rate), c.Batch, reg)
	return result + " " + setup
}

func fmtNum(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }
