package edge

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"testing/fstest"

	"nexuslab/site/serve"
)

var testSims = []Sim{{Name: "bell", Title: "Bell pair"}, {Name: "grover", Title: `Grover's "search" <fast>`}}

func testHandler(langs ...string) http.Handler {
	site := fstest.MapFS{
		"index.html":            {Data: []byte("<p>home</p>")},
		"404.html":              {Data: []byte("<p>not here</p>")},
		"embed/bell/index.html": {Data: []byte("<p>bell</p>")},
	}
	for _, l := range langs {
		site[l+"/index.html"] = &fstest.MapFile{Data: []byte("<p>home " + l + "</p>")}
	}
	return Handler(Config{Assets: serve.Handler(site), Sims: testSims})
}

func do(t *testing.T, h http.Handler, method, target string, hdr map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(method, target, nil)
	for k, v := range hdr {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func oembedURL(params ...string) string {
	v := url.Values{}
	for i := 0; i+1 < len(params); i += 2 {
		v.Set(params[i], params[i+1])
	}
	return "http://lab.example/oembed?" + v.Encode()
}

func TestOEmbed(t *testing.T) {
	h := testHandler()
	w := do(t, h, "GET", oembedURL("url", "https://lab.example/embed/bell/?seed=7&shots=1000", "format", "json"), nil)
	if w.Code != 200 {
		t.Fatalf("status %d %q; want 200", w.Code, w.Body.String())
	}
	if ct := w.Header().Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type %q; want application/json", ct)
	}
	if w.Header().Get("Access-Control-Allow-Origin") != "*" || w.Header().Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("headers %v lack CORS or nosniff", w.Header())
	}
	var got map[string]any
	if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil {
		t.Fatalf("body %q: %v", w.Body.String(), err)
	}
	want := map[string]any{
		"type": "rich", "version": "1.0", "title": "Bell pair", "provider_name": "Nexus Lab",
		"provider_url": "http://lab.example/", "width": 800.0, "height": 520.0, "cache_age": 86400.0,
		"html": `<iframe src="http://lab.example/embed/bell/?seed=7&amp;shots=1000" title="Bell pair simulation" width="800" height="520" loading="lazy" allow="fullscreen" style="border:0;max-width:100%"></iframe>`,
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %#v; want %#v", k, got[k], v)
		}
	}
	if len(got) != len(want) {
		t.Errorf("answer has fields %v; want exactly %v", got, want)
	}
}

func TestOEmbedTranslatedPage(t *testing.T) {
	w := do(t, testHandler(), "GET", oembedURL("url", "http://lab.example/vi/embed/bell/index.html?seed=3"), nil)
	var got struct{ HTML string }
	if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil || w.Code != 200 {
		t.Fatalf("%d %q: %v", w.Code, w.Body.String(), err)
	}
	if !strings.Contains(got.HTML, `src="http://lab.example/vi/embed/bell/?seed=3"`) {
		t.Errorf("html %q: want the Vietnamese embed page", got.HTML)
	}
}

func TestOEmbedSizes(t *testing.T) {
	h := testHandler()
	for _, c := range []struct {
		maxW, maxH string
		w, h       float64
	}{
		{"", "", 800, 520},
		{"400", "", 400, 260},
		{"", "260", 400, 260},
		{"1000", "1000", 800, 520}, // never scaled up
		{"600", "300", 461, 300},
		{"1", "", 1, 1},
	} {
		params := []string{"url", "http://lab.example/embed/bell"}
		if c.maxW != "" {
			params = append(params, "maxwidth", c.maxW)
		}
		if c.maxH != "" {
			params = append(params, "maxheight", c.maxH)
		}
		w := do(t, h, "GET", oembedURL(params...), nil)
		var got struct {
			Width, Height float64
			HTML          string
		}
		if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil || w.Code != 200 {
			t.Fatalf("maxwidth %q maxheight %q: %d %q", c.maxW, c.maxH, w.Code, w.Body.String())
		}
		if got.Width != c.w || got.Height != c.h {
			t.Errorf("maxwidth %q maxheight %q: %vx%v; want %vx%v", c.maxW, c.maxH, got.Width, got.Height, c.w, c.h)
		}
		if size := fmt.Sprintf(`width="%d" height="%d"`, int(c.w), int(c.h)); !strings.Contains(got.HTML, size) {
			t.Errorf("html %q does not carry %s", got.HTML, size)
		}
	}
}

func TestOEmbedRefusals(t *testing.T) {
	h := testHandler()
	for _, c := range []struct {
		target string
		status int
	}{
		{oembedURL("url", "http://lab.example/embed/nosuch/"), 404},
		{oembedURL("url", "http://lab.example/VI/embed/bell/"), 404},
		{oembedURL("url", "http://lab.example/x/y/embed/bell/"), 404},
		{oembedURL("url", "http://lab.example/vi/"), 404},
		{oembedURL("url", "http://other.example/embed/bell/"), 404},
		{oembedURL("url", "http://lab.example.evil/embed/bell/"), 404},
		{oembedURL("url", "http://user@lab.example/embed/bell/"), 404},
		{oembedURL("url", "javascript://lab.example/embed/bell/"), 404},
		{oembedURL("url", "http://lab.example/case-studies/x/"), 404},
		{oembedURL("url", "http://lab.example/embed/bell/extra/"), 404},
		{oembedURL("url", "http://lab.example/embed/bell/?a=%zz"), 404},
		{oembedURL("url", "%%%"), 404},
		{oembedURL(), 400},
		{oembedURL("url", "http://lab.example/embed/bell/", "format", "xml"), 501},
		{oembedURL("url", "http://lab.example/embed/bell/", "format", "JSON"), 501},
		{oembedURL("url", "http://lab.example/embed/bell/", "maxwidth", "wide"), 400},
		{oembedURL("url", "http://lab.example/embed/bell/", "maxheight", "0"), 400},
		{oembedURL("url", "http://lab.example/embed/bell/", "maxwidth", "-5"), 400},
		{"http://lab.example/oembed?url=%zz", 400},
		{"http://lab.example/oembed?" + strings.Repeat("a", serve.MaxURI+1), 414},
	} {
		w := do(t, h, "GET", c.target, nil)
		if w.Code != c.status {
			t.Errorf("GET %s: status %d %q; want %d", c.target, w.Code, w.Body.String(), c.status)
		}
		if w.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s: no nosniff", c.target)
		}
	}
	w := do(t, h, "POST", oembedURL("url", "http://lab.example/embed/bell/"), nil)
	if w.Code != 405 || w.Header().Get("Allow") != "GET, HEAD" {
		t.Errorf("POST: %d Allow %q; want 405 GET, HEAD", w.Code, w.Header().Get("Allow"))
	}
	w = do(t, h, "HEAD", oembedURL("url", "http://lab.example/embed/bell/"), nil)
	if w.Code != 200 || w.Body.Len() != 0 || w.Header().Get("Content-Length") == "" {
		t.Errorf("HEAD: %d with %d bytes, Content-Length %q", w.Code, w.Body.Len(), w.Header().Get("Content-Length"))
	}
	empty := Handler(Config{Assets: http.NotFoundHandler()})
	if w := do(t, empty, "GET", oembedURL("url", "http://lab.example/embed/bell/"), nil); w.Code != 500 || !strings.Contains(w.Body.String(), "make worker") {
		t.Errorf("Worker without catalogue: %d %q; want 500 saying how to build it", w.Code, w.Body.String())
	}
}

func TestOEmbedEscapes(t *testing.T) {
	h := testHandler()
	w := do(t, h, "GET", oembedURL("url", `http://lab.example/embed/grover/?q="><script>`), nil)
	var got struct{ Title, HTML string }
	if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil || w.Code != 200 {
		t.Fatalf("%d %q: %v", w.Code, w.Body.String(), err)
	}
	if got.Title != `Grover's "search" <fast>` {
		t.Errorf("title %q", got.Title)
	}
	if strings.Contains(got.HTML, "<script") || strings.Contains(got.HTML, `"search"`) {
		t.Errorf("html %q lets the title or state out of their attributes", got.HTML)
	}
	if !strings.Contains(got.HTML, `src="http://lab.example/embed/grover/?q=%22%3E%3Cscript%3E"`) {
		t.Errorf("html %q: want the state re-encoded into the src", got.HTML)
	}
}

func TestLanguageNegotiation(t *testing.T) {
	h := testHandler("vi")
	for _, c := range []struct {
		name     string
		hdr      map[string]string
		location string // "" when the English home page is served
	}{
		{"vietnamese", map[string]string{"Accept-Language": "vi-VN,vi;q=0.9,en;q=0.8"}, "/vi/"},
		{"vietnamese second", map[string]string{"Accept-Language": "en;q=0.5, vi"}, "/vi/"},
		{"english first", map[string]string{"Accept-Language": "en-US,en;q=0.9,vi;q=0.8"}, ""},
		{"no header", nil, ""},
		{"language the site lacks", map[string]string{"Accept-Language": "th, vi;q=0.7"}, "/vi/"},
		{"only languages the site lacks", map[string]string{"Accept-Language": "th, fr, de, vi;q=0.1"}, ""},
		{"refused", map[string]string{"Accept-Language": "vi;q=0, en;q=0.1"}, ""},
		{"malformed", map[string]string{"Accept-Language": "vi;q=2, ../x, *, 12"}, ""},
		{"from inside the site", map[string]string{"Accept-Language": "vi", "Sec-Fetch-Site": "same-origin"}, ""},
		{"from a link elsewhere", map[string]string{"Accept-Language": "vi", "Sec-Fetch-Site": "cross-site"}, "/vi/"},
		{"referred by the site", map[string]string{"Accept-Language": "vi", "Referer": "http://lab.example/vi/"}, ""},
		{"referred from elsewhere", map[string]string{"Accept-Language": "vi", "Referer": "https://search.example/?q=lab"}, "/vi/"},
	} {
		w := do(t, h, "GET", "http://lab.example/", c.hdr)
		if got := w.Header().Values("Vary"); len(got) == 0 || got[0] != "Accept-Language" {
			t.Errorf("%s: Vary %q; want Accept-Language", c.name, got)
		}
		if c.location != "" {
			if w.Code != http.StatusFound || w.Header().Get("Location") != c.location {
				t.Errorf("%s: %d to %q; want 302 to %s", c.name, w.Code, w.Header().Get("Location"), c.location)
			}
			continue
		}
		if w.Code != 200 || w.Body.String() != "<p>home</p>" {
			t.Errorf("%s: %d %q; want the English home page", c.name, w.Code, w.Body.String())
		}
	}
	// A site with no translations never redirects.
	if w := do(t, testHandler(), "GET", "http://lab.example/", map[string]string{"Accept-Language": "vi"}); w.Code != 200 {
		t.Errorf("no translations: %d; want 200", w.Code)
	}
	// The query string survives the redirect; HEAD is negotiated too.
	w := do(t, h, "HEAD", "http://lab.example/?utm=x", map[string]string{"Accept-Language": "vi"})
	if w.Code != http.StatusFound || w.Header().Get("Location") != "/vi/?utm=x" {
		t.Errorf("HEAD with query: %d to %q", w.Code, w.Header().Get("Location"))
	}
	for _, m := range []string{"POST", "TRACE", "CONNECT", "OPTIONS"} {
		if w := do(t, h, m, "http://lab.example/", map[string]string{"Accept-Language": "vi"}); w.Code != 405 || w.Header().Get("Allow") != "GET, HEAD" {
			t.Errorf("%s /: %d Allow %q; want 405 GET, HEAD", m, w.Code, w.Header().Get("Allow"))
		}
	}
}

func TestOtherPathsGoToAssets(t *testing.T) {
	h := testHandler("vi")
	if w := do(t, h, "GET", "http://lab.example/embed/bell/", map[string]string{"Accept-Language": "vi"}); w.Code != 200 || w.Body.String() != "<p>bell</p>" {
		t.Errorf("embed page: %d %q", w.Code, w.Body.String())
	}
	if w := do(t, h, "GET", "http://lab.example/oembed/", nil); w.Code != 404 {
		t.Errorf("/oembed/: %d; want the assets' 404", w.Code)
	}
}

func TestSimsRoundTrip(t *testing.T) {
	s, err := FormatSims(testSims)
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(s, " '\"") {
		t.Errorf("FormatSims = %q; want nothing a linker flag must quote", s)
	}
	back, err := ParseSims(s)
	if err != nil || len(back) != 2 || back[0] != testSims[0] || back[1] != testSims[1] {
		t.Errorf("ParseSims(%q) = %v, %v; want %v", s, back, err, testSims)
	}
	for _, bad := range [][]Sim{{{Name: "Bell", Title: "x"}}, {{Name: "a/b", Title: "x"}}, {{Name: "bell", Title: " "}}, {{Name: "a", Title: "x"}, {Name: "a", Title: "y"}}} {
		if _, err := FormatSims(bad); err == nil {
			t.Errorf("FormatSims(%v) succeeded", bad)
		}
	}
	for _, bad := range []string{"", "%zz", "bell=", "a=1&a=2", "../x=t"} {
		if _, err := ParseSims(bad); err == nil {
			t.Errorf("ParseSims(%q) succeeded", bad)
		}
	}
}
