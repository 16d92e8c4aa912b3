package serve

import (
	"io/fs"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// testSite is a small built site: pages with precompressed twins whose
// bytes are labels, so a test can tell which form it got.
func testSite() fstest.MapFS {
	f := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s), ModTime: time.Unix(1e9, 0)} }
	return fstest.MapFS{
		"index.html":                     f("<p>home</p>"),
		"index.html.br":                  f("BR-home"),
		"index.html.gz":                  f("GZ-home"),
		"404.html":                       f("<p>not here</p>"),
		"404.html.br":                    f("BR-404"),
		"embed/bell/index.html":          f("<p>bell</p>"),
		"vi/embed/bell/index.html":       f("<p>chuông</p>"),
		"vi/index.html":                  f("<p>trang chủ</p>"),
		"vi/404.html":                    f("<p>không có</p>"),
		"case-studies/x/index.html":      f("<p>x</p>"),
		"case-studies/x/index.html.gz":   f("GZ-x"),
		"assets/sims.0123456789.wasm":    f("\x00asm-raw-bytes"),
		"assets/sims.0123456789.wasm.br": f("BR-wasm-0123456789"),
		"assets/style.0123456789.css":    f("body{}"),
		"assets/plain.css":               f("p{}"),
		"assets/data.csv.gz":             f("GZ-only"),
		"empty/.keep":                    f(""),
	}
}

func get(t *testing.T, h http.Handler, method, target string, hdr map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(method, "http://x"+target, nil)
	for k, v := range hdr {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestHandlerNegotiation(t *testing.T) {
	h := Handler(testSite())
	cases := []struct{ accept, enc, body string }{
		{"gzip, deflate, br", "br", "BR-home"},
		{"br", "br", "BR-home"},
		{"gzip", "gzip", "GZ-home"},
		{"x-gzip", "gzip", "GZ-home"},
		{"br;q=0, gzip", "gzip", "GZ-home"},
		{"br;q=0.5, gzip;q=0.8", "gzip", "GZ-home"},
		{"br;q=0.8, gzip;q=0.8", "br", "BR-home"},
		{"gzip;q=0.2, identity;q=0.5", "", "<p>home</p>"},
		{"*", "br", "BR-home"},
		{"*;q=0.3, br;q=0", "gzip", "GZ-home"},
		{"", "", "<p>home</p>"},
		{"identity", "", "<p>home</p>"},
		{"deflate", "", "<p>home</p>"},
		{"br;q=2, gzip;q=abc", "", "<p>home</p>"},        // malformed weights are ignored
		{"*;q=0", "", "<p>home</p>"},                     // nothing acceptable: the file itself
		{" BR ; Q=0.9 ,, ;q=1, gzip", "gzip", "GZ-home"}, // case, spaces, empty parts
	}
	for _, c := range cases {
		w := get(t, h, "GET", "/", map[string]string{"Accept-Encoding": c.accept})
		if got := w.Header().Get("Content-Encoding"); got != c.enc {
			t.Errorf("Accept-Encoding %q: Content-Encoding = %q; want %q", c.accept, got, c.enc)
		}
		if got := w.Body.String(); got != c.body {
			t.Errorf("Accept-Encoding %q: body = %q; want %q", c.accept, got, c.body)
		}
		if got := w.Header().Values("Vary"); len(got) != 1 || got[0] != "Accept-Encoding" {
			t.Errorf("Accept-Encoding %q: Vary = %q; want [Accept-Encoding]", c.accept, got)
		}
		if got := w.Header().Get("Content-Type"); got != "text/html; charset=utf-8" {
			t.Errorf("Accept-Encoding %q: Content-Type = %q", c.accept, got)
		}
	}
	// Only the twins that exist are offered; a file without any does not vary.
	w := get(t, h, "GET", "/case-studies/x/", map[string]string{"Accept-Encoding": "br, gzip"})
	if w.Header().Get("Content-Encoding") != "gzip" || w.Body.String() != "GZ-x" {
		t.Errorf("page with only .gz: got %q %q; want gzip GZ-x", w.Header().Get("Content-Encoding"), w.Body.String())
	}
	w = get(t, h, "GET", "/assets/style.0123456789.css", map[string]string{"Accept-Encoding": "br, gzip"})
	if w.Header().Get("Content-Encoding") != "" || w.Header().Get("Vary") != "" || w.Body.String() != "body{}" {
		t.Errorf("file without twins: got encoding %q, Vary %q, body %q", w.Header().Get("Content-Encoding"), w.Header().Get("Vary"), w.Body.String())
	}
}

func TestHandlerTwinsAreNotFiles(t *testing.T) {
	h := Handler(testSite())
	for _, target := range []string{"/index.html.br", "/index.html.gz", "/assets/sims.0123456789.wasm.br"} {
		if w := get(t, h, "GET", target, nil); w.Code != http.StatusNotFound {
			t.Errorf("GET %s: status %d; want 404", target, w.Code)
		}
	}
	// A .gz with no file beside it is a file of its own.
	w := get(t, h, "GET", "/assets/data.csv.gz", nil)
	if w.Code != http.StatusOK || w.Body.String() != "GZ-only" || w.Header().Get("Content-Encoding") != "" {
		t.Errorf("lone .gz: got %d %q encoding %q", w.Code, w.Body.String(), w.Header().Get("Content-Encoding"))
	}
}

func TestHandlerTypesAndCaching(t *testing.T) {
	h := Handler(testSite())
	w := get(t, h, "GET", "/assets/sims.0123456789.wasm", map[string]string{"Accept-Encoding": "br"})
	if got := w.Header().Get("Content-Type"); got != "application/wasm" {
		t.Errorf("wasm Content-Type = %q; want application/wasm", got)
	}
	if got := w.Header().Get("Content-Encoding"); got != "br" {
		t.Errorf("wasm Content-Encoding = %q; want br", got)
	}
	if got := w.Header().Get("Cache-Control"); got != CacheImmutable {
		t.Errorf("fingerprinted Cache-Control = %q; want %q", got, CacheImmutable)
	}
	for _, p := range []string{"/", "/case-studies/x/", "/assets/plain.css"} {
		if got := get(t, h, "GET", p, nil).Header().Get("Cache-Control"); got != CacheRevalidate {
			t.Errorf("%s Cache-Control = %q; want %q", p, got, CacheRevalidate)
		}
	}
	for name, want := range map[string]string{
		"a.css": "text/css; charset=utf-8", "a.js": "text/javascript; charset=utf-8", "a.svg": "image/svg+xml",
		"a.json": "application/json", "a.WASM": "application/wasm", "noext": "application/octet-stream",
	} {
		if got := ContentType(name); got != want {
			t.Errorf("ContentType(%q) = %q; want %q", name, got, want)
		}
	}
}

func TestHandlerSecurityHeaders(t *testing.T) {
	h := Handler(testSite())
	check := func(what string, w *httptest.ResponseRecorder, embed bool) {
		t.Helper()
		hdr := w.Header()
		if got := hdr.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("%s: nosniff = %q", what, got)
		}
		if got := hdr.Get("Referrer-Policy"); got != ReferrerPolicy {
			t.Errorf("%s: Referrer-Policy = %q", what, got)
		}
		csp := hdr.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self' 'wasm-unsafe-eval'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: CSP %q must allow own scripts and wasm, nothing inline", what, csp)
		}
		if embed {
			if !strings.Contains(csp, "frame-ancestors *") || hdr.Get("X-Frame-Options") != "" {
				t.Errorf("%s: CSP %q, X-Frame-Options %q; an embed page must be frameable by any site", what, csp, hdr.Get("X-Frame-Options"))
			}
		} else if !strings.Contains(csp, "frame-ancestors 'none'") || hdr.Get("X-Frame-Options") != "DENY" {
			t.Errorf("%s: CSP %q, X-Frame-Options %q; want no framing", what, csp, hdr.Get("X-Frame-Options"))
		}
	}
	check("page", get(t, h, "GET", "/case-studies/x/", nil), false)
	check("home", get(t, h, "GET", "/", nil), false)
	check("embed", get(t, h, "GET", "/embed/bell/", nil), true)
	check("translated embed", get(t, h, "GET", "/vi/embed/bell/", nil), true)
	check("translated home", get(t, h, "GET", "/vi/", nil), false)
	check("404", get(t, h, "GET", "/nope", nil), false)
	check("404 in an embed", get(t, h, "GET", "/embed/nosuch/", nil), true)
	if got := get(t, h, "GET", "/assets/gone.0123456789.js", nil).Header().Get("Cache-Control"); got != CacheRevalidate {
		t.Errorf("404 for a fingerprinted name: Cache-Control %q; want %q", got, CacheRevalidate)
	}
	check("400", get(t, h, "GET", "/a/../b", nil), false)
	check("405", get(t, h, "POST", "/", nil), false)
	check("redirect", get(t, h, "GET", "/embed/bell", nil), true)
}

func TestHandlerEmbeddable(t *testing.T) {
	for p, want := range map[string]bool{
		"/embed/bell/": true, "/vi/embed/bell/": true, "/zh-Hant/embed/x/": true, "/embed/": true,
		"/": false, "/vi/": false, "/embedded/": false, "/case-studies/embed/x/": false,
		"/VI/embed/x/": false, "/x/embed/y/": false, "/vi/vi/embed/x/": false, "/zh-/embed/x/": false,
	} {
		if got := Embeddable(p); got != want {
			t.Errorf("Embeddable(%q) = %v; want %v", p, got, want)
		}
	}
}

func TestHandlerRefusesBadPaths(t *testing.T) {
	h := Handler(testSite())
	for _, target := range []string{
		"/../etc/passwd",
		"/%2e%2e/etc/passwd",
		"/%2E%2E/%2E%2E/etc/passwd",
		"/assets/..%2f..%2fetc%2fpasswd",
		"/assets/%2e%2e/index.html",
		"/assets/%2e/style.0123456789.css",
		"/./index.html",
		"/index.html%00.css",
		"/index.html%00",
		"/assets\\..\\index.html",
		"/assets%5c..%5cindex.html",
		"//evil.example/",
		"/embed//bell/",
		"/a%0d%0aSet-Cookie:x",
		"/%7f",
		"/%ff%fe",
	} {
		w := get(t, h, "GET", target, nil)
		if w.Code != http.StatusBadRequest {
			t.Errorf("GET %s: status %d; want 400", target, w.Code)
		}
		if loc := w.Header().Get("Location"); loc != "" {
			t.Errorf("GET %s: redirected to %q", target, loc)
		}
	}
	long := "/" + strings.Repeat("a", MaxURI)
	if w := get(t, h, "GET", long, nil); w.Code != http.StatusRequestURITooLong {
		t.Errorf("long path: status %d; want 414", w.Code)
	}
	if w := get(t, h, "GET", "/?q="+strings.Repeat("a", MaxURI), nil); w.Code != http.StatusRequestURITooLong {
		t.Errorf("long query: status %d; want 414", w.Code)
	}
	if w := get(t, h, "GET", "/?q="+strings.Repeat("a", MaxURI-20), nil); w.Code != http.StatusOK {
		t.Errorf("URL just under the limit: status %d; want 200", w.Code)
	}
}

func TestHandlerMethodsRedirectsAndNotFound(t *testing.T) {
	h := Handler(testSite())
	for _, m := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "PROPFIND"} {
		w := get(t, h, m, "/", nil)
		if w.Code != http.StatusMethodNotAllowed || w.Header().Get("Allow") != "GET, HEAD" {
			t.Errorf("%s: got %d Allow %q; want 405 and GET, HEAD", m, w.Code, w.Header().Get("Allow"))
		}
	}
	w := get(t, h, "GET", "/no/such/page", map[string]string{"Accept-Encoding": "gzip"})
	if w.Code != http.StatusNotFound || w.Body.String() != "<p>not here</p>" {
		t.Errorf("missing page: got %d %q; want 404 with the 404 page", w.Code, w.Body.String())
	}
	w = get(t, h, "GET", "/vi/no/such/page", nil)
	if w.Code != http.StatusNotFound || w.Body.String() != "<p>không có</p>" {
		t.Errorf("missing Vietnamese page: got %d %q; want 404 with the Vietnamese 404 page", w.Code, w.Body.String())
	}
	w = get(t, h, "GET", "/no/such/page", map[string]string{"Accept-Encoding": "br", "If-None-Match": "*"})
	if w.Code != http.StatusNotFound || w.Body.String() != "BR-404" || w.Header().Get("Content-Encoding") != "br" || w.Header().Get("ETag") != "" {
		t.Errorf("missing page, br, If-None-Match: got %d %q %q ETag %q; want the br 404 page, not a 304", w.Code, w.Body.String(), w.Header().Get("Content-Encoding"), w.Header().Get("ETag"))
	}
	for _, p := range []string{"/assets/", "/empty/", "/index.html/", "/embed/bell/index.html/x"} {
		if w := get(t, h, "GET", p, nil); w.Code != http.StatusNotFound {
			t.Errorf("GET %s: status %d; want 404", p, w.Code)
		}
	}
	w = get(t, h, "HEAD", "/nope", nil)
	if w.Code != http.StatusNotFound || w.Body.Len() != 0 || w.Header().Get("Content-Length") != "15" {
		t.Errorf("HEAD missing: got %d with %d bytes, Content-Length %q", w.Code, w.Body.Len(), w.Header().Get("Content-Length"))
	}
	w = get(t, h, "GET", "/embed/bell?shots=10&seed=7", nil)
	if w.Code != http.StatusMovedPermanently || w.Header().Get("Location") != "/embed/bell/?shots=10&seed=7" {
		t.Errorf("directory without slash: got %d to %q", w.Code, w.Header().Get("Location"))
	}
	if w := get(t, h, "GET", "/embed/bell/", nil); w.Code != http.StatusOK || w.Body.String() != "<p>bell</p>" {
		t.Errorf("embed page: got %d %q", w.Code, w.Body.String())
	}
}

func TestHandlerHead(t *testing.T) {
	h := Handler(testSite())
	for _, enc := range []string{"", "br"} {
		g := get(t, h, "GET", "/", map[string]string{"Accept-Encoding": enc})
		w := get(t, h, "HEAD", "/", map[string]string{"Accept-Encoding": enc})
		if w.Code != http.StatusOK || w.Body.Len() != 0 {
			t.Errorf("HEAD %q: got %d with %d bytes; want 200 and no body", enc, w.Code, w.Body.Len())
		}
		if !maps.EqualFunc(g.Header(), w.Header(), func(a, b []string) bool { return strings.Join(a, ",") == strings.Join(b, ",") }) {
			t.Errorf("HEAD %q headers %v differ from GET's %v", enc, w.Header(), g.Header())
		}
	}
}

func TestHandlerETags(t *testing.T) {
	site := testSite()
	h := Handler(site)
	tag := func(h http.Handler, p, enc string) string {
		t.Helper()
		w := get(t, h, "GET", p, map[string]string{"Accept-Encoding": enc})
		e := w.Header().Get("ETag")
		if !strings.HasPrefix(e, `"`) || !strings.HasSuffix(e, `"`) || len(e) < 10 {
			t.Fatalf("GET %s (%s): ETag %q is not a strong validator", p, enc, e)
		}
		if w.Header().Get("Last-Modified") != "" {
			t.Errorf("GET %s: Last-Modified %q; file times are not validators", p, w.Header().Get("Last-Modified"))
		}
		return e
	}
	plain, br, gz := tag(h, "/", ""), tag(h, "/", "br"), tag(h, "/", "gzip")
	if plain == br || plain == gz || br == gz {
		t.Errorf("each form needs its own ETag: identity %s, br %s, gzip %s", plain, br, gz)
	}
	// A restart, and a rebuild that writes the same bytes at a later time,
	// keep the validators.
	rebuilt := testSite()
	for _, f := range rebuilt {
		f.ModTime = time.Unix(2e9, 0)
	}
	if again := tag(Handler(rebuilt), "/", "br"); again != br {
		t.Errorf("ETag changed across a rebuild of the same bytes: %s then %s", br, again)
	}
	rebuilt["index.html.br"] = &fstest.MapFile{Data: []byte("BR-home-v2"), ModTime: time.Unix(2e9, 0)}
	if changed := tag(Handler(rebuilt), "/", "br"); changed == br {
		t.Errorf("ETag %s kept after the content changed", changed)
	}
}

func TestHandlerETagFollowsRewrites(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "index.html")
	if err := os.WriteFile(file, []byte("one"), 0o644); err != nil {
		t.Fatal(err)
	}
	h := Handler(os.DirFS(dir))
	first := get(t, h, "GET", "/", nil)
	if err := os.WriteFile(file, []byte("two!"), 0o644); err != nil {
		t.Fatal(err)
	}
	second := get(t, h, "GET", "/", nil)
	if second.Body.String() != "two!" || second.Header().Get("ETag") == first.Header().Get("ETag") {
		t.Errorf("after a rewrite: body %q ETag %s (was %s); want the new file and a new ETag", second.Body.String(), second.Header().Get("ETag"), first.Header().Get("ETag"))
	}
}

func TestHandlerConditionalAndRange(t *testing.T) {
	site := testSite()
	h := Handler(site)
	const wasm = "/assets/sims.0123456789.wasm"
	br := map[string]string{"Accept-Encoding": "br"}
	with := func(extra map[string]string) map[string]string {
		m := maps.Clone(br)
		maps.Copy(m, extra)
		return m
	}
	first := get(t, h, "GET", wasm, br)
	etag := first.Header().Get("ETag")
	w := get(t, h, "GET", wasm, with(map[string]string{"If-None-Match": etag}))
	if w.Code != http.StatusNotModified || w.Body.Len() != 0 || w.Header().Get("Vary") != "Accept-Encoding" || w.Header().Get("ETag") != etag {
		t.Errorf("If-None-Match on br: got %d, %d bytes, Vary %q, ETag %q; want 304 with the br form's ETag", w.Code, w.Body.Len(), w.Header().Get("Vary"), w.Header().Get("ETag"))
	}
	// The br form's validator does not validate the identity form.
	if w := get(t, h, "GET", wasm, map[string]string{"If-None-Match": etag}); w.Code != http.StatusOK || w.Body.String() != "\x00asm-raw-bytes" {
		t.Errorf("br ETag on identity request: got %d %q; want 200 with the file", w.Code, w.Body.String())
	}
	if w := get(t, h, "HEAD", wasm, with(map[string]string{"If-None-Match": `"other", ` + etag})); w.Code != http.StatusNotModified {
		t.Errorf("HEAD with a list of ETags: got %d; want 304", w.Code)
	}
	if w := get(t, h, "GET", wasm, with(map[string]string{"If-Match": `"other"`})); w.Code != http.StatusPreconditionFailed {
		t.Errorf("If-Match mismatch: got %d; want 412", w.Code)
	}

	// Ranges count bytes of the form served.
	w = get(t, h, "GET", wasm, with(map[string]string{"Range": "bytes=3-6"}))
	if w.Code != http.StatusPartialContent || w.Body.String() != "wasm" || w.Header().Get("Content-Encoding") != "br" ||
		w.Header().Get("Content-Range") != "bytes 3-6/18" {
		t.Errorf("Range on br: got %d %q encoding %q range %q; want 206 \"wasm\" br bytes 3-6/18", w.Code, w.Body.String(), w.Header().Get("Content-Encoding"), w.Header().Get("Content-Range"))
	}
	w = get(t, h, "GET", wasm, map[string]string{"Range": "bytes=-5"})
	if w.Code != http.StatusPartialContent || w.Body.String() != "bytes" || w.Header().Get("Content-Encoding") != "" {
		t.Errorf("suffix Range on identity: got %d %q", w.Code, w.Body.String())
	}
	w = get(t, h, "GET", wasm, with(map[string]string{"Range": "bytes=0-1", "If-Range": etag}))
	if w.Code != http.StatusPartialContent || w.Body.String() != "BR" {
		t.Errorf("If-Range matching: got %d %q; want 206 \"BR\"", w.Code, w.Body.String())
	}
	w = get(t, h, "GET", wasm, with(map[string]string{"Range": "bytes=0-1", "If-Range": `"stale"`}))
	if w.Code != http.StatusOK || w.Body.String() != "BR-wasm-0123456789" {
		t.Errorf("If-Range stale: got %d %q; want 200 with the whole br form", w.Code, w.Body.String())
	}
	w = get(t, h, "GET", wasm, with(map[string]string{"Range": "bytes=0-1,4-5"}))
	if w.Code != http.StatusPartialContent || !strings.HasPrefix(w.Header().Get("Content-Type"), "multipart/byteranges") {
		t.Errorf("two ranges: got %d %q; want 206 multipart/byteranges", w.Code, w.Header().Get("Content-Type"))
	}
	w = get(t, h, "GET", wasm, with(map[string]string{"Range": "bytes=100-200"}))
	if w.Code != http.StatusRequestedRangeNotSatisfiable || w.Header().Get("Content-Encoding") != "" || w.Header().Get("Content-Range") != "bytes */18" {
		t.Errorf("unsatisfiable Range: got %d encoding %q range %q; want 416 bytes */18 without an encoding", w.Code, w.Header().Get("Content-Encoding"), w.Header().Get("Content-Range"))
	}
}

func TestHandlerUnreadableFile(t *testing.T) {
	h := Handler(statOnlyFS{testSite()})
	w := get(t, h, "GET", "/assets/plain.css", nil)
	if w.Code != http.StatusInternalServerError || strings.Contains(w.Body.String(), "p{}") {
		t.Errorf("unreadable file: got %d %q; want 500", w.Code, w.Body.String())
	}
}

// statOnlyFS answers Stat but refuses to open files, like a file that
// became unreadable after it was listed.
type statOnlyFS struct{ m fstest.MapFS }

func (s statOnlyFS) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
}

func (s statOnlyFS) Stat(name string) (fs.FileInfo, error) { return s.m.Stat(name) }
