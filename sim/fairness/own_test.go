package fairness

import (
	"errors"
	"net/url"
	"strings"
	"testing"

	"nexuslab/sim"
	"nexuslab/sim/learn/audit"
)

// ownCSV has, at the default threshold 0.5, in group north TP 1, FP 1,
// TN 1, FN 1 and in group south TP 2, FP 0, TN 2, FN 0.
const ownCSV = `outcome,risk,site,note
1,0.9,north,a
0,0.6,north,b
1,0.3,north,c
0,0.1,north,d
1,0.7,south,e
1,0.55,south,f
0,0.2,south,g
0,0.45,south,h
`

// own returns a model auditing csv with the values of query.
func own(t *testing.T, csv, query string) (*Model, error) {
	t.Helper()
	q, err := url.ParseQuery(query)
	if err != nil {
		t.Fatal(err)
	}
	q.Set("source", OwnCSV)
	q.Set("csv", csv)
	v, probs := schema.Parse(q)
	if len(probs) > 0 {
		t.Fatalf("%s: %v", query, probs)
	}
	m := New()
	return m, m.Reset(v)
}

func TestOwnCSVHandComputed(t *testing.T) {
	m, err := own(t, ownCSV, "label=outcome&score=risk&group=site")
	if err != nil {
		t.Fatal(err)
	}
	r := m.Report()
	want := []audit.Confusion{{TP: 1, FP: 1, TN: 1, FN: 1}, {TP: 2, FP: 0, TN: 2, FN: 0}}
	if len(r.Groups) != 2 || r.Groups[0].Name != "north" || r.Groups[1].Name != "south" {
		t.Fatalf("groups got: %+v want: north, south", r.Groups)
	}
	for g, w := range want {
		if got := r.Groups[g].Confusion; got != w {
			t.Errorf("group %s got: %+v want: %+v", r.Groups[g].Name, got, w)
		}
	}
	if got := r.EqualOpportunity; got != 0.5 {
		t.Errorf("equal opportunity difference got: %v want: 0.5", got)
	}
	d := m.Describe(sim.English{})
	for _, s := range []string{
		"Your CSV file: 8 cases, flagged at a score of 0.50 or more in every group.",
		"Group north: 4 cases, 50% with the outcome; the classifier flags 50%, finds 50% of those with the outcome, wrongly flags 50% of those without, and is right 50% of the times it flags.",
		"Group south: 4 cases, 50% with the outcome; the classifier flags 50%, finds 100% of those with the outcome, wrongly flags 0% of those without, and is right 100% of the times it flags.",
	} {
		if !strings.Contains(d, s) {
			t.Errorf("description lacks %q:\n%s", s, d)
		}
	}
	sum := m.Summary(sim.English{})
	for _, s := range []string{"read in the browser only: 8 cases", "outcome in column outcome", "score in column risk", "In group north (4 cases), 50% were flagged"} {
		if !strings.Contains(sum, s) {
			t.Errorf("summary lacks %q:\n%s", s, sum)
		}
	}

	// Equal opportunity: south's threshold rises until it finds one of
	// its two ill, as north does; 0.56 is the lowest that does.
	if err := m.Do("equal-opportunity"); err != nil {
		t.Fatal(err)
	}
	if got := m.Query().Get("thresholds"); got != "0.56" {
		t.Errorf("thresholds got: %q want: 0.56", got)
	}
	if got := m.Report().Groups[1].Confusion; got != (audit.Confusion{TP: 1, FP: 0, TN: 2, FN: 1}) {
		t.Errorf("south at 0.56 got: %+v", got)
	}
	if d := m.Describe(sim.English{}); !strings.Contains(d, "flagged at a score of 0.50 or more in group north, 0.56 or more in group south.") {
		t.Errorf("description after equal-opportunity:\n%s", d)
	}
	if err := m.Do("single"); err != nil {
		t.Fatal(err)
	}
	if got := m.Report().Groups[1].Threshold; got != 0.5 {
		t.Errorf("after single, south's threshold got: %v want: 0.5", got)
	}
}

func TestOwnCSVThresholdList(t *testing.T) {
	csv := "y,s,g\n1,0.5,a\n1,0.5,b\n1,0.5,c\n0,0.2,a\n"
	m, err := own(t, csv, "label=y&score=s&group=g&pergroup=true&thresholds=0,6")
	if err != nil {
		t.Fatal(err)
	}
	// b's threshold comes from the list, written with a decimal comma;
	// c has none and takes the first group's.
	var got []float64
	for _, g := range m.Report().Groups {
		got = append(got, g.Threshold)
	}
	if len(got) != 3 || got[0] != 0.5 || got[1] != 0.6 || got[2] != 0.5 {
		t.Errorf("thresholds got: %v want: [0.5 0.6 0.5]", got)
	}
	_, err = own(t, csv, "label=y&score=s&group=g&pergroup=true&thresholds=0.4+lots")
	var pe *sim.ParamError
	if !errors.As(err, &pe) || pe.Param != "thresholds" || !strings.Contains(pe.Msg, `"lots"`) {
		t.Errorf("error got: %v want: a ParamError for thresholds naming \"lots\"", err)
	}
}

func TestOwnCSVDecisions(t *testing.T) {
	csv := "y,decision,g\n1,yes,a\n0,no,a\n1,no,b\n0,no,b\n"
	m, err := own(t, csv, "label=y&score=&prediction=decision&group=g")
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Report().Groups[1].Confusion; got != (audit.Confusion{FN: 1, TN: 1}) {
		t.Errorf("group b got: %+v", got)
	}
	// No scores, so no thresholds to move: the description says so.
	if err := m.Do("equal-opportunity"); err != nil {
		t.Fatal(err)
	}
	if d := m.Describe(sim.English{}); !strings.HasPrefix(d, "The file gives decisions, not scores") || !strings.Contains(d, "decisions in column decision") {
		t.Errorf("description got:\n%s", d)
	}
}

func TestOwnCSVErrors(t *testing.T) {
	for _, c := range []struct {
		name, csv, query string
		param, want      string
	}{
		{"bad outcome", "outcome,risk,site\n1,0.9,north\nmaybe,0.2,south\n", "label=outcome&score=risk&group=site", "csv", `row 3, column 1 (outcome): "maybe" is not an outcome`},
		{"bad score", "outcome,risk,site\n1,0.9,north\n0,high,south\n", "label=outcome&score=risk&group=site", "csv", `row 3, column 2 (risk): "high" is not a number`},
		{"syntax", "outcome,risk,site\n1,0.9,north\n0,0.2,\"south\n", "label=outcome&score=risk&group=site", "csv", "row 3, character"},
		{"score above 1", "outcome,risk,site\n1,0.9,north\n\n0,37,south\n", "label=outcome&score=risk&group=site", "csv", `row 4: the score 37 in column "risk" is not between 0 and 1`},
		{"no such column", ownCSV, "label=label&score=risk&group=site", "label", `no column "label"; the columns are "outcome", "risk", "site", "note"`},
		{"no such group column", ownCSV, "label=outcome&score=risk&group=district", "group", `no column "district"`},
		{"score and decision", ownCSV, "label=outcome&score=risk&prediction=note&group=site", "prediction", "not both"},
		{"neither", ownCSV, "label=outcome&score=&group=site", "score", "name the column of the score"},
		{"header only", "outcome,risk,site\n", "label=outcome&score=risk&group=site", "csv", "no data rows"},
	} {
		t.Run(c.name, func(t *testing.T) {
			m, err := own(t, c.csv, c.query)
			var pe *sim.ParamError
			if !errors.As(err, &pe) || pe.Param != c.param || !strings.Contains(pe.Msg, c.want) {
				t.Fatalf("error got: %v want: a ParamError for %s containing %q", err, c.param, c.want)
			}
			// Nothing is lost: the text stays to be corrected, and the
			// model still describes, draws and exports without a report.
			if got := m.Query().Get("csv"); got != strings.TrimSpace(c.csv) {
				t.Errorf("the text got: %q want: kept", got)
			}
			if d := m.Describe(sim.English{}); !strings.HasPrefix(d, "Your CSV file cannot be audited: "+pe.Msg) {
				t.Errorf("description got: %s", d)
			}
			if m.Report() != nil || m.TestData() != nil {
				t.Error("a report for a file that cannot be audited")
			}
			for _, a := range []string{"equal-opportunity", "equal-selection", "single"} {
				if err := m.Do(a); err == nil {
					t.Errorf("Do(%s) forgot the error", a)
				}
			}
			if s := m.Summary(sim.English{}); s != "No data has been audited yet." {
				t.Errorf("summary got: %s", s)
			}
		})
	}
}

func TestOwnCSVStaysPrivate(t *testing.T) {
	m, err := own(t, ownCSV, "label=outcome&score=risk&group=site")
	if err != nil {
		t.Fatal(err)
	}
	// The host keeps the text in memory through Query...
	if got := m.Query().Get("csv"); got != strings.TrimSpace(ownCSV) {
		t.Fatalf("Query lost the text: %q", got)
	}
	// ...and persists and shares only Encode, which holds the column
	// names but nothing of the data.
	enc := m.Schema().Encode(m.Query())
	for _, secret := range []string{"north", "south", "0.55", "csv="} {
		if strings.Contains(enc, secret) {
			t.Errorf("Encode holds %q: %s", secret, enc)
		}
	}
	if !strings.Contains(enc, "source=csv") || !strings.Contains(enc, "label=outcome") || !strings.Contains(enc, "group=site") {
		t.Errorf("Encode lacks the source or the columns: %s", enc)
	}
	// A reload from the URL comes back to the same columns, without the
	// file.
	q, err := url.ParseQuery(enc)
	if err != nil {
		t.Fatal(err)
	}
	v, probs := schema.Parse(q)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	again := &Model{}
	if err := again.Reset(v); err != nil {
		t.Fatal(err)
	}
	if d := again.Describe(sim.English{}); !strings.HasPrefix(d, "No file yet") {
		t.Errorf("after a reload: %s", d)
	}
	if s := again.Summary(sim.English{}); s != "No data has been audited yet." {
		t.Errorf("summary after a reload: %s", s)
	}
	if _, csv := again.Export(); !strings.HasPrefix(string(csv), "scope,group,cases") {
		t.Errorf("export with no file: %q", csv)
	}
}

func TestExampleAction(t *testing.T) {
	m := New()
	if err := m.Do("example"); err != nil {
		t.Fatal(err)
	}
	if m.Source() != OwnCSV || m.Query().Get("csv") != strings.TrimSpace(ExampleCSV) {
		t.Fatalf("example not loaded: %v", m.Query())
	}
	d := m.Describe(sim.English{})
	for _, s := range []string{
		"Your CSV file: 24 cases",
		"Group urban: 12 cases, 33% with the outcome; the classifier flags 33%, finds 75% of those with the outcome",
		"Group rural: 12 cases, 25% with the outcome; the classifier flags 8%, finds 33% of those with the outcome",
	} {
		if !strings.Contains(d, s) {
			t.Errorf("description lacks %q:\n%s", s, d)
		}
	}
	name, csv := m.Export()
	lines := strings.Split(strings.TrimSpace(string(csv)), "\n")
	if name != "fairness-audit.csv" || len(lines) != 4 || !strings.HasPrefix(lines[1], "group,urban,12,0.5,3,1,7,1,") {
		t.Errorf("export got: %s\n%s", name, csv)
	}
}

func TestDownloadAuditsAsOwn(t *testing.T) {
	// The synthetic data's download, audited as the learner's own file
	// by its decisions, gives the simulation's numbers.
	m := New()
	want := m.Report()
	csv := string(m.CSV())
	again, err := own(t, csv, "score=&prediction=flagged")
	if err != nil {
		t.Fatal(err)
	}
	for g, grp := range again.Report().Groups {
		if grp.Name != want.Groups[g].Name || grp.Confusion != want.Groups[g].Confusion {
			t.Errorf("group %d got: %s %+v want: %s %+v", g, grp.Name, grp.Confusion, want.Groups[g].Name, want.Groups[g].Confusion)
		}
	}
}

func TestControlsByDataSource(t *testing.T) {
	shown := func(source string) string {
		var names []string
		for _, p := range schema {
			if p.Visible(url.Values{"source": {source}}) {
				names = append(names, p.Name)
			}
		}
		for _, a := range actions {
			if a.Visible(url.Values{"source": {source}}) {
				names = append(names, a.Name)
			}
		}
		return strings.Join(names, " ")
	}
	if got, want := shown(Synthetic), "source people shareb basea baseb shift usegroup threshold pergroup thresholdb seed retrain equal-opportunity equal-selection single"; got != want {
		t.Errorf("synthetic controls\ngot:  %s\nwant: %s", got, want)
	}
	if got, want := shown(OwnCSV), "source csv label score prediction group threshold pergroup thresholds equal-opportunity equal-selection single example"; got != want {
		t.Errorf("CSV controls\ngot:  %s\nwant: %s", got, want)
	}
	// Every condition names a parameter and one of its values.
	for _, p := range schema {
		if p.When == "" {
			continue
		}
		name, value, _ := strings.Cut(p.When, "=")
		src, ok := schema.Lookup(name)
		if !ok || (src.Kind == sim.Choice && !strings.Contains(strings.Join(src.Choices, "\n")+"\n", value+"\n")) {
			t.Errorf("%s: When %q names no parameter value", p.Name, p.When)
		}
	}
}
