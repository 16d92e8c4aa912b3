package site

import (
	"bytes"
	"fmt"
	"html/template"
	"net/url"

	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"nexuslab/sim"
	"nexuslab/sim/catalog"
	"nexuslab/site/markup"
	"nexuslab/wasm/draw"
	"nexuslab/wasm/views"
)

// simView is what the templates need to show one simulation.
type simView struct {
	Name        string
	Title       string
	Summary     string
	EmbedURL    string // /embed/NAME/?preset
	Preview     template.HTML
	Description string
	Wasm        WasmInfo
}

// renderMarkdown renders a page body, validating its sim directives.
func (s *site) renderMarkdown(p *Page) (template.HTML, Problems) {
	var probs Problems
	lineOf := func(offset int) int { return p.BodyLine + bytes.Count(p.Body[:offset], []byte("\n")) }
	md := markup.New(func(w util.BufWriter, source []byte, n *markup.SimBlock) error {
		line := lineOf(n.Offset)
		if n.Err != nil {
			probs = append(probs, Problem{File: p.File, Line: line, Msg: n.Err.Error()})
			return nil
		}
		v, err := s.simView(n.Name, n.Params)
		if err != nil {
			probs = append(probs, Problem{File: p.File, Line: line, Msg: err.Error()})
			return nil
		}
		return s.tmpl["case-study"].ExecuteTemplate(w, "sim-figure", v)
	})
	var b bytes.Buffer
	root := md.Parser().Parse(text.NewReader(p.Body))
	if err := md.Renderer().Render(&b, p.Body, root); err != nil {
		probs = append(probs, Problem{File: p.File, Msg: err.Error()})
	}
	return template.HTML(b.String()), probs
}

// simView validates a simulation with preset parameters and draws its
// static preview. Any parameter the schema would correct is an error: an
// author's preset must mean exactly what it says.
func (s *site) simView(name string, preset url.Values) (simView, error) {
	e, ok := catalog.Lookup(name)
	if !ok {
		return simView{}, fmt.Errorf("unknown simulation %q (known: %s)", name, simNames())
	}
	m := e.New()
	schema := m.Schema()
	for k := range preset {
		if _, ok := schema.Lookup(k); !ok {
			return simView{}, fmt.Errorf("simulation %s has no parameter %q", name, k)
		}
	}
	v, probs := schema.Parse(preset)
	if len(probs) > 0 {
		return simView{}, fmt.Errorf("simulation %s: %s", name, probs[0].Error())
	}
	if err := m.Reset(v); err != nil {
		return simView{}, fmt.Errorf("simulation %s: %w", name, err)
	}
	view, ok := views.For(name)
	if !ok {
		return simView{}, fmt.Errorf("simulation %s has no view", name)
	}
	desc := m.Describe(sim.English{})
	c := draw.NewSVG(640, 400)
	view(c, draw.Light(), sim.English{}, m)
	embed := "/embed/" + name + "/"
	if q := schema.Encode(preset); q != "" {
		embed += "?" + q
	}
	return simView{
		Name: name, Title: e.Title, Summary: e.Summary, EmbedURL: embed,
		Preview: template.HTML(c.Bytes(e.Title + ": " + desc)), Description: desc, Wasm: s.wasm,
	}, nil
}

func simNames() string {
	var names []byte
	for i, e := range catalog.All() {
		if i > 0 {
			names = append(names, ", "...)
		}
		names = append(names, e.Name...)
	}
	return string(names)
}

// renderEmbeds writes /embed/NAME/index.html for every simulation.
func (s *site) renderEmbeds(render func(page, out string, data any) error) error {
	for _, e := range catalog.All() {
		v, err := s.simView(e.Name, nil)
		if err != nil {
			return fmt.Errorf("site: %w", err)
		}
		if err := render("embed", "embed/"+e.Name+"/index.html", s.pageData(e.Title, e.Summary, "/embed/"+e.Name+"/", v)); err != nil {
			return err
		}
	}
	return nil
}
