package views

import (
	"math"
	"strconv"

	"nexuslab/sim"
	"nexuslab/sim/grover"
	"nexuslab/wasm/draw"
)

// Grover draws the amplitude of every item, marked ones in the second
// colour, with the mean as a dashed line and the amplitudes one
// half-step earlier as outlines, so that the oracle's sign flip and the
// reflection about the mean can be seen; and below, the success
// probability against the number of iterations, with the optimal count.
func Grover(c draw.Canvas, th draw.Theme, p sim.Printer, m *grover.Model) {
	w, h := c.Size()
	c.Fill(draw.Rect(0, 0, w, h), th.Background)
	margin := math.Min(20, w/16)
	split := h * 0.56
	groverAmplitudes(c, th, p, m, margin, 8, w-2*margin, split-12)
	groverCurve(c, th, p, m, margin, split, w-2*margin, h-split-8)
}

func groverAmplitudes(c draw.Canvas, th draw.Theme, p sim.Printer, m *grover.Model, x, y, w, h float64) {
	k, oracle := m.Iteration()
	var title string
	switch {
	case m.Steps() == 0:
		title = p.Sprintf("Amplitudes at the start")
	case oracle:
		title = p.Sprintf("Iteration %d: after the oracle", k+1)
	default:
		title = p.Sprintf("Iteration %d: after the diffusion", k)
	}
	c.Text(x, y+16, title, draw.TextStyle{Color: th.Ink, Bold: true})
	mean := m.Mean()
	legend := p.Sprintf("mean %s", fixed(mean, 3))
	lw := textWidth(legend, 12)
	if x+textWidth(title, 14)+lw+40 < x+w {
		c.Stroke(dashed(x+w-lw-30, y+12, x+w-lw-6, y+12, 5, 3), 2, th.Ink)
		c.Text(x+w, y+16, legend, draw.TextStyle{Color: th.Ink, Size: 12, Align: draw.End})
	}
	a, u := m.Amplitudes()
	pa, pu := m.Previous()
	scale := math.Max(math.Max(math.Abs(a), math.Abs(u)), math.Max(math.Abs(pa), math.Abs(pu)))
	scale = math.Max(scale*1.1, 0.05)
	left := x + 34
	top, bottom := y+30, y+h-18
	zero := (top + bottom) / 2
	half := (bottom - top) / 2
	at := func(v float64) float64 { return zero - half*v/scale }
	c.Stroke(draw.Line(left, zero, x+w, zero), 1, th.Muted)
	c.Text(left-4, zero+4, "0", draw.TextStyle{Color: th.Muted, Size: 11, Align: draw.End})
	c.Text(left-4, top+8, fixed(scale, 2), draw.TextStyle{Color: th.Muted, Size: 11, Align: draw.End})
	c.Text(left-4, bottom+2, fixed(-scale, 2), draw.TextStyle{Color: th.Muted, Size: 11, Align: draw.End})

	n := m.Size()
	slot := (x + w - left) / float64(n)
	gap := math.Min(slot*0.2, 4)
	if slot < 3 {
		gap = 0
	}
	bar := func(i0, i1 int, v float64, marked bool) {
		x0 := left + slot*float64(i0) + gap/2
		x1 := left + slot*float64(i1) - gap/2
		if marked && x1-x0 < 3 {
			mid := (x0 + x1) / 2
			x0, x1 = mid-1.5, mid+1.5
		}
		col := th.Accent
		if marked {
			col = th.Second
		}
		y0, y1 := at(math.Max(v, 0)), at(math.Min(v, 0))
		c.Fill(draw.Rect(x0, y0, x1-x0, math.Max(y1-y0, 1)), col)
	}
	ghost := func(i0, i1 int, v float64) {
		x0 := left + slot*float64(i0) + gap/2
		x1 := left + slot*float64(i1) - gap/2
		y0, y1 := at(math.Max(v, 0)), at(math.Min(v, 0))
		c.Stroke(draw.Rect(x0, y0, x1-x0, math.Max(y1-y0, 1)), 1.5, th.Ink)
	}
	// Runs of unmarked items share one amplitude: one rectangle each.
	// Items are drawn individually while they are few enough to see.
	runs := func(f func(i0, i1 int, marked bool)) {
		start := 0
		for i := 0; i <= n; i++ {
			if i < n && !m.IsMarked(i) && n > 64 {
				continue
			}
			if i > start {
				f(start, i, false)
			}
			if i < n {
				f(i, i+1, m.IsMarked(i))
			}
			start = i + 1
		}
	}
	runs(func(i0, i1 int, marked bool) {
		v := u
		if marked {
			v = a
		}
		bar(i0, i1, v, marked)
	})
	if m.Steps() > 0 {
		runs(func(i0, i1 int, marked bool) {
			v := pu
			if marked {
				v = pa
			}
			cur := u
			if marked {
				cur = a
			}
			if math.Abs(v-cur) > 1e-9 {
				ghost(i0, i1, v)
			}
		})
	}
	my := at(mean)
	c.Stroke(dashed(left, my, x+w, my, 7, 4), 2, th.Ink)
	if n <= 16 {
		for i := range n {
			col := th.Muted
			if m.IsMarked(i) {
				col = th.Second
			}
			c.Text(left+slot*(float64(i)+0.5), bottom+15, strconv.Itoa(i), draw.TextStyle{Color: col, Size: 11, Align: draw.Middle, Bold: m.IsMarked(i)})
		}
	} else if len(m.Marked()) <= 6 {
		for _, i := range m.Marked() {
			c.Text(left+slot*(float64(i)+0.5), bottom+15, strconv.Itoa(i), draw.TextStyle{Color: th.Second, Size: 11, Align: draw.Middle, Bold: true})
		}
	}
}

func groverCurve(c draw.Canvas, th draw.Theme, p sim.Printer, m *grover.Model, x, y, w, h float64) {
	k, _ := m.Iteration()
	opt := m.Optimal()
	last := min(grover.MaxIterations, max(2*opt+2, k+2, 4))
	c.Text(x, y+16, p.Sprintf("Success chance after k iterations"), draw.TextStyle{Color: th.Ink, Bold: true})
	left := x + 40
	top, bottom := y+28, y+h-20
	ax := func(v float64) float64 { return left + (x+w-left-8)*v/float64(last) }
	ay := func(v float64) float64 { return bottom - (bottom-top)*v }
	for _, v := range []float64{0, 0.5, 1} {
		c.Stroke(draw.Line(left, ay(v), x+w-8, ay(v)), 1, fade(th.Muted, 90))
		c.Text(left-4, ay(v)+4, strconv.Itoa(int(v*100))+"%", draw.TextStyle{Color: th.Muted, Size: 11, Align: draw.End})
	}
	// The continuous curve sin²((2t+1)θ) shows the oscillation; the dots
	// are the whole iteration counts a circuit can run.
	theta := m.Theta()
	var xs, ys []float64
	for i := 0; i <= 200; i++ {
		t := float64(last) * float64(i) / 200
		s := math.Sin((2*t + 1) * theta)
		xs, ys = append(xs, ax(t)), append(ys, ay(s*s))
	}
	c.Stroke(polyline(xs, ys), 1.5, fade(th.Accent, 140))
	ox := ax(float64(opt))
	c.Stroke(dashed(ox, top-4, ox, bottom, 4, 3), 1.5, th.Third)
	c.Text(ox+4, bottom-6, p.Sprintf("optimal %d", opt), draw.TextStyle{Color: th.Third, Size: 12, Bold: true})
	every := max(1, int(math.Ceil(float64(last)/math.Max(1, (w-48)/28))))
	for i := 0; i <= last; i++ {
		px, py := ax(float64(i)), ay(m.SuccessAfter(i))
		r := 2.5
		if last > 60 {
			r = 1.5
		}
		c.Fill(draw.Circle(px, py, r), th.Accent)
		if i%every == 0 {
			c.Text(px, bottom+15, strconv.Itoa(i), draw.TextStyle{Color: th.Muted, Size: 11, Align: draw.Middle})
		}
	}
	cx, cy := ax(float64(k)), ay(m.SuccessAfter(k))
	c.Stroke(draw.Circle(cx, cy, 7), 2.5, th.Second)
	c.Text(cx, cy-11, pct(m.SuccessAfter(k)), draw.TextStyle{Color: th.Second, Size: 12, Align: draw.Middle, Bold: true})
	if counts := m.Counts(); counts != nil {
		hits := 0
		for _, i := range m.Marked() {
			hits += counts[i]
		}
		f := float64(hits) / float64(m.Shots())
		d := &draw.Path{}
		my := ay(f)
		d.MoveTo(cx, my-6)
		d.LineTo(cx+6, my)
		d.LineTo(cx, my+6)
		d.LineTo(cx-6, my)
		d.Close()
		c.Fill(d, th.Ink)
	}
}

// groverInput steps through the search from the keyboard.
var groverInput = Input{
	Keys: "Right arrow: next step; left arrow: back one step; Enter: a full iteration; O: the optimal count; Home: start again; M: measure.",
	Handle: func(sm sim.Model, ev Event, w, h float64) bool {
		if ev.Kind != Key || ev.Ctrl {
			return false
		}
		action := map[string]string{
			"ArrowRight": "step", "ArrowLeft": "back", "Enter": "iterate", " ": "iterate",
			"o": "optimal", "O": "optimal", "Home": "restart", "m": "measure", "M": "measure",
		}[ev.Key]
		return action != "" && sm.Do(action) == nil
	},
}
