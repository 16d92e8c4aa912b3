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
	// Keys without words, such as 0.5 or a position, are listed too: a
	// catalogue need not translate them, but may.
	want := []string{
		"sim/demo/demo.go:38 %d:%d: %s",
		"sim/demo/demo.go:27 %q is wrong",
		"sim/demo/demo.go:35 %s at %d",
		"sim/demo/demo.go:15 0.5",
		"wasm/views/demo.go:3 Arrow keys turn it.",
		"sim/demo/demo.go:16 Basis",
		"sim/demo/demo.go:17 Data set",
		"sim/demo/demo.go:17 Exclusive or",
		"sim/demo/demo.go:14 How many times",
		"sim/demo/demo.go:24 Measured %d shots",
		"sim/demo/demo.go:20 Run",
		"sim/demo/demo.go:14 Shots",
		"sim/demo/demo.go:15 Source",
		"sim/demo/demo.go:16 Z",
		"sim/demo/demo.go:15 classical",
		"sim/demo/demo.go:16 diagonal",
		"sim/demo/demo.go:15 entangled",
		"sim/demo/demo.go:35 mark at least one item",
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
	for _, want := range []string{"Embed", "Download data", "Bell pair", "Measure", "Counts in %d shots", "%q is not a whole number; using %s",
		// Translatable errors: a model's, the OpenQASM parser's with its
		// position and phrases, and choice labels.
		"%s; kept %s", "%s:%d:%d: %s", "unknown gate %s%s", " (did you mean %s?)", "the end of the file", "%d qubits", "1 qubit", "Four separate blobs"} {
		if !found[want] {
			t.Errorf("the repository's keys lack %q", want)
		}
	}
}
