package serve

import (
	"bytes"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func FuzzCleanPath(f *testing.F) {
	for _, s := range []string{"/", "/a/b/", "/a/../b", "/%2e%2e", "//x", "/a\\b", "/a\x00", "/é/ü", "/a/./b", "a", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		name, dir, ok := cleanPath(p)
		if !ok {
			return
		}
		if name != "." && !fs.ValidPath(name) {
			t.Fatalf("cleanPath(%q) = %q, not a valid path inside the root", p, name)
		}
		if slices.Contains(strings.Split(name, "/"), "..") || strings.ContainsAny(name, "\\\x00") {
			t.Fatalf("cleanPath(%q) = %q escapes or smuggles", p, name)
		}
		if dir != strings.HasSuffix(p, "/") {
			t.Fatalf("cleanPath(%q): dir = %v", p, dir)
		}
		// Accepted paths are served as written: nothing was resolved away.
		want := strings.TrimSuffix(strings.TrimPrefix(p, "/"), "/")
		if name != want && !(name == "." && want == "") {
			t.Fatalf("cleanPath(%q) = %q; want %q", p, name, want)
		}
	})
}

// FuzzHandler throws request targets and headers at the handler over a
// real directory with a secret beside it: the handler must answer with a
// known status, never panic, and never send anything from outside the
// site.
func FuzzHandler(f *testing.F) {
	root := f.TempDir()
	const secret = "TOP-SECRET-OUTSIDE-THE-SITE"
	site := filepath.Join(root, "site")
	files := map[string]string{
		"index.html":                     "<p>home</p>",
		"index.html.br":                  "BR-home",
		"404.html":                       "<p>not here</p>",
		"embed/bell/index.html":          "<p>bell</p>",
		"assets/sims.0123456789.wasm":    "\x00asm",
		"assets/sims.0123456789.wasm.gz": "GZ-wasm",
	}
	for name, data := range files {
		p := filepath.Join(site, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			f.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			f.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(root, "secret.txt"), []byte(secret), 0o644); err != nil {
		f.Fatal(err)
	}
	h := Handler(os.DirFS(site))
	f.Add("GET", "/", "br", "")
	f.Add("GET", "/../secret.txt", "", "")
	f.Add("GET", "/%2e%2e/secret.txt", "gzip", "bytes=0-3")
	f.Add("HEAD", "/assets/sims.0123456789.wasm", "gzip;q=0.5, br", "bytes=-2")
	f.Add("GET", "/embed/bell?x=1", "", "")
	f.Add("POST", "/index.html", "*", "bytes=0-0,2-1")
	f.Fuzz(func(t *testing.T, method, target, accept, rng string) {
		u, err := url.ParseRequestURI(target)
		if err != nil || !validMethod(method) {
			return // the server refuses these before any handler runs
		}
		r := &http.Request{Method: method, URL: u, RequestURI: target, Header: http.Header{}, Host: "x"}
		r.Header.Set("Accept-Encoding", accept)
		r.Header.Set("Range", rng)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		switch w.Code {
		case 200, 206, 301, 304, 400, 404, 405, 412, 414, 416:
		default:
			t.Fatalf("%s %q: unexpected status %d", method, target, w.Code)
		}
		if bytes.Contains(w.Body.Bytes(), []byte(secret)) {
			t.Fatalf("%s %q: served the secret outside the root", method, target)
		}
		if w.Code == 200 && method == "GET" {
			found := false
			for _, data := range files {
				found = found || w.Body.String() == data
			}
			if !found {
				t.Fatalf("%s %q: 200 with %q, which is no file of the site", method, target, w.Body.String())
			}
		}
		if w.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Fatalf("%s %q: no nosniff", method, target)
		}
	})
}

// validMethod reports whether m is an HTTP token, as the server requires.
func validMethod(m string) bool {
	if m == "" {
		return false
	}
	for _, c := range m {
		if c <= ' ' || c >= 0x7f || strings.ContainsRune(`()<>@,;:\"/[]?={}`, c) {
			return false
		}
	}
	return true
}
