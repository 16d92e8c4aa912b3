package site

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"nexuslab/sim/catalog"
)

// searchEntry is one document of the search index. Short keys keep the
// index small: it is downloaded when a reader first searches.
type searchEntry struct {
	Title   string `json:"t"`
	URL     string `json:"u"`
	Summary string `json:"s"`
	Kind    string `json:"k"` // shown beside the result
	Words   string `json:"w"` // the text's distinct words, lower case
}

// writeSearchIndex builds the index of case studies, pathways, pages,
// glossary terms and simulations, and adds it as a fingerprinted asset.
func (s *site) writeSearchIndex() error {
	var idx []searchEntry
	var texts []string // the text of each entry, its words taken below
	add := func(kind, title, url, summary, text string) {
		idx = append(idx, searchEntry{Title: title, URL: url, Summary: summary, Kind: s.cat.T("search.kind." + kind)})
		texts = append(texts, title+" "+summary+" "+text)
	}
	for _, c := range s.studies {
		add("case-study", c.Meta.Title, c.URL, c.Meta.Summary, c.Text+" "+strings.Join(c.Meta.Regions, " "))
	}
	for _, p := range s.pathways {
		add("pathway", p.Meta.Title, p.URL, p.Meta.Summary, p.Text)
	}
	for _, p := range s.pages {
		add("page", p.Meta.Title, p.URL, p.Meta.Summary, p.Text)
	}
	for _, t := range s.gloss.terms {
		add("glossary", t.Term, s.lang.localize("/glossary/#"+t.ID), plainText(string(t.Definition)), strings.Join(t.Also, " "))
	}
	for _, e := range catalog.All() {
		add("sim", s.pr.Sprintf(e.Title), s.lang.localize("/embed/"+e.Name+"/"), s.pr.Sprintf(e.Summary), e.Name)
	}
	// The entries are encoded in parallel, then joined as json.Marshal
	// joins the elements of a list.
	parts := make([][]byte, len(idx))
	err := parallel(len(idx), func(i int) error {
		idx[i].Words = words(texts[i])
		var err error
		parts[i], err = json.Marshal(idx[i])
		return err
	})
	if err != nil {
		return fmt.Errorf("site: search index: %w", err)
	}
	data := append(append([]byte{'['}, bytes.Join(parts, []byte{','})...), ']')
	s.addAsset(s.searchIndexName(), data)
	return nil
}

var (
	annotationRe = regexp.MustCompile(`(?s)<annotation[^>]*>.*?</annotation>`)
	tagRe        = regexp.MustCompile(`<[^>]*>`)
)

// plainText returns the text of rendered HTML on one line.
func plainText(h string) string {
	h = tagRe.ReplaceAllString(annotationRe.ReplaceAllString(h, ""), "")
	return strings.Join(strings.Fields(html.UnescapeString(h)), " ")
}

// words returns the distinct words of text in lower case, sorted and
// joined by spaces, so that a prefix search of " "+query finds them.
func words(text string) string {
	var out []string
	for w := range strings.FieldsFuncSeq(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
	}) {
		if w = strings.Trim(w, "-"); len([]rune(w)) >= 2 {
			out = append(out, w)
		}
	}
	slices.Sort(out)
	return strings.Join(slices.Compact(out), " ")
}
