package sim

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// position is a parser's error as a package that does not import sim
// writes it: Translatable with standard types only.
type position struct {
	line int
	msg  error
}

func (p position) Error() string { return fmt.Sprintf("%d: %v", p.line, p.msg) }
func (p position) Message() (string, []any) {
	return "line %d: %s", []any{p.line, p.msg}
}

var vi = viPrinter{
	"%s; kept %s":                   "%s; giữ lại %s",
	"%q is not a whole number":      "%q không phải số nguyên",
	"line %d: %s":                   "dòng %d: %s",
	"mark at least one item":        "hãy đánh dấu ít nhất một phần tử",
	"the history holds %d gates":    "lịch sử chứa %d cổng",
	"%s is outside %s–%s; using %d": "%s nằm ngoài khoảng %s–%s; dùng %d",
}

func TestParamErrorText(t *testing.T) {
	cases := []struct {
		err      *ParamError
		english  string // Error()
		text     string // Text(vi)
		englishT string // Text(English)
	}{
		{
			ParamErrorf("marked", "%s; kept %s", Errorf("%q is not a whole number", "banana"), "5"),
			`marked: "banana" is not a whole number; kept 5`,
			`"banana" không phải số nguyên; giữ lại 5`,
			`"banana" is not a whole number; kept 5`,
		},
		{
			// A parser's error nests a message in its position.
			ParamErrorf("qasm", "%s", position{3, Errorf("mark at least one item")}),
			"qasm: 3: mark at least one item",
			"dòng 3: hãy đánh dấu ít nhất một phần tử",
			"line 3: mark at least one item",
		},
		{
			// A ParamError made without Format shows Msg as it is.
			&ParamError{Param: "csv", Msg: "the history holds 3 gates"},
			"csv: the history holds 3 gates",
			"the history holds 3 gates",
			"the history holds 3 gates",
		},
	}
	for _, c := range cases {
		if got := c.err.Error(); got != c.english {
			t.Errorf("Error() = %q; want %q", got, c.english)
		}
		if got := c.err.Text(vi); got != c.text {
			t.Errorf("%s: Text(vi) = %q; want %q", c.err.Param, got, c.text)
		}
		if got := c.err.Text(English{}); got != c.englishT {
			t.Errorf("%s: Text(English) = %q; want %q", c.err.Param, got, c.englishT)
		}
	}
}

func TestParamErrorTextMatchesMsg(t *testing.T) {
	// In English, Text is Msg: the page says what Error says, without
	// the parameter's name.
	e := ParamErrorf("gates", "%q: the angle must be from %d to %d", "rx1000", -360, 360)
	if got := e.Text(English{}); got != e.Msg || "gates: "+got != e.Error() {
		t.Errorf("Text(English) = %q, Msg = %q, Error() = %q", got, e.Msg, e.Error())
	}
}

func TestErrorText(t *testing.T) {
	inner := Errorf("the history holds %d gates", 200)
	if got, want := inner.Error(), "the history holds 200 gates"; got != want {
		t.Errorf("Errorf: Error() = %q; want %q", got, want)
	}
	wrapped := fmt.Errorf("bloch: %w", inner)
	cases := []struct {
		err  error
		want string
	}{
		{inner, "lịch sử chứa 200 cổng"},
		// The wrapper's prefix is for programmers: the reader gets the
		// translated message.
		{wrapped, "lịch sử chứa 200 cổng"},
		// An error that cannot be translated is shown in English.
		{errors.New("quantum: out of memory"), "quantum: out of memory"},
	}
	for _, c := range cases {
		if got := ErrorText(vi, c.err); got != c.want {
			t.Errorf("ErrorText(%v) = %q; want %q", c.err, got, c.want)
		}
	}
	if got, want := ErrorText(English{}, wrapped), "the history holds 200 gates"; got != want {
		t.Errorf("ErrorText(English) = %q; want %q", got, want)
	}
}

func TestChoiceLabel(t *testing.T) {
	p := Param{Name: "dataset", Kind: Choice, Choices: []string{"circle", "xor"}, ChoiceLabels: []string{"Circle", "Exclusive or"}, Default: "circle"}
	if got := p.ChoiceLabel(1); got != "Exclusive or" {
		t.Errorf("ChoiceLabel(1) = %q; want Exclusive or", got)
	}
	p.ChoiceLabels = nil
	if got := p.ChoiceLabel(1); got != "xor" {
		t.Errorf("ChoiceLabel(1) without labels = %q; want the value xor", got)
	}
}

func TestSchemaCheck(t *testing.T) {
	if err := testSchema.Check(); err != nil {
		t.Errorf("Check(testSchema) = %v; want nil", err)
	}
	choice := Param{Name: "dataset", Kind: Choice, Choices: []string{"circle", "xor"}, Default: "circle"}
	short, wrongKind, badDefault := choice, choice, choice
	short.ChoiceLabels = []string{"Circle"}
	wrongKind.Kind, wrongKind.ChoiceLabels, wrongKind.Default = Text, []string{"Circle", "Exclusive or"}, ""
	badDefault.Default = "spiral"
	cases := []struct {
		s    Schema
		want string
	}{
		{Schema{short}, `"dataset" has 1 choice labels for 2 choices`},
		{Schema{wrongKind}, `"dataset" has 2 choice labels`},
		{Schema{badDefault}, `the default of parameter "dataset"`},
		{Schema{choice, choice}, `"dataset" is listed twice`},
	}
	for _, c := range cases {
		if err := c.s.Check(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Check() = %v; want an error containing %s", err, c.want)
		}
	}
}
