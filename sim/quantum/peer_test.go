package quantum_test

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"

	"nexuslab/sim/quantum"
	"nexuslab/sim/quantum/qasm"
)

// TestPeerCrossCheck compares our probabilities with those of the npm
// package quantum-circuit on random circuits of 30 gate kinds. The data
// is written by build/bench/quantum/peerdata.js; run it again to
// regenerate it.
func TestPeerCrossCheck(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "peer", "circuits.json"))
	if err != nil {
		t.Fatal(err)
	}
	var data struct {
		Circuits []struct {
			Qubits        int       `json:"qubits"`
			QASM          string    `json:"qasm"`
			Probabilities []float64 `json:"probabilities"`
		} `json:"circuits"`
	}
	if err := json.Unmarshal(b, &data); err != nil {
		t.Fatal(err)
	}
	if len(data.Circuits) < 20 {
		t.Fatalf("got: %d circuits want: at least 20", len(data.Circuits))
	}
	for k, pc := range data.Circuits {
		c, err := qasm.Compile("peer.qasm", []byte(pc.QASM))
		if err != nil {
			t.Fatalf("circuit %d: %v", k, err)
		}
		r, err := quantum.Run(c, nil)
		if err != nil {
			t.Fatal(err)
		}
		got := r.State.Probabilities(nil)
		if len(got) != len(pc.Probabilities) {
			t.Fatalf("circuit %d: got: %d probabilities want: %d", k, len(got), len(pc.Probabilities))
		}
		for i, want := range pc.Probabilities {
			if math.Abs(got[i]-want) > 1e-9 {
				t.Errorf("circuit %d (%d qubits): P(%s) got: %v want: %v", k, pc.Qubits, quantum.Bitstring(i, pc.Qubits), got[i], want)
			}
		}
	}
}
