//go:build js

// Package page is the DOM side of a running simulation: it finds the
// container the page contract describes, builds native controls from a
// schema, and writes the description, messages, labels, URL and state
// back to the page.
//
// # The page contract
//
// The container has data-sim="NAME" and, once the first frame is drawn,
// data-sim-state="ready" ("error" with a visible message on failure). The
// description region inside it has aria-live="polite" and
// data-sim-description. Each parameter is a labelled native control named
// after it; each action is a <button data-action="ACTION">. Controls and
// buttons with a When condition carry the hidden attribute while the
// state does not meet it. The query string reproduces the state. In an
// iframe, every change is also posted to the parent page as {type:
// "nexus-sim", sim, state, description, query}.
//
// # Private values
//
// The URL, the state saved in localStorage, the embed snippet and the
// message to the parent all come from the query the host writes with
// sim.Schema.Encode, which leaves private parameters out. The control of
// a private parameter says so beside it, and while one holds a value the
// message to the parent carries a fixed sentence instead of the
// description, which may quote the private data.
package page
