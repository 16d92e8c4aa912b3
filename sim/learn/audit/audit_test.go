package audit_test

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"

	"nexuslab/sim/learn/audit"
)

// handCSV has, in group A, TP 3, FP 1, TN 4, FN 2 and, in group B, TP 1,
// FP 2, TN 5, FN 0.
const handCSV = `label,pred,group,score
1,1,A,0.9
1,1,A,0.8
1,1,A,0.7
0,1,A,0.6
0,0,A,0.1
0,0,A,0.2
0,0,A,0.3
0,0,A,0.15
1,0,A,0.4
1,0,A,0.45
1,1,B,0.95
0,1,B,0.65
0,1,B,0.55
0,0,B,0.05
0,0,B,0.1
0,0,B,0.2
0,0,B,0.25
0,0,B,0.3
`

func near(a, b float64) bool { return math.Abs(a-b) < 1e-12 || (math.IsNaN(a) && math.IsNaN(b)) }

func TestHandComputedExample(t *testing.T) {
	d, err := audit.ParseCSV([]byte(handCSV), audit.Columns{Label: "label", Prediction: "pred", Group: "group"})
	if err != nil {
		t.Fatal(err)
	}
	r, err := audit.Measure(d)
	if err != nil {
		t.Fatal(err)
	}
	wantConf := []audit.Confusion{{TP: 3, FP: 1, TN: 4, FN: 2}, {TP: 1, FP: 2, TN: 5, FN: 0}}
	for g, want := range wantConf {
		if got := r.Groups[g].Confusion; got != want {
			t.Errorf("group %s confusion got: %+v want: %+v", r.Groups[g].Name, got, want)
		}
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"A accuracy", r.Groups[0].Accuracy(), 0.7},
		{"A TPR", r.Groups[0].TPR(), 0.6},
		{"A FPR", r.Groups[0].FPR(), 0.2},
		{"A precision", r.Groups[0].Precision(), 0.75},
		{"A selection", r.Groups[0].SelectionRate(), 0.4},
		{"A base rate", r.Groups[0].BaseRate(), 0.5},
		{"B accuracy", r.Groups[1].Accuracy(), 0.75},
		{"B TPR", r.Groups[1].TPR(), 1},
		{"B FPR", r.Groups[1].FPR(), 2.0 / 7},
		{"B precision", r.Groups[1].Precision(), 1.0 / 3},
		{"B selection", r.Groups[1].SelectionRate(), 0.375},
		{"demographic parity", r.DemographicParity, 0.025},
		{"equal opportunity", r.EqualOpportunity, 0.4},
		{"equalised odds", r.EqualisedOdds, 0.4},
		{"predictive parity", r.PredictiveParity, 0.75 - 1.0/3},
		{"disparate impact", r.DisparateImpact, 0.9375},
		{"overall accuracy", r.Overall.Accuracy(), 13.0 / 18},
	} {
		if !near(c.got, c.want) {
			t.Errorf("%s got: %v want: %v", c.name, c.got, c.want)
		}
	}
	if r.Groups[0].Calibration != nil || !math.IsNaN(r.Groups[0].ECE) {
		t.Errorf("calibration from predictions got: %v, %v want: nil, NaN", r.Groups[0].Calibration, r.Groups[0].ECE)
	}
}

func TestScoresAndThresholds(t *testing.T) {
	d, err := audit.ParseCSV([]byte(handCSV), audit.Columns{Label: "label", Score: "score", Group: "group"})
	if err != nil {
		t.Fatal(err)
	}
	// At 0.5 the scores reproduce the predictions.
	r, err := audit.Measure(d, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := r.Groups[0].Confusion, (audit.Confusion{TP: 3, FP: 1, TN: 4, FN: 2}); got != want {
		t.Errorf("A at 0.5 got: %+v want: %+v", got, want)
	}
	// A lower threshold for A alone catches its two missed positives.
	r, err = audit.Measure(d, 0.35, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := r.Groups[0].Confusion, (audit.Confusion{TP: 5, FP: 1, TN: 4, FN: 0}); got != want {
		t.Errorf("A at 0.35 got: %+v want: %+v", got, want)
	}
	if got, want := r.Groups[1].Confusion, (audit.Confusion{TP: 1, FP: 2, TN: 5, FN: 0}); got != want {
		t.Errorf("B at 0.5 got: %+v want: %+v", got, want)
	}
	if _, err := audit.Measure(d, 0.1, 0.2, 0.3); err == nil {
		t.Error("three thresholds for two groups got: nil want: an error")
	}
}

func TestCalibration(t *testing.T) {
	// Scores of 0.25 of which one in four is positive, and 0.85 of which
	// all are: the first bin is calibrated, the second off by 0.15.
	d := &audit.Data{
		Label:  []bool{true, false, false, false, true, true},
		Score:  []float64{0.25, 0.25, 0.25, 0.25, 0.85, 0.85},
		Group:  []int{0, 0, 0, 0, 0, 0},
		Groups: []string{"all"},
	}
	r, err := audit.Measure(d, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	cal := r.Groups[0].Calibration
	if len(cal) != 10 {
		t.Fatalf("bins got: %d want: 10", len(cal))
	}
	if got := cal[2]; got.N != 4 || got.Positives != 1 || !near(got.Rate(), 0.25) || !near(got.MeanScore, 0.25) {
		t.Errorf("bin 2 got: %+v want: 4 cases, 1 positive, mean 0.25", got)
	}
	if got := cal[8]; got.N != 2 || !near(got.Rate(), 1) {
		t.Errorf("bin 8 got: %+v want: 2 cases, rate 1", got)
	}
	if got, want := r.Groups[0].ECE, 2*0.15/6; !near(got, want) {
		t.Errorf("ECE got: %v want: %v", got, want)
	}
}

func TestGapsNeedTwoGroups(t *testing.T) {
	d := &audit.Data{Label: []bool{true, false}, Pred: []bool{true, true}, Group: []int{0, 0}, Groups: []string{"only"}}
	r, err := audit.Measure(d)
	if err != nil {
		t.Fatal(err)
	}
	for name, v := range map[string]float64{"DP": r.DemographicParity, "EO": r.EqualOpportunity, "DI": r.DisparateImpact} {
		if !math.IsNaN(v) {
			t.Errorf("%s with one group got: %v want: NaN", name, v)
		}
	}
}

func TestCSVErrors(t *testing.T) {
	cols := audit.Columns{Label: "label", Score: "score", Group: "group"}
	for _, c := range []struct {
		csv  string
		cols audit.Columns
		want string
	}{
		{"", cols, "empty"},
		{"label,score\n1,0.5\n", cols, `row 1: no column "group"`},
		{"label,score,group\n1,0.5,A\n2,0.5,A\n", cols, "row 3, column 1 (label): \"2\" is not an outcome"},
		{"label,score,group\n1,0.5,A\n0,abc,B\n", cols, "row 3, column 2 (score): \"abc\" is not a number"},
		{"label,score,group\n1,NaN,A\n", cols, "row 2, column 2 (score)"},
		{"label,score,group\n1,0.5,A\n0,0.2\n", cols, "row 3, column 3 (group): missing"},
		{"label,score,group\n1,0.5,\n", cols, "row 2, column 3 (group): the group is empty"},
		{"label,score,group\n1,0.5,A\n\"0,0.2,B\n", cols, "row 3, character"},
		{"label,score,group\n", cols, "no data rows"},
		{"label,score,group\n1,0.5,A\n", audit.Columns{Label: "label", Group: "group"}, "either a score column or a prediction column"},
		{"label,score,group\n1,0.5,A\n", audit.Columns{Label: "label", Score: "score", Prediction: "score", Group: "group"}, "either"},
	} {
		_, err := audit.ParseCSV([]byte(c.csv), c.cols)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ParseCSV(%q) got: %v want: an error containing %q", c.csv, err, c.want)
		}
	}
	_, err := audit.ParseCSV([]byte("label,score,group\n1,x,A\n"), cols)
	var ce *audit.CSVError
	if !errors.As(err, &ce) || ce.Row != 2 || ce.Column != 2 || ce.Name != "score" {
		t.Errorf("CSVError got: %#v want: row 2, column 2, score", err)
	}
}

func TestCSVTolerance(t *testing.T) {
	// A byte-order mark, spaces, case, quoted fields, CRLF line ends and
	// extra columns are all fine.
	data := "\ufeffLabel , Score,Group,note\r\n yes ,\"0.7\", A ,x\r\nNo,0.2,B,\"a, b\"\r\n"
	d, err := audit.ParseCSV([]byte(data), audit.Columns{Label: "label", Score: "score", Group: "group"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Len() != 2 || !d.Label[0] || d.Label[1] || d.Score[0] != 0.7 || d.Groups[0] != "A" || d.Groups[1] != "B" {
		t.Errorf("got: %+v", d)
	}
	h, err := audit.Header([]byte(data))
	if err != nil || len(h) != 4 || h[0] != "Label" {
		t.Errorf("Header got: %q, %v want: [Label Score Group note]", h, err)
	}
}

func FuzzParseCSV(f *testing.F) {
	f.Add([]byte(handCSV), false)
	f.Add([]byte(handCSV), true)
	f.Add([]byte("label,score,group\n1,0.5,A\n\"0,0.2,B\n"), true)
	f.Fuzz(func(t *testing.T, data []byte, scores bool) {
		cols := audit.Columns{Label: "label", Prediction: "pred", Group: "group"}
		if scores {
			cols = audit.Columns{Label: "label", Score: "score", Group: "group"}
		}
		d, err := audit.ParseCSV(data, cols)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "audit: ") {
				t.Fatalf("error without prefix: %v", err)
			}
			return
		}
		if d.Len() == 0 || len(d.Group) != d.Len() || len(d.Groups) == 0 || len(d.Groups) > audit.MaxGroups {
			t.Fatalf("inconsistent data: %+v", d)
		}
		r, err := audit.Measure(d, 0.5)
		if err != nil {
			t.Fatal(err)
		}
		if r.Overall.N() != d.Len() {
			t.Fatalf("overall N got: %d want: %d", r.Overall.N(), d.Len())
		}
	})
}

func TestMissingColumnAndLines(t *testing.T) {
	_, err := audit.ParseCSV([]byte("outcome,p,g\n1,1,A\n"), audit.Columns{Label: "label", Prediction: "p", Group: "g"})
	var mc *audit.MissingColumnError
	if !errors.As(err, &mc) || mc.Name != "label" || strings.Join(mc.Header, ",") != "outcome,p,g" {
		t.Errorf("error got: %#v want: a MissingColumnError for label", err)
	}
	// A blank line and a quoted field over two lines: each case keeps the
	// line it starts on.
	d, err := audit.ParseCSV([]byte("y,p,g,note\n1,1,A,x\n\n0,0,B,\"two\nlines\"\n1,0,B,z\n"), audit.Columns{Label: "y", Prediction: "p", Group: "g"})
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Line; len(got) != 3 || got[0] != 2 || got[1] != 4 || got[2] != 6 {
		t.Errorf("lines got: %v want: [2 4 6]", got)
	}
}

func TestReportCSV(t *testing.T) {
	d, err := audit.ParseCSV([]byte(handCSV), audit.Columns{Label: "label", Score: "score", Group: "group"})
	if err != nil {
		t.Fatal(err)
	}
	r, err := audit.Measure(d, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	ece := func(g int) string { return strconv.FormatFloat(r.Groups[g].ECE, 'g', 6, 64) }
	want := strings.Join([]string{
		"scope,group,cases,threshold,tp,fp,tn,fn,base_rate,selection_rate,accuracy,tpr,fpr,precision,ece",
		"group,A,10,0.5,3,1,4,2,0.5,0.4,0.7,0.6,0.2,0.75," + ece(0),
		"group,B,8,0.5,1,2,5,0,0.125,0.375,0.75,1,0.285714,0.333333," + ece(1),
		"overall,,18,,4,3,9,2,0.333333,0.388889,0.722222,0.666667,0.25,0.571429,",
	}, "\n") + "\n"
	if got := string(r.CSV()); got != want {
		t.Errorf("CSV\ngot:\n%s\nwant:\n%s", got, want)
	}
}
