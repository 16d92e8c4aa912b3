package views

import (
	"image/color"
	"math"
	"strconv"

	"nexuslab/wasm/draw"
)

// Small drawing helpers shared by the quantum views: translucent colours,
// dashed lines, the symbols of bases and checks, and a guess at label
// widths (the canvas has no font metrics; labels are HTML).

// fade returns c with alpha a, as straight (not premultiplied) alpha,
// which both back ends expect.
func fade(c color.RGBA, a uint8) color.RGBA { return color.RGBA{c.R, c.G, c.B, a} }

// dashed returns a path of dashes along the segment from x0, y0 to x1,
// y1.
func dashed(x0, y0, x1, y1, dash, gap float64) *draw.Path {
	p := &draw.Path{}
	l := math.Hypot(x1-x0, y1-y0)
	if l == 0 {
		return p
	}
	ux, uy := (x1-x0)/l, (y1-y0)/l
	for s := 0.0; s < l; s += dash + gap {
		e := math.Min(s+dash, l)
		p.MoveTo(x0+ux*s, y0+uy*s)
		p.LineTo(x0+ux*e, y0+uy*e)
	}
	return p
}

// polyline returns the path through the points xs[i], ys[i].
func polyline(xs, ys []float64) *draw.Path {
	p := &draw.Path{}
	for i := range xs {
		if i == 0 {
			p.MoveTo(xs[i], ys[i])
		} else {
			p.LineTo(xs[i], ys[i])
		}
	}
	return p
}

// basisMark draws the symbol of a polarisation basis centred at x, y:
// + for rectilinear (0), × for diagonal (1).
func basisMark(c draw.Canvas, x, y, r float64, basis uint8, col color.RGBA) {
	p := &draw.Path{}
	if basis == 0 {
		p.MoveTo(x-r, y)
		p.LineTo(x+r, y)
		p.MoveTo(x, y-r)
		p.LineTo(x, y+r)
	} else {
		d := r * 0.8
		p.MoveTo(x-d, y-d)
		p.LineTo(x+d, y+d)
		p.MoveTo(x-d, y+d)
		p.LineTo(x+d, y-d)
	}
	c.Stroke(p, 2, col)
}

// tick draws a check mark centred at x, y.
func tick(c draw.Canvas, x, y, r float64, col color.RGBA) {
	p := &draw.Path{}
	p.MoveTo(x-r, y)
	p.LineTo(x-r*0.3, y+r*0.7)
	p.LineTo(x+r, y-r*0.8)
	c.Stroke(p, 2, col)
}

// cross draws an × centred at x, y.
func cross(c draw.Canvas, x, y, r float64, col color.RGBA) {
	p := &draw.Path{}
	p.MoveTo(x-r, y-r)
	p.LineTo(x+r, y+r)
	p.MoveTo(x-r, y+r)
	p.LineTo(x+r, y-r)
	c.Stroke(p, 2.5, col)
}

// textWidth estimates the width of s at size: labels are drawn by the
// page in a system font, so views leave room by this measure.
func textWidth(s string, size float64) float64 {
	n := 0
	for range s {
		n++
	}
	return float64(n) * size * 0.56
}

// pct formats a fraction as a percentage with one decimal.
func pct(f float64) string { return strconv.FormatFloat(100*f, 'f', 1, 64) + "%" }

// fixed formats x with d decimals.
func fixed(x float64, d int) string {
	if math.Abs(x) < 0.5*math.Pow(10, -float64(d)) {
		x = 0
	}
	return strconv.FormatFloat(x, 'f', d, 64)
}

// clamp keeps x within lo and hi.
func clamp(x, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, x)) }
