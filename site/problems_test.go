package site

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// baseCase is valid content every problem case starts from.
const baseCase = `---
title: "A valid case study"
summary: "One paragraph for policymakers."
sectors: [climate]
sdgs: [13]
technologies: [quantum]
regions: [Viet Nam]
level: intro
date: 2026-01-02
license: CC BY 4.0
---

## Start

A qubit is here.
`

const baseGlossary = `- term: Qubit
  definition: The unit of quantum information.
`

// baseContent returns valid content: the repository's English catalogue,
// one case study and a glossary.
func baseContent(t testing.TB) fstest.MapFS {
	t.Helper()
	en, err := os.ReadFile("../content/i18n/en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return fstest.MapFS{
		"i18n/en.yaml":          {Data: en},
		"case-studies/valid.md": {Data: []byte(baseCase)},
		"glossary.yaml":         {Data: []byte(baseGlossary)},
		"media/chart.svg":       {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`)},
		"pages/about.md":        {Data: []byte("---\ntitle: About\nsummary: About the site.\n---\n\nText.\n")},
	}
}

// readCase reads a problem case: sections "-- NAME --" holding the
// expected output (want), files to add to the base content (by path), or
// keys to drop from the English catalogue (drop-keys). In want, {sims}
// stands for the names of the catalogue's simulations, which grows.
func readCase(t *testing.T, file string) (want string, files map[string]string, drop []string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	files = map[string]string{}
	var name string
	var body strings.Builder
	flush := func() {
		switch name {
		case "":
		case "want":
			want = strings.ReplaceAll(strings.TrimSpace(body.String()), "{sims}", simNames())
		case "drop-keys":
			drop = strings.Fields(body.String())
		default:
			files[name] = body.String()
		}
		body.Reset()
	}
	for _, line := range strings.SplitAfter(string(data), "\n") {
		if strings.HasPrefix(line, "-- ") && strings.HasSuffix(strings.TrimSpace(line), " --") {
			flush()
			name = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(line), "-- "), " --")
			continue
		}
		if name != "" {
			body.WriteString(line)
		}
	}
	flush()
	if want == "" {
		t.Fatalf("%s has no -- want -- section", file)
	}
	return want, files, drop
}

// TestProblems checks, for each kind of content error, the exact
// messages Check reports, and that Build reports the same and writes
// nothing.
func TestProblems(t *testing.T) {
	cases, err := filepath.Glob("testdata/problems/*.txt")
	if err != nil || len(cases) == 0 {
		t.Fatalf("no problem cases: %v", err)
	}
	for _, file := range cases {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txt"), func(t *testing.T) {
			want, files, drop := readCase(t, file)
			content := baseContent(t)
			for p, data := range files {
				content[p] = &fstest.MapFile{Data: []byte(data)}
			}
			if len(drop) > 0 {
				var kept []string
				for _, line := range strings.Split(string(content["i18n/en.yaml"].Data), "\n") {
					key, _, _ := strings.Cut(line, ":")
					if !contains(drop, key) {
						kept = append(kept, line)
					}
				}
				content["i18n/en.yaml"] = &fstest.MapFile{Data: []byte(strings.Join(kept, "\n"))}
			}
			cfg := Config{Content: content, ContentPath: "content", Out: filepath.Join(t.TempDir(), "public")}
			err := Check(cfg)
			var probs Problems
			if !errors.As(err, &probs) {
				t.Fatalf("Check: got %v, want problems", err)
			}
			if got := probs.Error(); got != want {
				t.Errorf("Check reported:\n%s\nwant:\n%s", got, want)
			}
			if err := Build(cfg); err == nil || err.Error() != want {
				t.Errorf("Build reported:\n%v\nwant:\n%s", err, want)
			}
			if _, err := os.Stat(cfg.Out); !os.IsNotExist(err) {
				t.Errorf("Build wrote %s despite problems", cfg.Out)
			}
		})
	}
}

// TestBaseContentIsValid guards the problem cases: each must fail only
// because of what it adds.
func TestBaseContentIsValid(t *testing.T) {
	if err := Check(Config{Content: baseContent(t)}); err != nil {
		t.Fatal(err)
	}
}
