package site

import "strings"

// PageMeta is the YAML header of a plain page such as content/pages/about.md.
type PageMeta struct {
	Title   string `yaml:"title"`
	Summary string `yaml:"summary"`
}

// PlainPage is a page of prose at /SLUG/.
type PlainPage struct {
	page
	Meta PageMeta
}

// reserved are the first path elements the site itself uses.
var reserved = []string{
	"assets", "case-studies", "pathways", "glossary", "sims", "embed", "oembed", "search",
	"media", "sectors", "sdgs", "technologies", "regions", "levels", "404",
}

// loadPlainPage reads and validates one plain page.
func loadPlainPage(file string, src []byte) (*PlainPage, Problems) {
	p, head, probs := splitFrontMatter(file, src, "/")
	if p == nil {
		return nil, probs
	}
	pp := &PlainPage{page: *p}
	d, ok := decodeYAML(file, head, 1, &pp.Meta)
	pp.meta = d
	if ok {
		if strings.TrimSpace(pp.Meta.Title) == "" {
			d.at("title", "title is required")
		}
		if strings.TrimSpace(pp.Meta.Summary) == "" {
			d.at("summary", "summary is required: one sentence for search results and link previews")
		}
		if contains(reserved, pp.Slug) {
			d.add(0, "the name %q is taken by the site's own pages: rename the file", pp.Slug)
		}
	}
	probs = append(probs, d.list...)
	if !ok {
		return nil, probs
	}
	return pp, probs
}
