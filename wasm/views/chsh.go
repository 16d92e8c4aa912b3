package views

import (
	"image/color"
	"math"

	"nexuslab/sim"
	"nexuslab/sim/chsh"
	"nexuslab/wasm/draw"
)

// CHSH draws the four measurement directions on a circle, the value of S
// on a scale marked with the classical bound 2 and Tsirelson's bound 2√2,
// and the four correlations, measured against predicted.
func CHSH(c draw.Canvas, th draw.Theme, p sim.Printer, m *chsh.Model) {
	w, h := c.Size()
	c.Fill(draw.Rect(0, 0, w, h), th.Background)
	if w >= 1.2*h {
		size := math.Min(h, w*0.42)
		chshDirections(c, th, p, m, 0, (h-size)/2, size)
		x := size + 8
		chshScale(c, th, p, m, x, 12, w-x-16, h*0.36)
		chshCorrelations(c, th, p, m, x, 12+h*0.4, w-x-16, h*0.6-24)
		return
	}
	size := math.Min(w, h*0.42)
	chshDirections(c, th, p, m, (w-size)/2, 0, size)
	chshScale(c, th, p, m, 12, size, w-24, h*0.24)
	chshCorrelations(c, th, p, m, 12, size+h*0.26, w-24, h-size-h*0.26-8)
}

// chshDirections draws a₀, a₁ (Alice) and b₀, b₁ (Bob) as arrows in the
// x–z plane of the Bloch sphere, z up.
func chshDirections(c draw.Canvas, th draw.Theme, p sim.Printer, m *chsh.Model, x, y, size float64) {
	cx, cy, r := x+size/2, y+size/2+14, size*0.3
	// The panel is at the left edge or centred above the rest: its
	// titles start at the canvas's margin either way.
	c.Text(12, y+20, p.Sprintf("Measurement directions"), draw.TextStyle{Color: th.Ink, Bold: true})
	if m.Source() == chsh.Classical {
		c.Text(12, y+36, p.Sprintf("Classical source, no entanglement"), draw.TextStyle{Color: th.Warn, Size: 12})
	}
	c.Stroke(draw.Circle(cx, cy, r), 1.5, th.Muted)
	c.Stroke(dashed(cx, cy-r*1.08, cx, cy+r*1.08, 3, 3), 1, fade(th.Muted, 160))
	c.Stroke(dashed(cx-r*1.08, cy, cx+r*1.08, cy, 3, 3), 1, fade(th.Muted, 160))
	c.Text(cx-20, cy-r*1.02, "z", draw.TextStyle{Color: th.Muted, Size: 12})
	c.Text(cx+r*1.04, cy+16, "x", draw.TextStyle{Color: th.Muted, Size: 12})
	a := m.Angles()
	names := [4]string{"a₀", "a₁", "b₀", "b₁"}
	for i, deg := range a {
		col := th.Accent
		if i >= 2 {
			col = th.Second
		}
		t := deg * math.Pi / 180
		ex, ey := cx+r*math.Sin(t), cy-r*math.Cos(t)
		width := 3.0
		if i%2 == 1 {
			width = 2
		}
		arrow(c, cx, cy, ex, ey, width, col)
		// Bob's labels sit a little further out so that equal angles
		// keep both readable.
		lr := r * 1.2
		if i >= 2 {
			lr = r * 1.42
		}
		c.Text(cx+lr*math.Sin(t), cy-lr*math.Cos(t)+5, names[i], draw.TextStyle{Color: col, Align: draw.Middle, Size: 15, Bold: true})
	}
	c.Fill(draw.Circle(cx, cy, 3), th.Ink)
	c.Text(x+12, y+size-4, p.Sprintf("Alice"), draw.TextStyle{Color: th.Accent, Bold: true, Size: 13})
	c.Text(x+size-12, y+size-4, p.Sprintf("Bob"), draw.TextStyle{Color: th.Second, Bold: true, Size: 13, Align: draw.End})
}

// arrow draws a line from x0, y0 to x1, y1 with a head at the end.
func arrow(c draw.Canvas, x0, y0, x1, y1, width float64, col color.RGBA) {
	c.Stroke(draw.Line(x0, y0, x1, y1), width, col)
	l := math.Hypot(x1-x0, y1-y0)
	if l == 0 {
		return
	}
	ux, uy := (x1-x0)/l, (y1-y0)/l
	hl := 6 + 2*width
	head := &draw.Path{}
	head.MoveTo(x1+ux*2, y1+uy*2)
	head.LineTo(x1-ux*hl-uy*hl*0.5, y1-uy*hl+ux*hl*0.5)
	head.LineTo(x1-ux*hl+uy*hl*0.5, y1-uy*hl-ux*hl*0.5)
	head.Close()
	c.Fill(head, col)
}

// chshScale draws |S| on a line from 0 to 4 with the classical zone, the
// quantum zone and the bounds, the prediction and, once run, the measured
// value with its standard error.
func chshScale(c draw.Canvas, th draw.Theme, p sim.Printer, m *chsh.Model, x, y, w, h float64) {
	_, s := m.Predicted()
	_, ms, se, ok := m.Measured()
	title := p.Sprintf("Predicted S = %s", fixed(s, 3))
	if ok {
		title = p.Sprintf("Measured S = %s ± %s", fixed(ms, 3), fixed(se, 3))
		note := p.Sprintf("predicted %s", fixed(s, 3))
		if textWidth(title, 14)+textWidth(note, 12)+16 < w {
			c.Text(x+w, y+16, note, draw.TextStyle{Color: th.Ink, Size: 12, Align: draw.End})
		}
	}
	c.Text(x, y+16, title, draw.TextStyle{Color: th.Ink, Bold: true})
	left, right := x+8, x+w-8
	at := func(v float64) float64 { return left + (right-left)*v/4 }
	top, base := y+30, y+math.Max(60, h-22)
	mid := (top + base) / 2
	c.Fill(draw.Rect(at(0), top, at(2)-at(0), base-top), fade(th.Muted, 40))
	c.Fill(draw.Rect(at(2), top, at(chsh.Tsirelson)-at(2), base-top), fade(th.Accent, 50))
	c.Fill(draw.Rect(at(chsh.Tsirelson), top, at(4)-at(chsh.Tsirelson), base-top), fade(th.Warn, 22))
	c.Stroke(draw.Line(left, base, right, base), 1, th.Muted)
	for _, t := range []struct {
		v    float64
		text string
	}{{0, "0"}, {1, "1"}, {2, "2"}, {chsh.Tsirelson, "2√2"}, {4, "4"}} {
		c.Stroke(draw.Line(at(t.v), top, at(t.v), base+4), 1, th.Muted)
		c.Text(at(t.v), base+18, t.text, draw.TextStyle{Color: th.Ink, Align: draw.Middle, Size: 13})
	}
	if w > 300 {
		st := draw.TextStyle{Color: th.Ink, Align: draw.Middle, Size: 11}
		c.Text((at(0)+at(2))/2, top+13, p.Sprintf("classical"), st)
		c.Text((at(2)+at(chsh.Tsirelson))/2, top+13, p.Sprintf("quantum"), st)
		c.Text((at(chsh.Tsirelson)+at(4))/2, top+13, p.Sprintf("impossible"), st)
	}
	// The prediction: a bold line; the measurement: a dot with its error
	// bar.
	ps := at(math.Min(4, math.Abs(s)))
	c.Stroke(draw.Line(ps, top-2, ps, base+2), 3, th.Ink)
	if ok {
		mx := at(clamp(math.Abs(ms), 0, 4))
		lo, hi := at(clamp(math.Abs(ms)-se, 0, 4)), at(clamp(math.Abs(ms)+se, 0, 4))
		c.Stroke(draw.Line(lo, mid+6, hi, mid+6), 2, th.Second)
		c.Stroke(draw.Line(lo, mid+1, lo, mid+11), 2, th.Second)
		c.Stroke(draw.Line(hi, mid+1, hi, mid+11), 2, th.Second)
		c.Fill(draw.Circle(mx, mid+6, 5), th.Second)
	}
}

// chshCorrelations draws E(aᵢ, bⱼ) for the four setting pairs as bars
// from −1 to 1: measured bars with predicted marks, or predicted bars
// before the test is run.
func chshCorrelations(c draw.Canvas, th draw.Theme, p sim.Printer, m *chsh.Model, x, y, w, h float64) {
	pe, _ := m.Predicted()
	me, _, _, ok := m.Measured()
	title := p.Sprintf("Correlations E, predicted")
	if ok {
		title = p.Sprintf("Correlations E, measured")
		note := p.Sprintf("marks: predicted")
		if textWidth(title, 14)+textWidth(note, 12)+16 < w {
			c.Text(x+w, y+16, note, draw.TextStyle{Color: th.Ink, Size: 12, Align: draw.End})
		}
	}
	c.Text(x, y+16, title, draw.TextStyle{Color: th.Ink, Bold: true})
	formula := p.Sprintf("S = E(a₀b₀) + E(a₀b₁) + E(a₁b₀) − E(a₁b₁)")
	showFormula := textWidth(formula, 12) < w && h > 150
	top, bottom := y+28, y+h-22
	if showFormula {
		bottom -= 18
	}
	zero := (top + bottom) / 2
	half := (bottom - top) / 2
	left := x + 26
	c.Text(x+22, top+5, "+1", draw.TextStyle{Color: th.Muted, Size: 11, Align: draw.End})
	c.Text(x+22, zero+4, "0", draw.TextStyle{Color: th.Muted, Size: 11, Align: draw.End})
	c.Text(x+22, bottom+4, "−1", draw.TextStyle{Color: th.Muted, Size: 11, Align: draw.End})
	c.Stroke(dashed(left, top, x+w, top, 3, 3), 1, fade(th.Muted, 120))
	c.Stroke(dashed(left, bottom, x+w, bottom, 3, 3), 1, fade(th.Muted, 120))
	slot := (x + w - left) / 4
	labels := [4]string{"a₀b₀", "a₀b₁", "a₁b₀", "a₁b₁"}
	for k := range 4 {
		i, j := k/2, k%2
		cx := left + slot*(float64(k)+0.5)
		bw := math.Min(slot*0.5, 60)
		v := pe[i][j]
		if ok {
			v = me[i][j]
		}
		col := th.Accent
		if k == 3 {
			col = th.Second // the term S subtracts
		}
		top := zero - half*math.Max(v, 0)
		c.Fill(draw.Rect(cx-bw/2, top, bw, half*math.Abs(v)), col)
		if ok {
			py := zero - half*pe[i][j]
			c.Stroke(draw.Line(cx-bw/2-5, py, cx+bw/2+5, py), 2.5, th.Ink)
		}
		c.Text(cx, bottom+17, labels[k], draw.TextStyle{Color: th.Ink, Align: draw.Middle, Size: 13})
		vy := zero - half*v - 5
		if v < 0 {
			vy = zero - 5
		}
		c.Text(cx, vy, fixed(v, 2), draw.TextStyle{Color: th.Ink, Align: draw.Middle, Size: 12})
	}
	c.Stroke(draw.Line(left, zero, x+w, zero), 1, th.Muted)
	if showFormula {
		c.Text(x+w, y+h-2, formula, draw.TextStyle{Color: th.Muted, Size: 12, Align: draw.End})
	}
}

// chshInput turns Bob's directions and runs the test from the keyboard.
var chshInput = Input{
	Keys: "Left and right arrows turn Bob's first direction b₀, up and down his second b₁, by 5°; Enter runs the test; B uses the best angles.",
	Handle: func(sm sim.Model, ev Event, w, h float64) bool {
		m := sm.(*chsh.Model)
		if ev.Kind != Key || ev.Ctrl {
			return false
		}
		switch ev.Key {
		case "ArrowLeft":
			return m.Turn(2, -5) == nil
		case "ArrowRight":
			return m.Turn(2, 5) == nil
		case "ArrowUp":
			return m.Turn(3, 5) == nil
		case "ArrowDown":
			return m.Turn(3, -5) == nil
		case "Enter", " ":
			return m.Do("run") == nil
		case "b", "B":
			return m.Do("best") == nil
		}
		return false
	},
}
