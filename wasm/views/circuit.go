package views

import (
	"math"
	"math/cmplx"
	"slices"
	"strconv"
	"strings"

	"nexuslab/sim"
	"nexuslab/sim/composer"
	"nexuslab/sim/quantum"
	"nexuslab/wasm/draw"
)

// circuitGeom is where the composer's parts sit on a canvas. Drawing and
// pointer input share it, so a click lands where the cell is drawn.
type circuitGeom struct {
	// palette: boxes of pw×pw from px, py, perRow per row
	px, py, pw float64
	perRow     int
	// grid: wires from gx, gy, cw×ch cells, rows×cols visible from
	// wire q0 and column s0
	gx, gy, cw, ch float64
	rows, cols     int
	q0, s0         int
	blochR         float64
	// chart below the grid
	cx, cy, cwid, chgt float64
}

// circuitLayout lays out the palette, the grid window around the cursor
// and the chart for a w×h canvas.
func circuitLayout(w, h float64, m *composer.Model) circuitGeom {
	var g circuitGeom
	margin := math.Min(12, w/30)
	n := len(composer.Palette)
	g.perRow = n
	g.pw = math.Min(36, (w-2*margin)/float64(n))
	if g.pw < 26 {
		g.perRow = (n + 1) / 2
		g.pw = math.Min(36, (w-2*margin)/float64(g.perRow))
	}
	g.px, g.py = margin, 6
	paletteH := g.pw*float64((n+g.perRow-1)/g.perRow) + 8

	c := m.Circuit()
	g.rows = min(c.Qubits, composer.ScreenQubits)
	labelW := 30.0
	g.ch = clamp((h-paletteH-170)/float64(g.rows+1), 18, 36)
	g.blochR = math.Min(g.ch*0.4, 12)
	g.gx = margin + labelW
	g.gy = g.py + paletteH + 18
	gridW := w - g.gx - margin - 2*g.blochR - 10
	g.cw = clamp(gridW/12, 30, 44)
	g.cols = max(1, int(gridW/g.cw))
	q, s := m.Cursor()
	if q >= g.rows {
		g.q0 = min(q-g.rows+2, c.Qubits-g.rows)
	}
	if s >= g.cols-1 {
		g.s0 = s - g.cols + 2
	}
	g.cx = margin
	g.cy = g.gy + g.ch*float64(g.rows) + 8
	if c.Qubits > g.rows {
		g.cy += 14 // room for the line saying which wires are shown
	}
	g.cwid = w - 2*margin
	g.chgt = h - g.cy - 4
	return g
}

// wireY returns the centre line of wire q.
func (g circuitGeom) wireY(q int) float64 { return g.gy + g.ch*(float64(q-g.q0)+0.5) }

// colX returns the centre of column s.
func (g circuitGeom) colX(s int) float64 { return g.gx + g.cw*(float64(s-g.s0)+0.5) }

// cellAt returns the wire and column under x, y.
func (g circuitGeom) cellAt(x, y float64) (q, s int, ok bool) {
	if x < g.gx || y < g.gy {
		return 0, 0, false
	}
	c, r := int((x-g.gx)/g.cw), int((y-g.gy)/g.ch)
	if c >= g.cols || r >= g.rows {
		return 0, 0, false
	}
	return g.q0 + r, g.s0 + c, true
}

// paletteAt returns the palette entry under x, y.
func (g circuitGeom) paletteAt(x, y float64) (int, bool) {
	if x < g.px || y < g.py {
		return 0, false
	}
	c, r := int((x-g.px)/g.pw), int((y-g.py)/g.pw)
	i := r*g.perRow + c
	if c >= g.perRow || i >= len(composer.Palette) {
		return 0, false
	}
	return i, true
}

// Circuit draws the composer: the gate palette, the grid of wires and
// steps around the cursor with each qubit's Bloch vector at the end of
// its wire, and the most likely outcomes with their amplitudes' phases
// and, once measured, the measured frequencies.
func Circuit(c draw.Canvas, th draw.Theme, p sim.Printer, m *composer.Model) {
	w, h := c.Size()
	c.Fill(draw.Rect(0, 0, w, h), th.Background)
	g := circuitLayout(w, h, m)
	circuitPalette(c, th, m, g)
	circuitGrid(c, th, p, m, g)
	circuitChart(c, th, p, m, g)
}

func circuitPalette(c draw.Canvas, th draw.Theme, m *composer.Model, g circuitGeom) {
	for i, e := range composer.Palette {
		x := g.px + g.pw*float64(i%g.perRow)
		y := g.py + g.pw*float64(i/g.perRow)
		box := draw.Rect(x+2, y+2, g.pw-4, g.pw-4)
		if e == m.Selected() {
			c.Fill(box, th.Accent)
			c.Text(x+g.pw/2, y+g.pw/2+4, e, draw.TextStyle{Color: th.Background, Size: labelSize(e, g.pw), Align: draw.Middle, Bold: true})
			continue
		}
		c.Stroke(box, 1.5, th.Accent)
		c.Text(x+g.pw/2, y+g.pw/2+4, e, draw.TextStyle{Color: th.Ink, Size: labelSize(e, g.pw), Align: draw.Middle})
	}
}

// labelSize fits a gate name in a box of width w.
func labelSize(name string, w float64) float64 {
	return clamp((w-6)/(float64(len(name))*0.74), 8, 13)
}

func circuitGrid(c draw.Canvas, th draw.Theme, p sim.Printer, m *composer.Model, g circuitGeom) {
	circ := m.Circuit()
	right := g.gx + g.cw*float64(g.cols)
	if circ.Qubits > g.rows {
		c.Text(g.gx-30, g.gy+g.ch*float64(g.rows)+14, p.Sprintf("Showing qubits %d to %d of %d; the grid follows the cursor.", g.q0, g.q0+g.rows-1, circ.Qubits), draw.TextStyle{Color: th.Muted, Size: 11})
	}
	for s := g.s0; s < g.s0+g.cols; s++ {
		c.Text(g.colX(s), g.gy-5, strconv.Itoa(s), draw.TextStyle{Color: th.Muted, Size: 10, Align: draw.Middle})
	}
	// Columns not yet applied while stepping are shaded.
	if m.Stepping() {
		from := math.Max(g.gx, g.gx+g.cw*float64(m.Shown()-g.s0))
		if from < right {
			c.Fill(draw.Rect(from, g.gy, right-from, g.ch*float64(g.rows)), fade(th.Muted, 50))
		}
		c.Stroke(draw.Line(from, g.gy-2, from, g.gy+g.ch*float64(g.rows)+2), 2.5, th.Second)
	}
	for r := range g.rows {
		q := g.q0 + r
		y := g.wireY(q)
		c.Text(g.gx-6, y+4, "q"+strconv.Itoa(q), draw.TextStyle{Color: th.Ink, Size: 12, Align: draw.End})
		c.Stroke(draw.Line(g.gx, y, right, y), 1.2, th.Muted)
		circuitBloch(c, th, m.Bloch(q), right+6+g.blochR, y, g.blochR)
	}
	for _, gate := range circ.Gates {
		if gate.Step < g.s0 || gate.Step >= g.s0+g.cols {
			continue
		}
		drawGate(c, th, g, gate)
	}
	// The cursor, over the gates so that it stays visible on them.
	q, s := m.Cursor()
	if q >= g.q0 && q < g.q0+g.rows && s >= g.s0 && s < g.s0+g.cols {
		x, y := g.colX(s)-g.cw/2, g.wireY(q)-g.ch/2
		c.Fill(draw.Rect(x+1, y+1, g.cw-2, g.ch-2), fade(th.Accent, 40))
		c.Stroke(draw.Rect(x+1, y+1, g.cw-2, g.ch-2), 2, th.Second)
		if d := m.Drag(); d != nil && d.Moved && !d.OffGrid {
			label := d.Gate
			if d.FromGrid {
				if i := circ.At(d.Qubit, d.Step); i >= 0 {
					label = strings.ToUpper(circ.Gates[i].Name)
				}
			}
			c.Stroke(dashed(x+4, y+4, x+g.cw-4, y+4, 4, 3), 1.5, th.Second)
			c.Stroke(dashed(x+4, y+g.ch-4, x+g.cw-4, y+g.ch-4, 4, 3), 1.5, th.Second)
			c.Text(x+g.cw/2, y+g.ch/2+4, label, draw.TextStyle{Color: th.Second, Size: labelSize(label, g.cw), Align: draw.Middle, Bold: true})
		}
	}
}

// drawGate draws one gate: controls as dots, X targets as ⊕, SWAP ends
// as ×, other targets as a labelled box, joined by a line across the
// wires between.
func drawGate(c draw.Canvas, th draw.Theme, g circuitGeom, gate composer.Gate) {
	info, _ := quantum.LookupGate(gate.Name)
	x := g.colX(gate.Step)
	lo, hi := gate.Span()
	top, bottom := math.Max(float64(lo), float64(g.q0)), math.Min(float64(hi), float64(g.q0+g.rows-1))
	yAt := func(q float64) float64 { return g.gy + g.ch*(q-float64(g.q0)+0.5) }
	if hi > lo {
		c.Stroke(draw.Line(x, yAt(top), x, yAt(bottom)), 2, th.Ink)
	}
	visible := func(q int) bool { return q >= g.q0 && q < g.q0+g.rows }
	r := math.Min(g.cw, g.ch) * 0.36
	for _, q := range gate.Qubits[:info.Controls] {
		if visible(q) {
			c.Fill(draw.Circle(x, g.wireY(q), 4.5), th.Ink)
		}
	}
	targets := gate.Qubits[info.Controls:]
	switch {
	case gate.Name == "swap" || gate.Name == "cswap":
		for _, q := range targets {
			if visible(q) {
				cross(c, x, g.wireY(q), r*0.6, th.Ink)
			}
		}
	case info.Controls > 0 && (gate.Name == "cx" || gate.Name == "CX" || gate.Name == "ccx" || gate.Name == "c3x" || gate.Name == "c4x"):
		q := targets[0]
		if visible(q) {
			y := g.wireY(q)
			c.Fill(draw.Circle(x, y, r), th.Background)
			c.Stroke(draw.Circle(x, y, r), 2, th.Ink)
			c.Stroke(draw.Line(x-r, y, x+r, y), 2, th.Ink)
			c.Stroke(draw.Line(x, y-r, x, y+r), 2, th.Ink)
		}
	case gate.Name == "cz":
		if q := targets[0]; visible(q) {
			c.Fill(draw.Circle(x, g.wireY(q), 4.5), th.Ink)
		}
	default:
		// One box over the target wires, labelled with the gate's name.
		tlo, thi := targets[0], targets[0]
		for _, q := range targets {
			tlo, thi = min(tlo, q), max(thi, q)
		}
		y0 := yAt(math.Max(float64(tlo), float64(g.q0))) - g.ch*0.38
		y1 := yAt(math.Min(float64(thi), float64(g.q0+g.rows-1))) + g.ch*0.38
		if y1 <= y0 {
			return
		}
		bw := g.cw * 0.8
		name := gateLabel(gate.Name)
		c.Fill(draw.Rect(x-bw/2, y0, bw, y1-y0), th.Accent)
		size := labelSize(name, bw)
		ty := (y0+y1)/2 + size*0.35
		if len(gate.Params) == 1 && g.ch >= 30 {
			ty -= 5
			deg := strconv.FormatFloat(math.Round(gate.Params[0]*180/math.Pi), 'f', -1, 64) + "°"
			c.Text(x, ty+11, deg, draw.TextStyle{Color: th.Background, Size: 9, Align: draw.Middle})
		}
		c.Text(x, ty, name, draw.TextStyle{Color: th.Background, Size: size, Align: draw.Middle, Bold: true})
	}
}

// gateLabel writes an OpenQASM gate name as the palette does: "Rz",
// "Sdg", "H".
func gateLabel(name string) string {
	if i := slices.IndexFunc(composer.Palette, func(e string) bool { return strings.ToLower(e) == name }); i >= 0 {
		return composer.Palette[i]
	}
	return strings.ToUpper(name)
}

// circuitBloch draws a qubit's Bloch vector seen from the y axis: x to
// the right, z up, its length the vector's. A shorter arrow means the
// qubit is entangled or mixed.
func circuitBloch(c draw.Canvas, th draw.Theme, v [3]float64, x, y, r float64) {
	c.Stroke(draw.Circle(x, y, r), 1, th.Muted)
	c.Stroke(draw.Line(x, y-r, x, y+r), 0.6, fade(th.Muted, 140))
	ex, ey := x+r*v[0], y-r*v[2]
	if math.Hypot(v[0], v[2]) < 0.05 {
		c.Fill(draw.Circle(x, y, 2.5), th.Second)
		return
	}
	c.Stroke(draw.Line(x, y, ex, ey), 2, th.Accent)
	c.Fill(draw.Circle(ex, ey, 2.5), th.Accent)
}

// circuitChart draws the most likely basis states as bars of
// probability, each with a dial of its amplitude (radius for magnitude,
// hand for phase) and, once measured, a mark at its measured frequency.
func circuitChart(c draw.Canvas, th draw.Theme, p sim.Printer, m *composer.Model, g circuitGeom) {
	if g.chgt < 60 {
		return
	}
	circ := m.Circuit()
	n := circ.Qubits
	labelW := math.Max(float64(n)*7+6, 20)
	slots := clamp(math.Floor((g.cwid-34)/labelW), 2, 16)
	var states []int
	if n <= 4 {
		for i := range 1 << n {
			states = append(states, i)
		}
	} else {
		states = slices.Clone(m.Top(int(slots)))
		slices.Sort(states)
	}
	if len(states) > int(slots) {
		states = states[:int(slots)]
	}
	counts, measured := m.Counts()
	var title string
	switch {
	case n > 4:
		title = p.Sprintf("The %d most likely outcomes", len(states))
	case measured:
		title = p.Sprintf("Probabilities (bars), frequencies in %d shots (marks)", m.Shots())
	case m.Stepping() && m.Shown() == 0:
		title = p.Sprintf("Probabilities before step 0")
	case m.Stepping():
		title = p.Sprintf("Probabilities after step %d", m.Shown()-1)
	default:
		title = p.Sprintf("Probabilities")
	}
	x, y := g.cx, g.cy
	c.Text(x, y+16, title, draw.TextStyle{Color: th.Ink, Bold: true, Size: 13})
	if note := p.Sprintf("q0 is the rightmost bit"); textWidth(title, 13)+textWidth(note, 11)+24 < g.cwid {
		c.Text(x+g.cwid, y+16, note, draw.TextStyle{Color: th.Muted, Size: 11, Align: draw.End})
	}
	left := x + 34
	dial := clamp((g.chgt-70)/6, 5, 10)
	top, bottom := y+30, y+g.chgt-24-2*dial
	slot := (x + g.cwid - left) / float64(max(len(states), 1))
	ay := func(v float64) float64 { return bottom - (bottom-top)*v }
	for _, v := range []float64{0, 0.5, 1} {
		c.Stroke(draw.Line(left, ay(v), x+g.cwid, ay(v)), 1, fade(th.Muted, 70))
		c.Text(left-4, ay(v)+4, strconv.Itoa(int(v*100))+"%", draw.TextStyle{Color: th.Muted, Size: 10, Align: draw.End})
	}
	freq := map[uint64]int{}
	for _, k := range counts {
		freq[k.Value] = k.N
	}
	bw := math.Min(slot*0.6, 40)
	for i, s := range states {
		cx := left + slot*(float64(i)+0.5)
		a := m.Amplitude(s)
		pr := real(a)*real(a) + imag(a)*imag(a)
		c.Fill(draw.Rect(cx-bw/2, ay(pr), bw, bottom-ay(pr)), th.Accent)
		if measured {
			f := float64(freq[uint64(s)]) / float64(m.Shots())
			c.Stroke(draw.Line(cx-bw/2-4, ay(f), cx+bw/2+4, ay(f)), 2.5, th.Second)
		}
		if pr > 0.005 && slot >= 30 {
			c.Text(cx, ay(pr)-4, strconv.Itoa(int(math.Round(pr*100)))+"%", draw.TextStyle{Color: th.Ink, Size: 10, Align: draw.Middle})
		}
		c.Text(cx, bottom+13, quantum.Bitstring(s, n), draw.TextStyle{Color: th.Ink, Size: 11, Align: draw.Middle})
		dy := bottom + 20 + dial
		c.Stroke(draw.Circle(cx, dy, dial), 1, th.Muted)
		if mag := cmplx.Abs(a); mag > 1e-6 {
			c.Fill(draw.Circle(cx, dy, dial*mag), fade(th.Accent, 90))
			ph := cmplx.Phase(a)
			c.Stroke(draw.Line(cx, dy, cx+dial*math.Cos(ph), dy-dial*math.Sin(ph)), 1.5, th.Ink)
		}
	}
}

// circuitInput places, moves and deletes gates with the pointer and the
// keyboard, and moves the cursor.
var circuitInput = Input{
	Keys: "Arrow keys move the cursor over the grid. Enter places the selected gate; H, X, Y, Z, S and T place that gate and C a CNOT from the control qubit. Delete removes the gate under the cursor. [ and ] step through the circuit; Ctrl+Z undoes and Ctrl+Y redoes; M measures.",
	Handle: func(sm sim.Model, ev Event, w, h float64) bool {
		m := sm.(*composer.Model)
		if ev.Kind == Key {
			return circuitKey(m, ev)
		}
		return circuitPointer(m, circuitLayout(w, h, m), ev)
	},
}

func circuitKey(m *composer.Model, ev Event) bool {
	q, s := m.Cursor()
	key := ev.Key
	if ev.Ctrl {
		switch key {
		case "z":
			m.Report(m.Do("undo"))
		case "y", "Z":
			m.Report(m.Do("redo"))
		default:
			return false
		}
		return true
	}
	switch key {
	case "ArrowUp":
		m.SetCursor(q-1, s)
	case "ArrowDown":
		m.SetCursor(q+1, s)
	case "ArrowLeft":
		m.SetCursor(q, s-1)
	case "ArrowRight":
		m.SetCursor(q, s+1)
	case "Home":
		m.SetCursor(q, 0)
	case "End":
		m.SetCursor(q, m.Circuit().Depth())
	case "Enter", " ":
		m.Report(m.Place(m.Selected(), q, s))
	case "Delete", "Backspace":
		m.Remove(q, s)
	case "[":
		m.Report(m.Do("back"))
	case "]":
		m.Report(m.Do("forward"))
	case "m", "M":
		m.Report(m.Do("measure"))
	case "c", "C":
		m.Report(m.Place("CX", q, s))
	default:
		if len(key) == 1 && strings.Contains("hxyzstHXYZST", key) {
			m.Report(m.Place(strings.ToUpper(key), q, s))
			return true
		}
		return false
	}
	return true
}

// circuitPointer: a press on the palette selects a gate and may drag it
// onto the grid; a press on a gate may drag it to another cell, or off
// the grid to delete it; a click on an empty cell places the selected
// gate there, or in the cell the pointer is dragged to.
func circuitPointer(m *composer.Model, g circuitGeom, ev Event) bool {
	q, s, inGrid := g.cellAt(ev.X, ev.Y)
	d := m.Drag()
	switch ev.Kind {
	case Press:
		if i, ok := g.paletteAt(ev.X, ev.Y); ok {
			m.Select(composer.Palette[i])
			m.SetDrag(&composer.Drag{Gate: composer.Palette[i], Qubit: -1, Step: -1})
			return true
		}
		if !inGrid {
			return false
		}
		m.SetCursor(q, s)
		m.SetDrag(&composer.Drag{Gate: m.Selected(), FromGrid: m.Circuit().At(q, s) >= 0, Qubit: q, Step: s})
		return true
	case Drag:
		if d == nil {
			return false
		}
		d.OffGrid = !inGrid
		d.Moved = d.Moved || !inGrid || q != d.Qubit || s != d.Step
		if inGrid {
			m.SetCursor(q, s)
		}
		return true
	case Release:
		if d == nil {
			return false
		}
		m.SetDrag(nil)
		switch {
		case d.Qubit < 0 && inGrid: // from the palette
			m.Report(m.Place(d.Gate, q, s))
		case d.FromGrid && !inGrid && d.Moved:
			m.Remove(d.Qubit, d.Step)
		case d.FromGrid && inGrid && (q != d.Qubit || s != d.Step):
			m.Report(m.Move(d.Qubit, d.Step, q, s))
		case !d.FromGrid && d.Qubit >= 0 && inGrid:
			m.Report(m.Place(m.Selected(), q, s))
		}
		return true
	}
	return false
}
