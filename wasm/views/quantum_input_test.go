package views

import (
	"net/url"
	"strings"
	"testing"

	"nexuslab/sim"
	"nexuslab/sim/bb84"
	"nexuslab/sim/bloch"
	"nexuslab/sim/chsh"
	"nexuslab/sim/composer"
	"nexuslab/sim/grover"
)

func resetTo(t *testing.T, m sim.Model, query string) {
	t.Helper()
	q, err := url.ParseQuery(query)
	if err != nil {
		t.Fatal(err)
	}
	v, probs := m.Schema().Parse(q)
	if len(probs) > 0 {
		t.Fatalf("%s: %v", query, probs)
	}
	if err := m.Reset(v); err != nil {
		t.Fatal(err)
	}
}

// TestCircuitPointer places, moves and deletes gates with pointer events
// at the places the view draws them, on a narrow and a wide canvas.
func TestCircuitPointer(t *testing.T) {
	for _, size := range [][2]float64{{320, 480}, {800, 500}} {
		w, h := size[0], size[1]
		m := composer.New()
		resetTo(t, m, "qubits=3")
		in, _ := InputFor(composer.Name)
		g := circuitLayout(w, h, m)
		cell := func(q, s int) (float64, float64) { return g.colX(s), g.wireY(q) }
		palette := func(entry string) (float64, float64) {
			for i, e := range composer.Palette {
				if e == entry {
					return g.px + g.pw*(float64(i%g.perRow)+0.5), g.py + g.pw*(float64(i/g.perRow)+0.5)
				}
			}
			t.Fatalf("no %s in the palette", entry)
			return 0, 0
		}
		press := func(kind EventKind, x, y float64) {
			in.Handle(m, Event{Kind: kind, X: x, Y: y}, w, h)
		}
		click := func(x, y float64) { press(Press, x, y); press(Release, x, y) }
		drag := func(x0, y0, x1, y1 float64) {
			press(Press, x0, y0)
			press(Drag, (x0+x1)/2, (y0+y1)/2)
			press(Drag, x1, y1)
			press(Release, x1, y1)
		}

		// Click a palette entry, then an empty cell: the gate goes there.
		click(palette("X"))
		click(cell(1, 0))
		// Drag CX from the palette onto wire 2, step 1: its control is
		// the control qubit setting, 0.
		x0, y0 := palette("CX")
		x1, y1 := cell(2, 1)
		drag(x0, y0, x1, y1)
		if got := m.Circuit().String(); got != "0_x_1 1_cx_0_2" {
			t.Fatalf("%v: after click and drag from the palette got: %q", size, got)
		}
		// Drag the X to wire 0, step 2.
		x0, y0 = cell(1, 0)
		x1, y1 = cell(0, 2)
		drag(x0, y0, x1, y1)
		if got := m.Circuit().String(); got != "1_cx_0_2 2_x_0" {
			t.Errorf("%v: after moving the X got: %q", size, got)
		}
		// Drag the CNOT off the grid: it is deleted.
		x0, y0 = cell(2, 1)
		drag(x0, y0, w-2, h-2)
		if got := m.Circuit().String(); got != "2_x_0" {
			t.Errorf("%v: after dragging off the grid got: %q", size, got)
		}
		if q, s := m.Cursor(); q != 2 || s != 1 || m.Drag() != nil {
			t.Errorf("%v: cursor at %d, %d and drag %v after the drags", size, q, s, m.Drag())
		}
		// A click on a gate selects its cell and changes nothing.
		click(cell(0, 2))
		if q, s := m.Cursor(); q != 0 || s != 2 || m.Circuit().String() != "2_x_0" {
			t.Errorf("%v: clicking the X moved the cursor to %d, %d and left %q", size, q, s, m.Circuit().String())
		}
	}
}

func TestCircuitKeys(t *testing.T) {
	m := composer.New()
	in, _ := InputFor(composer.Name)
	for _, k := range []string{"h", "ArrowRight", "ArrowDown", "c", "ArrowRight", "t", "Delete", "ArrowUp", "Enter", "[", "]"} {
		if !in.Handle(m, Event{Kind: Key, Key: k}, 640, 400) {
			t.Errorf("key %q was not handled", k)
		}
	}
	if got := m.Circuit().String(); got != "0_h_0 1_cx_0_1 2_t_0" {
		t.Errorf("circuit got: %q", got)
	}
	in.Handle(m, Event{Kind: Key, Key: "z", Ctrl: true}, 640, 400)
	if got := m.Circuit().String(); got != "0_h_0 1_cx_0_1" {
		t.Errorf("after Ctrl+Z got: %q", got)
	}
	in.Handle(m, Event{Kind: Key, Key: "y", Ctrl: true}, 640, 400)
	if got := m.Circuit().String(); got != "0_h_0 1_cx_0_1 2_t_0" {
		t.Errorf("after Ctrl+Y got: %q", got)
	}
	if in.Handle(m, Event{Kind: Key, Key: "F5"}, 640, 400) {
		t.Error("an unused key was handled")
	}
	// A two-qubit gate on one qubit is refused, and the description
	// says so.
	resetTo(t, m, "qubits=1")
	in.Handle(m, Event{Kind: Key, Key: "c"}, 640, 400)
	if d := m.Describe(sim.English{}); !strings.HasPrefix(d, "Could not do that: CX needs two qubits") {
		t.Errorf("CX on one qubit: %s", d)
	}
}

func TestBlochInput(t *testing.T) {
	m := bloch.New()
	in, _ := InputFor(bloch.Name)
	in.Handle(m, Event{Kind: Drag, DX: 20, DY: -10}, 640, 400)
	if y, p := m.View(); y != 20 || p != 15 {
		t.Errorf("after a drag the view is %v, %v; want 20, 15", y, p)
	}
	for _, k := range []string{"ArrowRight", "ArrowUp", "h"} {
		if !in.Handle(m, Event{Kind: Key, Key: k}, 640, 400) {
			t.Errorf("key %q was not handled", k)
		}
	}
	if y, p := m.View(); y != 5 || p != 5 || len(m.Gates()) != 1 {
		t.Errorf("after keys: view %v, %v and gates %v", y, p, m.Gates())
	}
}

func TestStepperKeys(t *testing.T) {
	g := grover.New()
	gi, _ := InputFor(grover.Name)
	for _, k := range []string{"ArrowRight", "ArrowRight", "Enter", "ArrowLeft"} {
		gi.Handle(g, Event{Kind: Key, Key: k}, 640, 400)
	}
	if g.Steps() != 3 {
		t.Errorf("grover: %d half-steps; want 3", g.Steps())
	}
	b := bb84.New()
	bi, _ := InputFor(bb84.Name)
	for _, k := range []string{"ArrowRight", "End"} {
		bi.Handle(b, Event{Kind: Key, Key: k}, 640, 400)
	}
	if b.Stage() != bb84.Finished {
		t.Errorf("bb84: stage %d; want the last", b.Stage())
	}
	c := chsh.New()
	ci, _ := InputFor(chsh.Name)
	for _, k := range []string{"ArrowLeft", "ArrowUp", "ArrowUp", "Enter"} {
		ci.Handle(c, Event{Kind: Key, Key: k}, 640, 400)
	}
	if a := c.Angles(); a[2] != 40 || a[3] != -35 {
		t.Errorf("chsh: Bob's angles %v, %v; want 40, -35", a[2], a[3])
	}
	if _, _, _, ok := c.Measured(); !ok {
		t.Error("chsh: Enter did not run the test")
	}
}
