package site

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzCaseStudy feeds arbitrary files through the front-matter decoder
// and the Markdown renderer with every extension: bad content must give
// problems, never a crash. The seed corpus is in testdata/fuzz.
func FuzzCaseStudy(f *testing.F) {
	f.Add([]byte(baseCase))
	for _, p := range []string{"../content/case-studies/*.md", "../content/pathways/*.md", "testdata/problems/*.txt"} {
		files, _ := filepath.Glob(p)
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil {
				f.Add(data)
			}
		}
	}
	s, err := newSite(Config{Content: baseContent(f)})
	if err != nil {
		f.Fatal(err)
	}
	cats, _ := loadCatalogues(s.cfg.Content)
	s.cats, s.cat = cats, cats[defaultLang]
	if err := s.loadTemplates(); err != nil {
		f.Fatal(err)
	}
	if err := s.loadContent(); err != nil {
		f.Fatal(err)
	}
	s.md = s.markdown()
	f.Fuzz(func(t *testing.T, data []byte) {
		c, probs := loadCaseStudy("case-studies/fuzz.md", data)
		for _, p := range probs {
			if p.Msg == "" {
				t.Errorf("problem without a message at line %d", p.Line)
			}
		}
		if c == nil {
			return
		}
		for _, p := range s.renderBody(&c.page) {
			if p.Line < 0 || p.Msg == "" {
				t.Errorf("bad problem %+v", p)
			}
		}
	})
}
