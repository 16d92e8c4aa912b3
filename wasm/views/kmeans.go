package views

import (
	"image"
	"math"
	"strconv"

	"nexuslab/sim"
	"nexuslab/sim/kmeans"
	"nexuslab/wasm/draw"
)

// regionCells is the grid on which the nearest centroid is shaded.
const regionCells = 60

// Kmeans draws the clustering: the points in their indicators' units,
// coloured and shaped by cluster, over the region nearest each centroid;
// the centroids, numbered; after an assignment, arrows to where the update
// will move each centroid; and inertia and silhouette against k. Its zero
// value is ready to use; it keeps its buffers between frames. It is not
// safe for concurrent use.
type Kmeans struct {
	cen  []float64
	img  *image.RGBA
	sums []float64
}

// Draw draws m on c.
func (v *Kmeans) Draw(c draw.Canvas, th draw.Theme, p sim.Printer, m *kmeans.Model) {
	w, h := c.Size()
	c.Fill(draw.Rect(0, 0, w, h), th.Background)
	const margin = 12
	if w >= 1.15*h {
		s := math.Min(h-2*margin-22-44, w*0.58)
		v.scatter(c, th, p, m, margin+40, margin, s)
		x := margin + 40 + s + 24
		cw := w - x - margin
		ch := (h - 2*margin - margin) / 2
		kCurve(c, th, p, m, false, x, margin, cw, ch)
		kCurve(c, th, p, m, true, x, margin+ch+margin, cw, ch)
		return
	}
	s := math.Min(w-2*margin-40, h*0.55)
	v.scatter(c, th, p, m, margin+40, margin, s)
	top := margin + 22 + s + 44
	cw := (w - 3*margin) / 2
	ch := h - top - margin
	kCurve(c, th, p, m, false, margin, top, cw, ch)
	kCurve(c, th, p, m, true, 2*margin+cw, top, cw, ch)
}

// scatter draws the points, regions and centroids in a square of side s
// whose plot starts at x, y+22.
func (v *Kmeans) scatter(c draw.Canvas, th draw.Theme, p sim.Printer, m *kmeans.Model, x, y, s float64) {
	set := m.Points()
	k := m.K()
	v.cen = m.Centroids(v.cen)
	var title, short string
	switch {
	case m.Assignments() == nil:
		title = p.Sprintf("Starting centroids, k = %d", k)
		short = title
	case m.Converged():
		title = p.Sprintf("Step %d: converged, k = %d", m.Step(), k)
		short = p.Sprintf("Step %d: converged", m.Step())
	case m.NextIsAssign():
		title = p.Sprintf("Step %d: centroids moved to their means", m.Step())
		short = p.Sprintf("Step %d: centroids moved", m.Step())
	default:
		title = p.Sprintf("Step %d: points assigned to the nearest centroid", m.Step())
		short = p.Sprintf("Step %d: points assigned", m.Step())
	}
	if textWidth(title, 14) > s+40 {
		title = short
	}
	c.Text(x-40, y+14, title, draw.TextStyle{Color: th.Ink, Bold: true})
	top := y + 22

	// The plotted window: every point and centroid, with a margin, in
	// each indicator's own units.
	lo := [2]float64{math.Inf(1), math.Inf(1)}
	hi := [2]float64{math.Inf(-1), math.Inf(-1)}
	grow := func(vals []float64) {
		for i, val := range vals {
			lo[i%2], hi[i%2] = math.Min(lo[i%2], val), math.Max(hi[i%2], val)
		}
	}
	grow(set.X)
	grow(v.cen)
	for j := range 2 {
		pad := math.Max((hi[j]-lo[j])*0.05, 1e-9)
		lo[j], hi[j] = lo[j]-pad, hi[j]+pad
	}
	at := func(a, b float64) (float64, float64) {
		return x + s*(a-lo[0])/(hi[0]-lo[0]), top + s*(hi[1]-b)/(hi[1]-lo[1])
	}

	// Each cell of the region grid takes the colour of the centroid
	// nearest its centre, measured as k-means measures.
	_, sd := m.Scaling() // the means cancel in a difference
	if v.img == nil {
		v.img = image.NewRGBA(image.Rect(0, 0, regionCells, regionCells))
	}
	for r := range regionCells {
		b := hi[1] - (float64(r)+0.5)*(hi[1]-lo[1])/regionCells
		for col := range regionCells {
			a := lo[0] + (float64(col)+0.5)*(hi[0]-lo[0])/regionCells
			best, bestD := 0, math.Inf(1)
			for j := range k {
				da := (a - v.cen[2*j]) / sd[0]
				db := (b - v.cen[2*j+1]) / sd[1]
				if d := da*da + db*db; d < bestD {
					best, bestD = j, d
				}
			}
			tint := blend(th.Background, seriesColor(th, best), 0.16)
			i := 4 * (r*regionCells + col)
			v.img.Pix[i], v.img.Pix[i+1], v.img.Pix[i+2], v.img.Pix[i+3] = tint.R, tint.G, tint.B, 0xff
		}
	}
	c.Image(v.img, x, top, s, s)
	c.Stroke(draw.Rect(x, top, s, s), 1, th.Muted)

	// Points: one path per cluster, so each is one drawing call.
	assign := m.Assignments()
	paths := make([]draw.Path, max(k, 1))
	r := math.Max(2.2, s/120)
	if set.Len() > 500 {
		r *= 0.8
	}
	for i := range set.Len() {
		px, py := at(set.X[2*i], set.X[2*i+1])
		cl := 0
		if assign != nil {
			cl = assign[i]
		}
		marker(&paths[cl], cl, px, py, r)
	}
	for cl := range paths {
		col := th.Muted
		if assign != nil {
			col = seriesColor(th, cl)
		}
		if len(paths[cl].Ops) > 0 {
			c.Fill(&paths[cl], col)
		}
	}

	// After an assignment the next update moves each centroid to the
	// mean of its points: an arrow shows where.
	if assign != nil && !m.NextIsAssign() && !m.Converged() {
		if cap(v.sums) < 3*k {
			v.sums = make([]float64, 3*k)
		}
		sums := v.sums[:3*k]
		clear(sums)
		for i, cl := range assign {
			sums[3*cl] += set.X[2*i]
			sums[3*cl+1] += set.X[2*i+1]
			sums[3*cl+2]++
		}
		for j := range k {
			if sums[3*j+2] == 0 {
				continue
			}
			x0, y0 := at(v.cen[2*j], v.cen[2*j+1])
			x1, y1 := at(sums[3*j]/sums[3*j+2], sums[3*j+1]/sums[3*j+2])
			if math.Hypot(x1-x0, y1-y0) > 4 {
				arrow(c, x0, y0, x1, y1, 2, th.Ink)
			}
		}
	}
	for j := range k {
		cx, cy := at(v.cen[2*j], v.cen[2*j+1])
		var mk draw.Path
		marker(&mk, j, cx, cy, 8)
		c.Fill(&mk, seriesColor(th, j))
		c.Stroke(&mk, 2, th.Ink)
		c.Text(cx+10, cy-8, strconv.Itoa(j+1), draw.TextStyle{Color: th.Ink, Size: 12, Bold: true})
	}

	// Axes in the indicators' units.
	name := func(j int) string {
		if j < len(set.Columns) && set.Columns[j].Label != "" {
			return p.Sprintf(set.Columns[j].Label)
		}
		return [2]string{"x₁", "x₂"}[j]
	}
	num := func(val float64) string {
		if hi[0]-lo[0] < 20 && math.Abs(val) < 20 {
			return fixed(val, 1)
		}
		return strconv.Itoa(int(math.Round(val)))
	}
	for _, f := range []float64{0.1, 0.5, 0.9} {
		a := lo[0] + f*(hi[0]-lo[0])
		b := lo[1] + f*(hi[1]-lo[1])
		px, py := at(a, b)
		c.Text(px, top+s+13, num(a), draw.TextStyle{Color: th.Muted, Size: 11, Align: draw.Middle})
		c.Text(x-4, py+4, num(b), draw.TextStyle{Color: th.Muted, Size: 11, Align: draw.End})
		c.Stroke(draw.Line(px, top+s, px, top+s+3), 1, th.Muted)
		c.Stroke(draw.Line(x-3, py, x, py), 1, th.Muted)
	}
	c.Text(x+s/2, top+s+27, p.Sprintf("across: %s", name(0)), draw.TextStyle{Color: th.Ink, Size: 11, Align: draw.Middle})
	c.Text(x+s/2, top+s+41, p.Sprintf("up: %s", name(1)), draw.TextStyle{Color: th.Ink, Size: 11, Align: draw.Middle})
}

// kCurve draws inertia (or, with sil, the mean silhouette) of k-means run
// to the end for each k, with the current k marked and the current run's
// value as a ring.
func kCurve(c draw.Canvas, th draw.Theme, p sim.Printer, m *kmeans.Model, sil bool, x, y, w, h float64) {
	curve := m.Curve()
	title, col := p.Sprintf("Inertia by k (lower is tighter)"), th.Accent
	if sil {
		title, col = p.Sprintf("Silhouette by k (higher is clearer)"), th.Second
	}
	if textWidth(title, 13) > w {
		title = p.Sprintf("Inertia by k")
		if sil {
			title = p.Sprintf("Silhouette by k")
		}
	}
	c.Text(x, y+14, title, draw.TextStyle{Color: th.Ink, Bold: true, Size: 13})
	if len(curve) == 0 {
		return
	}
	left, right := x+32, x+w-8
	top, bottom := y+26, y+h-16
	if bottom-top < 12 {
		return
	}
	val := func(cp kmeans.CurvePoint) float64 {
		if sil {
			return cp.Silhouette
		}
		return cp.Inertia
	}
	lo, hi := 0.0, 0.0
	for _, cp := range curve {
		if v := val(cp); !math.IsNaN(v) {
			hi = math.Max(hi, v)
			lo = math.Min(lo, v)
		}
	}
	cur := m.Silhouette()
	if !sil {
		cur = m.Inertia()
	}
	if !math.IsNaN(cur) {
		hi, lo = math.Max(hi, cur), math.Min(lo, cur)
	}
	if sil {
		hi = math.Max(hi, 1)
	}
	if hi <= lo {
		hi = lo + 1
	}
	last := kmeans.MaxK
	ax := func(k int) float64 { return left + (right-left)*float64(k-1)/float64(last-1) }
	ay := func(v float64) float64 { return bottom - (bottom-top)*(v-lo)/(hi-lo) }
	c.Stroke(draw.Line(left, bottom, right, bottom), 1, th.Muted)
	if lo < 0 {
		c.Stroke(dashed(left, ay(0), right, ay(0), 2, 3), 1, th.Muted)
	}
	short := func(v float64) string {
		switch {
		case sil || math.Abs(v) < 10:
			return fixed(v, 1)
		case math.Abs(v) >= 1e6:
			return fixed(v/1e6, 1) + "M"
		case math.Abs(v) >= 1e4:
			return strconv.Itoa(int(math.Round(v/1e3))) + "k"
		}
		return strconv.Itoa(int(math.Round(v)))
	}
	c.Text(left-4, top+8, short(hi), draw.TextStyle{Color: th.Muted, Size: 10, Align: draw.End})
	c.Text(left-4, bottom, short(lo), draw.TextStyle{Color: th.Muted, Size: 10, Align: draw.End})
	k := m.K()
	kx := ax(k)
	c.Stroke(dashed(kx, top, kx, bottom, 3, 3), 1.5, th.Ink)
	var line, marks draw.Path
	for _, cp := range curve {
		v := val(cp)
		if math.IsNaN(v) {
			continue
		}
		px, py := ax(cp.K), ay(v)
		if len(line.Ops) == 0 {
			line.MoveTo(px, py)
		} else {
			line.LineTo(px, py)
		}
		shape := 0
		if sil {
			shape = 1
		}
		marker(&marks, shape, px, py, 3)
	}
	c.Stroke(&line, 1.5, col)
	c.Fill(&marks, col)
	for _, kk := range []int{1, 5, 10} {
		c.Text(ax(kk), bottom+12, strconv.Itoa(kk), draw.TextStyle{Color: th.Muted, Size: 10, Align: draw.Middle})
	}
	c.Text((ax(1)+ax(5))/2, bottom+12, "k", draw.TextStyle{Color: th.Muted, Size: 10, Align: draw.Middle})
	if !math.IsNaN(cur) {
		c.Stroke(draw.Circle(kx, ay(cur), 6), 2, th.Ink)
		label := p.Sprintf("this run %s", short(cur))
		st := draw.TextStyle{Color: th.Ink, Size: 11, Bold: true}
		if kx+8+textWidth(label, 11) > x+w {
			st.Align = draw.End
			c.Text(kx-9, ay(cur)-8, label, st)
		} else {
			c.Text(kx+9, ay(cur)-8, label, st)
		}
	}
}
