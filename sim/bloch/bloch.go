package bloch

import (
	"fmt"
	"math"
	"math/cmplx"
	"math/rand/v2"
	"net/url"
	"strconv"
	"strings"

	"nexuslab/sim"
	"nexuslab/sim/quantum"
)

// Name is the simulation's name in URLs and data-sim attributes.
const Name = "bloch"

// MaxGates is the longest gate history the model keeps: enough for any
// lesson, short enough for a URL.
const MaxGates = 200

// Starts are the start states, as written in the start parameter.
var Starts = []string{"0", "1", "+", "-", "+i", "-i"}

// Bases are the measurement bases.
var Bases = []string{"Z", "X", "Y"}

var schema = sim.Schema{
	{Name: "start", Kind: sim.Choice, Label: "Starting state", Help: "One of the six states at the ends of the sphere's axes", Choices: Starts, ChoiceLabels: []string{"|0⟩", "|1⟩", "|+⟩", "|−⟩", "|+i⟩", "|−i⟩"}, Default: "0"},
	{Name: "angle", Kind: sim.Float, Label: "Rotation angle (degrees)", Help: "How far the Rx, Ry and Rz buttons turn the state", Min: -360, Max: 360, Step: 0.5, Default: "90"},
	{Name: "basis", Kind: sim.Choice, Label: "Measurement basis", Help: "Z gives 0 or 1; X gives + or −; Y gives +i or −i", Choices: Bases, Default: "Z"},
	{Name: "shots", Kind: sim.Int, Label: "Shots", Help: "How many copies of the state are measured", Min: 1, Max: 100000, Default: "100"},
	{Name: "seed", Kind: sim.Int, Label: "Seed", Help: "The same seed gives the same counts", Min: 0, Max: 1<<31 - 1, Default: "1"},
	{Name: "gates", Kind: sim.Text, Label: "Gates applied", MaxLen: 2400, Default: "", Hidden: true},
	{Name: "measured", Kind: sim.Bool, Label: "Measured", Default: "false", Hidden: true},
	{Name: "yaw", Kind: sim.Float, Label: "View azimuth (degrees)", Min: -180, Max: 180, Default: "30", Hidden: true},
	{Name: "pitch", Kind: sim.Float, Label: "View elevation (degrees)", Min: -90, Max: 90, Default: "20", Hidden: true},
}

var actions = []sim.Action{
	{Name: "x", Label: "X"},
	{Name: "y", Label: "Y"},
	{Name: "z", Label: "Z"},
	{Name: "h", Label: "H"},
	{Name: "s", Label: "S"},
	{Name: "t", Label: "T"},
	{Name: "rx", Label: "Rx(angle)"},
	{Name: "ry", Label: "Ry(angle)"},
	{Name: "rz", Label: "Rz(angle)"},
	{Name: "measure", Label: "Measure"},
	{Name: "undo", Label: "Undo gate"},
	{Name: "clear", Label: "Start again"},
}

// Gate is one gate in the history.
type Gate struct {
	Name  string  // x, y, z, h, s, t, rx, ry or rz
	Angle float64 // degrees, for rx, ry and rz
}

// String writes the gate as it appears in the gates parameter, such as
// "h" or "rx22.5".
func (g Gate) String() string {
	if isRotation(g.Name) {
		return g.Name + strconv.FormatFloat(g.Angle, 'g', -1, 64)
	}
	return g.Name
}

// Label writes the gate for people, such as "H" or "Rx(22.5°)".
func (g Gate) Label() string {
	if isRotation(g.Name) {
		return "R" + g.Name[1:] + "(" + strconv.FormatFloat(g.Angle, 'g', -1, 64) + "°)"
	}
	return strings.ToUpper(g.Name)
}

func isRotation(name string) bool { return name == "rx" || name == "ry" || name == "rz" }

// Rotation returns the unit axis and the angle in radians by which g
// turns the Bloch sphere.
func (g Gate) Rotation() (axis [3]float64, angle float64) {
	r := math.Sqrt2 / 2
	switch g.Name {
	case "x":
		return [3]float64{1, 0, 0}, math.Pi
	case "y":
		return [3]float64{0, 1, 0}, math.Pi
	case "z":
		return [3]float64{0, 0, 1}, math.Pi
	case "h":
		return [3]float64{r, 0, r}, math.Pi
	case "s":
		return [3]float64{0, 0, 1}, math.Pi / 2
	case "t":
		return [3]float64{0, 0, 1}, math.Pi / 4
	case "rx":
		return [3]float64{1, 0, 0}, g.Angle * math.Pi / 180
	case "ry":
		return [3]float64{0, 1, 0}, g.Angle * math.Pi / 180
	case "rz":
		return [3]float64{0, 0, 1}, g.Angle * math.Pi / 180
	}
	return [3]float64{0, 0, 1}, 0
}

// ParseGates reads a history written as gate names separated by spaces,
// rotations followed by their angle in degrees: "h t rx22.5". It returns
// the gates it could read and an error naming the first it could not,
// sim.Translatable.
func ParseGates(s string) ([]Gate, error) {
	var gates []Gate
	var bad error
	for _, tok := range strings.Fields(strings.ToLower(s)) {
		g, err := parseGate(tok)
		if err != nil {
			if bad == nil {
				bad = err
			}
			continue
		}
		if len(gates) == MaxGates {
			if bad == nil {
				bad = sim.Errorf("the history holds at most %d gates; the rest were dropped", MaxGates)
			}
			break
		}
		gates = append(gates, g)
	}
	return gates, bad
}

func parseGate(tok string) (Gate, error) {
	switch tok {
	case "x", "y", "z", "h", "s", "t":
		return Gate{Name: tok}, nil
	}
	if len(tok) > 2 && isRotation(tok[:2]) {
		a, err := strconv.ParseFloat(tok[2:], 64)
		if err == nil && !math.IsNaN(a) && math.Abs(a) <= 360 {
			return Gate{Name: tok[:2], Angle: a}, nil
		}
		return Gate{}, sim.Errorf("%q: the angle of a rotation must be a number of degrees from -360 to 360", short(tok))
	}
	return Gate{}, sim.Errorf("%q is not a gate: use x, y, z, h, s, t, or rx, ry, rz followed by an angle", short(tok))
}

func short(s string) string {
	if len(s) > 16 {
		return s[:13] + "..."
	}
	return s
}

// Model is the Bloch-sphere simulation. Create it with New.
type Model struct {
	start    string
	angle    float64 // degrees
	basis    string
	shots    int
	seed     uint64
	gates    []Gate
	measured bool
	yaw      float64 // degrees
	pitch    float64 // degrees

	amp    [2]complex128 // the state, global phase removed
	counts [2]int        // outcomes + and − in the basis, once measured
	last   string        // what the last action did, for Describe

	reduced bool
	anim    *animation
}

// animation is a gate being drawn: the vector turning from its old place
// about an axis.
type animation struct {
	from  [3]float64
	axis  [3]float64
	angle float64 // radians
	t     float64 // progress from 0 to 1
}

// animSeconds is how long a half turn takes to draw; smaller turns take
// less, down to a floor that keeps T gates visible.
const animSeconds = 0.8

// New returns a model in its default state.
func New() *Model { return sim.Start(&Model{}) }

// Schema returns the parameters.
func (m *Model) Schema() sim.Schema { return schema }

// Actions returns the gate buttons, measure, undo and start again.
func (m *Model) Actions() []sim.Action { return actions }

// Reset sets the model from v, replaying the gate history. A history
// with unreadable gates keeps the readable ones and returns a
// *sim.ParamError naming the first bad one.
func (m *Model) Reset(v sim.Values) error {
	m.start = v.String("start")
	m.angle = v.Float("angle")
	m.basis = v.String("basis")
	m.shots = v.Int("shots")
	m.seed = uint64(v.Int("seed"))
	m.measured = v.Bool("measured")
	m.yaw = v.Float("yaw")
	m.pitch = v.Float("pitch")
	m.anim = nil
	gates, err := ParseGates(v.String("gates"))
	m.gates = gates
	m.last = ""
	if cerr := m.compute(); cerr != nil {
		return cerr
	}
	if err != nil {
		return sim.ParamErrorf("gates", "%s", err)
	}
	return nil
}

// compute replays the history on the engine and, when measured, samples.
func (m *Model) compute() error {
	s, err := quantum.New(1)
	if err != nil {
		return fmt.Errorf("bloch: %w", err)
	}
	var prep []string
	switch m.start {
	case "1":
		prep = []string{"x"}
	case "+":
		prep = []string{"h"}
	case "-":
		prep = []string{"x", "h"}
	case "+i":
		prep = []string{"h", "s"}
	case "-i":
		prep = []string{"h", "sdg"}
	}
	for _, g := range prep {
		if err := s.Apply(g, nil, 0); err != nil {
			return fmt.Errorf("bloch: prepare %s: %w", m.start, err)
		}
	}
	for _, g := range m.gates {
		var params []float64
		if isRotation(g.Name) {
			params = []float64{g.Angle * math.Pi / 180}
		}
		if err := s.Apply(g.Name, params, 0); err != nil {
			return fmt.Errorf("bloch: apply %s: %w", g, err)
		}
	}
	a := s.Amplitudes()
	m.amp = [2]complex128{a[0], a[1]}
	// Remove the global phase so that the amplitude of |0⟩ is real and
	// not negative, as the usual form cos(θ/2)|0⟩ + e^{iφ}sin(θ/2)|1⟩ has.
	ref := a[0]
	if cmplx.Abs(ref) < 1e-12 {
		ref = a[1]
	}
	if r := cmplx.Abs(ref); r > 0 {
		ph := ref / complex(r, 0)
		m.amp[0] /= ph
		m.amp[1] /= ph
	}
	m.amp[0], m.amp[1] = clean(m.amp[0]), clean(m.amp[1])
	m.counts = [2]int{}
	if m.measured {
		rng := rand.New(rand.NewPCG(m.seed, 0x626c6f63))
		c := quantum.Sample(rng, m.Probabilities(), m.shots)
		m.counts = [2]int{c[0], c[1]}
	}
	return nil
}

// clean rounds parts within 1e-12 of zero to zero, so that a state such
// as H|0⟩ does not print as 0.7071−0.0000i.
func clean(z complex128) complex128 {
	re, im := real(z), imag(z)
	if math.Abs(re) < 1e-12 {
		re = 0
	}
	if math.Abs(im) < 1e-12 {
		im = 0
	}
	return complex(re, im)
}

// Do applies a gate, measures, undoes the last gate or starts again.
func (m *Model) Do(action string) error {
	switch action {
	case "x", "y", "z", "h", "s", "t", "rx", "ry", "rz":
		g := Gate{Name: action}
		if isRotation(action) {
			g.Angle = m.angle
		}
		return m.Apply(g)
	case "measure":
		if m.measured {
			m.seed = (m.seed + 1) % (1 << 31)
		}
		m.measured = true
		m.last = "measure"
	case "undo":
		if len(m.gates) == 0 {
			m.last = "nothing to undo"
			return nil
		}
		m.gates = m.gates[:len(m.gates)-1]
		m.measured = false
		m.anim = nil
		m.last = "undo"
	case "clear":
		m.gates = nil
		m.measured = false
		m.anim = nil
		m.last = "clear"
	default:
		return sim.ErrUnknownAction(action)
	}
	return m.compute()
}

// Apply appends g to the history and starts its animation. It returns an
// error when the history is full.
func (m *Model) Apply(g Gate) error {
	if len(m.gates) >= MaxGates {
		return fmt.Errorf("bloch: %w", sim.Errorf("the history holds at most %d gates; press Start again or Undo gate", MaxGates))
	}
	from := m.Vector()
	m.gates = append(m.gates, g)
	m.measured = false
	m.last = "gate"
	if err := m.compute(); err != nil {
		return err
	}
	axis, angle := g.Rotation()
	m.anim = nil
	if !m.reduced && angle != 0 {
		m.anim = &animation{from: from, axis: axis, angle: angle}
	}
	return nil
}

// Active reports whether a gate is being animated.
func (m *Model) Active() bool { return m.anim != nil }

// Advance moves the animation on by seconds.
func (m *Model) Advance(seconds float64) {
	if m.anim == nil {
		return
	}
	d := animSeconds * math.Max(0.35, math.Abs(m.anim.angle)/math.Pi)
	m.anim.t += math.Max(0, seconds) / d
	if m.anim.t >= 1 {
		m.anim = nil
	}
}

// SetReducedMotion stops animating gates when reduced is true.
func (m *Model) SetReducedMotion(reduced bool) {
	m.reduced = reduced
	if reduced {
		m.anim = nil
	}
}

// Turn turns the view by the given degrees of azimuth and elevation,
// keeping the elevation within ±90°.
func (m *Model) Turn(dyaw, dpitch float64) {
	y := math.Mod(m.yaw+dyaw, 360)
	if y > 180 {
		y -= 360
	} else if y < -180 {
		y += 360
	}
	m.yaw = math.Round(y*10) / 10
	m.pitch = math.Round(math.Max(-90, math.Min(90, m.pitch+dpitch))*10) / 10
	m.last = "turn"
}

// View returns the view's azimuth and elevation in degrees.
func (m *Model) View() (yaw, pitch float64) { return m.yaw, m.pitch }

// Amplitudes returns the amplitudes of |0⟩ and |1⟩, the first real and
// not negative.
func (m *Model) Amplitudes() [2]complex128 { return m.amp }

// Vector returns the Bloch vector (x, y, z) of the state.
func (m *Model) Vector() [3]float64 {
	a, b := m.amp[0], m.amp[1]
	ab := cmplx.Conj(a) * b
	return [3]float64{2 * real(ab), 2 * imag(ab), real(a)*real(a) + imag(a)*imag(a) - real(b)*real(b) - imag(b)*imag(b)}
}

// Drawn returns the vector to draw now: the state, or a point on its way
// there while a gate is animated, and the axis of that gate (zero when
// none is animated).
func (m *Model) Drawn() (v [3]float64, axis [3]float64) {
	if m.anim == nil {
		return m.Vector(), [3]float64{}
	}
	return rotate(m.anim.from, m.anim.axis, m.anim.angle*easing(m.anim.t)), m.anim.axis
}

// easing starts and ends the turn gently.
func easing(t float64) float64 { return t * t * (3 - 2*t) }

// rotate turns v about the unit axis k by angle radians (Rodrigues).
func rotate(v, k [3]float64, angle float64) [3]float64 {
	c, s := math.Cos(angle), math.Sin(angle)
	cross := [3]float64{k[1]*v[2] - k[2]*v[1], k[2]*v[0] - k[0]*v[2], k[0]*v[1] - k[1]*v[0]}
	dot := k[0]*v[0] + k[1]*v[1] + k[2]*v[2]
	var r [3]float64
	for i := range r {
		r[i] = v[i]*c + cross[i]*s + k[i]*dot*(1-c)
	}
	return r
}

// Angles returns θ and φ in degrees: θ from +z, φ from +x towards +y in
// [0, 360). φ is 0 at the poles, where it means nothing.
func (m *Model) Angles() (theta, phi float64) {
	v := m.Vector()
	theta = math.Acos(math.Max(-1, math.Min(1, v[2]))) * 180 / math.Pi
	if math.Hypot(v[0], v[1]) < 1e-9 {
		return theta, 0
	}
	phi = math.Atan2(v[1], v[0]) * 180 / math.Pi
	if phi < 0 {
		phi += 360
	}
	if phi >= 359.9999999 {
		phi = 0
	}
	return theta, phi
}

// Probabilities returns the probabilities of the two outcomes in the
// measurement basis: 0 and 1 for Z, + and − for X, +i and −i for Y.
func (m *Model) Probabilities() []float64 {
	v := m.Vector()
	c := v[2]
	switch m.basis {
	case "X":
		c = v[0]
	case "Y":
		c = v[1]
	}
	p := math.Max(0, math.Min(1, (1+c)/2))
	return []float64{p, 1 - p}
}

// Outcomes returns the names of the two outcomes in the measurement basis.
func (m *Model) Outcomes() [2]string {
	switch m.basis {
	case "X":
		return [2]string{"+", "−"}
	case "Y":
		return [2]string{"+i", "−i"}
	}
	return [2]string{"0", "1"}
}

// Basis returns the measurement basis: Z, X or Y.
func (m *Model) Basis() string { return m.basis }

// Counts returns the measured counts of the two outcomes and whether the
// state has been measured.
func (m *Model) Counts() ([2]int, bool) { return m.counts, m.measured }

// Shots returns the number of shots per measurement.
func (m *Model) Shots() int { return m.shots }

// Gates returns the gate history.
func (m *Model) Gates() []Gate { return m.gates }

// Start returns the start state, as written in the start parameter.
func (m *Model) Start() string { return m.start }

// Describe states the last action, the state in words and numbers, and
// the measurement statistics.
func (m *Model) Describe(p sim.Printer) string {
	var b strings.Builder
	switch m.last {
	case "gate":
		g := m.gates[len(m.gates)-1]
		axis, angle := g.Rotation()
		b.WriteString(p.Sprintf("Applied %s: the state turned %.0f° about the %s axis.", g.Label(), angle*180/math.Pi, axisName(p, axis)))
	case "undo":
		b.WriteString(p.Sprintf("Undid the last gate."))
	case "nothing to undo":
		b.WriteString(p.Sprintf("No gate to undo."))
	case "clear":
		b.WriteString(p.Sprintf("Started again from %s.", ket(m.start)))
	case "turn":
		b.WriteString(p.Sprintf("View turned to azimuth %.0f° and elevation %.0f°.", m.yaw, m.pitch))
	}
	if b.Len() > 0 {
		b.WriteString(" ")
	}
	if len(m.gates) == 0 {
		b.WriteString(p.Sprintf("The qubit is in its starting state %s, no gates applied.", ket(m.start)))
	} else {
		labels := make([]string, 0, 8)
		for i, g := range m.gates {
			if i == 6 && len(m.gates) > 8 {
				labels = append(labels, p.Sprintf("%d more", len(m.gates)-7))
				labels = append(labels, m.gates[len(m.gates)-1].Label())
				break
			}
			labels = append(labels, g.Label())
		}
		b.WriteString(p.Sprintf("Starting from %s, gates applied: %s.", ket(m.start), strings.Join(labels, ", ")))
	}
	a := m.amp
	theta, phi := m.Angles()
	b.WriteString(" ")
	b.WriteString(p.Sprintf("State: %s|0⟩ + %s|1⟩; θ = %.1f°, φ = %.1f°.", complexText(a[0]), complexText(a[1]), theta, phi))
	if name := m.cardinal(); name != "" {
		b.WriteString(" ")
		b.WriteString(p.Sprintf("This is the state %s, on the sphere %s.", name, place(p, m.Vector())))
	} else {
		b.WriteString(" ")
		b.WriteString(p.Sprintf("On the sphere: %s.", place(p, m.Vector())))
	}
	out := m.Outcomes()
	pr := m.Probabilities()
	b.WriteString(" ")
	if !m.measured {
		b.WriteString(p.Sprintf("Measuring in the %s basis gives %s with probability %.1f%% and %s with probability %.1f%%. Press Measure to run %d shots.",
			m.basis, out[0], 100*pr[0], out[1], 100*pr[1], m.shots))
	} else {
		b.WriteString(p.Sprintf("Measured %d copies in the %s basis with seed %d: %s came up %d times and %s %d times (expected %.1f%% and %.1f%%).",
			m.shots, m.basis, m.seed, out[0], m.counts[0], out[1], m.counts[1], 100*pr[0], 100*pr[1]))
	}
	return b.String()
}

// ket writes a start state as a ket, such as |−i⟩.
func ket(start string) string {
	return "|" + strings.Replace(start, "-", "−", 1) + "⟩"
}

// cardinal returns the name of the state when it is one of the six at
// the ends of the axes.
func (m *Model) cardinal() string {
	v := m.Vector()
	names := [...]string{"|+⟩", "|−⟩", "|+i⟩", "|−i⟩", "|0⟩", "|1⟩"}
	for i := range 3 {
		if math.Abs(v[i]-1) < 1e-9 {
			return names[2*i]
		}
		if math.Abs(v[i]+1) < 1e-9 {
			return names[2*i+1]
		}
	}
	return ""
}

// place says where on the sphere v points, in words.
func place(p sim.Printer, v [3]float64) string {
	switch {
	case v[2] > 1-1e-9:
		return p.Sprintf("at the north pole")
	case v[2] < -1+1e-9:
		return p.Sprintf("at the south pole")
	case math.Abs(v[2]) < 1e-9:
		return p.Sprintf("on the equator, facing %s", facing(p, v))
	case v[2] > 0:
		return p.Sprintf("in the northern half, facing %s", facing(p, v))
	}
	return p.Sprintf("in the southern half, facing %s", facing(p, v))
}

// facing names the direction of v's horizontal part, to the nearest
// eighth of a turn.
func facing(p sim.Printer, v [3]float64) string {
	phi := math.Atan2(v[1], v[0]) * 180 / math.Pi
	switch int(math.Round(phi/45)+8) % 8 {
	case 1:
		return p.Sprintf("between +x and +y")
	case 2:
		return p.Sprintf("+y")
	case 3:
		return p.Sprintf("between +y and −x")
	case 4:
		return p.Sprintf("−x")
	case 5:
		return p.Sprintf("between −x and −y")
	case 6:
		return p.Sprintf("−y")
	case 7:
		return p.Sprintf("between −y and +x")
	}
	return p.Sprintf("+x")
}

func axisName(p sim.Printer, axis [3]float64) string {
	switch {
	case axis[0] == 1:
		return p.Sprintf("x")
	case axis[1] == 1:
		return p.Sprintf("y")
	case axis[2] == 1:
		return p.Sprintf("z")
	}
	return p.Sprintf("diagonal x+z")
}

// complexText writes z to three decimals, such as "0.707" or
// "(0.500 + 0.500i)".
func complexText(z complex128) string {
	re, im := real(z), imag(z)
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', 3, 64) }
	if math.Abs(im) < 5e-4 {
		return f(re)
	}
	if math.Abs(re) < 5e-4 {
		return f(im) + "i"
	}
	sign := " + "
	if im < 0 {
		sign, im = " − ", -im
	}
	return "(" + f(re) + sign + f(im) + "i)"
}

// Query returns every parameter, the gate history and view included.
func (m *Model) Query() url.Values {
	hist := make([]string, len(m.gates))
	for i, g := range m.gates {
		hist[i] = g.String()
	}
	return url.Values{
		"start":    {m.start},
		"angle":    {strconv.FormatFloat(m.angle, 'g', -1, 64)},
		"basis":    {m.basis},
		"shots":    {strconv.Itoa(m.shots)},
		"seed":     {strconv.FormatUint(m.seed, 10)},
		"gates":    {strings.Join(hist, " ")},
		"measured": {strconv.FormatBool(m.measured)},
		"yaw":      {strconv.FormatFloat(m.yaw, 'g', -1, 64)},
		"pitch":    {strconv.FormatFloat(m.pitch, 'g', -1, 64)},
	}
}

// Export returns the state after each gate of the history, and the
// counts when measured, as CSV.
func (m *Model) Export() (string, []byte) {
	var b strings.Builder
	b.WriteString("step,gate,alpha_re,alpha_im,beta_re,beta_im,theta_deg,phi_deg,x,y,z,basis,p_first,p_second,count_first,count_second\n")
	replay := &Model{start: m.start, basis: m.basis}
	for i := 0; i <= len(m.gates); i++ {
		replay.gates = m.gates[:i]
		if err := replay.compute(); err != nil {
			break
		}
		gate := "start " + m.start
		if i > 0 {
			gate = m.gates[i-1].String()
		}
		a := replay.amp
		v := replay.Vector()
		th, ph := replay.Angles()
		pr := replay.Probabilities()
		c0, c1 := "", ""
		if i == len(m.gates) && m.measured {
			c0, c1 = strconv.Itoa(m.counts[0]), strconv.Itoa(m.counts[1])
		}
		fields := []string{strconv.Itoa(i), gate, g(real(a[0])), g(imag(a[0])), g(real(a[1])), g(imag(a[1])), g(th), g(ph), g(v[0]), g(v[1]), g(v[2]), m.basis, g(pr[0]), g(pr[1]), c0, c1}
		b.WriteString(strings.Join(fields, ","))
		b.WriteString("\n")
	}
	return "bloch-" + strconv.Itoa(len(m.gates)) + "-gates.csv", []byte(b.String())
}

func g(x float64) string {
	if math.Abs(x) < 1e-12 {
		x = 0
	}
	return strconv.FormatFloat(x, 'g', 10, 64)
}
