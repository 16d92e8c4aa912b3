package views

import (
	"math"
	"strconv"
	"strings"

	"nexuslab/sim"
	"nexuslab/sim/bloch"
	"nexuslab/wasm/draw"
)

// Bloch draws the Bloch sphere in perspective from the model's view
// angles, the state vector on it (mid-turn while a gate is animated, with
// the gate's axis), and beside or below it the state in numbers and the
// measurement statistics.
func Bloch(c draw.Canvas, th draw.Theme, p sim.Printer, m *bloch.Model) {
	w, h := c.Size()
	c.Fill(draw.Rect(0, 0, w, h), th.Background)
	var sx, sy, size, ix, iy, iw float64 // sphere box, info box
	if w >= 1.25*h {
		size = math.Min(h, w*0.56)
		sx, sy = 0, (h-size)/2
		ix, iy, iw = size+8, 16, w-size-16
	} else {
		size = math.Min(w, math.Max(h*0.45, h-232))
		sx, sy = (w-size)/2, 0
		ix, iy, iw = 12, size+8, w-24
	}
	yaw, pitch := m.View()
	sp := sphere{cx: sx + size/2, cy: sy + size/2, r: size * 0.36, yaw: yaw * math.Pi / 180, pitch: pitch * math.Pi / 180}
	sp.draw(c, th, m)
	blochInfo(c, th, p, m, ix, iy, iw)
}

// sphere projects Bloch vectors onto the screen: the camera looks at the
// centre from azimuth yaw and elevation pitch, z up.
type sphere struct {
	cx, cy, r  float64
	yaw, pitch float64
}

// project returns the screen point of v and its depth towards the
// viewer (positive in front).
func (s sphere) project(v [3]float64) (x, y, depth float64) {
	sy, cy := math.Sin(s.yaw), math.Cos(s.yaw)
	sp, cp := math.Sin(s.pitch), math.Cos(s.pitch)
	right := v[0]*-sy + v[1]*cy
	up := v[0]*-sp*cy + v[1]*-sp*sy + v[2]*cp
	depth = v[0]*cp*cy + v[1]*cp*sy + v[2]*sp
	return s.cx + s.r*right, s.cy - s.r*up, depth
}

// circle adds the great circle through a and b (orthogonal unit vectors)
// to the paths: its near half to front, its far half, dashed, to back.
func (s sphere) circle(a, b [3]float64, front, back draw.Path) (draw.Path, draw.Path) {
	const n = 72
	var px, py float64
	var pd float64
	for i := 0; i <= n; i++ {
		t := 2 * math.Pi * float64(i) / n
		v := [3]float64{a[0]*math.Cos(t) + b[0]*math.Sin(t), a[1]*math.Cos(t) + b[1]*math.Sin(t), a[2]*math.Cos(t) + b[2]*math.Sin(t)}
		x, y, d := s.project(v)
		if i > 0 {
			seg := &front
			if (d+pd)/2 < 0 {
				seg = &back
				if i%2 == 0 {
					px, py, pd = x, y, d
					continue // gaps make the far half dashed
				}
			}
			seg.MoveTo(px, py)
			seg.LineTo(x, y)
		}
		px, py, pd = x, y, d
	}
	return front, back
}

func (s sphere) draw(c draw.Canvas, th draw.Theme, m *bloch.Model) {
	c.Fill(draw.Circle(s.cx, s.cy, s.r), fade(th.Accent, 14))
	var front, back draw.Path
	front, back = s.circle([3]float64{1, 0, 0}, [3]float64{0, 1, 0}, front, back) // equator
	front, back = s.circle([3]float64{1, 0, 0}, [3]float64{0, 0, 1}, front, back) // x–z meridian
	front, back = s.circle([3]float64{0, 1, 0}, [3]float64{0, 0, 1}, front, back) // y–z meridian
	c.Stroke(&back, 1, fade(th.Muted, 120))
	c.Stroke(&front, 1, fade(th.Muted, 200))
	c.Stroke(draw.Circle(s.cx, s.cy, s.r), 1.5, th.Muted)

	labels := [6]struct {
		v    [3]float64
		text string
	}{
		{[3]float64{0, 0, 1}, "|0⟩"}, {[3]float64{0, 0, -1}, "|1⟩"},
		{[3]float64{1, 0, 0}, "|+⟩"}, {[3]float64{-1, 0, 0}, "|−⟩"},
		{[3]float64{0, 1, 0}, "|+i⟩"}, {[3]float64{0, -1, 0}, "|−i⟩"},
	}
	for _, l := range labels {
		x, y, d := s.project(l.v)
		col := th.Muted
		if d >= 0 {
			col = th.Ink
		}
		c.Stroke(draw.Line(s.cx, s.cy, x, y), 1, fade(col, 150))
		c.Fill(draw.Circle(x, y, 2.5), col)
		lx, ly, _ := s.project([3]float64{l.v[0] * 1.22, l.v[1] * 1.22, l.v[2] * 1.22})
		c.Text(lx, ly+5, l.text, draw.TextStyle{Color: col, Align: draw.Middle, Size: 13})
	}

	v, axis := m.Drawn()
	if axis != [3]float64{} {
		x0, y0, _ := s.project([3]float64{-axis[0] * 1.1, -axis[1] * 1.1, -axis[2] * 1.1})
		x1, y1, _ := s.project([3]float64{axis[0] * 1.1, axis[1] * 1.1, axis[2] * 1.1})
		c.Stroke(dashed(x0, y0, x1, y1, 6, 4), 2, th.Second)
	}
	// The shadow of the vector on the equator's plane helps read φ.
	x, y, d := s.project(v)
	fx, fy, _ := s.project([3]float64{v[0], v[1], 0})
	if math.Hypot(v[0], v[1]) > 0.05 {
		c.Stroke(dashed(s.cx, s.cy, fx, fy, 3, 3), 1, th.Muted)
		c.Stroke(dashed(fx, fy, x, y, 3, 3), 1, th.Muted)
	}
	col := th.Accent
	if d < -1e-9 {
		col = fade(th.Accent, 150) // behind the sphere
	}
	c.Stroke(draw.Line(s.cx, s.cy, x, y), 3, col)
	c.Fill(draw.Circle(x, y, 6), col)
	c.Fill(draw.Circle(s.cx, s.cy, 2.5), th.Ink)
}

// blochInfo writes the state, its angles, the outcome probabilities with
// bars, the counts and the gate history, from x, y in a column w wide.
func blochInfo(c draw.Canvas, th draw.Theme, p sim.Printer, m *bloch.Model, x, y, w float64) {
	a := m.Amplitudes()
	theta, phi := m.Angles()
	v := m.Vector()
	line := 20.0
	if w < 220 {
		line = 18
	}
	bold := draw.TextStyle{Color: th.Ink, Bold: true, Size: 14}
	plain := draw.TextStyle{Color: th.Ink, Size: 14}
	y += line
	c.Text(x, y, p.Sprintf("State"), bold)
	y += line
	c.Text(x, y, "|ψ⟩ = "+amp(a[0])+" |0⟩ + "+amp(a[1])+" |1⟩", plain)
	y += line
	c.Text(x, y, "θ = "+fixed(theta, 1)+"°, φ = "+fixed(phi, 1)+"°", plain)
	y += line
	c.Text(x, y, p.Sprintf("Bloch vector (%s, %s, %s)", fixed(v[0], 2), fixed(v[1], 2), fixed(v[2], 2)), draw.TextStyle{Color: th.Ink, Size: 13})

	y += line * 1.5
	out := m.Outcomes()
	pr := m.Probabilities()
	counts, measured := m.Counts()
	title := p.Sprintf("Measuring in the %s basis", m.Basis())
	if measured {
		title = p.Sprintf("%d shots in the %s basis", m.Shots(), m.Basis())
	}
	c.Text(x, y, title, bold)
	barX := x + 44
	barW := math.Max(40, w-barX+x-84)
	for i := range 2 {
		y += line + 4
		c.Text(x, y, out[i], draw.TextStyle{Color: th.Ink, Size: 14})
		c.Fill(draw.Rect(barX, y-13, barW, 14), fade(th.Muted, 40))
		c.Fill(draw.Rect(barX, y-13, barW*pr[i], 14), th.Accent)
		label := pct(pr[i])
		if measured {
			f := float64(counts[i]) / float64(m.Shots())
			c.Stroke(draw.Line(barX+barW*f, y-17, barX+barW*f, y+5), 2.5, th.Second)
			label = strconv.Itoa(counts[i]) + " (" + pct(pr[i]) + ")"
		}
		c.Text(barX+barW+6, y, label, draw.TextStyle{Color: th.Ink, Size: 12})
	}
	if measured {
		y += line
		c.Text(x, y, p.Sprintf("Bars: probability; marks: measured share"), draw.TextStyle{Color: th.Muted, Size: 12})
	}

	y += line * 1.5
	gates := m.Gates()
	hist := p.Sprintf("Start |%s⟩", strings.Replace(m.Start(), "-", "−", 1))
	if len(gates) > 0 {
		labels := make([]string, 0, 6)
		from := max(0, len(gates)-5)
		if from > 0 {
			labels = append(labels, "…")
		}
		for _, g := range gates[from:] {
			labels = append(labels, g.Label())
		}
		hist += " → " + strings.Join(labels, " ")
	}
	c.Text(x, y, hist, draw.TextStyle{Color: th.Muted, Size: 13})
}

// amp writes an amplitude to two decimals, with its imaginary part when
// it has one.
func amp(z complex128) string {
	re, im := real(z), imag(z)
	if math.Abs(im) < 0.005 {
		return fixed(re, 2)
	}
	if math.Abs(re) < 0.005 {
		return fixed(im, 2) + "i"
	}
	sign := "+"
	if im < 0 {
		sign, im = "−", -im
	}
	return "(" + fixed(re, 2) + sign + fixed(im, 2) + "i)"
}

// blochInput turns the sphere with pointer drags and arrow keys, and
// applies gates and measures from the keyboard.
var blochInput = Input{
	Keys: "Arrow keys turn the sphere; X, Y, Z, H, S and T apply those gates; M measures.",
	Handle: func(sm sim.Model, ev Event, w, h float64) bool {
		m := sm.(*bloch.Model)
		switch ev.Kind {
		case Drag:
			if ev.DX == 0 && ev.DY == 0 {
				return false
			}
			m.Turn(-ev.DX*0.5, ev.DY*0.5)
			return true
		case Key:
			if ev.Ctrl {
				return false
			}
			switch ev.Key {
			case "ArrowLeft":
				m.Turn(15, 0)
			case "ArrowRight":
				m.Turn(-15, 0)
			case "ArrowUp":
				m.Turn(0, -10)
			case "ArrowDown":
				m.Turn(0, 10)
			case "x", "y", "z", "h", "s", "t", "X", "Y", "Z", "H", "S", "T":
				return m.Do(strings.ToLower(ev.Key)) == nil
			case "m", "M":
				return m.Do("measure") == nil
			default:
				return false
			}
			return true
		}
		return false
	},
}
