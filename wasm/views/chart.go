package views

import (
	"fmt"
	"image/color"
	"math"

	"nexuslab/wasm/draw"
)

// Bars is a bar chart of values against labelled categories.
type Bars struct {
	Labels []string             // one per bar, written under it
	Values []float64            // bar heights in the units of Max
	Marks  []float64            // optional: a tick per bar, e.g. the expected value; NaN for none
	Max    float64              // top of the axis; 0 means the largest value
	Title  string               // written above the chart
	Color  color.RGBA           // bar colour; zero means the theme's accent
	Format func(float64) string // value labels; nil means none
}

// Draw draws the chart in the rectangle x, y, w, h.
func (b Bars) Draw(c draw.Canvas, th draw.Theme, x, y, w, h float64) {
	top := b.Max
	for _, v := range b.Values {
		top = math.Max(top, v)
	}
	if top <= 0 {
		top = 1
	}
	const pad = 28 // room for the title above and the labels below
	chartTop, chartBottom := y+pad, y+h-pad
	if b.Title != "" {
		c.Text(x, y+16, b.Title, draw.TextStyle{Color: th.Ink, Bold: true})
	}
	n := float64(len(b.Values))
	slot := w / math.Max(n, 1)
	barW := math.Min(slot*0.6, 120)
	fill := b.Color
	if fill.A == 0 {
		fill = th.Accent
	}
	for i, v := range b.Values {
		cx := x + slot*(float64(i)+0.5)
		bh := (chartBottom - chartTop) * v / top
		c.Fill(draw.Rect(cx-barW/2, chartBottom-bh, barW, bh), fill)
		labelY := chartBottom - bh - 6
		if i < len(b.Marks) && !math.IsNaN(b.Marks[i]) {
			my := chartBottom - (chartBottom-chartTop)*b.Marks[i]/top
			c.Stroke(draw.Line(cx-barW/2-6, my, cx+barW/2+6, my), 2, th.Ink)
			labelY = math.Min(labelY, my-6)
		}
		if i < len(b.Labels) {
			c.Text(cx, chartBottom+20, b.Labels[i], draw.TextStyle{Color: th.Ink, Align: draw.Middle, Size: 15})
		}
		if b.Format != nil {
			c.Text(cx, labelY, b.Format(v), draw.TextStyle{Color: th.Ink, Align: draw.Middle, Size: 12})
		}
	}
	c.Stroke(draw.Line(x, chartBottom, x+w, chartBottom), 1, th.Muted)
}

// Percent formats a fraction as a percentage with one decimal.
func Percent(f float64) string { return fmt.Sprintf("%.1f%%", 100*f) }
