package site

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"testing/fstest"

	"nexuslab/site/serve"
)

// The rules themselves are tested in package serve; this checks that
// Handler applies them.
func TestHandlerServesWithTheRules(t *testing.T) {
	h := Handler(fstest.MapFS{
		"index.html":    {Data: []byte("<p>home</p>")},
		"index.html.br": {Data: []byte("BR-home")},
		"404.html":      {Data: []byte("<p>not here</p>")},
	})
	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("Accept-Encoding", "br")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != 200 || w.Body.String() != "BR-home" || w.Header().Get("Content-Security-Policy") != serve.PageCSP {
		t.Errorf("GET /: %d %q CSP %q; want the br form with the page CSP", w.Code, w.Body.String(), w.Header().Get("Content-Security-Policy"))
	}
	w = httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/%2e%2e/x", nil))
	if w.Code != http.StatusBadRequest {
		t.Errorf("GET /%%2e%%2e/x: %d; want 400", w.Code)
	}
}
