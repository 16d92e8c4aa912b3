package site

import (
	"fmt"
	"strings"
)

// PathwayMeta is the YAML header of a learning pathway.
type PathwayMeta struct {
	Title   string        `yaml:"title"`
	Summary string        `yaml:"summary"`
	Level   string        `yaml:"level"`
	Steps   []PathwayStep `yaml:"steps"`
}

// PathwayStep is one step of a pathway: a case study to read or a
// simulation to run, with a note on what to do.
type PathwayStep struct {
	CaseStudy string            `yaml:"case-study"`
	Sim       string            `yaml:"sim"`
	Params    map[string]string `yaml:"params"`
	Note      string            `yaml:"note"`
}

// Pathway is an ordered route through case studies and simulations.
type Pathway struct {
	page
	Meta  PathwayMeta
	Steps []pathwayStep
}

// pathwayStep is a step resolved against the content and the catalogue.
type pathwayStep struct {
	Key     string // stable name of the step in the reader's saved progress
	Title   string
	URL     string
	Summary string
	Note    string
	Kind    string // "case-study" or "sim"
}

// loadPathway reads and validates one pathway. Its steps are resolved
// once every case study is loaded.
func loadPathway(file string, src []byte) (*Pathway, Problems) {
	p, head, probs := splitFrontMatter(file, src, "/pathways/")
	if p == nil {
		return nil, probs
	}
	pw := &Pathway{page: *p}
	d, ok := decodeYAML(file, head, 1, &pw.Meta)
	pw.meta = d
	if ok {
		m := &pw.Meta
		if strings.TrimSpace(m.Title) == "" {
			d.at("title", "title is required")
		}
		if strings.TrimSpace(m.Summary) == "" {
			d.at("summary", "summary is required: one paragraph on what the pathway teaches")
		}
		if m.Level != "" && !contains(levels, m.Level) {
			d.at("level", "unknown level %q (known: %s)", m.Level, strings.Join(levels, ", "))
		}
		if len(m.Steps) == 0 {
			d.at("steps", "steps is required: a list of case-study or sim steps")
		}
		for i, s := range m.Steps {
			if (s.CaseStudy == "") == (s.Sim == "") {
				d.at(fmt.Sprintf("steps[%d]", i), "step %d needs either case-study or sim, not both", i+1)
			}
			if s.CaseStudy != "" && len(s.Params) > 0 {
				d.at(fmt.Sprintf("steps[%d].params", i), "step %d: params belong to a sim step", i+1)
			}
		}
	}
	probs = append(probs, d.list...)
	if !ok {
		return nil, probs
	}
	return pw, probs
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
