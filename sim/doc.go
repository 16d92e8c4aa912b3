// Package sim defines what every Nexus Lab simulation shares: a parameter
// schema, the values parsed from it, and the Model interface that the
// browser host, the static-site generator and the tests drive.
//
// # Models
//
// A Model is a deterministic state machine. Reset configures it from
// parameter values; Do applies an action such as "run", "step" or
// "measure"; Describe states the current state in one or two sentences
// that a screen-reader user can act on; Query returns the values that
// reproduce the state, so the state round-trips through a URL.
//
// # Parameters
//
// A Schema lists the parameters of a model. Schema.Parse turns a URL query
// into Values, clamping or defaulting what is out of range or garbage and
// reporting each correction, so a page can show the message while still
// running. The site build treats any correction as an error.
//
// # Text
//
// Models never hold translated strings. Labels and descriptions are English
// format strings used as message keys; a Printer formats them, in English by
// default or through a catalogue for other languages.
//
// Packages under sim do no I/O and import neither syscall/js nor ebiten.
package sim
