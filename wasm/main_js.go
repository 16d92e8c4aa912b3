package main

import (
	"fmt"
	"strings"
	"sync"

	"github.com/hajimehoshi/ebiten/v2"

	"nexuslab/sim"
	"nexuslab/sim/catalog"
	"nexuslab/wasm/draw"
	"nexuslab/wasm/internal/ebitendraw"
	"nexuslab/wasm/internal/page"
	"nexuslab/wasm/views"
)

func main() {
	p, err := page.Find()
	if err != nil {
		println(err.Error())
		return
	}
	if err := run(p); err != nil {
		p.Fail(err)
	}
}

func run(p *page.Page) error {
	e, ok := catalog.Lookup(p.Name())
	if !ok {
		return fmt.Errorf("There is no simulation called %q.", p.Name())
	}
	view, ok := views.For(e.Name)
	if !ok {
		return fmt.Errorf("The simulation %q has no view.", e.Name)
	}
	g := &game{page: p, model: e.New(), view: view, pr: sim.English{}, theme: draw.Light()}
	if p.Dark() {
		g.theme = draw.Dark()
	}
	v, probs := g.model.Schema().Parse(p.Query())
	if err := g.model.Reset(v); err != nil {
		return err
	}
	p.BuildControls(g.model.Schema(), g.model.Actions(), g.pr, g.change, g.act)
	g.refresh(problemText(probs))
	p.RemovePreview()

	ebiten.SetScreenClearedEveryFrame(false)
	ebiten.SetRunnableOnUnfocused(true)
	return ebiten.RunGame(g)
}

// game adapts a model and its view to ebiten. DOM callbacks and ebiten's
// loop both touch the model, hence the mutex.
type game struct {
	mu     sync.Mutex
	page   *page.Page
	model  sim.Model
	view   views.View
	pr     sim.Printer
	theme  draw.Theme
	canvas ebitendraw.Canvas
	dirty  bool
	ready  bool
	w, h   int     // layout in CSS pixels
	scale  float64 // device pixels per CSS pixel
}

// change applies an edited control.
func (g *game) change(name, value string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	q := g.model.Query()
	q.Set(name, value)
	v, probs := g.model.Schema().Parse(q)
	msg := problemText(probs)
	if err := g.model.Reset(v); err != nil {
		msg = err.Error()
	}
	g.refresh(msg)
}

// act applies a pressed action button.
func (g *game) act(action string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	msg := ""
	if err := g.model.Do(action); err != nil {
		msg = err.Error()
	}
	g.refresh(msg)
}

// refresh writes the model's state to the page. Callers hold g.mu.
func (g *game) refresh(msg string) {
	q := g.model.Query()
	g.page.SetValues(q)
	g.page.SetMessage(msg)
	g.page.SetDescription(g.model.Describe(g.pr))
	g.page.SetURL(g.model.Schema().Encode(q))
	g.page.Post()
	g.dirty = true
}

// Update does nothing: models change only on the reader's actions.
func (g *game) Update() error { return nil }

// Draw redraws the view when the model or the layout changed.
func (g *game) Draw(screen *ebiten.Image) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.dirty {
		return
	}
	screen.Fill(g.theme.Background)
	g.canvas.Begin(screen, float64(g.w), float64(g.h), g.scale)
	g.view(&g.canvas, g.theme, g.pr, g.model)
	g.page.SetLabels(g.canvas.Labels())
	g.dirty = false
	if !g.ready {
		g.ready = true
		g.page.SetState("ready")
	}
}

// Layout renders at device resolution so lines stay sharp on phones.
func (g *game) Layout(w, h int) (int, int) {
	s := ebiten.Monitor().DeviceScaleFactor()
	if w != g.w || h != g.h || s != g.scale {
		g.mu.Lock()
		g.w, g.h, g.scale, g.dirty = w, h, s, true
		g.mu.Unlock()
	}
	return int(float64(w) * s), int(float64(h) * s)
}

func problemText(probs []sim.Problem) string {
	msgs := make([]string, len(probs))
	for i, p := range probs {
		msgs[i] = p.Error()
	}
	return strings.Join(msgs, "; ")
}
