package bb84

import (
	"fmt"
	"math"
	"math/rand/v2"
	"net/url"
	"strconv"
	"strings"

	"nexuslab/sim"
)

// Name is the simulation's name in URLs and data-sim attributes.
const Name = "bb84"

// The stages of the protocol.
const (
	Prepared  = iota // Alice has chosen bits and bases
	Sent             // photons travelled and Bob measured
	Sifted           // bases compared, mismatches dropped
	Estimated        // a sample disclosed and the error rate estimated
	Finished         // aborted, or a key distilled
)

var schema = sim.Schema{
	{Name: "photons", Kind: sim.Int, Label: "Photons sent", Min: 16, Max: 100000, Default: "1000"},
	{Name: "eve", Kind: sim.Float, Label: "Eve intercepts (percent of photons)", Help: "Eve measures this share of the photons in a random basis and sends on what she saw", Min: 0, Max: 100, Step: 1, Default: "0"},
	{Name: "noise", Kind: sim.Float, Label: "Channel noise (percent of bits flipped)", Min: 0, Max: 20, Step: 0.5, Default: "1"},
	{Name: "sample", Kind: sim.Float, Label: "Sample disclosed (percent of sifted bits)", Help: "Bits compared in public to estimate the error rate, then thrown away", Min: 5, Max: 50, Step: 1, Default: "20"},
	{Name: "threshold", Kind: sim.Float, Label: "Abort above this error rate (percent)", Min: 0, Max: 25, Step: 0.5, Default: "11"},
	{Name: "seed", Kind: sim.Int, Label: "Seed", Help: "The same seed gives the same photons", Min: 0, Max: 1<<31 - 1, Default: "1"},
	{Name: "stage", Kind: sim.Int, Label: "Stage", Min: Prepared, Max: Finished, Default: "0", Hidden: true},
}

var actions = []sim.Action{
	{Name: "next", Label: "Next step"},
	{Name: "finish", Label: "Run all steps"},
	{Name: "restart", Label: "Back to the start"},
	{Name: "resend", Label: "Send new photons"},
}

// Photon is what happened to one photon. Bases are 0 for rectilinear (+)
// and 1 for diagonal (×).
type Photon struct {
	AliceBit, AliceBasis uint8
	Eve                  bool  // Eve intercepted it
	EveBasis, EveBit     uint8 // when Eve intercepted it
	BobBasis, BobBit     uint8
	Kept                 bool // bases matched
	Sampled              bool // disclosed to estimate errors
}

// Error reports whether a kept photon's bit differs between Alice and
// Bob.
func (p Photon) Error() bool { return p.Kept && p.AliceBit != p.BobBit }

// Model is the BB84 simulation. Create it with New.
type Model struct {
	photons   int
	eve       float64 // fraction
	noise     float64 // fraction
	sample    float64 // fraction
	threshold float64 // fraction
	seed      uint64
	stage     int

	run  []Photon
	res  Result
	last string
}

// Result sums up a run.
type Result struct {
	Sifted       int     // bits kept after sifting
	Sampled      int     // bits disclosed
	SampleErrors int     // errors among them
	QBER         float64 // estimated error rate, SampleErrors/Sampled
	TrueQBER     float64 // error rate over all kept bits, which Alice and Bob cannot see
	Expected     float64 // the error rate the settings predict
	Abort        bool    // QBER above the threshold
	Remaining    int     // kept bits not disclosed
	EveKnows     int     // remaining bits Eve measured in the right basis
	Key          int     // final key length; 0 when aborted
}

// New returns a model in its default state.
func New() *Model { return sim.Start(&Model{}) }

// Schema returns the parameters.
func (m *Model) Schema() sim.Schema { return schema }

// Actions returns next, finish, restart and resend.
func (m *Model) Actions() []sim.Action { return actions }

// Reset sets the model from v and plays the whole protocol.
func (m *Model) Reset(v sim.Values) error {
	m.photons = v.Int("photons")
	m.eve = v.Float("eve") / 100
	m.noise = v.Float("noise") / 100
	m.sample = v.Float("sample") / 100
	m.threshold = v.Float("threshold") / 100
	m.seed = uint64(v.Int("seed"))
	m.stage = v.Int("stage")
	m.last = ""
	m.play()
	return nil
}

// Do moves through the stages or sends new photons.
func (m *Model) Do(action string) error {
	switch action {
	case "next":
		if m.stage == Finished {
			action = "end"
		}
		m.stage = min(m.stage+1, Finished)
	case "finish":
		if m.stage == Finished {
			action = "end"
		}
		m.stage = Finished
	case "restart":
		m.stage = Prepared
	case "resend":
		m.seed = (m.seed + 1) % (1 << 31)
		m.play()
	default:
		return sim.ErrUnknownAction(action)
	}
	m.last = action
	return nil
}

// play runs the protocol from the seed.
func (m *Model) play() {
	rng := rand.New(rand.NewPCG(m.seed, 0x62623834))
	if cap(m.run) >= m.photons {
		m.run = m.run[:m.photons]
	} else {
		m.run = make([]Photon, m.photons)
	}
	kept := make([]int, 0, m.photons/2+16)
	for i := range m.run {
		p := Photon{AliceBit: bit(rng), AliceBasis: bit(rng)}
		bitOnLine, basisOnLine := p.AliceBit, p.AliceBasis
		if rng.Float64() < m.eve {
			p.Eve = true
			p.EveBasis = bit(rng)
			p.EveBit = measure(rng, bitOnLine, basisOnLine, p.EveBasis)
			bitOnLine, basisOnLine = p.EveBit, p.EveBasis
		}
		p.BobBasis = bit(rng)
		p.BobBit = measure(rng, bitOnLine, basisOnLine, p.BobBasis)
		if rng.Float64() < m.noise {
			p.BobBit ^= 1
		}
		p.Kept = p.AliceBasis == p.BobBasis
		if p.Kept {
			kept = append(kept, i)
		}
		m.run[i] = p
	}
	r := Result{Sifted: len(kept)}
	if len(kept) > 0 {
		r.Sampled = max(1, int(math.Round(m.sample*float64(len(kept)))))
	}
	// Choose the sample by a partial Fisher–Yates shuffle of the kept
	// positions.
	for i := range r.Sampled {
		j := i + rng.IntN(len(kept)-i)
		kept[i], kept[j] = kept[j], kept[i]
		m.run[kept[i]].Sampled = true
	}
	errs := 0
	for _, i := range kept {
		p := m.run[i]
		if p.Error() {
			errs++
			if p.Sampled {
				r.SampleErrors++
			}
		}
		if !p.Sampled && p.Eve && p.EveBasis == p.AliceBasis {
			r.EveKnows++
		}
	}
	if r.Sampled > 0 {
		r.QBER = float64(r.SampleErrors) / float64(r.Sampled)
	}
	if r.Sifted > 0 {
		r.TrueQBER = float64(errs) / float64(r.Sifted)
	}
	r.Expected = ExpectedQBER(m.eve, m.noise)
	r.Remaining = r.Sifted - r.Sampled
	r.Abort = r.Sampled == 0 || r.QBER > m.threshold
	if !r.Abort {
		r.Key = int(math.Floor(float64(r.Remaining) * KeyRate(r.QBER)))
	}
	m.res = r
}

func bit(rng *rand.Rand) uint8 { return uint8(rng.IntN(2)) }

// measure returns the bit a detector in basis sees for a photon carrying
// b in basis sent: b itself when the bases match, a fair coin otherwise.
func measure(rng *rand.Rand, b, sent, basis uint8) uint8 {
	if basis == sent {
		return b
	}
	return bit(rng)
}

// ExpectedQBER is the error rate on kept bits when Eve intercepts a
// fraction of the photons and noise flips a fraction of Bob's results.
func ExpectedQBER(fraction, noise float64) float64 {
	q := fraction / 4
	return q + noise - 2*q*noise
}

// KeyRate is the share of the remaining bits that survives error
// correction and privacy amplification at error rate q, 1 − 2h(q) in the
// asymptotic limit, and 0 when that is negative.
func KeyRate(q float64) float64 {
	return math.Max(0, 1-2*entropy(q))
}

// entropy is the binary entropy in bits.
func entropy(q float64) float64 {
	if q <= 0 || q >= 1 {
		return 0
	}
	return -q*math.Log2(q) - (1-q)*math.Log2(1-q)
}

// Photons returns the record of every photon sent.
func (m *Model) Photons() []Photon { return m.run }

// Result returns the outcome of the run.
func (m *Model) Result() Result { return m.res }

// Stage returns how far the protocol has been revealed.
func (m *Model) Stage() int { return m.stage }

// Eve returns the fraction of photons Eve intercepts.
func (m *Model) Eve() float64 { return m.eve }

// Noise returns the fraction of Bob's results the channel flips.
func (m *Model) Noise() float64 { return m.noise }

// Threshold returns the error rate above which Alice and Bob abort.
func (m *Model) Threshold() float64 { return m.threshold }

// Describe states the stage reached and its numbers.
func (m *Model) Describe(p sim.Printer) string {
	var b strings.Builder
	r := m.res
	n := len(m.run)
	switch m.last {
	case "resend":
		b.WriteString(p.Sprintf("New photons sent with seed %d.", m.seed))
		b.WriteString(" ")
	case "restart":
		b.WriteString(p.Sprintf("Back to the start of the same run."))
		b.WriteString(" ")
	case "end":
		b.WriteString(p.Sprintf("This run is complete; press Send new photons for another."))
		b.WriteString(" ")
	}
	eve := p.Sprintf("Eve is not listening")
	if m.eve > 0 {
		eve = p.Sprintf("Eve intercepts %.0f%% of them", 100*m.eve)
	}
	switch m.stage {
	case Prepared:
		b.WriteString(p.Sprintf("Step 1 of 5, Alice prepares: she picks %d random bits and, for each, a random basis, rectilinear (+) or diagonal (×), and will send each as one photon. %s; the channel flips %.1f%% of bits. Press Next step to send them.",
			n, eve, 100*m.noise))
	case Sent:
		b.WriteString(p.Sprintf("Step 2 of 5, photons sent: Bob measured all %d photons, each in a basis he chose at random. %s. Where Bob's basis differs from Alice's, his bit is a coin toss. Next, they compare bases in public.",
			n, eve))
	case Sifted:
		b.WriteString(p.Sprintf("Step 3 of 5, sifting: Alice and Bob announced their bases, not their bits, and kept the %d bits where the bases matched, %.1f%% of %d. Next, they check a sample for errors.",
			r.Sifted, pct(r.Sifted, n), n))
	case Estimated:
		b.WriteString(p.Sprintf("Step 4 of 5, error estimate: they disclosed %d of the %d kept bits and found %d that differ: an error rate of %.1f%%. The settings predict %.1f%%; the abort threshold is %.1f%%.",
			r.Sampled, r.Sifted, r.SampleErrors, 100*r.QBER, 100*r.Expected, 100*m.threshold))
	case Finished:
		if r.Abort {
			b.WriteString(p.Sprintf("Step 5 of 5, aborted: the estimated error rate %.1f%% is above the threshold %.1f%%, so Alice and Bob throw the bits away. Someone may be listening; no key is made from these %d photons.",
				100*r.QBER, 100*m.threshold, n))
		} else {
			b.WriteString(p.Sprintf("Step 5 of 5, key: the error rate %.1f%% is within the threshold %.1f%%. Of the %d bits left after the sample, error correction and privacy amplification keep %d as a secret key, %.1f%% of the %d photons sent.",
				100*r.QBER, 100*m.threshold, r.Remaining, r.Key, pct(r.Key, n), n))
		}
		if r.EveKnows > 0 {
			b.WriteString(" ")
			b.WriteString(p.Sprintf("Eve guessed the right basis for %d of the remaining bits, which privacy amplification is there to make worthless.", r.EveKnows))
		}
	}
	return b.String()
}

func pct(a, n int) float64 {
	if n == 0 {
		return 0
	}
	return 100 * float64(a) / float64(n)
}

// Query returns every parameter.
func (m *Model) Query() url.Values {
	f := func(x float64) string { return strconv.FormatFloat(math.Round(x*1e6)/1e4, 'g', -1, 64) }
	return url.Values{
		"photons":   {strconv.Itoa(m.photons)},
		"eve":       {f(m.eve)},
		"noise":     {f(m.noise)},
		"sample":    {f(m.sample)},
		"threshold": {f(m.threshold)},
		"seed":      {strconv.FormatUint(m.seed, 10)},
		"stage":     {strconv.Itoa(m.stage)},
	}
}

// Export returns one row per photon as CSV: what Alice sent, what Eve
// did, what Bob measured, and its fate in sifting and sampling.
func (m *Model) Export() (string, []byte) {
	var b strings.Builder
	b.Grow(40 * (len(m.run) + 1))
	b.WriteString("photon,alice_bit,alice_basis,eve_intercepted,eve_basis,eve_bit,bob_basis,bob_bit,kept,sampled,error\n")
	basis := [2]string{"+", "x"}
	flag := func(v bool) string {
		if v {
			return "1"
		}
		return "0"
	}
	for i, p := range m.run {
		eb, ebit := "", ""
		if p.Eve {
			eb, ebit = basis[p.EveBasis], strconv.Itoa(int(p.EveBit))
		}
		b.WriteString(strings.Join([]string{
			strconv.Itoa(i + 1), strconv.Itoa(int(p.AliceBit)), basis[p.AliceBasis], flag(p.Eve), eb, ebit,
			basis[p.BobBasis], strconv.Itoa(int(p.BobBit)), flag(p.Kept), flag(p.Sampled), flag(p.Error()),
		}, ","))
		b.WriteString("\n")
	}
	return fmt.Sprintf("bb84-%d-photons-eve-%s-seed-%d.csv", len(m.run), m.Query().Get("eve"), m.seed), []byte(b.String())
}
