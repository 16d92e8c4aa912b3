package playground

import (
	"testing"

	"nexuslab/sim"
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
