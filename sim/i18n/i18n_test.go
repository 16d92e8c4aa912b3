package i18n_test

import (
	"fmt"
	"slices"
	"testing"

	"nexuslab/sim"
	"nexuslab/sim/i18n"
)

var _ sim.Printer = (*i18n.Printer)(nil)

func TestSprintf(t *testing.T) {
	p := i18n.New("vi", map[string]string{
		"Counts in %d shots":      "Số lần đếm trong %d lần đo",
		"%d of %d kept":           "giữ %[2]d… không, %[1]d trên %[2]d",
		"Measure":                 "Đo",
		"Untranslated on purpose": "",
	})
	cases := []struct {
		key  string
		args []any
		want string
	}{
		{"Counts in %d shots", []any{1000}, "Số lần đếm trong 1000 lần đo"},
		{"%d of %d kept", []any{3, 8}, "giữ 8… không, 3 trên 8"},
		{"Measure", nil, "Đo"},
		{"Untranslated on purpose", nil, "Untranslated on purpose"},
		{"Reset to %s", []any{"|0⟩"}, "Reset to |0⟩"},
		{"%d%% sure", []any{100}, "100% sure"},
		{"Noise (%)", nil, "Noise (%)"},
	}
	for _, c := range cases {
		if got := p.Sprintf(c.key, c.args...); got != c.want {
			t.Errorf("Sprintf(%q, %v) = %q; want %q", c.key, c.args, got, c.want)
		}
	}
	if !p.Has("Measure") || p.Has("Untranslated on purpose") || p.Has("nothing") {
		t.Error("Has does not match the table")
	}
	if p.Lang() != "vi" {
		t.Errorf("Lang() = %q; want vi", p.Lang())
	}
}

func TestZeroPrinterIsEnglish(t *testing.T) {
	var p i18n.Printer
	if got, want := p.Sprintf("Counts in %d shots", 7), (sim.English{}).Sprintf("Counts in %d shots", 7); got != want {
		t.Errorf("zero Printer = %q; want %q", got, want)
	}
}

func TestVerbs(t *testing.T) {
	cases := []struct {
		format string
		want   []string
	}{
		{"no verbs", nil},
		{"%d of %s", []string{"%d", "%s"}},
		{"%[2]s then %[1]d", []string{"%d", "%s"}},
		{"%.1f%% and %5.2f", []string{"%.1f", "%5.2f"}},
		{"%q is not one of %s; using %s", []string{"%q", "%s", "%s"}},
		{"trailing %", nil},
		{"Noise (%)", nil},
		{"Soil moisture (% by volume)", nil},
	}
	for _, c := range cases {
		if got := i18n.Verbs(c.format); !slices.Equal(got, c.want) {
			t.Errorf("Verbs(%q) = %q; want %q", c.format, got, c.want)
		}
	}
}

func ExamplePrinter() {
	p := i18n.New("vi", map[string]string{"Counts in %d shots": "Số lần đếm trong %d lần đo"})
	fmt.Println(p.Sprintf("Counts in %d shots", 1000))
	fmt.Println(p.Sprintf("Run"))
	// Output:
	// Số lần đếm trong 1000 lần đo
	// Run
}
