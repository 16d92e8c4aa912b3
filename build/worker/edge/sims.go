package edge

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
)

// Sim is a simulation with an embed page.
type Sim struct {
	Name  string // as in /embed/NAME/
	Title string // English title
}

// FormatSims encodes a catalogue as a URL query of NAME=TITLE pairs, the
// form in which the bundler hands it to the Worker at link time: it holds
// no spaces or quotes that a linker flag would need to escape.
func FormatSims(sims []Sim) (string, error) {
	v := url.Values{}
	for _, s := range sims {
		if err := s.check(); err != nil {
			return "", err
		}
		if v.Has(s.Name) {
			return "", fmt.Errorf("edge: simulation %q listed twice", s.Name)
		}
		v.Set(s.Name, s.Title)
	}
	return v.Encode(), nil
}

// ParseSims decodes a catalogue written by FormatSims, sorted by name.
func ParseSims(s string) ([]Sim, error) {
	if s == "" {
		return nil, errors.New("edge: empty simulation catalogue: build the Worker with make worker")
	}
	v, err := url.ParseQuery(s)
	if err != nil {
		return nil, fmt.Errorf("edge: simulation catalogue: %w", err)
	}
	sims := make([]Sim, 0, len(v))
	for name, titles := range v {
		sim := Sim{Name: name, Title: titles[0]}
		if err := sim.check(); err != nil {
			return nil, err
		}
		if len(titles) > 1 {
			return nil, fmt.Errorf("edge: simulation %q listed twice", name)
		}
		sims = append(sims, sim)
	}
	slices.SortFunc(sims, func(a, b Sim) int { return strings.Compare(a.Name, b.Name) })
	return sims, nil
}

// check reports a name that cannot be a path segment or a missing title.
func (s Sim) check() error {
	if s.Name == "" || strings.Trim(s.Name, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
		return fmt.Errorf("edge: simulation name %q: want lower-case letters, digits and hyphens", s.Name)
	}
	if strings.TrimSpace(s.Title) == "" {
		return fmt.Errorf("edge: simulation %q has no title", s.Name)
	}
	return nil
}
