package site

import (
	"fmt"
	"html/template"
	"slices"
	"strings"

	"nexuslab/site/markup"
)

// GlossaryEntry is one term of content/glossary.yaml.
type GlossaryEntry struct {
	Term       string   `yaml:"term"`
	Also       []string `yaml:"also"` // other forms linked to it, such as a plural
	Definition string   `yaml:"definition"`
	See        []string `yaml:"see"` // related terms, by term
}

// glossaryTerm is an entry ready to show.
type glossaryTerm struct {
	GlossaryEntry
	ID         string
	Definition template.HTML
	See        []glossaryRef
	path       string // YAML path, for problems
	// Lang is the language of the entry's text: a glossary in another
	// language keeps the English entries it does not translate.
	Lang string
}

type glossaryRef struct{ Term, ID string }

// glossary is the whole glossary, sorted by term.
type glossary struct {
	file  string
	terms []*glossaryTerm
	doc   *yamlDoc
}

// glossaryFile is where the glossary lives in the content folder.
const glossaryFile = "glossary.yaml"

// loadGlossary reads and validates the glossary. A missing file is an
// empty glossary.
func loadGlossary(src []byte) (*glossary, Problems) {
	g := &glossary{file: glossaryFile}
	if src == nil {
		return g, nil
	}
	var entries []GlossaryEntry
	d, ok := decodeYAML(glossaryFile, src, 0, &entries)
	g.doc = d
	if !ok {
		return g, d.list
	}
	byID := map[string]string{}
	forms := map[string]string{}
	for i, e := range entries {
		at := fmt.Sprintf("[%d]", i)
		id := slugify(e.Term)
		if strings.TrimSpace(e.Term) == "" || id == "" {
			d.at(at, "entry %d needs a term", i+1)
			continue
		}
		if strings.TrimSpace(e.Definition) == "" {
			d.at(at+".definition", "%q needs a definition", e.Term)
		}
		if prev, dup := byID[id]; dup {
			d.at(at+".term", "%q is already defined as %q", e.Term, prev)
			continue
		}
		byID[id] = e.Term
		for _, f := range append([]string{e.Term}, e.Also...) {
			k := strings.ToLower(strings.TrimSpace(f))
			if other, dup := forms[k]; dup && other != e.Term {
				d.at(at, "%q links to both %q and %q", f, other, e.Term)
			}
			forms[k] = e.Term
		}
		g.terms = append(g.terms, &glossaryTerm{GlossaryEntry: e, ID: id, path: at})
	}
	for _, t := range g.terms {
		for j, s := range t.GlossaryEntry.See {
			id := slugify(s)
			if _, ok := byID[id]; !ok {
				d.at(fmt.Sprintf("%s.see[%d]", t.path, j), "%q refers to %q, which the glossary does not define", t.Term, s)
				continue
			}
			t.See = append(t.See, glossaryRef{Term: byID[id], ID: id})
		}
	}
	slices.SortFunc(g.terms, func(a, b *glossaryTerm) int {
		return strings.Compare(strings.ToLower(a.Term), strings.ToLower(b.Term))
	})
	return g, d.list
}

// linkTerms returns the terms for the Markdown converter to link.
func (g *glossary) linkTerms(prefix string) []markup.Term {
	var ts []markup.Term
	for _, t := range g.terms {
		ts = append(ts, markup.Term{Forms: append([]string{t.Term}, t.Also...), URL: prefix + "/glossary/#" + t.ID})
	}
	return ts
}
