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
// A parameter's When shows its control only while another parameter has
// a given value, so that a model with modes shows the controls of the
// mode in use.
//
// # Private values
//
// Some values must not travel: a reader's own data file, say. A Private
// parameter is parsed and held like any other, and Query returns it so
// that the host can apply the next edit, but Schema.Encode leaves it out.
// The host persists and shares state only as Encode writes it (the URL,
// the state saved on the device, the embed snippet, messages to the
// embedding page), so a private value stays in the page's memory, and a
// reload forgets it.
//
// # Text
//
// Models never hold translated strings. Labels and descriptions are English
// format strings used as message keys; a Printer formats them, in English by
// default or through a catalogue for other languages. A Choice parameter's
// ChoiceLabels name its values the same way, so URLs keep the values.
//
// Errors a reader may see keep their format and arguments too: a
// ParamError made with ParamErrorf, an error made with Errorf, or any
// Translatable, such as the OpenQASM parser's errors. ParamError.Text,
// Translate and ErrorText say them in the Printer's language, while
// Error stays English for programs and logs.
//
// Packages under sim do no I/O and import neither syscall/js nor ebiten.
package sim
