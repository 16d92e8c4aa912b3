package e2e

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"nexuslab/sim/composer"
	"nexuslab/sim/learn/dataset"
	"nexuslab/sim/playground"
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

// TestI18nEmbedErrorsAndChoices checks the rest of a simulation's text on
// its Vietnamese embed page: a broken program or circuit in the URL is
// explained in Vietnamese, by its control or in the message, and a
// choice control shows Vietnamese labels while its values stay the
// English ones URLs hold.
func TestI18nEmbedErrorsAndChoices(t *testing.T) {
	ctx := env.Tab(t)
	program := "OPENQASM 2.0;\nqreg q[2];\nh q[0];\n"
	run(t, ctx, chromedp.Navigate(env.URL+"/vi/embed/"+composer.Name+"/?qasm="+url.QueryEscape(program)))
	waitFor(t, ctx, "the composer to be ready", `document.body.dataset.simState === 'ready'`)
	const qasmErr = `circuit.qasm, dòng 3, cột 1: cổng h không xác định (cổng này nằm trong qelib1.inc: hãy thêm include "qelib1.inc"; sau dòng OPENQASM)`
	if got := eval[string](t, ctx, `(document.getElementById('sim-qasm-error') || {}).textContent`); got != qasmErr {
		t.Errorf("the error by the program\ngot:  %q\nwant: %q", got, qasmErr)
	}
	if d := eval[string](t, ctx, `document.querySelector('[data-sim-description]').textContent`); !strings.HasPrefix(d, "Không nhập được chương trình OpenQASM: "+qasmErr+". Mạch vẫn giữ nguyên.") {
		t.Errorf("the description does not explain the error in Vietnamese: %q", d)
	}

	// The circuit is a hidden parameter: its error is in the message.
	run(t, ctx, chromedp.Navigate(env.URL+"/vi/embed/"+composer.Name+"/?qubits=2&circuit=0_h_0+1_zz_1"))
	waitFor(t, ctx, "the composer to be ready", `document.body.dataset.simState === 'ready'`)
	const circuitErr = `circuit: "1_zz_1": "zz" không phải là cổng mà trình mô phỏng biết`
	if got := eval[string](t, ctx, `document.querySelector('[data-sim-message]').textContent`); got != circuitErr {
		t.Errorf("the message about the circuit\ngot:  %q\nwant: %q", got, circuitErr)
	}

	run(t, ctx, chromedp.Navigate(env.URL+"/vi/embed/"+playground.Name+"/"))
	waitFor(t, ctx, "the playground to be ready", `document.body.dataset.simState === 'ready'`)
	options := func() (values, labels []string) {
		t.Helper()
		for _, o := range eval[[][2]string](t, ctx, `[...document.querySelectorAll('select[name="dataset"] option')].map(o => [o.value, o.textContent])`) {
			values, labels = append(values, o[0]), append(labels, o[1])
		}
		return values, labels
	}
	values, labels := options()
	if want := dataset.PlaneNames(); !slices.Equal(values, want) {
		t.Errorf("data set values got: %q want: %q", values, want)
	}
	if want := []string{"Hình tròn", "XOR (hoặc loại trừ)", "Hai cụm Gauss", "Xoắn ốc", "Mặt phẳng (hồi quy)", "Các đỉnh Gauss (hồi quy)", "Cây trồng thiếu nước"}; !slices.Equal(labels, want) {
		t.Errorf("data set labels got: %q want: %q", labels, want)
	}
	// Choosing a label puts its value in the URL.
	run(t, ctx, chromedp.Evaluate[chromedp.Void](`(() => { const s = document.querySelector('select[name="dataset"]'); s.value = 'spiral'; s.dispatchEvent(new Event('change', {bubbles: true})) })()`))
	waitFor(t, ctx, "the data set in the URL", `new URLSearchParams(location.search).get('dataset') === 'spiral'`)
	if d := eval[string](t, ctx, `document.querySelector('[data-sim-description]').textContent`); !strings.Contains(d, "Xoắn ốc") {
		t.Errorf("the description does not name the data set in Vietnamese: %q", d)
	}

	// The English page shows the English labels over the same values.
	run(t, ctx, chromedp.Navigate(env.URL+"/embed/"+playground.Name+"/"))
	waitFor(t, ctx, "the playground to be ready", `document.body.dataset.simState === 'ready'`)
	values, labels = options()
	if !slices.Equal(values, dataset.PlaneNames()) || labels[0] != "Circle" || labels[1] != "Exclusive or" {
		t.Errorf("English data set options got: %q %q", values, labels)
	}
}
