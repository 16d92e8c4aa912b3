//go:build js

package page

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"syscall/js"

	"nexuslab/sim"
	"nexuslab/wasm/internal/ebitendraw"
)

// Page is the simulation's container and the elements inside it.
type Page struct {
	doc, root      js.Value
	controls, desc js.Value
	msg, labels    js.Value
	name, state    string
	lastLabels     []ebitendraw.Label
	funcs          []js.Func // kept so callbacks are not collected
	inFrame        bool
	summary        js.Value // the summary section's text, when the model writes one
	lastSummary    string
	pr             sim.Printer
	conditional    []conditional // controls and buttons shown only in some states
	private        []sim.Param   // parameters whose values stay in memory
	holdsPrivate   bool          // a private parameter has a value other than its default
}

// conditional is an element shown only while the parameters meet a
// condition.
type conditional struct {
	el      js.Value
	visible func(url.Values) bool
}

// Find returns the first element with a data-sim attribute.
func Find() (*Page, error) {
	doc := js.Global().Get("document")
	root := doc.Call("querySelector", "[data-sim]")
	if root.IsNull() {
		return nil, errors.New("page: no element with data-sim")
	}
	p := &Page{doc: doc, root: root, name: root.Get("dataset").Get("sim").String()}
	p.desc = p.child("[data-sim-description]", "p")
	p.desc.Call("setAttribute", "aria-live", "polite")
	p.msg = p.child("[data-sim-message]", "p")
	p.controls = p.child("[data-sim-controls]", "form")
	p.labels = p.child("[data-sim-labels]", "div")
	p.labels.Call("setAttribute", "aria-hidden", "true")
	win := js.Global().Get("window")
	p.inFrame = !win.Get("parent").Equal(win)
	return p, nil
}

// child returns the element matching sel inside the container, creating
// a tag element when the page lacks it.
func (p *Page) child(sel, tag string) js.Value {
	el := p.root.Call("querySelector", sel)
	if el.IsNull() {
		el = p.doc.Call("createElement", tag)
		attr := strings.Trim(sel, "[]")
		el.Call("setAttribute", attr, "")
		p.root.Call("appendChild", el)
	}
	return el
}

// Name returns the simulation's name from data-sim.
func (p *Page) Name() string { return p.name }

// Query returns the page URL's query.
func (p *Page) Query() url.Values {
	q, err := url.ParseQuery(strings.TrimPrefix(js.Global().Get("location").Get("search").String(), "?"))
	if err != nil {
		return url.Values{}
	}
	return q
}

// Lang returns the language of the document, "en" when unset.
func (p *Page) Lang() string {
	if l := p.doc.Get("documentElement").Get("lang").String(); l != "" {
		return l
	}
	return "en"
}

// Messages returns the translations of the simulations' text that the
// page carries for its language, as a JSON object in
// <script type="application/json" id="sim-messages">, or nil in English.
// The browser's JSON parser reads it, which keeps a decoder out of the
// program's download.
func (p *Page) Messages() map[string]string {
	el := p.doc.Call("getElementById", "sim-messages")
	if el.IsNull() {
		return nil
	}
	var obj js.Value
	ok := func() (ok bool) {
		defer func() {
			if recover() != nil { // malformed data: run in English
				ok = false
			}
		}()
		obj = js.Global().Get("JSON").Call("parse", el.Get("textContent"))
		return obj.Type() == js.TypeObject
	}()
	if !ok {
		return nil
	}
	keys := js.Global().Get("Object").Call("keys", obj)
	m := make(map[string]string, keys.Length())
	for i := range keys.Length() {
		k := keys.Index(i).String()
		if v := obj.Get(k); v.Type() == js.TypeString {
			m[k] = v.String()
		}
	}
	return m
}

// Dark reports whether the reader prefers a dark colour scheme.
func (p *Page) Dark() bool {
	return js.Global().Call("matchMedia", "(prefers-color-scheme: dark)").Get("matches").Bool()
}

// BuildControls replaces the controls with one labelled native control per
// visible parameter and one button per action. onChange receives the name
// and raw value of a changed control; onAction the name of a pressed
// button.
func (p *Page) BuildControls(s sim.Schema, actions []sim.Action, pr sim.Printer, onChange func(name, value string), onAction func(action string)) {
	p.controls.Set("innerHTML", "")
	p.controls.Call("setAttribute", "aria-label", pr.Sprintf("Parameters"))
	p.pr, p.conditional, p.private = pr, nil, nil
	for _, prm := range s {
		if prm.Private {
			p.private = append(p.private, prm)
		}
		if prm.Hidden {
			continue
		}
		f := p.field(prm, pr)
		if prm.When != "" {
			p.conditional = append(p.conditional, conditional{f, prm.Visible})
		}
		p.controls.Call("appendChild", f)
	}
	bar := p.el("div", "class", "sim-actions")
	for _, a := range actions {
		b := p.el("button", "type", "button", "data-action", a.Name)
		b.Set("textContent", pr.Sprintf(a.Label))
		if a.When != "" {
			p.conditional = append(p.conditional, conditional{b, a.Visible})
		}
		bar.Call("appendChild", b)
	}
	p.controls.Call("appendChild", bar)

	p.on(p.controls, "change", func(e js.Value) {
		t := e.Get("target")
		name := t.Get("name").String()
		if name == "" {
			return
		}
		val := t.Get("value").String()
		if t.Get("type").String() == "checkbox" {
			val = strconv.FormatBool(t.Get("checked").Bool())
		}
		onChange(name, val)
	})
	p.on(p.controls, "submit", func(e js.Value) { e.Call("preventDefault") })
	p.on(bar, "click", func(e js.Value) {
		b := e.Get("target").Call("closest", "button[data-action]")
		if !b.IsNull() {
			onAction(b.Get("dataset").Get("action").String())
		}
	})
}

func (p *Page) field(prm sim.Param, pr sim.Printer) js.Value {
	id := "sim-" + prm.Name
	wrap := p.el("div", "class", "sim-field sim-field-"+prm.Kind.String())
	label := p.el("label", "for", id)
	label.Set("textContent", pr.Sprintf(prm.Label))
	var in js.Value
	switch prm.Kind {
	case sim.Int, sim.Float:
		step := "any"
		if prm.Step != 0 {
			step = strconv.FormatFloat(prm.Step, 'g', -1, 64)
		} else if prm.Kind == sim.Int {
			step = "1"
		}
		in = p.el("input", "type", "number", "min", fmtNum(prm.Min), "max", fmtNum(prm.Max), "step", step)
		if prm.Kind == sim.Int {
			in.Call("setAttribute", "inputmode", "numeric")
		} else {
			in.Call("setAttribute", "inputmode", "decimal")
		}
	case sim.Bool:
		in = p.el("input", "type", "checkbox")
	case sim.Choice:
		in = p.el("select")
		for i, c := range prm.Choices {
			o := p.el("option", "value", c)
			o.Set("textContent", pr.Sprintf(prm.ChoiceLabel(i)))
			in.Call("appendChild", o)
		}
	default:
		if prm.File == "" && prm.MaxLen > 0 && prm.MaxLen <= 200 {
			in = p.el("input", "type", "text", "spellcheck", "false", "maxlength", strconv.Itoa(prm.MaxLen))
		} else {
			in = p.el("textarea", "rows", "6", "spellcheck", "false")
		}
	}
	in.Call("setAttribute", "id", id)
	in.Call("setAttribute", "name", prm.Name)
	wrap.Call("appendChild", label)
	wrap.Call("appendChild", in)
	var described []string
	if prm.Help != "" {
		help := p.el("small", "id", id+"-help")
		help.Set("textContent", pr.Sprintf(prm.Help))
		described = append(described, id+"-help")
		wrap.Call("appendChild", help)
	}
	if prm.Private {
		// The promise sits by the control it concerns, where the reader
		// decides what to give, and is read out with it.
		note := p.el("p", "id", id+"-private", "class", "sim-private")
		note.Set("textContent", pr.Sprintf("Private: this stays on your device. It is read here, in your browser, and never sent anywhere; it is not put in the link or saved, so reloading the page clears it."))
		described = append(described, id+"-private")
		wrap.Call("appendChild", note)
	}
	if len(described) > 0 {
		in.Call("setAttribute", "aria-describedby", strings.Join(described, " "))
	}
	return wrap
}

// SetValues writes values into the controls named after their keys,
// shows the controls and buttons whose conditions the values meet and
// hides the others.
func (p *Page) SetValues(q url.Values) {
	for _, c := range p.conditional {
		if hide := !c.visible(q); c.el.Get("hidden").Bool() != hide {
			c.el.Set("hidden", hide)
		}
	}
	p.holdsPrivate = false
	for _, prm := range p.private {
		if v, ok := q[prm.Name]; ok && len(v) > 0 && v[0] != prm.Default {
			p.holdsPrivate = true
		}
	}
	for name := range q {
		el := p.controls.Call("querySelector", fmt.Sprintf("[name=%q]", name))
		if el.IsNull() {
			continue
		}
		if el.Get("type").String() == "checkbox" {
			el.Set("checked", q.Get(name) == "true")
		} else if el.Get("value").String() != q.Get(name) {
			el.Set("value", q.Get(name))
		}
	}
}

// SetDescription replaces the description when it changed, so screen
// readers announce only news.
func (p *Page) SetDescription(s string) {
	if p.desc.Get("textContent").String() != s {
		p.desc.Set("textContent", s)
	}
}

// SetMessage shows msg as a visible notice, or hides it when msg is empty.
func (p *Page) SetMessage(msg string) {
	p.msg.Set("textContent", msg)
	p.msg.Set("hidden", msg == "")
}

// SetURL replaces the page URL's query without a reload or a history
// entry, so that the URL always reproduces the current state.
func (p *Page) SetURL(query string) {
	loc := js.Global().Get("location")
	u := loc.Get("pathname").String()
	if query != "" {
		u += "?" + query
	}
	u += loc.Get("hash").String()
	js.Global().Get("history").Call("replaceState", js.Null(), "", u)
}

// SetState sets data-sim-state and tells the parent page.
func (p *Page) SetState(state string) {
	p.state = state
	p.root.Get("dataset").Set("simState", state)
	p.Post()
}

// Post sends the state, description and query to the parent page when
// the simulation runs in an iframe. The query is the URL's, which holds
// no private value. While a private parameter holds a value, the
// description, which may quote it (a group's name in the reader's own
// file, say), stays here and the parent gets a sentence saying so: the
// parent may be any site.
func (p *Page) Post() {
	if !p.inFrame || p.state == "" {
		return
	}
	desc := p.desc.Get("textContent").String()
	if p.holdsPrivate {
		desc = p.pr.Sprintf("The simulation is working on data of the reader's own, which stays inside it.")
	}
	msg := js.Global().Get("Object").New()
	msg.Set("type", "nexus-sim")
	msg.Set("sim", p.name)
	msg.Set("state", p.state)
	msg.Set("description", desc)
	msg.Set("query", strings.TrimPrefix(js.Global().Get("location").Get("search").String(), "?"))
	js.Global().Get("parent").Call("postMessage", msg, "*")
}

// Fail marks the simulation as failed and shows why.
func (p *Page) Fail(err error) {
	p.SetMessage(err.Error())
	p.SetState("error")
}

// SetLabels places the view's text labels over the canvas. It rewrites
// the DOM only when the labels changed.
func (p *Page) SetLabels(labels []ebitendraw.Label) {
	if equalLabels(labels, p.lastLabels) {
		return
	}
	p.lastLabels = append(p.lastLabels[:0], labels...)
	frag := p.doc.Call("createDocumentFragment")
	for _, l := range labels {
		s := p.el("span", "class", "sim-label sim-label-"+[...]string{"start", "middle", "end"}[l.Style.Align])
		s.Set("textContent", l.Text)
		st := s.Get("style")
		st.Set("left", fmtNum(l.X)+"px")
		st.Set("top", fmtNum(l.Y)+"px")
		st.Set("fontSize", fmtNum(l.Style.FontSize())+"px")
		st.Set("color", fmt.Sprintf("rgb(%d,%d,%d)", l.Style.Color.R, l.Style.Color.G, l.Style.Color.B))
		if l.Style.Bold {
			st.Set("fontWeight", "bold")
		}
		frag.Call("appendChild", s)
	}
	p.labels.Call("replaceChildren", frag)
}

func equalLabels(a, b []ebitendraw.Label) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// RemovePreview removes the static preview so the canvas takes its place.
func (p *Page) RemovePreview() {
	if el := p.root.Call("querySelector", "[data-sim-preview]"); !el.IsNull() {
		el.Call("remove")
	}
}

func (p *Page) el(tag string, attrs ...string) js.Value {
	e := p.doc.Call("createElement", tag)
	for i := 0; i+1 < len(attrs); i += 2 {
		e.Call("setAttribute", attrs[i], attrs[i+1])
	}
	return e
}

func (p *Page) on(target js.Value, event string, fn func(e js.Value)) {
	f := js.FuncOf(func(this js.Value, args []js.Value) any {
		p.Guard(func() { fn(args[0]) })
		return nil
	})
	p.funcs = append(p.funcs, f)
	target.Call("addEventListener", event, f)
}

func fmtNum(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }
