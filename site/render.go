package site

import (
	"bytes"
	"fmt"
	"html/template"
	"net/url"
	"strings"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"nexuslab/sim/catalog"
	"nexuslab/site/markup"
	"nexuslab/wasm/draw"
	"nexuslab/wasm/draw/svgdraw"
	"nexuslab/wasm/views"
)

// Embed frames are this size unless the page around them says otherwise.
const (
	embedWidth  = 800
	embedHeight = 520
)

// simView is what the templates need to show one simulation.
type simView struct {
	Name        string
	Title       string
	Summary     string
	Query       string // canonical preset query, without ?
	EmbedURL    string // /embed/NAME/?preset
	Preview     template.HTML
	Description string
	Snippet     string // <iframe> HTML to copy into another site
	Width       int
	Height      int
	Wasm        WasmInfo
}

// link is an internal link or image in Markdown, checked once every page
// is rendered.
type link struct {
	file  string
	line  int
	from  string // URL of the page it is on
	dest  string
	image bool
}

// markdown returns the converter for the site's language.
func (s *site) markdown() goldmark.Markdown {
	return markup.New(markup.Options{
		Sim: func(w util.BufWriter, source []byte, n *markup.SimBlock) error {
			if n.Err != nil {
				return nil
			}
			v, err := s.simView(n.Name, n.Params)
			if err != nil {
				return nil // reported when the page was parsed
			}
			return s.pageTmpl["case-study"].ExecuteTemplate(w, "sim-figure", v)
		},
		Glossary: s.gloss.linkTerms(s.lang.Prefix),
		Label:    func(key string) string { return s.cat.T(key) },
		Math:     &s.shared.math,
	})
}

// renderMarkdown renders every Markdown body and the glossary, in
// parallel, collecting problems and links. The gallery's previews are
// drawn in the same pool of workers, ahead of the pages that need them.
func (s *site) renderMarkdown() {
	var all []*page
	for _, c := range s.studies {
		all = append(all, &c.page)
	}
	for _, p := range s.pathways {
		all = append(all, &p.page)
	}
	for _, p := range s.pages {
		all = append(all, &p.page)
	}
	// Glossary definitions are rendered without linking terms to
	// themselves.
	plain := markup.New(markup.Options{Label: func(key string) string { return s.cat.T(key) }, Math: &s.shared.math})
	sims, terms := catalog.All(), s.gloss.terms
	_ = parallel(len(sims)+len(terms)+len(all), func(i int) error {
		switch {
		case i < len(sims):
			_, _ = s.simView(sims[i].Name, nil) // gallery reports any error
		case i < len(sims)+len(terms):
			s.renderDefinition(plain, terms[i-len(sims)])
		default:
			p := all[i-len(sims)-len(terms)]
			ps := s.renderBody(p)
			// English text shown in another language was checked in
			// English.
			if p.textLang() == s.lang.Code {
				s.problem(ps...)
			}
		}
		return nil
	})
}

// renderDefinition renders the Markdown of a glossary term's definition.
func (s *site) renderDefinition(md goldmark.Markdown, t *glossaryTerm) {
	b := s.buffer()
	defer s.bufs.Put(b)
	pc := parser.NewContext(parser.WithIDs(markup.NewIDs()))
	src := []byte(t.GlossaryEntry.Definition)
	// An English entry kept in another language's glossary was checked
	// with the English glossary.
	own := t.Lang == "" || t.Lang == s.lang.Code
	if err := md.Renderer().Render(b, src, md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))); err != nil && own {
		s.problem(Problem{File: s.gloss.file, Line: s.gloss.doc.line(t.path), Msg: err.Error()})
	}
	for _, p := range markup.Problems(pc) {
		if own {
			s.problem(Problem{File: s.gloss.file, Line: s.gloss.doc.line(t.path + ".definition"), Msg: p.Msg})
		}
	}
	t.Definition = template.HTML(b.String())
}

// renderBody parses and renders one page's Markdown, validating its sim
// directives, raw HTML, images and links.
func (s *site) renderBody(p *page) Problems {
	ps := problems{file: p.File}
	pc := parser.NewContext(parser.WithIDs(markup.NewIDs()))
	root := s.md.Parser().Parse(text.NewReader(p.Body), parser.WithContext(pc))
	for _, mp := range markup.Problems(pc) {
		ps.add(p.line(mp.Offset), "%s", mp.Msg)
	}
	var words strings.Builder
	_ = gast.Walk(root, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering {
			return gast.WalkContinue, nil
		}
		line := func() int { return p.line(markup.Offset(n)) }
		switch n := n.(type) {
		case *markup.SimBlock:
			if n.Err != nil {
				ps.add(p.line(n.Offset), "%s", n.Err.Error())
			} else if _, err := s.simView(n.Name, n.Params); err != nil {
				ps.add(p.line(n.Offset), "%s", err.Error())
			} else {
				p.Sims = append(p.Sims, n.Name)
			}
		case *gast.Link:
			if class, _ := n.AttributeString("class"); !bytes.Equal(asBytes(class), []byte(markup.GlossaryLinkClass)) {
				// Authors link to English paths in every language; the
				// link leads to the same page in the page's language.
				n.Destination = []byte(s.lang.localize(string(n.Destination)))
				p.links = append(p.links, link{file: p.File, line: line(), from: p.URL, dest: string(n.Destination)})
			}
		case *gast.Image:
			if len(bytes.TrimSpace(nodeText(n, p.Body))) == 0 {
				ps.add(line(), "image %s has no text alternative: describe it between ![ and ]", n.Destination)
			}
			p.links = append(p.links, link{file: p.File, line: line(), from: p.URL, dest: string(n.Destination), image: true})
		case *gast.RawHTML:
			at := p.line(n.Segments.At(0).Start)
			ps.add(at, "raw HTML is not allowed: write it in Markdown (the build drops it)")
		case *gast.HTMLBlock:
			ps.add(p.line(n.Lines().At(0).Start), "raw HTML is not allowed: write it in Markdown (the build drops it)")
		case *gast.Text:
			words.Write(n.Segment.Value(p.Body))
			words.WriteByte(' ')
		}
		return gast.WalkContinue, nil
	})
	b := s.buffer()
	defer s.bufs.Put(b)
	if err := s.md.Renderer().Render(b, p.Body, root); err != nil {
		ps.add(0, "%s", err.Error())
	}
	p.HTML = template.HTML(b.String())
	p.Text = words.String()
	return ps.list
}

func asBytes(v any) []byte {
	b, _ := v.([]byte)
	return b
}

// nodeText returns the text inside an inline node.
func nodeText(n gast.Node, source []byte) []byte {
	var b bytes.Buffer
	_ = gast.Walk(n, func(c gast.Node, entering bool) (gast.WalkStatus, error) {
		if t, ok := c.(*gast.Text); ok && entering {
			b.Write(t.Segment.Value(source))
		}
		return gast.WalkContinue, nil
	})
	return b.Bytes()
}

// previewResult is a cached simView or why there is none.
type previewResult struct {
	view *simView
	err  error
}

// simView validates a simulation with preset parameters and draws its
// static preview, once per distinct preset. Any parameter the schema
// would correct is an error: an author's preset must mean exactly what it
// says.
func (s *site) simView(name string, preset url.Values) (*simView, error) {
	key := name + "?" + preset.Encode()
	if r, ok := s.previews.Load(key); ok {
		return r.(*previewResult).view, r.(*previewResult).err
	}
	v, err := s.drawSim(name, preset)
	s.previews.Store(key, &previewResult{v, err})
	return v, err
}

func (s *site) drawSim(name string, preset url.Values) (*simView, error) {
	e, ok := catalog.Lookup(name)
	if !ok {
		return nil, fmt.Errorf("unknown simulation %q (known: %s)", name, simNames())
	}
	m := e.New()
	schema := m.Schema()
	for k := range preset {
		p, ok := schema.Lookup(k)
		if ok && p.Private {
			// Its value would reach the preview and the page, but never
			// the embed link: private values stay off URLs.
			return nil, fmt.Errorf("simulation %s: %s holds the reader's own data and cannot be preset", name, k)
		}
		if !ok {
			var names []string
			for _, p := range schema {
				names = append(names, p.Name)
			}
			return nil, fmt.Errorf("simulation %s has no parameter %q (known: %s)", name, k, strings.Join(names, ", "))
		}
	}
	v, probs := schema.Parse(preset)
	if len(probs) > 0 {
		return nil, fmt.Errorf("simulation %s: %s", name, probs[0].Error())
	}
	if err := m.Reset(v); err != nil {
		return nil, fmt.Errorf("simulation %s: %w", name, err)
	}
	desc := m.Describe(s.pr)
	// A simulation whose view is not written yet still gets its pages,
	// with the description standing in for the figure.
	var preview template.HTML
	if view, ok := views.For(name); ok {
		c := svgdraw.New(640, 400)
		view(c, draw.Light(), s.pr, m)
		preview = template.HTML(c.Bytes(s.pr.Sprintf(e.Title) + ": " + desc))
	}
	q := schema.Encode(preset)
	embed := s.lang.localize("/embed/" + name + "/")
	if q != "" {
		embed += "?" + q
	}
	sv := &simView{
		Name: name, Title: s.pr.Sprintf(e.Title), Summary: s.pr.Sprintf(e.Summary), Query: q, EmbedURL: embed,
		Preview: preview, Description: desc, Wasm: s.wasm,
		Width: embedWidth, Height: embedHeight,
	}
	sv.Snippet = fmt.Sprintf(`<iframe src="%s" title="%s" width="%d" height="%d" loading="lazy" allow="fullscreen"></iframe>`,
		template.HTMLEscapeString(s.cfg.BaseURL+embed), template.HTMLEscapeString(s.cat.T("embed.frame-title", sv.Title)), embedWidth, embedHeight)
	return sv, nil
}

func simNames() string {
	var names []string
	for _, e := range catalog.All() {
		names = append(names, e.Name)
	}
	return strings.Join(names, ", ")
}

// presetQuery turns YAML parameters into a query.
func presetQuery(params map[string]string) url.Values {
	q := url.Values{}
	for k, v := range params {
		q.Set(k, v)
	}
	return q
}

// resolve checks the references between content: the simulations in
// front matter, and the steps of pathways.
func (s *site) resolve() {
	bySlug := map[string]*CaseStudy{}
	for _, c := range s.studies {
		bySlug[c.Slug] = c
		for i, sp := range c.Meta.Sims {
			if sp.Name == "" {
				continue
			}
			if _, err := s.simView(sp.Name, presetQuery(sp.Params)); err != nil {
				path := fmt.Sprintf("sims[%d].name", i)
				if strings.Contains(err.Error(), "parameter") || strings.HasPrefix(err.Error(), "simulation "+sp.Name+":") {
					path = fmt.Sprintf("sims[%d].params", i)
				}
				s.problem(Problem{File: c.File, Line: c.meta.line(path), Msg: err.Error()})
			}
		}
	}
	for _, pw := range s.pathways {
		for i, st := range pw.Meta.Steps {
			switch {
			case st.CaseStudy != "":
				c, ok := bySlug[st.CaseStudy]
				if !ok {
					s.problem(Problem{File: pw.File, Line: pw.meta.line(fmt.Sprintf("steps[%d].case-study", i)),
						Msg: fmt.Sprintf("step %d: no case study %q in case-studies/", i+1, st.CaseStudy)})
					continue
				}
				pw.Steps = append(pw.Steps, pathwayStep{Key: "case-study/" + c.Slug, Title: c.Meta.Title, URL: c.URL, Summary: c.Meta.Summary, Note: st.Note, Kind: "case-study"})
			case st.Sim != "":
				v, err := s.simView(st.Sim, presetQuery(st.Params))
				if err != nil {
					s.problem(Problem{File: pw.File, Line: pw.meta.line(fmt.Sprintf("steps[%d]", i)), Msg: fmt.Sprintf("step %d: %s", i+1, err.Error())})
					continue
				}
				pw.Steps = append(pw.Steps, pathwayStep{Key: "sim/" + v.Name + "?" + v.Query, Title: v.Title, URL: v.EmbedURL, Summary: v.Summary, Note: st.Note, Kind: "sim"})
			}
		}
	}
}
