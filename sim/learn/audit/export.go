package audit

import (
	"bytes"
	"encoding/csv"
	"math"
	"strconv"
)

// CSV returns the report as comma-separated values with a header row:
// one row per group (scope "group"), then one for every case together
// (scope "overall"), each with its counts and rates, and for a group
// audited on scores its threshold and expected calibration error.
// Undefined values are empty cells.
func (r *Report) CSV() []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write([]string{"scope", "group", "cases", "threshold", "tp", "fp", "tn", "fn",
		"base_rate", "selection_rate", "accuracy", "tpr", "fpr", "precision", "ece"})
	row := func(scope, name string, threshold float64, c Confusion, ece float64) {
		_ = w.Write([]string{scope, name, strconv.Itoa(c.N()), cell(threshold),
			strconv.Itoa(c.TP), strconv.Itoa(c.FP), strconv.Itoa(c.TN), strconv.Itoa(c.FN),
			cell(c.BaseRate()), cell(c.SelectionRate()), cell(c.Accuracy()),
			cell(c.TPR()), cell(c.FPR()), cell(c.Precision()), cell(ece)})
	}
	for _, g := range r.Groups {
		row("group", g.Name, g.Threshold, g.Confusion, g.ECE)
	}
	row("overall", "", math.NaN(), r.Overall, math.NaN())
	w.Flush() // writes to memory: it cannot fail
	return b.Bytes()
}

// cell writes a number to six significant digits, or nothing when it is
// undefined.
func cell(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	return strconv.FormatFloat(v, 'g', 6, 64)
}
