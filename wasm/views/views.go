package views

import (
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
	"nexuslab/wasm/draw"
)

// View draws a model. It must accept the model type its simulation's
// catalog entry creates.
// Labels go through p so that they can be translated.
type View func(c draw.Canvas, th draw.Theme, p sim.Printer, m sim.Model)

// For returns the view of the simulation called name. Each call returns
// a view of its own: some keep scratch buffers between frames, so a view
// must not be shared by drawings that run at the same time.
func For(name string) (View, bool) {
	pg, km := &Playground{}, &Kmeans{}
	v, ok := map[string]View{
		bell.Name:     func(c draw.Canvas, th draw.Theme, p sim.Printer, m sim.Model) { Bell(c, th, p, m.(*bell.Model)) },
		bloch.Name:    func(c draw.Canvas, th draw.Theme, p sim.Printer, m sim.Model) { Bloch(c, th, p, m.(*bloch.Model)) },
		composer.Name: func(c draw.Canvas, th draw.Theme, p sim.Printer, m sim.Model) { Circuit(c, th, p, m.(*composer.Model)) },
		grover.Name:   func(c draw.Canvas, th draw.Theme, p sim.Printer, m sim.Model) { Grover(c, th, p, m.(*grover.Model)) },
		bb84.Name:     func(c draw.Canvas, th draw.Theme, p sim.Printer, m sim.Model) { BB84(c, th, p, m.(*bb84.Model)) },
		chsh.Name:     func(c draw.Canvas, th draw.Theme, p sim.Printer, m sim.Model) { CHSH(c, th, p, m.(*chsh.Model)) },
		playground.Name: func(c draw.Canvas, th draw.Theme, p sim.Printer, m sim.Model) {
			pg.Draw(c, th, p, m.(*playground.Model))
		},
		fairness.Name: func(c draw.Canvas, th draw.Theme, p sim.Printer, m sim.Model) {
			Fairness(c, th, p, m.(*fairness.Model))
		},
		kmeans.Name: func(c draw.Canvas, th draw.Theme, p sim.Printer, m sim.Model) { km.Draw(c, th, p, m.(*kmeans.Model)) },
	}[name]
	return v, ok
}
