package fairness

import (
	"fmt"
	"math"
	"math/rand/v2"
	"net/url"
	"strconv"
	"strings"

	"nexuslab/sim"
	"nexuslab/sim/learn"
	"nexuslab/sim/learn/audit"
	"nexuslab/sim/learn/dataset"
)

// Name is the simulation's name in URLs and data-sim attributes.
const Name = "fairness"

// Data sources: the values of the source parameter.
const (
	Synthetic = "synthetic" // the synthetic screening data, the default
	OwnCSV    = "csv"       // a CSV file of the learner's own
)

// MaxCSV is the largest CSV file the simulation audits, in bytes: tens of
// thousands of rows, which a phone parses in a moment.
const MaxCSV = 2 << 20

// Conditions of the controls that belong to one data source.
const (
	whenSynthetic = "source=" + Synthetic
	whenOwn       = "source=" + OwnCSV
)

// The data source defaults to the synthetic data, so the links course
// pages already use keep their meaning. The learner's file is private
// (sim.Param.Private): its text never reaches the URL or the device's
// storage; only the names of its columns do.
var schema = sim.Schema{
	{Name: "source", Kind: sim.Choice, Label: "Data", Help: "Synthetic screening data, or a CSV file of your own", Choices: []string{Synthetic, OwnCSV}, ChoiceLabels: []string{"Synthetic screening data", "Your CSV file"}, Default: Synthetic},
	{Name: "csv", Kind: sim.Text, Label: "Your CSV file", Help: "A header row naming the columns, then one row per case; open a file or paste its text", MaxLen: MaxCSV, File: "audit.csv", Private: true, When: whenOwn},
	{Name: "label", Kind: sim.Text, Label: "Column of the true outcome", Help: "1 or 0, yes or no, true or false", MaxLen: 100, Default: "label", When: whenOwn},
	{Name: "score", Kind: sim.Text, Label: "Column of the score", Help: "The classifier's score, from 0 to 1; leave it empty to audit decisions instead", MaxLen: 100, Default: "score", When: whenOwn},
	{Name: "prediction", Kind: sim.Text, Label: "Column of the decision", Help: "Instead of a score: the classifier's decision, 1 or 0", MaxLen: 100, Default: "", When: whenOwn},
	{Name: "group", Kind: sim.Text, Label: "Column of the group", MaxLen: 100, Default: "group", When: whenOwn},
	{Name: "people", Kind: sim.Int, Label: "People", Help: "How many people the synthetic data set holds; half train the model, half test it", Min: 200, Max: 20000, Step: 100, Default: "4000", When: whenSynthetic},
	{Name: "shareb", Kind: sim.Int, Label: "Share in group B (%)", Min: 5, Max: 95, Default: "40", When: whenSynthetic},
	{Name: "basea", Kind: sim.Int, Label: "Disease in group A (%)", Help: "The base rate: how common the disease is in the group", Min: 1, Max: 90, Default: "20", When: whenSynthetic},
	{Name: "baseb", Kind: sim.Int, Label: "Disease in group B (%)", Min: 1, Max: 90, Default: "8", When: whenSynthetic},
	{Name: "shift", Kind: sim.Float, Label: "Test reads lower in group B by", Help: "A measurement shift, as when an instrument is calibrated on one group", Min: -2, Max: 2, Step: 0.1, Default: "0.5", When: whenSynthetic},
	{Name: "usegroup", Kind: sim.Bool, Label: "The model sees the group", Default: "false", When: whenSynthetic},
	{Name: "threshold", Kind: sim.Float, Label: "Threshold", Help: "Cases with a score at or above it are flagged; with one threshold per group, this one is group A's, or that of the first group in your file", Min: 0.01, Max: 0.99, Step: 0.01, Default: "0.5"},
	{Name: "pergroup", Kind: sim.Bool, Label: "One threshold per group", Default: "false"},
	{Name: "thresholdb", Kind: sim.Float, Label: "Threshold for group B", Min: 0.01, Max: 0.99, Step: 0.01, Default: "0.5", When: whenSynthetic},
	{Name: "thresholds", Kind: sim.Text, Label: "Thresholds of the other groups", Help: "With one threshold per group: those of the second group onwards, in the order the groups first appear in your file, separated by spaces, such as 0.4 0.45; a group without one takes the threshold above", MaxLen: 200, Default: "", When: whenOwn},
	{Name: "seed", Kind: sim.Int, Label: "Seed", Help: "The same seed gives the same people", Min: 0, Max: 1<<31 - 1, Default: "1", When: whenSynthetic},
}

var actions = []sim.Action{
	{Name: "retrain", Label: "New sample and retrain", When: whenSynthetic},
	{Name: "equal-opportunity", Label: "Equal true positive rates"},
	{Name: "equal-selection", Label: "Equal selection rates"},
	{Name: "single", Label: "One threshold for all"},
	{Name: "example", Label: "Load an example file", When: whenOwn},
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

// Model is the fairness audit of a screening classifier, trained on
// synthetic data, or of the outputs in a CSV file of the learner's own.
// Its zero value is ready to Reset.
type Model struct {
	v          sim.Values
	train      *dataset.Set
	test       *dataset.Set
	clf        learn.Logistic
	importance []Importance
	data       *audit.Data   // what is audited: the synthetic test set or the learner's file; nil when there is nothing yet
	report     *audit.Report // nil without data
	own        ownFile       // the learner's file as last parsed
	ownErr     error         // why the learner's file cannot be audited
	note       string        // what the last action could not do, for Describe
}

// New returns a model in its default state.
func New() *Model { return sim.Start(&Model{}) }

// Schema returns the parameters: the data source; for the synthetic data
// the population, the measurement shift and whether the model sees the
// group; for the learner's file its text and the names of its columns;
// and the thresholds.
func (m *Model) Schema() sim.Schema { return schema }

// Actions returns retrain, equal-opportunity, equal-selection, single
// and example.
func (m *Model) Actions() []sim.Action { return actions }

// Reset audits the data the values choose. For the synthetic data it
// draws the people, trains the classifier on half of them and audits it
// on the other half. For the learner's file it reads the chosen columns;
// a problem with the file or the column names comes back as a
// *sim.ParamError for the control concerned, the text kept as it is.
func (m *Model) Reset(v sim.Values) error {
	m.v = schema.Complete(v)
	m.note = ""
	if m.Source() == OwnCSV {
		return m.auditOwn()
	}
	m.ownErr = nil
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
	m.data = &audit.Data{Groups: all.Groups}
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

// Source returns the data audited: Synthetic or OwnCSV.
func (m *Model) Source() string { return m.v.String("source") }

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

// measure audits the data at the current thresholds.
func (m *Model) measure() error {
	m.report = nil
	if m.data == nil {
		return nil
	}
	t, err := m.groupThresholds()
	if err != nil {
		return err
	}
	r, err := audit.Measure(m.data, t...)
	if err != nil {
		return fmt.Errorf("fairness: %w", err)
	}
	m.report = r
	return nil
}

// groupThresholds returns the threshold of each group of the audited
// data, in the order of its groups.
func (m *Model) groupThresholds() ([]float64, error) {
	t := make([]float64, len(m.data.Groups))
	for g := range t {
		t[g] = m.v.Float("threshold")
	}
	if !m.v.Bool("pergroup") || len(t) < 2 {
		return t, nil
	}
	if m.Source() != OwnCSV {
		t[1] = m.v.Float("thresholdb")
		return t, nil
	}
	others, err := parseThresholds(m.v.String("thresholds"))
	if err != nil {
		return nil, err
	}
	copy(t[1:], others)
	return t, nil
}

// Do applies an action. "retrain" draws new people from the next seed and
// trains again. "equal-opportunity" and "equal-selection" keep the first
// group's threshold (group A's) and choose every other group's, on a grid
// of 0.01, so that the groups' true positive rates or selection rates
// come as close as they can. "single" goes back to one threshold for
// all. "example" loads ExampleCSV as the learner's file.
func (m *Model) Do(action string) error {
	m.note = ""
	switch action {
	case "retrain":
		q := m.Query()
		q.Set("seed", strconv.Itoa((m.v.Int("seed")+1)%(1<<31)))
		v, _ := schema.Parse(q)
		return m.Reset(v)
	case "equal-opportunity":
		m.matchOthers(audit.Confusion.TPR)
	case "equal-selection":
		m.matchOthers(audit.Confusion.SelectionRate)
	case "single":
		m.v["pergroup"] = "false"
	case "example":
		// The text as Parse leaves it, trimmed, so that the next edit
		// finds the file unchanged and does not read it again.
		for k, val := range map[string]string{"source": OwnCSV, "csv": strings.TrimSpace(ExampleCSV), "label": "label", "score": "score", "prediction": "", "group": "group"} {
			m.v[k] = val
		}
		return m.Reset(m.v)
	default:
		return sim.ErrUnknownAction(action)
	}
	if m.Source() == OwnCSV {
		return m.auditOwn()
	}
	return m.measure()
}

// matchOthers sets the threshold of every group but the first to the one
// whose rate is closest to the first group's at its threshold, the
// nearest to that threshold on a tie.
func (m *Model) matchOthers(rate func(audit.Confusion) float64) {
	if m.data == nil {
		return // nothing to audit: the description already says why
	}
	if m.data.Score == nil {
		m.note = noThresholds
		return
	}
	a := m.v.Float("threshold")
	members := byGroup(m.data)
	target := rate(confusionAt(m.data, members[0], a))
	var best []string
	for _, idx := range members[1:] {
		b, bestGap := a, math.Inf(1)
		for k := 1; k <= 99; k++ {
			t := float64(k) / 100
			gap := math.Abs(rate(confusionAt(m.data, idx, t)) - target)
			if gap < bestGap-1e-12 || (math.Abs(gap-bestGap) <= 1e-12 && math.Abs(t-a) < math.Abs(b-a)) {
				b, bestGap = t, gap
			}
		}
		best = append(best, strconv.FormatFloat(b, 'g', -1, 64))
	}
	m.v["pergroup"] = "true"
	switch {
	case m.Source() == OwnCSV:
		m.v["thresholds"] = strings.Join(best, " ")
	case len(best) > 0:
		m.v["thresholdb"] = best[0]
	}
}

// noThresholds is the note of an action that moves thresholds when the
// learner's file gives decisions rather than scores.
const noThresholds = "no thresholds"

// byGroup returns the indices of the cases of each group of d.
func byGroup(d *audit.Data) [][]int {
	idx := make([][]int, len(d.Groups))
	for i, g := range d.Group {
		idx[g] = append(idx[g], i)
	}
	return idx
}

// confusionAt counts the decisions on the cases idx of d at threshold t.
func confusionAt(d *audit.Data, idx []int, t float64) audit.Confusion {
	var c audit.Confusion
	for _, i := range idx {
		c.Add(d.Label[i], d.Score[i] >= t)
	}
	return c
}

// Query returns every parameter, the learner's file included: the host
// keeps it in memory to apply the next edit, and persists only
// Schema.Encode of the query, which leaves the file out.
func (m *Model) Query() url.Values { return m.v.Query() }

// Thresholds returns the thresholds of the synthetic data's groups A and
// B, equal unless the model uses one per group. The report gives every
// group's threshold, whatever the data.
func (m *Model) Thresholds() (a, b float64) {
	a = m.v.Float("threshold")
	if m.v.Bool("pergroup") {
		return a, m.v.Float("thresholdb")
	}
	return a, a
}

// Report returns the audit: confusion matrices, rates and calibration
// per group, and the gaps between groups; nil when there is nothing to
// audit, such as before the learner gives a file. It must not be
// modified.
func (m *Model) Report() *audit.Report { return m.report }

// TestData returns the data as audited: for the synthetic data the test
// set, each person's true status, score and group; for the learner's
// file its cases. It is nil when there is nothing to audit, and must not
// be modified.
func (m *Model) TestData() *audit.Data { return m.data }

// Importance returns how much the classifier relies on each input; none
// for the learner's file.
func (m *Model) Importance() []Importance { return append([]Importance(nil), m.importance...) }

// Weights returns the classifier's weights, one per input in the order of
// Importance, and its intercept.
func (m *Model) Weights() ([]float64, float64) { return append([]float64(nil), m.clf.W...), m.clf.B }

// CSV returns the data to download, as comma-separated values. For the
// synthetic data, the test set: each person's reading, symptom score,
// disease status (label) and group, the model's score, and whether the
// current threshold flags them; audited as the learner's file by its
// flagged column, it gives the same numbers. For the learner's file, the
// audited metrics, one row per group, as audit.Report.CSV writes them:
// the file itself is the learner's already.
func (m *Model) CSV() []byte {
	if m.Source() == OwnCSV {
		if m.report == nil {
			return (&audit.Report{}).CSV()
		}
		return m.report.CSV()
	}
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
// catches and misses; for the learner's file, what is wrong with it
// when it cannot be audited.
func (m *Model) Describe(p sim.Printer) string {
	if m.Source() == OwnCSV {
		return m.describeOwn(p)
	}
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
	if m.Source() == OwnCSV {
		return m.summaryOwn(p)
	}
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
