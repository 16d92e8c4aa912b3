package edge

import (
	"cmp"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// DefaultLang is the language of the site's home page at /.
const DefaultLang = "en"

// maxProbes bounds how many languages one request may ask the assets
// about.
const maxProbes = 3

// home serves / in the visitor's language: a redirect to /LANG/ when the
// visitor arrives from elsewhere preferring a language the site has, the
// default home page otherwise.
func (h *handler) home(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		// Answered here: the Workers fetch refuses some methods outright.
		w.Header().Set("Allow", "GET, HEAD")
		fail(w, http.StatusMethodNotAllowed, "only GET and HEAD")
		return
	}
	// Whatever the outcome, it depended on this header.
	w.Header().Add("Vary", "Accept-Language")
	if sameSite(r) {
		h.assets.ServeHTTP(w, r)
		return
	}
	probes := 0
	for _, lang := range preferred(r.Header.Get("Accept-Language")) {
		if lang == DefaultLang || probes == maxProbes {
			break
		}
		probes++
		if h.exists(r, "/"+lang+"/") {
			setHeaders(w, "/")
			target := "/" + lang + "/"
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, target, http.StatusFound)
			return
		}
	}
	h.assets.ServeHTTP(w, r)
}

// exists asks the assets whether the page at p is there.
func (h *handler) exists(r *http.Request, p string) bool {
	u := *r.URL
	u.Path, u.RawPath, u.RawQuery = p, "", ""
	probe, err := http.NewRequestWithContext(r.Context(), http.MethodHead, u.String(), nil)
	if err != nil {
		return false
	}
	probe.Host = r.Host
	rec := &statusRecorder{header: http.Header{}, status: http.StatusOK}
	h.assets.ServeHTTP(rec, probe)
	return rec.status == http.StatusOK
}

// statusRecorder keeps the status of a response and drops the rest.
type statusRecorder struct {
	header      http.Header
	status      int
	wroteHeader bool
}

func (s *statusRecorder) Header() http.Header { return s.header }

func (s *statusRecorder) WriteHeader(status int) {
	if !s.wroteHeader {
		s.status, s.wroteHeader = status, true
	}
}

func (s *statusRecorder) Write(p []byte) (int, error) {
	s.WriteHeader(http.StatusOK)
	return len(p), nil
}

// preferred returns the primary language subtags of an Accept-Language
// header, most wanted first, without those refused (q=0), the wildcard or
// anything malformed.
func preferred(header string) []string {
	type weighted struct {
		lang string
		q    float64
	}
	var langs []weighted
	for i, part := range strings.Split(header, ",") {
		if i == 16 {
			break // nobody prefers a seventeenth language
		}
		tag, params, _ := strings.Cut(part, ";")
		primary, _, _ := strings.Cut(strings.TrimSpace(tag), "-")
		primary = strings.ToLower(primary)
		if !isLangCode(primary) {
			continue
		}
		q := 1.0
		if k, v, ok := strings.Cut(strings.TrimSpace(params), "="); ok && strings.TrimSpace(k) == "q" {
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil || f < 0 || f > 1 {
				continue
			}
			q = f
		}
		if q > 0 && !slices.ContainsFunc(langs, func(w weighted) bool { return w.lang == primary }) {
			langs = append(langs, weighted{primary, q})
		}
	}
	slices.SortStableFunc(langs, func(a, b weighted) int { return cmp.Compare(b.q, a.q) })
	out := make([]string, len(langs))
	for i, l := range langs {
		out[i] = l.lang
	}
	return out
}

// isLangCode reports whether s is an ISO 639 language code: two or three
// ASCII letters, which is also safe to put in a path.
func isLangCode(s string) bool {
	if len(s) < 2 || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}
