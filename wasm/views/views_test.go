package views

import (
	"bytes"
	"flag"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"nexuslab/sim"
	"nexuslab/sim/catalog"
	"nexuslab/wasm/draw"
)

var update = flag.Bool("update", false, "rewrite the golden SVG files")

// TestGolden draws every simulation in a fixed state and compares the SVG
// with testdata/NAME-STATE.svg. Run with -update after a deliberate change
// and look at the files.
func TestGolden(t *testing.T) {
	cases := []struct{ sim, state, query string }{
		{"bell", "default", ""},
		{"bell", "measured", "shots=500&seed=3&measured=true"},
	}
	for _, tc := range cases {
		t.Run(tc.sim+"-"+tc.state, func(t *testing.T) {
			got := render(t, tc.sim, tc.query)
			path := filepath.Join("testdata", tc.sim+"-"+tc.state+".svg")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the drawing; run go test -update and review the diff", path)
			}
		})
	}
}

// TestEverySimHasAView makes sure no catalogued simulation lacks a view.
func TestEverySimHasAView(t *testing.T) {
	for _, e := range catalog.All() {
		if _, ok := For(e.Name); !ok {
			t.Errorf("simulation %q has no view", e.Name)
		}
	}
}

func render(t *testing.T, name, query string) []byte {
	t.Helper()
	e, ok := catalog.Lookup(name)
	if !ok {
		t.Fatalf("no simulation %q", name)
	}
	m := e.New()
	q, err := url.ParseQuery(query)
	if err != nil {
		t.Fatal(err)
	}
	v, probs := m.Schema().Parse(q)
	if len(probs) > 0 {
		t.Fatalf("query %q: %v", query, probs)
	}
	if err := m.Reset(v); err != nil {
		t.Fatal(err)
	}
	view, _ := For(name)
	c := draw.NewSVG(640, 400)
	view(c, draw.Light(), sim.English{}, m)
	return c.Bytes("")
}
