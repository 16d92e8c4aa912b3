package site

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// buildRepo builds the repository's content without the simulation
// program and returns the output folder.
func buildRepo(t *testing.T) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if err := Build(Config{Content: os.DirFS("../content"), ContentPath: "content", Out: out, BaseURL: "https://nexus.example"}); err != nil {
		t.Fatalf("build the repository's content:\n%v", err)
	}
	return out
}

var (
	hrefRe   = regexp.MustCompile(`\s(?:href|src)="(/[^"]*)"`)
	styleRe  = regexp.MustCompile(`<[^>]*\sstyle=`)
	scriptRe = regexp.MustCompile(`<script(?:\s[^>]*)?>`)
)

// TestBuildRepository builds content/ and checks what every page must
// hold: a language, one main landmark and one h1, no inline style or
// script (the security policy forbids them), and internal links that
// resolve, the templates' own included.
func TestBuildRepository(t *testing.T) {
	out := buildRepo(t)
	pages := 0
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		pages++
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		html := string(data)
		lang := "en"
		if strings.HasPrefix(filepath.ToSlash(rel), "vi/") {
			lang = "vi"
		}
		if !strings.Contains(html, `<html lang="`+lang+`"`) {
			t.Errorf("%s: no lang attribute", rel)
		}
		if strings.Count(html, "<main") != 1 || strings.Count(html, "<h1") != 1 {
			t.Errorf("%s: want one <main> and one <h1>", rel)
		}
		if m := styleRe.FindString(html); m != "" {
			t.Errorf("%s: inline style in %s", rel, m)
		}
		for _, m := range scriptRe.FindAllString(html, -1) {
			// A JSON data block is not executed: CSP allows it.
			if !strings.Contains(m, " src=") && !strings.Contains(m, ` type="application/json"`) {
				t.Errorf("%s: inline script %s", rel, m)
			}
		}
		for _, m := range hrefRe.FindAllStringSubmatch(html, -1) {
			target := strings.SplitN(strings.SplitN(m[1], "#", 2)[0], "?", 2)[0]
			if strings.HasSuffix(target, "/") {
				target += "index.html"
			}
			if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(target))); err != nil {
				t.Errorf("%s links to %s, which the build did not write", rel, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 10 {
		t.Errorf("built %d pages; want every kind of page", pages)
	}
	for _, p := range []string{
		"index.html", "404.html", "case-studies/index.html", "sectors/index.html", "sectors/health/index.html",
		"sdgs/16/index.html", "technologies/quantum/index.html", "regions/southeast-asia/index.html",
		"levels/intro/index.html", "pathways/index.html", "pathways/quantum-basics-for-policymakers/index.html",
		"glossary/index.html", "sims/index.html", "embed/bell/index.html", "oembed/bell.json", "about/index.html",
		"search/index.html", "feed.xml", "sitemap.xml", "robots.txt",
	} {
		if _, err := os.Stat(filepath.Join(out, p)); err != nil {
			t.Errorf("missing %s", p)
		}
	}
}

// TestFeedsAndOEmbed checks the machine-readable files: the feed and
// sitemap parse as XML and list the case study, and the oEmbed response
// carries the same snippet as the gallery, which the embed page
// announces.
func TestFeedsAndOEmbed(t *testing.T) {
	out := buildRepo(t)
	read := func(p string) []byte {
		data, err := os.ReadFile(filepath.Join(out, p))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	const study = "https://nexus.example/case-studies/entanglement-secure-public-services/"
	var feed atomFeed
	if err := xml.Unmarshal(read("feed.xml"), &feed); err != nil {
		t.Fatalf("feed.xml: %v", err)
	}
	listed := false
	for _, e := range feed.Entries {
		listed = listed || e.ID == study && e.Link.Href == study && e.Summary != ""
	}
	if !listed {
		t.Errorf("feed.xml does not list %s", study)
	}
	var sm struct {
		URLs []string `xml:"url>loc"`
	}
	if err := xml.Unmarshal(read("sitemap.xml"), &sm); err != nil {
		t.Fatalf("sitemap.xml: %v", err)
	}
	if !contains(sm.URLs, study) || !contains(sm.URLs, "https://nexus.example/") {
		t.Errorf("sitemap.xml lacks the home page or %s: %v", study, sm.URLs)
	}
	if !bytes.Contains(read("robots.txt"), []byte("Sitemap: https://nexus.example/sitemap.xml")) {
		t.Error("robots.txt does not point to the sitemap")
	}
	var oe oEmbed
	if err := json.Unmarshal(read("oembed/bell.json"), &oe); err != nil {
		t.Fatalf("oembed/bell.json: %v", err)
	}
	if oe.Version != "1.0" || oe.Type != "rich" || oe.Width != embedWidth || oe.Height != embedHeight {
		t.Errorf("oEmbed response %+v", oe)
	}
	for _, want := range []string{`src="https://nexus.example/embed/bell/"`, `title="Bell pair simulation"`, `loading="lazy"`, `width="800"`, `height="520"`} {
		if !strings.Contains(oe.HTML, want) {
			t.Errorf("oEmbed html %s lacks %s", oe.HTML, want)
		}
	}
	if !bytes.Contains(read("sims/index.html"), []byte(templateEscape(oe.HTML))) {
		t.Error("the gallery's snippet differs from the oEmbed html")
	}
	if !bytes.Contains(read("embed/bell/index.html"), []byte(`<link rel="alternate" type="application/json+oembed" href="https://nexus.example/oembed/bell.json"`)) {
		t.Error("the embed page has no oEmbed discovery link")
	}
}

func templateEscape(s string) string {
	r := strings.NewReplacer(`<`, "&lt;", `>`, "&gt;", `"`, "&#34;")
	return r.Replace(s)
}

// TestCaseStudyWeight holds a case study to the budget: HTML, CSS and
// JavaScript at most 60 KB with brotli, before any simulation loads.
func TestCaseStudyWeight(t *testing.T) {
	out := buildRepo(t)
	n, err := PageWeight(out, "case-studies/entanglement-secure-public-services/index.html")
	if err != nil {
		t.Fatal(err)
	}
	if n > 60<<10 {
		t.Errorf("case study weighs %d bytes compressed; the budget is 60 KB", n)
	}
}

// TestReproducible builds twice and compares every file: a build
// depends only on its input.
func TestReproducible(t *testing.T) {
	a, b := buildRepo(t), buildRepo(t)
	err := filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, p)
		x, _ := os.ReadFile(p)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two builds", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestCheckWritesNothing runs Check on the repository's content.
func TestCheckWritesNothing(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := Check(Config{Content: os.DirFS("../content"), Out: out}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("Check wrote %s", out)
	}
}

// TestTranslationCatalogue checks another language against English:
// missing keys (warnings), keys English lacks and changed placeholders
// (problems).
func TestTranslationCatalogue(t *testing.T) {
	content := baseContent(t)
	var vi strings.Builder
	for _, line := range strings.Split(string(content["i18n/en.yaml"].Data), "\n") {
		key, _, _ := strings.Cut(line, ":")
		switch key {
		case "nav.skip":
			continue
		case "list.showing.other":
			vi.WriteString("list.showing.other: \"nhiều nghiên cứu\"\n")
			continue
		}
		vi.WriteString(line + "\n")
	}
	vi.WriteString("nav.home: Trang chủ\n")
	content["i18n/vi.yaml"] = &fstest.MapFile{Data: []byte(vi.String())}
	var probs Problems
	var warns Problems
	if !errors.As(Check(Config{Content: content, Warn: func(p Problem) { warns = append(warns, p) }}), &probs) {
		t.Fatal("Check accepted an incomplete translation")
	}
	// A missing key is a warning: pages show its English text until it
	// is translated.
	if want := `i18n/vi.yaml: missing translation key "nav.skip": pages show its English text`; !strings.Contains(warns.Error(), want) {
		t.Errorf("warnings lack %q:\n%s", want, warns.Error())
	}
	got := probs.Error()
	for _, want := range []string{
		`: "list.showing.other" must keep the placeholders of English: %d`,
		`: unknown key "nav.home": i18n/en.yaml has no such key`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
}
