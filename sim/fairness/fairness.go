package fairness

import (
	"fmt"
	"math"
	"math/rand/v2"
	"net/url"
	"strconv"

	"nexuslab/sim"
	"nexuslab/sim/learn"
	"nexuslab/sim/learn/audit"
	"nexuslab/sim/learn/dataset"
)

// Name is the simulation's name in URLs and data-sim attributes.
const Name = "fairness"

var schema = sim.Schema{
	{Name: "people", Kind: sim.Int, Label: "People", Help: "How many people the synthetic data set holds; half train the model, half test it", Min: 200, Max: 20000, Step: 100, Default: "4000"},
	{Name: "shareb", Kind: sim.Int, Label: "Share in group B (%)", Min: 5, Max: 95, Default: "40"},
	{Name: "basea", Kind: sim.Int, Label: "Disease in group A (%)", Help: "The base rate: how common the disease is in the group", Min: 1, Max: 90, Default: "20"},
	{Name: "baseb", Kind: sim.Int, Label: "Disease in group B (%)", Min: 1, Max: 90, Default: "8"},
	{Name: "shift", Kind: sim.Float, Label: "Test reads lower in group B by", Help: "A measurement shift, as when an instrument is calibrated on one group", Min: -2, Max: 2, Step: 0.1, Default: "0.5"},
	{Name: "usegroup", Kind: sim.Bool, Label: "The model sees the group", Default: "false"},
	{Name: "threshold", Kind: sim.Float, Label: "Threshold", Help: "People with a score at or above it are flagged; with one threshold per group, this one is group A's", Min: 0.01, Max: 0.99, Step: 0.01, Default: "0.5"},
	{Name: "pergroup", Kind: sim.Bool, Label: "One threshold per group", Default: "false"},
	{Name: "thresholdb", Kind: sim.Float, Label: "Threshold for group B", Min: 0.01, Max: 0.99, Step: 0.01, Default: "0.5"},
	{Name: "seed", Kind: sim.Int, Label: "Seed", Help: "The same seed gives the same people", Min: 0, Max: 1<<31 - 1, Default: "1"},
}

var actions = []sim.Action{
	{Name: "retrain", Label: "New sample and retrain"},
	{Name: "equal-opportunity", Label: "Equal true positive rates"},
	{Name: "equal-selection", Label: "Equal selection rates"},
	{Name: "single", Label: "One threshold for all"},
}

// Feature names of the screening model's inputs, in order.
const (
	Reading  = "reading"
	Symptoms = "symptoms"
	Group    = "group"
)

// Importance is how much the screening model relies on one input.
type Importance struct {
	Feature string  // Reading, Symptoms or Group
	Value   float64 // rise in mean log loss on the test set when the input is shuffled
}

// Model is the fairness audit of a screening classifier. Its zero value is
// ready to Reset.
type Model struct {
	v          sim.Values
	train      *dataset.Set
	test       *dataset.Set
	clf        learn.Logistic
	data       audit.Data // the test set as the audit sees it
	report     *audit.Report
	importance []Importance
}

// New returns a model in its default state.
func New() *Model { return sim.Start(&Model{}) }

// Schema returns the parameters: the population, the measurement shift,
// whether the model sees the group, and the thresholds.
func (m *Model) Schema() sim.Schema { return schema }

// Actions returns retrain, equal-opportunity, equal-selection and single.
func (m *Model) Actions() []sim.Action { return actions }

// Reset draws the people, trains the classifier on half of them and
// audits it on the other half.
func (m *Model) Reset(v sim.Values) error {
	m.v = schema.Defaults()
	for k, val := range v {
		if _, ok := schema.Lookup(k); ok {
			m.v[k] = val
		}
	}
	cfg := dataset.ScreeningConfig{
		N:      min(max(m.v.Int("people"), 200), 20000),
		ShareB: clamp(float64(m.v.Int("shareb"))/100, 0.05, 0.95),
		BaseA:  clamp(float64(m.v.Int("basea"))/100, 0.01, 0.9),
		BaseB:  clamp(float64(m.v.Int("baseb"))/100, 0.01, 0.9),
		Shift:  clamp(m.v.Float("shift"), -2, 2),
	}
	rng := rand.New(rand.NewPCG(uint64(m.v.Int("seed")), 0x66616972))
	all := dataset.Screening(rng, cfg)
	m.train, m.test = dataset.Split(rng, all, 0.5)
	x := m.inputs(m.train)
	if err := m.clf.Fit(x, m.train.Y, m.dim(), nil); err != nil {
		return fmt.Errorf("fairness: %w", err)
	}
	m.data = audit.Data{Groups: all.Groups}
	xt := m.inputs(m.test)
	for i := range m.test.Len() {
		m.data.Label = append(m.data.Label, m.test.Y[i] == 1)
		m.data.Score = append(m.data.Score, m.clf.Prob(xt[i*m.dim():(i+1)*m.dim()]))
		m.data.Group = append(m.data.Group, m.test.Group[i])
	}
	m.importance = m.importance[:0]
	names := []string{Reading, Symptoms, Group}[:m.dim()]
	imp := learn.PermutationImportance(nil, rng, xt, m.dim(), 5, func(x []float64) float64 {
		return -logLoss(&m.clf, x, m.test.Y, m.dim())
	})
	for j, name := range names {
		m.importance = append(m.importance, Importance{Feature: name, Value: imp[j]})
	}
	return m.measure()
}

func clamp(x, lo, hi float64) float64 {
	if math.IsNaN(x) {
		return lo
	}
	return math.Min(math.Max(x, lo), hi)
}

// dim returns the number of inputs the classifier sees.
func (m *Model) dim() int {
	if m.v.Bool("usegroup") {
		return 3
	}
	return 2
}

// inputs returns the classifier's inputs for s: the reading, the symptom
// score and, when it sees the group, 1 for group B.
func (m *Model) inputs(s *dataset.Set) []float64 {
	d := m.dim()
	x := make([]float64, 0, s.Len()*d)
	for i := range s.Len() {
		x = append(x, s.Row(i)...)
		if d == 3 {
			x = append(x, float64(s.Group[i]))
		}
	}
	return x
}

func logLoss(c *learn.Logistic, x, y []float64, dim int) float64 {
	s := 0.0
	for i, t := range y {
		p := math.Min(math.Max(c.Prob(x[i*dim:(i+1)*dim]), 1e-15), 1-1e-15)
		s -= t*math.Log(p) + (1-t)*math.Log(1-p)
	}
	return s / float64(len(y))
}

// measure audits the test set at the current thresholds.
func (m *Model) measure() error {
	a, b := m.Thresholds()
	r, err := audit.Measure(&m.data, a, b)
	if err != nil {
		return fmt.Errorf("fairness: %w", err)
	}
	m.report = r
	return nil
}

// Do applies an action. "retrain" draws new people from the next seed and
// trains again. "equal-opportunity" and "equal-selection" keep group A's
// threshold and choose group B's, on a grid of 0.01, so that the groups'
// true positive rates or selection rates come as close as they can.
// "single" goes back to one threshold for both.
func (m *Model) Do(action string) error {
	switch action {
	case "retrain":
		q := m.Query()
		q.Set("seed", strconv.Itoa((m.v.Int("seed")+1)%(1<<31)))
		v, _ := schema.Parse(q)
		return m.Reset(v)
	case "equal-opportunity":
		m.matchB(audit.Confusion.TPR)
	case "equal-selection":
		m.matchB(audit.Confusion.SelectionRate)
	case "single":
		m.v["pergroup"] = "false"
	default:
		return sim.ErrUnknownAction(action)
	}
	return m.measure()
}

// matchB sets group B's threshold to the one whose rate is closest to
// group A's at A's threshold, the nearest to A's threshold on a tie.
func (m *Model) matchB(rate func(audit.Confusion) float64) {
	a, _ := m.Thresholds()
	target := rate(m.confusionAt(0, a))
	best, bestGap := a, math.Inf(1)
	for k := 1; k <= 99; k++ {
		t := float64(k) / 100
		gap := math.Abs(rate(m.confusionAt(1, t)) - target)
		if gap < bestGap-1e-12 || (math.Abs(gap-bestGap) <= 1e-12 && math.Abs(t-a) < math.Abs(best-a)) {
			best, bestGap = t, gap
		}
	}
	m.v["pergroup"] = "true"
	m.v["thresholdb"] = strconv.FormatFloat(best, 'g', -1, 64)
}

// confusionAt counts group g's decisions at threshold t.
func (m *Model) confusionAt(g int, t float64) audit.Confusion {
	var c audit.Confusion
	for i, s := range m.data.Score {
		if m.data.Group[i] == g {
			c.Add(m.data.Label[i], s >= t)
		}
	}
	return c
}

// Query returns every parameter.
func (m *Model) Query() url.Values { return m.v.Query() }

// Thresholds returns the thresholds of groups A and B, equal unless the
// model uses one per group.
func (m *Model) Thresholds() (a, b float64) {
	a = m.v.Float("threshold")
	if m.v.Bool("pergroup") {
		return a, m.v.Float("thresholdb")
	}
	return a, a
}

// Report returns the audit of the test set: confusion matrices, rates and
// calibration per group, and the gaps between groups. It must not be
// modified.
func (m *Model) Report() *audit.Report { return m.report }

// TestData returns the test set as audited: each person's true status,
// score and group. It must not be modified.
func (m *Model) TestData() *audit.Data { return &m.data }

// Importance returns how much the classifier relies on each input.
func (m *Model) Importance() []Importance { return append([]Importance(nil), m.importance...) }

// Weights returns the classifier's weights, one per input in the order of
// Importance, and its intercept.
func (m *Model) Weights() ([]float64, float64) { return append([]float64(nil), m.clf.W...), m.clf.B }

// CSV returns the test set as comma-separated values: each person's
// reading, symptom score, disease status (label) and group, the model's
// score, and whether the current threshold flags them.
func (m *Model) CSV() []byte {
	a, b := m.Thresholds()
	score := make([]string, m.test.Len())
	flagged := make([]string, m.test.Len())
	for i, s := range m.data.Score {
		t := a
		if m.data.Group[i] == 1 {
			t = b
		}
		score[i] = strconv.FormatFloat(s, 'f', 4, 64)
		flagged[i] = "0"
		if s >= t {
			flagged[i] = "1"
		}
	}
	return m.test.CSV(dataset.CSVColumn{Name: "score", Values: score}, dataset.CSVColumn{Name: "flagged", Values: flagged})
}

// Describe states the thresholds and, per group, what the screening
// catches and misses.
func (m *Model) Describe(p sim.Printer) string {
	a, b := m.Thresholds()
	s := p.Sprintf("Threshold %.2f for both groups.", a)
	if m.v.Bool("pergroup") {
		s = p.Sprintf("Threshold %.2f for group A and %.2f for group B.", a, b)
	}
	for _, g := range m.report.Groups {
		s += " " + p.Sprintf("Group %s: %d people, %s have the disease; the test flags %s, finds %s of those with the disease, wrongly flags %s of those without, and is right %s of the times it flags.",
			g.Name, g.N(), pct(p, g.BaseRate()), pct(p, g.SelectionRate()), pct(p, g.TPR()), pct(p, g.FPR()), pct(p, g.Precision()))
	}
	return s
}

// Summary returns a plain-language account of the audit that a
// policymaker can paste into a memo: what the data are, then Summarize's
// findings.
func (m *Model) Summary(p sim.Printer) string {
	intro := p.Sprintf("This audit uses synthetic screening data, not records of real people: %d people in two groups, with the disease in %d%% of group A and %d%% of group B, and a test that reads %.1f units lower in group B. A logistic regression was trained on half of them and is audited on the other half.",
		m.v.Int("people"), m.v.Int("basea"), m.v.Int("baseb"), m.v.Float("shift"))
	return intro + "\n\n" + Summarize(p, m.report)
}

// pct formats a share as a whole percentage, or "no data" when it is
// undefined.
func pct(p sim.Printer, v float64) string {
	if math.IsNaN(v) {
		return p.Sprintf("no data")
	}
	return p.Sprintf("%.0f%%", 100*v)
}

// points formats a gap between shares in percentage points.
func points(p sim.Printer, v float64) string {
	if math.IsNaN(v) {
		return p.Sprintf("no data")
	}
	return p.Sprintf("%.0f percentage points", 100*v)
}
