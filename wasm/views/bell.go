package views

import (
	"math"
	"strconv"

	"nexuslab/sim"
	"nexuslab/sim/bell"
	"nexuslab/wasm/draw"
)

// Bell draws the outcome counts of a Bell pair, or its exact
// probabilities before it is measured, with the prediction 1/2 marked on
// each bar.
func Bell(c draw.Canvas, th draw.Theme, p sim.Printer, m *bell.Model) {
	w, h := c.Size()
	c.Fill(draw.Rect(0, 0, w, h), th.Background)
	labels := []string{"00", "01", "10", "11"}
	probs := m.Probabilities()
	chart := Bars{Labels: labels, Values: probs, Max: 1, Title: p.Sprintf("Probability of each outcome")}
	if counts := m.Counts(); counts != nil {
		values := make([]float64, len(counts))
		for i, n := range counts {
			values[i] = float64(n)
		}
		chart = Bars{
			Labels: labels, Values: values, Max: float64(m.Shots()),
			Marks:  []float64{probs[0] * float64(m.Shots()), math.NaN(), math.NaN(), probs[3] * float64(m.Shots())},
			Title:  p.Sprintf("Counts in %d shots", m.Shots()),
			Format: func(v float64) string { return strconv.Itoa(int(v)) },
		}
	} else {
		chart.Format = Percent
	}
	margin := math.Min(24, w/10)
	chart.Draw(c, th, margin, margin, w-2*margin, h-2*margin)
}
