package views

import (
	"nexuslab/sim"
	"nexuslab/sim/bb84"
	"nexuslab/sim/bloch"
	"nexuslab/sim/chsh"
	"nexuslab/sim/composer"
	"nexuslab/sim/grover"
	"nexuslab/sim/kmeans"
	"nexuslab/sim/playground"
)

// EventKind says what the reader did on the canvas.
type EventKind int

// The kinds of input.
const (
	Press   EventKind = iota // a pointer went down at X, Y
	Drag                     // the pointer moved by DX, DY while down, now at X, Y
	Release                  // the pointer went up at X, Y
	Key                      // a key was pressed while the canvas had focus
)

// Event is input on a view's canvas, in CSS pixels.
type Event struct {
	Kind   EventKind
	X, Y   float64
	DX, DY float64
	Key    string // for Key: a KeyboardEvent.key name such as "ArrowLeft", "Enter", "a"
	Ctrl   bool   // for Key: Control or Command was held
	Shift  bool   // for Key: Shift was held
}

// Input handles what a reader does on a simulation's canvas.
type Input struct {
	// Handle applies ev to m, drawn on a w×h canvas, and reports whether
	// the model changed.
	Handle func(m sim.Model, ev Event, w, h float64) bool
	// Keys tells keyboard users what the keys do, in English; it is also
	// the message key of its translations.
	Keys string
}

// InputFor returns the canvas input of the simulation called name, when
// its canvas takes input.
func InputFor(name string) (Input, bool) {
	in, ok := map[string]Input{
		bloch.Name:      blochInput,
		composer.Name:   circuitInput,
		grover.Name:     groverInput,
		bb84.Name:       bb84Input,
		chsh.Name:       chshInput,
		playground.Name: playgroundInput,
		kmeans.Name:     kmeansInput,
	}[name]
	return in, ok
}
