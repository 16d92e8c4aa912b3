package sim

import (
	"fmt"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// Kind is the type of a parameter's value.
type Kind int

// The kinds of parameter.
const (
	Int    Kind = iota // a whole number in [Min, Max]
	Float              // a real number in [Min, Max]
	Bool               // "true" or "false"
	Choice             // one of Choices
	Text               // free text of at most MaxLen bytes
)

// String returns the kind's name as used in the HTML controls.
func (k Kind) String() string {
	switch k {
	case Int:
		return "int"
	case Float:
		return "float"
	case Bool:
		return "bool"
	case Choice:
		return "choice"
	case Text:
		return "text"
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// Param describes one parameter of a model.
type Param struct {
	Name    string   // query key and form control name
	Kind    Kind     // type of the value
	Label   string   // English label, also its message key
	Help    string   // optional English hint, also its message key
	Min     float64  // Int and Float: smallest value
	Max     float64  // Int and Float: largest value
	Step    float64  // Int and Float: control step; 0 means 1 for Int, "any" for Float
	Default string   // canonical default value
	Choices []string // Choice: allowed values
	MaxLen  int      // Text: longest value in bytes; 0 means 4096
	Hidden  bool     // state kept in the URL but not shown as a control
	File    string   // Text: a file name such as "circuit.qasm"; the page then offers to open, copy and download the text
	// ChoiceLabels are the English names of Choices shown in the control,
	// in the same order, each also its message key; nil shows the values
	// themselves, as keys too. Values stay what URLs hold.
	ChoiceLabels []string
	// Private keeps the value in memory only, for what a reader brings
	// of their own, such as a data file: Encode leaves it out, so it
	// never reaches the URL, the state saved on the device, an embed
	// snippet or a message to the embedding page, and the page says so
	// next to the control. A reload starts again from the default.
	Private bool
	// When shows the control only while another parameter has a value,
	// written "name=value", such as "source=csv"; empty means always.
	// The value still counts when the control is not shown.
	When string
}

// ChoiceLabel returns the English label of the i-th of p's Choices,
// also its message key: its ChoiceLabels entry, or the value itself.
func (p Param) ChoiceLabel(i int) string {
	if p.ChoiceLabels != nil {
		return p.ChoiceLabels[i]
	}
	return p.Choices[i]
}

// Visible reports whether the control of p shows while the parameters
// have the values q: never when p is Hidden, otherwise when q meets
// p.When.
func (p Param) Visible(q url.Values) bool { return !p.Hidden && meets(q, p.When) }

// meets reports whether q meets a condition "name=value"; the empty
// condition is always met.
func meets(q url.Values, cond string) bool {
	if cond == "" {
		return true
	}
	name, value, _ := strings.Cut(cond, "=")
	return q.Get(name) == value
}

// Schema is the ordered list of a model's parameters.
type Schema []Param

// Lookup returns the parameter called name.
func (s Schema) Lookup(name string) (Param, bool) {
	i := slices.IndexFunc(s, func(p Param) bool { return p.Name == name })
	if i < 0 {
		return Param{}, false
	}
	return s[i], true
}

// Defaults returns the default value of every parameter.
func (s Schema) Defaults() Values {
	v := make(Values, len(s))
	for _, p := range s {
		v[p.Name] = p.Default
	}
	return v
}

// Check returns the first mistake in the schema, which is part of a
// model's code: a name used twice, ChoiceLabels that do not name the
// Choices one to one, or a default that Parse would correct.
func (s Schema) Check() error {
	seen := make(map[string]bool, len(s))
	for _, p := range s {
		if seen[p.Name] {
			return fmt.Errorf("sim: parameter %q is listed twice", p.Name)
		}
		seen[p.Name] = true
		if p.ChoiceLabels != nil && (p.Kind != Choice || len(p.ChoiceLabels) != len(p.Choices)) {
			return fmt.Errorf("sim: parameter %q has %d choice labels for %d choices", p.Name, len(p.ChoiceLabels), len(p.Choices))
		}
		if _, msg := p.normalize(p.Default); msg.Format != "" {
			return fmt.Errorf("sim: the default of parameter %q: %s", p.Name, fmt.Sprintf(msg.Format, msg.Args...))
		}
	}
	return nil
}

// Complete returns v's values of the schema's parameters, with the
// default of each that v lacks: the whole state, from values that may be
// partial or carry keys of others.
func (s Schema) Complete(v Values) Values {
	c := s.Defaults()
	for k, val := range v {
		if _, ok := s.Lookup(k); ok {
			c[k] = val
		}
	}
	return c
}

// Problem is a parameter value that Parse had to correct.
type Problem struct {
	Param string // parameter name
	Value string // the value as given
	Msg   string // what was wrong and what was used instead, in English
	// Format and Args are Msg before formatting: Format is the English
	// message key, so that Text can say the same in another language.
	Format string
	Args   []any
}

func (p Problem) Error() string { return p.Param + ": " + p.Msg }

// Text returns the problem as Error does, in the language of pr.
func (p Problem) Text(pr Printer) string { return p.Param + ": " + text(pr, p.Msg, p.Format, p.Args) }

// Parse reads the schema's parameters from q. A missing parameter takes its
// default. A value out of range is clamped and a garbage value replaced by
// the default; each correction is reported as a Problem. Keys in q that are
// not in the schema are ignored: pages may carry their own.
func (s Schema) Parse(q url.Values) (Values, []Problem) {
	v := s.Defaults()
	var probs []Problem
	for _, p := range s {
		raw, ok := q[p.Name]
		if !ok || len(raw) == 0 {
			continue
		}
		val, msg := p.normalize(raw[0])
		if msg.Format != "" {
			probs = append(probs, Problem{Param: p.Name, Value: raw[0], Msg: fmt.Sprintf(msg.Format, msg.Args...), Format: msg.Format, Args: msg.Args})
		}
		v[p.Name] = val
	}
	return v, probs
}

// message is an English format string and its arguments, kept apart so
// that a Printer can translate it.
type message struct {
	Format string
	Args   []any
}

// msgf keeps a message for formatting later. Its format is a message
// key, like the first argument of Printer.Sprintf.
func msgf(format string, args ...any) message { return message{format, args} }

// normalize returns the canonical form of raw, or a corrected value and
// a message saying why.
func (p Param) normalize(raw string) (string, message) {
	raw = strings.TrimSpace(raw)
	switch p.Kind {
	case Int:
		n, err := strconv.ParseInt(raw, 10, 64)
		if err != nil {
			f, ferr := strconv.ParseFloat(raw, 64)
			if ferr != nil || math.IsNaN(f) {
				return p.Default, msgf("%q is not a whole number; using %s", short(raw), p.Default)
			}
			n = int64(math.Max(math.Min(math.Round(f), 1<<53), -(1 << 53)))
		}
		if c := int64(math.Max(p.Min, math.Min(p.Max, float64(n)))); c != n {
			return strconv.FormatInt(c, 10), msgf("%s is outside %s–%s; using %d", short(raw), fmtNum(p.Min), fmtNum(p.Max), c)
		}
		return strconv.FormatInt(n, 10), message{}
	case Float:
		f, err := strconv.ParseFloat(raw, 64)
		if err != nil || math.IsNaN(f) {
			return p.Default, msgf("%q is not a number; using %s", short(raw), p.Default)
		}
		if c := math.Max(p.Min, math.Min(p.Max, f)); c != f {
			return fmtNum(c), msgf("%s is outside %s–%s; using %s", short(raw), fmtNum(p.Min), fmtNum(p.Max), fmtNum(c))
		}
		return fmtNum(f), message{}
	case Bool:
		b, err := strconv.ParseBool(raw)
		if err != nil {
			return p.Default, msgf("%q is not true or false; using %s", short(raw), p.Default)
		}
		return strconv.FormatBool(b), message{}
	case Choice:
		if slices.Contains(p.Choices, raw) {
			return raw, message{}
		}
		return p.Default, msgf("%q is not one of %s; using %s", short(raw), strings.Join(p.Choices, ", "), p.Default)
	case Text:
		limit := p.MaxLen
		if limit == 0 {
			limit = 4096
		}
		if len(raw) > limit {
			return p.Default, msgf("text is %d bytes, more than %d; using the default", len(raw), limit)
		}
		return raw, message{}
	}
	return p.Default, msgf("unknown parameter kind")
}

// short keeps messages readable when the input is long.
func short(s string) string {
	if len(s) > 24 {
		return s[:21] + "..."
	}
	return s
}

// fmtNum writes whole numbers without an exponent, as people write them.
func fmtNum(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return strconv.FormatInt(int64(f), 10)
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// Values holds canonical parameter values by name, as Schema.Parse returns
// them. Reading a missing or malformed value yields the zero value: Parse
// never produces one.
type Values map[string]string

// Int returns the named value as an int.
func (v Values) Int(name string) int {
	n, _ := strconv.Atoi(v[name])
	return n
}

// Float returns the named value as a float64.
func (v Values) Float(name string) float64 {
	f, _ := strconv.ParseFloat(v[name], 64)
	return f
}

// Bool returns the named value as a bool.
func (v Values) Bool(name string) bool {
	b, _ := strconv.ParseBool(v[name])
	return b
}

// String returns the named value.
func (v Values) String(name string) string { return v[name] }

// Query returns the values as a URL query, in schema order when encoded.
func (v Values) Query() url.Values {
	q := make(url.Values, len(v))
	for k, val := range v {
		q.Set(k, val)
	}
	return q
}

// Encode writes q as a query string with the schema's parameters first,
// in schema order, so URLs read the way the controls do. It leaves out
// Private parameters: whatever the host persists or shares goes through
// Encode, so a private value cannot leak into it.
func (s Schema) Encode(q url.Values) string {
	var b strings.Builder
	add := func(k, v string) {
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(url.QueryEscape(k))
		b.WriteByte('=')
		b.WriteString(url.QueryEscape(v))
	}
	for _, p := range s {
		if vs, ok := q[p.Name]; ok && len(vs) > 0 && !p.Private {
			add(p.Name, vs[0])
		}
	}
	rest := make([]string, 0, len(q))
	for k := range q {
		if _, ok := s.Lookup(k); !ok {
			rest = append(rest, k)
		}
	}
	slices.Sort(rest)
	for _, k := range rest {
		for _, v := range q[k] {
			add(k, v)
		}
	}
	return b.String()
}
