package main

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/hajimehoshi/ebiten/v2"

	"nexuslab/sim"
	"nexuslab/sim/catalog"
	"nexuslab/sim/i18n"
	"nexuslab/wasm/draw"
	"nexuslab/wasm/internal/ebitendraw"
	"nexuslab/wasm/internal/page"
	"nexuslab/wasm/views"
)

// tps is ebiten's update rate; live models advance by 1/tps a tick.
const tps = 60

// liveRefresh is how many ticks pass between description updates while a
// model runs on its own: often enough to follow, rarely enough that a
// screen reader is not flooded.
const liveRefresh = 2 * tps

func main() {
	p, err := page.Find()
	if err != nil {
		println(err.Error())
		return
	}
	p.Guard(func() {
		if err := run(p); err != nil {
			p.Fail(err)
		}
	})
}

func run(p *page.Page) error {
	e, ok := catalog.Lookup(p.Name())
	if !ok {
		return fmt.Errorf("there is no simulation called %q", p.Name())
	}
	view, ok := views.For(e.Name)
	if !ok {
		return fmt.Errorf("the simulation %q has no view", e.Name)
	}
	g := &game{page: p, entry: e, model: e.New(), view: view, pr: printer(p), theme: draw.Light()}
	if in, ok := views.InputFor(e.Name); ok {
		g.input = &in
	}
	if p.Dark() {
		g.theme = draw.Dark()
	}
	if m, ok := g.model.(sim.Motion); ok {
		m.SetReducedMotion(p.ReducedMotion())
	}
	// The URL wins; without one, the state saved on this device.
	q := p.Query()
	if !hasAny(q, g.model.Schema()) {
		if saved := p.Stored(); saved != nil {
			q = saved
		}
	}
	v, probs := g.model.Schema().Parse(q)
	resetErr := start(g.model, v)
	var pe *sim.ParamError
	if resetErr != nil && !errors.As(resetErr, &pe) {
		// A bad saved or linked state must not lock the reader out: fall
		// back to the defaults and say why. A ParamError leaves the model
		// usable with the reader's text kept, to be fixed in place.
		if err := g.model.Reset(g.model.Schema().Defaults()); err != nil {
			return err
		}
	}
	p.BuildControls(g.model.Schema(), g.model.Actions(), g.pr, g.change, g.act)
	p.AddFileTools(g.model.Schema(), g.pr, g.change)
	if x, ok := g.model.(sim.Exporter); ok {
		p.AddDownload(g.pr, func() (string, []byte) {
			g.mu.Lock()
			defer g.mu.Unlock()
			return x.Export()
		})
	}
	p.AddEmbed(g.pr.Sprintf(e.Title), g.pr)
	if _, ok := g.model.(sim.Summarizer); ok {
		p.AddSummary(g.pr)
	}
	g.refresh(problemText(probs, g.pr), resetErr)
	p.RemovePreview()

	ebiten.SetTPS(tps)
	ebiten.SetScreenClearedEveryFrame(false)
	ebiten.SetRunnableOnUnfocused(true)
	return ebiten.RunGame(g)
}

// start sets m to v, leaving a long rebuild to the frames that follow
// when m can take it a chunk at a time.
func start(m sim.Model, v sim.Values) error {
	if r, ok := m.(sim.Replayer); ok {
		return r.Replay(v)
	}
	return m.Reset(v)
}

// printer returns the Printer of the page's language: the translations
// the embed page carries, or English when it carries none.
func printer(p *page.Page) sim.Printer {
	if m := p.Messages(); len(m) > 0 {
		return i18n.New(p.Lang(), m)
	}
	return sim.English{}
}

// hasAny reports whether q sets any parameter of s.
func hasAny(q map[string][]string, s sim.Schema) bool {
	for _, prm := range s {
		if _, ok := q[prm.Name]; ok {
			return true
		}
	}
	return false
}

// game adapts a model and its view to ebiten. DOM callbacks and ebiten's
// loop both touch the model, hence the mutex.
type game struct {
	mu       sync.Mutex
	page     *page.Page
	entry    catalog.Entry
	model    sim.Model
	view     views.View
	input    *views.Input
	pr       sim.Printer
	theme    draw.Theme
	canvas   ebitendraw.Canvas
	dirty    bool
	ready    bool
	hooked   bool    // canvas input attached
	ticks    int     // ticks since the last refresh while live
	w, h     int     // layout in CSS pixels
	scale    float64 // device pixels per CSS pixel
	errParam string  // parameter whose control shows an error
}

// change applies an edited control.
func (g *game) change(name, value string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	q := g.model.Query()
	q.Set(name, value)
	v, probs := g.model.Schema().Parse(q)
	g.refresh(problemText(probs, g.pr), g.model.Reset(v))
}

// act applies a pressed action button.
func (g *game) act(action string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.refresh("", g.model.Do(action))
}

// handle applies input on the canvas.
func (g *game) handle(ev views.Event) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.input.Handle(g.model, ev, float64(g.w), float64(g.h)) {
		g.refresh("", nil)
	}
}

// refresh writes the model's state to the page: controls, messages,
// description, URL and saved state. Callers hold g.mu.
func (g *game) refresh(msg string, err error) {
	q := g.model.Query()
	g.page.SetValues(q)
	var pe *sim.ParamError
	isParam := errors.As(err, &pe)
	if g.errParam != "" && (!isParam || pe.Param != g.errParam) {
		// The error is gone or has moved to another control.
		g.page.SetFieldError(g.errParam, "")
		g.errParam = ""
	}
	switch {
	case isParam:
		if text := pe.Text(g.pr); !g.page.SetFieldError(pe.Param, text) {
			// A hidden parameter has no control: say it as Problem does.
			msg = strings.TrimSpace(msg + " " + pe.Param + ": " + text)
		}
		g.errParam = pe.Param
	case err != nil:
		msg = strings.TrimSpace(msg + " " + sim.ErrorText(g.pr, err))
	}
	g.page.SetMessage(msg)
	g.page.SetDescription(g.model.Describe(g.pr))
	if sm, ok := g.model.(sim.Summarizer); ok {
		g.page.SetSummary(sm.Summary(g.pr))
	}
	query := g.model.Schema().Encode(q)
	g.page.SetURL(query)
	g.page.Store(query)
	g.page.Post()
	g.dirty = true
	g.ticks = 0
}

// Update advances a live model and refreshes the page now and then.
func (g *game) Update() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	live, ok := g.model.(sim.Live)
	if !ok {
		return nil
	}
	if live.Active() {
		live.Advance(1.0 / tps)
		g.dirty = true
		g.ticks++
		if g.ticks >= liveRefresh || !live.Active() {
			g.refresh("", nil)
		}
	}
	return nil
}

// Draw redraws the view when the model or the layout changed.
func (g *game) Draw(screen *ebiten.Image) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.hooked {
		g.hooked = g.page.Canvas(g.pr.Sprintf(g.entry.Title), g.input, g.pr, g.handle)
	}
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

func problemText(probs []sim.Problem, pr sim.Printer) string {
	msgs := make([]string, len(probs))
	for i, p := range probs {
		msgs[i] = p.Text(pr)
	}
	return strings.Join(msgs, "; ")
}
