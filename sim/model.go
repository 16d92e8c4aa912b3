package sim

import (
	"fmt"
	"net/url"
)

// Action is a command a model accepts, shown as a button.
type Action struct {
	Name  string // value of the button's data-action attribute
	Label string // English label, also its message key
	When  string // shown only while a parameter has a value, as Param.When; empty means always
}

// Visible reports whether the button of a shows while the parameters
// have the values q.
func (a Action) Visible(q url.Values) bool { return meets(q, a.When) }

// Model is one simulation. Its methods are not safe for concurrent use.
type Model interface {
	// Schema lists the model's parameters.
	Schema() Schema
	// Actions lists what the model can be asked to do.
	Actions() []Action
	// Reset configures the model from values returned by Schema().Parse
	// and brings it to the state those values describe.
	Reset(v Values) error
	// Do applies the named action.
	Do(action string) error
	// Describe states the current state in words.
	Describe(p Printer) string
	// Query returns the parameters that reproduce the current state.
	// It holds Private values too, so that the host can apply the next
	// edit on top of them; the host persists only Schema.Encode of it,
	// which leaves them out.
	Query() url.Values
}

// Printer formats a message whose key is an English format string. A
// key printed without arguments is plain text: a % in it is a percent
// sign.
type Printer interface {
	Sprintf(key string, args ...any) string
}

// English is the Printer that formats keys as they are.
type English struct{}

// Sprintf formats key with args. Without args it returns key unchanged,
// so that labels such as "Noise (%)" need no escaping.
func (English) Sprintf(key string, args ...any) string {
	if len(args) == 0 {
		return key
	}
	return fmt.Sprintf(key, args...)
}

// ErrUnknownAction is returned by Do for an action the model does not have.
type ErrUnknownAction string

func (e ErrUnknownAction) Error() string {
	return "sim: unknown action " + fmt.Sprintf("%q", string(e))
}

// Exporter is implemented by models whose data a reader can download,
// such as measurement counts or training curves.
type Exporter interface {
	// Export returns a file name ending in .csv and the data as CSV with
	// a header row.
	Export() (name string, csv []byte)
}

// Live is implemented by models that change with time while active, such
// as a network in training or a gate being animated. The host calls
// Advance about sixty times a second while Active reports true, with the
// seconds elapsed since the last call; models bound the work one call
// does, so a slow device runs slower, never stalls.
type Live interface {
	Active() bool
	Advance(seconds float64)
}

// Replayer is implemented by Live models whose state can take long to
// rebuild from its parameters, such as a network trained for many
// epochs. Replay sets the model to v as Reset does, but leaves the
// rebuilding to Advance, a bounded amount a call while Active reports
// true, so a page that opens a shared state stays responsive and its
// description shows the progress. Query reports the state being
// rebuilt throughout.
type Replayer interface {
	Live
	Replay(v Values) error
}

// Motion is implemented by models that animate. The host calls
// SetReducedMotion(true) when the reader prefers reduced motion; the model
// then jumps to the end of each animation.
type Motion interface {
	SetReducedMotion(reduced bool)
}

// ParamError is an error about one parameter's value that a model found
// beyond what its schema checks, such as a syntax error in a program
// given as text. The page shows Text next to that parameter's control.
type ParamError struct {
	Param string // parameter name
	Msg   string // what is wrong, in English
	// Format and Args are Msg before formatting, as in Problem: Format is
	// the English message key, and an argument may be Translatable, such
	// as a parser's error. Without Format, Msg is shown as it is.
	Format string
	Args   []any
}

// ParamErrorf returns a ParamError about param whose message is format
// formatted with args as English.Sprintf does, keeping both for Text.
func ParamErrorf(param, format string, args ...any) *ParamError {
	return &ParamError{Param: param, Msg: English{}.Sprintf(format, args...), Format: format, Args: args}
}

func (e *ParamError) Error() string { return e.Param + ": " + e.Msg }

// Text returns the message in the language of pr, without the
// parameter's name: the page shows it by that parameter's control.
func (e *ParamError) Text(pr Printer) string { return text(pr, e.Msg, e.Format, e.Args) }

// Start resets m to its schema's defaults and returns it, for a model's
// New function. The defaults are part of the model's code, so a failure
// is a bug in the model and panics.
func Start[M Model](m M) M {
	if err := m.Reset(m.Schema().Defaults()); err != nil {
		panic(fmt.Sprintf("sim: the defaults of %T do not reset: %v", m, err))
	}
	return m
}

// Summarizer is implemented by models that write a plain-language
// summary of their results for readers who will not run the simulation,
// such as a paragraph a policymaker can paste into a memo. The page shows
// it under its own heading with a Copy button, kept current.
type Summarizer interface {
	Summary(p Printer) string
}
