package views

import (
	"bytes"
	"flag"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"nexuslab/sim"
	"nexuslab/sim/catalog"
	"nexuslab/sim/fairness"
	"nexuslab/wasm/draw"
	"nexuslab/wasm/draw/svgdraw"
)

var update = flag.Bool("update", false, "rewrite the golden SVG files")

// TestGolden draws every simulation in a fixed state and compares the SVG
// with testdata/NAME-STATE.svg. Run with -update after a deliberate change
// and look at the files.
func TestGolden(t *testing.T) {
	cases := []struct{ sim, state, query string }{
		{"bell", "default", ""},
		{"bell", "measured", "shots=500&seed=3&measured=true"},
		{"bloch", "default", ""},
		{"bloch", "gates", "start=%2B&gates=t+rx45&basis=X&measured=true&shots=200&seed=2&yaw=-20&pitch=35"},
		{"bloch", "narrow", "gates=h+s&_w=320&_h=480"},
		{"bloch", "dark", "gates=ry60&_w=800&_h=500&_theme=dark"},
		{"circuit", "default", ""},
		{"circuit", "bell", "qubits=2&circuit=0_h_0+1_cx_0_1&measured=true&step=2"},
		{"circuit", "stepping", "qubits=3&circuit=0_h_0+1_cx_0_1+2_rz~0.25pi_2+2_swap_0_1+3_ccx_0_1_2&at=2&qubit=2&step=3"},
		{"circuit", "narrow", "qubits=3&circuit=0_h_0+0_x_2+1_cz_0_2+2_ry~-0.5pi_1&_w=320&_h=480"},
		{"circuit", "wide", "qubits=12&circuit=0_h_0+1_cx_0_11&qubit=10&_w=800&_h=500"},
		{"grover", "default", ""},
		{"grover", "oracle", "qubits=4&marked=3+12&steps=3"},
		{"grover", "measured", "qubits=3&marked=5&steps=4&measured=true&shots=500"},
		{"grover", "big", "qubits=8&marked=17&steps=9&_w=320&_h=480"},
		{"bb84", "default", ""},
		{"bb84", "sifted", "stage=2&eve=50"},
		{"bb84", "finished", "stage=4&eve=30&noise=2"},
		{"bb84", "narrow", "stage=3&eve=100&_w=320&_h=480"},
		{"chsh", "default", ""},
		{"chsh", "measured", "a0=0&a1=90&b0=30&b1=-60&measured=true&rounds=2000"},
		{"chsh", "classical", "source=classical&measured=true&_w=320&_h=480"},
		{"chsh", "wide", "measured=true&_w=800&_h=500&_theme=dark"},
		{"playground", "default", ""},
		{"playground", "crop", "dataset=crop&noise=10&epoch=150&_w=320&_h=480"},
		{"playground", "spiral", "dataset=spiral&x1sq=true&x2sq=true&sinx1=true&sinx2=true&layers=3&n1=8&n2=6&n3=4&epoch=60&_w=800&_h=500&_theme=dark"},
		{"playground", "regression", "dataset=reg-gauss&layers=1&n1=6&regularization=L2&regrate=0.001&epoch=40"},
		{"fairness", "default", ""},
		{"fairness", "per-group", "shift=1&pergroup=true&thresholdb=0.3&threshold=0.4&_w=320&_h=480"},
		{"fairness", "dark", "basea=30&baseb=10&usegroup=true&_w=800&_h=500&_theme=dark"},
		{"fairness", "own", "source=csv&pergroup=true&thresholds=0.41&csv=" + url.QueryEscape(fairness.ExampleCSV)},
		{"fairness", "own-decisions", "source=csv&score=&prediction=p&_w=320&_h=480&csv=" + url.QueryEscape(manyGroups)},
		{"fairness", "own-groups", "source=csv&score=s&csv=" + url.QueryEscape(manyGroups)},
		{"fairness", "own-empty", "source=csv"},
		{"kmeans", "default", ""},
		{"kmeans", "assigned", "k=5&step=3&_w=800&_h=500"},
		{"kmeans", "converged", "dataset=blobs&k=4&step=200&_w=320&_h=480&_theme=dark"},
		{"kmeans", "unscaled", "scale=false&points=500&k=3&step=2"},
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

// manyGroups is a file of decisions in more groups than the fairness
// view draws, one with a long name.
const manyGroups = `label,p,s,group
1,1,0.8,Mekong Delta provinces
0,0,0.3,Mekong Delta provinces
1,0,0.45,Central Highlands
0,1,0.6,Central Highlands
1,1,0.9,c
1,1,0.7,d
0,0,0.1,e
1,0,0.2,f
0,1,0.55,g
1,1,0.95,h
`

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
	// _w and _h, not parameters of any model, give a canvas size other
	// than the preview's 640×400; _theme=dark draws in the dark theme.
	w, h := 640.0, 400.0
	if s := q.Get("_w"); s != "" {
		w, _ = strconv.ParseFloat(s, 64)
	}
	if s := q.Get("_h"); s != "" {
		h, _ = strconv.ParseFloat(s, 64)
	}
	th := draw.Light()
	if q.Get("_theme") == "dark" {
		th = draw.Dark()
	}
	c := svgdraw.New(w, h)
	view(c, th, sim.English{}, m)
	return c.Bytes("")
}
