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

func TestEncodeLeavesOutPrivate(t *testing.T) {
	s := Schema{
		{Name: "mode", Kind: Choice, Choices: []string{"demo", "own"}, Default: "demo"},
		{Name: "data", Kind: Text, MaxLen: 1 << 20, File: "data.csv", Private: true, When: "mode=own"},
		{Name: "column", Kind: Text, MaxLen: 100, Default: "label", When: "mode=own"},
	}
	const secret = "name,diagnosis\nNguyen Van A,1\n"
	v, probs := s.Parse(url.Values{"mode": {"own"}, "data": {secret}, "column": {"diagnosis"}})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	// The value is parsed like any other, so the host can apply edits on
	// top of it...
	if got := v.String("data"); got != strings.TrimSpace(secret) {
		t.Errorf("parsed private value got: %q want: the text", got)
	}
	// ...but what the host persists and shares never holds it.
	got := s.Encode(v.Query())
	if want := "mode=own&column=diagnosis"; got != want {
		t.Errorf("Encode got: %q want: %q", got, want)
	}
	if strings.Contains(got, "Nguyen") || strings.Contains(got, "data=") {
		t.Errorf("Encode leaked the private value: %q", got)
	}
}

func TestVisible(t *testing.T) {
	own := url.Values{"mode": {"own"}}
	demo := url.Values{"mode": {"demo"}}
	cases := []struct {
		p         Param
		own, demo bool
	}{
		{Param{Name: "always"}, true, true},
		{Param{Name: "hidden", Hidden: true}, false, false},
		{Param{Name: "data", When: "mode=own"}, true, false},
		{Param{Name: "people", When: "mode=demo"}, false, true},
		{Param{Name: "spaced", When: "mode=your data"}, false, false},
	}
	for _, c := range cases {
		if got := c.p.Visible(own); got != c.own {
			t.Errorf("%s.Visible(mode=own) = %v; want %v", c.p.Name, got, c.own)
		}
		if got := c.p.Visible(demo); got != c.demo {
			t.Errorf("%s.Visible(mode=demo) = %v; want %v", c.p.Name, got, c.demo)
		}
	}
	if got := (Action{Name: "example", When: "mode=own"}).Visible(demo); got {
		t.Error("an action for mode=own is visible with mode=demo")
	}
	if got := (Action{Name: "example", When: "mode=your data"}).Visible(url.Values{"mode": {"your data"}}); !got {
		t.Error("a condition whose value has a space is not met")
	}
}

func TestCompleteFillsDefaultsAndDropsOthers(t *testing.T) {
	s := Schema{
		{Name: "a", Kind: Int, Min: 0, Max: 9, Default: "1"},
		{Name: "b", Kind: Bool, Default: "false"},
	}
	got := s.Complete(Values{"b": "true", "other": "x"})
	if len(got) != 2 || got["a"] != "1" || got["b"] != "true" {
		t.Errorf("Complete got: %v want: map[a:1 b:true]", got)
	}
}
