package bell

import (
	"fmt"
	"math/rand/v2"
	"net/url"
	"strconv"
	"strings"

	"nexuslab/sim"
	"nexuslab/sim/quantum"
)

// Name is the simulation's name in URLs and data-sim attributes.
const Name = "bell"

var schema = sim.Schema{
	{Name: "shots", Kind: sim.Int, Label: "Shots", Help: "How many times the pair is prepared and measured", Min: 1, Max: 100000, Default: "1000"},
	{Name: "seed", Kind: sim.Int, Label: "Seed", Help: "The same seed gives the same counts", Min: 0, Max: 1<<31 - 1, Default: "1"},
	{Name: "measured", Kind: sim.Bool, Label: "Measured", Default: "false", Hidden: true},
}

var actions = []sim.Action{
	{Name: "measure", Label: "Measure"},
	{Name: "reset", Label: "Reset"},
}

// Model is the Bell-pair simulation. Its zero value is ready to Reset.
type Model struct {
	shots  int
	seed   uint64
	probs  []float64 // exact probabilities of 00, 01, 10, 11
	counts []int     // measured counts, nil before the first measurement
}

// New returns a model in its default state.
func New() *Model { return sim.Start(&Model{}) }

// Schema returns the parameters: shots and seed.
func (m *Model) Schema() sim.Schema { return schema }

// Actions returns measure and reset.
func (m *Model) Actions() []sim.Action { return actions }

// Reset prepares the pair and, when v says it was measured, measures it.
func (m *Model) Reset(v sim.Values) error {
	s, err := quantum.New(2)
	if err != nil {
		return fmt.Errorf("bell: %w", err)
	}
	s.H(0)
	s.CX(0, 1)
	m.shots = v.Int("shots")
	m.seed = uint64(v.Int("seed"))
	m.probs = s.Probabilities(m.probs)
	m.counts = nil
	if v.Bool("measured") {
		m.measure()
	}
	return nil
}

// Do measures the pair or resets the counts. Measuring again draws a new
// sample by moving to the next seed, so the URL still reproduces it.
func (m *Model) Do(action string) error {
	switch action {
	case "measure":
		if m.counts != nil {
			m.seed = (m.seed + 1) % (1 << 31)
		}
		m.measure()
	case "reset":
		m.counts = nil
	default:
		return sim.ErrUnknownAction(action)
	}
	return nil
}

func (m *Model) measure() {
	rng := rand.New(rand.NewPCG(m.seed, 0x6e657875))
	m.counts = quantum.Sample(rng, m.probs, m.shots)
}

// Probabilities returns the exact probabilities of 00, 01, 10 and 11.
func (m *Model) Probabilities() []float64 { return m.probs }

// Counts returns the measured counts of 00, 01, 10 and 11, or nil before
// the pair is measured.
func (m *Model) Counts() []int { return m.counts }

// Shots returns the number of shots per measurement.
func (m *Model) Shots() int { return m.shots }

// Describe states the prediction or the latest counts.
func (m *Model) Describe(p sim.Printer) string {
	if m.counts == nil {
		return p.Sprintf("Two qubits in a Bell state, not yet measured. Each outcome 00 and 11 has probability %.2f; 01 and 10 have probability 0. Press Measure to run %d shots.",
			m.probs[0], m.shots)
	}
	agree := m.counts[0] + m.counts[3]
	return p.Sprintf("Measured %d shots with seed %d: 00 came up %d times, 01 %d times, 10 %d times and 11 %d times. The two bits agreed in %d of %d shots.",
		m.shots, m.seed, m.counts[0], m.counts[1], m.counts[2], m.counts[3], agree, m.shots)
}

// Export returns the exact probabilities and, once measured, the counts
// as CSV.
func (m *Model) Export() (string, []byte) {
	var b strings.Builder
	b.WriteString("outcome,probability,count\n")
	for i, p := range m.probs {
		count := ""
		if m.counts != nil {
			count = strconv.Itoa(m.counts[i])
		}
		fmt.Fprintf(&b, "%s,%s,%s\n", quantum.Bitstring(i, 2), strconv.FormatFloat(p, 'g', 12, 64), count)
	}
	return fmt.Sprintf("bell-%d-shots-seed-%d.csv", m.shots, m.seed), []byte(b.String())
}

// Query returns shots, seed and whether the pair was measured.
func (m *Model) Query() url.Values {
	return url.Values{
		"shots":    {strconv.Itoa(m.shots)},
		"seed":     {strconv.FormatUint(m.seed, 10)},
		"measured": {strconv.FormatBool(m.counts != nil)},
	}
}
