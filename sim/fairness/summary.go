package fairness

import (
	"fmt"
	"math"
	"strings"

	"nexuslab/sim"
	"nexuslab/sim/learn/audit"
)

// Audit reads a learner's own CSV file, whose header names the columns
// cols chooses, and audits it: with a score column, a row is flagged when
// its score is at least threshold; with a prediction column, threshold is
// ignored. Errors name the row and the column. Audit does no I/O, so in
// the browser the file never leaves the device.
func Audit(data []byte, cols audit.Columns, threshold float64) (*audit.Report, error) {
	d, err := audit.ParseCSV(data, cols)
	if err != nil {
		return nil, err
	}
	if cols.Score != "" && math.IsNaN(threshold) {
		return nil, fmt.Errorf("fairness: threshold is not a number")
	}
	return audit.Measure(d, threshold)
}

// baseRateGap is the difference in base rates above which Summarize
// explains that error rates and precision cannot both be equal. Smaller
// differences rarely matter next to sampling noise.
const baseRateGap = 0.02

// Summarize returns a plain-language account of a report, in paragraphs
// separated by blank lines, that a policymaker can paste into a memo: what
// the classifier does to each group, the gaps between groups, and, when
// base rates differ, the trade-off that no threshold escapes.
func Summarize(p sim.Printer, r *audit.Report) string {
	var paras []string
	var groups []string
	for _, g := range r.Groups {
		groups = append(groups, p.Sprintf("In group %s (%d cases), %s were flagged. Of those with the outcome, %s were found (the true positive rate); of those without it, %s were flagged wrongly (the false positive rate). A flag was right %s of the time (the precision).",
			g.Name, g.N(), pct(p, g.SelectionRate()), pct(p, g.TPR()), pct(p, g.FPR()), pct(p, g.Precision())))
	}
	paras = append(paras, strings.Join(groups, " "))

	if len(r.Groups) < 2 {
		paras = append(paras, p.Sprintf("The data hold one group only, so no comparison between groups is possible."))
		return strings.Join(paras, "\n\n")
	}
	gaps := p.Sprintf("Between groups, the share flagged differs by up to %s (the demographic parity difference), the true positive rate by up to %s (the equal opportunity difference), and either error rate by up to %s (the equalised odds difference). Precision differs by up to %s.",
		points(p, r.DemographicParity), points(p, r.EqualOpportunity), points(p, r.EqualisedOdds), points(p, r.PredictiveParity))
	switch di := r.DisparateImpact; {
	case math.IsNaN(di):
	case di < 0.8:
		gaps += " " + p.Sprintf("The group flagged least is flagged %.2f times as often as the group flagged most: below the 0.8 of the \"four-fifths rule\" often used as a first warning sign.", di)
	default:
		gaps += " " + p.Sprintf("The group flagged least is flagged %.2f times as often as the group flagged most.", di)
	}
	paras = append(paras, gaps)

	var eces []string
	for _, g := range r.Groups {
		if !math.IsNaN(g.ECE) {
			eces = append(eces, p.Sprintf("%s in group %s", points(p, g.ECE), g.Name))
		}
	}
	if len(eces) > 0 {
		paras = append(paras, p.Sprintf("Read as a probability, the score is off on average by %s (the expected calibration error).", strings.Join(eces, ", ")))
	}

	lo, hi := math.Inf(1), math.Inf(-1)
	for _, g := range r.Groups {
		if b := g.BaseRate(); !math.IsNaN(b) {
			lo, hi = math.Min(lo, b), math.Max(hi, b)
		}
	}
	if hi-lo > baseRateGap {
		paras = append(paras, p.Sprintf("The outcome is more common in some groups than in others: from %s to %s. When base rates differ, no threshold can give every group both the same error rates and the same precision. Which of them to equalise is a policy choice, not a technical one; it should be made openly, with the people it affects.",
			pct(p, lo), pct(p, hi)))
	}
	return strings.Join(paras, "\n\n")
}
