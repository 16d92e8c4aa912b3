package e2e

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"nexuslab/sim"
	"nexuslab/sim/fairness"
)

// The learning simulations driven by keyboard alone, with the helpers of
// quantum_test.go: after each action the page must describe what the
// same model says natively after the same steps, and its URL must
// reproduce that state.

func TestPlaygroundKeyboard(t *testing.T) {
	ctx := env.Tab(t)
	const query = "dataset=crop&seed=3"
	qOpen(t, ctx, "playground", query)
	m := qNew(t, "playground", query)
	m.expect(t, ctx, "loading")

	// The controls: one epoch, more noise, then 100 epochs.
	qButton(t, ctx, "step")
	m.do(t, "step")
	m.expect(t, ctx, "Step")
	qFill(t, ctx, `input[name="noise"]`, "20")
	if err := m.change("noise", "20"); err != nil {
		t.Fatal(err)
	}
	m.expect(t, ctx, "noise 20")
	qTabTo(t, ctx, `input[name="x1sq"]`)
	qPress(t, ctx, " ")
	if err := m.change("x1sq", "true"); err != nil {
		t.Fatal(err)
	}
	m.expect(t, ctx, "ticking x₁²")
	qButton(t, ctx, "run")
	m.do(t, "run")
	m.expect(t, ctx, "Train 100 epochs")
	if d := m.describe(); !strings.Contains(d, "Epoch 101:") || !strings.Contains(d, "Inputs: x₁, x₂, x₁²") || !strings.Contains(d, "20% noise") {
		t.Errorf("after 100 epochs: %s", d)
	}

	// The canvas: the right arrow trains an epoch, Home resets.
	qTabTo(t, ctx, qCanvas)
	if keys := eval[string](t, ctx, `document.querySelector('`+qCanvas+`').getAttribute('aria-label')`); !strings.Contains(keys, "Space: play or pause") {
		t.Errorf("the canvas does not say what its keys do: %q", keys)
	}
	qPress(t, ctx, kb.ArrowRight)
	m.key(t, "ArrowRight")
	m.expect(t, ctx, "ArrowRight on the canvas")

	// Space plays: the network trains on its own until Space pauses it,
	// and the URL then holds the epoch reached, which a fresh model
	// replays to the same state.
	qPress(t, ctx, " ")
	waitFor(t, ctx, "training to move on", `+new URLSearchParams(location.search).get('epoch') > 110`)
	qPress(t, ctx, " ")
	waitFor(t, ctx, "the pause to reach the URL", `document.querySelector('[data-sim-description]').textContent.startsWith('Epoch ' + new URLSearchParams(location.search).get('epoch') + ':')`)
	// While playing, the page rewrites its URL every two seconds; paused,
	// it must not. Waiting longer than that tells the two apart.
	epoch := eval[string](t, ctx, `new URLSearchParams(location.search).get('epoch')`)
	later, err := chromedp.Run(ctx, chromedp.Evaluate[string](`new Promise(r => setTimeout(() => r(new URLSearchParams(location.search).get('epoch')), 3000))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if later != epoch {
		t.Fatalf("after pausing the epoch moved from %s to %s", epoch, later)
	}
	if n, err := strconv.Atoi(epoch); err != nil || n <= 110 {
		t.Fatalf("epoch after playing: %q", epoch)
	}
	search := eval[string](t, ctx, `location.search`)
	played := qNew(t, "playground", strings.TrimPrefix(search, "?"))
	played.expect(t, ctx, "play and pause")
	qButton(t, ctx, "reset")
	played.do(t, "reset")
	played.expect(t, ctx, "Reset")
}

// A shared state of the largest network opens at once, says that it
// replays the training, and ends in the state the model describes.
func TestPlaygroundReplaysSharedState(t *testing.T) {
	ctx := env.Tab(t)
	const query = "dataset=spiral&layers=6&n1=8&n2=8&n3=8&n4=8&n5=8&n6=8&epoch=600&seed=5"
	qOpen(t, ctx, "playground", query)
	if d := eval[string](t, ctx, `document.querySelector('[data-sim-description]').textContent`); !strings.HasPrefix(d, "Restoring the shared run: training to epoch 600") {
		t.Errorf("the page opened without saying it replays the training: %s", d)
	}
	if got := eval[string](t, ctx, `new URLSearchParams(location.search).get('epoch')`); got != "600" {
		t.Errorf("URL epoch while replaying: got %s want 600", got)
	}
	qNew(t, "playground", query).expect(t, ctx, "the replay")
}

func TestFairnessKeyboard(t *testing.T) {
	ctx := env.Tab(t)
	const query = "people=2000&shift=1&seed=2"
	qOpen(t, ctx, "fairness", query)
	m := qNew(t, "fairness", query)
	m.expect(t, ctx, "loading")
	if d := m.describe(); !strings.Contains(d, "Threshold 0.50 for both groups") {
		t.Fatalf("at load: %s", d)
	}

	qFill(t, ctx, `input[name="threshold"]`, "0.3")
	if err := m.change("threshold", "0.3"); err != nil {
		t.Fatal(err)
	}
	m.expect(t, ctx, "threshold 0.3")

	// Equalising the true positive rates gives group B its own, lower
	// threshold.
	qButton(t, ctx, "equal-opportunity")
	m.do(t, "equal-opportunity")
	m.expect(t, ctx, "Equal true positive rates")
	if d := m.describe(); !strings.Contains(d, "Threshold 0.30 for group A and 0.") {
		t.Errorf("after Equal true positive rates: %s", d)
	}
	if got := eval[bool](t, ctx, `document.querySelector('input[name="pergroup"]').checked`); !got {
		t.Error("the One threshold per group box is not ticked")
	}

	qTabTo(t, ctx, `input[name="usegroup"]`)
	qPress(t, ctx, " ")
	if err := m.change("usegroup", "true"); err != nil {
		t.Fatal(err)
	}
	m.expect(t, ctx, "ticking The model sees the group")

	qButton(t, ctx, "single")
	m.do(t, "single")
	m.expect(t, ctx, "One threshold for all")
	qButton(t, ctx, "retrain")
	m.do(t, "retrain")
	m.expect(t, ctx, "New sample and retrain")

	// The memo summary follows the state, one paragraph per block.
	want := strings.Split(m.m.(sim.Summarizer).Summary(sim.English{}), "\n\n")
	got := eval[[]string](t, ctx, `[...document.querySelectorAll('[data-sim-summary] p')].map(p => p.textContent)`)
	if strings.Join(got, "\n\n") != strings.Join(want, "\n\n") {
		t.Errorf("memo summary\ngot:  %q\nwant: %q", got, want)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('.sim-summary button[data-action="copy-summary"]').length`); n != 1 {
		t.Errorf("Copy buttons for the summary: got %d want 1", n)
	}
}

func TestKmeansKeyboard(t *testing.T) {
	ctx := env.Tab(t)
	const query = "k=3&seed=5"
	qOpen(t, ctx, "kmeans", query)
	m := qNew(t, "kmeans", query)
	m.expect(t, ctx, "loading")

	// Assignment, then update.
	for i := range 2 {
		qButton(t, ctx, "step")
		m.do(t, "step")
		m.expect(t, ctx, "Step "+strconv.Itoa(i+1))
	}
	if d := m.describe(); !strings.Contains(d, "each centroid moved to the mean of its points") {
		t.Errorf("after two steps: %s", d)
	}

	// The canvas: up arrow for one cluster more, Enter to converge.
	qTabTo(t, ctx, qCanvas)
	for _, k := range []struct{ press, name string }{{kb.ArrowUp, "ArrowUp"}, {kb.ArrowRight, "ArrowRight"}, {kb.Enter, "Enter"}} {
		qPress(t, ctx, k.press)
		m.key(t, k.name)
		m.expect(t, ctx, "key "+k.name)
	}
	if d := m.describe(); !strings.Contains(d, "k = 4 has converged") {
		t.Errorf("after Enter with k = 4: %s", d)
	}

	// Another data set from its menu, and new starting centroids.
	qTabTo(t, ctx, `select[name="dataset"]`)
	qPress(t, ctx, kb.ArrowDown)
	if err := m.change("dataset", "blobs"); err != nil {
		t.Fatal(err)
	}
	m.expect(t, ctx, "choosing blobs")
	qButton(t, ctx, "restart")
	m.do(t, "restart")
	m.expect(t, ctx, "New starting centroids")
	qButton(t, ctx, "run")
	m.do(t, "run")
	m.expect(t, ctx, "Run to the end")
}

// TestFairnessOwnCSV audits a file typed in by keyboard: the fairness
// simulation switches to the learner's CSV, says next to it that the
// file stays on the device, reads the chosen columns, and keeps the
// file's text out of the URL and the saved state. A malformed file gets
// a visible error naming its row, and the text stays to be corrected.
func TestFairnessOwnCSV(t *testing.T) {
	ctx := env.Tab(t)
	const query = "people=2000&seed=2"
	qOpen(t, ctx, "fairness", query)
	m := qNew(t, "fairness", query)
	m.expect(t, ctx, "loading")
	const shown = `(sel => { const el = document.querySelector(sel); return !!el && el.offsetParent !== null })`
	if eval[bool](t, ctx, shown+`('textarea[name="csv"]')`) || !eval[bool](t, ctx, shown+`('input[name="people"]')`) {
		t.Fatal("with the synthetic data, the CSV box shows or the synthetic controls do not")
	}

	// Choose the learner's own CSV with the arrow keys.
	qTabTo(t, ctx, `select[name="source"]`)
	qPress(t, ctx, kb.ArrowDown)
	if err := m.change("source", fairness.OwnCSV); err != nil {
		t.Fatal(err)
	}
	m.expect(t, ctx, "choosing your CSV")
	if !eval[bool](t, ctx, shown+`('textarea[name="csv"]')`) || eval[bool](t, ctx, shown+`('input[name="people"]')`) || eval[bool](t, ctx, shown+`('button[data-action="retrain"]')`) {
		t.Fatal("with your CSV, the CSV box does not show or the synthetic controls still do")
	}
	// The promise is in view by the box and read out with it.
	note := eval[string](t, ctx, `document.getElementById('sim-csv-private').textContent`)
	if !strings.Contains(note, "never sent anywhere") || !eval[bool](t, ctx, shown+`('#sim-csv-private')`) {
		t.Errorf("the privacy note by the CSV box: %q", note)
	}
	if got := eval[string](t, ctx, `document.querySelector('textarea[name="csv"]').getAttribute('aria-describedby')`); !strings.Contains(got, "sim-csv-private") {
		t.Errorf("the CSV box is described by %q, without the privacy note", got)
	}

	// The example file, from its button, is the one the case study
	// links to.
	qButton(t, ctx, "example")
	m.do(t, "example")
	m.expect(t, ctx, "Load an example file")
	if got := eval[string](t, ctx, `document.querySelector('textarea[name="csv"]').value`); got != strings.TrimSpace(fairness.ExampleCSV) {
		t.Errorf("the CSV box after Load an example file holds %q", got)
	}
	media, err := chromedp.Run(ctx, chromedp.Evaluate[string](`fetch('/media/fairness-example.csv').then(r => r.text())`, chromedp.EvalAwaitPromise))
	if err != nil || media != fairness.ExampleCSV {
		t.Errorf("/media/fairness-example.csv differs from fairness.ExampleCSV (%v)", err)
	}

	// A file of one's own, then its columns, each named by keyboard;
	// until they are right, the page says which is missing.
	own := "outcome,risk,site\n1,0.9,north\n0,0.6,north\n1,0.3,north\n0,0.1,north\n1,0.7,south\n1,0.55,south\n0,0.2,south\n0,0.45,south"
	qFill(t, ctx, `textarea[name="csv"]`, own)
	if err := m.change("csv", own); err == nil {
		t.Fatal("the example's column names fit the new file natively")
	}
	m.expect(t, ctx, "typing a file")
	if got := eval[string](t, ctx, `(document.getElementById('sim-label-error') || {}).textContent || ''`); !strings.Contains(got, `no column "label"; the columns are "outcome", "risk", "site"`) {
		t.Errorf("error next to the label column: %q", got)
	}
	for _, c := range []struct{ name, value string }{{"label", "outcome"}, {"score", "risk"}, {"group", "site"}} {
		qFill(t, ctx, `input[name="`+c.name+`"]`, c.value)
		err := m.change(c.name, c.value)
		if c.name == "group" && err != nil {
			t.Fatal(err)
		}
		m.expect(t, ctx, "naming the "+c.name+" column")
	}
	d := m.describe()
	for _, want := range []string{
		"Your CSV file: 8 cases, flagged at a score of 0.50 or more in every group.",
		"Group north: 4 cases, 50% with the outcome; the classifier flags 50%, finds 50% of those with the outcome, wrongly flags 50% of those without, and is right 50% of the times it flags.",
		"Group south: 4 cases, 50% with the outcome; the classifier flags 50%, finds 100% of those with the outcome, wrongly flags 0% of those without, and is right 100% of the times it flags.",
	} {
		if !strings.Contains(d, want) {
			t.Errorf("description lacks %q:\n%s", want, d)
		}
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('.sim-error').length`); n != 0 {
		t.Errorf("%d errors still shown with the right columns", n)
	}

	// The data stay in the page: neither the URL nor the saved state
	// holds any of it, only the column names.
	search := eval[string](t, ctx, `location.search`)
	saved := eval[string](t, ctx, `localStorage.getItem('nexus:sim:fairness') || ''`)
	for _, where := range []struct{ name, text string }{{"URL", search}, {"saved state", saved}} {
		for _, secret := range []string{"north", "south", "0.55", "csv="} {
			if strings.Contains(where.text, secret) {
				t.Errorf("the %s holds %q: %s", where.name, secret, where.text)
			}
		}
		if !strings.Contains(where.text, "label=outcome") || !strings.Contains(where.text, "group=site") {
			t.Errorf("the %s lacks the column names: %s", where.name, where.text)
		}
	}

	// Thresholds per group work on the file too.
	qButton(t, ctx, "equal-opportunity")
	m.do(t, "equal-opportunity")
	m.expect(t, ctx, "Equal true positive rates")
	if got := eval[string](t, ctx, `document.querySelector('input[name="thresholds"]').value`); got != "0.56" {
		t.Errorf("thresholds of the other groups: %q want 0.56", got)
	}

	// A malformed file: the error names its row next to the box, and
	// the text stays.
	broken := "outcome,risk,site\n1,0.9,north\nmaybe,0.2,south"
	qFill(t, ctx, `textarea[name="csv"]`, broken)
	if err := m.change("csv", broken); err == nil {
		t.Fatal("the malformed file was audited natively")
	}
	m.expect(t, ctx, "a malformed file")
	waitFor(t, ctx, "the error next to the file", `!!document.getElementById('sim-csv-error')`)
	if msg := eval[string](t, ctx, `document.getElementById('sim-csv-error').textContent`); !strings.Contains(msg, "row 3, column 1 (outcome)") {
		t.Errorf("error next to the file: %q; want row 3, column 1", msg)
	}
	if !eval[bool](t, ctx, shown+`('#sim-csv-error')`) {
		t.Error("the error next to the file is not visible")
	}
	if got := eval[string](t, ctx, `document.querySelector('textarea[name="csv"]').value`); got != broken {
		t.Errorf("after the error the box holds %q", got)
	}
	if got := eval[string](t, ctx, `document.querySelector('textarea[name="csv"]').getAttribute('aria-invalid')`); got != "true" {
		t.Errorf("aria-invalid on the box: %q", got)
	}
}

// TestFairnessOwnCSVInCaseStudy runs the case study's CSV figure: once
// the simulation holds the learner's file, the message to the case
// study carries a fixed sentence instead of the description, which
// names the file's groups; the simulation itself still describes them.
func TestFairnessOwnCSVInCaseStudy(t *testing.T) {
	ctx := env.Tab(t)
	run(t, ctx, chromedp.Navigate(env.URL+"/case-studies/fair-disease-screening/"))
	const figSel = `figure[data-embed*="source=csv"]`
	const fig = `document.querySelector('` + figSel + `')`
	const frame = fig + `.querySelector('iframe').contentDocument`
	run(t, ctx, chromedp.Click(chromedp.CSS(figSel+` button[data-action="load"]`)))
	waitFor(t, ctx, "the sim to be ready", fig+`.dataset.simState === 'ready'`)
	waitFor(t, ctx, "the description of no file", fig+`.querySelector('[data-sim-description]').textContent.startsWith('No file yet')`)

	eval[bool](t, ctx, `(() => { `+frame+`.querySelector('button[data-action="example"]').click(); return true })()`)
	waitFor(t, ctx, "the frame to audit the example", frame+`.querySelector('[data-sim-description]').textContent.includes('Group urban')`)
	waitFor(t, ctx, "the fixed sentence in the case study", fig+`.querySelector('[data-sim-description]').textContent.startsWith('The simulation is working on data of the reader')`)
	for _, what := range []string{`.querySelector('[data-sim-description]').textContent`, `.dataset.simQuery`} {
		if got := eval[string](t, ctx, fig+what); strings.Contains(got, "urban") || strings.Contains(got, "0.91") {
			t.Errorf("the case study got the file's data in %s: %q", what, got)
		}
	}
}
