package simkeys_test

import (
	"fmt"
	"slices"
	"testing"

	"nexuslab/build/internal/simkeys"
)

func TestExtract(t *testing.T) {
	keys, err := simkeys.FromModule("testdata/mod")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, k := range keys {
		got = append(got, fmt.Sprintf("%s:%d %s", k.File, k.Line, k.Text))
	}
	want := []string{
		"sim/demo/demo.go:26 %q is wrong",
		"wasm/views/demo.go:3 Arrow keys turn it.",
		"sim/demo/demo.go:16 Basis",
		"sim/demo/demo.go:14 How many times",
		"sim/demo/demo.go:23 Measured %d shots",
		"sim/demo/demo.go:19 Run",
		"sim/demo/demo.go:14 Shots",
		"sim/demo/demo.go:15 Source",
		"sim/demo/demo.go:15 classical",
		"sim/demo/demo.go:16 diagonal",
		"sim/demo/demo.go:15 entangled",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Extract found\n%q\nwant\n%q", got, want)
	}
}

func TestFromModuleNeedsRoot(t *testing.T) {
	if _, err := simkeys.FromModule("testdata"); err == nil {
		t.Error("FromModule accepted a folder without go.mod")
	}
}

// TestRepositoryKeys runs the extraction on this module: it must find the
// keys every simulation has, such as the host's button labels.
func TestRepositoryKeys(t *testing.T) {
	keys, err := simkeys.FromModule("../../..")
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, k := range keys {
		found[k.Text] = true
	}
	for _, want := range []string{"Embed", "Download data", "Bell pair", "Measure", "Counts in %d shots", "%q is not a whole number; using %s"} {
		if !found[want] {
			t.Errorf("the repository's keys lack %q", want)
		}
	}
}
