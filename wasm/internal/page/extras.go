//go:build js

package page

import (
	"fmt"
	"net/url"
	"strings"
	"syscall/js"

	"nexuslab/sim"
	"nexuslab/wasm/views"
)

// Guard runs fn and turns a panic into a visible failure, so one bad
// callback cannot silently stop the program.
func (p *Page) Guard(fn func()) {
	defer func() {
		if r := recover(); r != nil {
			p.Fail(fmt.Errorf("the simulation stopped after an internal error (%v); reload the page to start again", r))
		}
	}()
	fn()
}

// SetFieldError shows msg next to the control of param, or clears it when
// msg is empty. It reports whether param has a control: a hidden
// parameter has none, and the caller shows msg with the page's message.
func (p *Page) SetFieldError(param, msg string) bool {
	in := p.controls.Call("querySelector", fmt.Sprintf("[name=%q]", param))
	if in.IsNull() {
		return false
	}
	id := "sim-" + param + "-error"
	el := p.doc.Call("getElementById", id)
	if msg == "" {
		if !el.IsNull() {
			el.Call("remove")
		}
		in.Call("removeAttribute", "aria-invalid")
		return true
	}
	if el.IsNull() {
		el = p.el("p", "id", id, "class", "sim-error", "role", "alert")
		in.Get("parentElement").Call("appendChild", el)
		desc := in.Call("getAttribute", "aria-describedby")
		ids := id
		if !desc.IsNull() && !strings.Contains(desc.String(), id) {
			ids = desc.String() + " " + id
		}
		in.Call("setAttribute", "aria-describedby", ids)
	}
	el.Set("textContent", msg)
	in.Call("setAttribute", "aria-invalid", "true")
	return true
}

// AddEmbed adds the Embed button: it shows a copyable <iframe> snippet
// that reproduces the current state on any site.
func (p *Page) AddEmbed(title string, pr sim.Printer) {
	bar := p.controls.Call("querySelector", ".sim-actions")
	btn := p.el("button", "type", "button", "data-action", "embed", "aria-expanded", "false", "aria-controls", "sim-embed-box")
	btn.Set("textContent", pr.Sprintf("Embed"))
	bar.Call("appendChild", btn)
	box := p.el("div", "id", "sim-embed-box", "class", "sim-embed-box")
	box.Set("hidden", true)
	label := p.el("label", "for", "sim-embed-code")
	label.Set("textContent", pr.Sprintf("Copy this code into a course page to embed the simulation as it is now:"))
	code := p.el("textarea", "id", "sim-embed-code", "rows", "4", "readonly", "", "spellcheck", "false")
	copyBtn := p.el("button", "type", "button", "data-action", "copy-embed")
	copyBtn.Set("textContent", pr.Sprintf("Copy"))
	box.Call("appendChild", label)
	box.Call("appendChild", code)
	box.Call("appendChild", copyBtn)
	p.controls.Call("after", box)
	p.on(btn, "click", func(js.Value) {
		open := box.Get("hidden").Bool()
		if open {
			code.Set("value", p.embedSnippet(title, pr))
		}
		box.Set("hidden", !open)
		btn.Call("setAttribute", "aria-expanded", fmt.Sprint(open))
		if open {
			code.Call("focus")
			code.Call("select")
		}
	})
	p.on(copyBtn, "click", func(js.Value) { p.copyText(code.Get("value").String(), copyBtn, pr) })
}

func (p *Page) embedSnippet(title string, pr sim.Printer) string {
	loc := js.Global().Get("location")
	src := loc.Get("origin").String() + loc.Get("pathname").String() + loc.Get("search").String()
	esc := func(s string) string {
		return strings.NewReplacer(`&`, "&amp;", `"`, "&quot;", `<`, "&lt;").Replace(s)
	}
	return fmt.Sprintf(`<iframe src="%s" title="%s" width="800" height="540" loading="lazy" allow="fullscreen" style="max-width:100%%;border:0"></iframe>`,
		esc(src), esc(pr.Sprintf("%s, an interactive simulation from Nexus Lab", title)))
}

// copyText puts s on the clipboard and confirms on the button.
func (p *Page) copyText(s string, btn js.Value, pr sim.Printer) {
	clip := js.Global().Get("navigator").Get("clipboard")
	if clip.IsUndefined() {
		return
	}
	label := btn.Get("textContent").String()
	done := js.FuncOf(func(js.Value, []js.Value) any {
		btn.Set("textContent", pr.Sprintf("Copied"))
		js.Global().Call("setTimeout", js.FuncOf(func(js.Value, []js.Value) any {
			btn.Set("textContent", label)
			return nil
		}), 2000)
		return nil
	})
	p.funcs = append(p.funcs, done)
	clip.Call("writeText", s).Call("then", done)
}

// AddDownload adds the Download data button; data returns the file name
// and CSV when pressed.
func (p *Page) AddDownload(pr sim.Printer, data func() (string, []byte)) {
	bar := p.controls.Call("querySelector", ".sim-actions")
	btn := p.el("button", "type", "button", "data-action", "download")
	btn.Set("textContent", pr.Sprintf("Download data"))
	bar.Call("appendChild", btn)
	p.on(btn, "click", func(js.Value) {
		p.Guard(func() {
			name, csv := data()
			p.save(name, "text/csv", csv)
		})
	})
}

// save offers data to the reader as a file download.
func (p *Page) save(name, mime string, data []byte) {
	arr := js.Global().Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(arr, data)
	opts := js.Global().Get("Object").New()
	opts.Set("type", mime)
	blob := js.Global().Get("Blob").New([]any{arr}, opts)
	u := js.Global().Get("URL").Call("createObjectURL", blob)
	a := p.el("a", "href", u.String(), "download", name)
	p.doc.Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	js.Global().Get("URL").Call("revokeObjectURL", u)
}

// AddFileTools adds Open file, Copy and Download buttons under the text
// control of every Text parameter that names a file.
func (p *Page) AddFileTools(s sim.Schema, pr sim.Printer, onChange func(name, value string)) {
	for _, prm := range s {
		if prm.Kind != sim.Text || prm.File == "" || prm.Hidden {
			continue
		}
		in := p.controls.Call("querySelector", fmt.Sprintf("[name=%q]", prm.Name))
		if in.IsNull() {
			continue
		}
		bar := p.el("div", "class", "sim-file-tools")
		fileID := "sim-" + prm.Name + "-file"
		picker := p.el("input", "type", "file", "id", fileID, "class", "sim-file-input", "accept", "."+extension(prm.File)+",text/plain")
		open := p.el("label", "for", fileID, "class", "sim-button")
		open.Set("textContent", pr.Sprintf("Open file…"))
		copyBtn := p.el("button", "type", "button", "data-action", "copy-"+prm.Name)
		copyBtn.Set("textContent", pr.Sprintf("Copy"))
		dl := p.el("button", "type", "button", "data-action", "download-"+prm.Name)
		dl.Set("textContent", pr.Sprintf("Download %s", prm.File))
		for _, el := range []js.Value{picker, open, copyBtn, dl} {
			bar.Call("appendChild", el)
		}
		in.Get("parentElement").Call("appendChild", bar)
		name := prm.Name
		p.on(picker, "change", func(e js.Value) {
			e.Call("stopPropagation") // the form's change handler must not see the file input
			files := picker.Get("files")
			if files.Length() == 0 {
				return
			}
			loaded := js.FuncOf(func(_ js.Value, args []js.Value) any {
				text := args[0].String()
				in.Set("value", text)
				p.Guard(func() { onChange(name, text) })
				picker.Set("value", "")
				return nil
			})
			p.funcs = append(p.funcs, loaded)
			files.Index(0).Call("text").Call("then", loaded)
		})
		p.on(copyBtn, "click", func(js.Value) { p.copyText(in.Get("value").String(), copyBtn, pr) })
		file := prm.File
		p.on(dl, "click", func(js.Value) { p.save(file, "text/plain", []byte(in.Get("value").String())) })
	}
}

func extension(file string) string {
	if i := strings.LastIndexByte(file, '.'); i >= 0 {
		return file[i+1:]
	}
	return "txt"
}

// Stored returns the state saved for this simulation in localStorage, or
// nil when there is none or storage is unavailable.
func (p *Page) Stored() (q url.Values) {
	defer func() {
		if recover() != nil { // storage disabled by the browser: no saved state
			q = nil
		}
	}()
	v := js.Global().Get("localStorage").Call("getItem", "nexus:sim:"+p.name)
	if v.IsNull() {
		return nil
	}
	q, err := url.ParseQuery(v.String())
	if err != nil {
		return nil
	}
	return q
}

// Store saves the state in localStorage, so a reload loses nothing even
// when the URL was not kept.
func (p *Page) Store(query string) {
	defer func() { _ = recover() }() // storage full or disabled: the URL still holds the state
	js.Global().Get("localStorage").Call("setItem", "nexus:sim:"+p.name, query)
}

// ReducedMotion reports whether the reader prefers reduced motion.
func (p *Page) ReducedMotion() bool {
	return js.Global().Call("matchMedia", "(prefers-reduced-motion: reduce)").Get("matches").Bool()
}

// Canvas prepares ebiten's canvas once it exists: keyboard users can
// reach it only when it takes input, Tab always leaves it, and its
// pointer and key input go to handle. It reports whether the canvas was
// found.
func (p *Page) Canvas(title string, in *views.Input, pr sim.Printer, handle func(views.Event)) bool {
	c := p.doc.Call("querySelector", "body > canvas")
	if c.IsNull() {
		return false
	}
	p.desc.Call("setAttribute", "id", "sim-description")
	// ebiten cancels every key on its canvas, Tab included, which would
	// trap keyboard users: stop Tab before it reaches ebiten.
	guard := js.FuncOf(func(_ js.Value, args []js.Value) any {
		e := args[0]
		if !e.Get("target").Equal(c) {
			return nil
		}
		key := e.Get("key").String()
		if key == "Tab" {
			e.Call("stopImmediatePropagation")
			return nil
		}
		if in == nil {
			return nil
		}
		ctrl := e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool()
		handle(views.Event{Kind: views.Key, Key: key, Ctrl: ctrl, Shift: e.Get("shiftKey").Bool()})
		return nil
	})
	p.funcs = append(p.funcs, guard)
	opts := js.Global().Get("Object").New()
	opts.Set("capture", true)
	js.Global().Get("window").Call("addEventListener", "keydown", guard, opts)

	if in == nil {
		// ebiten focuses its canvas when it starts; a canvas that takes no
		// input should not hold the focus.
		c.Call("setAttribute", "tabindex", "-1")
		c.Call("setAttribute", "aria-hidden", "true")
		c.Call("blur")
		return true
	}
	c.Call("setAttribute", "tabindex", "0")
	c.Call("setAttribute", "role", "application")
	c.Call("setAttribute", "aria-label", pr.Sprintf("%s canvas. %s", title, pr.Sprintf(in.Keys)))
	c.Call("setAttribute", "aria-describedby", "sim-description")
	c.Get("classList").Call("add", "sim-canvas")
	hint := p.el("p", "class", "sim-keys")
	hint.Set("textContent", pr.Sprintf(in.Keys))
	p.controls.Call("before", hint)

	down := false
	var lastX, lastY float64
	pointer := func(kind views.EventKind) func(js.Value) {
		return func(e js.Value) {
			x, y := e.Get("offsetX").Float(), e.Get("offsetY").Float()
			switch kind {
			case views.Press:
				down = true
				c.Call("setPointerCapture", e.Get("pointerId"))
			case views.Drag:
				if !down {
					return
				}
			case views.Release:
				if !down {
					return
				}
				down = false
			}
			ev := views.Event{Kind: kind, X: x, Y: y, DX: x - lastX, DY: y - lastY}
			lastX, lastY = x, y
			handle(ev)
		}
	}
	p.on(c, "pointerdown", pointer(views.Press))
	p.on(c, "pointermove", pointer(views.Drag))
	p.on(c, "pointerup", pointer(views.Release))
	p.on(c, "pointercancel", pointer(views.Release))
	return true
}

// AddSummary adds a section for a model's plain-language summary, with a
// Copy button, after the description. SetSummary keeps it current.
func (p *Page) AddSummary(pr sim.Printer) {
	sec := p.el("section", "class", "sim-summary", "aria-labelledby", "sim-summary-h")
	h := p.el("h2", "id", "sim-summary-h")
	h.Set("textContent", pr.Sprintf("Summary for a memo"))
	text := p.el("div", "data-sim-summary", "")
	copyBtn := p.el("button", "type", "button", "data-action", "copy-summary")
	copyBtn.Set("textContent", pr.Sprintf("Copy"))
	for _, el := range []js.Value{h, text, copyBtn} {
		sec.Call("appendChild", el)
	}
	p.desc.Call("after", sec)
	p.summary = text
	p.on(copyBtn, "click", func(js.Value) { p.copyText(text.Get("innerText").String(), copyBtn, pr) })
}

// SetSummary writes the summary, one paragraph per blank-line-separated
// block, when it changed.
func (p *Page) SetSummary(s string) {
	if p.summary.IsUndefined() || s == p.lastSummary {
		return
	}
	p.lastSummary = s
	frag := p.doc.Call("createDocumentFragment")
	for _, para := range strings.Split(s, "\n\n") {
		el := p.el("p")
		el.Set("textContent", strings.TrimSpace(para))
		frag.Call("appendChild", el)
	}
	p.summary.Call("replaceChildren", frag)
}
