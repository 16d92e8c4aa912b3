package views

import (
	"nexuslab/sim"
	"nexuslab/sim/bell"
	"nexuslab/wasm/draw"
)

// View draws a model. It must accept the model type its simulation's
// catalog entry creates.
// Labels go through p so that they can be translated.
type View func(c draw.Canvas, th draw.Theme, p sim.Printer, m sim.Model)

// For returns the view of the simulation called name.
func For(name string) (View, bool) {
	v, ok := map[string]View{
		bell.Name: func(c draw.Canvas, th draw.Theme, p sim.Printer, m sim.Model) { Bell(c, th, p, m.(*bell.Model)) },
	}[name]
	return v, ok
}
