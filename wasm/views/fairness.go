package views

import (
	"image/color"
	"math"
	"strconv"

	"nexuslab/sim"
	"nexuslab/sim/fairness"
	"nexuslab/sim/learn/audit"
	"nexuslab/wasm/draw"
)

// Fairness draws the audit of a screening classifier, group by group:
// how the scores of people with and without the disease spread, with each
// group's threshold; each group's confusion matrix; the selection rate,
// true and false positive rates and precision side by side; and the
// calibration of the score in each group. Groups differ in colour, in
// marker shape and by name. The learner's own file is drawn the same way,
// its first maxDrawnGroups groups at most.
func Fairness(c draw.Canvas, th draw.Theme, p sim.Printer, m *fairness.Model) {
	w, h := c.Size()
	c.Fill(draw.Rect(0, 0, w, h), th.Background)
	r := m.Report()
	if r == nil {
		msg := p.Sprintf("Open a CSV file or paste its text to see its audit here.")
		if m.Source() == fairness.OwnCSV && m.Query().Get("csv") != "" {
			msg = p.Sprintf("The file cannot be audited yet: the message beside it says why.")
		}
		c.Text(w/2, h/2, msg, draw.TextStyle{Color: th.Muted, Size: 13, Align: draw.Middle})
		return
	}
	words := fairOutcomeWords(p, m.Source())
	const margin = 12
	wide := w >= 1.15*h
	panel := w - 2*margin
	if wide {
		panel = (w - 3*margin) / 2
	}
	if most := drawnGroups(panel); len(r.Groups) > most {
		c.Text(w-4, h-2, p.Sprintf("Showing %d of %d groups; the description gives them all.", most, len(r.Groups)),
			draw.TextStyle{Color: th.Muted, Size: 10, Align: draw.End})
		cut := *r
		cut.Groups = r.Groups[:most]
		r = &cut
	}
	if wide {
		cw, ch := (w-3*margin)/2, (h-3*margin)/2
		fairScores(c, th, p, words, m.TestData(), r, margin, margin, cw, ch)
		fairConfusion(c, th, p, words, r, 2*margin+cw, margin, cw, ch)
		fairRates(c, th, p, r, margin, 2*margin+ch, cw, ch)
		fairCalibration(c, th, p, words, r, 2*margin+cw, 2*margin+ch, cw, ch)
		return
	}
	// Stacked, the score rows get the most room: they hold two groups.
	cw := w - 2*margin
	avail := h - 5*margin
	y := float64(margin)
	fairScores(c, th, p, words, m.TestData(), r, margin, y, cw, avail*0.3)
	y += avail*0.3 + margin
	fairConfusion(c, th, p, words, r, margin, y, cw, avail*0.22)
	y += avail*0.22 + margin
	fairRates(c, th, p, r, margin, y, cw, avail*0.24)
	y += avail*0.24 + margin
	fairCalibration(c, th, p, words, r, margin, y, cw, avail*0.24)
}

// drawnGroups returns how many groups panels of width w can draw
// legibly: each confusion matrix needs about 76 pixels, with its names
// and counts. The synthetic data's two always fit.
func drawnGroups(w float64) int { return min(max(int((w-50)/76), 2), 5) }

// outcomeWords name the two outcomes in the view's labels.
type outcomeWords struct {
	up, down   string // rows of the score histogram, with their arrows
	yes, no    string // rows of the confusion matrix
	shareYes   string // the calibration chart's vertical axis
	noScoreMsg string // in place of the histogram when there are no scores
}

// fairOutcomeWords returns the synthetic data's words, ill and well, or
// for the learner's file the values of the label.
func fairOutcomeWords(p sim.Printer, source string) outcomeWords {
	if source == fairness.OwnCSV {
		return outcomeWords{
			up: p.Sprintf("label 1 ▲"), down: p.Sprintf("label 0 ▼"),
			yes: p.Sprintf("label 1"), no: p.Sprintf("label 0"),
			shareYes:   p.Sprintf("share with label 1"),
			noScoreMsg: p.Sprintf("The file gives decisions, not scores."),
		}
	}
	return outcomeWords{
		up: p.Sprintf("ill ▲"), down: p.Sprintf("well ▼"),
		yes: p.Sprintf("ill"), no: p.Sprintf("well"),
		shareYes: p.Sprintf("share ill"),
	}
}

// shortName keeps a group's name short enough for the labels; the
// description gives it whole.
func shortName(name string) string {
	const most = 14
	if r := []rune(name); len(r) > most {
		return string(r[:most-1]) + "…"
	}
	return name
}

// boldWidth estimates the width of s at size in bold, a fifth wider
// than textWidth's measure.
func boldWidth(s string, size float64) float64 { return 1.2 * textWidth(s, size) }

// fit shortens s with an ellipsis until it fits width at size in bold.
func fit(s string, width, size float64) string {
	r := []rune(s)
	for len(r) > 1 && boldWidth(string(r), size) > width {
		r = append(r[:len(r)-2], '…')
	}
	return string(r)
}

// seriesColor returns the colour of series i, such as a group or a
// cluster: the theme's two main colours first, then colours that keep
// 3:1 against the background in either theme. Colour is never the only
// cue: series also differ by marker shape and label.
func seriesColor(th draw.Theme, i int) color.RGBA {
	switch i {
	case 0:
		return th.Accent
	case 1:
		return th.Second
	case 2:
		return th.Third
	}
	light := []color.RGBA{
		{0x7b, 0x3f, 0xa0, 0xff}, {0x00, 0x72, 0x7a, 0xff}, {0xb0, 0x30, 0x6f, 0xff},
		{0x6b, 0x6b, 0x00, 0xff}, {0x4a, 0x5a, 0x78, 0xff}, {0x8a, 0x5a, 0x00, 0xff}, th.Warn,
	}
	dark := []color.RGBA{
		{0xc9, 0xa0, 0xff, 0xff}, {0x4f, 0xd1, 0xd9, 0xff}, {0xff, 0x8f, 0xc8, 0xff},
		{0xd8, 0xd2, 0x6a, 0xff}, {0xa9, 0xb8, 0xd8, 0xff}, {0xe0, 0xb0, 0x60, 0xff}, th.Warn,
	}
	pal := light
	if luma(th.Background) < 0.5 {
		pal = dark
	}
	return pal[(i-3)%len(pal)]
}

// luma returns the relative brightness of c from 0 to 1.
func luma(c color.RGBA) float64 {
	return (0.2126*float64(c.R) + 0.7152*float64(c.G) + 0.0722*float64(c.B)) / 255
}

// groupName returns the label of group g as the audit names it.
func groupName(p sim.Printer, g audit.Group) string { return p.Sprintf("Group %s", shortName(g.Name)) }

// fairScores draws, for each group, the spread of scores among people
// with the disease (filled, above the line) and without it (outlined,
// below), each as a share of its own people, and the group's threshold.
func fairScores(c draw.Canvas, th draw.Theme, p sim.Printer, words outcomeWords, d *audit.Data, r *audit.Report, x, y, w, h float64) {
	c.Text(x, y+14, p.Sprintf("Scores and thresholds"), draw.TextStyle{Color: th.Ink, Bold: true})
	n := len(r.Groups)
	if d != nil && d.Score == nil && words.noScoreMsg != "" {
		c.Text(x, y+40, words.noScoreMsg, draw.TextStyle{Color: th.Muted, Size: 12})
	}
	if n == 0 || d == nil || d.Score == nil {
		return
	}
	const bins = 20
	left, right := x+64, x+w-4
	top, bottom := y+22, y+h-14
	rowH := (bottom - top) / float64(n)
	counts := make([][2][bins]float64, n)
	for i, s := range d.Score {
		if d.Group[i] >= n {
			continue // a group beyond those drawn
		}
		k := min(max(int(s*bins), 0), bins-1)
		sick := 0
		if d.Label[i] {
			sick = 1
		}
		counts[d.Group[i]][sick][k]++
	}
	bw := (right - left) / bins
	// Short rows name their group beside the words for up and down; a
	// name longer than a letter or two takes the words' place, and the
	// words go once by the title.
	legend := false
	if rowH/2-3 < 24 {
		for _, g := range r.Groups {
			legend = legend || textWidth(g.Name, 14) > left-x-52
		}
	}
	if legend {
		c.Text(right, y+14, words.up+"  "+words.down, draw.TextStyle{Color: th.Muted, Size: 10, Align: draw.End})
	}
	for g, grp := range r.Groups {
		col := seriesColor(th, g)
		mid := top + rowH*(float64(g)+0.5)
		half := rowH/2 - 3
		switch {
		case half >= 24:
			c.Text(x, mid-half+10, fit(groupName(p, grp), right-x, 12), draw.TextStyle{Color: col, Size: 12, Bold: true})
		case legend:
			c.Text(x, mid+5, fit(grp.Name, left-x-6, 12), draw.TextStyle{Color: col, Size: 12, Bold: true})
		default:
			c.Text(x, mid+5, grp.Name, draw.TextStyle{Color: col, Size: 14, Bold: true})
		}
		if !legend {
			c.Text(left-6, mid-3, words.up, draw.TextStyle{Color: th.Muted, Size: 10, Align: draw.End})
			c.Text(left-6, mid+11, words.down, draw.TextStyle{Color: th.Muted, Size: 10, Align: draw.End})
		}
		// Each side is scaled to its own tallest bin: the shapes matter,
		// and the healthy outnumber the ill.
		var peak [2]float64
		for s := range 2 {
			for k := range bins {
				peak[s] = math.Max(peak[s], counts[g][s][k])
			}
		}
		var up, down draw.Path
		for k := range bins {
			bx := left + bw*float64(k)
			if peak[1] > 0 {
				if v := half * counts[g][1][k] / peak[1]; v > 0 {
					up.Ops = append(up.Ops, draw.Rect(bx+0.5, mid-v, bw-1, v).Ops...)
				}
			}
			if peak[0] > 0 {
				if v := half * counts[g][0][k] / peak[0]; v > 0 {
					down.Ops = append(down.Ops, draw.Rect(bx+1, mid, bw-2, v).Ops...)
				}
			}
		}
		c.Fill(&up, col)
		c.Stroke(&down, 1, col)
		c.Stroke(draw.Line(left, mid, right, mid), 1, th.Muted)
		t := grp.Threshold
		if !math.IsNaN(t) {
			tx := left + (right-left)*t
			c.Stroke(draw.Line(tx, mid-half-2, tx, mid+half+2), 2.5, th.Ink)
			st := draw.TextStyle{Color: th.Ink, Size: 11, Bold: true}
			if t > 0.7 {
				st.Align = draw.End
				c.Text(tx-4, mid-half+9, fixed(t, 2), st)
			} else {
				c.Text(tx+4, mid-half+9, fixed(t, 2), st)
			}
		}
	}
	tick := draw.TextStyle{Color: th.Muted, Size: 11, Align: draw.Middle}
	for _, v := range []float64{0, 0.5, 1} {
		c.Text(left+(right-left)*v, bottom+12, fixed(v, 1), tick)
	}
	if w > 300 {
		c.Text(left+(right-left)*0.25, bottom+12, p.Sprintf("score"), tick)
	}
}

// fairConfusion draws one confusion matrix per group: rows are the truth,
// columns the decision, each cell shaded by its share of the group.
func fairConfusion(c draw.Canvas, th draw.Theme, p sim.Printer, words outcomeWords, r *audit.Report, x, y, w, h float64) {
	c.Text(x, y+14, p.Sprintf("Confusion matrices"), draw.TextStyle{Color: th.Ink, Bold: true})
	n := len(r.Groups)
	if n == 0 {
		return
	}
	const head = 50 // room for the row names
	top := y + 40
	slot := (w - head) / float64(n)
	cw := math.Min((slot-8)/2, 70)
	ch := math.Min((y+h-top-14)/2, 70)
	small := ch < 36
	rowSt := draw.TextStyle{Color: th.Ink, Size: 11, Align: draw.End}
	c.Text(x+head-4, top+ch/2+4, words.yes, rowSt)
	c.Text(x+head-4, top+ch*1.5+4, words.no, rowSt)
	for g, grp := range r.Groups {
		col := seriesColor(th, g)
		gx := x + head + slot*float64(g)
		c.Text(gx+cw, y+32, fit(groupName(p, grp), slot-10, 12), draw.TextStyle{Color: col, Size: 12, Bold: true, Align: draw.Middle})
		total := float64(max(grp.N(), 1))
		cells := [4]struct {
			name string
			v    int
		}{{"TP", grp.TP}, {"FN", grp.FN}, {"FP", grp.FP}, {"TN", grp.TN}}
		for i, cl := range cells {
			cx, cy := gx+cw*float64(i%2), top+ch*float64(i/2)
			share := float64(cl.v) / total
			c.Fill(draw.Rect(cx, cy, cw, ch), fade(col, uint8(25+200*math.Sqrt(share))))
			c.Stroke(draw.Rect(cx, cy, cw, ch), 1, th.Background)
			ink := th.Ink
			if share > 0.3 {
				ink = th.Background
			}
			if small {
				label := cl.name + " " + strconv.Itoa(cl.v)
				if textWidth(label, 11) > cw-4 {
					label = strconv.Itoa(cl.v) // the row and column labels say which cell
				}
				c.Text(cx+cw/2, cy+ch/2+4, label, draw.TextStyle{Color: ink, Size: 11, Align: draw.Middle, Bold: true})
				continue
			}
			c.Text(cx+cw/2, cy+ch/2-2, cl.name, draw.TextStyle{Color: ink, Size: 11, Align: draw.Middle})
			c.Text(cx+cw/2, cy+ch/2+13, strconv.Itoa(cl.v), draw.TextStyle{Color: ink, Size: 12, Align: draw.Middle, Bold: true})
		}
		colSt := draw.TextStyle{Color: th.Muted, Size: 10, Align: draw.Middle}
		c.Text(gx+cw/2, top+2*ch+12, fit(p.Sprintf("flagged"), cw+14, 10), colSt)
		c.Text(gx+cw*1.5, top+2*ch+12, fit(p.Sprintf("not"), cw+14, 10), colSt)
	}
}

// fairRates draws, for each measure, one bar per group.
func fairRates(c draw.Canvas, th draw.Theme, p sim.Printer, r *audit.Report, x, y, w, h float64) {
	c.Text(x, y+14, p.Sprintf("Rates by group"), draw.TextStyle{Color: th.Ink, Bold: true})
	n := len(r.Groups)
	if n == 0 {
		return
	}
	measures := []struct {
		name string
		f    func(audit.Confusion) float64
	}{
		{p.Sprintf("flagged"), audit.Confusion.SelectionRate},
		{p.Sprintf("TPR"), audit.Confusion.TPR},
		{p.Sprintf("FPR"), audit.Confusion.FPR},
		{p.Sprintf("precision"), audit.Confusion.Precision},
	}
	left, right := x+28, x+w
	top, bottom := y+36, y+h-16
	c.Stroke(draw.Line(left, bottom, right, bottom), 1, th.Muted)
	c.Text(left-4, top+4, "100%", draw.TextStyle{Color: th.Muted, Size: 10, Align: draw.End})
	c.Stroke(dashed(left, top, right, top, 2, 3), 1, fade(th.Muted, 120))
	c.Text(left-4, bottom, "0", draw.TextStyle{Color: th.Muted, Size: 10, Align: draw.End})
	slot := (right - left) / float64(len(measures))
	bw := math.Min(28, (slot-10)/float64(n))
	for i, ms := range measures {
		cx := left + slot*(float64(i)+0.5)
		c.Text(cx, bottom+13, ms.name, draw.TextStyle{Color: th.Ink, Size: 11, Align: draw.Middle})
		x0 := cx - bw*float64(n)/2
		for g, grp := range r.Groups {
			v := ms.f(grp.Confusion)
			bx := x0 + bw*float64(g)
			col := seriesColor(th, g)
			if math.IsNaN(v) {
				c.Text(bx+bw/2, bottom-4, "–", draw.TextStyle{Color: th.Muted, Size: 11, Align: draw.Middle})
				continue
			}
			bh := (bottom - top) * v
			if g%2 == 0 {
				c.Fill(draw.Rect(bx+1, bottom-bh, bw-2, bh), col)
			} else {
				// The second group's bars are outlined and lightly
				// filled, so the pair differs without colour too.
				c.Fill(draw.Rect(bx+1, bottom-bh, bw-2, bh), fade(col, 70))
				c.Stroke(draw.Rect(bx+1.75, bottom-bh+0.75, bw-3.5, math.Max(bh-1.5, 0)), 1.5, col)
			}
			// Narrow bars take smaller numbers, or none, so that
			// neighbours do not overlap.
			if size := min(10, math.Floor(bw/2.2)); size >= 7 {
				c.Text(bx+bw/2, bottom-bh-3, strconv.Itoa(int(math.Round(100*v))), draw.TextStyle{Color: col, Size: size, Align: draw.Middle, Bold: true})
			}
		}
	}
	// A key names the groups in the order of their bars.
	kx := x + w
	for g := n - 1; g >= 0; g-- {
		name := fit(r.Groups[g].Name, (w-70)/float64(n)-24, 11)
		c.Text(kx, y+30, name, draw.TextStyle{Color: seriesColor(th, g), Size: 11, Bold: true, Align: draw.End})
		kx -= boldWidth(name, 11) + 16
		box := draw.Rect(kx+4, y+21, 9, 9)
		if g%2 == 0 {
			c.Fill(box, seriesColor(th, g))
		} else {
			c.Stroke(box, 1.5, seriesColor(th, g))
		}
		kx -= 6
	}
	c.Text(kx-4, y+30, p.Sprintf("in %"), draw.TextStyle{Color: th.Muted, Size: 11, Align: draw.End})
}

// fairCalibration draws the observed share with the disease against the
// mean score in each tenth of the score range, per group, with the line
// of perfect calibration.
func fairCalibration(c draw.Canvas, th draw.Theme, p sim.Printer, words outcomeWords, r *audit.Report, x, y, w, h float64) {
	c.Text(x, y+14, p.Sprintf("Calibration"), draw.TextStyle{Color: th.Ink, Bold: true})
	size := math.Min(h-40, w*0.5)
	left, top := x+30, y+24
	if size < 20 {
		return
	}
	at := func(sx, sy float64) (float64, float64) { return left + size*sx, top + size*(1-sy) }
	c.Stroke(draw.Rect(left, top, size, size), 1, th.Muted)
	x0, y0 := at(0, 0)
	x1, y1 := at(1, 1)
	c.Stroke(dashed(x0, y0, x1, y1, 4, 3), 1, th.Muted)
	c.Text(left-4, top+8, "1", draw.TextStyle{Color: th.Muted, Size: 10, Align: draw.End})
	c.Text(left-4, top+size, "0", draw.TextStyle{Color: th.Muted, Size: 10, Align: draw.End})
	c.Text(left+size, top+size+12, "1", draw.TextStyle{Color: th.Muted, Size: 10, Align: draw.Middle})
	if size > 100 {
		c.Text(left+size/2, top+size+12, p.Sprintf("mean score"), draw.TextStyle{Color: th.Muted, Size: 10, Align: draw.Middle})
	}
	ty := top + 12
	tx := left + size + 12
	if h >= 130 {
		c.Text(tx, ty, words.shareYes, draw.TextStyle{Color: th.Muted, Size: 11})
		ty += 14
		c.Text(tx, ty, p.Sprintf("against mean score"), draw.TextStyle{Color: th.Muted, Size: 11})
	} else {
		ty -= 12
	}
	any := false
	for g, grp := range r.Groups {
		col := seriesColor(th, g)
		var line, marks draw.Path
		for _, b := range grp.Calibration {
			if b.N == 0 {
				continue
			}
			px, py := at(b.MeanScore, b.Rate())
			if len(line.Ops) == 0 {
				line.MoveTo(px, py)
			} else {
				line.LineTo(px, py)
			}
			marker(&marks, g, px, py, 3.5)
		}
		if len(line.Ops) == 0 {
			continue
		}
		any = true
		if g%2 == 1 {
			c.Stroke(dashedPath(&line, 5, 3), 1.5, col)
		} else {
			c.Stroke(&line, 1.5, col)
		}
		c.Fill(&marks, col)
		if ty+18 > y+h {
			continue // no room left for the key: the lines stay
		}
		ty += 18
		var key draw.Path
		marker(&key, g, tx+4, ty-4, 4)
		c.Fill(&key, col)
		c.Text(tx+14, ty, fit(groupName(p, grp), x+w-tx-14, 11), draw.TextStyle{Color: col, Size: 11, Bold: true})
		if !math.IsNaN(grp.ECE) {
			ty += 13
			c.Text(tx+14, ty, p.Sprintf("off by %d points", int(math.Round(100*grp.ECE))), draw.TextStyle{Color: th.Ink, Size: 10})
		}
	}
	if !any {
		c.Text(left+size/2, top+size/2, p.Sprintf("no scores to calibrate"), draw.TextStyle{Color: th.Muted, Size: 11, Align: draw.Middle})
	}
}
