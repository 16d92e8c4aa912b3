package bb84

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"nexuslab/sim"
	"nexuslab/sim/simtest"
)

func reset(t *testing.T, m *Model, query string) { simtest.Reset(t, m, query) }

// TestErrorRateGrowsWithEve checks the error rate on all kept bits
// against fraction × 25 %, within five standard errors.
func TestErrorRateGrowsWithEve(t *testing.T) {
	for _, eve := range []float64{0, 10, 25, 50, 80, 100} {
		m := New()
		reset(t, m, "photons=100000&noise=0&seed=7&stage=4&eve="+strconv.FormatFloat(eve, 'g', -1, 64))
		r := m.Result()
		want := eve / 100 * 0.25
		se := math.Sqrt(want*(1-want)/float64(r.Sifted)) + 1e-9
		if math.Abs(r.TrueQBER-want) > 5*se {
			t.Errorf("eve %v%%: error rate got: %v want: %v ± %v", eve, r.TrueQBER, want, 5*se)
		}
		if math.Abs(r.Expected-want) > 1e-12 {
			t.Errorf("eve %v%%: expected rate got: %v want: %v", eve, r.Expected, want)
		}
		if eve == 0 && r.TrueQBER != 0 {
			t.Errorf("no Eve, no noise: got error rate %v want: 0", r.TrueQBER)
		}
	}
}

func TestNoiseAndEveCombine(t *testing.T) {
	m := New()
	reset(t, m, "photons=100000&noise=5&eve=40&seed=3")
	r := m.Result()
	want := 0.1 + 0.05 - 2*0.1*0.05
	if math.Abs(r.Expected-want) > 1e-12 {
		t.Errorf("expected rate got: %v want: %v", r.Expected, want)
	}
	if se := math.Sqrt(want * (1 - want) / float64(r.Sifted)); math.Abs(r.TrueQBER-want) > 5*se {
		t.Errorf("error rate got: %v want: %v ± %v", r.TrueQBER, want, 5*se)
	}
}

func TestSiftingAndSample(t *testing.T) {
	m := New()
	reset(t, m, "photons=20000&sample=20&seed=2")
	r := m.Result()
	if sd := math.Sqrt(20000) / 2; math.Abs(float64(r.Sifted)-10000) > 5*sd {
		t.Errorf("sifted got: %d want: about 10000", r.Sifted)
	}
	if want := int(math.Round(0.2 * float64(r.Sifted))); r.Sampled != want {
		t.Errorf("sampled got: %d want: %d", r.Sampled, want)
	}
	n, kept := 0, 0
	for _, p := range m.Photons() {
		if p.Sampled {
			n++
			if !p.Kept {
				t.Fatal("a photon was sampled that was not kept")
			}
		}
		if p.Kept {
			kept++
		}
	}
	if n != r.Sampled || kept != r.Sifted || r.Remaining != r.Sifted-r.Sampled {
		t.Errorf("sampled %d kept %d remaining %d; result %+v", n, kept, r.Remaining, r)
	}
}

func TestAbortAndKey(t *testing.T) {
	m := New()
	reset(t, m, "photons=50000&eve=100&noise=0&seed=5&stage=4")
	if r := m.Result(); !r.Abort || r.Key != 0 {
		t.Errorf("Eve on every photon: got %+v; want an abort", r)
	}
	if d := m.Describe(sim.English{}); !strings.Contains(d, "aborted") {
		t.Errorf("description does not say aborted: %s", d)
	}
	reset(t, m, "photons=50000&eve=0&noise=2&seed=5&stage=4")
	r := m.Result()
	if r.Abort {
		t.Fatalf("2%% noise and no Eve: got an abort %+v", r)
	}
	if want := int(math.Floor(float64(r.Remaining) * (1 - 2*entropy(r.QBER)))); r.Key != want || r.Key <= 0 {
		t.Errorf("key got: %d want: %d", r.Key, want)
	}
	if KeyRate(0.11) > 0.002 || KeyRate(0.12) != 0 || KeyRate(0) != 1 {
		t.Errorf("key rate at 0, 11 %% and 12 %%: %v %v %v; want 1, about 0 and 0", KeyRate(0), KeyRate(0.11), KeyRate(0.12))
	}
}

func TestStagesAndRoundTrip(t *testing.T) {
	m := New()
	reset(t, m, "photons=200&eve=30&seed=9")
	prev := m.Describe(sim.English{})
	for _, a := range []string{"next", "next", "next", "next", "next", "restart", "finish", "resend"} {
		if err := m.Do(a); err != nil {
			t.Fatal(err)
		}
		d := m.Describe(sim.English{})
		if d == prev {
			t.Errorf("after %s the description did not change: %s", a, d)
		}
		prev = d
	}
	if m.Stage() != Finished || m.Query().Get("seed") != "10" {
		t.Errorf("stage %d, query %v", m.Stage(), m.Query())
	}
	again := New()
	v, probs := schema.Parse(m.Query())
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if err := again.Reset(v); err != nil {
		t.Fatal(err)
	}
	m.last = ""
	if got, want := again.Describe(sim.English{}), m.Describe(sim.English{}); got != want {
		t.Errorf("round trip\ngot:  %s\nwant: %s", got, want)
	}
	if err := m.Do("explode"); err == nil {
		t.Error("Do(explode) = nil; want an error")
	}
}

func TestExport(t *testing.T) {
	m := New()
	reset(t, m, "photons=16&eve=50&seed=1")
	name, data := m.Export()
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if name != "bb84-16-photons-eve-50-seed-1.csv" || len(lines) != 17 {
		t.Fatalf("Export got: %s, %d lines want: bb84-16-photons-eve-50-seed-1.csv, 17", name, len(lines))
	}
	for _, l := range lines[1:] {
		if strings.Count(l, ",") != 10 {
			t.Errorf("row %q has the wrong number of fields", l)
		}
	}
}
