package site

import (
	"slices"
	"strings"
	"testing"
)

// TestSimKeysChoiceLabels checks that the keys the site lists from the
// schemas are the labels a choice control shows, not the values its URL
// holds, and that a missing label translation is a warning.
func TestSimKeysChoiceLabels(t *testing.T) {
	keys := simKeys()
	for _, want := range []string{"Circle", "Exclusive or", "Four separate blobs", "|+i⟩"} {
		if !slices.Contains(keys, want) {
			t.Errorf("simKeys lacks the choice label %q", want)
		}
	}
	for _, value := range []string{"circle", "xor", "blobs"} {
		if slices.Contains(keys, value) {
			t.Errorf("simKeys lists the labelled value %q", value)
		}
	}

	content := viContent(t, false)
	cat := string(content["i18n/sims/vi.yaml"].Data)
	var kept []string
	for _, line := range strings.Split(cat, "\n") {
		if !strings.HasPrefix(line, `"Exclusive or":`) {
			kept = append(kept, line)
		}
	}
	content["i18n/sims/vi.yaml"].Data = []byte(strings.Join(kept, "\n"))
	var warns []string
	cfg := Config{Content: content, Warn: func(p Problem) { warns = append(warns, p.Error()) }}
	if err := Check(cfg); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(warns, "\n"); !strings.Contains(got, `missing translation of "Exclusive or"`) {
		t.Errorf("warnings lack the missing choice label:\n%s", got)
	}
}
