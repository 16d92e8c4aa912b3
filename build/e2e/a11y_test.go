package e2e

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"nexuslab/sim/catalog"
)

// axeViolation is the part of an axe-core result a failure report needs.
type axeViolation struct {
	ID    string `json:"id"`
	Help  string `json:"help"`
	Nodes []struct {
		Target  []any  `json:"target"`
		Summary string `json:"failureSummary"`
	} `json:"nodes"`
}

// pageKinds lists one page of every kind the site builds, found in the
// built site so that new pages, simulations and languages are covered
// without editing the test: the embed page of every simulation in the
// catalogue, and each page again under /LANG/ for every translation built.
func pageKinds(t *testing.T) []string {
	t.Helper()
	first := func(dir string) string {
		entries, err := os.ReadDir(filepath.Join(env.Dir, dir))
		if err != nil {
			t.Fatalf("the built site: %v", err)
		}
		for _, e := range entries {
			if e.IsDir() {
				return "/" + dir + "/" + e.Name() + "/"
			}
		}
		t.Fatalf("the built site has nothing under /%s/", dir)
		return ""
	}
	pages := []string{
		"/",
		"/case-studies/",
		"/case-studies/?sector=health",
		"/sectors/",
		first("sectors"),
		first("case-studies"),
		"/pathways/",
		first("pathways"),
		"/glossary/",
		"/sims/",
		"/search/",
		"/search/?q=qubit",
		"/about/",
		"/offline/",
	}
	for _, e := range catalog.All() {
		pages = append(pages, "/embed/"+e.Name+"/")
	}
	// A mode with controls of its own: the fairness audit of the
	// learner's CSV file.
	pages = append(pages, "/embed/fairness/?source=csv")
	var translated []string
	langs, _ := filepath.Glob(filepath.Join(env.Dir, "*", "index.html"))
	for _, l := range langs {
		lang := filepath.Base(filepath.Dir(l))
		if len(lang) != 2 {
			continue
		}
		for _, p := range pages {
			file := strings.SplitN(p, "?", 2)[0] + "index.html"
			if _, err := os.Stat(filepath.Join(env.Dir, lang, file)); err == nil {
				translated = append(translated, "/"+lang+p)
			}
		}
	}
	return append(append(pages, translated...), "/no-such-page/")
}

// TestAccessibility runs axe-core's WCAG 2.2 A and AA rules on every
// page kind in light and dark colour schemes, and checks that each page
// reflows at 320 CSS pixels (400 % zoom of a 1280-pixel window) without
// scrolling sideways.
func TestAccessibility(t *testing.T) {
	src, err := os.ReadFile("../node/node_modules/axe-core/axe.min.js")
	if err != nil {
		t.Fatalf("axe-core is needed: run npm ci --prefix build/node (%v)", err)
	}
	for _, path := range pageKinds(t) {
		t.Run(path, func(t *testing.T) {
			ctx := env.Tab(t, 404)
			run(t, ctx, chromedp.Navigate(env.URL+path))
			switch {
			case strings.Contains(path, "/embed/"):
				waitFor(t, ctx, "the simulation", `document.body.dataset.simState === 'ready'`)
			case strings.Contains(path, "/search/?"):
				waitFor(t, ctx, "results", `document.querySelectorAll('[data-search-results] li').length > 0`)
			default:
				waitFor(t, ctx, "the page", `document.readyState === 'complete'`)
			}
			eval[bool](t, ctx, string(src)+";true")
			for _, scheme := range []string{"light", "dark"} {
				run(t, ctx, emulateScheme(scheme))
				out := evalAsync[string](t, ctx, `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}}).then(r => JSON.stringify({violations: r.violations, passes: r.passes.length}))`)
				var res struct {
					Violations []axeViolation `json:"violations"`
					Passes     int            `json:"passes"`
				}
				if err := json.Unmarshal([]byte(out), &res); err != nil {
					t.Fatalf("axe result: %v", err)
				}
				if res.Passes < 5 {
					t.Fatalf("%s: axe passed only %d rules: it did not check the page", scheme, res.Passes)
				}
				for _, v := range res.Violations {
					for _, n := range v.Nodes {
						t.Errorf("%s: %s: %s at %v: %s", scheme, v.ID, v.Help, n.Target, n.Summary)
					}
				}
			}
			run(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				_, err := cdp.Call(ctx, tg, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 320, Height: 640, DeviceScaleFactor: 1, Mobile: true})
				return err
			}))
			waitFor(t, ctx, "the narrow layout", `document.documentElement.clientWidth === 320`)
			if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > 320 {
				wide := eval[[]string](t, ctx, `[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 321 && getComputedStyle(e).position !== 'fixed').slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '') + ' ' + Math.round(e.getBoundingClientRect().right))`)
				t.Errorf("at 320 CSS px the page is %d px wide and scrolls sideways; widest: %q", w, wide)
			}
		})
	}
}

// TestAccessibilityKeyboard walks a case study with the keyboard alone:
// the first Tab reaches a visible skip link that moves focus to the main
// content, every focused control shows a focus outline, and Run
// simulation starts the simulation from the keyboard.
func TestAccessibilityKeyboard(t *testing.T) {
	ctx := env.Tab(t)
	run(t, ctx, chromedp.Navigate(env.URL+caseStudy))
	waitFor(t, ctx, "the page", `document.readyState === 'complete'`)
	const focused = `(() => { const e = document.activeElement; const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
		return {tag: e.tagName.toLowerCase(), cls: e.className, visible: r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth,
			outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2, action: e.dataset.action || ''} })()`
	type focus struct {
		Tag     string `json:"tag"`
		Cls     string `json:"cls"`
		Visible bool   `json:"visible"`
		Outline bool   `json:"outline"`
		Action  string `json:"action"`
	}
	run(t, ctx, chromedp.KeyEvent(kb.Tab))
	if f := eval[focus](t, ctx, focused); f.Cls != "skip" || !f.Visible || !f.Outline {
		t.Fatalf("the first Tab focuses %+v; want the skip link, visible and outlined", f)
	}
	run(t, ctx, chromedp.KeyEvent(kb.Enter))
	waitFor(t, ctx, "focus on the main content", `document.activeElement === document.querySelector('main')`)
	for range 200 {
		run(t, ctx, chromedp.KeyEvent(kb.Tab))
		f := eval[focus](t, ctx, focused)
		if !f.Outline {
			t.Errorf("focused %s.%s shows no focus outline", f.Tag, f.Cls)
		}
		if f.Action == "load" {
			run(t, ctx, chromedp.KeyEvent(kb.Enter))
			waitFor(t, ctx, "the sim started from the keyboard", `document.querySelector('figure[data-sim]').dataset.simState === 'ready'`)
			return
		}
	}
	t.Fatal("Tab never reached the Run simulation button")
}

// emulateScheme sets prefers-color-scheme for the tab.
func emulateScheme(scheme string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return err
	})
}
