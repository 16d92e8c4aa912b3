package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestI18nSwitchKeepsPlace switches language on a case study scrolled to
// a section: the reader lands on the same case study and section in the
// other language, and back.
func TestI18nSwitchKeepsPlace(t *testing.T) {
	ctx := env.Tab(t)
	run(t, ctx, chromedp.Navigate(env.URL+searchStudy))
	id := eval[string](t, ctx, `document.querySelector('.prose h2[id]').id`)
	run(t, ctx, chromedp.Navigate(env.URL+searchStudy+"#"+id))
	if lang := eval[string](t, ctx, `document.documentElement.lang`); lang != "en" {
		t.Fatalf("the English page has lang=%q", lang)
	}
	clickToLoad(t, ctx, `a[data-lang-switch][hreflang="vi"]`, "/vi"+searchStudy)
	if got := eval[string](t, ctx, `location.hash`); got != "#"+id {
		t.Errorf("the switch to Vietnamese lost the section: hash %q, want #%s", got, id)
	}
	if lang := eval[string](t, ctx, `document.documentElement.lang`); lang != "vi" {
		t.Errorf("the Vietnamese page has lang=%q", lang)
	}
	if nav := eval[string](t, ctx, `document.querySelector('.site-header nav').textContent`); !strings.Contains(nav, "Nghiên cứu tình huống") {
		t.Errorf("the Vietnamese page's navigation is not in Vietnamese: %q", nav)
	}
	// The page is either translated or says that it is not.
	translated := eval[bool](t, ctx, `document.querySelector('.lang-notice') === null`)
	if articleLang := eval[string](t, ctx, `document.querySelector('article').lang`); translated == (articleLang == "en") {
		t.Errorf("notice shown: %v, but the article's lang is %q", !translated, articleLang)
	}
	clickToLoad(t, ctx, `a[data-lang-switch][hreflang="en"]`, searchStudy)
	if got := eval[string](t, ctx, `location.hash`); got != "#"+id {
		t.Errorf("the switch back to English lost the section: hash %q", got)
	}
	// Filters survive a switch too.
	run(t, ctx, chromedp.Navigate(env.URL+"/case-studies/?sector=health"))
	waitFor(t, ctx, "the filters", `document.querySelector('[data-count]').textContent !== ''`)
	clickToLoad(t, ctx, `a[data-lang-switch][hreflang="vi"]`, "/vi/case-studies/")
	if got := eval[string](t, ctx, `location.search`); got != "?sector=health" {
		t.Errorf("the switch lost the filter: search %q", got)
	}
}

// TestI18nEmbedInVietnamese runs a simulation on its Vietnamese embed
// page: controls, actions and the description are in Vietnamese, a
// corrected parameter is explained in Vietnamese, and the URL still
// reproduces the state.
func TestI18nEmbedInVietnamese(t *testing.T) {
	ctx := env.Tab(t)
	run(t, ctx, chromedp.Navigate(env.URL+"/vi/embed/bell/?shots=40&seed=9"))
	waitFor(t, ctx, "the sim to be ready", `document.body.dataset.simState === 'ready'`)
	if got := eval[string](t, ctx, `document.querySelector('label[for="sim-shots"]').textContent`); got != "Số lần đo" {
		t.Errorf("the shots control is labelled %q; want Số lần đo", got)
	}
	if got := eval[string](t, ctx, `document.querySelector('button[data-action="measure"]').textContent`); got != "Đo" {
		t.Errorf("the measure button says %q; want Đo", got)
	}
	if got := eval[string](t, ctx, `document.querySelector('button[data-action="embed"]').textContent`); got != "Nhúng" {
		t.Errorf("the embed button says %q; want Nhúng", got)
	}
	desc := eval[string](t, ctx, `document.querySelector('[data-sim-description]').textContent`)
	if !strings.HasPrefix(desc, "Hai qubit ở trạng thái Bell") || !strings.Contains(desc, "40 lần đo") {
		t.Errorf("the description is not in Vietnamese: %q", desc)
	}
	run(t, ctx, chromedp.Click(chromedp.CSS(`button[data-action="measure"]`)))
	waitFor(t, ctx, "the counts", `document.querySelector('[data-sim-description]').textContent.startsWith('Đã đo 40 lần với hạt giống 9')`)
	waitFor(t, ctx, "the state in the URL", `location.search.includes('measured=true')`)
	if p := eval[string](t, ctx, `location.pathname`); p != "/vi/embed/bell/" {
		t.Errorf("the URL left the Vietnamese page: %s", p)
	}
	// Reloading the URL reproduces the same counts, in Vietnamese.
	measured := eval[string](t, ctx, `document.querySelector('[data-sim-description]').textContent`)
	url := eval[string](t, ctx, `location.href`)
	run(t, ctx, chromedp.Navigate(url))
	waitFor(t, ctx, "the sim to be ready again", `document.body.dataset.simState === 'ready'`)
	if again := eval[string](t, ctx, `document.querySelector('[data-sim-description]').textContent`); again != measured {
		t.Errorf("the URL does not reproduce the state:\n%q\n%q", measured, again)
	}
	// A value out of range is corrected, and the message says so in
	// Vietnamese.
	run(t, ctx, chromedp.Navigate(env.URL+"/vi/embed/bell/?shots=1000000000"))
	waitFor(t, ctx, "the sim to be ready", `document.body.dataset.simState === 'ready'`)
	if msg := eval[string](t, ctx, `document.querySelector('[data-sim-message]').textContent`); !strings.Contains(msg, "nằm ngoài khoảng") {
		t.Errorf("the correction is not explained in Vietnamese: %q", msg)
	}
}
