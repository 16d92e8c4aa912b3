package site

import (
	"fmt"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/template/parse"

	"nexuslab/site/markup"
)

// defaultLang is the language of the source catalogue and of the content.
const defaultLang = "en"

// catalogue is the interface text of one language: content/i18n/LANG.yaml,
// a flat mapping of message keys to text. Text may hold fmt verbs such as
// %d, filled from the template's arguments.
type catalogue struct {
	Lang string
	file string
	msgs map[string]string
	doc  *yamlDoc

	mu      sync.Mutex
	used    map[string]bool
	missing map[string]bool

	// fallback is the English catalogue, whose text stands in for a key
	// a translation lacks.
	fallback *catalogue
}

// loadCatalogues reads every content/i18n/*.yaml. English must exist.
func loadCatalogues(content fs.FS) (map[string]*catalogue, Problems) {
	var probs Problems
	files, err := fs.Glob(content, "i18n/*.yaml")
	if err != nil {
		return nil, Problems{{File: "i18n", Msg: err.Error()}}
	}
	cats := map[string]*catalogue{}
	for _, f := range files {
		lang := strings.TrimSuffix(path.Base(f), ".yaml")
		src, err := fs.ReadFile(content, f)
		if err != nil {
			probs = append(probs, Problem{File: f, Msg: err.Error()})
			continue
		}
		c := &catalogue{Lang: lang, file: f, msgs: map[string]string{}, used: map[string]bool{}, missing: map[string]bool{}}
		d, _ := decodeYAML(f, src, 0, &c.msgs)
		c.doc = d
		probs = append(probs, d.list...)
		d.list = nil
		cats[lang] = c
	}
	if cats[defaultLang] == nil {
		probs = append(probs, Problem{File: "i18n/" + defaultLang + ".yaml", Msg: "the English message catalogue is missing: every interface string comes from it"})
	}
	for lang, c := range cats {
		if lang != defaultLang {
			c.fallback = cats[defaultLang]
		}
	}
	return cats, probs
}

// T returns the text of key, formatted with args. A key a translation
// lacks shows its English text; a key English lacks is recorded as a
// problem and shown as the key itself.
func (c *catalogue) T(key string, args ...any) string {
	msg, ok := c.msgs[key]
	c.mu.Lock()
	c.used[key] = true
	if !ok {
		c.missing[key] = true
	}
	c.mu.Unlock()
	if !ok && c.fallback != nil {
		return c.fallback.T(key, args...)
	}
	if !ok {
		return key
	}
	if len(args) > 0 {
		return fmt.Sprintf(msg, args...)
	}
	return msg
}

// N returns the text of key.one when n is 1 and of key.other otherwise,
// formatted with n.
func (c *catalogue) N(key string, n int) string {
	if n == 1 {
		return c.T(key+".one", n)
	}
	return c.T(key+".other", n)
}

// dynamicKeys are the message keys the site computes rather than writes
// in a template: names of taxonomy terms and the extensions' labels.
func dynamicKeys() []string {
	keys := slices.Collect(maps.Keys(markup.Labels()))
	for _, s := range sectors {
		keys = append(keys, "sector."+s)
	}
	for _, t := range technologies {
		keys = append(keys, "technology."+t)
	}
	for _, l := range levels {
		keys = append(keys, "level."+l)
	}
	for n := 1; n <= 17; n++ {
		keys = append(keys, "sdg."+strconv.Itoa(n))
	}
	for _, k := range []string{"case-study", "pathway", "page", "glossary", "sim"} {
		keys = append(keys, "search.kind."+k)
	}
	for _, t := range taxonomies {
		keys = append(keys, "taxonomy."+t.Key, "taxonomy."+t.Key+".intro")
	}
	keys = append(keys, "lang.name")
	slices.Sort(keys)
	return keys
}

// templateKey is a message key written in a template, where it is.
type templateKey struct {
	Key  string
	File string
	Line int
}

var locRe = regexp.MustCompile(`^(.*):(\d+):\d+$`)

// templateKeys lists the constant keys passed to t and tn in the parse
// trees of ts.
func templateKeys(trees []*parse.Tree) []templateKey {
	var keys []templateKey
	var walk func(tr *parse.Tree, n parse.Node)
	walk = func(tr *parse.Tree, n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n == nil {
				return
			}
			for _, c := range n.Nodes {
				walk(tr, c)
			}
		case *parse.ActionNode:
			walk(tr, n.Pipe)
		case *parse.PipeNode:
			if n == nil {
				return
			}
			for _, c := range n.Cmds {
				walk(tr, c)
			}
		case *parse.CommandNode:
			if len(n.Args) >= 2 {
				if id, ok := n.Args[0].(*parse.IdentifierNode); ok && (id.Ident == "t" || id.Ident == "tn") {
					if s, ok := n.Args[1].(*parse.StringNode); ok {
						k := s.Text
						loc, _ := tr.ErrorContext(s)
						file, line := loc, 0
						if m := locRe.FindStringSubmatch(loc); m != nil {
							file = m[1]
							line, _ = strconv.Atoi(m[2])
						}
						if id.Ident == "tn" {
							keys = append(keys, templateKey{k + ".one", file, line}, templateKey{k + ".other", file, line})
						} else {
							keys = append(keys, templateKey{k, file, line})
						}
					}
				}
			}
			for _, a := range n.Args {
				walk(tr, a)
			}
		case *parse.IfNode:
			walk(tr, n.Pipe)
			walk(tr, n.List)
			walk(tr, n.ElseList)
		case *parse.RangeNode:
			walk(tr, n.Pipe)
			walk(tr, n.List)
			walk(tr, n.ElseList)
		case *parse.WithNode:
			walk(tr, n.Pipe)
			walk(tr, n.List)
			walk(tr, n.ElseList)
		case *parse.TemplateNode:
			walk(tr, n.Pipe)
		}
	}
	for _, tr := range trees {
		walk(tr, tr.Root)
	}
	return keys
}

// checkCatalogues reports keys the templates or the site use that a
// catalogue lacks, keys nothing uses, and translations whose placeholders
// differ from English. Call it after rendering, when the keys used at run
// time are known. Keys a translation lacks are returned apart, as
// warnings: pages show the English text until they are translated.
func checkCatalogues(cats map[string]*catalogue, tkeys []templateKey) (probs, warns Problems) {
	en := cats[defaultLang]
	if en == nil {
		return nil, nil
	}
	needed := map[string]bool{}
	inTemplates := map[string]bool{}
	for _, k := range tkeys {
		needed[k.Key] = true
		inTemplates[k.Key] = true
		if _, ok := en.msgs[k.Key]; !ok {
			probs = append(probs, Problem{File: "site/templates/" + k.File, Line: k.Line, Msg: fmt.Sprintf("missing translation key %q in %s", k.Key, en.file)})
		}
	}
	for _, k := range dynamicKeys() {
		needed[k] = true
	}
	for k := range en.used {
		needed[k] = true
	}
	var extra []string
	for k := range needed {
		if _, ok := en.msgs[k]; !ok && !inTemplates[k] {
			extra = append(extra, k)
		}
	}
	slices.Sort(extra)
	for _, k := range extra {
		probs = append(probs, Problem{File: en.file, Msg: fmt.Sprintf("missing translation key %q", k)})
	}
	for _, k := range slices.Sorted(maps.Keys(en.msgs)) {
		if !needed[k] {
			en.doc.at(k, "key %q is not used by the site: remove it", k)
		}
	}
	probs = append(probs, en.doc.list...)
	en.doc.list = nil
	for _, lang := range slices.Sorted(maps.Keys(cats)) {
		c := cats[lang]
		if c == en {
			continue
		}
		for _, k := range slices.Sorted(maps.Keys(en.msgs)) {
			if _, ok := c.msgs[k]; !ok && needed[k] {
				warns = append(warns, Problem{File: c.file, Msg: fmt.Sprintf("missing translation key %q: pages show its English text", k)})
			}
		}
		for _, k := range slices.Sorted(maps.Keys(c.msgs)) {
			enMsg, ok := en.msgs[k]
			switch {
			case !ok:
				c.doc.at(k, "unknown key %q: %s has no such key", k, en.file)
			case !slices.Equal(verbs(enMsg), verbs(c.msgs[k])):
				c.doc.at(k, "%q must keep the placeholders of English: %s", k, strings.Join(verbs(enMsg), " "))
			}
		}
		probs = append(probs, c.doc.list...)
		c.doc.list = nil
	}
	return probs, warns
}

var verbRe = regexp.MustCompile(`%[-+# 0]*[0-9]*(?:\.[0-9]+)?[a-zA-Z%]|\{[a-z]+\}`)

// verbs lists the placeholders of a message, sorted: fmt verbs, and
// {name} placeholders that scripts fill.
func verbs(msg string) []string {
	v := verbRe.FindAllString(msg, -1)
	slices.Sort(v)
	return v
}
