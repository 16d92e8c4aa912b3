package site

import (
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"slices"
	"strings"

	"nexuslab/sim"
	"nexuslab/sim/i18n"
	"nexuslab/site/markup"
)

// language is one language the site is rendered in. English, the
// language of the content and of the source catalogue, lives at the root;
// every other language that has an interface catalogue mirrors the whole
// site under /LANG/.
type language struct {
	Code   string // BCP 47 tag, such as "vi"
	Name   string // its name in itself, such as "Tiếng Việt"
	Prefix string // URL path prefix: "" for English, "/vi" for Vietnamese
}

// alternate is a page in one language, for the language switcher and
// the hreflang links.
type alternate struct {
	language
	URL        string // site path of the page in that language
	Current    bool   // the page being rendered
	Translated bool   // its text is written in that language, not a fallback
}

// languages returns the languages of the catalogues, English first.
func languages(cats map[string]*catalogue) []language {
	var out []language
	for _, code := range slices.Sorted(maps.Keys(cats)) {
		l := language{Code: code, Name: cats[code].msgs["lang.name"]}
		if l.Name == "" {
			l.Name = code
		}
		if code != defaultLang {
			l.Prefix = "/" + code
		}
		out = append(out, l)
	}
	slices.SortStableFunc(out, func(a, b language) int {
		switch {
		case a.Code == defaultLang:
			return -1
		case b.Code == defaultLang:
			return 1
		}
		return 0
	})
	return out
}

// unprefixed returns the English path of a site path in language l.
func (l language) unprefixed(p string) string {
	if l.Prefix != "" && strings.HasPrefix(p, l.Prefix+"/") {
		return strings.TrimPrefix(p, l.Prefix)
	}
	return p
}

// localize returns the path of an English site path in language l.
// Assets, media, feeds and oEmbed are shared by every language.
func (l language) localize(p string) string {
	if l.Prefix == "" || !strings.HasPrefix(p, "/") || strings.HasPrefix(p, l.Prefix+"/") {
		return p
	}
	for _, shared := range []string{"/assets/", "/media/", "/oembed/", "/feed.xml", "/sitemap.xml", "/sw.js"} {
		if strings.HasPrefix(p, shared) {
			return p
		}
	}
	return l.Prefix + p
}

// outPath returns where a page of language l is written, given the path
// its English twin is written to.
func (l language) outPath(out string) string {
	if l.Prefix == "" {
		return out
	}
	dir := strings.TrimPrefix(l.Prefix, "/") + "/"
	if strings.HasPrefix(out, dir) {
		return out
	}
	return dir + out
}

// translationKey names a page's text in a language in site.translated.
func translationKey(lang, englishURL string) string { return lang + " " + englishURL }

// alternates returns the page at site path p in every language.
func (s *site) alternates(p string) []alternate {
	en := s.lang.unprefixed(p)
	out := make([]alternate, 0, len(s.langs))
	for _, l := range s.langs {
		a := alternate{language: l, URL: l.localize(en), Current: l.Code == s.lang.Code, Translated: true}
		if l.Code != defaultLang && s.shared.contentPages[en] {
			a.Translated = s.shared.translated[translationKey(l.Code, en)]
		}
		out = append(out, a)
	}
	return out
}

// shared is what the sites of every language share while one build runs.
type shared struct {
	// contentPages are the English URLs of pages written in Markdown,
	// whose text may lack a translation.
	contentPages map[string]bool
	// translated holds translationKey(lang, URL) for each page whose text
	// exists in lang.
	translated map[string]bool
	// math holds the formulas converted to MathML: a page not yet
	// translated shows the same formulas in every language.
	math markup.MathCache
}

// forLang returns a site that renders the content in language l into
// the same output, with the content of s translated where a translation
// exists and in English where none does.
func (s *site) forLang(l language) (*site, error) {
	ls := &site{
		cfg: s.cfg, assets: s.assets, cats: s.cats, cat: s.cats[l.Code], wasm: s.wasm,
		media: s.media, out: s.out, w: s.w, lang: l, langs: s.langs, shared: s.shared,
		simCats: s.simCats, pr: s.simPrinter(l.Code),
	}
	if err := ls.loadTemplates(); err != nil {
		return nil, err
	}
	if err := ls.translateContent(s); err != nil {
		return nil, err
	}
	return ls, nil
}

// simPrinter returns the Printer of the simulations' text in lang.
func (s *site) simPrinter(lang string) sim.Printer {
	if c := s.simCats[lang]; c != nil && lang != defaultLang {
		return i18n.New(lang, c.msgs)
	}
	return sim.English{}
}

// simMessages returns the translations of the simulations' text in the
// site's language for the embed page to hand to the browser program, or
// nil in English.
func (s *site) simMessages() map[string]string {
	c := s.simCats[s.lang.Code]
	if c == nil || s.lang.Code == defaultLang {
		return nil
	}
	m := make(map[string]string, len(c.msgs))
	for k, v := range c.msgs {
		if v != "" && v != k {
			m[k] = v
		}
	}
	return m
}

// TranslationMeta is the YAML header of a translated page, NAME.LANG.md
// beside NAME.md: the text of the English front matter. Everything else,
// such as sectors, dates and simulations, comes from the English file.
type TranslationMeta struct {
	Title   string `yaml:"title"`
	Summary string `yaml:"summary"`
	// Regions names a case study's regions in the language, in the order
	// of the English file.
	Regions []string `yaml:"regions"`
	// Steps gives a pathway's step notes in the language, in the order of
	// the English file.
	Steps []TranslatedStep `yaml:"steps"`
}

// TranslatedStep is the text of one pathway step.
type TranslatedStep struct {
	Note string `yaml:"note"`
}

// GlossaryTranslation is an entry of content/glossary.LANG.yaml: the
// English term it translates, and its term, other forms and definition
// in the language. Related terms come from the English entry.
type GlossaryTranslation struct {
	EN         string   `yaml:"en"`
	Term       string   `yaml:"term"`
	Also       []string `yaml:"also"`
	Definition string   `yaml:"definition"`
}

// isTranslation reports whether a content file is the translation of
// another, NAME.LANG.md, into a language that has a catalogue.
func (s *site) isTranslation(file string) bool {
	base := strings.TrimSuffix(path.Base(file), ".md")
	i := strings.LastIndexByte(base, '.')
	return i > 0 && s.cats[base[i+1:]] != nil
}

// translationFile returns the translation of an English content file
// into lang.
func translationFile(file, lang string) string {
	ext := path.Ext(file)
	return strings.TrimSuffix(file, ext) + "." + lang + ext
}

// readTranslation reads the translation of an English page. It returns
// nil when there is none.
func (ls *site) readTranslation(en *page, urlDir string) (*page, *TranslationMeta, error) {
	file := translationFile(en.File, ls.lang.Code)
	src, err := fs.ReadFile(ls.cfg.Content, file)
	if os.IsNotExist(err) || err != nil && strings.Contains(err.Error(), "not exist") {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("site: %w", err)
	}
	p, head, probs := splitFrontMatterAs(file, en.Slug, src, ls.lang.Prefix+urlDir)
	ls.problem(probs...)
	if p == nil {
		return nil, nil, nil
	}
	var tm TranslationMeta
	d, ok := decodeYAML(file, head, 1, &tm)
	p.meta = d
	if ok {
		if strings.TrimSpace(tm.Title) == "" {
			d.at("title", "title is required: the title in %s", ls.lang.Name)
		}
		if strings.TrimSpace(tm.Summary) == "" {
			d.at("summary", "summary is required: the summary in %s", ls.lang.Name)
		}
	}
	ls.problem(d.list...)
	if !ok {
		return nil, nil, nil
	}
	p.TextLang = ls.lang.Code
	return p, &tm, nil
}

// untranslated copies an English page for language ls, keeping its
// English text.
func (ls *site) untranslated(en *page) page {
	p := *en
	p.URL = ls.lang.Prefix + en.URL
	p.HTML, p.Text, p.Sims, p.links = "", "", nil, nil
	p.TextLang = defaultLang
	ls.warn(Problem{File: translationFile(en.File, ls.lang.Code), Msg: fmt.Sprintf("not translated into %s: %s shows the English text of %s", ls.lang.Name, p.URL, en.File)})
	return p
}

// translateContent gives ls the content of en, translated where a
// NAME.LANG.md exists. Every English page gets a page in the language.
func (ls *site) translateContent(en *site) error {
	code := ls.lang.Code
	for _, c := range en.studies {
		t := &CaseStudy{Meta: c.Meta}
		p, tm, err := ls.readTranslation(&c.page, "/case-studies/")
		if err != nil {
			return err
		}
		if p == nil {
			t.page = ls.untranslated(&c.page)
		} else {
			t.page = *p
			t.Meta.Title, t.Meta.Summary = tm.Title, tm.Summary
			if len(tm.Regions) > 0 && len(tm.Regions) != len(c.Meta.Regions) {
				p.meta.at("regions", "regions must name the %d regions of %s, in its order", len(c.Meta.Regions), c.File)
				ls.problem(p.meta.list...)
				p.meta.list = nil
			} else if len(tm.Regions) > 0 {
				t.RegionNames = tm.Regions
			}
			if len(tm.Steps) > 0 {
				p.meta.at("steps", "steps belong to a pathway")
				ls.problem(p.meta.list...)
				p.meta.list = nil
			}
			ls.shared.translated[translationKey(code, c.URL)] = true
		}
		ls.studies = append(ls.studies, t)
	}
	for _, pw := range en.pathways {
		t := &Pathway{Meta: pw.Meta}
		t.Meta.Steps = slices.Clone(pw.Meta.Steps)
		p, tm, err := ls.readTranslation(&pw.page, "/pathways/")
		if err != nil {
			return err
		}
		if p == nil {
			t.page = ls.untranslated(&pw.page)
		} else {
			t.page = *p
			t.Meta.Title, t.Meta.Summary = tm.Title, tm.Summary
			switch {
			case len(tm.Steps) > 0 && len(tm.Steps) != len(pw.Meta.Steps):
				p.meta.at("steps", "steps must give the notes of the %d steps of %s, in its order", len(pw.Meta.Steps), pw.File)
			default:
				for i, st := range tm.Steps {
					if st.Note != "" {
						t.Meta.Steps[i].Note = st.Note
					}
				}
			}
			ls.problem(p.meta.list...)
			p.meta.list = nil
			ls.shared.translated[translationKey(code, pw.URL)] = true
		}
		ls.pathways = append(ls.pathways, t)
	}
	for _, pg := range en.pages {
		t := &PlainPage{Meta: pg.Meta}
		p, tm, err := ls.readTranslation(&pg.page, "/")
		if err != nil {
			return err
		}
		if p == nil {
			t.page = ls.untranslated(&pg.page)
		} else {
			t.page = *p
			t.Meta.Title, t.Meta.Summary = tm.Title, tm.Summary
			ls.shared.translated[translationKey(code, pg.URL)] = true
		}
		ls.pages = append(ls.pages, t)
	}
	// A translation whose English page does not exist would never be
	// shown: say so rather than drop it silently.
	for _, dir := range []string{"case-studies", "pathways", "pages"} {
		files, err := fs.Glob(ls.cfg.Content, dir+"/*."+code+".md")
		if err != nil {
			return fmt.Errorf("site: %w", err)
		}
		for _, f := range files {
			enFile := strings.TrimSuffix(f, "."+code+".md") + ".md"
			if _, err := fs.Stat(ls.cfg.Content, enFile); err != nil {
				ls.problem(Problem{File: f, Msg: fmt.Sprintf("translation of %s, which does not exist: rename it or add the English page", enFile)})
			}
		}
	}
	return ls.translateGlossary(en.gloss)
}

// translateGlossary builds the glossary in ls's language from en and
// content/glossary.LANG.yaml. Terms without a translation keep their
// English entry; every term keeps its English anchor, so that links and
// the language switcher land on the same entry.
func (ls *site) translateGlossary(en *glossary) error {
	file := strings.TrimSuffix(glossaryFile, ".yaml") + "." + ls.lang.Code + ".yaml"
	g := &glossary{file: file}
	src, err := fs.ReadFile(ls.cfg.Content, file)
	if err != nil && !os.IsNotExist(err) && !strings.Contains(err.Error(), "not exist") {
		return fmt.Errorf("site: %w", err)
	}
	var entries []GlossaryTranslation
	byEN := map[string]int{}
	if src != nil {
		d, ok := decodeYAML(file, src, 0, &entries)
		g.doc = d
		if !ok {
			ls.problem(d.list...)
			entries = nil
		}
		ids := map[string]string{}
		for _, t := range en.terms {
			ids[t.ID] = t.Term
		}
		forms := map[string]string{}
		for i, e := range entries {
			at := fmt.Sprintf("[%d]", i)
			id := slugify(e.EN)
			if _, ok := ids[id]; !ok {
				d.at(at+".en", "%q is not a term of %s", e.EN, glossaryFile)
				continue
			}
			if _, dup := byEN[id]; dup {
				d.at(at+".en", "%q is translated twice", e.EN)
				continue
			}
			if strings.TrimSpace(e.Term) == "" || strings.TrimSpace(e.Definition) == "" {
				d.at(at, "the translation of %q needs a term and a definition", e.EN)
				continue
			}
			for _, f := range append([]string{e.Term}, e.Also...) {
				k := strings.ToLower(strings.TrimSpace(f))
				if other, dup := forms[k]; dup && other != e.EN {
					d.at(at, "%q links to both %q and %q", f, other, e.EN)
				}
				forms[k] = e.EN
			}
			byEN[id] = i
		}
		ls.problem(d.list...)
		d.list = nil
	}
	names := map[string]string{} // English ID to the term shown
	for _, t := range en.terms {
		names[t.ID] = t.Term
		if i, ok := byEN[t.ID]; ok {
			names[t.ID] = entries[i].Term
		}
	}
	var missing []string
	for _, t := range en.terms {
		gt := &glossaryTerm{GlossaryEntry: t.GlossaryEntry, ID: t.ID, path: t.path, Lang: defaultLang}
		if i, ok := byEN[t.ID]; ok {
			e := entries[i]
			gt.GlossaryEntry = GlossaryEntry{Term: e.Term, Also: e.Also, Definition: e.Definition, See: t.GlossaryEntry.See}
			gt.path = fmt.Sprintf("[%d]", i)
			gt.Lang = ls.lang.Code
		} else {
			missing = append(missing, t.Term)
		}
		for _, r := range t.See {
			gt.See = append(gt.See, glossaryRef{Term: names[r.ID], ID: r.ID})
		}
		g.terms = append(g.terms, gt)
	}
	if len(missing) > 0 {
		ls.warn(Problem{File: file, Msg: fmt.Sprintf("%d glossary term(s) not translated into %s: %s", len(missing), ls.lang.Name, strings.Join(missing, ", "))})
	}
	slices.SortFunc(g.terms, func(a, b *glossaryTerm) int {
		return strings.Compare(strings.ToLower(a.Term), strings.ToLower(b.Term))
	})
	if g.doc == nil {
		g.doc = en.doc
	}
	ls.gloss = g
	return nil
}

// contentURLs lists the English URLs of the pages written in Markdown.
func (s *site) contentURLs() []string {
	var out []string
	for _, c := range s.studies {
		out = append(out, c.URL)
	}
	for _, p := range s.pathways {
		out = append(out, p.URL)
	}
	for _, p := range s.pages {
		out = append(out, p.URL)
	}
	return out
}

// pageDirs lists the output folders of the pages written in Markdown,
// in every language, for the writer to make while they render.
func (s *site) pageDirs() []string {
	var dirs []string
	for _, u := range s.contentURLs() {
		for _, l := range s.langs {
			dirs = append(dirs, path.Dir(l.outPath(strings.TrimPrefix(u, "/")+"index.html")))
		}
	}
	return dirs
}

// searchIndexName is the asset name of the search index in the site's
// language: each language searches its own text.
func (s *site) searchIndexName() string {
	if s.lang.Prefix == "" {
		return "search.json"
	}
	return "search." + s.lang.Code + ".json"
}
