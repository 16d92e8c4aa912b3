package serve

import (
	"mime"
	"net/http"
	"path"
	"regexp"
	"strings"
)

// MaxURI is the longest request target served, in bytes; longer ones get
// 414. The site's own URLs are far shorter, and a simulation's state in a
// query string fits comfortably.
const MaxURI = 2048

// cspBase allows the site's own scripts and the wasm compiler, nothing
// inline.
const cspBase = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"

// Header values every way of serving the site sends.
const (
	// PageCSP is the Content-Security-Policy of every response outside
	// /embed/: no site may frame it.
	PageCSP = cspBase + "; frame-ancestors 'none'"
	// EmbedCSP is the Content-Security-Policy of the embed pages, which
	// any site may frame.
	EmbedCSP = cspBase + "; frame-ancestors *"
	// CacheImmutable is the Cache-Control of fingerprinted assets: their
	// name changes whenever their content does.
	CacheImmutable = "public, max-age=31536000, immutable"
	// CacheRevalidate is the Cache-Control of everything else: a cache
	// may keep it but must ask again, cheaply thanks to the ETag.
	CacheRevalidate = "no-cache"
	// ReferrerPolicy keeps full URLs, with a simulation's state in them,
	// from leaving the site.
	ReferrerPolicy = "strict-origin-when-cross-origin"
)

// EmbedPrefix is the URL path under which pages may be framed by any
// site; a translated site has them under /LANG/embed/ too.
const EmbedPrefix = "/embed/"

// fingerprinted matches asset paths that carry a content hash.
var fingerprinted = regexp.MustCompile(`^/assets/[^/]+\.[0-9a-f]{10}\.[a-z0-9]+$`)

// Fingerprinted reports whether the site path p (as in a URL, starting
// with "/") names an asset whose name carries a hash of its content, which
// caches may keep for a year.
func Fingerprinted(p string) bool { return fingerprinted.MatchString(p) }

// Embeddable reports whether the site path p may be framed by any site:
// the embed pages, under /embed/ or a language's /LANG/embed/.
func Embeddable(p string) bool {
	if strings.HasPrefix(p, EmbedPrefix) {
		return true
	}
	lang, rest, ok := strings.Cut(strings.TrimPrefix(p, "/"), "/")
	return ok && LangTag(lang) && strings.HasPrefix("/"+rest, EmbedPrefix)
}

// LangTag reports whether s has the shape of a BCP 47 language tag as the
// site uses them for path prefixes: a primary subtag of two or three
// lower-case letters, then optional subtags of letters and digits, such
// as "vi" or "zh-Hant".
func LangTag(s string) bool {
	parts := strings.Split(s, "-")
	if p := parts[0]; len(p) < 2 || len(p) > 3 || strings.Trim(p, "abcdefghijklmnopqrstuvwxyz") != "" {
		return false
	}
	for _, sub := range parts[1:] {
		if len(sub) < 1 || len(sub) > 8 || strings.Trim(sub, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") != "" {
			return false
		}
	}
	return true
}

// Headers returns the security and caching headers of the site path p.
// The handler sends them with every file; the Worker's static-asset rules
// are written from the same values.
func Headers(p string) http.Header {
	h := make(http.Header, 6)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", ReferrerPolicy)
	if Embeddable(p) {
		h.Set("Content-Security-Policy", EmbedCSP)
	} else {
		h.Set("Content-Security-Policy", PageCSP)
		h.Set("X-Frame-Options", "DENY")
	}
	if Fingerprinted(p) {
		h.Set("Cache-Control", CacheImmutable)
	} else {
		h.Set("Cache-Control", CacheRevalidate)
	}
	return h
}

// contentTypes fixes the types the system's tables may lack or get wrong.
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
	".jpg":         "image/jpeg",
	".webp":        "image/webp",
	".ico":         "image/x-icon",
	".pdf":         "application/pdf",
	".woff2":       "font/woff2",
	".webmanifest": "application/manifest+json",
}

// ContentType returns the Content-Type of a file by the extension of its
// name, falling back to application/octet-stream, which nosniff keeps from
// being guessed at.
func ContentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}
