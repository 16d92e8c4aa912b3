package edge

import (
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"nexuslab/site/serve"
)

// The size of an embedded simulation when the consumer sets no bounds:
// room for the canvas and its controls beside it.
const (
	DefaultWidth  = 800
	DefaultHeight = 520
)

// cacheAge is how long, in seconds, a consumer may keep an answer.
const cacheAge = 86400

// ProviderName names the site in oEmbed answers.
const ProviderName = "Nexus Lab"

// oembedCSP forbids everything: the answer is data, not a page.
const oembedCSP = "default-src 'none'; frame-ancestors 'none'"

// response is an oEmbed 1.0 answer of type rich.
type response struct {
	Type         string `json:"type"`
	Version      string `json:"version"`
	Title        string `json:"title"`
	ProviderName string `json:"provider_name"`
	ProviderURL  string `json:"provider_url"`
	CacheAge     int    `json:"cache_age"`
	HTML         string `json:"html"`
	Width        int    `json:"width"`
	Height       int    `json:"height"`
}

func (h *handler) oembed(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		fail(w, http.StatusMethodNotAllowed, "oEmbed answers GET and HEAD")
		return
	}
	if len(r.URL.RawQuery) > serve.MaxURI {
		fail(w, http.StatusRequestURITooLong, "request too long")
		return
	}
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		fail(w, http.StatusBadRequest, "malformed query string")
		return
	}
	if f := q.Get("format"); f != "" && f != "json" {
		fail(w, http.StatusNotImplemented, "only format=json is implemented")
		return
	}
	maxW, errW := bound(q, "maxwidth")
	maxH, errH := bound(q, "maxheight")
	if errW != nil || errH != nil {
		fail(w, http.StatusBadRequest, errors.Join(errW, errH).Error())
		return
	}
	if len(h.sims) == 0 {
		fail(w, http.StatusInternalServerError, "this Worker was built without the simulation catalogue: build it with make worker")
		return
	}
	target := q.Get("url")
	if target == "" {
		fail(w, http.StatusBadRequest, "the url parameter is required")
		return
	}
	scheme, host := origin(r)
	sim, page, state, ok := h.embedded(target, host)
	if !ok {
		fail(w, http.StatusNotFound, "no simulation is embedded at that URL on this site")
		return
	}
	src := scheme + "://" + host + page
	if state != "" {
		src += "?" + state
	}
	width, height := fit(DefaultWidth, DefaultHeight, maxW, maxH)
	title := sim.Title
	body, err := json.Marshal(response{
		Type:         "rich",
		Version:      "1.0",
		Title:        title,
		ProviderName: ProviderName,
		ProviderURL:  scheme + "://" + host + "/",
		CacheAge:     cacheAge,
		HTML: fmt.Sprintf(`<iframe src="%s" title="%s" width="%d" height="%d" loading="lazy" allow="fullscreen" style="border:0;max-width:100%%"></iframe>`,
			html.EscapeString(src), html.EscapeString(title+" simulation"), width, height),
		Width:  width,
		Height: height,
	})
	if err != nil {
		fail(w, http.StatusInternalServerError, "encode the answer")
		return
	}
	hdr := w.Header()
	hdr.Set("Content-Type", "application/json")
	hdr.Set("Content-Length", strconv.Itoa(len(body)))
	hdr.Set("Cache-Control", "public, max-age="+strconv.Itoa(cacheAge))
	// Course platforms fetch it from their pages' scripts too.
	hdr.Set("Access-Control-Allow-Origin", "*")
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Content-Security-Policy", oembedCSP)
	hdr.Set("Referrer-Policy", serve.ReferrerPolicy)
	if r.Method == http.MethodHead {
		return
	}
	_, _ = w.Write(body)
}

// embedded finds the simulation whose embed page target names on host,
// in English (/embed/NAME/) or a translation (/LANG/embed/NAME/), and
// returns it with the page's canonical path and the state in its query
// string, re-encoded.
func (h *handler) embedded(target, host string) (sim Sim, page, state string, ok bool) {
	u, err := url.Parse(target)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || !strings.EqualFold(u.Host, host) || u.User != nil {
		return Sim{}, "", "", false
	}
	lang := ""
	rest, ok := strings.CutPrefix(u.Path, serve.EmbedPrefix)
	if !ok {
		l, after, _ := strings.Cut(strings.TrimPrefix(u.Path, "/"), "/")
		if rest, ok = strings.CutPrefix("/"+after, serve.EmbedPrefix); !ok || !serve.LangTag(l) {
			return Sim{}, "", "", false
		}
		lang = "/" + l
	}
	name, tail, _ := strings.Cut(rest, "/")
	if tail != "" && tail != "index.html" {
		return Sim{}, "", "", false
	}
	if sim, ok = h.sims[name]; !ok {
		return Sim{}, "", "", false
	}
	q, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		return Sim{}, "", "", false
	}
	return sim, lang + serve.EmbedPrefix + name + "/", q.Encode(), true
}

// bound reads an optional positive pixel bound from q.
func bound(q url.Values, key string) (int, error) {
	s := q.Get(key)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 100000 {
		return 0, fmt.Errorf("%s must be a whole number of pixels from 1 to 100000, not %q", key, s)
	}
	return n, nil
}

// fit scales w×h down, keeping its shape, to fit within maxW×maxH
// (0 means no bound). It never scales up and never returns zero.
func fit(w, h, maxW, maxH int) (int, int) {
	if maxW > 0 && w > maxW {
		w, h = maxW, h*maxW/w
	}
	if maxH > 0 && h > maxH {
		w, h = w*maxH/h, maxH
	}
	return max(w, 1), max(h, 1)
}
