package e2e

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"nexuslab/build/internal/pipeline"
	"nexuslab/site"
)

// switchServer serves one release of the site at a time, or plays a
// network that is down: connections close without an answer, as when
// the reader's link drops. Each test gets its own, hence its own origin,
// service worker and caches in the shared browser.
type switchServer struct {
	*httptest.Server
	mu sync.Mutex
	h  http.Handler // nil while the network is down
}

func newSwitchServer(t *testing.T, dir string) *switchServer {
	s := &switchServer{h: site.Handler(os.DirFS(dir))}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		h := s.h
		s.mu.Unlock()
		if h == nil {
			if c, _, err := http.NewResponseController(w).Hijack(); err == nil {
				c.Close()
			}
			return
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

// serve switches to the release built in dir.
func (s *switchServer) serve(dir string) {
	s.mu.Lock()
	s.h = site.Handler(os.DirFS(dir))
	s.mu.Unlock()
}

// offline takes the network away: the server stops answering and the tab
// and its service worker are put offline as well.
func (s *switchServer) offline(t *testing.T, ctx context.Context) {
	t.Helper()
	s.mu.Lock()
	s.h = nil
	s.mu.Unlock()
	run(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		on := true
		_, err := cdp.Call(ctx, tg, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			EmulateOfflineServiceWorker: &on,
			MatchedNetworkConditions:    []*network.Conditions{{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}},
		})
		return err
	}))
}

// await polls a JavaScript expression, which may give a promise, until
// it is truthy.
func await(t *testing.T, ctx context.Context, what, expr string) {
	t.Helper()
	deadline := time.Now().Add(90 * time.Second)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`Promise.resolve(`+expr+`).then(Boolean)`, chromedp.EvalAwaitPromise))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("waiting for %s: %s (%v)", what, expr, err)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// evalAsync evaluates a JavaScript expression that gives a promise.
func evalAsync[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// controlled waits until the service worker controls the page.
func controlled(t *testing.T, ctx context.Context) {
	t.Helper()
	await(t, ctx, "the service worker", `navigator.serviceWorker.controller`)
}

// runSim presses Run simulation on the page's first figure and waits
// until the simulation is ready.
func runSim(t *testing.T, ctx context.Context) {
	t.Helper()
	run(t, ctx, chromedp.Click(chromedp.CSS(`figure[data-sim] button[data-action="load"]`)))
	waitFor(t, ctx, "the sim to be ready", `(() => { const s = document.querySelector('figure[data-sim]').dataset.simState;
		if (s === 'error') throw new Error(document.querySelector('figure[data-sim] iframe').contentDocument.querySelector('[data-sim-message]').textContent);
		return s === 'ready' })()`)
}

// wasmURL is the simulation program named by the embed page in the
// page's first figure.
const wasmURL = `document.querySelector('figure[data-sim] iframe').contentDocument.body.dataset.wasm`

func TestOfflineVisitedCaseStudy(t *testing.T) {
	srv := newSwitchServer(t, env.Dir)
	ctx := env.Tab(t)
	run(t, ctx, chromedp.Navigate(srv.URL+caseStudy))
	controlled(t, ctx)
	// The program is stored only once the reader runs a simulation.
	if eval[bool](t, ctx, `document.querySelector('figure[data-sim] [data-sim-preview]') === null`) {
		t.Fatal("the case study has no static preview")
	}
	await(t, ctx, "the shell in the cache", `caches.keys().then(k => k.length === 2)`)
	if got := eval[int](t, ctx, `performance.getEntriesByType('resource').filter(e => e.name.endsWith('.wasm')).length`); got != 0 {
		t.Fatalf("the wasm was fetched %d times before Run simulation", got)
	}
	runSim(t, ctx)
	wasm := eval[string](t, ctx, wasmURL)
	await(t, ctx, "the wasm in the cache", `caches.match('`+wasm+`', {ignoreVary: true})`)

	srv.offline(t, ctx)
	run(t, ctx, chromedp.Reload())
	waitFor(t, ctx, "the reloaded page", `document.readyState === 'complete' && document.querySelector('h1') !== null`)
	if eval[bool](t, ctx, `document.querySelector('[data-offline-missing]') !== null`) {
		t.Fatal("offline, the visited case study shows the list of saved pages instead")
	}
	runSim(t, ctx)
	// The simulation works offline: its description follows its state.
	eval[bool](t, ctx, `(() => { const d = document.querySelector('figure[data-sim] iframe').contentDocument;
		d.querySelector('button[data-action="measure"]').click(); return true })()`)
	waitFor(t, ctx, "a measurement offline", `document.querySelector('figure[data-sim] [data-sim-description]').textContent.includes('Measured')`)

	// A page never visited is not there: offline, the reader gets the
	// list of what is.
	run(t, ctx, chromedp.Navigate(srv.URL+"/glossary/"))
	waitFor(t, ctx, "the offline list", `document.querySelector('[data-offline-missing]') && !document.querySelector('[data-offline-missing]').hidden`)
	await(t, ctx, "the visited case study in the list", `document.querySelector('.offline-list a[href="`+caseStudy+`"]')`)
}

func TestOfflineSavedPathway(t *testing.T) {
	srv := newSwitchServer(t, env.Dir)
	ctx := env.Tab(t)
	run(t, ctx, chromedp.Navigate(srv.URL+pathwayPage))
	controlled(t, ctx)
	if eval[bool](t, ctx, `document.querySelector('[data-offline-save]').hidden`) {
		t.Fatal("the Save for offline button is hidden")
	}
	steps := eval[[]string](t, ctx, `[...document.querySelectorAll('[data-step] h3 a')].map(a => a.getAttribute('href'))`)
	if len(steps) < 2 {
		t.Fatalf("the pathway has %d steps; the test needs two or more", len(steps))
	}
	run(t, ctx, chromedp.Click(chromedp.CSS(`[data-offline-button]`)))
	waitFor(t, ctx, "the pathway to be saved", `(() => { const b = document.querySelector('[data-offline-save]');
		const s = b.querySelector('[data-offline-status]').textContent;
		if (s.startsWith(b.dataset.msgFailed.split('{')[0])) throw new Error(s);
		return s === b.dataset.msgSaved })()`)

	srv.offline(t, ctx)
	run(t, ctx, chromedp.Navigate(srv.URL+"/offline/"))
	await(t, ctx, "the pathway listed as saved", `[...document.querySelectorAll('.offline-list li')].some(li => li.querySelector('a').getAttribute('href') === '`+pathwayPage+`' && li.textContent.includes(document.querySelector('[data-offline-list]').dataset.msgSaved))`)
	ranStudy, ranSim := false, false
	for _, step := range steps {
		run(t, ctx, chromedp.Navigate(srv.URL+step))
		waitFor(t, ctx, "step "+step, `document.readyState === 'complete' && document.querySelector('h1') !== null`)
		if eval[bool](t, ctx, `document.querySelector('[data-offline-missing]') !== null`) {
			t.Fatalf("offline, step %s was not saved", step)
		}
		switch {
		case strings.HasPrefix(step, "/embed/"):
			if !ranSim {
				waitFor(t, ctx, "the sim step to be ready", `(() => { const s = document.body.dataset.simState;
					if (s === 'error') throw new Error(document.querySelector('[data-sim-message]').textContent);
					return s === 'ready' })()`)
				ranSim = true
			}
		case !ranStudy && eval[bool](t, ctx, `document.querySelector('figure[data-sim] button[data-action="load"]') !== null`):
			runSim(t, ctx)
			ranStudy = true
		}
	}
	if !ranStudy || !ranSim {
		t.Errorf("ran a case study's simulation offline: %v; a simulation step: %v; the pathway needs both", ranStudy, ranSim)
	}
}

func TestOfflineReleaseReplacesWasm(t *testing.T) {
	// Release B is release A with a different simulation program: the
	// same code with a custom section added, which the runtime ignores.
	old, err := filepath.Glob(filepath.Join(env.Dir, "assets", "sims.*.wasm"))
	if err != nil || len(old) != 1 {
		t.Fatalf("the built site's wasm: %v %v", old, err)
	}
	prog, err := os.ReadFile(old[0])
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	name, payload := "nexus-release", "B"
	prog = append(prog, 0, byte(1+len(name)+len(payload)), byte(len(name)))
	prog = append(append(prog, name...), payload...)
	wasmB := filepath.Join(tmp, "sims.wasm")
	if err := os.WriteFile(wasmB, prog, 0o644); err != nil {
		t.Fatal(err)
	}
	wasmExec, err := pipeline.WasmExec()
	if err != nil {
		t.Fatal(err)
	}
	dirB := filepath.Join(tmp, "public")
	cfg := site.Config{Content: os.DirFS("../../content"), ContentPath: "../../content", Out: dirB, Wasm: wasmB, WasmExec: wasmExec, NoCompress: true}
	if d, err := os.UserCacheDir(); err == nil {
		cfg.CacheDir = filepath.Join(d, "nexuslab")
	}
	if err := site.Build(cfg); err != nil {
		t.Fatalf("build release B: %v", err)
	}
	urlA := "/assets/" + filepath.Base(old[0])
	newer, _ := filepath.Glob(filepath.Join(dirB, "assets", "sims.*.wasm"))
	if len(newer) != 1 || "/assets/"+filepath.Base(newer[0]) == urlA {
		t.Fatalf("release B's wasm %v is not a new file beside %s", newer, urlA)
	}
	urlB := "/assets/" + filepath.Base(newer[0])

	srv := newSwitchServer(t, env.Dir)
	ctx := env.Tab(t)
	run(t, ctx, chromedp.Navigate(srv.URL+caseStudy))
	controlled(t, ctx)
	runSim(t, ctx)
	if got := eval[string](t, ctx, wasmURL); got != urlA {
		t.Fatalf("release A's page loads %s; want %s", got, urlA)
	}
	await(t, ctx, "release A's wasm in the cache", `caches.match('`+urlA+`', {ignoreVary: true})`)
	releaseA := evalAsync[[]string](t, ctx, `caches.keys()`)

	srv.serve(dirB)
	run(t, ctx, chromedp.Reload())
	await(t, ctx, "release B's caches in place of A's", `caches.keys().then(k => k.length === 2 && !k.includes('`+releaseA[0]+`') && !k.includes('`+releaseA[1]+`'))`)
	if !evalAsync[bool](t, ctx, `caches.match('`+urlB+`', {ignoreVary: true}).then(Boolean)`) {
		t.Fatalf("after the release, the cache lacks the new wasm %s", urlB)
	}
	if evalAsync[bool](t, ctx, `caches.match('`+urlA+`', {ignoreVary: true}).then(Boolean)`) {
		t.Fatalf("after the release, the cache still holds the old wasm %s", urlA)
	}

	// Offline, the page and the program are both release B's.
	srv.offline(t, ctx)
	run(t, ctx, chromedp.Reload())
	waitFor(t, ctx, "the reloaded page", `document.readyState === 'complete' && document.querySelector('figure[data-sim]') !== null`)
	runSim(t, ctx)
	if got := eval[string](t, ctx, wasmURL); got != urlB {
		t.Errorf("offline after the release, the simulation loads %s; want %s", got, urlB)
	}
}
