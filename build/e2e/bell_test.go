package e2e

import (
	"bytes"
	"image/png"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"nexuslab/sim"
	"nexuslab/sim/catalog"
)

const caseStudy = "/case-studies/entanglement-secure-public-services/"

var countsRe = regexp.MustCompile(`Measured (\d+) shots with seed \d+: 00 came up (\d+) times, 01 (\d+) times, 10 (\d+) times and 11 (\d+) times`)

// describe returns what the Bell model says for a query, computed natively:
// the browser must say the same.
func describe(t *testing.T, query string) string {
	t.Helper()
	e, _ := catalog.Lookup("bell")
	m := e.New()
	q, err := url.ParseQuery(query)
	if err != nil {
		t.Fatal(err)
	}
	v, _ := m.Schema().Parse(q)
	if err := m.Reset(v); err != nil {
		t.Fatal(err)
	}
	return m.Describe(sim.English{})
}

func TestBellInCaseStudy(t *testing.T) {
	ctx := env.Tab(t)
	run(t, ctx, chromedp.Navigate(env.URL+caseStudy))

	// Before the reader asks, the page shows a static preview and has
	// fetched no WebAssembly.
	if n := eval[int](t, ctx, `document.querySelectorAll('figure[data-sim="bell"] [data-sim-preview] svg').length`); n != 1 {
		t.Fatalf("static previews: got %d want 1", n)
	}
	if n := eval[int](t, ctx, `performance.getEntriesByType('resource').filter(e => e.name.includes('.wasm')).length`); n != 0 {
		t.Fatalf("the case study fetched %d wasm files before Run simulation was pressed", n)
	}

	run(t, ctx, chromedp.Click(chromedp.CSS(`figure[data-sim="bell"] button[data-action="load"]`)))
	waitFor(t, ctx, "the sim to be ready", `document.querySelector('figure[data-sim="bell"]').dataset.simState === 'ready'`)

	// The figure started the download as the button was pressed, and
	// the embed page used it rather than fetching the program again.
	const wasmLoads = `performance.getEntriesByType('resource').filter(e => e.name.endsWith('.wasm')).length`
	if n := eval[int](t, ctx, wasmLoads); n != 1 {
		t.Errorf("the case study fetched sims.wasm %d times; want once, as Run simulation is pressed", n)
	}
	if n := eval[int](t, ctx, `document.querySelector('figure[data-sim="bell"] iframe').contentWindow.`+wasmLoads); n != 0 {
		t.Errorf("the embed page fetched sims.wasm %d more times", n)
	}

	// Change shots and measure inside the embedded simulation.
	const frame = `document.querySelector('figure[data-sim="bell"] iframe').contentDocument`
	eval[bool](t, ctx, `(() => { const d = `+frame+`; const s = d.querySelector('input[name="shots"]');
		s.value = '250'; s.dispatchEvent(new Event('change', {bubbles: true}));
		d.querySelector('button[data-action="measure"]').click(); return true })()`)
	waitFor(t, ctx, "the counts of 250 shots", `document.querySelector('figure[data-sim="bell"] [data-sim-description]').textContent.includes('Measured 250 shots')`)

	desc := eval[string](t, ctx, `document.querySelector('figure[data-sim="bell"] [data-sim-description]').textContent`)
	m := countsRe.FindStringSubmatch(desc)
	if m == nil {
		t.Fatalf("description names no counts: %q", desc)
	}
	shots, sum := atoi(m[1]), atoi(m[2])+atoi(m[3])+atoi(m[4])+atoi(m[5])
	if shots != 250 || sum != shots {
		t.Errorf("counts in %q sum to %d; want %d", desc, sum, 250)
	}
	if atoi(m[3]) != 0 || atoi(m[4]) != 0 {
		t.Errorf("a Bell pair gave 01 or 10: %q", desc)
	}

	// The canvas shows the bars: many pixels of the accent colour.
	shot, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(`figure[data-sim="bell"] iframe`)))
	if err != nil {
		t.Fatal(err)
	}
	if n := accentPixels(t, shot); n < 2000 {
		t.Errorf("the canvas looks blank: %d bar-coloured pixels", n)
	}
}

func TestBellEmbedRestoresState(t *testing.T) {
	ctx := env.Tab(t)
	const query = "shots=300&seed=5&measured=true"
	run(t, ctx, chromedp.Navigate(env.URL+"/embed/bell/?"+query))
	waitFor(t, ctx, "ready", `document.body.dataset.simState === 'ready'`)

	if got := eval[string](t, ctx, `document.querySelector('input[name="shots"]').value`); got != "300" {
		t.Errorf("shots control: got %q want 300", got)
	}
	want := describe(t, query)
	if got := eval[string](t, ctx, `document.querySelector('[data-sim-description]').textContent`); got != want {
		t.Errorf("description\ngot:  %q\nwant: %q", got, want)
	}

	// Measuring again moves to the next seed, and the URL records it.
	run(t, ctx, chromedp.Click(chromedp.CSS(`button[data-action="measure"]`)))
	waitFor(t, ctx, "seed 6 in the URL", `location.search.includes('seed=6')`)
	want = describe(t, "shots=300&seed=6&measured=true")
	if got := eval[string](t, ctx, `document.querySelector('[data-sim-description]').textContent`); got != want {
		t.Errorf("after measure\ngot:  %q\nwant: %q", got, want)
	}

	// A reload of that URL reproduces the same state.
	run(t, ctx, chromedp.Reload())
	waitFor(t, ctx, "ready after reload", `document.body.dataset.simState === 'ready'`)
	if got := eval[string](t, ctx, `document.querySelector('[data-sim-description]').textContent`); got != want {
		t.Errorf("after reload\ngot:  %q\nwant: %q", got, want)
	}
}

func TestBellEmbedRejectsGarbage(t *testing.T) {
	ctx := env.Tab(t)
	run(t, ctx, chromedp.Navigate(env.URL+"/embed/bell/?shots=1000000000&seed=banana"))
	waitFor(t, ctx, "ready", `document.body.dataset.simState === 'ready'`)
	msg := eval[string](t, ctx, `(() => { const m = document.querySelector('[data-sim-message]'); return m.hidden ? '' : m.textContent })()`)
	if !regexp.MustCompile(`shots: .*using 100000`).MatchString(msg) || !regexp.MustCompile(`seed: "banana" is not a whole number`).MatchString(msg) {
		t.Errorf("visible message: got %q; want both corrections explained", msg)
	}
	if got := eval[string](t, ctx, `document.querySelector('input[name="shots"]').value`); got != "100000" {
		t.Errorf("shots clamped: got %q want 100000", got)
	}
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// accentPixels counts pixels close to the light theme's accent colour.
func accentPixels(t *testing.T, shot []byte) int {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if near(r>>8, 0x0b) && near(g>>8, 0x5c) && near(bl>>8, 0xad) {
				n++
			}
		}
	}
	return n
}

func near(a uint32, b uint32) bool { return a+12 >= b && a <= b+12 }

func TestBellEmbedSnippetAndDownload(t *testing.T) {
	ctx := env.Tab(t)
	dir := t.TempDir()
	if _, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir}); err != nil {
		t.Fatal(err)
	}
	run(t, ctx, chromedp.Navigate(env.URL+"/embed/bell/?shots=40&seed=9&measured=true"))
	waitFor(t, ctx, "ready", `document.body.dataset.simState === 'ready'`)

	run(t, ctx, chromedp.Click(chromedp.CSS(`button[data-action="embed"]`)))
	code := eval[string](t, ctx, `document.querySelector('#sim-embed-code').value`)
	for _, want := range []string{`<iframe src="` + env.URL + `/embed/bell/?shots=40&amp;seed=9&amp;measured=true"`, `title="Bell pair, an interactive simulation from Nexus Lab"`, `loading="lazy"`, `width="800"`} {
		if !strings.Contains(code, want) {
			t.Errorf("embed snippet %q lacks %q", code, want)
		}
	}

	run(t, ctx, chromedp.Click(chromedp.CSS(`button[data-action="download"]`)))
	file := filepath.Join(dir, "bell-40-shots-seed-9.csv")
	var data []byte
	for range 100 {
		var err error
		if data, err = os.ReadFile(file); err == nil && len(data) > 0 {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	e, _ := catalog.Lookup("bell")
	m := e.New()
	v, _ := m.Schema().Parse(url.Values{"shots": {"40"}, "seed": {"9"}, "measured": {"true"}})
	if err := m.Reset(v); err != nil {
		t.Fatal(err)
	}
	_, want := m.(sim.Exporter).Export()
	if string(data) != string(want) {
		t.Errorf("downloaded data\ngot:  %q\nwant: %q", data, want)
	}
}
