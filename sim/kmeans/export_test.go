package kmeans

import (
	"bytes"
	"testing"
)

func TestExport(t *testing.T) {
	m := New()
	name, csv := m.Export()
	if name != "kmeans.csv" || !bytes.Equal(csv, m.CSV()) {
		t.Errorf("Export got: %q, %d bytes want: kmeans.csv and the CSV", name, len(csv))
	}
}
