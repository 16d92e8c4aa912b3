package views

import (
	"math"
	"strconv"

	"nexuslab/sim"
	"nexuslab/sim/bb84"
	"nexuslab/wasm/draw"
)

// BB84 draws the first photons of the run as a table revealed stage by
// stage (Alice's bits and bases, Eve, Bob's bases and bits, which were
// kept, which were checked), how many bits survive each step, and the
// error rate against Eve's interception fraction with the abort
// threshold.
func BB84(c draw.Canvas, th draw.Theme, p sim.Printer, m *bb84.Model) {
	w, h := c.Size()
	c.Fill(draw.Rect(0, 0, w, h), th.Background)
	margin := math.Min(16, w/20)
	tableH := math.Min(h*0.5, 7*24+36)
	bb84Table(c, th, p, m, margin, 4, w-2*margin, tableH)
	y := tableH + 12
	if w >= 480 {
		fw := (w - 2*margin) * 0.42
		bb84Funnel(c, th, p, m, margin, y, fw-12, h-y-8)
		bb84Chart(c, th, p, m, margin+fw+12, y, w-2*margin-fw-12, h-y-8)
		return
	}
	r := m.Result()
	if m.Stage() >= bb84.Finished {
		line := p.Sprintf("%d sent → %d kept → key %d", len(m.Photons()), r.Sifted, r.Key)
		if r.Abort {
			line = p.Sprintf("%d sent → %d kept → aborted", len(m.Photons()), r.Sifted)
		}
		c.Text(margin, y+14, line, draw.TextStyle{Color: th.Ink, Size: 13, Bold: true})
		y += 22
	}
	bb84Chart(c, th, p, m, margin, y, w-2*margin, h-y-8)
}

func bb84Table(c draw.Canvas, th draw.Theme, p sim.Printer, m *bb84.Model, x, y, w, h float64) {
	stage := m.Stage()
	rows := []string{p.Sprintf("Alice bit"), p.Sprintf("Alice basis"), p.Sprintf("Eve"), p.Sprintf("Bob basis"), p.Sprintf("Bob bit"), p.Sprintf("Kept"), p.Sprintf("Checked")}
	shown := 2
	switch {
	case stage >= bb84.Estimated:
		shown = 7
	case stage >= bb84.Sifted:
		shown = 6
	case stage >= bb84.Sent:
		shown = 5
	}
	labelW := 82.0
	if w < 400 {
		labelW = 70
	}
	rowH := math.Min(24, (h-30)/7)
	cell := clamp((w-labelW)/24, 18, 26)
	cols := min(len(m.Photons()), int((w-labelW)/cell))
	c.Text(x, y+16, p.Sprintf("The first %d of %d photons", cols, len(m.Photons())), draw.TextStyle{Color: th.Ink, Bold: true})
	top := y + 26
	// Rows not yet revealed are named in grey, so the empty space reads
	// as what is to come.
	for r, name := range rows {
		col := th.Ink
		if r >= shown {
			col = th.Muted
		}
		c.Text(x, top+rowH*float64(r)+rowH*0.7, name, draw.TextStyle{Color: col, Size: 12})
	}
	size := math.Min(rowH, cell) * 0.3
	for i, ph := range m.Photons()[:cols] {
		cx := x + labelW + cell*(float64(i)+0.5)
		cy := func(r int) float64 { return top + rowH*(float64(r)+0.5) }
		dropped := stage >= bb84.Sifted && !ph.Kept
		ink := th.Ink
		if dropped {
			c.Fill(draw.Rect(cx-cell/2+1, top, cell-2, rowH*float64(shown)), fade(th.Muted, 36))
			ink = th.Muted
		}
		c.Text(cx, cy(0)+5, strconv.Itoa(int(ph.AliceBit)), draw.TextStyle{Color: ink, Size: 13, Align: draw.Middle})
		basisMark(c, cx, cy(1), size, ph.AliceBasis, th.Accent)
		if shown < 5 {
			continue
		}
		if ph.Eve {
			basisMark(c, cx, cy(2), size, ph.EveBasis, th.Warn)
		} else {
			c.Stroke(draw.Line(cx-size*0.6, cy(2), cx+size*0.6, cy(2)), 1, th.Muted)
		}
		basisMark(c, cx, cy(3), size, ph.BobBasis, th.Third)
		bobInk := ink
		if ph.Kept && ph.AliceBit != ph.BobBit && stage >= bb84.Estimated && ph.Sampled {
			bobInk = th.Warn
		}
		c.Text(cx, cy(4)+5, strconv.Itoa(int(ph.BobBit)), draw.TextStyle{Color: bobInk, Size: 13, Align: draw.Middle, Bold: bobInk == th.Warn})
		if shown >= 6 && ph.Kept {
			tick(c, cx, cy(5), size, th.Ink)
		}
		if shown >= 7 && ph.Sampled {
			if ph.Error() {
				cross(c, cx, cy(6), size, th.Warn)
			} else {
				tick(c, cx, cy(6), size, th.Ink)
			}
		}
	}
}

// bb84Funnel draws how many bits are left after each step, as far as
// the protocol has gone.
func bb84Funnel(c draw.Canvas, th draw.Theme, p sim.Printer, m *bb84.Model, x, y, w, h float64) {
	r := m.Result()
	n := len(m.Photons())
	c.Text(x, y+16, p.Sprintf("Bits left after each step"), draw.TextStyle{Color: th.Ink, Bold: true})
	type step struct {
		label string
		v     int
		stage int
	}
	steps := []step{
		{p.Sprintf("Sent"), n, bb84.Sent},
		{p.Sprintf("Kept"), r.Sifted, bb84.Sifted},
		{p.Sprintf("After sample"), r.Remaining, bb84.Estimated},
		{p.Sprintf("Key"), r.Key, bb84.Finished},
	}
	rowH := clamp((h-30)/4, 18, 34)
	labelW := 92.0
	for i, s := range steps {
		ry := y + 28 + rowH*float64(i)
		c.Text(x, ry+rowH*0.62, s.label, draw.TextStyle{Color: th.Ink, Size: 12})
		if m.Stage() < s.stage {
			continue
		}
		bw := (w - labelW - 50) * float64(s.v) / float64(max(n, 1))
		col := th.Accent
		if i == 3 {
			col = th.Third
		}
		c.Fill(draw.Rect(x+labelW, ry+3, math.Max(bw, 1), rowH-8), col)
		text := strconv.Itoa(s.v)
		if i == 3 && r.Abort {
			text = p.Sprintf("aborted")
			col = th.Warn
		} else {
			col = th.Ink
		}
		c.Text(x+labelW+bw+6, ry+rowH*0.62, text, draw.TextStyle{Color: col, Size: 12, Bold: i == 3})
	}
}

// bb84Chart draws the error rate the settings predict as Eve intercepts
// more, the threshold, and this run's estimate with its 95 % interval.
func bb84Chart(c draw.Canvas, th draw.Theme, p sim.Printer, m *bb84.Model, x, y, w, h float64) {
	c.Text(x, y+16, p.Sprintf("Error rate as Eve intercepts more"), draw.TextStyle{Color: th.Ink, Bold: true})
	left, right := x+36, x+w-4
	top, bottom := y+28, y+h-30
	const ymax = 0.3
	ax := func(f float64) float64 { return left + (right-left)*f }
	ay := func(q float64) float64 { return bottom - (bottom-top)*math.Min(q, ymax)/ymax }
	for _, q := range []float64{0, 0.1, 0.2, 0.3} {
		c.Stroke(draw.Line(left, ay(q), right, ay(q)), 1, fade(th.Muted, 80))
		c.Text(left-4, ay(q)+4, strconv.Itoa(int(math.Round(q*100)))+"%", draw.TextStyle{Color: th.Muted, Size: 11, Align: draw.End})
	}
	for _, f := range []float64{0, 0.5, 1} {
		c.Text(ax(f), bottom+15, strconv.Itoa(int(f*100))+"%", draw.TextStyle{Color: th.Muted, Size: 11, Align: draw.Middle})
	}
	c.Text((left+right)/2, bottom+28, p.Sprintf("share of photons Eve intercepts"), draw.TextStyle{Color: th.Muted, Size: 11, Align: draw.Middle})
	ty := ay(m.Threshold())
	c.Stroke(dashed(left, ty, right, ty, 6, 4), 1.5, th.Warn)
	c.Text(right, ty-5, p.Sprintf("abort above %s", pct(m.Threshold())), draw.TextStyle{Color: th.Warn, Size: 11, Align: draw.End})
	var xs, ys []float64
	for i := 0; i <= 20; i++ {
		f := float64(i) / 20
		xs, ys = append(xs, ax(f)), append(ys, ay(bb84.ExpectedQBER(f, m.Noise())))
	}
	c.Stroke(polyline(xs, ys), 2, th.Accent)
	ex := ax(m.Eve())
	c.Stroke(dashed(ex, top, ex, bottom, 3, 3), 1, th.Muted)
	r := m.Result()
	if m.Stage() >= bb84.Estimated && r.Sampled > 0 {
		se := math.Sqrt(math.Max(r.QBER*(1-r.QBER), 1/float64(r.Sampled)) / float64(r.Sampled))
		y0, y1 := ay(math.Max(0, r.QBER-1.96*se)), ay(r.QBER+1.96*se)
		c.Stroke(draw.Line(ex, y0, ex, y1), 2, th.Second)
		c.Fill(draw.Circle(ex, ay(r.QBER), 5), th.Second)
		if ex > (left+right)/2 {
			c.Text(ex-8, ay(r.QBER)-6, pct(r.QBER), draw.TextStyle{Color: th.Second, Size: 12, Bold: true, Align: draw.End})
		} else {
			c.Text(ex+8, ay(r.QBER)-6, pct(r.QBER), draw.TextStyle{Color: th.Second, Size: 12, Bold: true})
		}
	} else {
		c.Stroke(draw.Circle(ex, ay(r.Expected), 5), 2, th.Accent)
	}
}

// bb84Input moves through the protocol from the keyboard.
var bb84Input = Input{
	Keys: "Right arrow: next step; End: run all steps; Home: back to the start; N: send new photons.",
	Handle: func(sm sim.Model, ev Event, w, h float64) bool {
		if ev.Kind != Key || ev.Ctrl {
			return false
		}
		action := map[string]string{
			"ArrowRight": "next", "Enter": "next", " ": "next", "End": "finish", "Home": "restart", "n": "resend", "N": "resend",
		}[ev.Key]
		return action != "" && sm.Do(action) == nil
	},
}
