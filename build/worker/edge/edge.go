package edge

import (
	"net/http"
	"net/url"
	"strings"

	"nexuslab/site/serve"
)

// Config says what the Worker serves.
type Config struct {
	// Assets serves the static site: every request the Worker does not
	// answer itself goes to it, and it is asked (with HEAD) whether a
	// language's home page exists.
	Assets http.Handler
	// Sims lists the simulations that have an embed page.
	Sims []Sim
}

// Handler returns the Worker's handler for c.
func Handler(c Config) http.Handler {
	sims := make(map[string]Sim, len(c.Sims))
	for _, s := range c.Sims {
		sims[s.Name] = s
	}
	return &handler{assets: c.Assets, sims: sims}
}

type handler struct {
	assets http.Handler
	sims   map[string]Sim
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/oembed":
		h.oembed(w, r)
	case "/":
		h.home(w, r)
	default:
		h.assets.ServeHTTP(w, r)
	}
}

// origin returns the scheme and host the request reached, which the
// Worker sees as an absolute URL and a plain server as a Host header.
func origin(r *http.Request) (scheme, host string) {
	scheme, host = r.URL.Scheme, r.Host
	if host == "" {
		host = r.URL.Host
	}
	if scheme == "" {
		scheme = "http"
		if r.TLS != nil {
			scheme = "https"
		}
	}
	return scheme, strings.ToLower(host)
}

// sameSite reports whether the visitor came from a page of this site, by
// the Fetch metadata browsers send or, failing that, the Referer.
func sameSite(r *http.Request) bool {
	if s := r.Header.Get("Sec-Fetch-Site"); s != "" {
		return s == "same-origin"
	}
	ref, err := url.Parse(r.Header.Get("Referer"))
	if err != nil || ref.Host == "" {
		return false
	}
	_, host := origin(r)
	return strings.EqualFold(ref.Host, host)
}

// setHeaders puts the site's headers for path p on w.
func setHeaders(w http.ResponseWriter, p string) {
	for k, v := range serve.Headers(p) {
		w.Header()[k] = v
	}
}

// fail sends a short plain-text error.
func fail(w http.ResponseWriter, status int, msg string) {
	setHeaders(w, "/")
	w.Header().Set("Cache-Control", "no-store")
	http.Error(w, msg, status)
}
