package site

import (
	"io"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// maxURL is the longest request URI served; longer ones get 414.
const maxURL = 2048

// The Content-Security-Policy of every page. Embed pages may be framed by
// any site; no other page may be framed.
const (
	cspBase  = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"
	cspPage  = cspBase + "; frame-ancestors 'none'"
	cspEmbed = cspBase + "; frame-ancestors *"
)

// fingerprinted matches asset names that carry a content hash, which may
// be cached for a year.
var fingerprinted = regexp.MustCompile(`^/assets/[^/]+\.[0-9a-f]{10}\.[a-z0-9]+$`)

// contentTypes fixes the types mime's system tables may lack or get wrong.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".json":        "application/json",
	".wasm":        "application/wasm",
	".svg":         "image/svg+xml",
	".xml":         "application/xml",
	".txt":         "text/plain; charset=utf-8",
	".csv":         "text/csv; charset=utf-8",
	".png":         "image/png",
	".ico":         "image/x-icon",
	".webmanifest": "application/manifest+json",
}

// Handler serves the built site in root. It serves only GET and HEAD,
// picks the precompressed .br or .gz file the client accepts, sets strong
// ETags, honours Range and conditional requests, and sets the security
// and caching headers. Unknown paths get the site's 404 page with status
// 404.
func Handler(root fs.FS) http.Handler {
	return &handler{root: root}
}

type handler struct {
	root fs.FS
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Referrer-Policy", "strict-origin-when-cross-origin")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hdr.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if len(r.RequestURI) > maxURL {
		http.Error(w, "URI too long", http.StatusRequestURITooLong)
		return
	}
	name, ok := cleanPath(r.URL.Path)
	if !ok {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if st, err := fs.Stat(h.root, strings.TrimSuffix(name, "/")); name != "" && err == nil && st.IsDir() && !strings.HasSuffix(r.URL.Path, "/") {
		target := r.URL.Path + "/"
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
		return
	}
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	if h.serveFile(w, r, name, http.StatusOK) {
		return
	}
	if !h.serveFile(w, r, "404.html", http.StatusNotFound) {
		http.Error(w, "not found", http.StatusNotFound)
	}
}

// cleanPath turns a URL path into a name inside the root. It refuses NUL
// bytes, backslashes and any ".." segment rather than resolving them, so
// that no spelling of a path reaches outside the root.
func cleanPath(p string) (string, bool) {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\x00\\") {
		return "", false
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." || seg == "." {
			return "", false
		}
	}
	name := strings.TrimPrefix(path.Clean(p), "/")
	if name == "." {
		name = ""
	}
	if strings.HasSuffix(p, "/") && name != "" {
		name += "/"
	}
	return name, true
}

// serveFile writes name, or its best precompressed form, with status. It
// reports false when name does not exist.
func (h *handler) serveFile(w http.ResponseWriter, r *http.Request, name string, status int) bool {
	st, err := fs.Stat(h.root, name)
	if err != nil || st.IsDir() {
		return false
	}
	hdr := w.Header()
	ext := path.Ext(name)
	ctype, ok := contentTypes[ext]
	if !ok {
		if ctype = mime.TypeByExtension(ext); ctype == "" {
			ctype = "application/octet-stream"
		}
	}
	hdr.Set("Content-Type", ctype)
	if ext == ".html" {
		if strings.HasPrefix(name, "embed/") {
			hdr.Set("Content-Security-Policy", cspEmbed)
		} else {
			hdr.Set("Content-Security-Policy", cspPage)
			hdr.Set("X-Frame-Options", "DENY")
		}
	}
	switch {
	case status != http.StatusOK:
		hdr.Set("Cache-Control", "no-store")
	case fingerprinted.MatchString("/" + name):
		hdr.Set("Cache-Control", "public, max-age=31536000, immutable")
	default:
		hdr.Set("Cache-Control", "no-cache")
	}

	file, enc := name, ""
	if compressible[ext] {
		hdr.Add("Vary", "Accept-Encoding")
		for _, e := range []struct{ token, suffix string }{{"br", ".br"}, {"gzip", ".gz"}} {
			if accepts(r.Header.Get("Accept-Encoding"), e.token) {
				if zst, err := fs.Stat(h.root, name+e.suffix); err == nil && !zst.IsDir() {
					file, enc, st = name+e.suffix, e.token, zst
					break
				}
			}
		}
	}
	f, err := h.root.Open(file)
	if err != nil {
		return false
	}
	defer f.Close()
	if enc != "" {
		hdr.Set("Content-Encoding", enc)
	}
	// A strong validator per representation: size and time of the file
	// served, which differ between the identity, br and gzip forms.
	hdr.Set("ETag", `"`+hexInt(st.Size())+"-"+hexInt(st.ModTime().UnixNano())+enc+`"`)
	if status != http.StatusOK {
		w.WriteHeader(status)
		if r.Method != http.MethodHead {
			_, _ = io.Copy(w, f)
		}
		return true
	}
	rs, ok := f.(io.ReadSeeker)
	if !ok {
		data, err := io.ReadAll(f)
		if err != nil {
			return false
		}
		rs = strings.NewReader(string(data))
	}
	http.ServeContent(w, r, "", st.ModTime().Truncate(time.Second), rs)
	return true
}

// accepts reports whether an Accept-Encoding header allows token, giving
// q=0 its meaning of "not acceptable".
func accepts(header, token string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), token) && strings.TrimSpace(name) != "*" {
			continue
		}
		q := strings.ReplaceAll(strings.TrimSpace(params), " ", "")
		return !(q == "q=0" || q == "q=0.0" || q == "q=0.00" || q == "q=0.000")
	}
	return false
}

func hexInt(n int64) string { return strconv.FormatInt(n, 16) }
