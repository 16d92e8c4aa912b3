package catalog

import "testing"

// TestSchemas checks every model's schema, part of its code: among
// other things, that choice labels name the choices one to one.
func TestSchemas(t *testing.T) {
	for _, e := range All() {
		if err := e.New().Schema().Check(); err != nil {
			t.Errorf("%s: %v", e.Name, err)
		}
	}
}
