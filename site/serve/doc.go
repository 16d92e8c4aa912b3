// Package serve serves a built Nexus Lab site over HTTP: the same rules
// for the local server, the classroom binary and, through the headers it
// exports, the edge.
//
// # What a request gets
//
// Only GET and HEAD are served; other methods get 405 with Allow. A URL
// longer than MaxURI gets 414. Paths with NUL or other control bytes,
// backslashes, empty segments or "." and ".." segments, whether written
// plainly or percent-encoded, get 400: they are refused, never resolved,
// so no spelling of a path reaches outside the site root.
//
// A file is served in the best form the client accepts: NAME.br, NAME.gz
// or NAME itself, chosen by the q-values of Accept-Encoding, with Vary:
// Accept-Encoding whenever a compressed twin exists. The twins are not
// addressable by their own names. Each form carries a strong ETag made
// from a hash of its bytes, so validators stay the same across restarts
// and rebuilds of unchanged files; conditional requests and byte ranges
// apply to the form served. A directory is served by its index.html and
// is redirected to its name with a trailing slash. Anything else gets the
// site's 404.html with status 404.
//
// Every response carries the headers of Headers: nosniff, a referrer
// policy, a Content-Security-Policy without 'unsafe-inline' whose frame
// rule lets any site frame the embed pages under /embed/ (or a
// translation's /LANG/embed/) and no site frame the others, and caching
// that is immutable for fingerprinted assets and revalidating for
// everything else.
//
// # Servers
//
// NewServer wraps a handler in an http.Server with timeouts and limits
// that keep one slow or hostile client from holding the server.
package serve
