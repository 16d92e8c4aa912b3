package catalog

import (
	"slices"
	"strings"

	"nexuslab/sim"
	"nexuslab/sim/bell"
)

// Entry describes one simulation.
type Entry struct {
	Name    string           // used in URLs: /embed/NAME/
	Title   string           // English title, also its message key
	Summary string           // one English sentence, also its message key
	New     func() sim.Model // returns the model in its default state
}

// All returns every simulation, sorted by name.
func All() []Entry {
	e := []Entry{
		{Name: bell.Name, Title: "Bell pair", Summary: "Entangle two qubits and measure them: each bit is random, yet they always agree.", New: func() sim.Model { return bell.New() }},
	}
	slices.SortFunc(e, func(a, b Entry) int { return strings.Compare(a.Name, b.Name) })
	return e
}

// Lookup returns the simulation called name.
func Lookup(name string) (Entry, bool) {
	for _, e := range All() {
		if e.Name == name {
			return e, true
		}
	}
	return Entry{}, false
}
