package e2e

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"nexuslab/sim"
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
