package grover

import (
	"fmt"
	"math"
	"math/rand/v2"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"nexuslab/sim"
	"nexuslab/sim/quantum"
)

// Name is the simulation's name in URLs and data-sim attributes.
const Name = "grover"

// MaxIterations bounds the iterations a learner can step through: four
// times the optimal count at 10 qubits, enough to see the overshoot
// twice.
const MaxIterations = 100

var schema = sim.Schema{
	{Name: "qubits", Kind: sim.Int, Label: "Qubits", Help: "n qubits hold 2ⁿ items", Min: 2, Max: 10, Default: "3"},
	{Name: "marked", Kind: sim.Text, Label: "Marked items", Help: "The items the oracle recognises: numbers from 0 to 2ⁿ − 1, separated by spaces or commas", MaxLen: 400, Default: "5"},
	{Name: "shots", Kind: sim.Int, Label: "Shots", Help: "How many times the search is run and measured", Min: 1, Max: 100000, Default: "100"},
	{Name: "seed", Kind: sim.Int, Label: "Seed", Help: "The same seed gives the same counts", Min: 0, Max: 1<<31 - 1, Default: "1"},
	{Name: "steps", Kind: sim.Int, Label: "Half-steps done", Min: 0, Max: 2 * MaxIterations, Default: "0", Hidden: true},
	{Name: "measured", Kind: sim.Bool, Label: "Measured", Default: "false", Hidden: true},
}

var actions = []sim.Action{
	{Name: "step", Label: "Next step"},
	{Name: "iterate", Label: "Full iteration"},
	{Name: "optimal", Label: "Go to the optimal count"},
	{Name: "back", Label: "Back one step"},
	{Name: "restart", Label: "Start again"},
	{Name: "measure", Label: "Measure"},
}

// ParseMarked reads item numbers separated by spaces or commas for n
// qubits. It returns them sorted without repeats, or an error saying
// what is wrong in words a learner can act on, sim.Translatable.
func ParseMarked(s string, n int) ([]int, error) {
	size := 1 << n
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == ';' || r == '\t' || r == '\n' })
	if len(f) == 0 {
		return nil, sim.Errorf("mark at least one item, a number from 0 to %d", size-1)
	}
	var items []int
	for _, tok := range f {
		v, err := strconv.Atoi(tok)
		if err != nil {
			return nil, sim.Errorf("%q is not a whole number; items are numbered from 0 to %d", short(tok), size-1)
		}
		if v < 0 || v >= size {
			return nil, sim.Errorf("%d is not an item: with %d qubits the items are 0 to %d", v, n, size-1)
		}
		if !slices.Contains(items, v) {
			items = append(items, v)
		}
	}
	if len(items) >= size {
		return nil, sim.Errorf("every item is marked, so there is nothing to search for: leave at least one unmarked")
	}
	slices.Sort(items)
	return items, nil
}

func short(s string) string {
	if len(s) > 16 {
		return s[:13] + "..."
	}
	return s
}

// Model is the Grover simulation. Create it with New.
type Model struct {
	n        int
	marked   []int
	shots    int
	seed     uint64
	steps    int
	measured bool

	alpha, beta float64 // amplitude of each marked and each unmarked item
	prevA       float64 // the same one half-step earlier
	prevB       float64
	counts      []int // per item, once measured
	last        string
}

// New returns a model in its default state.
func New() *Model { return sim.Start(&Model{}) }

// Schema returns the parameters.
func (m *Model) Schema() sim.Schema { return schema }

// Actions returns the stepping actions and measure.
func (m *Model) Actions() []sim.Action { return actions }

// Reset sets the model from v. Marked items that cannot be read, or that
// lie beyond 2ⁿ − 1, are reported as a *sim.ParamError; the model then
// keeps the items it had that still fit, or item 0.
func (m *Model) Reset(v sim.Values) error {
	m.n = v.Int("qubits")
	m.shots = v.Int("shots")
	m.seed = uint64(v.Int("seed"))
	m.steps = v.Int("steps")
	m.measured = v.Bool("measured")
	m.last = ""
	marked, err := ParseMarked(v.String("marked"), m.n)
	if err != nil {
		var keep []int
		for _, x := range m.marked {
			if x < 1<<m.n {
				keep = append(keep, x)
			}
		}
		if len(keep) == 0 || len(keep) >= 1<<m.n {
			keep = []int{0}
		}
		m.marked = keep
		m.compute()
		return sim.ParamErrorf("marked", "%s; kept %s", err, itemList(keep))
	}
	m.marked = marked
	m.compute()
	return nil
}

// compute replays the half-steps from the uniform superposition.
func (m *Model) compute() {
	size := float64(int(1) << m.n)
	a := 1 / math.Sqrt(size)
	m.alpha, m.beta = a, a
	m.prevA, m.prevB = a, a
	for s := 1; s <= m.steps; s++ {
		m.prevA, m.prevB = m.alpha, m.beta
		if s%2 == 1 {
			m.alpha = -m.alpha
		} else {
			mean := m.Mean()
			m.alpha, m.beta = 2*mean-m.alpha, 2*mean-m.beta
		}
	}
	m.counts = nil
	if m.measured {
		probs := make([]float64, 1<<m.n)
		for i := range probs {
			probs[i] = m.beta * m.beta
		}
		for _, x := range m.marked {
			probs[x] = m.alpha * m.alpha
		}
		rng := rand.New(rand.NewPCG(m.seed, 0x67726f76))
		m.counts = quantum.Sample(rng, probs, m.shots)
	}
}

// Do steps, iterates, jumps to the optimal count, goes back, starts
// again or measures.
func (m *Model) Do(action string) error {
	switch action {
	case "step":
		m.steps = min(m.steps+1, 2*MaxIterations)
	case "iterate":
		m.steps = min(m.steps+2-m.steps%2, 2*MaxIterations)
	case "optimal":
		m.steps = 2 * m.Optimal()
	case "back":
		m.steps = max(m.steps-1, 0)
	case "restart":
		m.steps = 0
	case "measure":
		if m.measured {
			m.seed = (m.seed + 1) % (1 << 31)
		}
		m.measured = true
		m.last = action
		m.compute()
		return nil
	default:
		return sim.ErrUnknownAction(action)
	}
	m.measured = false
	m.last = action
	m.compute()
	return nil
}

// Qubits returns n.
func (m *Model) Qubits() int { return m.n }

// Size returns the number of items, 2ⁿ.
func (m *Model) Size() int { return 1 << m.n }

// Marked returns the marked items, sorted.
func (m *Model) Marked() []int { return m.marked }

// IsMarked reports whether item i is marked.
func (m *Model) IsMarked(i int) bool {
	_, ok := slices.BinarySearch(m.marked, i)
	return ok
}

// Steps returns the half-steps done.
func (m *Model) Steps() int { return m.steps }

// Iteration returns the full iterations done and whether the oracle of
// the next one has been applied.
func (m *Model) Iteration() (k int, oracle bool) { return m.steps / 2, m.steps%2 == 1 }

// Amplitudes returns the amplitude of each marked and each unmarked item.
func (m *Model) Amplitudes() (marked, unmarked float64) { return m.alpha, m.beta }

// Previous returns the amplitudes one half-step earlier, equal to the
// current ones at the start.
func (m *Model) Previous() (marked, unmarked float64) { return m.prevA, m.prevB }

// Mean returns the mean amplitude over all items.
func (m *Model) Mean() float64 {
	size := float64(int(1) << m.n)
	k := float64(len(m.marked))
	return (k*m.alpha + (size-k)*m.beta) / size
}

// Success returns the probability that measuring now gives a marked item.
func (m *Model) Success() float64 {
	return float64(len(m.marked)) * m.alpha * m.alpha
}

// Theta returns θ in radians, with sin θ = √(M/N).
func (m *Model) Theta() float64 {
	return math.Asin(math.Sqrt(float64(len(m.marked)) / float64(int(1)<<m.n)))
}

// SuccessAfter returns the probability of a marked item after k full
// iterations, sin²((2k+1)θ).
func (m *Model) SuccessAfter(k int) float64 {
	s := math.Sin(float64(2*k+1) * m.Theta())
	return s * s
}

// Optimal returns the iteration count with the highest success
// probability, the smaller on a tie.
func (m *Model) Optimal() int {
	best, arg := -1.0, 0
	limit := min(MaxIterations, int(math.Ceil(math.Pi/(4*m.Theta())))+1)
	for k := 0; k <= limit; k++ {
		if p := m.SuccessAfter(k); p > best+1e-12 {
			best, arg = p, k
		}
	}
	return arg
}

// Counts returns how often each item came up, or nil before measuring.
func (m *Model) Counts() []int { return m.counts }

// Shots returns the number of shots per measurement.
func (m *Model) Shots() int { return m.shots }

// Describe states the step reached, the amplitudes and the mean, the
// success probability, and where the optimal count lies.
func (m *Model) Describe(p sim.Printer) string {
	var b strings.Builder
	size := m.Size()
	k, oracle := m.Iteration()
	opt := m.Optimal()
	others := size - len(m.marked)
	switch {
	case m.last == "back":
		b.WriteString(p.Sprintf("Went back one step."))
		b.WriteString(" ")
	case m.last == "restart":
		b.WriteString(p.Sprintf("Started again."))
		b.WriteString(" ")
	case m.last == "optimal":
		b.WriteString(p.Sprintf("Jumped to the optimal count."))
		b.WriteString(" ")
	case (m.last == "step" || m.last == "iterate") && m.steps == 2*MaxIterations:
		b.WriteString(p.Sprintf("This is the last iteration the simulation shows."))
		b.WriteString(" ")
	}
	b.WriteString(p.Sprintf("Searching %d items on %d qubits for %s.", size, m.n, markedText(p, m.marked)))
	b.WriteString(" ")
	switch {
	case m.steps == 0:
		b.WriteString(p.Sprintf("Start: every item has amplitude %.3f, an equal superposition; a marked item is found with probability %.1f%%, as by guessing.",
			m.alpha, 100*m.Success()))
	case oracle:
		b.WriteString(p.Sprintf("Iteration %d, oracle applied: the sign of each marked amplitude flipped, to %.3f, while the %d others stay at %.3f. The mean amplitude is now %.3f. Next, the diffusion reflects every amplitude about this mean.",
			k+1, m.alpha, others, m.beta, m.Mean()))
	default:
		b.WriteString(p.Sprintf("Iteration %d done: reflecting about the mean %.3f took each marked amplitude from %.3f to %.3f and the %d others from %.3f to %.3f. A marked item is now found with probability %.1f%%.",
			k, (m.prevA+m.alpha)/2, m.prevA, m.alpha, others, m.prevB, m.beta, 100*m.Success()))
	}
	b.WriteString(" ")
	switch {
	case opt == 0:
		b.WriteString(p.Sprintf("With so many items marked, no iteration beats the first guess: the optimal count is 0."))
	case k < opt || k == opt && oracle:
		b.WriteString(p.Sprintf("The optimal count is %d iterations, for a success probability of %.1f%%; a classical search would check about %d items on average.",
			opt, 100*m.SuccessAfter(opt), classicalChecks(size, len(m.marked))))
	case k == opt:
		b.WriteString(p.Sprintf("This is the optimal count, %d iterations. One more would lower the success probability to %.1f%%.", opt, 100*m.SuccessAfter(opt+1)))
	default:
		b.WriteString(p.Sprintf("Past the optimal count of %d: the success probability was %.1f%% there and is %.1f%% after %d, because each iteration keeps turning the state past the marked items.",
			opt, 100*m.SuccessAfter(opt), 100*m.SuccessAfter(k), k))
	}
	if m.counts != nil {
		hits := 0
		for _, x := range m.marked {
			hits += m.counts[x]
		}
		b.WriteString(" ")
		b.WriteString(p.Sprintf("Measured %d shots with seed %d: a marked item came up %d times (%.1f%%).", m.shots, m.seed, hits, 100*float64(hits)/float64(m.shots)))
	}
	return b.String()
}

// classicalChecks is the mean number of items a classical search checks,
// drawing without replacement, before it finds one of marked among size:
// (size+1)/(marked+1).
func classicalChecks(size, marked int) int {
	return int(math.Round(float64(size+1) / float64(marked+1)))
}

func markedText(p sim.Printer, items []int) string {
	if len(items) == 1 {
		return p.Sprintf("the marked item %d", items[0])
	}
	return p.Sprintf("%d marked items (%s)", len(items), itemList(items))
}

func itemList(items []int) string {
	parts := make([]string, 0, 9)
	for i, x := range items {
		if i == 8 {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, strconv.Itoa(x))
	}
	return strings.Join(parts, ", ")
}

// Query returns every parameter.
func (m *Model) Query() url.Values {
	items := make([]string, len(m.marked))
	for i, x := range m.marked {
		items[i] = strconv.Itoa(x)
	}
	return url.Values{
		"qubits":   {strconv.Itoa(m.n)},
		"marked":   {strings.Join(items, " ")},
		"shots":    {strconv.Itoa(m.shots)},
		"seed":     {strconv.FormatUint(m.seed, 10)},
		"steps":    {strconv.Itoa(m.steps)},
		"measured": {strconv.FormatBool(m.measured)},
	}
}

// Export returns the success probability after each iteration up to
// twice the optimal count, or the current one if later, as CSV.
func (m *Model) Export() (string, []byte) {
	var b strings.Builder
	b.WriteString("iteration,marked_amplitude,unmarked_amplitude,success_probability,optimal\n")
	last := max(2*m.Optimal()+2, m.steps/2)
	g := func(x float64) string { return strconv.FormatFloat(x, 'g', 12, 64) }
	theta := m.Theta()
	size, k := float64(m.Size()), float64(len(m.marked))
	for i := 0; i <= last; i++ {
		// After i iterations: marked sin((2i+1)θ)/√M, unmarked cos((2i+1)θ)/√(N−M).
		a := math.Sin(float64(2*i+1)*theta) / math.Sqrt(k)
		u := math.Cos(float64(2*i+1)*theta) / math.Sqrt(size-k)
		opt := ""
		if i == m.Optimal() {
			opt = "yes"
		}
		b.WriteString(strconv.Itoa(i) + "," + g(a) + "," + g(u) + "," + g(m.SuccessAfter(i)) + "," + opt + "\n")
	}
	return fmt.Sprintf("grover-%d-qubits-%d-marked.csv", m.n, len(m.marked)), []byte(b.String())
}
