package bundle

import (
	"net/http"
	"strings"
	"testing"

	"nexuslab/site/serve"
)

// apply reads a _headers file the way Workers applies it to path p: every
// matching rule in order, "! Name" detaching what earlier rules set.
func apply(t *testing.T, file, p string) http.Header {
	t.Helper()
	h := http.Header{}
	matching := false
	for _, line := range strings.Split(file, "\n") {
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case !strings.HasPrefix(line, " "):
			pat := line
			matching = pat == p || strings.HasSuffix(pat, "*") && strings.HasPrefix(p, strings.TrimSuffix(pat, "*"))
		case !matching:
		case strings.HasPrefix(line, "  ! "):
			h.Del(strings.TrimPrefix(line, "  ! "))
		default:
			k, v, ok := strings.Cut(strings.TrimSpace(line), ": ")
			if !ok {
				t.Fatalf("malformed line %q", line)
			}
			h.Add(k, v)
		}
	}
	return h
}

func TestHeadersFile(t *testing.T) {
	for _, files := range [][]string{
		{"/index.html", "/embed/bell/index.html", "/assets/sims.0123456789.wasm", "/assets/style.abcdef0123.css", "/404.html"},
		{"/index.html", "/embed/bell/index.html", "/embed/grover/index.html", "/vi/index.html", "/vi/embed/bell/index.html", "/vi/embed/grover/index.html"},
		// An asset without a hash in its name forces rules per file.
		{"/index.html", "/assets/sims.0123456789.wasm", "/assets/plain.css", "/assets/x.abcdef0123.js"},
		{"/index.html"},
	} {
		data, rules, err := HeadersFile(files)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if got, want := apply(t, string(data), f), serve.Headers(f); !same(got, want) {
				t.Errorf("files %v: %s gets %v; want %v\n%s", files, f, got, want, data)
			}
		}
		if rules < 1 || rules > len(files)+3 {
			t.Errorf("files %v: %d rules", files, rules)
		}
	}
	many := []string{"/index.html"}
	for i := range 120 {
		many = append(many, "/assets/a"+strings.Repeat("b", i)+".0123456789.js", "/assets/plain"+strings.Repeat("c", i)+".js")
	}
	if _, _, err := HeadersFile(many); err == nil {
		t.Error("HeadersFile accepted more rules than Workers allows")
	}
}
