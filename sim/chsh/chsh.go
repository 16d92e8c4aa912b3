package chsh

import (
	"fmt"
	"math"
	"math/rand/v2"
	"net/url"
	"strconv"
	"strings"

	"nexuslab/sim"
	"nexuslab/sim/quantum"
)

// Name is the simulation's name in URLs and data-sim attributes.
const Name = "chsh"

// The sources of pairs.
const (
	Entangled = "entangled"
	Classical = "classical"
)

// Best are the angles a₀, a₁, b₀, b₁ in degrees at which the entangled
// source reaches Tsirelson's bound.
var Best = [4]float64{0, 90, 45, -45}

// Tsirelson is the largest S quantum mechanics allows, 2√2.
const Tsirelson = 2 * math.Sqrt2

var schema = sim.Schema{
	{Name: "a0", Kind: sim.Float, Label: "Alice's first angle a₀ (degrees)", Min: -180, Max: 180, Step: 0.5, Default: "0"},
	{Name: "a1", Kind: sim.Float, Label: "Alice's second angle a₁ (degrees)", Min: -180, Max: 180, Step: 0.5, Default: "90"},
	{Name: "b0", Kind: sim.Float, Label: "Bob's first angle b₀ (degrees)", Min: -180, Max: 180, Step: 0.5, Default: "45"},
	{Name: "b1", Kind: sim.Float, Label: "Bob's second angle b₁ (degrees)", Min: -180, Max: 180, Step: 0.5, Default: "-45"},
	{Name: "source", Kind: sim.Choice, Label: "Source of pairs", Help: "entangled: a Bell pair of qubits; classical: answers fixed in advance by a shared random angle", Choices: []string{Entangled, Classical}, Default: Entangled},
	{Name: "rounds", Kind: sim.Int, Label: "Rounds", Help: "How many pairs are measured; each round both sides pick a setting at random", Min: 4, Max: 200000, Default: "4000"},
	{Name: "seed", Kind: sim.Int, Label: "Seed", Help: "The same seed gives the same results", Min: 0, Max: 1<<31 - 1, Default: "1"},
	{Name: "measured", Kind: sim.Bool, Label: "Measured", Default: "false", Hidden: true},
}

var actions = []sim.Action{
	{Name: "run", Label: "Run the test"},
	{Name: "best", Label: "Use the best angles"},
	{Name: "clear", Label: "Clear results"},
}

// Model is the CHSH simulation. Create it with New.
type Model struct {
	angles   [4]float64 // a₀, a₁, b₀, b₁ in degrees
	source   string
	rounds   int
	seed     uint64
	measured bool

	probs  [2][2][4]float64 // outcome probabilities per setting pair; outcome = alice + 2·bob, 0 meaning +1
	counts [2][2][4]int     // sampled outcomes per setting pair
	last   string
}

// New returns a model in its default state.
func New() *Model { return sim.Start(&Model{}) }

// Schema returns the parameters.
func (m *Model) Schema() sim.Schema { return schema }

// Actions returns run, best and clear.
func (m *Model) Actions() []sim.Action { return actions }

// Reset sets the model from v.
func (m *Model) Reset(v sim.Values) error {
	m.angles = [4]float64{v.Float("a0"), v.Float("a1"), v.Float("b0"), v.Float("b1")}
	m.source = v.String("source")
	m.rounds = v.Int("rounds")
	m.seed = uint64(v.Int("seed"))
	m.measured = v.Bool("measured")
	m.last = ""
	return m.compute()
}

// Do runs the test, sets the best angles or clears the results.
func (m *Model) Do(action string) error {
	switch action {
	case "run":
		if m.measured {
			m.seed = (m.seed + 1) % (1 << 31)
		}
		m.measured = true
	case "best":
		m.angles = Best
		m.measured = false
	case "clear":
		m.measured = false
	default:
		return sim.ErrUnknownAction(action)
	}
	m.last = action
	return m.compute()
}

// Turn turns angle i (0 a₀, 1 a₁, 2 b₀, 3 b₁) by delta degrees, wrapping
// round to stay within −180° and 180°, and clears the results, which
// belong to the old angles.
func (m *Model) Turn(i int, delta float64) error {
	if i < 0 || i > 3 {
		return fmt.Errorf("chsh: no angle %d", i)
	}
	a := math.Mod(m.angles[i]+delta, 360)
	switch {
	case a > 180:
		a -= 360
	case a < -180:
		a += 360
	}
	m.angles[i] = math.Round(a*2) / 2
	m.measured = false
	m.last = "turn " + strconv.Itoa(i)
	return m.compute()
}

// compute finds the outcome probabilities of each setting pair and, when
// measured, plays the rounds.
func (m *Model) compute() error {
	for i := range 2 {
		for j := range 2 {
			p, err := m.outcomeProbs(m.angles[i], m.angles[2+j])
			if err != nil {
				return err
			}
			m.probs[i][j] = p
		}
	}
	m.counts = [2][2][4]int{}
	if !m.measured {
		return nil
	}
	rng := rand.New(rand.NewPCG(m.seed, 0x63687368))
	for range m.rounds {
		i, j := rng.IntN(2), rng.IntN(2)
		var out int
		if m.source == Classical {
			lambda := rng.Float64() * 2 * math.Pi
			out = sign(m.angles[i], lambda) + 2*sign(m.angles[2+j], lambda)
		} else {
			u := rng.Float64()
			p := m.probs[i][j]
			for out = 0; out < 3 && u >= p[out]; out++ {
				u -= p[out]
			}
		}
		m.counts[i][j][out]++
	}
	return nil
}

// sign is the classical side's answer for a measurement at angle degrees
// given the shared angle lambda: 0 for +1, 1 for −1.
func sign(angle, lambda float64) int {
	if math.Cos(angle*math.Pi/180-lambda) >= 0 {
		return 0
	}
	return 1
}

// outcomeProbs returns the probabilities of the outcomes ++, −+, +−, −−
// (Alice first) for measurements along a and b.
func (m *Model) outcomeProbs(a, b float64) ([4]float64, error) {
	if m.source == Classical {
		e := ClassicalCorrelation(a, b)
		same, diff := (1+e)/4, (1-e)/4
		return [4]float64{same, diff, diff, same}, nil
	}
	s, err := quantum.New(2)
	if err != nil {
		return [4]float64{}, fmt.Errorf("chsh: %w", err)
	}
	s.H(0)
	s.CX(0, 1)
	if err := s.Apply("ry", []float64{-a * math.Pi / 180}, 0); err != nil {
		return [4]float64{}, fmt.Errorf("chsh: turn Alice's qubit: %w", err)
	}
	if err := s.Apply("ry", []float64{-b * math.Pi / 180}, 1); err != nil {
		return [4]float64{}, fmt.Errorf("chsh: turn Bob's qubit: %w", err)
	}
	var p [4]float64
	copy(p[:], s.Probabilities(nil))
	return p, nil
}

// ClassicalCorrelation is the correlation of the shared-angle local model
// for measurements at a and b degrees: 1 − 2|a − b|/180°, the difference
// taken the short way round the circle.
func ClassicalCorrelation(a, b float64) float64 {
	d := math.Abs(math.Mod(a-b, 360))
	if d > 180 {
		d = 360 - d
	}
	return 1 - 2*d/180
}

// correlation returns Σ ±p: + when both results agree.
func correlation(p [4]float64) float64 { return p[0] - p[1] - p[2] + p[3] }

// Predicted returns the exact correlations E(aᵢ, bⱼ) and S.
func (m *Model) Predicted() (e [2][2]float64, s float64) {
	for i := range 2 {
		for j := range 2 {
			e[i][j] = correlation(m.probs[i][j])
		}
	}
	return e, e[0][0] + e[0][1] + e[1][0] - e[1][1]
}

// Measured returns the correlations estimated from the rounds, S, a
// conservative standard error and whether the test has been run. A
// setting pair that never came up counts as correlation 0.
func (m *Model) Measured() (e [2][2]float64, s, se float64, ok bool) {
	if !m.measured {
		return e, 0, 0, false
	}
	v := 0.0
	for i := range 2 {
		for j := range 2 {
			c := m.counts[i][j]
			n := c[0] + c[1] + c[2] + c[3]
			if n == 0 {
				v += 1
				continue
			}
			e[i][j] = float64(c[0]-c[1]-c[2]+c[3]) / float64(n)
			// Each product is ±1, so its variance is at most 1: the
			// conservative bound keeps a small run from claiming a
			// precision it does not have when its sample happens to be
			// all +1.
			v += 1 / float64(n)
		}
	}
	return e, e[0][0] + e[0][1] + e[1][0] - e[1][1], math.Sqrt(v), true
}

// Counts returns the outcomes ++, −+, +−, −− of the rounds in which Alice
// used setting i and Bob setting j.
func (m *Model) Counts(i, j int) [4]int { return m.counts[i][j] }

// Angles returns a₀, a₁, b₀ and b₁ in degrees.
func (m *Model) Angles() [4]float64 { return m.angles }

// Source returns Entangled or Classical.
func (m *Model) Source() string { return m.source }

// Rounds returns the number of rounds per run.
func (m *Model) Rounds() int { return m.rounds }

// Describe states the settings, the prediction and, once run, the result.
func (m *Model) Describe(p sim.Printer) string {
	var b strings.Builder
	switch m.last {
	case "best":
		b.WriteString(p.Sprintf("Angles set to the best choice."))
		b.WriteString(" ")
	case "clear":
		b.WriteString(p.Sprintf("Results cleared."))
		b.WriteString(" ")
	case "turn 0", "turn 1", "turn 2", "turn 3":
		i := int(m.last[5] - '0')
		names := [4]string{"a₀", "a₁", "b₀", "b₁"}
		b.WriteString(p.Sprintf("%s turned to %s°.", names[i], deg(m.angles[i])))
		b.WriteString(" ")
	}
	a := m.angles
	src := p.Sprintf("an entangled pair of qubits")
	if m.source == Classical {
		src = p.Sprintf("a classical source whose answers are fixed in advance by a shared random angle")
	}
	b.WriteString(p.Sprintf("Alice measures at a₀ = %s° or a₁ = %s°, Bob at b₀ = %s° or b₁ = %s°, on %s.",
		deg(a[0]), deg(a[1]), deg(a[2]), deg(a[3]), src))
	e, s := m.Predicted()
	b.WriteString(" ")
	b.WriteString(p.Sprintf("Predicted correlations: E(a₀,b₀) = %.2f, E(a₀,b₁) = %.2f, E(a₁,b₀) = %.2f, E(a₁,b₁) = %.2f, so S = %.3f.",
		e[0][0], e[0][1], e[1][0], e[1][1], s))
	b.WriteString(" ")
	b.WriteString(verdict(p, s))
	if me, ms, se, ok := m.Measured(); ok {
		b.WriteString(" ")
		b.WriteString(p.Sprintf("Ran %d rounds with seed %d: measured E(a₀,b₀) = %.2f, E(a₀,b₁) = %.2f, E(a₁,b₀) = %.2f, E(a₁,b₁) = %.2f, so S = %.3f ± %.3f (one standard error, conservative).",
			m.rounds, m.seed, me[0][0], me[0][1], me[1][0], me[1][1], ms, se))
		b.WriteString(" ")
		if math.Abs(ms) > Tsirelson {
			b.WriteString(p.Sprintf("That is above 2√2, which no quantum system reaches on average: with this few rounds the estimate is mostly noise."))
		} else if z := (math.Abs(ms) - 2) / se; z > 3 {
			b.WriteString(p.Sprintf("That is %.0f standard errors above the classical bound: no local hidden-variable model explains it.", z))
		} else if z > 0 {
			b.WriteString(p.Sprintf("That is above 2, but by fewer than 3 standard errors: run more rounds before drawing a conclusion."))
		} else {
			b.WriteString(p.Sprintf("That is within the classical bound: these results could come from answers fixed in advance."))
		}
	} else {
		b.WriteString(" ")
		b.WriteString(p.Sprintf("Press Run the test to play %d rounds.", m.rounds))
	}
	if m.angles != Best && m.source == Entangled {
		b.WriteString(" ")
		b.WriteString(p.Sprintf("The best angles are a₀ = 0°, a₁ = 90°, b₀ = 45°, b₁ = −45°, or the same four turned together."))
	}
	return b.String()
}

// verdict compares a predicted S with the two bounds.
func verdict(p sim.Printer, s float64) string {
	abs := math.Abs(s)
	switch {
	case abs > Tsirelson-1e-9:
		return p.Sprintf("|S| reaches Tsirelson's bound 2√2 ≈ 2.828, the most quantum mechanics allows, above the classical bound 2.")
	case abs > 2+1e-9:
		return p.Sprintf("|S| is above the classical bound 2 and below Tsirelson's bound 2√2 ≈ 2.828.")
	case abs > 2-1e-9:
		return p.Sprintf("|S| equals the classical bound 2: answers fixed in advance could do as well.")
	}
	return p.Sprintf("|S| is below the classical bound 2: these settings show no violation.")
}

func deg(x float64) string {
	if x == 0 {
		return "0"
	}
	s := strconv.FormatFloat(x, 'f', -1, 64)
	return strings.Replace(s, "-", "−", 1)
}

// Query returns every parameter.
func (m *Model) Query() url.Values {
	f := func(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
	return url.Values{
		"a0":       {f(m.angles[0])},
		"a1":       {f(m.angles[1])},
		"b0":       {f(m.angles[2])},
		"b1":       {f(m.angles[3])},
		"source":   {m.source},
		"rounds":   {strconv.Itoa(m.rounds)},
		"seed":     {strconv.FormatUint(m.seed, 10)},
		"measured": {strconv.FormatBool(m.measured)},
	}
}

// Export returns, per setting pair, the angles, the predicted
// correlation and, once run, the counts and the measured correlation, as
// CSV.
func (m *Model) Export() (string, []byte) {
	var b strings.Builder
	b.WriteString("alice_setting,bob_setting,alice_deg,bob_deg,predicted_E,count_pp,count_mp,count_pm,count_mm,measured_E\n")
	pe, _ := m.Predicted()
	me, _, _, ok := m.Measured()
	f := func(x float64) string { return strconv.FormatFloat(x, 'g', 10, 64) }
	for i := range 2 {
		for j := range 2 {
			row := []string{"a" + strconv.Itoa(i), "b" + strconv.Itoa(j), f(m.angles[i]), f(m.angles[2+j]), f(pe[i][j])}
			if ok {
				c := m.counts[i][j]
				row = append(row, strconv.Itoa(c[0]), strconv.Itoa(c[1]), strconv.Itoa(c[2]), strconv.Itoa(c[3]), f(me[i][j]))
			} else {
				row = append(row, "", "", "", "", "")
			}
			b.WriteString(strings.Join(row, ","))
			b.WriteString("\n")
		}
	}
	return fmt.Sprintf("chsh-%s-%d-rounds-seed-%d.csv", m.source, m.rounds, m.seed), []byte(b.String())
}
