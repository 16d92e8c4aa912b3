package views

import (
	"image"
	"image/color"
	"math"
	"strconv"

	"nexuslab/sim"
	"nexuslab/sim/learn/dataset"
	"nexuslab/sim/playground"
	"nexuslab/wasm/draw"
)

// Grid sizes of the drawn surfaces: fine enough to show a curved
// boundary, coarse enough to recompute every frame while training.
const (
	surfaceCells = 50
	unitCells    = 12
)

// Playground draws the neural-network playground: the decision surface
// with the training points (filled) and test points (hollow), the network
// with each unit's own output as a small picture and each weight as a
// line whose thickness is its size and whose colour its sign, and the
// training and test loss against the epoch. Its zero value is ready to
// use; it keeps the pixel grids between frames so that redrawing while
// the network trains allocates none. It is not safe for concurrent use.
type Playground struct {
	grid         []float64
	img          *image.RGBA
	units        []*image.RGBA // one per unit, in layer order
	fills, rings [2]draw.Path  // training and test points by class
}

// Draw draws m on c.
func (v *Playground) Draw(c draw.Canvas, th draw.Theme, p sim.Printer, m *playground.Model) {
	w, h := c.Size()
	c.Fill(draw.Rect(0, 0, w, h), th.Background)
	const margin = 12
	// Room under the surface: its ticks and the lines of surfaceLines,
	// which depend on its size; two passes settle both.
	below := func(s float64) float64 { return 24 + 14*float64(len(surfaceLines(p, m, s))) }
	// Pictures first, then shapes: the browser's back end draws
	// antialiased shapes through a buffer that each picture flushes, so
	// the two passes keep the flushes per frame to one.
	var sx, sy, s, nx, ny, nw, nh, lx, ly, lw, lh float64
	if w >= 1.15*h {
		// Surface on the right, as large as the height allows; network
		// above the losses on the left.
		s = math.Min(h-2*margin-22-below(w*0.5), w*0.5)
		s = math.Min(h-2*margin-22-below(s), w*0.5)
		sx, sy = w-margin-s, margin
		nx, ny, nw, nh = margin, margin, sx-44-margin, (h-2*margin)*0.6
		lx, ly, lw, lh = margin, margin+(h-2*margin)*0.6+8, nw, (h-2*margin)*0.4-8
	} else {
		s = math.Min(w-2*margin-36, h*0.42)
		sx, sy = w-margin-s, margin
		top := margin + 22 + s + below(s)
		rest := h - top - margin
		nx, ny, nw, nh = margin, top, w-2*margin, rest*0.5
		lx, ly, lw, lh = margin, top+rest*0.5+4, w-2*margin, rest*0.5-4
	}
	for _, pictures := range []bool{true, false} {
		v.surface(c, th, p, m, sx, sy, s, pictures)
		v.network(c, th, p, m, nx, ny, nw, nh, pictures)
	}
	lossChart(c, th, p, m, lx, ly, lw, lh)
}

// tone maps t in [−1, 1] to a colour: the background at 0, towards the
// class-0 colour below and the class-1 colour above. Levels are steps of
// a tenth, as a map's contours are, which keeps boundaries legible.
func tone(th draw.Theme, t, strength float64) color.RGBA {
	t = math.Round(clamp(t, -1, 1)*10) / 10
	to := th.Second
	if t < 0 {
		to = th.Accent
	}
	return blend(th.Background, to, math.Abs(t)*strength)
}

// blend returns the colour a fraction t of the way from a to b, opaque.
func blend(a, b color.RGBA, t float64) color.RGBA {
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + (float64(y)-float64(x))*t)) }
	return color.RGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 0xff}
}

// paint fills img, grown to n×n if needed, with the tones of vals scaled
// by scale, and returns it.
func paint(img *image.RGBA, th draw.Theme, vals []float64, n int, scale, offset, strength float64) *image.RGBA {
	if img == nil || img.Rect.Dx() != n || img.Rect.Dy() != n {
		img = image.NewRGBA(image.Rect(0, 0, n, n))
	}
	for i, val := range vals[:n*n] {
		col := tone(th, (val-offset)*scale, strength)
		j := 4 * i
		img.Pix[j], img.Pix[j+1], img.Pix[j+2], img.Pix[j+3] = col.R, col.G, col.B, col.A
	}
	return img
}

// surface draws the output over the plane in a square of side s at x, y:
// with pictures, the output itself; without, the points, the axes in the
// data set's units and a legend.
func (v *Playground) surface(c draw.Canvas, th draw.Theme, p sim.Printer, m *playground.Model, x, y, s float64, pictures bool) {
	reg := m.Regression()
	top := y + 22
	if pictures {
		v.grid = m.Surface(v.grid, surfaceCells)
		offset, scale := 0.5, 2.0 // a probability of class 1, from 0 to 1
		if reg {
			offset, scale = 0, 1
		}
		v.img = paint(v.img, th, v.grid, surfaceCells, scale, offset, 0.4)
		c.Image(v.img, x, top, s, s)
		return
	}
	title := p.Sprintf("Output after %d epochs", m.Epoch())
	c.Text(x, y+14, title, draw.TextStyle{Color: th.Ink, Bold: true})
	c.Stroke(draw.Rect(x, top, s, s), 1, th.Muted)

	lo, hi := m.Domain()
	at := func(px, py float64) (float64, float64) {
		return x + s*(px-lo)/(hi-lo), top + s*(hi-py)/(hi-lo)
	}
	r := math.Max(2, s/110)
	for k := range 2 {
		v.fills[k].Ops, v.rings[k].Ops = v.fills[k].Ops[:0], v.rings[k].Ops[:0]
	}
	add := func(set *dataset.Set, dst *[2]draw.Path) {
		for i := range set.Len() {
			px, py := at(set.X[2*i], set.X[2*i+1])
			k := 0
			if set.Y[i] > 0 || (!reg && set.Y[i] == 1) {
				k = 1
			}
			marker(&dst[k], k, px, py, r)
		}
	}
	add(m.Train(), &v.fills)
	add(m.Test(), &v.rings)
	cols := [2]color.RGBA{th.Accent, th.Second}
	for k := range 2 {
		if len(v.fills[k].Ops) > 0 {
			c.Fill(&v.fills[k], cols[k])
			c.Stroke(&v.fills[k], 0.8, th.Background)
		}
		if len(v.rings[k].Ops) > 0 {
			c.Stroke(&v.rings[k], 1.3, cols[k])
		}
	}

	// Ticks at both ends and the middle, in the data set's units.
	columns := m.Train().Columns
	value := func(i int, u float64) string {
		if i < len(columns) {
			u = columns[i].Value(u)
		}
		return strconv.FormatFloat(math.Round(u), 'f', 0, 64)
	}
	for _, u := range []float64{lo, (lo + hi) / 2, hi} {
		px, py := at(u, u)
		st := draw.TextStyle{Color: th.Muted, Size: 11, Align: draw.Middle}
		if u == lo {
			st.Align = draw.Start
		} else if u == hi {
			st.Align = draw.End
		}
		c.Text(px, top+s+13, value(0, u), st)
		c.Text(x-4, py+4, value(1, u), draw.TextStyle{Color: th.Muted, Size: 11, Align: draw.End})
	}
	for i, line := range surfaceLines(p, m, s) {
		c.Text(x+s/2, top+s+28+14*float64(i), line, draw.TextStyle{Color: th.Ink, Size: 11, Align: draw.Middle})
	}
}

// surfaceLines returns the lines written under a surface of side s: the
// axes' names and the legend, on as few lines as fit.
func surfaceLines(p sim.Printer, m *playground.Model, s float64) []string {
	columns := m.Train().Columns
	name := func(i int) string {
		if i < len(columns) && columns[i].Label != "" {
			return p.Sprintf(columns[i].Label)
		}
		return [2]string{"x₁", "x₂"}[i]
	}
	classes := p.Sprintf("● class 0  ■ class 1")
	switch {
	case m.Regression():
		classes = p.Sprintf("● below 0  ■ above 0")
	case m.Train().Name == "crop":
		classes = p.Sprintf("● not stressed  ■ stressed")
	}
	groups := [][]string{
		{axisName(p, "across", name(0), "x₁"), axisName(p, "up", name(1), "x₂")},
		{classes, p.Sprintf("filled: training, hollow: test")},
	}
	var lines []string
	for _, g := range groups {
		line := g[0]
		for _, part := range g[1:] {
			if textWidth(line+" · "+part, 11) < s {
				line += " · " + part
				continue
			}
			lines = append(lines, line)
			line = part
		}
		lines = append(lines, line)
	}
	return lines
}

// axisName names an axis of the surface: its direction, and the quantity
// with the network's input name for it when they differ.
func axisName(p sim.Printer, dir, quantity, input string) string {
	if quantity == input {
		if dir == "across" {
			return p.Sprintf("across: %s", quantity)
		}
		return p.Sprintf("up: %s", quantity)
	}
	if dir == "across" {
		return p.Sprintf("across, %s: %s", input, quantity)
	}
	return p.Sprintf("up, %s: %s", input, quantity)
}

// marker adds the shape of class k to path: a circle for 0, a square for
// 1, so that classes differ in shape as well as colour.
func marker(path *draw.Path, k int, x, y, r float64) {
	switch k % 5 {
	case 0:
		path.MoveTo(x+r, y)
		path.Arc(x, y, r, 0, 2*math.Pi)
	case 1:
		d := r * 0.9
		path.MoveTo(x-d, y-d)
		path.LineTo(x+d, y-d)
		path.LineTo(x+d, y+d)
		path.LineTo(x-d, y+d)
	case 2:
		d := r * 1.2
		path.MoveTo(x, y-d)
		path.LineTo(x+d*0.87, y+d*0.5)
		path.LineTo(x-d*0.87, y+d*0.5)
	case 3:
		d := r * 1.25
		path.MoveTo(x, y-d)
		path.LineTo(x+d, y)
		path.LineTo(x, y+d)
		path.LineTo(x-d, y)
	case 4:
		d := r * 1.2
		path.MoveTo(x, y+d)
		path.LineTo(x+d*0.87, y-d*0.5)
		path.LineTo(x-d*0.87, y-d*0.5)
	}
	path.Close()
}

// network draws the layers as columns of units, each showing its own
// output over the plane, joined by their weights: with pictures, the
// units' outputs; without, everything else.
func (v *Playground) network(c draw.Canvas, th draw.Theme, p sim.Printer, m *playground.Model, x, y, w, h float64, pictures bool) {
	sizes := m.Sizes()
	top, bottom := y+26, y+h
	labelW := 40.0 // room for the features' names
	left, right := x+labelW, x+w-4
	cols := len(sizes)
	most := 1
	for _, n := range sizes {
		most = max(most, n)
	}
	gapX := (right - left) / float64(max(cols-1, 1))
	gapY := (bottom - top) / float64(most)
	box := math.Min(28, math.Min(gapX*0.42, gapY*0.82))
	pos := func(l, j int) (float64, float64) {
		cx := left + gapX*float64(l)
		if cols == 1 {
			cx = (left + right) / 2
		}
		n := float64(sizes[l])
		return cx, (top+bottom)/2 + (float64(j)-(n-1)/2)*gapY
	}
	if pictures {
		u := 0
		for l, n := range sizes {
			for j := range n {
				cx, cy := pos(l, j)
				if u == len(v.units) {
					v.units = append(v.units, nil)
				}
				v.grid = m.UnitSurface(v.grid, unitCells, l, j)
				scale, offset := unitScale(v.grid[:unitCells*unitCells])
				if l == cols-1 && !m.Regression() {
					scale, offset = 2, 0.5
				}
				v.units[u] = paint(v.units[u], th, v.grid, unitCells, scale, offset, 0.8)
				c.Image(v.units[u], cx-box/2, cy-box/2, box, box)
				u++
			}
		}
		return
	}
	c.Text(x, y+14, p.Sprintf("Network"), draw.TextStyle{Color: th.Ink, Bold: true})
	for _, key := range []string{p.Sprintf("weights: orange +, blue −, thicker is larger"), p.Sprintf("weights: orange +, blue −")} {
		if textWidth(key, 11)+textWidth(p.Sprintf("Network"), 14)+16 < w {
			c.Text(x+w, y+14, key, draw.TextStyle{Color: th.Muted, Size: 11, Align: draw.End})
			break
		}
	}
	if sizes[0] == 0 {
		c.Text(x, (top+bottom)/2, p.Sprintf("no inputs"), draw.TextStyle{Color: th.Warn, Size: 12})
	}
	var outlines draw.Path
	for l, n := range sizes {
		for j := range n {
			cx, cy := pos(l, j)
			outlines.Ops = append(outlines.Ops, draw.Rect(cx-box/2, cy-box/2, box, box).Ops...)
		}
	}
	// Weights end at the pictures' edges, so drawing them after the
	// pictures does not show. One path per sign and width class keeps
	// the drawing calls few.
	var links [2][4]draw.Path
	for l := 1; l < cols; l++ {
		for to := range sizes[l] {
			tx, ty := pos(l, to)
			for from := range sizes[l-1] {
				fx, fy := pos(l-1, from)
				wt := m.Weight(l, to, from)
				sign := 0
				if wt > 0 {
					sign = 1
				}
				k := min(int(math.Abs(wt)*2), 3)
				links[sign][k].MoveTo(fx+box/2, fy)
				links[sign][k].LineTo(tx-box/2, ty)
			}
		}
	}
	linkCol := [2]color.RGBA{th.Accent, th.Second}
	for sign := range 2 {
		for k := range 4 {
			if len(links[sign][k].Ops) > 0 {
				c.Stroke(&links[sign][k], 0.6+1.1*float64(k), fade(linkCol[sign], 200))
			}
		}
	}
	c.Stroke(&outlines, 1, th.Ink)
	for j, f := range m.Features() {
		cx, cy := pos(0, j)
		c.Text(cx-box/2-4, cy+4, f.Label(), draw.TextStyle{Color: th.Ink, Size: 12, Align: draw.End})
	}
}

// unitScale returns the scale that fits a unit's outputs into [−1, 1]
// without stretching those already inside it, so that tanh units keep
// their absolute shading and features such as x₁² still show a pattern.
func unitScale(vals []float64) (scale, offset float64) {
	most := 1.0
	for _, v := range vals {
		most = math.Max(most, math.Abs(v))
	}
	return 1 / most, 0
}

// lossChart draws the training and test losses against the epoch.
func lossChart(c draw.Canvas, th draw.Theme, p sim.Printer, m *playground.Model, x, y, w, h float64) {
	train, test := m.TrainLoss(), m.TestLoss()
	e := len(train) - 1
	c.Text(x, y+14, p.Sprintf("Loss"), draw.TextStyle{Color: th.Ink, Bold: true})
	lt := p.Sprintf("training %s", fixed(train[e], 3))
	ls := p.Sprintf("test %s", fixed(test[e], 3))
	st := draw.TextStyle{Size: 12, Align: draw.End}
	st.Color = th.Second
	c.Text(x+w, y+14, ls, st)
	lx := x + w - textWidth(ls, 12) - 30
	c.Stroke(dashed(lx, y+10, lx+20, y+10, 4, 3), 2, th.Second)
	st.Color = th.Accent
	c.Text(lx-8, y+14, lt, st)
	lx -= textWidth(lt, 12) + 34
	c.Stroke(draw.Line(lx, y+10, lx+20, y+10), 2, th.Accent)

	left, right := x+34, x+w-4
	top, bottom := y+24, y+h-16
	if bottom-top < 10 {
		return
	}
	most := 0.0
	for i := range train {
		most = math.Max(most, math.Max(train[i], test[i]))
	}
	if !(most > 0) || math.IsInf(most, 0) {
		most = 1
	}
	last := max(e, 10)
	ax := func(i int) float64 { return left + (right-left)*float64(i)/float64(last) }
	ay := func(v float64) float64 { return bottom - (bottom-top)*math.Min(v, most)/most }
	c.Stroke(draw.Line(left, bottom, right, bottom), 1, th.Muted)
	c.Stroke(draw.Line(left, top, left, bottom), 1, th.Muted)
	c.Text(left-4, top+8, fixed(most, 2), draw.TextStyle{Color: th.Muted, Size: 11, Align: draw.End})
	c.Text(left-4, bottom, "0", draw.TextStyle{Color: th.Muted, Size: 11, Align: draw.End})
	c.Text(left, bottom+13, "0", draw.TextStyle{Color: th.Muted, Size: 11})
	c.Text(right, bottom+13, p.Sprintf("epoch %d", last), draw.TextStyle{Color: th.Muted, Size: 11, Align: draw.End})
	// At most about one vertex per two pixels: a long run stays cheap.
	stride := max(1, int(math.Ceil(float64(e)/math.Max((right-left)/2, 1))))
	curve := func(vals []float64) *draw.Path {
		path := &draw.Path{}
		for i := 0; i <= e; i += stride {
			if i == 0 {
				path.MoveTo(ax(i), ay(vals[i]))
			} else {
				path.LineTo(ax(i), ay(vals[i]))
			}
		}
		if e%stride != 0 {
			path.LineTo(ax(e), ay(vals[e]))
		}
		return path
	}
	if e == 0 {
		c.Fill(draw.Circle(ax(0), ay(train[0]), 3), th.Accent)
		c.Stroke(draw.Circle(ax(0), ay(test[0]), 5), 1.5, th.Second)
		return
	}
	c.Stroke(curve(train), 2, th.Accent)
	c.Stroke(dashedPath(curve(test), 5, 3), 2, th.Second)
}

// dashedPath returns path's polylines as dashes of length dash separated
// by gap, the pattern running on across vertices.
func dashedPath(path *draw.Path, dash, gap float64) *draw.Path {
	out := &draw.Path{}
	phase := 0.0 // distance into the current dash-and-gap period
	var px, py float64
	for _, op := range path.Ops {
		if op.Kind != draw.LineOp {
			px, py = op.X, op.Y
			continue
		}
		l := math.Hypot(op.X-px, op.Y-py)
		for s := 0.0; s < l; {
			step := math.Min(l-s, dash+gap-phase)
			if phase < dash {
				on := math.Min(step, dash-phase)
				a, b := s/l, (s+on)/l
				out.MoveTo(px+(op.X-px)*a, py+(op.Y-py)*a)
				out.LineTo(px+(op.X-px)*b, py+(op.Y-py)*b)
			}
			s += step
			phase = math.Mod(phase+step, dash+gap)
		}
		px, py = op.X, op.Y
	}
	return out
}
