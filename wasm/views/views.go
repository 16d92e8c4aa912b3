package views

import (
	"nexuslab/sim"
	"nexuslab/sim/bb84"
	"nexuslab/sim/bell"
	"nexuslab/sim/bloch"
	"nexuslab/sim/chsh"
	"nexuslab/sim/composer"
	"nexuslab/sim/grover"
	"nexuslab/wasm/draw"
)

// View draws a model. It must accept the model type its simulation's
// catalog entry creates.
// Labels go through p so that they can be translated.
type View func(c draw.Canvas, th draw.Theme, p sim.Printer, m sim.Model)

// For returns the view of the simulation called name.
func For(name string) (View, bool) {
	v, ok := map[string]View{
		bell.Name:     func(c draw.Canvas, th draw.Theme, p sim.Printer, m sim.Model) { Bell(c, th, p, m.(*bell.Model)) },
		bloch.Name:    func(c draw.Canvas, th draw.Theme, p sim.Printer, m sim.Model) { Bloch(c, th, p, m.(*bloch.Model)) },
		composer.Name: func(c draw.Canvas, th draw.Theme, p sim.Printer, m sim.Model) { Circuit(c, th, p, m.(*composer.Model)) },
		grover.Name:   func(c draw.Canvas, th draw.Theme, p sim.Printer, m sim.Model) { Grover(c, th, p, m.(*grover.Model)) },
		bb84.Name:     func(c draw.Canvas, th draw.Theme, p sim.Printer, m sim.Model) { BB84(c, th, p, m.(*bb84.Model)) },
		chsh.Name:     func(c draw.Canvas, th draw.Theme, p sim.Printer, m sim.Model) { CHSH(c, th, p, m.(*chsh.Model)) },
	}[name]
	return v, ok
}
