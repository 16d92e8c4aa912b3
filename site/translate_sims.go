package site

import (
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"nexuslab/sim"
	"nexuslab/sim/catalog"
	"nexuslab/sim/i18n"
	"nexuslab/wasm/views"
)

// simCatalogue is the text of the simulations in one language:
// content/i18n/sims/LANG.yaml, a flat mapping from English format
// strings, the keys the simulations print through a sim.Printer, to
// their translations. An empty translation counts as missing; a
// translation equal to its key says the text reads the same.
type simCatalogue struct {
	Lang string
	file string
	msgs map[string]string
	doc  *yamlDoc
}

// simCatalogueDir holds the simulations' catalogues in the content folder.
const simCatalogueDir = "i18n/sims"

// loadSimCatalogues reads every content/i18n/sims/LANG.yaml whose
// language has an interface catalogue.
func loadSimCatalogues(content fs.FS, cats map[string]*catalogue) (map[string]*simCatalogue, Problems) {
	files, err := fs.Glob(content, simCatalogueDir+"/*.yaml")
	if err != nil {
		return nil, Problems{{File: simCatalogueDir, Msg: err.Error()}}
	}
	var probs Problems
	out := map[string]*simCatalogue{}
	for _, f := range files {
		lang := strings.TrimSuffix(path.Base(f), ".yaml")
		if cats[lang] == nil {
			probs = append(probs, Problem{File: f, Msg: fmt.Sprintf("no interface catalogue i18n/%s.yaml for this language", lang)})
			continue
		}
		src, err := fs.ReadFile(content, f)
		if err != nil {
			probs = append(probs, Problem{File: f, Msg: err.Error()})
			continue
		}
		c := &simCatalogue{Lang: lang, file: f, msgs: map[string]string{}}
		d, _ := decodeYAML(f, src, 0, &c.msgs)
		c.doc = d
		probs = append(probs, d.list...)
		d.list = nil
		out[lang] = c
	}
	return out, probs
}

// simKeys returns the message keys of the simulations that the site can
// list without reading their source: catalogue titles and summaries,
// parameter labels, help and choice labels, action labels and canvas key
// hints. Keys printed by Describe and the views are found in the source
// by nexus check, which passes them as Config.SimKeys. Keys without words
// are listed too: they need no translation, but a catalogue may give one.
func simKeys() []string {
	set := map[string]bool{}
	add := func(ks ...string) {
		for _, k := range ks {
			if k != "" {
				set[k] = true
			}
		}
	}
	for _, e := range catalog.All() {
		add(e.Title, e.Summary)
		m := e.New()
		for _, p := range m.Schema() {
			add(p.Label, p.Help)
			if p.Kind == sim.Choice {
				for i := range p.Choices {
					add(p.ChoiceLabel(i))
				}
			}
		}
		for _, a := range m.Actions() {
			add(a.Label)
		}
		if in, ok := views.InputFor(e.Name); ok {
			add(in.Keys)
		}
	}
	return slices.Sorted(maps.Keys(set))
}

// checkSimCatalogues checks every simulation catalogue against the keys
// in use. A translation that changes the placeholders of its key is an
// error: it would print garbage. Missing translations and keys no
// simulation uses are warnings: the browser then shows English, and a
// new simulation must not stop a release.
func (s *site) checkSimCatalogues() {
	keys := simKeys()
	complete := s.cfg.SimKeys != nil
	if complete {
		keys = append(keys, s.cfg.SimKeys...)
		slices.Sort(keys)
		keys = slices.Compact(keys)
	}
	known := map[string]bool{}
	for _, k := range keys {
		known[k] = true
	}
	for _, l := range s.langs {
		if l.Code == defaultLang {
			continue
		}
		c := s.simCats[l.Code]
		if c == nil {
			s.warn(Problem{File: simCatalogueDir + "/" + l.Code + ".yaml", Msg: fmt.Sprintf("no catalogue of the simulations' text in %s: they run in English", l.Name)})
			continue
		}
		var missing []string
		for _, k := range keys {
			if c.msgs[k] == "" && i18n.NeedsTranslation(k) {
				missing = append(missing, k)
			}
		}
		for _, k := range missing {
			s.warn(Problem{File: c.file, Line: c.doc.line(k), Msg: fmt.Sprintf("missing translation of %q", k)})
		}
		for _, k := range slices.Sorted(maps.Keys(c.msgs)) {
			v := c.msgs[k]
			if v != "" && !slices.Equal(i18n.Verbs(k), i18n.Verbs(v)) {
				c.doc.at(k, "the translation of %q must keep its placeholders: %s", k, strings.Join(i18n.Verbs(k), " "))
			}
			if complete && !known[k] {
				s.warn(Problem{File: c.file, Line: c.doc.line(k), Msg: fmt.Sprintf("%q is not printed by any simulation: remove it", k)})
			}
		}
		s.problem(c.doc.list...)
		c.doc.list = nil
	}
}
