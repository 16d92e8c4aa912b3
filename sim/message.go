package sim

import (
	"errors"
	"slices"
)

// Translatable is implemented by values that keep their English text as
// a format string, which is also its message key, and its arguments, so
// that a Printer can say them in another language: errors made with
// Errorf, and those of parsers in packages that do not import sim, such
// as nexuslab/sim/quantum/qasm, which implement it with standard types
// only. An argument may be Translatable itself, as a phrase inside a
// message or an error inside another.
type Translatable interface {
	Message() (format string, args []any)
}

// Translate returns t in the language of pr. Arguments that are
// Translatable are translated first; others are formatted as they are.
func Translate(pr Printer, t Translatable) string {
	format, args := t.Message()
	return sprintf(pr, format, args)
}

// sprintf formats format with args through pr, translating the
// arguments that are Translatable.
func sprintf(pr Printer, format string, args []any) string {
	var out []any
	for i, a := range args {
		if t, ok := a.(Translatable); ok {
			if out == nil {
				out = slices.Clone(args)
			}
			out[i] = Translate(pr, t)
		}
	}
	if out == nil {
		out = args
	}
	return pr.Sprintf(format, out...)
}

// Errorf returns a Translatable error whose text is format formatted
// with args as English.Sprintf does. format is an English message key.
// There is no %w: an error given as an argument is formatted with %v,
// and translated too when it is Translatable.
func Errorf(format string, args ...any) error {
	m := msgf(format, args...)
	return &m
}

// Error returns the message in English.
func (m *message) Error() string { return English{}.Sprintf(m.Format, m.Args...) }

// Message returns the format and arguments, for Translate.
func (m *message) Message() (string, []any) { return m.Format, m.Args }

// ErrorText returns err in the language of pr: the first error in its
// chain that is Translatable, translated, or else err.Error(). Context
// added by wrapping a Translatable error, such as a package's name, is
// for programmers and is left out.
func ErrorText(pr Printer, err error) string {
	var t Translatable
	if errors.As(err, &t) {
		return Translate(pr, t)
	}
	return err.Error()
}

// text returns a message kept as format and args in the language of pr,
// or msg as it is when there is no format.
func text(pr Printer, msg, format string, args []any) string {
	if format == "" {
		return msg
	}
	return sprintf(pr, format, args)
}
