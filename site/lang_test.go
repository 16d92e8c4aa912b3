package site

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// viContent is the base content with the repository's Vietnamese
// catalogues, and a translation of the case study when translated is set.
func viContent(t *testing.T, translated bool) fstest.MapFS {
	t.Helper()
	content := baseContent(t)
	for _, f := range []string{"i18n/vi.yaml", "i18n/sims/vi.yaml"} {
		data, err := os.ReadFile("../content/" + f)
		if err != nil {
			t.Fatal(err)
		}
		content[f] = &fstest.MapFile{Data: data}
	}
	if translated {
		content["case-studies/valid.vi.md"] = &fstest.MapFile{Data: []byte(`---
title: "Một nghiên cứu tình huống hợp lệ"
summary: "Một đoạn cho nhà hoạch định chính sách."
regions: [Việt Nam]
---

## Bắt đầu

Một qubit ở đây. Xem [giới thiệu](/about/) và ::sim[bell]{shots=10}

::sim[bell]{shots=10}
`)}
		content["glossary.vi.yaml"] = &fstest.MapFile{Data: []byte("- en: Qubit\n  term: qubit\n  definition: Đơn vị của thông tin lượng tử.\n")}
	}
	return content
}

// buildSite builds content into a temporary folder and returns it with
// the warnings.
func buildSite(t *testing.T, content fstest.MapFS) (string, []string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	var warns []string
	err := Build(Config{Content: content, Out: out, NoCompress: true, Warn: func(p Problem) { warns = append(warns, p.Error()) }})
	if err != nil {
		t.Fatal(err)
	}
	return out, warns
}

func readOut(t *testing.T, out, p string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(p)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestLanguagesMirrorEveryPage builds the real content and checks that
// every kind of page exists in Vietnamese, says so, and links to its
// English twin.
func TestLanguagesMirrorEveryPage(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := Build(Config{Content: os.DirFS("../content"), Out: out, NoCompress: true}); err != nil {
		t.Fatal(err)
	}
	pages := map[string]string{
		"home": "index.html", "listing": "case-studies/index.html", "taxonomy": "sectors/index.html",
		"term": "sectors/health/index.html", "case study": "case-studies/qubits-measurement-bloch-sphere/index.html",
		"pathways": "pathways/index.html", "pathway": "pathways/quantum-basics-for-policymakers/index.html",
		"glossary": "glossary/index.html", "gallery": "sims/index.html", "embed": "embed/bell/index.html",
		"search": "search/index.html", "page": "about/index.html", "404": "404.html",
	}
	for kind, p := range pages {
		en, vi := readOut(t, out, p), readOut(t, out, "vi/"+p)
		if !strings.Contains(vi, `<html lang="vi"`) {
			t.Errorf("%s: /vi/%s lacks lang=\"vi\"", kind, p)
		}
		if !strings.Contains(en, `<html lang="en"`) {
			t.Errorf("%s: /%s lacks lang=\"en\"", kind, p)
		}
		if kind == "404" {
			continue
		}
		enURL := "http://localhost:8080/" + strings.TrimSuffix(p, "index.html")
		viURL := "http://localhost:8080/vi/" + strings.TrimSuffix(p, "index.html")
		for _, page := range []string{en, vi} {
			for _, want := range []string{
				`<link rel="alternate" hreflang="en" href="` + enURL + `">`,
				`<link rel="alternate" hreflang="x-default" href="` + enURL + `">`,
			} {
				if !strings.Contains(page, want) {
					t.Errorf("%s: a version of %s lacks %s", kind, p, want)
				}
			}
		}
		if kind != "embed" && !strings.Contains(en, `href="/vi/`+strings.TrimSuffix(p, "index.html")+`" hreflang="vi" lang="vi" data-lang-switch>Tiếng Việt</a>`) {
			t.Errorf("%s: /%s has no switch to its Vietnamese twin", kind, p)
		}
		if kind != "embed" && !strings.Contains(vi, `href="/`+strings.TrimSuffix(p, "index.html")+`" hreflang="en" lang="en" data-lang-switch>English</a>`) {
			t.Errorf("%s: /vi/%s has no switch to its English twin", kind, p)
		}
		if strings.Contains(vi, `hreflang="vi"`) != strings.Contains(vi, `<link rel="alternate" hreflang="vi" href="`+viURL+`">`) {
			t.Errorf("%s: /vi/%s names another page as its Vietnamese version", kind, p)
		}
	}
	// Links inside Vietnamese pages stay in Vietnamese.
	home := readOut(t, out, "vi/index.html")
	for _, want := range []string{`href="/vi/case-studies/"`, `href="/vi/pathways/"`, `<a class="brand" href="/vi/">`} {
		if !strings.Contains(home, want) {
			t.Errorf("/vi/ lacks %s", want)
		}
	}
	if regexp.MustCompile(`href="/(case-studies|pathways|sims|glossary|search|about)/`).MatchString(home) {
		t.Error("/vi/ links to an English page outside the language switcher")
	}
	// Each language searches its own index.
	if en, vi := readOut(t, out, "search/index.html"), readOut(t, out, "vi/search/index.html"); !strings.Contains(vi, "/assets/search.vi.") || strings.Contains(en, "/assets/search.vi.") {
		t.Error("the Vietnamese search page does not use its own index")
	}
	// The Vietnamese embed page carries the simulations' text for the
	// browser program, and its static text is Vietnamese already.
	embed := readOut(t, out, "vi/embed/bell/index.html")
	m := regexp.MustCompile(`(?s)<script type="application/json" id="sim-messages">(.*?)</script>`).FindStringSubmatch(embed)
	if m == nil {
		t.Fatal("/vi/embed/bell/ carries no sim-messages")
	}
	var msgs map[string]string
	if err := json.Unmarshal([]byte(m[1]), &msgs); err != nil {
		t.Fatalf("sim-messages is not JSON: %v", err)
	}
	if msgs["Measure"] != "Đo" {
		t.Errorf("sim-messages[Measure] = %q; want Đo", msgs["Measure"])
	}
	if !strings.Contains(embed, "Hai qubit ở trạng thái Bell") || !strings.Contains(embed, "<h1 id=\"sim-h\">Cặp Bell</h1>") {
		t.Error("/vi/embed/bell/ does not describe the simulation in Vietnamese")
	}
	if strings.Contains(readOut(t, out, "embed/bell/index.html"), "sim-messages") {
		t.Error("the English embed page carries translations")
	}
	// One sitemap lists both languages.
	if sm := readOut(t, out, "sitemap.xml"); !strings.Contains(sm, "/vi/case-studies/") || !strings.Contains(sm, "/case-studies/") {
		t.Error("the sitemap does not list both languages")
	}
}

// TestFallbackNotice checks a page without a translation: shown in
// English under /vi/ with a notice, marked lang="en", not announced as
// Vietnamese, and reported as a warning.
func TestFallbackNotice(t *testing.T) {
	out, warns := buildSite(t, viContent(t, false))
	vi := readOut(t, out, "vi/case-studies/valid/index.html")
	for _, want := range []string{
		`<p class="lang-notice" role="note">Trang này chưa được dịch sang tiếng Việt`,
		`<article class="case-study" lang="en">`,
		`<h1>A valid case study</h1>`,
		`<a class="brand" href="/vi/">`,
	} {
		if !strings.Contains(vi, want) {
			t.Errorf("/vi/case-studies/valid/ lacks %s", want)
		}
	}
	if strings.Contains(vi, `hreflang="vi" href=`) {
		t.Error("an untranslated page announces a Vietnamese version")
	}
	if en := readOut(t, out, "case-studies/valid/index.html"); strings.Contains(en, "lang-notice") || strings.Contains(en, `hreflang="vi" href=`) {
		t.Error("the English page shows the notice or announces a Vietnamese version that does not exist")
	}
	if !strings.Contains(strings.Join(warns, "\n"), `case-studies/valid.vi.md: not translated into Tiếng Việt`) {
		t.Errorf("no warning for the untranslated case study:\n%s", strings.Join(warns, "\n"))
	}
}

// TestTranslatedPage checks a translated case study and glossary term.
func TestTranslatedPage(t *testing.T) {
	out, warns := buildSite(t, viContent(t, true))
	vi := readOut(t, out, "vi/case-studies/valid/index.html")
	for _, want := range []string{
		`<h1>Một nghiên cứu tình huống hợp lệ</h1>`,
		`<article class="case-study">`,
		`<link rel="alternate" hreflang="vi" href="http://localhost:8080/vi/case-studies/valid/">`,
		`href="/vi/about/"`,                     // a Markdown link, to the same page in Vietnamese
		`href="/vi/glossary/#qubit"`,            // the glossary term, linked in Vietnamese
		`href="/vi/regions/viet-nam/">Việt Nam`, // the region's name translated, its URL kept
		`data-embed="/vi/embed/bell/?shots=10"`,
		`Xác suất của mỗi kết quả`, // the preview drawn in Vietnamese
	} {
		if !strings.Contains(vi, want) {
			t.Errorf("/vi/case-studies/valid/ lacks %s", want)
		}
	}
	if strings.Contains(vi, "lang-notice") {
		t.Error("a translated page shows the fallback notice")
	}
	if en := readOut(t, out, "case-studies/valid/index.html"); !strings.Contains(en, `<link rel="alternate" hreflang="vi" href="http://localhost:8080/vi/case-studies/valid/">`) {
		t.Error("the English page does not announce its translation")
	}
	if g := readOut(t, out, "vi/glossary/index.html"); !strings.Contains(g, `<dt id="qubit">qubit</dt>`) || !strings.Contains(g, "Đơn vị của thông tin lượng tử.") {
		t.Error("the Vietnamese glossary lacks the translated term under its English anchor")
	}
	if strings.Contains(strings.Join(warns, "\n"), "valid.vi.md") {
		t.Errorf("a translated page is reported untranslated:\n%s", strings.Join(warns, "\n"))
	}
}

// TestTranslationProblems checks what fails a build: a translation of a
// page that does not exist, regions that do not match, and a simulation
// translation that changes placeholders.
func TestTranslationProblems(t *testing.T) {
	content := viContent(t, true)
	content["case-studies/gone.vi.md"] = &fstest.MapFile{Data: []byte("---\ntitle: T\nsummary: S\n---\n\nText.\n")}
	content["case-studies/valid.vi.md"].Data = []byte(strings.Replace(string(content["case-studies/valid.vi.md"].Data), "regions: [Việt Nam]", "regions: [Việt Nam, Lào]", 1))
	content["i18n/sims/vi.yaml"].Data = []byte(strings.Replace(string(content["i18n/sims/vi.yaml"].Data), `"Counts in %d shots": "Số lần xuất hiện trong %d lần đo"`, `"Counts in %d shots": "Số lần đếm"`, 1))
	var probs Problems
	if !errors.As(Check(Config{Content: content}), &probs) {
		t.Fatal("Check accepted broken translations")
	}
	got := probs.Error()
	for _, want := range []string{
		`case-studies/gone.vi.md: translation of case-studies/gone.md, which does not exist`,
		`case-studies/valid.vi.md:4: regions must name the 1 regions of case-studies/valid.md`,
		`the translation of "Counts in %d shots" must keep its placeholders: %d`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
}

// TestSimKeysWarnings checks that keys the simulations print without a
// translation, and translations no simulation uses, are warnings.
func TestSimKeysWarnings(t *testing.T) {
	content := viContent(t, false)
	var warns []string
	cfg := Config{Content: content, SimKeys: []string{"A key nobody translated %d"}, Warn: func(p Problem) { warns = append(warns, p.Error()) }}
	content["i18n/sims/vi.yaml"].Data = append(content["i18n/sims/vi.yaml"].Data, []byte("\"Gone from every simulation\": \"Đã bỏ\"\n")...)
	if err := Check(cfg); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(warns, "\n")
	for _, want := range []string{
		`i18n/sims/vi.yaml:1: missing translation of "A key nobody translated %d"`,
		`"Gone from every simulation" is not printed by any simulation: remove it`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("warnings lack %q:\n%s", want, got)
		}
	}
}
