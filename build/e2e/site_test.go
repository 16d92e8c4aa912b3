package e2e

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

const (
	searchStudy  = "/case-studies/quantum-search-limits-for-planning/"
	pathwayPage  = "/pathways/quantum-basics-for-policymakers/"
	visibleCards = `[...document.querySelectorAll('[data-cards] > li')].filter(li => !li.hidden && li.offsetParent !== null)`
)

// noScript turns JavaScript off in a tab, as a reader who blocks it.
func noScript(t *testing.T, ctx context.Context) {
	t.Helper()
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
}

func TestSiteFiltersWithoutJavaScript(t *testing.T) {
	ctx := env.Tab(t)
	noScript(t, ctx)
	run(t, ctx, chromedp.Navigate(env.URL+"/case-studies/"))
	total := eval[int](t, ctx, visibleCards+`.length`)
	if total < 2 {
		t.Fatalf("the listing shows %d case studies; the test needs two or more", total)
	}
	// A filter is a plain link to the term's page, listing only its
	// case studies.
	clickToLoad(t, ctx, `a[data-filter="sector"][data-value="agriculture"]`, "/sectors/agriculture/")
	titles := eval[[]string](t, ctx, visibleCards+`.map(li => li.querySelector('h3').textContent)`)
	if len(titles) == 0 || len(titles) >= total {
		t.Fatalf("the agriculture page lists %d of %d case studies: %q", len(titles), total, titles)
	}
	for _, sector := range eval[[]string](t, ctx, visibleCards+`.map(li => li.dataset.sector)`) {
		if !strings.Contains(sector, "agriculture") {
			t.Errorf("the agriculture page lists a case study of sectors %q", sector)
		}
	}
	if got := eval[string](t, ctx, `document.querySelector('a[data-value="agriculture"]').getAttribute('aria-current')`); got != "page" {
		t.Errorf("the current term is not marked: aria-current=%q", got)
	}
	// Without the script, no simulation button appears.
	run(t, ctx, chromedp.Navigate(env.URL+searchStudy))
	if eval[bool](t, ctx, `document.querySelector('button[data-action="load"]').hidden`) != true {
		t.Error("the Run simulation button shows although JavaScript is off")
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('figure[data-sim] [data-sim-preview] svg').length`); n == 0 {
		t.Error("no static preview without JavaScript")
	}
}

func TestSiteFiltersWithJavaScript(t *testing.T) {
	ctx := env.Tab(t)
	run(t, ctx, chromedp.Navigate(env.URL+"/case-studies/"))
	waitFor(t, ctx, "the filters", `document.querySelector('[data-count]').textContent !== ''`)
	total := eval[int](t, ctx, visibleCards+`.length`)
	run(t, ctx, chromedp.Click(chromedp.CSS(`a[data-filter="sector"][data-value="agriculture"]`)))
	waitFor(t, ctx, "the filter in the URL", `location.search === '?sector=agriculture'`)
	if p := eval[string](t, ctx, `location.pathname`); p != "/case-studies/" {
		t.Fatalf("the filter left the listing for %s", p)
	}
	shown := eval[int](t, ctx, visibleCards+`.length`)
	if shown == 0 || shown >= total {
		t.Fatalf("filtering by agriculture shows %d of %d", shown, total)
	}
	if got := eval[string](t, ctx, `document.querySelector('[data-count]').textContent`); !strings.HasPrefix(got, itoa(shown)+" case stud") {
		t.Errorf("count says %q; %d are shown", got, shown)
	}
	// Two facets combine; a second click on a value clears it.
	run(t, ctx, chromedp.Click(chromedp.CSS(`a[data-filter="sector"][data-value="public-services"]`)))
	waitFor(t, ctx, "the new filter", `location.search === '?sector=public-services'`)
	run(t, ctx, chromedp.Click(chromedp.CSS(`a[data-filter="level"][data-value="intermediate"]`)))
	waitFor(t, ctx, "two filters", `location.search === '?sector=public-services&level=intermediate'`)
	want := eval[int](t, ctx, `[...document.querySelectorAll('[data-cards] > li')].filter(li => li.dataset.sector.split(' ').includes('public-services') && li.dataset.level === 'intermediate').length`)
	if n := eval[int](t, ctx, visibleCards+`.length`); n != want {
		t.Errorf("public services at intermediate level shows %d case studies; %d match", n, want)
	}
	run(t, ctx, chromedp.Click(chromedp.CSS(`[data-clear]`)))
	waitFor(t, ctx, "cleared filters", `location.search === ''`)
	if n := eval[int](t, ctx, visibleCards+`.length`); n != total {
		t.Errorf("after clearing, %d of %d shown", n, total)
	}
	// The query string reproduces the filter.
	run(t, ctx, chromedp.Navigate(env.URL+"/case-studies/?sector=agriculture"))
	waitFor(t, ctx, "the filter from the URL", `document.querySelector('a[data-value="agriculture"]').getAttribute('aria-current') === 'true'`)
	if n := eval[int](t, ctx, visibleCards+`.length`); n != shown {
		t.Errorf("the URL's filter shows %d; clicking showed %d", n, shown)
	}
}

func TestSiteSearch(t *testing.T) {
	ctx := env.Tab(t)
	const indexFetches = `performance.getEntriesByType('resource').filter(e => /\/assets\/search\.[0-9a-f]+\.json$/.test(e.name)).length`
	run(t, ctx, chromedp.Navigate(env.URL+"/search/"))
	waitFor(t, ctx, "the page", `document.readyState === 'complete'`)
	if n := eval[int](t, ctx, indexFetches); n != 0 {
		t.Fatalf("the search index was fetched %d times before the reader searched", n)
	}
	run(t, ctx, chromedp.SendKeys(chromedp.CSS(`input[name="q"]`), "grover overshoot"))
	waitFor(t, ctx, "results", `document.querySelectorAll('[data-search-results] li').length > 0`)
	if got := eval[[]string](t, ctx, `[...document.querySelectorAll('[data-search-results] li a')].map(a => a.getAttribute('href'))`); !slices.Contains(got, searchStudy) {
		t.Errorf("results %q lack %s", got, searchStudy)
	}
	if got := eval[string](t, ctx, `document.querySelector('[data-search-status]').textContent`); !strings.HasSuffix(got, "result") && !strings.HasSuffix(got, "results") {
		t.Errorf("status %q does not count the results", got)
	}
	if n := eval[int](t, ctx, indexFetches); n != 1 {
		t.Errorf("the index was fetched %d times; want once", n)
	}
	// The query is in the URL, so a search can be shared, and words
	// absent from the site find nothing.
	if got := eval[string](t, ctx, `location.search`); got != "?q=grover%20overshoot" {
		t.Errorf("URL query %q", got)
	}
	run(t, ctx, chromedp.Navigate(env.URL+"/search/?q=zzyzx"))
	waitFor(t, ctx, "an empty result", `document.querySelector('[data-search-status]').textContent.startsWith('0 ')`)
}

func TestSiteGlossaryLinks(t *testing.T) {
	ctx := env.Tab(t)
	run(t, ctx, chromedp.Navigate(env.URL+"/case-studies/entanglement-secure-public-services/"))
	// Each term links once, at its first use, to its anchor.
	hrefs := eval[[]string](t, ctx, `[...document.querySelectorAll('.prose a.gloss')].map(a => a.getAttribute('href'))`)
	seen := map[string]bool{}
	for _, h := range hrefs {
		if seen[h] {
			t.Errorf("%s linked more than once", h)
		}
		seen[h] = true
	}
	if !seen["/glossary/#qubit"] {
		t.Fatalf("no link to the glossary's qubit entry among %q", hrefs)
	}
	first := eval[string](t, ctx, `(() => { for (const n of document.querySelectorAll('.prose p, .prose li')) { const m = n.textContent.match(/\bqubit\b/i); if (m) return n.querySelector('a.gloss[href="/glossary/#qubit"]') ? 'linked' : n.textContent } return 'none' })()`)
	if first != "linked" {
		t.Errorf("the first use of qubit is not the linked one: %q", first)
	}
	clickToLoad(t, ctx, `.prose a.gloss[href="/glossary/#qubit"]`, "/glossary/")
	if got := eval[string](t, ctx, `location.hash`); got != "#qubit" {
		t.Errorf("arrived at %q; want #qubit", got)
	}
	waitFor(t, ctx, "the entry to be the target", `document.querySelector('dt:target') && document.querySelector('dt:target').textContent === 'Qubit'`)
}

func TestSitePathwayProgressSurvivesReload(t *testing.T) {
	ctx := env.Tab(t)
	run(t, ctx, chromedp.Navigate(env.URL+pathwayPage))
	waitFor(t, ctx, "the progress", `!document.querySelector('[data-progress]').hidden`)
	eval[bool](t, ctx, `(localStorage.clear(), true)`)
	run(t, ctx, chromedp.Reload())
	waitFor(t, ctx, "no progress", `document.querySelector('[data-progress]').textContent === '0 of 3 steps done'`)
	run(t, ctx, chromedp.Click(chromedp.CSS(`[data-step]:nth-child(2) [data-step-toggle]`)))
	waitFor(t, ctx, "step 2 done", `document.querySelector('[data-progress]').textContent === '1 of 3 steps done'`)
	run(t, ctx, chromedp.Reload())
	waitFor(t, ctx, "the progress after reload", `document.querySelector('[data-progress]').textContent === '1 of 3 steps done'`)
	pressed := eval[[]string](t, ctx, `[...document.querySelectorAll('[data-step-toggle]')].map(b => b.getAttribute('aria-pressed'))`)
	if strings.Join(pressed, ",") != "false,true,false" {
		t.Errorf("steps pressed after reload: %v", pressed)
	}
	// Undoing a step is remembered too.
	run(t, ctx, chromedp.Click(chromedp.CSS(`[data-step]:nth-child(2) [data-step-toggle]`)))
	run(t, ctx, chromedp.Reload())
	waitFor(t, ctx, "no progress after undo", `document.querySelector('[data-progress]').textContent === '0 of 3 steps done'`)
}

func TestSiteEmbedSnippet(t *testing.T) {
	ctx := env.Tab(t)
	run(t, ctx, chromedp.Navigate(env.URL+"/sims/"))
	snippet := eval[string](t, ctx, `document.querySelector('#sim-bell [data-snippet]').value`)
	attrs := eval[map[string]string](t, ctx, `(() => { const t = document.createElement('template'); t.innerHTML = `+jsString(snippet)+`; const f = t.content.firstElementChild; return f.tagName === 'IFRAME' ? Object.fromEntries([...f.attributes].map(a => [a.name, a.value])) : {} })()`)
	if !strings.HasSuffix(attrs["src"], "/embed/bell/") || attrs["title"] != "Bell pair simulation" || attrs["width"] == "" || attrs["height"] == "" || attrs["loading"] != "lazy" {
		t.Fatalf("snippet %s: attributes %v", snippet, attrs)
	}
	// The embed page announces an oEmbed response carrying the same
	// snippet.
	run(t, ctx, chromedp.Navigate(env.URL+"/embed/bell/"))
	oembed := eval[string](t, ctx, `document.querySelector('link[rel="alternate"][type="application/json+oembed"]').href`)
	i := strings.Index(oembed, "/oembed/")
	if i < 0 {
		t.Fatalf("oEmbed discovery link %q", oembed)
	}
	body, err := chromedp.Run(ctx, chromedp.Evaluate[string](`fetch(`+jsString(oembed[i:])+`).then(r => r.text())`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	var resp struct {
		Type, HTML string
		Width      int `json:"width"`
	}
	if err := json.Unmarshal([]byte(body), &resp); err != nil {
		t.Fatalf("oEmbed response %q: %v", body, err)
	}
	if resp.Type != "rich" || resp.HTML != snippet || resp.Width == 0 {
		t.Errorf("oEmbed response %+v; want type rich with the gallery's snippet", resp)
	}
	// Pasted into a page, the snippet frames the simulation.
	run(t, ctx, chromedp.Navigate(env.URL+"/about/"))
	eval[bool](t, ctx, `(document.querySelector('main').insertAdjacentHTML('beforeend', `+jsString(strings.Replace(snippet, attrs["src"], env.URL+"/embed/bell/", 1))+`), true)`)
	waitFor(t, ctx, "the framed simulation", `(() => { const d = document.querySelector('main iframe').contentDocument; return d && d.body && d.body.dataset.sim === 'bell' })()`)
}

func TestSiteStaticPreviewBeforeRun(t *testing.T) {
	ctx := env.Tab(t)
	run(t, ctx, chromedp.Navigate(env.URL+searchStudy))
	waitFor(t, ctx, "the page", `document.readyState === 'complete'`)
	fig := `document.querySelector('figure[data-sim="grover"]')`
	if got := eval[string](t, ctx, fig+`.dataset.simState`); got != "idle" {
		t.Errorf("data-sim-state %q before running; want idle", got)
	}
	if !eval[bool](t, ctx, fig+`.querySelector('[data-sim-preview] svg[role="img"]').getBoundingClientRect().height > 100`) {
		t.Error("the static preview is not shown")
	}
	desc := eval[string](t, ctx, fig+`.querySelector('[data-sim-description]').textContent`)
	label := eval[string](t, ctx, fig+`.querySelector('svg').getAttribute('aria-label')`)
	if desc == "" || !strings.Contains(label, desc) {
		t.Errorf("the preview's text alternative %q does not carry the description %q", label, desc)
	}
	if eval[bool](t, ctx, fig+`.querySelector('button[data-action="load"]').hidden`) {
		t.Error("the Run simulation button is hidden although JavaScript runs")
	}
	if n := eval[int](t, ctx, `performance.getEntriesByType('resource').filter(e => e.name.includes('.wasm')).length`); n != 0 {
		t.Errorf("%d wasm requests before Run simulation", n)
	}
}

// clickToLoad clicks a link and waits until the page it leads to, at
// path, has loaded.
func clickToLoad(t *testing.T, ctx context.Context, link, path string) {
	t.Helper()
	run(t, ctx, chromedp.Click(chromedp.CSS(link)))
	// The document changes under the poll while the browser navigates;
	// the protocol then reports the old context as gone, or the target as
	// navigated, so poll again.
	for range 50 {
		_, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](`location.pathname === `+jsString(path)+` && document.readyState === 'complete'`, chromedp.WithPollingTimeout(30e9)))
		if err == nil {
			return
		}
		if msg := err.Error(); !strings.Contains(msg, "context") && !strings.Contains(msg, "navigated") {
			t.Fatalf("waiting for %s: %v", path, err)
		}
	}
	t.Fatalf("%s never loaded", path)
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
