package site

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Reference is a cited public source.
type Reference struct {
	Title     string `yaml:"title"`
	URL       string `yaml:"url"`
	Publisher string `yaml:"publisher"`
	Year      int    `yaml:"year"`
}

// SimPreset is a simulation with preset parameters.
type SimPreset struct {
	Name   string            `yaml:"name"`
	Params map[string]string `yaml:"params"`
}

// FrontMatter is the YAML header of a case study. README.md documents
// every field.
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

// page is what every Markdown file has in common.
type page struct {
	File     string // path inside the content folder
	Slug     string // last path element of its URL
	URL      string // path on the site, ending in /
	Body     []byte // Markdown after the front matter
	BodyLine int    // line of the file where Body starts
	HTML     template.HTML
	Text     string   // the body as plain text, for the search index
	Sims     []string // simulations the body embeds, in order
	links    []link
	meta     *yamlDoc
	// TextLang is the language the text is written in; empty means
	// English.
	TextLang string
}

// textLang returns the language of the page's text.
func (p *page) textLang() string {
	if p.TextLang == "" {
		return defaultLang
	}
	return p.TextLang
}

// line returns the file line of a byte offset in Body.
func (p *page) line(offset int) int {
	offset = min(max(offset, 0), len(p.Body))
	return p.BodyLine + bytes.Count(p.Body[:offset], []byte("\n"))
}

// CaseStudy is a case study: front matter and Markdown.
type CaseStudy struct {
	page
	Meta FrontMatter
	// RegionNames are the names of Meta.Regions in the page's language,
	// when a translation gives them.
	RegionNames []string
}

// regionName returns the name of the i-th region as shown.
func (c *CaseStudy) regionName(i int) string {
	if i < len(c.RegionNames) {
		return c.RegionNames[i]
	}
	return c.Meta.Regions[i]
}

// Date returns the publication date.
func (c *CaseStudy) Date() time.Time {
	t, _ := time.Parse(time.DateOnly, c.Meta.Date)
	return t
}

var slugRe = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// splitFrontMatter separates the YAML header of a Markdown file from its
// body and checks the file name.
func splitFrontMatter(file string, src []byte, urlDir string) (*page, []byte, Problems) {
	return splitFrontMatterAs(file, strings.TrimSuffix(path.Base(file), ".md"), src, urlDir)
}

// splitFrontMatterAs is splitFrontMatter for a file whose URL takes the
// name slug, such as a translation NAME.LANG.md.
func splitFrontMatterAs(file, slug string, src []byte, urlDir string) (*page, []byte, Problems) {
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	p := &page{File: file, Slug: slug}
	p.URL = urlDir + p.Slug + "/"
	var probs Problems
	if !slugRe.MatchString(p.Slug) {
		probs = append(probs, Problem{File: file, Msg: fmt.Sprintf("file name %q must be lower-case words joined by hyphens", p.Slug)})
	}
	if !bytes.HasPrefix(src, []byte("---\n")) {
		return nil, nil, append(probs, Problem{File: file, Line: 1, Msg: "front matter missing: the file must begin with a line ---"})
	}
	end := bytes.Index(src[3:], []byte("\n---\n"))
	if end < 0 {
		if bytes.HasSuffix(src, []byte("\n---")) {
			end = len(src) - 4 - 3
			src = append(src, '\n')
		} else {
			return nil, nil, append(probs, Problem{File: file, Line: 1, Msg: "front matter not closed: add a line --- after it"})
		}
	}
	head := src[4 : 3+end+1]
	p.Body = src[3+end+5:]
	p.BodyLine = bytes.Count(src[:3+end+5], []byte("\n")) + 1
	return p, head, probs
}

// loadCaseStudy reads and validates one case study.
func loadCaseStudy(file string, src []byte) (*CaseStudy, Problems) {
	p, head, probs := splitFrontMatter(file, src, "/case-studies/")
	if p == nil {
		return nil, probs
	}
	c := &CaseStudy{page: *p}
	d, ok := decodeYAML(file, head, 1, &c.Meta)
	c.meta = d
	if ok {
		c.validate(d)
	}
	probs = append(probs, d.list...)
	if !ok {
		return nil, probs
	}
	return c, probs
}

// validate checks the values of the front matter. Simulation presets are
// checked later, against the catalogue.
func (c *CaseStudy) validate(d *yamlDoc) {
	m := &c.Meta
	if strings.TrimSpace(m.Title) == "" {
		d.at("title", "title is required")
	}
	if strings.TrimSpace(m.Summary) == "" {
		d.at("summary", "summary is required: one paragraph for policymakers")
	}
	if len(m.Sectors) == 0 {
		d.at("sectors", "sectors is required: at least one of %s", strings.Join(sectors, ", "))
	}
	for i, s := range m.Sectors {
		if !slices.Contains(sectors, s) {
			d.at(fmt.Sprintf("sectors[%d]", i), "unknown sector %q (known: %s)", s, strings.Join(sectors, ", "))
		}
	}
	for i, n := range m.SDGs {
		if n < 1 || n > 17 {
			d.at(fmt.Sprintf("sdgs[%d]", i), "SDG %d does not exist: goals are numbered 1 to 17", n)
		}
	}
	if len(m.Technologies) == 0 {
		d.at("technologies", "technologies is required: at least one of %s", strings.Join(technologies, ", "))
	}
	for i, t := range m.Technologies {
		if !slices.Contains(technologies, t) {
			d.at(fmt.Sprintf("technologies[%d]", i), "unknown technology %q (known: %s)", t, strings.Join(technologies, ", "))
		}
	}
	for i, r := range m.Regions {
		if slugify(r) == "" {
			d.at(fmt.Sprintf("regions[%d]", i), "region %q has no letters or digits", r)
		}
	}
	if m.Level == "" {
		d.at("level", "level is required: one of %s", strings.Join(levels, ", "))
	} else if !slices.Contains(levels, m.Level) {
		d.at("level", "unknown level %q (known: %s)", m.Level, strings.Join(levels, ", "))
	}
	if _, err := time.Parse(time.DateOnly, m.Date); err != nil {
		d.at("date", "date %q must be written YYYY-MM-DD", m.Date)
	}
	if strings.TrimSpace(m.License) == "" {
		d.at("license", "license is required, such as CC BY 4.0")
	}
	for i, r := range m.References {
		if strings.TrimSpace(r.Title) == "" {
			d.at(fmt.Sprintf("references[%d]", i), "reference %d needs a title", i+1)
		}
		if !strings.HasPrefix(r.URL, "https://") && !strings.HasPrefix(r.URL, "http://") {
			d.at(fmt.Sprintf("references[%d].url", i), "reference %d needs an http(s) url", i+1)
		}
	}
	for i, s := range m.Sims {
		if s.Name == "" {
			d.at(fmt.Sprintf("sims[%d]", i), "simulation %d needs a name", i+1)
		}
	}
}

// slugify turns a name into a URL path element: lower-case letters and
// digits joined by hyphens.
func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		case r > 127 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		default:
			dash = true
		}
	}
	return b.String()
}

// readMarkdown lists the Markdown files of a content folder, sorted.
func readMarkdown(content fs.FS, dir string) ([]string, error) {
	files, err := fs.Glob(content, dir+"/*.md")
	if err != nil {
		return nil, err
	}
	slices.Sort(files)
	return files, nil
}

// schemaTypes are the types decoded from YAML, for naming known fields.
var schemaTypes = []reflect.Type{
	reflect.TypeFor[FrontMatter](), reflect.TypeFor[Reference](), reflect.TypeFor[SimPreset](),
	reflect.TypeFor[PathwayMeta](), reflect.TypeFor[PathwayStep](), reflect.TypeFor[GlossaryEntry](),
	reflect.TypeFor[PageMeta](), reflect.TypeFor[TranslationMeta](), reflect.TypeFor[TranslatedStep](),
	reflect.TypeFor[GlossaryTranslation](),
}

// knownFieldsOf lists the YAML fields of a decoded type named as yaml.v3
// names it, such as site.FrontMatter.
func knownFieldsOf(typeName string) string {
	for _, t := range schemaTypes {
		if t.String() != typeName {
			continue
		}
		var names []string
		for f := range t.Fields() {
			if tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ","); tag != "" && tag != "-" {
				names = append(names, tag)
			}
		}
		return " (known: " + strings.Join(names, ", ") + ")"
	}
	return ""
}

func itoa(n int) string { return strconv.Itoa(n) }
