package sim

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
)

var testSchema = Schema{
	{Name: "n", Kind: Int, Min: 1, Max: 10, Default: "3"},
	{Name: "x", Kind: Float, Min: 0, Max: 1, Default: "0.5"},
	{Name: "on", Kind: Bool, Default: "false"},
	{Name: "kind", Kind: Choice, Choices: []string{"a", "b"}, Default: "a"},
	{Name: "text", Kind: Text, MaxLen: 5, Default: ""},
}

func TestParse(t *testing.T) {
	cases := []struct {
		query, param, want string
		problem            string // a substring of the problem, or "" for none
	}{
		{"", "n", "3", ""},
		{"n=7", "n", "7", ""},
		{"n=1000", "n", "10", "outside 1–10"},
		{"n=-5", "n", "1", "outside"},
		{"n=4.6", "n", "5", ""},
		{"n=banana", "n", "3", "not a whole number"},
		{"n=1e300", "n", "10", "outside"},
		{"x=0.25", "x", "0.25", ""},
		{"x=NaN", "x", "0.5", "not a number"},
		{"x=Inf", "x", "1", "outside"},
		{"on=1", "on", "true", ""},
		{"on=maybe", "on", "false", "not true or false"},
		{"kind=b", "kind", "b", ""},
		{"kind=c", "kind", "a", "not one of a, b"},
		{"text=abc", "text", "abc", ""},
		{"text=abcdefgh", "text", "", "more than 5"},
	}
	for _, c := range cases {
		q, _ := url.ParseQuery(c.query)
		v, probs := testSchema.Parse(q)
		if got := v[c.param]; got != c.want {
			t.Errorf("Parse(%q)[%s] got: %q want: %q", c.query, c.param, got, c.want)
		}
		switch {
		case c.problem == "" && len(probs) > 0:
			t.Errorf("Parse(%q) problems got: %v want: none", c.query, probs)
		case c.problem != "" && (len(probs) != 1 || !strings.Contains(probs[0].Msg, c.problem)):
			t.Errorf("Parse(%q) problems got: %v want one containing %q", c.query, probs, c.problem)
		}
	}
}

func TestEncodeOrder(t *testing.T) {
	q := url.Values{"zz": {"1"}, "kind": {"b"}, "n": {"4"}, "a b": {"c&d"}}
	if got, want := testSchema.Encode(q), "n=4&kind=b&a+b=c%26d&zz=1"; got != want {
		t.Errorf("Encode got: %q want: %q", got, want)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"n=3", "x=0.1&on=true", "n=%ff", "kind=&text=" + strings.Repeat("z", 9)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, query string) {
		q, err := url.ParseQuery(query)
		if err != nil {
			return
		}
		v, _ := testSchema.Parse(q)
		// Whatever came in, the values are canonical: parsing them again
		// changes nothing and reports nothing.
		again, probs := testSchema.Parse(v.Query())
		if len(probs) > 0 {
			t.Fatalf("canonical values %v reported %v", v, probs)
		}
		for k := range v {
			if again[k] != v[k] {
				t.Fatalf("%s: %q became %q", k, v[k], again[k])
			}
		}
	})
}

func TestProblemText(t *testing.T) {
	s := Schema{{Name: "shots", Kind: Int, Label: "Shots", Min: 1, Max: 100, Default: "10"}}
	_, probs := s.Parse(url.Values{"shots": {"1000"}})
	if len(probs) != 1 {
		t.Fatalf("Parse reported %d problems; want 1", len(probs))
	}
	p := probs[0]
	if got, want := p.Text(English{}), p.Error(); got != want {
		t.Errorf("Text(English) = %q; want Error() = %q", got, want)
	}
	vi := viPrinter{"%s is outside %s–%s; using %d": "%s nằm ngoài khoảng %s–%s; dùng %d"}
	if got, want := p.Text(vi), "shots: 1000 nằm ngoài khoảng 1–100; dùng 100"; got != want {
		t.Errorf("Text(vi) = %q; want %q", got, want)
	}
}

// viPrinter translates through a table, as sim/i18n does.
type viPrinter map[string]string

func (v viPrinter) Sprintf(key string, args ...any) string {
	if t, ok := v[key]; ok {
		key = t
	}
	return fmt.Sprintf(key, args...)
}
