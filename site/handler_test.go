package site

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

func testSite() fstest.MapFS {
	f := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	return fstest.MapFS{
		"index.html":                     f("<p>home</p>"),
		"index.html.br":                  f("BR-home"),
		"index.html.gz":                  f("GZ-home"),
		"404.html":                       f("<p>not here</p>"),
		"embed/bell/index.html":          f("<p>bell</p>"),
		"case-studies/x/index.html":      f("<p>x</p>"),
		"assets/sims.0123456789.wasm":    f("\x00asm-raw"),
		"assets/sims.0123456789.wasm.br": f("BR-wasm"),
		"assets/style.0123456789.css":    f("body{}"),
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

func TestNegotiation(t *testing.T) {
	h := Handler(testSite())
	cases := []struct{ accept, enc, body string }{
		{"gzip, deflate, br", "br", "BR-home"},
		{"gzip", "gzip", "GZ-home"},
		{"br;q=0, gzip", "gzip", "GZ-home"},
		{"", "", "<p>home</p>"},
		{"identity", "", "<p>home</p>"},
	}
	for _, c := range cases {
		w := get(t, h, "GET", "/", map[string]string{"Accept-Encoding": c.accept})
		if got := w.Header().Get("Content-Encoding"); got != c.enc {
			t.Errorf("Accept-Encoding %q: Content-Encoding got: %q want: %q", c.accept, got, c.enc)
		}
		if got := w.Body.String(); got != c.body {
			t.Errorf("Accept-Encoding %q: body got: %q want: %q", c.accept, got, c.body)
		}
		if got := w.Header().Get("Vary"); got != "Accept-Encoding" {
			t.Errorf("Vary got: %q want: Accept-Encoding", got)
		}
		if got := w.Header().Get("Content-Type"); got != "text/html; charset=utf-8" {
			t.Errorf("Content-Type got: %q", got)
		}
	}
}

func TestWasm(t *testing.T) {
	h := Handler(testSite())
	w := get(t, h, "GET", "/assets/sims.0123456789.wasm", map[string]string{"Accept-Encoding": "br"})
	if got := w.Header().Get("Content-Type"); got != "application/wasm" {
		t.Errorf("Content-Type got: %q want: application/wasm", got)
	}
	if got := w.Header().Get("Content-Encoding"); got != "br" {
		t.Errorf("Content-Encoding got: %q want: br", got)
	}
	if got := w.Header().Get("Cache-Control"); !strings.Contains(got, "immutable") {
		t.Errorf("fingerprinted asset Cache-Control got: %q want immutable", got)
	}
	if got := get(t, h, "GET", "/", nil).Header().Get("Cache-Control"); got != "no-cache" {
		t.Errorf("HTML Cache-Control got: %q want: no-cache", got)
	}
}

func TestSecurityHeaders(t *testing.T) {
	h := Handler(testSite())
	page := get(t, h, "GET", "/case-studies/x/", nil)
	if got := page.Header().Get("X-Content-Type-Options"); got != "nosniff" {
		t.Errorf("nosniff got: %q", got)
	}
	csp := page.Header().Get("Content-Security-Policy")
	for _, want := range []string{"script-src 'self' 'wasm-unsafe-eval'", "frame-ancestors 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("page CSP %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP allows unsafe-inline: %q", csp)
	}
	if got := page.Header().Get("X-Frame-Options"); got != "DENY" {
		t.Errorf("X-Frame-Options got: %q want: DENY", got)
	}
	if got := page.Header().Get("Referrer-Policy"); got == "" {
		t.Error("no Referrer-Policy")
	}
	embed := get(t, h, "GET", "/embed/bell/", nil)
	if csp := embed.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors *") {
		t.Errorf("embed CSP %q must allow framing by any site", csp)
	}
	if got := embed.Header().Get("X-Frame-Options"); got != "" {
		t.Errorf("embed X-Frame-Options got: %q want none", got)
	}
}

func TestRefusesTraversal(t *testing.T) {
	h := Handler(testSite())
	for _, target := range []string{
		"/../etc/passwd",
		"/%2e%2e/etc/passwd",
		"/assets/..%2f..%2fetc%2fpasswd",
		"/assets/%2e%2e/index.html",
		"/index.html%00.css",
		"/assets\\..\\index.html",
	} {
		w := get(t, h, "GET", target, nil)
		if w.Code != http.StatusBadRequest {
			t.Errorf("GET %s: status got: %d want: 400", target, w.Code)
		}
	}
	long := "/" + strings.Repeat("a", maxURL)
	if w := get(t, h, "GET", long, nil); w.Code != http.StatusRequestURITooLong {
		t.Errorf("long URL: status got: %d want: 414", w.Code)
	}
}

func TestMethodsAndNotFound(t *testing.T) {
	h := Handler(testSite())
	w := get(t, h, "POST", "/", nil)
	if w.Code != http.StatusMethodNotAllowed || w.Header().Get("Allow") != "GET, HEAD" {
		t.Errorf("POST: got %d Allow %q; want 405 GET, HEAD", w.Code, w.Header().Get("Allow"))
	}
	w = get(t, h, "GET", "/no/such/page", nil)
	if w.Code != http.StatusNotFound || !strings.Contains(w.Body.String(), "not here") {
		t.Errorf("missing page: got %d %q; want 404 with the 404 page", w.Code, w.Body.String())
	}
	w = get(t, h, "HEAD", "/", nil)
	if w.Code != http.StatusOK || w.Body.Len() != 0 {
		t.Errorf("HEAD: got %d with %d bytes; want 200 and no body", w.Code, w.Body.Len())
	}
	w = get(t, h, "GET", "/embed/bell", nil)
	if w.Code != http.StatusMovedPermanently || w.Header().Get("Location") != "/embed/bell/" {
		t.Errorf("directory without slash: got %d to %q", w.Code, w.Header().Get("Location"))
	}
}

func TestConditionalAndRange(t *testing.T) {
	h := Handler(testSite())
	first := get(t, h, "GET", "/assets/style.0123456789.css", nil)
	etag := first.Header().Get("ETag")
	if !strings.HasPrefix(etag, `"`) {
		t.Fatalf("ETag got: %q; want a strong validator", etag)
	}
	if w := get(t, h, "GET", "/assets/style.0123456789.css", map[string]string{"If-None-Match": etag}); w.Code != http.StatusNotModified {
		t.Errorf("If-None-Match: status got: %d want: 304", w.Code)
	}
	w := get(t, h, "GET", "/assets/style.0123456789.css", map[string]string{"Range": "bytes=0-3"})
	if w.Code != http.StatusPartialContent || w.Body.String() != "body" {
		t.Errorf("Range: got %d %q; want 206 \"body\"", w.Code, w.Body.String())
	}
}
