package fairness

import (
	"math"
	"strings"
	"testing"

	"nexuslab/sim"
	"nexuslab/sim/learn/audit"
	"nexuslab/sim/simtest"
)

// parse reads a test query through the model's schema.
func parse(t *testing.T, q string) sim.Values { return simtest.Values(t, schema, q) }

func TestQueryRoundTrip(t *testing.T) {
	m := New()
	if err := m.Reset(parse(t, "people=3000&basea=30&baseb=10&shift=1&threshold=0.3&seed=5")); err != nil {
		t.Fatal(err)
	}
	for _, a := range []string{"retrain", "equal-opportunity"} {
		if err := m.Do(a); err != nil {
			t.Fatal(err)
		}
	}
	again := &Model{}
	v, probs := schema.Parse(m.Query())
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if err := again.Reset(v); err != nil {
		t.Fatal(err)
	}
	if got, want := again.Describe(sim.English{}), m.Describe(sim.English{}); got != want {
		t.Errorf("round trip\ngot:  %s\nwant: %s", got, want)
	}
}

func TestShiftHurtsGroupB(t *testing.T) {
	// With the test reading lower in group B, one threshold finds fewer of
	// B's sick.
	m := New()
	if err := m.Reset(parse(t, "people=20000&basea=20&baseb=20&shift=1.5")); err != nil {
		t.Fatal(err)
	}
	g := m.Report().Groups
	if !(g[0].TPR() > g[1].TPR()+0.2) {
		t.Errorf("TPR got: A %v, B %v want: A ahead by more than 0.2", g[0].TPR(), g[1].TPR())
	}
	// Without the shift and with equal base rates, the groups are alike.
	if err := m.Reset(parse(t, "people=20000&basea=20&baseb=20&shift=0")); err != nil {
		t.Fatal(err)
	}
	if r := m.Report(); r.EqualOpportunity > 0.06 || r.DemographicParity > 0.04 {
		t.Errorf("gaps without shift got: EO %v, DP %v want: small", r.EqualOpportunity, r.DemographicParity)
	}
}

func TestEqualisingThresholds(t *testing.T) {
	m := New()
	if err := m.Reset(parse(t, "people=20000&shift=1")); err != nil {
		t.Fatal(err)
	}
	if err := m.Do("equal-opportunity"); err != nil {
		t.Fatal(err)
	}
	a, b := m.Thresholds()
	if !(b < a) {
		t.Errorf("thresholds got: A %v, B %v want: B lower, to make up for the shift", a, b)
	}
	r := m.Report()
	if r.EqualOpportunity > 0.03 {
		t.Errorf("equal opportunity difference got: %v want: ≤ 0.03", r.EqualOpportunity)
	}
	// With different base rates, equal TPRs leave precision unequal.
	if r.PredictiveParity < 0.1 {
		t.Errorf("predictive parity difference got: %v want: ≥ 0.1", r.PredictiveParity)
	}
	if err := m.Do("equal-selection"); err != nil {
		t.Fatal(err)
	}
	if r := m.Report(); r.DemographicParity > 0.03 {
		t.Errorf("demographic parity difference got: %v want: ≤ 0.03", r.DemographicParity)
	}
	if err := m.Do("single"); err != nil {
		t.Fatal(err)
	}
	if a, b := m.Thresholds(); a != b {
		t.Errorf("single thresholds got: %v, %v", a, b)
	}
	if err := m.Do("explode"); err == nil {
		t.Error("Do(explode) got: nil want: an error")
	}
}

func TestImportanceAndGroupFeature(t *testing.T) {
	m := New()
	imp := m.Importance()
	if len(imp) != 2 || imp[0].Feature != Reading || !(imp[0].Value > imp[1].Value) || !(imp[1].Value > 0) {
		t.Errorf("importance got: %+v want: reading above symptoms, both above 0", imp)
	}
	if err := m.Reset(parse(t, "usegroup=true&shift=1.5")); err != nil {
		t.Fatal(err)
	}
	w, _ := m.Weights()
	if len(w) != 3 || !(w[2] > 0) {
		t.Errorf("weights got: %v want: three, the group's positive (it undoes the shift)", w)
	}
}

func TestSummary(t *testing.T) {
	m := New()
	s := m.Summary(sim.English{})
	for _, want := range []string{"synthetic", "group A", "group B", "equal opportunity difference", "base rates differ"} {
		if !strings.Contains(s, want) {
			t.Errorf("summary lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "%!") {
		t.Errorf("summary has a formatting error:\n%s", s)
	}
}

func TestAuditCSV(t *testing.T) {
	csv := "y,p,g\n1,1,x\n0,0,x\n1,0,y\n0,0,y\n"
	r, err := Audit([]byte(csv), audit.Columns{Label: "y", Prediction: "p", Group: "g"}, math.NaN())
	if err != nil {
		t.Fatal(err)
	}
	if got := r.EqualOpportunity; got != 1 {
		t.Errorf("equal opportunity difference got: %v want: 1", got)
	}
	s := Summarize(sim.English{}, r)
	if !strings.Contains(s, "In group x (2 cases)") || strings.Contains(s, "%!") {
		t.Errorf("summary got:\n%s", s)
	}
	if _, err := Audit([]byte("y,p,g\n1,maybe,x\n"), audit.Columns{Label: "y", Prediction: "p", Group: "g"}, 0.5); err == nil || !strings.Contains(err.Error(), "row 2, column 2 (p)") {
		t.Errorf("error got: %v want: one naming row 2, column 2 (p)", err)
	}
}

func TestCSVDownload(t *testing.T) {
	m := New()
	lines := strings.Split(strings.TrimSpace(string(m.CSV())), "\n")
	if lines[0] != "reading,symptoms,label,group,score,flagged" || len(lines) != m.TestData().Len()+1 {
		t.Errorf("CSV got: %d lines, header %q", len(lines), lines[0])
	}
	// The download audits to the same numbers.
	r, err := Audit(m.CSV(), audit.Columns{Label: "label", Prediction: "flagged", Group: "group"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := r.Groups[0].Confusion, m.Report().Groups[0].Confusion; got != want {
		t.Errorf("re-audit got: %+v want: %+v", got, want)
	}
}
