package audit

import (
	"fmt"
	"math"
	"slices"
)

// Confusion counts a binary classifier's decisions against the truth. Its
// zero value is empty and ready to Add to. Its rates are NaN when their
// denominator is zero.
type Confusion struct {
	TP int // flagged, and positive
	FP int // flagged, but negative
	TN int // not flagged, and negative
	FN int // not flagged, but positive
}

// Add counts one decision.
func (c *Confusion) Add(label, flagged bool) {
	switch {
	case label && flagged:
		c.TP++
	case label:
		c.FN++
	case flagged:
		c.FP++
	default:
		c.TN++
	}
}

// N returns the number of decisions.
func (c Confusion) N() int { return c.TP + c.FP + c.TN + c.FN }

// Positives returns how many were truly positive.
func (c Confusion) Positives() int { return c.TP + c.FN }

// Flagged returns how many the classifier flagged.
func (c Confusion) Flagged() int { return c.TP + c.FP }

func ratio(a, b int) float64 {
	if b == 0 {
		return math.NaN()
	}
	return float64(a) / float64(b)
}

// Accuracy returns the share of decisions that were right.
func (c Confusion) Accuracy() float64 { return ratio(c.TP+c.TN, c.N()) }

// TPR returns the true positive rate (sensitivity, recall): the share of
// positives that were flagged.
func (c Confusion) TPR() float64 { return ratio(c.TP, c.TP+c.FN) }

// FPR returns the false positive rate: the share of negatives that were
// flagged.
func (c Confusion) FPR() float64 { return ratio(c.FP, c.FP+c.TN) }

// FNR returns the false negative rate: the share of positives missed.
func (c Confusion) FNR() float64 { return ratio(c.FN, c.TP+c.FN) }

// Precision returns the positive predictive value: the share of flagged
// cases that were positive.
func (c Confusion) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// SelectionRate returns the share of cases flagged.
func (c Confusion) SelectionRate() float64 { return ratio(c.TP+c.FP, c.N()) }

// BaseRate returns the share of cases that were positive.
func (c Confusion) BaseRate() float64 { return ratio(c.TP+c.FN, c.N()) }

// Bin is one bin of a calibration curve: the cases whose score fell in
// [Lo, Hi).
type Bin struct {
	Lo, Hi    float64 // score range; the last bin includes Hi
	N         int     // cases in the bin
	Positives int     // of which positive
	MeanScore float64 // mean score in the bin; NaN when empty
}

// Rate returns the observed share of positives in the bin, NaN when empty.
// A calibrated score has Rate close to MeanScore in every bin.
func (b Bin) Rate() float64 { return ratio(b.Positives, b.N) }

// Group holds the metrics of one group.
type Group struct {
	Name      string  // as in Data.Groups
	Threshold float64 // the score at or above which a case was flagged; NaN for predictions
	Confusion
	// Calibration has one Bin per tenth of the score range [0, 1]. It is
	// nil when the data had predictions rather than scores, or scores
	// outside [0, 1].
	Calibration []Bin
	// ECE is the expected calibration error: the mean over cases of
	// |Rate − MeanScore| of their bin. NaN without Calibration.
	ECE float64
}

// Report holds per-group metrics and the gaps between groups.
type Report struct {
	Groups  []Group   // in the order of Data.Groups
	Overall Confusion // every case together

	// The gaps follow Fairlearn's definitions: the largest value over the
	// groups minus the smallest. Groups with no case for a rate are left
	// out of it; with fewer than two groups left the gap is NaN.

	DemographicParity float64 // gap in selection rate
	EqualOpportunity  float64 // gap in true positive rate
	EqualisedOdds     float64 // the larger of the gaps in TPR and in FPR
	PredictiveParity  float64 // gap in precision, the calibration of a flag
	// DisparateImpact is the smallest selection rate over the largest;
	// 1 is parity, and below 0.8 fails the "four-fifths rule".
	DisparateImpact float64
}

// Data is a labelled, grouped sample of a classifier's outputs: either a
// score per case, flagged when at or above a threshold, or a prediction.
type Data struct {
	Label  []bool    // the true outcome of each case
	Score  []float64 // the classifier's score of each case, or nil
	Pred   []bool    // the classifier's decision, used when Score is nil
	Group  []int     // each case's index into Groups
	Groups []string  // group names
	// Line is the line of the file each case was read from, for
	// messages about a case; nil when the data did not come from a file.
	Line []int
}

// Len returns the number of cases.
func (d *Data) Len() int { return len(d.Label) }

func (d *Data) check() error {
	n := len(d.Label)
	switch {
	case len(d.Group) != n:
		return fmt.Errorf("audit: %d groups for %d cases", len(d.Group), n)
	case d.Score != nil && len(d.Score) != n:
		return fmt.Errorf("audit: %d scores for %d cases", len(d.Score), n)
	case d.Score == nil && len(d.Pred) != n:
		return fmt.Errorf("audit: %d predictions for %d cases", len(d.Pred), n)
	}
	for i, g := range d.Group {
		if g < 0 || g >= len(d.Groups) {
			return fmt.Errorf("audit: case %d is in group %d of %d", i, g, len(d.Groups))
		}
	}
	return nil
}

// Measure computes the report. With scores, a case is flagged when its
// score is at least its group's threshold: thresholds holds one value for
// every group, or one per group in the order of Groups. With predictions
// the thresholds are ignored.
func Measure(d *Data, thresholds ...float64) (*Report, error) {
	if err := d.check(); err != nil {
		return nil, err
	}
	if d.Score != nil && len(thresholds) != 1 && len(thresholds) != len(d.Groups) {
		return nil, fmt.Errorf("audit: %d thresholds for %d groups; want 1 or %d", len(thresholds), len(d.Groups), len(d.Groups))
	}
	r := &Report{Groups: make([]Group, len(d.Groups))}
	for g := range r.Groups {
		r.Groups[g].Name = d.Groups[g]
		r.Groups[g].Threshold = math.NaN()
		if d.Score != nil {
			r.Groups[g].Threshold = thresholds[min(g, len(thresholds)-1)]
		}
	}
	for i, label := range d.Label {
		g := &r.Groups[d.Group[i]]
		flagged := false
		if d.Score != nil {
			flagged = d.Score[i] >= g.Threshold
		} else {
			flagged = d.Pred[i]
		}
		g.Add(label, flagged)
		r.Overall.Add(label, flagged)
	}
	if d.Score != nil && scoresInUnit(d.Score) {
		for g := range r.Groups {
			r.Groups[g].Calibration, r.Groups[g].ECE = calibrate(d, g)
		}
	} else {
		for g := range r.Groups {
			r.Groups[g].ECE = math.NaN()
		}
	}
	rate := func(f func(Confusion) float64) []float64 {
		v := make([]float64, len(r.Groups))
		for g := range r.Groups {
			v[g] = f(r.Groups[g].Confusion)
		}
		return v
	}
	sel := rate(Confusion.SelectionRate)
	tpr, fpr := rate(Confusion.TPR), rate(Confusion.FPR)
	r.DemographicParity = gap(sel)
	r.EqualOpportunity = gap(tpr)
	r.EqualisedOdds = math.Max(gap(tpr), gap(fpr))
	if math.IsNaN(gap(tpr)) || math.IsNaN(gap(fpr)) {
		r.EqualisedOdds = math.NaN()
	}
	r.PredictiveParity = gap(rate(Confusion.Precision))
	lo, hi := extremes(sel)
	r.DisparateImpact = math.NaN()
	if !math.IsNaN(lo) && hi > 0 {
		r.DisparateImpact = lo / hi
	}
	return r, nil
}

// gap returns the largest defined value minus the smallest, or NaN when
// fewer than two are defined.
func gap(v []float64) float64 {
	lo, hi := extremes(v)
	return hi - lo
}

func extremes(v []float64) (lo, hi float64) {
	defined := slices.DeleteFunc(slices.Clone(v), math.IsNaN)
	if len(defined) < 2 {
		return math.NaN(), math.NaN()
	}
	return slices.Min(defined), slices.Max(defined)
}

func scoresInUnit(s []float64) bool {
	for _, v := range s {
		if !(v >= 0 && v <= 1) {
			return false
		}
	}
	return true
}

// calibrate bins the scores of group g into tenths.
func calibrate(d *Data, g int) ([]Bin, float64) {
	const bins = 10
	b := make([]Bin, bins)
	sum := make([]float64, bins)
	for k := range b {
		b[k].Lo, b[k].Hi = float64(k)/bins, float64(k+1)/bins
	}
	for i, s := range d.Score {
		if d.Group[i] != g {
			continue
		}
		k := min(int(s*bins), bins-1)
		b[k].N++
		sum[k] += s
		if d.Label[i] {
			b[k].Positives++
		}
	}
	n, ece := 0, 0.0
	for k := range b {
		b[k].MeanScore = math.NaN()
		if b[k].N > 0 {
			b[k].MeanScore = sum[k] / float64(b[k].N)
			ece += float64(b[k].N) * math.Abs(b[k].Rate()-b[k].MeanScore)
			n += b[k].N
		}
	}
	if n == 0 {
		return b, math.NaN()
	}
	return b, ece / float64(n)
}
