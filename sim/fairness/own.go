package fairness

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"nexuslab/sim"
	"nexuslab/sim/learn"
	"nexuslab/sim/learn/audit"
)

// ExampleCSV is a small file to try the audit on, which the example
// action loads: the risk scores a referral model gave 24 made-up
// patients in an urban and a rural district, whether the score referred
// them (0.5 or more), and what follow-up found. The rural patients who
// are ill score lower, so one threshold finds fewer of them.
const ExampleCSV = `case,group,score,referred,label
1,urban,0.91,1,1
2,rural,0.47,0,0
3,urban,0.12,0,0
4,rural,0.62,1,1
5,urban,0.55,1,0
6,rural,0.09,0,0
7,urban,0.45,0,1
8,rural,0.41,0,1
9,urban,0.30,0,0
10,rural,0.28,0,0
11,urban,0.78,1,1
12,rural,0.15,0,0
13,urban,0.05,0,0
14,rural,0.33,0,1
15,urban,0.22,0,0
16,rural,0.06,0,0
17,urban,0.64,1,1
18,rural,0.25,0,0
19,urban,0.18,0,0
20,rural,0.11,0,0
21,urban,0.38,0,0
22,rural,0.19,0,0
23,urban,0.08,0,0
24,rural,0.04,0,0
`

// ownFile is the learner's file as last parsed: a large file is read
// once, not again on every threshold edit.
type ownFile struct {
	text string
	cols audit.Columns
	data *audit.Data
	err  error
}

// parse reads the columns cols of text, or returns the data or error of
// the last call when neither has changed.
func (f *ownFile) parse(text string, cols audit.Columns) (*audit.Data, error) {
	if (f.data != nil || f.err != nil) && f.text == text && f.cols == cols {
		return f.data, f.err
	}
	d, err := audit.ParseCSV([]byte(text), cols)
	if err == nil && cols.Score != "" {
		err = unitScores(d, cols.Score)
	}
	if err != nil {
		d, err = nil, ownError(err, cols)
	}
	*f = ownFile{text: text, cols: cols, data: d, err: err}
	return d, err
}

// auditOwn audits the learner's file, if any. Every problem is a
// *sim.ParamError for the control concerned, kept for Describe.
func (m *Model) auditOwn() error {
	m.train, m.test, m.importance, m.clf = nil, nil, nil, learn.Logistic{}
	m.data, m.report = nil, nil
	m.ownErr = func() error {
		text := m.v.String("csv")
		if text == "" {
			return nil // nothing yet: Describe says how to start
		}
		cols, err := m.columns()
		if err != nil {
			return err
		}
		d, err := m.own.parse(text, cols)
		if err != nil {
			return err
		}
		m.data = d
		return m.measure()
	}()
	if m.ownErr != nil {
		m.data, m.report = nil, nil
	}
	return m.ownErr
}

// columns returns the columns chosen for the learner's file.
func (m *Model) columns() (audit.Columns, error) {
	c := audit.Columns{
		Label:      strings.TrimSpace(m.v.String("label")),
		Score:      strings.TrimSpace(m.v.String("score")),
		Prediction: strings.TrimSpace(m.v.String("prediction")),
		Group:      strings.TrimSpace(m.v.String("group")),
	}
	switch {
	case c.Label == "":
		return c, sim.ParamErrorf("label", "name the column of the true outcome")
	case c.Score == "" && c.Prediction == "":
		return c, sim.ParamErrorf("score", "name the column of the score, or else of the decision")
	case c.Score != "" && c.Prediction != "":
		return c, sim.ParamErrorf("prediction", "name a column of scores or a column of decisions, not both: empty one of the two")
	case c.Group == "":
		return c, sim.ParamErrorf("group", "name the column of the group")
	}
	return c, nil
}

// unitScores checks that every score lies in [0, 1], as the thresholds
// the page offers do.
func unitScores(d *audit.Data, column string) error {
	for i, s := range d.Score {
		if !(s >= 0 && s <= 1) {
			return &audit.CSVError{Row: d.Line[i], Err: fmt.Errorf("the score %v in column %q is not between 0 and 1; here scores must be probabilities (rescale them, or audit them with nexus learn fairness)", s, column)}
		}
	}
	return nil
}

// ownError turns a problem with the learner's file into a
// *sim.ParamError: a missing column for the control that names it,
// anything else for the file, by row and column.
func ownError(err error, cols audit.Columns) error {
	var mc *audit.MissingColumnError
	if errors.As(err, &mc) {
		for _, c := range []struct{ param, name string }{{"label", cols.Label}, {"score", cols.Score}, {"prediction", cols.Prediction}, {"group", cols.Group}} {
			if c.name == mc.Name {
				return &sim.ParamError{Param: c.param, Msg: mc.Error()}
			}
		}
	}
	// The page shows the message next to the file, where the package's
	// prefix would mean nothing.
	return &sim.ParamError{Param: "csv", Msg: strings.TrimPrefix(err.Error(), "audit: ")}
}

// parseThresholds reads thresholds separated by spaces or semicolons. A
// comma in a number without a point is read as a decimal comma, as in
// 0,45.
func parseThresholds(s string) ([]float64, error) {
	var t []float64
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == ';' }) {
		num := f
		if strings.Count(num, ",") == 1 && !strings.Contains(num, ".") {
			num = strings.Replace(num, ",", ".", 1)
		}
		x, err := strconv.ParseFloat(num, 64)
		if err != nil || !(x >= 0.01 && x <= 0.99) {
			return nil, sim.ParamErrorf("thresholds", "%q is not a threshold from 0.01 to 0.99; separate thresholds with spaces", f)
		}
		t = append(t, x)
	}
	return t, nil
}

// describeOwn states what the audit of the learner's file finds, or why
// there is none.
func (m *Model) describeOwn(p sim.Printer) string {
	if m.ownErr != nil {
		msg := sim.ErrorText(p, m.ownErr)
		if pe := (*sim.ParamError)(nil); errors.As(m.ownErr, &pe) {
			msg = pe.Text(p) // the page shows which control it concerns
		}
		return p.Sprintf("Your CSV file cannot be audited: %s. Your text is kept: correct it, or the column names, and the audit runs again.", msg)
	}
	if m.report == nil {
		return p.Sprintf("No file yet: open a CSV file of your own or paste its text, with a header row naming the columns and one row per case. It is read in this browser and never leaves the device.")
	}
	var s string
	if m.data.Score == nil {
		cols, _ := m.columns()
		s = p.Sprintf("Your CSV file: %d cases, with the classifier's decisions in column %s.", m.data.Len(), cols.Prediction)
	} else {
		s = p.Sprintf("Your CSV file: %d cases, flagged at a score of %s.", m.data.Len(), m.thresholdList(p))
	}
	if m.note == noThresholds {
		s = p.Sprintf("The file gives decisions, not scores, so there is no threshold to move.") + " " + s
	}
	for _, g := range m.report.Groups {
		s += " " + p.Sprintf("Group %s: %d cases, %s with the outcome; the classifier flags %s, finds %s of those with the outcome, wrongly flags %s of those without, and is right %s of the times it flags.",
			g.Name, g.N(), pct(p, g.BaseRate()), pct(p, g.SelectionRate()), pct(p, g.TPR()), pct(p, g.FPR()), pct(p, g.Precision()))
	}
	return s
}

// thresholdList names the threshold of every group of the report, or the
// one they share.
func (m *Model) thresholdList(p sim.Printer) string {
	if !m.v.Bool("pergroup") || len(m.report.Groups) < 2 {
		return p.Sprintf("%.2f or more in every group", m.report.Groups[0].Threshold)
	}
	parts := make([]string, len(m.report.Groups))
	for i, g := range m.report.Groups {
		parts[i] = p.Sprintf("%.2f or more in group %s", g.Threshold, g.Name)
	}
	return strings.Join(parts, ", ")
}

// summaryOwn writes the audit of the learner's file up for a memo.
func (m *Model) summaryOwn(p sim.Printer) string {
	if m.report == nil {
		return p.Sprintf("No data has been audited yet.")
	}
	cols, _ := m.columns()
	var intro string
	if m.data.Score == nil {
		intro = p.Sprintf("This audit uses the reader's own CSV file, read in the browser only: %d cases, with the true outcome in column %s, the classifier's decision in column %s and the group in column %s.",
			m.data.Len(), cols.Label, cols.Prediction, cols.Group)
	} else {
		intro = p.Sprintf("This audit uses the reader's own CSV file, read in the browser only: %d cases, with the true outcome in column %s, the classifier's score in column %s and the group in column %s. A case is flagged at a score of %s.",
			m.data.Len(), cols.Label, cols.Score, cols.Group, m.thresholdList(p))
	}
	return intro + "\n\n" + Summarize(p, m.report)
}
