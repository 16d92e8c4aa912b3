package site

import (
	"fmt"
	"html/template"
	"slices"
	"strings"

	"nexuslab/sim/catalog"
)

// pageData is what every page template receives.
type pageData struct {
	Title       string
	Description string
	Path        string
	Lang        string
	OGType      string // website or article
	Section     string // the main navigation entry the page belongs to
	Wasm        WasmInfo
	Content     any
	// Alternates is the page in every language, for the language
	// switcher and the hreflang links.
	Alternates []alternate
	// TextLang is the language of the page's own text when it differs
	// from Lang: a page not yet translated shows its English text, with a
	// notice.
	TextLang string
	// SimMessages are the simulations' text in Lang, for the embed page
	// to hand to the browser program; nil in English.
	SimMessages map[string]string
}

// data returns what a page template needs. p is the page's English path
// or its path in the site's language.
func (s *site) data(title, desc, p, section string, content any) pageData {
	p = s.lang.localize(p)
	return pageData{Title: title, Description: desc, Path: p, Lang: s.lang.Code, OGType: "website", Section: section, Wasm: s.wasm, Content: content, Alternates: s.alternates(p)}
}

// textData returns data for a page written in Markdown, noting when its
// text is not in the site's language.
func (s *site) textData(pg *page, title, desc, section string, content any) pageData {
	d := s.data(title, desc, pg.URL, section, content)
	if l := pg.textLang(); l != s.lang.Code {
		d.TextLang = l
	}
	return d
}

// card is a case study as listings show it.
type card struct {
	*CaseStudy
	Terms   []*term           // its sectors and technologies, linked
	Filters map[string]string // data-* attributes for the filters
	HTML    template.HTML     // the card rendered once, for every listing
}

// facetTerms is one taxonomy's terms for one case study.
type facetTerms struct {
	Title string
	URL   string
	Terms []*term
}

// studyPage is a case study page.
type studyPage struct {
	*CaseStudy
	Facts    []facetTerms
	Pathways []pathwayRef
}

// pathwayRef places a case study in a pathway.
type pathwayRef struct {
	Title      string
	URL        string
	Step, Of   int
	Next       *pathwayStep
	NextIsLast bool
}

// listPage is the listing of case studies, whole or for one term.
type listPage struct {
	Heading string
	Intro   string
	Cards   []*card
	Facets  []*facet
	Current *term  // the term of a term page, nil on the full listing
	Facet   *facet // the taxonomy of Current
	Total   int
}

// galleryEntry is a simulation in the gallery.
type galleryEntry struct {
	*simView
	Studies []*CaseStudy
}

// renderPages renders every page of the site into s.out.
func (s *site) renderPages() error {
	s.facets = classify(s.studies, s.cat, s.lang.Prefix)
	cards := make(map[*CaseStudy]*card, len(s.studies))
	termsOf := map[*CaseStudy]map[string][]*term{}
	for _, f := range s.facets {
		for _, t := range f.Terms {
			for _, c := range t.Studies {
				if termsOf[c] == nil {
					termsOf[c] = map[string][]*term{}
				}
				termsOf[c][f.Tax.Key] = append(termsOf[c][f.Tax.Key], t)
			}
		}
	}
	var all []*card
	for _, c := range s.studies {
		cd := &card{CaseStudy: c, Filters: filterData(c)}
		cd.Terms = append(append(cd.Terms, termsOf[c]["sectors"]...), termsOf[c]["technologies"]...)
		cards[c] = cd
		all = append(all, cd)
	}
	// A card appears on the listing and on every term page of its case
	// study: render it once.
	err := parallel(len(all), func(i int) error {
		b := s.buffer()
		defer s.bufs.Put(b)
		if err := s.pageTmpl["list"].ExecuteTemplate(b, "card", all[i]); err != nil {
			return fmt.Errorf("site: render card of %s: %w", all[i].File, err)
		}
		all[i].HTML = template.HTML(b.String())
		return nil
	})
	if err != nil {
		return err
	}
	inPathways := map[*CaseStudy][]pathwayRef{}
	for _, pw := range s.pathways {
		for i, st := range pw.Steps {
			if st.Kind != "case-study" {
				continue
			}
			ref := pathwayRef{Title: pw.Meta.Title, URL: pw.URL, Step: i + 1, Of: len(pw.Steps)}
			if i+1 < len(pw.Steps) {
				ref.Next = &pw.Steps[i+1]
			}
			for _, c := range s.studies {
				if c.URL == st.URL {
					inPathways[c] = append(inPathways[c], ref)
				}
			}
		}
	}

	// The case studies are rendered last: the listings are the largest
	// pages, and starting with them leaves no worker alone with one at
	// the end.
	var jobs, studyJobs []func() error
	for _, c := range s.studies {
		sp := &studyPage{CaseStudy: c, Pathways: inPathways[c]}
		for _, f := range s.facets {
			if ts := termsOf[c][f.Tax.Key]; len(ts) > 0 {
				sp.Facts = append(sp.Facts, facetTerms{Title: f.Title, URL: f.URL, Terms: ts})
			}
		}
		studyJobs = append(studyJobs, func() error {
			d := s.textData(&c.page, c.Meta.Title, c.Meta.Summary, "case-studies", sp)
			d.OGType = "article"
			return s.execute("case-study", strings.TrimPrefix(c.URL, "/")+"index.html", d)
		})
	}
	jobs = append(jobs, func() error {
		lp := &listPage{Heading: s.cat.T("list.heading"), Intro: s.cat.T("list.intro"), Cards: all, Facets: s.facets, Total: len(all)}
		return s.execute("list", "case-studies/index.html", s.data(lp.Heading, lp.Intro, "/case-studies/", "case-studies", lp))
	})
	for _, f := range s.facets {
		jobs = append(jobs, func() error {
			return s.execute("terms", strings.TrimPrefix(f.URL, "/")+"index.html", s.data(f.Title, f.Intro, f.URL, "case-studies", f))
		})
		for _, t := range f.Terms {
			jobs = append(jobs, func() error {
				lp := &listPage{Heading: t.Name, Intro: f.Title + " · " + s.cat.N("list.showing", len(t.Studies)), Facets: s.facets, Current: t, Facet: f, Total: len(all)}
				for _, c := range t.Studies {
					lp.Cards = append(lp.Cards, cards[c])
				}
				title := f.Title + ": " + t.Name
				return s.execute("list", strings.TrimPrefix(t.URL, "/")+"index.html", s.data(title, lp.Intro, t.URL, "case-studies", lp))
			})
		}
	}
	for _, pw := range s.pathways {
		jobs = append(jobs, func() error {
			return s.execute("pathway", strings.TrimPrefix(pw.URL, "/")+"index.html", s.textData(&pw.page, pw.Meta.Title, pw.Meta.Summary, "pathways", pw))
		})
	}
	jobs = append(jobs, func() error {
		return s.execute("pathways", "pathways/index.html", s.data(s.cat.T("pathways.heading"), s.cat.T("pathways.intro"), "/pathways/", "pathways", s.pathways))
	})
	jobs = append(jobs, func() error {
		return s.execute("glossary", "glossary/index.html", s.data(s.cat.T("glossary.heading"), s.cat.T("glossary.intro"), "/glossary/", "glossary", s.gloss.terms))
	})
	for _, p := range s.pages {
		jobs = append(jobs, func() error {
			return s.execute("page", strings.TrimPrefix(p.URL, "/")+"index.html", s.textData(&p.page, p.Meta.Title, p.Meta.Summary, p.Slug, p))
		})
	}
	gallery, err := s.gallery()
	if err != nil {
		return err
	}
	jobs = append(jobs, func() error {
		return s.execute("gallery", "sims/index.html", s.data(s.cat.T("gallery.heading"), s.cat.T("gallery.intro"), "/sims/", "sims", gallery))
	})
	for _, g := range gallery {
		jobs = append(jobs, func() error {
			d := s.data(g.Title, g.Summary, "/embed/"+g.Name+"/", "sims", g.simView)
			d.SimMessages = s.simMessages()
			return s.execute("embed", "embed/"+g.Name+"/index.html", d)
		})
	}
	jobs = append(jobs, func() error {
		home := struct {
			Latest   []*card
			Pathways []*Pathway
			Sims     []*galleryEntry
			Sectors  *facet
		}{Latest: all[:min(len(all), 6)], Pathways: s.pathways, Sims: gallery, Sectors: s.facets[0]}
		return s.execute("home", "index.html", s.data(s.cat.T("site.name"), s.cat.T("site.description"), "/", "home", home))
	})
	jobs = append(jobs, func() error {
		return s.execute("404", "404.html", s.data(s.cat.T("notfound.heading"), "", "/404.html", "", nil))
	})
	if err := s.writeSearchIndex(); err != nil {
		return err
	}
	jobs = append(jobs, func() error {
		return s.execute("search", "search/index.html", s.data(s.cat.T("search.heading"), s.cat.T("search.intro"), "/search/", "search", nil))
	})
	jobs = append(jobs, s.renderOffline, s.writeServiceWorker)
	if s.lang.Prefix == "" {
		// One feed, sitemap and set of oEmbed answers, written in English.
		jobs = append(jobs, s.writeFeed)
	}
	jobs = append(jobs, studyJobs...)
	if err := parallel(len(jobs), func(i int) error { return jobs[i]() }); err != nil {
		return err
	}
	if s.lang.Prefix != "" {
		return nil
	}
	return s.writeSitemap(gallery)
}

// gallery lists every simulation of the catalogue with its default
// preview and the case studies that embed it.
func (s *site) gallery() ([]*galleryEntry, error) {
	var out []*galleryEntry
	for _, e := range catalog.All() {
		v, err := s.simView(e.Name, nil)
		if err != nil {
			return nil, fmt.Errorf("site: %w", err)
		}
		g := &galleryEntry{simView: v}
		for _, c := range s.studies {
			uses := slices.Contains(c.Sims, e.Name) || slices.ContainsFunc(c.Meta.Sims, func(p SimPreset) bool { return p.Name == e.Name })
			if uses {
				g.Studies = append(g.Studies, c)
			}
		}
		out = append(out, g)
	}
	return out, nil
}
