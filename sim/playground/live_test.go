package playground

import (
	"strings"
	"testing"

	"nexuslab/sim"
	"nexuslab/sim/simtest"
)

func TestPlayAdvancesUntilPaused(t *testing.T) {
	m := New()
	var _ sim.Live = m
	if m.Active() {
		t.Fatal("a new model is active")
	}
	m.Advance(1.0 / 60)
	if got := m.Epoch(); got != 0 {
		t.Fatalf("paused Advance trained: epoch got: %d want: 0", got)
	}
	if err := m.Do("play"); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		m.Advance(1.0 / 60)
	}
	if got := m.Epoch(); got != 3 || m.Query().Get("epoch") != "3" {
		t.Fatalf("after three Advances got: epoch %d, URL epoch %s want: 3", got, m.Query().Get("epoch"))
	}
	if err := m.Do("play"); err != nil {
		t.Fatal(err)
	}
	m.Advance(1.0 / 60)
	if m.Active() || m.Epoch() != 3 {
		t.Errorf("after pause got: active %v, epoch %d want: false, 3", m.Active(), m.Epoch())
	}
	// Training stops at MaxEpochs however long it plays.
	v, _ := schema.Parse(m.Query())
	v["epoch"] = "1999"
	if err := m.Reset(v); err != nil {
		t.Fatal(err)
	}
	_ = m.Do("play")
	for range 5 {
		m.Advance(1.0 / 60)
	}
	if m.Active() || m.Epoch() != MaxEpochs {
		t.Errorf("at the limit got: active %v, epoch %d want: false, %d", m.Active(), m.Epoch(), MaxEpochs)
	}
}

func TestExport(t *testing.T) {
	name, csv := New().Export()
	if name != "playground.csv" || len(csv) == 0 {
		t.Errorf("Export got: %q, %d bytes", name, len(csv))
	}
}

// A Replay reaches the state Reset reaches, a bounded chunk per Advance,
// and says so meanwhile; the URL holds the epoch it replays to throughout.
func TestReplayReachesResetStateInChunks(t *testing.T) {
	q := "dataset=spiral&layers=6&n1=8&n2=8&n3=8&n4=8&n5=8&n6=8&epoch=40&seed=5"
	want := New()
	simtest.Reset(t, want, q)
	m := New()
	var _ sim.Replayer = m
	if err := m.Replay(simtest.Values(t, schema, q)); err != nil {
		t.Fatal(err)
	}
	if m.Epoch() != 0 || !m.Active() || m.Query().Get("epoch") != "40" {
		t.Fatalf("after Replay got: epoch %d, active %v, URL epoch %s want: 0, true, 40", m.Epoch(), m.Active(), m.Query().Get("epoch"))
	}
	if d := m.Describe(sim.English{}); !strings.HasPrefix(d, "Restoring the shared run: training to epoch 40, 0 done.") {
		t.Errorf("description while replaying: %s", d)
	}
	chunk := m.replayChunk()
	if chunk >= 40 {
		t.Fatalf("the largest network replays %d epochs an Advance; want fewer than 40", chunk)
	}
	advances := 0
	for m.Active() {
		m.Advance(1.0 / 60)
		advances++
		if m.Query().Get("epoch") != "40" {
			t.Fatalf("URL epoch while replaying: %s", m.Query().Get("epoch"))
		}
	}
	if wantN := (40 + chunk - 1) / chunk; advances != wantN {
		t.Errorf("Advances to replay 40 epochs %d at a time: got %d want %d", chunk, advances, wantN)
	}
	if got, w := m.Describe(sim.English{}), want.Describe(sim.English{}); got != w {
		t.Errorf("after the replay\n got: %s\nwant: %s", got, w)
	}
	if got, w := m.TestLoss(), want.TestLoss(); len(got) != len(w) || got[40] != w[40] {
		t.Errorf("test losses after the replay differ from Reset's")
	}
}

// An action during a Replay acts on the replayed run.
func TestActionFinishesReplay(t *testing.T) {
	m := New()
	if err := m.Replay(simtest.Values(t, schema, "epoch=30")); err != nil {
		t.Fatal(err)
	}
	if err := m.Do("step"); err != nil {
		t.Fatal(err)
	}
	if m.Epoch() != 31 || m.Active() || m.Query().Get("epoch") != "31" {
		t.Errorf("step during a replay to 30 got: epoch %d, active %v, URL epoch %s want: 31, false, 31", m.Epoch(), m.Active(), m.Query().Get("epoch"))
	}
}
