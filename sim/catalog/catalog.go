package catalog

import (
	"slices"
	"strings"

	"nexuslab/sim"
	"nexuslab/sim/bb84"
	"nexuslab/sim/bell"
	"nexuslab/sim/bloch"
	"nexuslab/sim/chsh"
	"nexuslab/sim/composer"
	"nexuslab/sim/fairness"
	"nexuslab/sim/grover"
	"nexuslab/sim/kmeans"
	"nexuslab/sim/playground"
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
		{Name: bloch.Name, Title: "Qubit on the Bloch sphere", Summary: "Turn one qubit with gates, watch its state move on the Bloch sphere, and measure it in any basis.", New: func() sim.Model { return bloch.New() }},
		{Name: composer.Name, Title: "Quantum circuit composer", Summary: "Build a circuit gate by gate, step through it, see probabilities, phases and Bloch vectors, and read or write it as OpenQASM.", New: func() sim.Model { return composer.New() }},
		{Name: grover.Name, Title: "Grover search", Summary: "Search for marked items iteration by iteration: the oracle flips a sign, the diffusion reflects about the mean, and too many rounds overshoot.", New: func() sim.Model { return grover.New() }},
		{Name: bb84.Name, Title: "BB84 quantum key distribution", Summary: "Send photons from Alice to Bob, let Eve listen, and see the error rate reveal her before a key is made.", New: func() sim.Model { return bb84.New() }},
		{Name: playground.Name, Title: "Neural-network playground", Summary: "Train a small neural network in your browser and watch its decision surface, its weights and its training and test losses change.", New: func() sim.Model { return playground.New() }},
		{Name: fairness.Name, Title: "Fairness audit", Summary: "Audit a disease-screening classifier, or a CSV file of your own, group by group; move its thresholds, and see why equal error rates and equal precision cannot both hold when base rates differ.", New: func() sim.Model { return fairness.New() }},
		{Name: kmeans.Name, Title: "k-means clustering", Summary: "Group districts by climate-risk indicators with k-means, step through assignment and update, and compare inertia and silhouette across k.", New: func() sim.Model { return kmeans.New() }},
		{Name: chsh.Name, Title: "CHSH Bell test", Summary: "Choose measurement angles for Alice and Bob and see entangled qubits beat the classical bound S ≤ 2, up to 2√2.", New: func() sim.Model { return chsh.New() }},
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
