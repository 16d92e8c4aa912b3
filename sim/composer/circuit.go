package composer

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"

	"nexuslab/sim"
	"nexuslab/sim/quantum"
)

// Limits of a circuit in the composer.
const (
	// MaxQubits is the largest register the composer simulates: the
	// browser's cap, 2^24 amplitudes in 256 MiB.
	MaxQubits = quantum.BrowserMaxQubits
	// MaxSteps is the number of columns of the grid.
	MaxSteps = 256
	// MaxGates bounds the gates of one circuit, and so the URL.
	MaxGates = 2048
)

// Gate is one gate placed on the grid.
type Gate struct {
	Name   string    // a standard gate of the quantum engine, as in OpenQASM: "h", "cx", "rz"
	Params []float64 // angles in radians
	Qubits []int     // controls first
	Step   int       // the column, from 0
}

// Span returns the lowest and highest qubit the gate touches. On the
// grid it also occupies every wire between them.
func (g Gate) Span() (lo, hi int) {
	lo, hi = g.Qubits[0], g.Qubits[0]
	for _, q := range g.Qubits[1:] {
		lo, hi = min(lo, q), max(hi, q)
	}
	return lo, hi
}

// Covers reports whether the gate occupies wire q in its column.
func (g Gate) Covers(q int) bool {
	lo, hi := g.Span()
	return q >= lo && q <= hi
}

// overlaps reports whether g and h share a column and a wire.
func (g Gate) overlaps(h Gate) bool {
	if g.Step != h.Step {
		return false
	}
	a, b := g.Span()
	c, d := h.Span()
	return a <= d && c <= b
}

func (g Gate) clone() Gate {
	g.Params = slices.Clone(g.Params)
	g.Qubits = slices.Clone(g.Qubits)
	return g
}

// Circuit is what the grid holds: a number of qubits and gates, sorted by
// column and then by lowest wire, no two overlapping. The zero value is
// not usable; it has no qubits.
type Circuit struct {
	Qubits int
	Gates  []Gate
}

// Clone returns a deep copy of c.
func (c Circuit) Clone() Circuit {
	d := Circuit{Qubits: c.Qubits, Gates: make([]Gate, len(c.Gates))}
	for i, g := range c.Gates {
		d.Gates[i] = g.clone()
	}
	return d
}

// Depth returns the number of columns up to the last one used.
func (c Circuit) Depth() int {
	d := 0
	for _, g := range c.Gates {
		d = max(d, g.Step+1)
	}
	return d
}

// At returns the index of the gate occupying wire q in column step, or
// -1.
func (c Circuit) At(q, step int) int {
	for i, g := range c.Gates {
		if g.Step == step && g.Covers(q) {
			return i
		}
	}
	return -1
}

// check returns what is wrong with g in c: an unknown gate, wrong
// arguments, a qubit or column out of range.
func (c Circuit) check(g Gate) error {
	info, ok := quantum.LookupGate(g.Name)
	if !ok {
		return sim.Errorf("%q is not a gate the simulator knows", g.Name)
	}
	if len(g.Qubits) != info.Qubits {
		return sim.Errorf("%s takes %d qubits, not %d", g.Name, info.Qubits, len(g.Qubits))
	}
	if len(g.Params) != info.Params {
		return sim.Errorf("%s takes %d angles, not %d", g.Name, info.Params, len(g.Params))
	}
	for _, p := range g.Params {
		if math.IsNaN(p) || math.IsInf(p, 0) {
			return sim.Errorf("%s has the angle %v; angles must be finite numbers", g.Name, p)
		}
	}
	for i, q := range g.Qubits {
		if q < 0 || q >= c.Qubits {
			return sim.Errorf("%s uses qubit %d; the circuit has qubits 0 to %d", g.Name, q, c.Qubits-1)
		}
		if slices.Contains(g.Qubits[:i], q) {
			return sim.Errorf("%s uses qubit %d twice", g.Name, q)
		}
	}
	if g.Step < 0 || g.Step >= MaxSteps {
		return sim.Errorf("step %d is outside the grid's %d steps", g.Step+1, MaxSteps)
	}
	return nil
}

// put adds g, first removing the gates it overlaps, and keeps the order.
// It returns how many gates it removed.
func (c *Circuit) put(g Gate) int {
	n := len(c.Gates)
	c.Gates = slices.DeleteFunc(c.Gates, g.overlaps)
	removed := n - len(c.Gates)
	c.Gates = append(c.Gates, g)
	c.sort()
	return removed
}

func (c *Circuit) sort() {
	slices.SortStableFunc(c.Gates, func(a, b Gate) int {
		if a.Step != b.Step {
			return a.Step - b.Step
		}
		la, _ := a.Span()
		lb, _ := b.Span()
		return la - lb
	})
}

// Engine returns the circuit of the gates in columns before upto, in
// column order, for the quantum engine.
func (c Circuit) Engine(upto int) *quantum.Circuit {
	qc := quantum.NewCircuit(c.Qubits, 0)
	for _, g := range c.Gates {
		if g.Step < upto {
			qc.Gate(g.Name, g.Params, g.Qubits...)
		}
	}
	return qc
}

// String writes the circuit compactly for a URL: one token per gate,
// separated by spaces, each STEP_NAME_QUBIT..., the name followed by
// ~ANGLE for each angle: "0_h_0 1_cx_0_1 2_rz~0.25pi_1". Only URL-safe
// characters appear besides the spaces.
func (c Circuit) String() string {
	var b strings.Builder
	for i, g := range c.Gates {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.Itoa(g.Step))
		b.WriteByte('_')
		b.WriteString(g.Name)
		for _, p := range g.Params {
			b.WriteByte('~')
			b.WriteString(formatAngle(p))
		}
		for _, q := range g.Qubits {
			b.WriteByte('_')
			b.WriteString(strconv.Itoa(q))
		}
	}
	return b.String()
}

// formatAngle writes an angle in radians exactly: as a multiple of pi,
// "0.25pi", when that reads back to the same number, else in full.
func formatAngle(v float64) string {
	if v != 0 {
		k := v / math.Pi
		s := strconv.FormatFloat(k, 'g', -1, 64)
		if len(s) <= 8 {
			if back, err := strconv.ParseFloat(s, 64); err == nil && back*math.Pi == v {
				return s + "pi"
			}
		}
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

func parseAngle(s string) (float64, error) {
	scale := 1.0
	if t, ok := strings.CutSuffix(s, "pi"); ok {
		s, scale = t, math.Pi
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || len(s) > 32 {
		return 0, errors.New("not a number")
	}
	return v * scale, nil
}

// ParseCircuit reads the compact form written by Circuit.String for a
// register of n qubits. Gates on qubits beyond n are dropped and counted:
// they are what lowering the number of qubits removes. A token that
// cannot be read, or a gate that overlaps one before it, is skipped; the
// error, sim.Translatable, names the first.
func ParseCircuit(s string, n int) (c Circuit, dropped int, err error) {
	c.Qubits = n
	fail := func(e error) {
		if err == nil {
			err = e
		}
	}
	for _, tok := range strings.Fields(s) {
		if len(c.Gates) == MaxGates {
			fail(sim.Errorf("the circuit holds at most %d gates; the rest were dropped", MaxGates))
			break
		}
		g, perr := parseToken(tok)
		if perr != nil {
			fail(sim.Errorf("%q: %v", short(tok), perr))
			continue
		}
		if slices.ContainsFunc(g.Qubits, func(q int) bool { return q >= n }) && !slices.ContainsFunc(g.Qubits, func(q int) bool { return q < 0 || q >= MaxQubits }) {
			dropped++
			continue
		}
		if cerr := c.check(g); cerr != nil {
			fail(sim.Errorf("%q: %v", short(tok), cerr))
			continue
		}
		if slices.ContainsFunc(c.Gates, g.overlaps) {
			fail(sim.Errorf("%q overlaps an earlier gate in step %d", short(tok), g.Step+1))
			continue
		}
		c.Gates = append(c.Gates, g)
	}
	c.sort()
	return c, dropped, err
}

func parseToken(tok string) (Gate, error) {
	parts := strings.Split(tok, "_")
	if len(parts) < 3 {
		return Gate{}, sim.Errorf("a gate is written STEP_NAME_QUBIT, such as 0_h_1")
	}
	step, err := strconv.Atoi(parts[0])
	if err != nil {
		return Gate{}, sim.Errorf("the step must be a whole number")
	}
	name, angles, _ := strings.Cut(parts[1], "~")
	g := Gate{Name: name, Step: step}
	if angles != "" {
		for _, a := range strings.Split(angles, "~") {
			v, err := parseAngle(a)
			if err != nil {
				return Gate{}, sim.Errorf("angle %q is not a number", short(a))
			}
			g.Params = append(g.Params, v)
		}
	}
	for _, p := range parts[2:] {
		q, err := strconv.Atoi(p)
		if err != nil {
			return Gate{}, sim.Errorf("qubit %q is not a whole number", short(p))
		}
		g.Qubits = append(g.Qubits, q)
	}
	return g, nil
}

func short(s string) string {
	if len(s) > 24 {
		return s[:21] + "..."
	}
	return s
}
