package markup

import "testing"

func TestHeadingIDs(t *testing.T) {
	ids := NewIDs()
	ids.Put([]byte("taken"))
	for _, c := range []struct{ in, want string }{
		{"Vì sao điều này quan trọng", "vi-sao-dieu-nay-quan-trong"},
		{"Why this matters", "why-this-matters"},
		{"Why this matters", "why-this-matters-1"},
		{"  Notes for teachers — and learners  ", "notes-for-teachers-and-learners"},
		{"Thử nghiệm: Đo qubit", "thu-nghiem-do-qubit"},
		{"Taken", "taken-1"},
		{"???", "section"},
	} {
		if got := string(ids.Generate([]byte(c.in), 0)); got != c.want {
			t.Errorf("Generate(%q) got: %q want: %q", c.in, got, c.want)
		}
	}
}
