package site

import (
	"io/fs"
	"net/http"

	"nexuslab/site/serve"
)

// Handler serves the built site in root: precompressed forms by
// Accept-Encoding, strong ETags, Range and conditional requests, the
// security and caching headers, and the 404 page. Package serve holds the
// rules; it is separate so that the Worker and the classroom binary can
// use them without the site generator.
func Handler(root fs.FS) http.Handler {
	return serve.Handler(root)
}
