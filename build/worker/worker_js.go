package main

import (
	"io"
	"net/http"

	"github.com/syumai/workers"
	"github.com/syumai/workers/cloudflare"
	"github.com/syumai/workers/cloudflare/fetch"
)

// serveWorker hands h to the Workers runtime. It does not return while
// the Worker runs.
func serveWorker(h http.Handler) error {
	workers.Serve(h)
	return nil
}

// assets returns a handler that answers from the ASSETS binding: the
// static site, with its _headers applied by the runtime.
func assets() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			// The static assets answer nothing else, and the runtime's
			// fetch throws on some methods.
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		client := fetch.NewClient(fetch.WithBinding(cloudflare.GetBinding("ASSETS")))
		req, err := fetch.NewRequest(r.Context(), r.Method, r.URL.String(), nil)
		if err != nil {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		req.Header = r.Header.Clone()
		res, err := client.Do(req, &fetch.RequestInit{Redirect: fetch.RedirectModeManual})
		if err != nil {
			http.Error(w, "the site's files are unavailable", http.StatusBadGateway)
			return
		}
		defer res.Body.Close()
		for k, v := range res.Header {
			if k == "Vary" {
				// Keep what the Worker's own route already varies on.
				w.Header()[k] = append(w.Header()[k], v...)
				continue
			}
			w.Header()[k] = v
		}
		w.WriteHeader(res.StatusCode)
		if r.Method == http.MethodHead || res.StatusCode == http.StatusNotModified || res.StatusCode == http.StatusNoContent {
			// No body to pass on; reading an absent one would fail.
			return
		}
		// The runtime's writer takes the asset's body stream as it is,
		// without copying it through Go.
		_, _ = io.Copy(w, res.Body)
	})
}
