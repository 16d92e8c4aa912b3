package fairness

import (
	"bytes"
	"testing"
)

func TestExport(t *testing.T) {
	m := New()
	name, csv := m.Export()
	if name != "fairness.csv" || !bytes.Equal(csv, m.CSV()) {
		t.Errorf("Export got: %q, %d bytes want: fairness.csv and the CSV", name, len(csv))
	}
}
