package site

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Problem is one thing wrong with the content, at a file and line.
type Problem struct {
	File string
	Line int // 1-based; 0 when the problem concerns the whole file
	Msg  string
}

func (p Problem) Error() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
	}
	return p.File + ": " + p.Msg
}

// Problems is every problem found in the content. Build and Check return
// all of them at once, in file order.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// Reference is a cited public source.
type Reference struct {
	Title     string `yaml:"title"`
	URL       string `yaml:"url"`
	Publisher string `yaml:"publisher"`
	Year      int    `yaml:"year"`
}

// SimPreset is a simulation a case study features, with its preset
// parameters.
type SimPreset struct {
	Name   string            `yaml:"name"`
	Params map[string]string `yaml:"params"`
}

// FrontMatter is the YAML header of a case study.
type FrontMatter struct {
	Title        string      `yaml:"title"`
	Summary      string      `yaml:"summary"`
	Sectors      []string    `yaml:"sectors"`
	SDGs         []int       `yaml:"sdgs"`
	Technologies []string    `yaml:"technologies"`
	Regions      []string    `yaml:"regions"`
	Level        string      `yaml:"level"`
	Sims         []SimPreset `yaml:"sims"`
	Date         string      `yaml:"date"`
	License      string      `yaml:"license"`
	References   []Reference `yaml:"references"`
}

// The values front matter may take.
var (
	sectors      = []string{"climate", "agriculture", "health", "public-services", "cities"}
	technologies = []string{"quantum", "ai"}
	levels       = []string{"intro", "intermediate", "advanced"}
)

// Page is one Markdown file of content.
type Page struct {
	File      string // path inside the content folder
	Slug      string // last path element of its URL
	Meta      FrontMatter
	Body      []byte // Markdown after the front matter
	BodyLine  int    // line of the file where Body starts
	metaLines map[string]int
}

// URL returns the page's path on the site.
func (p *Page) URL() string { return "/case-studies/" + p.Slug + "/" }

// Date returns the publication date.
func (p *Page) Date() time.Time {
	t, _ := time.Parse(time.DateOnly, p.Meta.Date)
	return t
}

var slugRe = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// loadCaseStudies reads content/case-studies/*.md.
func loadCaseStudies(content fs.FS) ([]*Page, Problems) {
	var pages []*Page
	var probs Problems
	files, err := fs.Glob(content, "case-studies/*.md")
	if err != nil {
		return nil, Problems{{File: "case-studies", Msg: err.Error()}}
	}
	for _, f := range files {
		src, err := fs.ReadFile(content, f)
		if err != nil {
			probs = append(probs, Problem{File: f, Msg: err.Error()})
			continue
		}
		p, ps := parsePage(f, src)
		probs = append(probs, ps...)
		if p != nil {
			pages = append(pages, p)
		}
	}
	slices.SortFunc(pages, func(a, b *Page) int {
		if c := b.Date().Compare(a.Date()); c != 0 {
			return c
		}
		return strings.Compare(a.Slug, b.Slug)
	})
	return pages, probs
}

// parsePage splits front matter from body and validates the front matter.
func parsePage(file string, src []byte) (*Page, Problems) {
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	if !bytes.HasPrefix(src, []byte("---\n")) {
		return nil, Problems{{File: file, Line: 1, Msg: "front matter missing: the file must begin with a line ---"}}
	}
	end := bytes.Index(src[4:], []byte("\n---\n"))
	if end < 0 {
		return nil, Problems{{File: file, Line: 1, Msg: "front matter not closed: add a line --- after it"}}
	}
	head := src[4 : 4+end+1]
	p := &Page{
		File:     file,
		Slug:     strings.TrimSuffix(path.Base(file), ".md"),
		Body:     src[4+end+5:],
		BodyLine: bytes.Count(src[:4+end+5], []byte("\n")) + 1,
	}
	var probs Problems
	add := func(line int, format string, args ...any) {
		probs = append(probs, Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	if !slugRe.MatchString(p.Slug) {
		add(0, "file name %q must be lower-case words joined by hyphens", p.Slug)
	}
	var node yaml.Node
	if err := yaml.Unmarshal(head, &node); err != nil {
		add(yamlLine(err)+1, "front matter: %s", yamlMsg(err))
		return nil, probs
	}
	dec := yaml.NewDecoder(bytes.NewReader(head))
	dec.KnownFields(true)
	if err := dec.Decode(&p.Meta); err != nil {
		var te *yaml.TypeError
		if errors.As(err, &te) {
			for _, e := range te.Errors {
				add(yamlLineOf(e)+1, "front matter: %s", stripLine(e))
			}
		} else {
			add(yamlLine(err)+1, "front matter: %s", yamlMsg(err))
		}
		return nil, probs
	}
	p.metaLines = keyLines(&node)
	line := func(key string) int { return p.metaLines[key] + 1 }
	m := &p.Meta
	if strings.TrimSpace(m.Title) == "" {
		add(line("title"), "title is required")
	}
	if strings.TrimSpace(m.Summary) == "" {
		add(line("summary"), "summary is required: one paragraph for policymakers")
	}
	for _, s := range m.Sectors {
		if !slices.Contains(sectors, s) {
			add(line("sectors"), "unknown sector %q (known: %s)", s, strings.Join(sectors, ", "))
		}
	}
	for _, n := range m.SDGs {
		if n < 1 || n > 17 {
			add(line("sdgs"), "SDG %d does not exist: goals are numbered 1 to 17", n)
		}
	}
	for _, t := range m.Technologies {
		if !slices.Contains(technologies, t) {
			add(line("technologies"), "unknown technology %q (known: %s)", t, strings.Join(technologies, ", "))
		}
	}
	if m.Level != "" && !slices.Contains(levels, m.Level) {
		add(line("level"), "unknown level %q (known: %s)", m.Level, strings.Join(levels, ", "))
	}
	if _, err := time.Parse(time.DateOnly, m.Date); err != nil {
		add(line("date"), "date %q must be written YYYY-MM-DD", m.Date)
	}
	for i, r := range m.References {
		if r.Title == "" || !strings.HasPrefix(r.URL, "https://") && !strings.HasPrefix(r.URL, "http://") {
			add(line("references"), "reference %d needs a title and an http(s) url", i+1)
		}
	}
	return p, probs
}

// keyLines maps each top-level key of a YAML mapping to its 1-based line.
func keyLines(doc *yaml.Node) map[string]int {
	lines := map[string]int{}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return lines
	}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		lines[m.Content[i].Value] = m.Content[i].Line
	}
	return lines
}

var yamlLineRe = regexp.MustCompile(`line (\d+): `)

func yamlLineOf(msg string) int {
	if m := yamlLineRe.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	return 0
}

func yamlLine(err error) int { return yamlLineOf(err.Error()) }

func stripLine(msg string) string { return yamlLineRe.ReplaceAllString(msg, "") }

func yamlMsg(err error) string { return stripLine(strings.TrimPrefix(err.Error(), "yaml: ")) }
