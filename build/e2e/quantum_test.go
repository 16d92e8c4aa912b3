package e2e

import (
	"context"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"nexuslab/sim"
	"nexuslab/sim/catalog"
	"nexuslab/wasm/views"
)

// The quantum simulations are driven here by keyboard alone: Tab to a
// control, type into it or press Enter or Space on it, arrow keys and
// letters on the canvas. After each action the page's description and
// URL must be what the same model says natively after the same steps,
// which qModel replays.

// qModel is a simulation model driven natively the way the page drives
// it, to know what the page must show.
type qModel struct {
	name string
	m    sim.Model
}

// qNew returns the model of the simulation name after loading query.
func qNew(t *testing.T, name, query string) *qModel {
	t.Helper()
	e, ok := catalog.Lookup(name)
	if !ok {
		t.Fatalf("no simulation %q", name)
	}
	q, err := url.ParseQuery(query)
	if err != nil {
		t.Fatal(err)
	}
	m := e.New()
	v, _ := m.Schema().Parse(q)
	if err := m.Reset(v); err != nil {
		t.Fatalf("%s?%s: %v", name, query, err)
	}
	return &qModel{name: name, m: m}
}

// change edits one control as the page does: the model's query with one
// value replaced, parsed and reset. It returns Reset's error, which the
// page shows next to the control.
func (q *qModel) change(name, value string) error {
	v := q.m.Query()
	v.Set(name, value)
	vals, _ := q.m.Schema().Parse(v)
	return q.m.Reset(vals)
}

// do presses an action button.
func (q *qModel) do(t *testing.T, action string) {
	t.Helper()
	if err := q.m.Do(action); err != nil {
		t.Fatalf("%s: Do(%s): %v", q.name, action, err)
	}
}

// key presses a key on the canvas.
func (q *qModel) key(t *testing.T, k string) {
	t.Helper()
	in, ok := views.InputFor(q.name)
	if !ok {
		t.Fatalf("%s takes no canvas input", q.name)
	}
	in.Handle(q.m, views.Event{Kind: views.Key, Key: k}, 640, 480)
}

// describe returns the model's description.
func (q *qModel) describe() string { return q.m.Describe(sim.English{}) }

// expect waits until the page describes what the model describes, then
// checks that the URL reproduces the model's state.
func (q *qModel) expect(t *testing.T, ctx context.Context, after string) {
	t.Helper()
	want := q.describe()
	const desc = `document.querySelector('[data-sim-description]').textContent`
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](desc+` === `+jsString(want), chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		got := eval[string](t, ctx, desc)
		t.Fatalf("after %s, description\ngot:  %q\nwant: %q", after, got, want)
	}
	wantURL := "?" + q.m.Schema().Encode(q.m.Query())
	if got := eval[string](t, ctx, `location.search`); got != wantURL {
		t.Errorf("after %s, URL query\ngot:  %s\nwant: %s", after, got, wantURL)
	}
}

// qOpen loads the embed page of a simulation with query and waits until
// it is ready.
func qOpen(t *testing.T, ctx context.Context, name, query string) {
	t.Helper()
	run(t, ctx, chromedp.Navigate(env.URL+"/embed/"+name+"/?"+query))
	waitFor(t, ctx, name+" ready", `document.body.dataset.simState === 'ready'`)
}

// qTabTo presses Tab until the focused element matches sel.
func qTabTo(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	for range 150 {
		if eval[bool](t, ctx, `(() => { const a = document.activeElement; return !!a && a.matches(`+jsString(sel)+`) })()`) {
			return
		}
		run(t, ctx, chromedp.KeyEvent(kb.Tab))
	}
	t.Fatalf("pressing Tab never reached %s", sel)
}

// qPress presses keys on the focused element.
func qPress(t *testing.T, ctx context.Context, keys string) {
	t.Helper()
	run(t, ctx, chromedp.KeyEvent(keys))
}

// qFill tabs to the text or number field sel, replaces its text by typing
// text, and leaves it with Tab, which commits the change.
func qFill(t *testing.T, ctx context.Context, sel, text string) {
	t.Helper()
	qTabTo(t, ctx, sel)
	run(t, ctx, chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	run(t, ctx, chromedp.KeyEvent(kb.Delete))
	run(t, ctx, chromedp.KeyEvent(text))
	if got := eval[string](t, ctx, `document.activeElement.value`); got != text {
		t.Fatalf("typed %q into %s, which holds %q", text, sel, got)
	}
	run(t, ctx, chromedp.KeyEvent(kb.Tab))
}

// qButton tabs to the button of action and presses Enter on it.
func qButton(t *testing.T, ctx context.Context, action string) {
	t.Helper()
	qTabTo(t, ctx, `button[data-action="`+action+`"]`)
	run(t, ctx, chromedp.KeyEvent(kb.Enter))
}

const qCanvas = `canvas.sim-canvas`

func TestBlochKeyboard(t *testing.T) {
	ctx := env.Tab(t)
	const query = "shots=200&seed=4"
	qOpen(t, ctx, "bloch", query)
	m := qNew(t, "bloch", query)
	m.expect(t, ctx, "loading")

	// The canvas: letters apply gates, arrows turn the view.
	qTabTo(t, ctx, qCanvas)
	if keys := eval[string](t, ctx, `document.querySelector('`+qCanvas+`').getAttribute('aria-label')`); !strings.Contains(keys, "Arrow keys turn the sphere") {
		t.Errorf("the canvas does not say what its keys do: %q", keys)
	}
	qPress(t, ctx, "h")
	m.key(t, "h")
	m.expect(t, ctx, "H on the canvas")
	if d := m.describe(); !strings.Contains(d, "Applied H") || !strings.Contains(d, "|+⟩") {
		t.Errorf("after H: %s", d)
	}
	qPress(t, ctx, kb.ArrowLeft)
	m.key(t, "ArrowLeft")
	m.expect(t, ctx, "ArrowLeft on the canvas")
	qPress(t, ctx, "t")
	m.key(t, "t")
	m.expect(t, ctx, "T on the canvas")

	// The controls: measure along x, then undo the T gate.
	qTabTo(t, ctx, `select[name="basis"]`)
	qPress(t, ctx, kb.ArrowDown)
	if err := m.change("basis", "X"); err != nil {
		t.Fatal(err)
	}
	m.expect(t, ctx, "choosing the X basis")
	qButton(t, ctx, "measure")
	m.do(t, "measure")
	m.expect(t, ctx, "Measure")
	if d := m.describe(); !strings.Contains(d, "Measured 200 copies in the X basis") {
		t.Errorf("after Measure: %s", d)
	}
	run(t, ctx, chromedp.KeyEvent(kb.Enter)) // again: the next seed
	m.do(t, "measure")
	m.expect(t, ctx, "Measure again")
	qTabTo(t, ctx, `button[data-action="undo"]`)
	qPress(t, ctx, " ")
	m.do(t, "undo")
	m.expect(t, ctx, "Undo gate")
}

func TestComposerKeyboard(t *testing.T) {
	ctx := env.Tab(t)
	dir := t.TempDir()
	if _, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir}); err != nil {
		t.Fatal(err)
	}
	const query = "qubits=2&shots=500&seed=3"
	qOpen(t, ctx, "circuit", query)
	m := qNew(t, "circuit", query)
	m.expect(t, ctx, "loading")

	// Build a Bell circuit on the canvas by keyboard alone: H on qubit
	// 0, then a CNOT from qubit 0 to qubit 1 in the next step.
	qTabTo(t, ctx, qCanvas)
	for _, k := range []string{"h", kb.ArrowRight, kb.ArrowDown, "c", "m"} {
		qPress(t, ctx, k)
		m.key(t, keyName(k))
		m.expect(t, ctx, "key "+keyName(k))
	}
	d := m.describe()
	if !strings.Contains(d, "step 0 H on q0; step 1 CX from q0 to q1") || !strings.Contains(d, "00 with probability 50.0%") || !strings.Contains(d, "11 with probability 50.0%") {
		t.Fatalf("the keyboard did not build a Bell circuit: %s", d)
	}
	outcomes := outcomeSentence(t, d)
	circuit := m.m.Query().Get("circuit")

	// Step back and forward through it, and undo and redo the CNOT.
	for _, k := range []string{"[", "]", "Z", "y"} {
		opt := []chromedp.KeyOption{}
		if k == "Z" || k == "y" {
			opt = append(opt, chromedp.KeyModifiers(chromedp.ModifierCtrl))
		}
		run(t, ctx, chromedp.KeyEvent(strings.ToLower(k), opt...))
		switch k {
		case "Z":
			m.do(t, "undo")
		case "y":
			m.do(t, "redo")
		default:
			m.key(t, k)
		}
		m.expect(t, ctx, "key "+k)
	}

	// Export the program with the Download button under the text.
	qButton(t, ctx, "download-qasm")
	program := waitFile(t, filepath.Join(dir, "circuit.qasm"))
	if want := m.m.Query().Get("qasm"); program != want {
		t.Fatalf("downloaded circuit.qasm\ngot:  %q\nwant: %q", program, want)
	}

	// A fresh page with another circuit; typing the program into the
	// text box imports it with the same probabilities.
	qOpen(t, ctx, "circuit", "qubits=1")
	fresh := qNew(t, "circuit", "qubits=1")
	fresh.expect(t, ctx, "loading an empty circuit")
	qFill(t, ctx, `textarea[name="qasm"]`, program)
	if err := fresh.change("qasm", program); err != nil {
		t.Fatal(err)
	}
	fresh.expect(t, ctx, "importing the program")
	if got := outcomeSentence(t, fresh.describe()); got != outcomes {
		t.Errorf("imported probabilities\ngot:  %s\nwant: %s", got, outcomes)
	}
	if got := fresh.m.Query().Get("circuit"); got != circuit {
		t.Errorf("imported circuit got: %q want: %q", got, circuit)
	}

	// A broken program: the error names its line and column next to the
	// text, and the circuit stays.
	broken := "OPENQASM 2.0;\nqreg q[2];\nh q[0];\n"
	qFill(t, ctx, `textarea[name="qasm"]`, broken)
	if err := fresh.change("qasm", broken); err == nil {
		t.Fatal("the broken program imported natively")
	}
	fresh.expect(t, ctx, "a broken program")
	waitFor(t, ctx, "the error next to the text", `(document.getElementById('sim-qasm-error') || {}).textContent !== undefined`)
	msg := eval[string](t, ctx, `document.getElementById('sim-qasm-error').textContent`)
	if !regexp.MustCompile(`^circuit\.qasm:3:1: `).MatchString(msg) {
		t.Errorf("error next to the program: %q; want circuit.qasm:3:1", msg)
	}
	if got := eval[string](t, ctx, `document.querySelector('textarea[name="qasm"]').getAttribute('aria-invalid')`); got != "true" {
		t.Errorf("aria-invalid on the text: %q", got)
	}
	if got := fresh.m.Query().Get("circuit"); got != circuit {
		t.Errorf("after the broken program the circuit is %q; want %q", got, circuit)
	}
}

// keyName turns a chromedp key into the KeyboardEvent.key name the page
// sees.
func keyName(k string) string {
	switch k {
	case kb.ArrowRight:
		return "ArrowRight"
	case kb.ArrowLeft:
		return "ArrowLeft"
	case kb.ArrowUp:
		return "ArrowUp"
	case kb.ArrowDown:
		return "ArrowDown"
	}
	return k
}

var outcomeRe = regexp.MustCompile(`Most likely outcomes[^.]*(\.\d[^.]*)*\.`)

// outcomeSentence returns the sentence of a composer description that
// lists the outcomes and their amplitudes.
func outcomeSentence(t *testing.T, d string) string {
	t.Helper()
	s := outcomeRe.FindString(d)
	if s == "" {
		t.Fatalf("no outcomes in %q", d)
	}
	return s
}

// waitFile waits for a downloaded file and returns its content.
func waitFile(t *testing.T, path string) string {
	t.Helper()
	for range 100 {
		if data, err := os.ReadFile(path); err == nil && len(data) > 0 {
			return string(data)
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("%s was not downloaded", path)
	return ""
}

func TestGroverKeyboard(t *testing.T) {
	ctx := env.Tab(t)
	const query = "qubits=3&marked=5&shots=100&seed=1"
	qOpen(t, ctx, "grover", query)
	m := qNew(t, "grover", query)
	m.expect(t, ctx, "loading")

	qFill(t, ctx, `textarea[name="marked"]`, "2 6")
	if err := m.change("marked", "2 6"); err != nil {
		t.Fatal(err)
	}
	m.expect(t, ctx, "marking 2 and 6")

	// On the canvas, the right arrow steps and the left arrow goes back.
	qTabTo(t, ctx, qCanvas)
	qPress(t, ctx, kb.ArrowRight)
	m.key(t, "ArrowRight")
	m.expect(t, ctx, "the right arrow: the oracle")
	if d := m.describe(); !strings.Contains(d, "oracle applied") {
		t.Errorf("after one step: %s", d)
	}
	qPress(t, ctx, kb.ArrowRight)
	m.key(t, "ArrowRight")
	m.expect(t, ctx, "the right arrow: the diffusion")
	qPress(t, ctx, kb.ArrowLeft)
	m.key(t, "ArrowLeft")
	m.expect(t, ctx, "the left arrow")

	qButton(t, ctx, "step")
	m.do(t, "step")
	m.expect(t, ctx, "Next step")
	run(t, ctx, chromedp.KeyEvent(kb.Enter))
	m.do(t, "step")
	m.expect(t, ctx, "Next step again")
	qButton(t, ctx, "optimal")
	m.do(t, "optimal")
	m.expect(t, ctx, "the optimal count")
	if d := m.describe(); !strings.Contains(d, "This is the optimal count") {
		t.Errorf("at the optimal count: %s", d)
	}
	qButton(t, ctx, "iterate")
	m.do(t, "iterate")
	m.expect(t, ctx, "one iteration too many")
	if d := m.describe(); !strings.Contains(d, "Past the optimal count") {
		t.Errorf("past the optimal count: %s", d)
	}
	qButton(t, ctx, "measure")
	m.do(t, "measure")
	m.expect(t, ctx, "Measure")

	// A marked item beyond the register is refused next to the field.
	qFill(t, ctx, `textarea[name="marked"]`, "9")
	if err := m.change("marked", "9"); err == nil {
		t.Fatal("item 9 of 8 was accepted natively")
	}
	m.expect(t, ctx, "marking item 9 of 8")
	waitFor(t, ctx, "the error next to the field", `!!document.getElementById('sim-marked-error')`)
	if msg := eval[string](t, ctx, `document.getElementById('sim-marked-error').textContent`); !strings.Contains(msg, "9 is not an item") {
		t.Errorf("error next to the marked items: %q", msg)
	}
}

func TestBB84Keyboard(t *testing.T) {
	ctx := env.Tab(t)
	const query = "photons=2000&noise=1&seed=3"
	qOpen(t, ctx, "bb84", query)
	m := qNew(t, "bb84", query)
	m.expect(t, ctx, "loading")

	qFill(t, ctx, `input[name="eve"]`, "100")
	if err := m.change("eve", "100"); err != nil {
		t.Fatal(err)
	}
	m.expect(t, ctx, "Eve intercepting everything")
	qButton(t, ctx, "next")
	m.do(t, "next")
	m.expect(t, ctx, "Next step")
	run(t, ctx, chromedp.KeyEvent(kb.Enter))
	m.do(t, "next")
	m.expect(t, ctx, "Next step again")
	qTabTo(t, ctx, qCanvas)
	qPress(t, ctx, kb.ArrowRight)
	m.key(t, "ArrowRight")
	m.expect(t, ctx, "the right arrow on the canvas")
	qButton(t, ctx, "finish")
	m.do(t, "finish")
	m.expect(t, ctx, "Run all steps")
	if d := m.describe(); !strings.Contains(d, "aborted") {
		t.Errorf("with Eve on every photon: %s", d)
	}

	qFill(t, ctx, `input[name="eve"]`, "0")
	if err := m.change("eve", "0"); err != nil {
		t.Fatal(err)
	}
	m.expect(t, ctx, "Eve gone")
	if d := m.describe(); !strings.Contains(d, "as a secret key") {
		t.Errorf("without Eve: %s", d)
	}
	qButton(t, ctx, "resend")
	m.do(t, "resend")
	m.expect(t, ctx, "Send new photons")
}

func TestCHSHKeyboard(t *testing.T) {
	ctx := env.Tab(t)
	const query = "b0=0&b1=90&rounds=2000&seed=5"
	qOpen(t, ctx, "chsh", query)
	m := qNew(t, "chsh", query)
	m.expect(t, ctx, "loading")

	qButton(t, ctx, "run")
	m.do(t, "run")
	m.expect(t, ctx, "Run the test")
	for _, f := range []struct{ name, value string }{{"b0", "45"}, {"b1", "-45"}} {
		qFill(t, ctx, `input[name="`+f.name+`"]`, f.value)
		if err := m.change(f.name, f.value); err != nil {
			t.Fatal(err)
		}
		m.expect(t, ctx, "setting "+f.name)
	}
	qButton(t, ctx, "run")
	m.do(t, "run")
	m.expect(t, ctx, "running at the best angles")
	if d := m.describe(); !strings.Contains(d, "standard errors above the classical bound") {
		t.Errorf("at the best angles: %s", d)
	}

	// On the canvas, arrows turn Bob's directions by 5°.
	qTabTo(t, ctx, qCanvas)
	for _, k := range []string{kb.ArrowRight, kb.ArrowUp, kb.ArrowLeft, kb.ArrowDown} {
		qPress(t, ctx, k)
		m.key(t, keyName(k))
		m.expect(t, ctx, keyName(k)+" on the canvas")
	}

	qTabTo(t, ctx, `select[name="source"]`)
	qPress(t, ctx, kb.ArrowDown)
	if err := m.change("source", "classical"); err != nil {
		t.Fatal(err)
	}
	m.expect(t, ctx, "the classical source")
	qButton(t, ctx, "clear")
	m.do(t, "clear")
	m.expect(t, ctx, "Clear results")
	qButton(t, ctx, "best")
	m.do(t, "best")
	m.expect(t, ctx, "Use the best angles")
}

// TestQuantumAccessibility runs axe-core on each quantum simulation's
// embed page in a state that shows its results, in both colour schemes.
func TestQuantumAccessibility(t *testing.T) {
	src, err := os.ReadFile("../node/node_modules/axe-core/axe.min.js")
	if err != nil {
		t.Fatalf("axe-core is needed: run npm ci --prefix build/node (%v)", err)
	}
	pages := []string{
		"bloch/?gates=h+t&measured=true",
		"circuit/?qubits=3&circuit=0_h_0+1_cx_0_1+2_rz~0.25pi_2&measured=true",
		"grover/?qubits=4&marked=3+12&steps=3",
		"bb84/?stage=4&eve=30",
		"chsh/?measured=true",
	}
	for _, scheme := range []string{"light", "dark"} {
		for _, page := range pages {
			t.Run(scheme+"/"+page, func(t *testing.T) {
				ctx := env.Tab(t)
				run(t, ctx, emulateScheme(scheme), chromedp.Navigate(env.URL+"/embed/"+page))
				waitFor(t, ctx, "ready", `document.body.dataset.simState === 'ready'`)
				eval[bool](t, ctx, string(src)+";true")
				out, err := chromedp.Run(ctx, chromedp.Evaluate[string](`axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}}).then(r => JSON.stringify(r.violations))`, chromedp.EvalAwaitPromise))
				if err != nil {
					t.Fatalf("axe: %v", err)
				}
				var vs []axeViolation
				if err := json.Unmarshal([]byte(out), &vs); err != nil {
					t.Fatalf("axe result: %v", err)
				}
				for _, v := range vs {
					for _, n := range v.Nodes {
						t.Errorf("%s: %s at %v: %s", v.ID, v.Help, n.Target, n.Summary)
					}
				}
			})
		}
	}
}
