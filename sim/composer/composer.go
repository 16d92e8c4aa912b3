package composer

import (
	"fmt"
	"math"
	"math/cmplx"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"nexuslab/sim"
	"nexuslab/sim/quantum"
)

// Name is the simulation's name in URLs and data-sim attributes.
const Name = "circuit"

// ScreenQubits is how many wires the grid shows at once; larger circuits
// scroll with the cursor.
const ScreenQubits = 8

// undoDepth bounds the undo history.
const undoDepth = 100

// Palette is the gates a learner can place, as offered by the gate
// control; the OpenQASM name of each is its lower-case form.
var Palette = []string{"H", "X", "Y", "Z", "S", "Sdg", "T", "Tdg", "SX", "Rx", "Ry", "Rz", "P", "CX", "CZ", "SWAP"}

// PaletteGate returns the OpenQASM name of a palette entry, whether it
// takes the angle, and whether it acts on a second qubit.
func PaletteGate(entry string) (name string, angle, twoQubit bool) {
	name = strings.ToLower(entry)
	switch name {
	case "rx", "ry", "rz", "p":
		angle = true
	case "cx", "cz", "swap":
		twoQubit = true
	}
	return name, angle, twoQubit
}

var schema = sim.Schema{
	{Name: "qubits", Kind: sim.Int, Label: "Qubits", Help: "Up to 8 are drawn at once; the grid scrolls with the cursor", Min: 1, Max: MaxQubits, Default: "2"},
	{Name: "gate", Kind: sim.Choice, Label: "Gate", Help: "The gate that Place gate puts at the cursor", Choices: Palette, Default: "H"},
	{Name: "angle", Kind: sim.Float, Label: "Angle for Rx, Ry, Rz and P (degrees)", Min: -360, Max: 360, Step: 0.5, Default: "90"},
	{Name: "qubit", Kind: sim.Int, Label: "Cursor qubit", Help: "The wire the gate goes on; its target for CX and CZ", Min: 0, Max: MaxQubits - 1, Default: "0"},
	{Name: "control", Kind: sim.Int, Label: "Control qubit", Help: "For CX and CZ; the other wire for SWAP", Min: 0, Max: MaxQubits - 1, Default: "0"},
	{Name: "step", Kind: sim.Int, Label: "Cursor step", Help: "The column the gate goes in, from 0", Min: 0, Max: MaxSteps - 1, Default: "0"},
	{Name: "shots", Kind: sim.Int, Label: "Shots", Help: "How many times the circuit is run and every qubit measured", Min: 1, Max: 100000, Default: "1000"},
	{Name: "seed", Kind: sim.Int, Label: "Seed", Help: "The same seed gives the same counts", Min: 0, Max: 1<<31 - 1, Default: "1"},
	{Name: "qasm", Kind: sim.Text, Label: "OpenQASM 2.0", Help: "The circuit as a program; edit or paste one to import it", MaxLen: 32768, Default: "", File: FileName},
	{Name: "circuit", Kind: sim.Text, Label: "Circuit", MaxLen: 24576, Default: "", Hidden: true},
	{Name: "at", Kind: sim.Int, Label: "Steps shown", Min: -1, Max: MaxSteps, Default: "-1", Hidden: true},
	{Name: "measured", Kind: sim.Bool, Label: "Measured", Default: "false", Hidden: true},
}

var actions = []sim.Action{
	{Name: "place", Label: "Place gate"},
	{Name: "remove", Label: "Delete gate"},
	{Name: "undo", Label: "Undo"},
	{Name: "redo", Label: "Redo"},
	{Name: "back", Label: "Step back"},
	{Name: "forward", Label: "Step forward"},
	{Name: "measure", Label: "Measure"},
	{Name: "clear", Label: "Clear circuit"},
}

// Drag is a press on the canvas being followed: a gate dragged from the
// palette (Qubit and Step are -1) or from a cell of the grid, or a press
// on an empty cell.
type Drag struct {
	Gate     string // the palette entry it places
	FromGrid bool   // a gate of the grid is being moved
	Qubit    int    // the cell the press began on
	Step     int
	Moved    bool // the pointer has left the cell it went down on
	OffGrid  bool // the pointer is outside the grid: releasing there deletes a grid gate
}

// Model is the circuit composer. Create it with New.
type Model struct {
	circ    Circuit
	gate    string
	angle   float64 // degrees
	qubit   int
	control int
	step    int
	shots   int
	seed    uint64
	at      int // columns shown; -1 for all
	measure bool

	undo, redo []Circuit
	text       string // the program the qasm control shows
	textErr    error  // why text could not be imported, when it could not
	drag       *Drag
	last       string
	lastErr    error // what Report was given, when last is "error"
	fresh      bool  // Reset has not yet been called since New: it loads, and is not undoable

	// results, recomputed when key changes
	key    string
	state  *quantum.State
	counts []quantum.Count
	top    []int // basis states in order of probability, at most topN
	bloch  map[int][3]float64
	runErr error
}

// topN is how many of the most likely outcomes the model lists.
const topN = 64

// New returns a model in its default state: an empty two-qubit circuit.
func New() *Model {
	m := sim.Start(&Model{})
	m.fresh = true
	return m
}

// Schema returns the parameters.
func (m *Model) Schema() sim.Schema { return schema }

// Actions returns the editing, stepping and measuring actions.
func (m *Model) Actions() []sim.Action { return actions }

// Reset sets the model from v. The circuit comes from the compact circuit
// parameter, unless the qasm text differs from the program the model last
// showed, in which case the text is imported: on success it replaces the
// circuit (Undo brings the old one back); on failure the circuit stays,
// the text is kept for the learner to fix, and the parser's error is
// returned as a *sim.ParamError for the qasm control.
func (m *Model) Reset(v sim.Values) error {
	m.gate = v.String("gate")
	m.angle = v.Float("angle")
	m.shots = v.Int("shots")
	m.seed = uint64(v.Int("seed"))
	m.at = v.Int("at")
	m.measure = v.Bool("measured")
	m.drag = nil
	m.last = ""
	if m.fresh {
		m.circ, m.text, m.textErr = Circuit{}, "", nil
		m.fresh = false
	}
	n := v.Int("qubits")
	circ, dropped, cerr := ParseCircuit(v.String("circuit"), n)
	text := v.String("qasm")
	var result error
	switch {
	case strings.TrimSpace(text) == "" || sameText(text, m.text) && m.textErr == nil || sameText(text, QASM(circ)):
		m.setCircuit(circ)
		if dropped > 0 {
			m.last = fmt.Sprintf("dropped %d", dropped)
		}
	case sameText(text, m.text):
		// The same broken program as before: keep it and its error.
		terr := m.textErr
		m.setCircuit(circ)
		m.text, m.textErr = text, terr
		result = terr
	default:
		imported, err := ImportQASM(text)
		if err != nil {
			m.setCircuit(circ)
			m.text, m.textErr = text, sim.ParamErrorf("qasm", "%s", err)
			result = m.textErr
			m.last = "import failed"
			break
		}
		m.setCircuit(imported)
		m.last = "imported"
	}
	m.qubit = min(v.Int("qubit"), m.circ.Qubits-1)
	m.control = min(v.Int("control"), m.circ.Qubits-1)
	m.step = v.Int("step")
	if result == nil && cerr != nil {
		result = sim.ParamErrorf("circuit", "%s", cerr)
	}
	if err := m.compute(); err != nil {
		return err
	}
	return result
}

// setCircuit makes c the circuit, recording the old one for Undo when it
// differs, and shows c's program.
func (m *Model) setCircuit(c Circuit) {
	if m.circ.Qubits > 0 && (c.Qubits != m.circ.Qubits || c.String() != m.circ.String()) {
		m.pushUndo()
	}
	m.circ = c
	m.text, m.textErr = QASM(c), nil
}

func (m *Model) pushUndo() {
	m.undo = append(m.undo, m.circ.Clone())
	if len(m.undo) > undoDepth {
		m.undo = slices.Delete(m.undo, 0, len(m.undo)-undoDepth)
	}
	m.redo = m.redo[:0]
}

// edit replaces the circuit after an edit by the learner.
func (m *Model) edit(c Circuit, what string) {
	m.pushUndo()
	m.circ = c
	m.text, m.textErr = QASM(c), nil
	m.at = -1
	m.last = what
}

// Do applies an action. Placing a gate where another is replaces it;
// deleting an empty cell, undoing with nothing to undo and the like are
// not errors: the description says what happened.
func (m *Model) Do(action string) error {
	switch action {
	case "place":
		if err := m.Place(m.gate, m.qubit, m.step); err != nil {
			return err
		}
	case "remove":
		m.Remove(m.qubit, m.step)
	case "undo", "redo":
		from, to := &m.undo, &m.redo
		if action == "redo" {
			from, to = to, from
		}
		if len(*from) == 0 {
			m.last = "nothing to " + action
			break
		}
		*to = append(*to, m.circ.Clone())
		m.circ = (*from)[len(*from)-1]
		*from = (*from)[:len(*from)-1]
		m.text, m.textErr = QASM(m.circ), nil
		m.qubit, m.control = min(m.qubit, m.circ.Qubits-1), min(m.control, m.circ.Qubits-1)
		m.at = -1
		m.last = action
	case "back":
		d := m.circ.Depth()
		switch {
		case m.at < 0 && d > 0:
			m.at = d - 1
		case m.at > 0:
			m.at = min(m.at, d) - 1
		default:
			m.at = 0
		}
		m.last = "step"
	case "forward":
		if m.at >= 0 {
			m.at++
			if m.at >= m.circ.Depth() {
				m.at = -1
			}
		}
		m.last = "step"
	case "measure":
		m.last = "measure"
		if m.measure {
			m.seed = (m.seed + 1) % (1 << 31)
			m.last = "measure again"
		}
		m.measure = true
	case "clear":
		if len(m.circ.Gates) > 0 {
			m.edit(Circuit{Qubits: m.circ.Qubits}, "clear")
		} else {
			m.last = "already empty"
		}
	default:
		return sim.ErrUnknownAction(action)
	}
	return m.compute()
}

// Place puts the palette gate entry at wire q, column step, replacing
// what it overlaps. A two-qubit gate takes the control qubit as its other
// wire, or the neighbouring wire when the control is q itself.
func (m *Model) Place(entry string, q, step int) error {
	name, angle, two := PaletteGate(entry)
	g := Gate{Name: name, Qubits: []int{q}, Step: step}
	if angle {
		g.Params = []float64{m.angle * math.Pi / 180}
	}
	if two {
		if m.circ.Qubits < 2 {
			return fmt.Errorf("composer: %w", sim.Errorf("%s needs two qubits; add a qubit first", entry))
		}
		c := m.control
		if c == q {
			c = q + 1
			if c >= m.circ.Qubits {
				c = q - 1
			}
		}
		g.Qubits = []int{c, q}
	}
	c := m.circ.Clone()
	if err := c.check(g); err != nil {
		return fmt.Errorf("composer: %w", err)
	}
	if len(c.Gates) >= MaxGates {
		return fmt.Errorf("composer: %w", sim.Errorf("the circuit holds at most %d gates", MaxGates))
	}
	removed := c.put(g)
	m.gate, m.qubit, m.step = entry, q, step
	m.edit(c, "placed")
	if removed > 0 {
		m.last = fmt.Sprintf("replaced %d", removed)
	}
	return m.compute()
}

// Remove deletes the gate occupying wire q in column step, if any, and
// moves the cursor there.
func (m *Model) Remove(q, step int) {
	m.qubit, m.step = q, step
	i := m.circ.At(q, step)
	if i < 0 {
		m.last = "nothing to delete"
		return
	}
	c := m.circ.Clone()
	c.Gates = slices.Delete(c.Gates, i, i+1)
	m.edit(c, "deleted "+gateText(m.circ.Gates[i]))
}

// Move moves the gate occupying wire q in column step to the column
// toStep, shifted by toQ − q wires, replacing what it lands on, and puts
// the cursor there. It returns an error when the gate would leave the
// register.
func (m *Model) Move(q, step, toQ, toStep int) error {
	i := m.circ.At(q, step)
	if i < 0 {
		return fmt.Errorf("composer: %w", sim.Errorf("no gate at qubit %d, step %d", q, step))
	}
	g := m.circ.Gates[i].clone()
	for k := range g.Qubits {
		g.Qubits[k] += toQ - q
	}
	g.Step = toStep
	c := m.circ.Clone()
	c.Gates = slices.Delete(c.Gates, i, i+1)
	if err := c.check(g); err != nil {
		return fmt.Errorf("composer: %w", err)
	}
	c.put(g)
	m.qubit, m.step = toQ, toStep
	m.edit(c, "moved "+gateText(g))
	return m.compute()
}

// SetCursor moves the cursor to wire q, column step, kept on the grid.
func (m *Model) SetCursor(q, step int) {
	m.qubit = max(0, min(q, m.circ.Qubits-1))
	m.step = max(0, min(step, MaxSteps-1))
	m.last = "cursor"
}

// Report puts an error from a canvas action into the description, where
// a keyboard or pointer user hears it; the page shows errors from
// buttons itself. A nil error changes nothing.
func (m *Model) Report(err error) {
	if err != nil {
		m.last, m.lastErr = "error", err
	}
}

// Cursor returns the cursor's wire and column.
func (m *Model) Cursor() (q, step int) { return m.qubit, m.step }

// Control returns the control qubit setting.
func (m *Model) Control() int { return m.control }

// Selected returns the palette entry Place puts down.
func (m *Model) Selected() string { return m.gate }

// Select makes entry the selected palette gate.
func (m *Model) Select(entry string) {
	if slices.Contains(Palette, entry) {
		m.gate = entry
		m.last = "selected"
	}
}

// Drag returns the gate being dragged, or nil.
func (m *Model) Drag() *Drag { return m.drag }

// SetDrag starts, updates or (with nil) ends a drag.
func (m *Model) SetDrag(d *Drag) { m.drag = d }

// Circuit returns the circuit. Callers must not modify it.
func (m *Model) Circuit() Circuit { return m.circ }

// Shown returns how many columns the state reflects.
func (m *Model) Shown() int {
	if m.at < 0 {
		return m.circ.Depth()
	}
	return min(m.at, m.circ.Depth())
}

// Stepping reports whether the learner is stepping through the circuit
// rather than seeing all of it.
func (m *Model) Stepping() bool { return m.at >= 0 && m.at < m.circ.Depth() }

// compute runs the circuit up to the shown column when anything it
// depends on changed.
func (m *Model) compute() error {
	key := m.circ.String() + "|" + strconv.Itoa(m.circ.Qubits) + "|" + strconv.Itoa(m.Shown())
	if m.measure {
		key += "|" + strconv.Itoa(m.shots) + "|" + strconv.FormatUint(m.seed, 10)
	}
	if key == m.key && m.runErr == nil {
		return nil
	}
	m.key = key
	opt := &quantum.Options{Seed: m.seed, MaxQubits: MaxQubits}
	if m.measure {
		opt.Shots = m.shots
	}
	res, err := quantum.Run(m.circ.Engine(m.Shown()), opt)
	if err != nil {
		m.runErr = fmt.Errorf("composer: %w", err)
		m.state, m.counts, m.top = nil, nil, nil
		return m.runErr
	}
	m.runErr = nil
	m.state, m.counts = res.State, res.Counts
	m.top = topStates(m.state.Amplitudes(), topN)
	m.bloch = map[int][3]float64{}
	return nil
}

// topStates returns the indices of the k largest probabilities above
// 1e-12, most likely first, ties by index.
func topStates(amp []complex128, k int) []int {
	type entry struct {
		i int
		p float64
	}
	var best []entry // sorted, most likely first
	for i, a := range amp {
		p := real(a)*real(a) + imag(a)*imag(a)
		if p < 1e-12 || len(best) == k && p <= best[k-1].p {
			continue
		}
		j, _ := slices.BinarySearchFunc(best, p, func(e entry, p float64) int {
			if e.p >= p {
				return -1
			}
			return 1
		})
		best = slices.Insert(best, j, entry{i, p})
		if len(best) > k {
			best = best[:k]
		}
	}
	out := make([]int, len(best))
	for i, e := range best {
		out[i] = e.i
	}
	return out
}

// Top returns up to k basis states in order of probability, most likely
// first.
func (m *Model) Top(k int) []int { return m.top[:min(k, len(m.top))] }

// Amplitude returns the amplitude of basis state i.
func (m *Model) Amplitude(i int) complex128 {
	if m.state == nil {
		return 0
	}
	return m.state.Amplitudes()[i]
}

// Probabilities returns the probability of every basis state, for
// circuits of at most 12 qubits, or nil.
func (m *Model) Probabilities() []float64 {
	if m.state == nil || m.circ.Qubits > 12 {
		return nil
	}
	return m.state.Probabilities(nil)
}

// Bloch returns the Bloch vector of qubit q in the shown state.
func (m *Model) Bloch(q int) [3]float64 {
	if m.state == nil || q < 0 || q >= m.circ.Qubits {
		return [3]float64{}
	}
	if v, ok := m.bloch[q]; ok {
		return v
	}
	x, y, z := m.state.Bloch(q)
	v := [3]float64{x, y, z}
	m.bloch[q] = v
	return v
}

// Counts returns the measured counts by basis state, sorted by state, and
// whether the circuit has been measured.
func (m *Model) Counts() ([]quantum.Count, bool) { return m.counts, m.measure }

// Shots returns the shots per measurement.
func (m *Model) Shots() int { return m.shots }

// QASMText returns the program the qasm control shows, and the error
// that keeps it from being imported, if any.
func (m *Model) QASMText() (string, error) { return m.text, m.textErr }

// Describe says what the last action did, lists the circuit, and states
// the shown state's most likely outcomes, their amplitudes, the qubits'
// Bloch vectors and the counts.
func (m *Model) Describe(p sim.Printer) string {
	var b strings.Builder
	sentence := func(s string) {
		if b.Len() > 0 {
			b.WriteString(" ")
		}
		b.WriteString(s)
	}
	sentence(m.lastText(p))
	c := m.circ
	n := c.Qubits
	if len(c.Gates) == 0 {
		sentence(p.Sprintf("An empty circuit of %d qubits: every qubit is |0⟩.", n))
	} else {
		list := make([]string, 0, 13)
		for i, g := range c.Gates {
			if i == 12 {
				list = append(list, p.Sprintf("and %d more", len(c.Gates)-12))
				break
			}
			list = append(list, p.Sprintf("step %d %s", g.Step, gateText(g)))
		}
		sentence(p.Sprintf("A circuit of %d qubits with %d gates in %d steps: %s.", n, len(c.Gates), c.Depth(), strings.Join(list, "; ")))
	}
	switch {
	case m.Stepping() && m.Shown() == 0:
		sentence(p.Sprintf("Stepping through: the state before step 0, every qubit |0⟩."))
	case m.Stepping():
		sentence(p.Sprintf("Stepping through: the state after steps 0 to %d of the %d.", m.Shown()-1, c.Depth()))
	}
	if m.runErr != nil {
		sentence(m.runErr.Error())
		return b.String()
	}
	top := m.Top(4)
	parts := make([]string, len(top))
	for i, s := range top {
		a := m.Amplitude(s)
		parts[i] = p.Sprintf("%s with probability %.1f%% (amplitude %.3f at phase %.0f°)",
			quantum.Bitstring(s, n), 100*cmplx.Abs(a)*cmplx.Abs(a), cmplx.Abs(a), phaseDeg(a))
	}
	more := ""
	if len(m.top) > len(top) {
		more = p.Sprintf(", and other outcomes")
	}
	sentence(p.Sprintf("Most likely outcomes, qubit 0 rightmost: %s%s.", strings.Join(parts, "; "), more))
	if n <= ScreenQubits {
		vs := make([]string, n)
		for q := range n {
			v := m.Bloch(q)
			vs[q] = p.Sprintf("q%d (%.2f, %.2f, %.2f)", q, clean(v[0]), clean(v[1]), clean(v[2]))
		}
		sentence(p.Sprintf("Bloch vectors (x, y, z): %s; a vector shorter than 1 means the qubit is entangled with others.", strings.Join(vs, ", ")))
	}
	if counts, ok := m.Counts(); ok {
		counts = slices.Clone(counts)
		slices.SortStableFunc(counts, func(a, b quantum.Count) int { return b.N - a.N })
		cs := make([]string, 0, 4)
		for i, k := range counts {
			if i == 4 {
				break
			}
			cs = append(cs, p.Sprintf("%s %d times", quantum.Bitstring(int(k.Value), n), k.N))
		}
		sentence(p.Sprintf("Measured %d shots with seed %d: %s.", m.shots, m.seed, strings.Join(cs, ", ")))
	}
	cell := p.Sprintf("empty")
	if i := c.At(m.qubit, m.step); i >= 0 {
		cell = gateText(c.Gates[i])
	}
	sentence(p.Sprintf("Cursor at qubit %d, step %d: %s. Selected gate: %s.", m.qubit, m.step, cell, m.gate))
	return b.String()
}

// lastText says what the last action did.
func (m *Model) lastText(p sim.Printer) string {
	switch l := m.last; {
	case l == "placed":
		return p.Sprintf("Placed %s.", gateText(m.circ.Gates[m.circ.At(m.qubit, m.step)]))
	case strings.HasPrefix(l, "replaced "):
		return p.Sprintf("Placed %s, replacing %s gate(s) there.", gateText(m.circ.Gates[m.circ.At(m.qubit, m.step)]), strings.TrimPrefix(l, "replaced "))
	case strings.HasPrefix(l, "deleted "):
		return p.Sprintf("Deleted %s.", strings.TrimPrefix(l, "deleted "))
	case strings.HasPrefix(l, "moved "):
		return p.Sprintf("Moved %s.", strings.TrimPrefix(l, "moved "))
	case strings.HasPrefix(l, "dropped "):
		return p.Sprintf("Removed %s gate(s) on qubits beyond the new count; Undo brings them back.", strings.TrimPrefix(l, "dropped "))
	case l == "nothing to delete":
		return p.Sprintf("No gate to delete at qubit %d, step %d.", m.qubit, m.step)
	case l == "undo":
		return p.Sprintf("Undid the last change.")
	case l == "redo":
		return p.Sprintf("Redid the change.")
	case l == "nothing to undo":
		return p.Sprintf("Nothing to undo.")
	case l == "nothing to redo":
		return p.Sprintf("Nothing to redo.")
	case l == "clear":
		return p.Sprintf("Cleared the circuit.")
	case l == "already empty":
		return p.Sprintf("The circuit is already empty.")
	case l == "imported":
		return p.Sprintf("Imported the OpenQASM program.")
	case l == "import failed":
		return p.Sprintf("The OpenQASM program could not be imported: %s. The circuit is unchanged.", m.textErr.(*sim.ParamError).Text(p))
	case l == "measure":
		return p.Sprintf("Measured every qubit in %d shots.", m.shots)
	case l == "measure again":
		return p.Sprintf("Measured again with the next seed.")
	case l == "selected":
		return p.Sprintf("Selected %s.", m.gate)
	case l == "error":
		// The engine's errors cannot be translated; they lose the
		// package's name all the same.
		return p.Sprintf("Could not do that: %s.", strings.TrimPrefix(sim.ErrorText(p, m.lastErr), "composer: "))
	}
	return ""
}

// gateText names a gate and its wires, such as "H on q0", "CX from q0 to
// q1" or "RZ(45°) on q2".
func gateText(g Gate) string {
	name := strings.ToUpper(g.Name)
	if len(g.Params) > 0 {
		ps := make([]string, len(g.Params))
		for i, v := range g.Params {
			ps[i] = strconv.FormatFloat(math.Round(v*180/math.Pi*100)/100, 'f', -1, 64) + "°"
		}
		name += "(" + strings.Join(ps, ", ") + ")"
	}
	info, _ := quantum.LookupGate(g.Name)
	qs := func(list []int) string {
		s := make([]string, len(list))
		for i, q := range list {
			s[i] = "q" + strconv.Itoa(q)
		}
		return strings.Join(s, " and ")
	}
	switch {
	case info.Controls > 0:
		return name + " from " + qs(g.Qubits[:info.Controls]) + " to " + qs(g.Qubits[info.Controls:])
	case len(g.Qubits) > 1:
		return name + " on " + qs(g.Qubits)
	}
	return name + " on q" + strconv.Itoa(g.Qubits[0])
}

// phaseDeg returns the phase of a in degrees, in (−180, 180].
func phaseDeg(a complex128) float64 {
	if cmplx.Abs(a) < 1e-12 {
		return 0
	}
	d := cmplx.Phase(a) * 180 / math.Pi
	if d <= -179.9999 {
		d = 180
	}
	return clean(d)
}

func clean(x float64) float64 {
	if math.Abs(x) < 5e-10 {
		return 0
	}
	return x
}

// Query returns every parameter: the circuit compactly and as OpenQASM,
// the cursor, and what is shown.
func (m *Model) Query() url.Values {
	return url.Values{
		"qubits":   {strconv.Itoa(m.circ.Qubits)},
		"gate":     {m.gate},
		"angle":    {strconv.FormatFloat(m.angle, 'g', -1, 64)},
		"qubit":    {strconv.Itoa(m.qubit)},
		"control":  {strconv.Itoa(m.control)},
		"step":     {strconv.Itoa(m.step)},
		"shots":    {strconv.Itoa(m.shots)},
		"seed":     {strconv.FormatUint(m.seed, 10)},
		"qasm":     {m.text},
		"circuit":  {m.circ.String()},
		"at":       {strconv.Itoa(m.at)},
		"measured": {strconv.FormatBool(m.measure)},
	}
}

// Export returns, for the most likely basis states of the shown state
// (every state of non-zero probability up to 64 of them), the
// probability, the amplitude and, once measured, the count, as CSV.
func (m *Model) Export() (string, []byte) {
	var b strings.Builder
	b.WriteString("state,bitstring,probability,amplitude_re,amplitude_im,magnitude,phase_deg,count\n")
	n := m.circ.Qubits
	count := map[uint64]int{}
	for _, c := range m.counts {
		count[c.Value] = c.N
	}
	states := slices.Clone(m.top)
	slices.Sort(states)
	g := func(x float64) string { return strconv.FormatFloat(clean(x), 'g', 12, 64) }
	for _, s := range states {
		a := m.Amplitude(s)
		c := ""
		if m.measure {
			c = strconv.Itoa(count[uint64(s)])
		}
		b.WriteString(strings.Join([]string{strconv.Itoa(s), quantum.Bitstring(s, n), g(cmplx.Abs(a) * cmplx.Abs(a)), g(real(a)), g(imag(a)), g(cmplx.Abs(a)), g(phaseDeg(a)), c}, ","))
		b.WriteString("\n")
	}
	return fmt.Sprintf("circuit-%d-qubits-%d-gates.csv", n, len(m.circ.Gates)), []byte(b.String())
}
